//! Code blocks as a learner meets them: highlighted in `show` on a terminal and in the tutor,
//! long lines wrapped into marked rows on screens, and kept whole for copying when `show` is
//! piped. Milestone descriptions rendered as Markdown wherever they are shown.

mod common;

use std::path::Path;

use common::{Sandbox, fixture};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roadmap_tutor::app::{Action, App};
use roadmap_tutor::content::{Source, load};
use roadmap_tutor::progress::{Date, Progress};
use roadmap_tutor::ui::Ui;
use roadmap_tutor::ui::theme::Theme;

const SKILL: &str = "basics/reading";

fn show(sandbox: &Sandbox, env: &[(&str, &str)]) -> common::Run {
    let content = fixture("code");
    let mut command = sandbox.command();
    command.args(["--state", sandbox.state().to_str().unwrap(), "--content", &content, "show", SKILL]);
    command.envs(env.iter().copied());
    common::output(&mut command)
}

/// The source lines of the skill's code blocks.
fn source_code() -> Vec<String> {
    let page = std::fs::read_to_string(common::manifest_path("tests/fixtures/content/code/basics/reading.md")).unwrap();
    let mut inside = false;
    let mut code = Vec::new();
    for line in page.lines() {
        if line.starts_with("```") {
            inside = !inside;
        } else if inside {
            code.push(line.to_string());
        }
    }
    code
}

#[test]
fn piped_show_keeps_every_code_line_whole_with_no_gutter() {
    let run = show(&Sandbox::new(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let printed: Vec<&str> = run.stdout.lines().collect();
    let code = source_code();
    assert!(code.iter().any(|line| line.len() > 80), "the fixture has lines longer than 80 columns");
    for line in code.iter().filter(|l| !l.is_empty()) {
        assert!(printed.contains(&line.as_str()), "{line:?} is not printed whole:\n{}", run.stdout);
    }
    assert!(!run.stdout.contains('▏') && !run.stdout.contains('↪'), "{}", run.stdout);
}

#[test]
fn show_with_color_forced_highlights_the_code() {
    let run = show(&Sandbox::new(), &[("CLICOLOR_FORCE", "1")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let label = run.stdout.find("python").expect("the code's language is shown");
    let code_start = run.stdout[..label].rfind('\n').map_or(0, |i| i + 1);
    insta::assert_snapshot!(run.stdout[code_start..].replace('\u{1b}', "␛"));
}

#[test]
fn no_color_means_no_escape_codes_even_when_color_is_forced() {
    let run = show(&Sandbox::new(), &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("def rows(path):"), "{}", run.stdout);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
}

/// On a terminal `show` wraps to the terminal's width: at 40 columns the long lines come in
/// marked rows, none wider than the terminal, and without color there is no escape code.
#[test]
fn show_on_a_terminal_wraps_code_to_its_width_and_marks_each_continuation() {
    let sandbox = Sandbox::new();
    let state = sandbox.state();
    let content = common::manifest_path(&fixture("code"));
    let args =
        ["--state", state.to_str().unwrap(), "--content", content.to_str().unwrap(), "show", "--no-pager", SKILL];
    let home = sandbox.home.path().to_str().unwrap();
    let mut tui = common::pty::Tui::spawn(&args, &[("HOME", home), ("NO_COLOR", "1")], 40, 60);
    assert_eq!(tui.wait_exit(), 0);
    let screen = tui.screen();
    assert!(screen.contains("↪      enumerate(Path(path).read_text("), "{screen}");
    assert!(screen.lines().any(|l| l.starts_with("▏def rows(path):")), "{screen}");
    assert!(screen.lines().all(|l| l.chars().count() <= 40), "{screen}");
    let output = tui.output();
    assert!(!output.contains("\u{1b}["), "an escape code without color: {output:?}");
}

fn app(width: u16, height: u16) -> App {
    let roadmap = load(&Source::Dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture("code")))).expect("loads");
    let mut app = App::new(roadmap, Progress::default(), Date::new(2026, 11, 21).unwrap());
    app.update(Action::Resize { width, height });
    app
}

fn draw(app: &mut App, actions: &[Action], width: u16, height: u16) -> String {
    let ui = Ui::new(Theme::new(false));
    for action in actions {
        ui.step(app, action.clone());
    }
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| drop(ui.draw(app, frame))).unwrap();
    terminal.backend().to_string()
}

#[test]
fn the_tutor_marks_each_continuation_of_a_long_code_line_at_40_columns() {
    let mut app = app(40, 30);
    let screen = draw(&mut app, &[Action::GoRoadmap, Action::Open, Action::Open], 40, 30);
    insta::assert_snapshot!(screen);
}

#[test]
fn milestone_descriptions_are_rendered_as_markdown_on_home_and_the_roadmap() {
    let mut app = app(100, 30);
    let home = draw(&mut app, &[], 100, 30);
    assert!(home.contains("A script that reads data.jsonl and skips bad rows."), "{home}");
    let phase = draw(&mut app, &[Action::GoRoadmap, Action::Left, Action::Left], 100, 30);
    assert!(phase.contains("data.jsonl and skips bad"), "{phase}");
    assert!(!home.contains('`') && !phase.contains('`'), "backticks shown:\n{home}\n{phase}");
}

#[test]
fn the_milestone_command_renders_its_description_as_markdown() {
    let sandbox = Sandbox::new();
    let content = fixture("code");
    let mut command = sandbox.command();
    command.args(["--state", sandbox.state().to_str().unwrap(), "--content", &content, "milestone", "basics"]);
    command.env("CLICOLOR_FORCE", "1");
    let run = common::output(&mut command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plain = strip_escapes(&run.stdout);
    assert!(plain.contains("A script that reads data.jsonl and skips bad rows."), "{plain}");
    assert!(!plain.contains('`'), "{plain}");
}

/// `text` without the SGR sequences (`ESC [ ... m`) the program colors with.
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            out.push(c);
        }
    }
    out
}
