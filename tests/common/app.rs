//! Driving the app as the event loop does, without a terminal: the fixture roadmap and
//! progress, one turn of the loop (a frame drawn, its geometry handed over, then the
//! action), and the screen as text.

use std::path::Path;

use roadmap_tutor::app::{Action, App, Effect, Screen};
use roadmap_tutor::content::{Source, load};
use roadmap_tutor::progress::Date;
use roadmap_tutor::ui::Ui;
use roadmap_tutor::ui::theme::Theme;

/// The fixture roadmap (`tests/fixtures/content/tui`) with its progress, at 120x40.
pub fn fixture() -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let roadmap = load(&Source::Dir(root.join("tests/fixtures/content/tui"))).expect("fixture loads");
    let text = std::fs::read_to_string(root.join("tests/fixtures/progress/tui.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    std::fs::write(&path, text).unwrap();
    let (_, progress) = roadmap_tutor::store::Store::open(&path).unwrap();
    let mut app = App::new(roadmap, progress, Date::new(2026, 11, 21).unwrap());
    step(&mut app, Action::Resize { width: 120, height: 40 });
    app
}

/// One turn of the loop: a frame, then the action.
pub fn step(app: &mut App, action: Action) -> Option<Effect> {
    Ui::new(Theme::new(false)).step(app, action)
}

pub fn id(app: &App, skill: usize) -> &str {
    &app.roadmap.skills[skill].id
}

pub fn skill_index(app: &App, id: &str) -> usize {
    app.roadmap.index_of(id).unwrap()
}

/// Runs the actions; returns the effect of the last one.
pub fn run(app: &mut App, actions: &[Action]) -> Option<Effect> {
    let mut last = None;
    for action in actions {
        last = step(app, action.clone());
    }
    last
}

/// Where the learner is, in a few words: the screen, the pane, the selection, the mode.
pub fn place(app: &App) -> String {
    let screen = match app.screen {
        Screen::Skill(skill) => format!("skill {}", app.roadmap.skills[skill].id),
        other => format!("{other:?}"),
    };
    let help = if app.help.is_some() { " +help" } else { "" };
    format!(
        "{screen}{help} | {:?} mode | map phase {} row {} pane {:?} | home row {} | {}x{}",
        app.mode(),
        app.map.phase,
        app.map.row,
        app.map.pane,
        app.home_row,
        app.area.width,
        app.area.height
    )
}

/// The screen as text, one string per row.
pub fn screen(app: &App) -> Vec<String> {
    let (width, height) = (app.area.width, app.area.height);
    let mut buffer = ratatui::buffer::Buffer::empty(app.area);
    Ui::new(Theme::new(false)).render(app, app.area, &mut buffer);
    (0..height).map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect()).collect()
}
