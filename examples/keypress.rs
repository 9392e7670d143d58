//! One keypress and the frame it leads to, alone, for counting instructions:
//!
//! ```sh
//! cargo build --release --example keypress
//! valgrind --tool=callgrind --toggle-collect='*one_keypress*' \
//!     target/release/examples/keypress target/bench-roadmaps/10000-r20-v3
//! ```
//!
//! The roadmap at that folder is loaded (and its progress), the Roadmap screen opened at
//! 200x60 with the skill list focused and drawn once; then `one_keypress` moves down one skill
//! and draws the frame, which is all callgrind counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use roadmap_tutor::app::{Action, App};
use roadmap_tutor::content::{Source, load};
use roadmap_tutor::progress::Date;
use roadmap_tutor::store::Store;
use roadmap_tutor::ui::Ui;
use roadmap_tutor::ui::theme::Theme;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: keypress ROADMAP_FOLDER   (with its progress.yaml; examples/synth.rs writes one)");
        std::process::exit(2);
    };
    let dir = std::path::PathBuf::from(dir);
    let roadmap = load(&Source::Dir(dir.clone())).unwrap_or_else(|problems| panic!("{problems}"));
    let (_, progress) = Store::open(dir.join("progress.yaml")).expect("the progress file loads");
    let today = Date::new(2026, 11, 30).expect("a date");
    let mut app = App::new(roadmap, progress, today);
    let ui = Ui::new(Theme::new(true));
    app.update(Action::Resize { width: 200, height: 60 });
    ui.step(&mut app, Action::GoRoadmap);
    ui.step(&mut app, Action::Right);
    let area = Rect::new(0, 0, 200, 60);
    let mut buffer = Buffer::empty(area);
    let geometry = ui.render(&app, area, &mut buffer);
    app.update(Action::Drawn(geometry));
    let frame = one_keypress(&mut app, &ui, area);
    // Something of the frame, so nothing is optimised away.
    println!("{}", frame.content.iter().filter(|cell| cell.symbol() != " ").count());
}

#[inline(never)]
fn one_keypress(app: &mut App, ui: &Ui, area: Rect) -> Buffer {
    app.update(Action::Down);
    let mut buffer = Buffer::empty(area);
    let geometry = ui.render(app, area, &mut buffer);
    app.update(Action::Drawn(geometry));
    buffer
}
