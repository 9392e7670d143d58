//! Every screen at 120x40, 80x24 and 40x12, drawn on ratatui's TestBackend from a fixture
//! roadmap and fixture progress. Reviewed snapshots live in tests/snapshots/.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap_tutor::app::{Action, App};
use roadmap_tutor::content::{Source, load};
use roadmap_tutor::progress::Date;
use roadmap_tutor::store::Store;
use roadmap_tutor::ui::theme::Theme;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn app(width: u16, height: u16) -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let roadmap = load(&Source::Dir(root.join("tests/fixtures/content/tui"))).expect("fixture loads");
    let (_, progress) = Store::open(root.join("tests/fixtures/progress/tui.yaml")).expect("fixture progress loads");
    let mut app = App::new(roadmap, progress, Date::new(2026, 11, 21).unwrap(), Theme::new(false));
    app.update(Action::Resize { width, height });
    app
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(app, frame.area())).unwrap();
    terminal.backend().to_string()
}

/// Snapshots one screen, reached by `actions`, at every size.
fn screen(name: &str, actions: &[Action]) {
    for (width, height) in SIZES {
        let mut app = app(width, height);
        for action in actions {
            app.update(*action);
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), draw(&app, width, height));
    }
}

#[test]
fn home() {
    screen("home", &[]);
}

#[test]
fn roadmap_skills() {
    screen("roadmap", &[Action::GoRoadmap, Action::Down, Action::Down]);
}

#[test]
fn roadmap_phase_detail_and_filters() {
    screen("roadmap_phase", &[Action::GoRoadmap, Action::ToggleCoreOnly, Action::Left]);
}

#[test]
fn skill_page() {
    screen("skill", &[Action::GoRoadmap, Action::Down, Action::Down, Action::Open]);
}

#[test]
fn skill_items_and_note_editor() {
    screen(
        "skill_note",
        &[Action::GoRoadmap, Action::Down, Action::Down, Action::Open, Action::NextPane, Action::EditNote],
    );
}

#[test]
fn search() {
    screen("search", &[Action::GoSearch, Action::Insert('a'), Action::Insert('p'), Action::Insert('i')]);
}

#[test]
fn help() {
    screen("help", &[Action::GoRoadmap, Action::ToggleHelp]);
}

#[test]
fn weekly_hours_prompt() {
    screen("hours", &[Action::EditHours]);
}

#[test]
fn too_small_shows_a_notice_instead_of_panicking() {
    let small = app(30, 10);
    insta::assert_snapshot!("too_small_30x10", draw(&small, 30, 10));
    for (width, height) in [(0, 0), (1, 1), (39, 12), (40, 11), (500, 200)] {
        // Only drawn: TestBackend cannot print a zero-width buffer.
        let app = app(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| frame.render_widget(&app, frame.area())).unwrap();
    }
}
