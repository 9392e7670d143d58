//! Every screen at 120x40, 80x24 and 40x12, drawn on ratatui's TestBackend from a fixture
//! roadmap and fixture progress. Reviewed snapshots live in tests/snapshots/. The built-in
//! roadmap (longer titles and reasons) is checked for what must show whole at common sizes.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use roadmap_tutor::app::{Action, App};
use roadmap_tutor::content::{Source, load};
use roadmap_tutor::progress::{Date, Progress, Status};
use roadmap_tutor::store::Store;
use roadmap_tutor::ui::Ui;
use roadmap_tutor::ui::theme::Theme;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

fn app(width: u16, height: u16) -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let roadmap = load(&Source::Dir(root.join("tests/fixtures/content/tui"))).expect("fixture loads");
    let (_, progress) = Store::open(root.join("tests/fixtures/progress/tui.yaml")).expect("fixture progress loads");
    let mut app = App::new(roadmap, progress, Date::new(2026, 11, 21).unwrap());
    app.update(Action::Resize { width, height });
    app
}

fn ui() -> Ui {
    Ui::new(Theme::new(false))
}

fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let ui = ui();
    terminal.draw(|frame| drop(ui.draw(app, frame))).unwrap();
    terminal.backend().to_string()
}

/// Snapshots one screen, reached by `actions`, at every size.
fn screen(name: &str, actions: &[Action]) {
    screen_at(name, actions, &SIZES);
}

fn screen_at(name: &str, actions: &[Action], sizes: &[(u16, u16)]) {
    for &(width, height) in sizes {
        let mut app = app(width, height);
        for action in actions {
            ui().step(&mut app, action.clone());
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), draw(&app, width, height));
    }
}

#[test]
fn home() {
    screen_at("home", &[], &[SIZES[0], SIZES[1], SIZES[2], (200, 60)]);
}

/// Before anything is done: what the roadmap is and who it is for, where activity will be.
#[test]
fn home_on_a_first_run() {
    screen("home_first_run", &[Action::ProgressChanged(Progress::default())]);
    // Too small for that panel: help on Home says it, at any size.
    screen_at("home_help", &[Action::ToggleHelp], &[SIZES[2]]);
}

/// A long status message wraps onto more rows instead of being cut at the terminal's width.
#[test]
fn a_long_message() {
    let url = "https://docs.python.org/3/library/pathlib.html#pathlib.Path.read_text".to_string();
    screen("message", &[Action::Opened { url, error: Some("No such file or directory (os error 2)".into()) }]);
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
fn help_scrolled_to_its_end() {
    screen("help_end", &[Action::GoRoadmap, Action::ToggleHelp, Action::Bottom]);
}

#[test]
fn roadmap_detail_scrolled_to_its_end() {
    screen("roadmap_detail_end", &[Action::GoRoadmap, Action::Down, Action::Down, Action::Right, Action::Bottom]);
}

#[test]
fn search_without_a_match() {
    let typed: Vec<Action> = "zzz".chars().map(Action::Insert).collect();
    screen("search_nothing", &[&[Action::GoSearch][..], &typed].concat());
}

/// A long note in CJK and emoji wraps in the editor, wide characters whole.
#[test]
fn note_editor_wraps_wide_text() {
    let mut actions = vec![Action::GoRoadmap, Action::Down, Action::Down, Action::Open, Action::EditNote];
    actions.push(Action::Newline);
    actions.extend(
        "日本語のメモ 🎉 emoji and a line long enough to wrap 漢字漢字漢字漢字漢字漢字漢字".chars().map(Action::Insert),
    );
    actions.extend([Action::Up, Action::Up]);
    screen("note_wrapped", &actions);
}

/// The built-in roadmap, a skill done and one begun, and 10 hours a week.
fn builtin(width: u16, height: u16) -> App {
    let roadmap = load(&Source::Builtin).expect("the built-in roadmap loads");
    let today = Date::new(2026, 11, 30).unwrap();
    let mut progress = Progress::default();
    progress.set_status("foundations/terminal-basics", Status::Done, today);
    progress.set_status("foundations/problem-decomposition", Status::Doing, today);
    progress.weekly_hours = Some(10.0);
    let mut app = App::new(roadmap, progress, today);
    app.update(Action::Resize { width, height });
    app
}

/// The rows of a drawn screen, as text.
fn rows(app: &App, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let ui = ui();
    terminal.draw(|frame| drop(ui.draw(app, frame))).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..width {
                // A wide character's second cell holds nothing of its own.
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}

/// The inside of the panel titled `title`: each row's text between its borders, trimmed.
fn panel(screen: &[String], title: &str) -> Vec<String> {
    let top = screen.iter().position(|r| r.contains(title)).unwrap_or_else(|| panic!("no {title:?} panel"));
    let chars: Vec<char> = screen[top].chars().collect();
    let at = screen[top].find(title).unwrap();
    let at = screen[top][..at].chars().count();
    let left = (0..at).rev().find(|&x| matches!(chars[x], '┌' | '┏')).unwrap();
    let right = (at..chars.len()).find(|&x| matches!(chars[x], '┐' | '┓')).unwrap();
    screen[top + 1..]
        .iter()
        .map(|r| r.chars().collect::<Vec<char>>())
        .take_while(|r| !matches!(r[left], '└' | '┗'))
        .map(|r| r[left + 1..right].iter().collect::<String>().trim().to_string())
        .collect()
}

/// A panel's text as one paragraph.
fn joined(rows: &[String]) -> String {
    rows.iter().filter(|r| !r.is_empty()).cloned().collect::<Vec<_>>().join(" ")
}

#[test]
fn home_wraps_every_reason_and_warning_instead_of_cutting_it() {
    for (width, height) in [(120, 40), (100, 30), (80, 24), (40, 12)] {
        let app = builtin(width, height);
        let screen = rows(&app, width, height);
        let text = screen.join("\n");
        let steps = panel(&screen, "Next steps");
        assert!(steps.iter().all(|r| !r.contains('…')), "{width}x{height}: a step is cut:\n{text}");
        // At 40x12 the second step shows in part, and the panel says more follow.
        let whole =
            if width >= 80 { "Start: The Linux command line is done; unlocks 1 skill" } else { "○ Git basics  core" };
        assert!(joined(&steps).contains(whole), "{width}x{height}:\n{text}");
    }
}

#[test]
fn home_shows_the_pace_and_readable_phase_names() {
    for (width, height) in [(120, 40), (100, 30), (80, 24)] {
        let app = builtin(width, height);
        let screen = rows(&app, width, height);
        let text = screen.join("\n");
        let progress = panel(&screen, "Progress");
        assert!(
            joined(&progress).contains("At 10 h a week: Foundations by 2027-02-27, the core path by 2027-10-12."),
            "{width}x{height}: no pace\n{text}"
        );
        for name in ["Foundations ", "Application builder ", "Architecture and", "AI specialization ", "Job readiness "]
        {
            assert!(progress.iter().any(|r| r.starts_with(name)), "{width}x{height}: {name:?} is cut\n{text}");
        }
    }
    let screen = rows(&builtin(40, 12), 40, 12);
    assert!(joined(&panel(&screen, "Progress")).contains("core path by 2027-10-12"), "{}", screen.join("\n"));
}

#[test]
fn home_says_when_the_current_phase_is_cut() {
    let app = builtin(100, 30);
    let screen = rows(&app, 100, 30);
    let text = screen.join("\n");
    let now = screen.iter().position(|r| r.contains("Now: Foundations")).expect("the Now panel shows");
    let bottom = screen.iter().skip(now).position(|r| r.contains('┘')).unwrap() + now;
    assert!(screen[bottom - 1].trim_end().trim_end_matches('│').trim_end().ends_with('…'), "{text}");
    assert!(screen[bottom].contains("o shows the rest of this phase"), "{text}");
}

#[test]
fn the_skill_header_wraps_the_summary() {
    let mut app = builtin(100, 30);
    ui().step(&mut app, Action::GoRoadmap);
    ui().step(&mut app, Action::Open);
    let text = rows(&app, 100, 30).join("\n");
    assert!(text.contains("Foundations · concept · 6 h · Turn a vague request"), "{text}");
    assert!(text.contains("\none at a time."), "the rest of the summary on the next row:\n{text}");
}

#[test]
fn search_results_keep_titles_whole_and_shorten_the_phase() {
    let mut app = builtin(100, 30);
    ui().step(&mut app, Action::GoSearch);
    for c in "git".chars() {
        ui().step(&mut app, Action::Insert(c));
    }
    let screen = rows(&app, 100, 30);
    let results = panel(&screen, "Results");
    for title in ["CI/CD pipelines ", "Documenting an API with OpenAPI ", "Configuration through environment variables"]
    {
        assert!(results.iter().any(|r| r.contains(title)), "{title:?} is cut:\n{}", screen.join("\n"));
    }
}

/// The built-in roadmap searched for `query` at `width`x`height`.
fn searched(query: &str, width: u16, height: u16) -> App {
    let mut app = builtin(width, height);
    ui().step(&mut app, Action::GoSearch);
    for c in query.chars() {
        ui().step(&mut app, Action::Insert(c));
    }
    app
}

#[test]
fn search_snippets_show_the_text_as_written_with_the_match_marked() {
    let app = searched("docker", 80, 24);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|frame| drop(ui().draw(&app, frame))).unwrap();
    let screen = rows(&app, 80, 24);
    let text = screen.join("\n");
    let y = screen.iter().position(|r| r.contains("…over SSH, inside a Docker container, in a CI log.")).expect(&text);
    let x = screen[y].find("Docker").map(|at| screen[y][..at].chars().count() as u16).unwrap();
    let buffer = terminal.backend().buffer();
    let marked = |x: u16| buffer[(x, y as u16)].modifier.contains(Modifier::BOLD | Modifier::UNDERLINED);
    assert!((x..x + 6).all(marked), "Docker is marked:\n{text}");
    assert!(!marked(x - 2) && !marked(x + 7), "only Docker is marked");
    // A table row shows its cells apart, without the pipes of its Markdown.
    assert!(text.contains("…a crash or reboot · Docker restart policy, systemd, the PaaS itself"), "{text}");
    assert!(!text.contains('|'), "{text}");
}

#[test]
fn search_results_keep_the_phase_in_one_column() {
    let app = searched("docker", 80, 24);
    let screen = rows(&app, 80, 24);
    let results = panel(&screen, "Results");
    let columns: Vec<usize> = ["Foundations", "Architecture…", "Application…"]
        .iter()
        .flat_map(|phase| results.iter().filter_map(move |r| r.find(phase).map(|at| r[..at].chars().count())))
        .collect();
    assert!(columns.len() >= 6, "{}", screen.join("\n"));
    assert!(columns.iter().all(|&c| c == columns[0]), "{columns:?}\n{}", screen.join("\n"));
    let docker = results.iter().find(|r| r.starts_with("○ Docker ")).unwrap();
    assert!(docker.contains("Docker  "), "a short title stands apart from its phase: {docker:?}");
}

/// The last words of the current phase's milestone, as Home wraps them.
fn milestone_end(app: &App) -> String {
    let phase = app.derived.current_phase.unwrap();
    let text = &app.roadmap.phases[phase].milestone.as_ref().unwrap().description;
    let words: Vec<&str> = text.split_whitespace().collect();
    words[words.len() - 3..].join(" ")
}

#[test]
fn home_shares_its_column_by_content_on_big_screens() {
    for (width, height) in [(200, 60), (160, 50)] {
        let app = builtin(width, height);
        let screen = rows(&app, width, height);
        let text = screen.join("\n");
        let now = joined(&panel(&screen, "Now: Foundations"));
        assert!(now.contains(&milestone_end(&app)), "{width}x{height}: the milestone shows whole\n{text}");
        let steps = panel(&screen, "Next steps");
        let blank = steps.iter().rev().take_while(|r| r.is_empty()).count();
        assert!(blank <= 1, "{width}x{height}: the list gives its spare rows to the phase\n{text}");
        assert!(
            !screen.iter().any(|r| r.contains("↓") && r.contains("more ┛")),
            "{width}x{height}: nothing hidden\n{text}"
        );
    }
}

#[test]
fn too_small_shows_a_notice_instead_of_panicking() {
    let small = app(30, 10);
    insta::assert_snapshot!("too_small_30x10", draw(&small, 30, 10));
    for (width, height) in [(0, 0), (1, 1), (39, 12), (40, 11), (500, 200)] {
        // Only drawn: TestBackend cannot print a zero-width buffer.
        let app = app(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| drop(ui().draw(&app, frame))).unwrap();
    }
}
