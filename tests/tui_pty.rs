//! The real binary in a pseudo-terminal: open, move, tick, quit, and find it in the state
//! file; undo; resize down to nothing and back; SIGTERM; a 20x5 terminal.

mod common;

use common::pty::{Learner, Tui};

#[test]
fn open_a_skill_mark_it_done_quit_and_find_it_saved() {
    let learner = Learner::new();
    let mut tui = learner.open(100, 30);
    tui.wait_for("Next steps");
    tui.type_keys("2");
    tui.wait_for("Phases");
    tui.type_keys("jj");
    tui.send("\r");
    tui.wait_for("Checkpoints · links · note");
    assert!(tui.screen().contains("Python basics"));
    tui.type_keys("d");
    // Its prerequisite is still open: the warning `roadmap done` gives shows at once.
    tui.wait_for("Python basics is done but its prerequisite Problem decomposition is not");
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
    let state = learner.state_text();
    assert!(
        state.contains("basics/python:\n    status: done\n    started: 2026-11-21\n    finished: 2026-11-21\n"),
        "{state}"
    );

    // Start again: the tick is there.
    let mut tui = learner.open(100, 30);
    tui.wait_for("Next steps");
    tui.type_keys("2");
    tui.wait_for("● Python basics");
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn undo_takes_the_last_change_back_in_the_file_too() {
    let learner = Learner::new();
    let mut tui = learner.open(100, 30);
    tui.wait_for("Next steps");
    tui.type_keys("2");
    tui.wait_for("Phases");
    tui.type_keys("x");
    tui.wait_for("Problem decomposition: skipped");
    assert!(learner.state_text().contains("status: skipped"));
    tui.type_keys("u");
    tui.wait_for("Undone: Problem decomposition is todo again");
    tui.wait_until("the state file to lose the skip", |_| !learner.state_text().contains("skipped"));
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn resizing_down_to_nothing_and_back_never_breaks() {
    let learner = Learner::new();
    let mut tui = learner.open(100, 30);
    tui.wait_for("Next steps");
    tui.resize(40, 12);
    tui.wait_until("the narrow layout", |t| t.screen().contains("1 Home") && !t.screen().contains("Python Backend"));
    tui.resize(30, 10);
    tui.wait_for("Too small: 30x10, needs 40x12");
    for (cols, rows) in [(1, 1), (500, 200), (2, 50), (80, 24)] {
        tui.resize(cols, rows);
    }
    tui.wait_until("the 80x24 layout", |t| t.screen().contains("Next steps") && t.screen().lines().count() <= 24);
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let learner = Learner::new();
    let mut tui = learner.open(100, 30);
    tui.wait_for("Next steps");
    assert!(tui.raw_mode(), "raw while running");
    tui.signal(libc::SIGTERM);
    assert_eq!(tui.wait_exit(), 128 + libc::SIGTERM as u32);
    tui.assert_restored();
}

#[test]
fn a_20x5_terminal_shows_a_notice_and_quits_cleanly() {
    let learner = Learner::new();
    let mut tui = learner.open(20, 5);
    tui.wait_for("Needs 40x12");
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}

#[test]
fn broken_content_is_reported_before_the_terminal_is_taken() {
    let home = tempfile::tempdir().unwrap();
    let mut tui =
        Tui::spawn(&["--content", "tests/fixtures/content/cycle"], &[("HOME", home.path().to_str().unwrap())], 100, 30);
    assert_eq!(tui.wait_exit(), 1);
    let output = tui.output();
    assert!(
        output.contains("prerequisite cycle: basics/first -> advanced/third -> basics/second -> basics/first"),
        "{output}"
    );
    assert!(!output.contains("\x1b[?1049h"), "the alternate screen was never entered");
}

/// A script standing in for a program the tutor starts, written into `dir`.
fn script(dir: &std::path::Path, name: &str, body: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn open_skill_with(learner: &Learner, env: &[(&str, &str)]) -> Tui {
    let tui = learner.open_with(env, 100, 30);
    tui.wait_for("Next steps");
    tui.send("2");
    tui.wait_for("Phases");
    tui.send("\r");
    tui.wait_for("Checkpoints · links · note");
    tui
}

#[test]
fn e_edits_the_note_in_the_learners_editor_and_saves_it() {
    let learner = Learner::new();
    let editor = script(learner.home.path(), "editor", "printf 'Written in my editor.\\n' >> \"$1\"");
    let mut tui = open_skill_with(&learner, &[("EDITOR", editor.to_str().unwrap())]);
    tui.send("e");
    tui.wait_for("Note saved");
    tui.wait_for("✎ Written in my editor.");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(learner.state_text().contains("note: Written in my editor."), "{}", learner.state_text());
}

#[test]
fn a_failing_editor_changes_nothing_and_no_editor_means_the_inline_one() {
    let learner = Learner::new();
    let mut tui = open_skill_with(&learner, &[("VISUAL", "false")]);
    tui.send("e");
    tui.wait_for("The editor exited with exit status: 1; the note is unchanged");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(!learner.state_text().contains("note:"));

    let mut tui = open_skill_with(&learner, &[]);
    tui.send("e");
    tui.wait_for("Note · Esc keeps it");
    tui.send("from the inline editor");
    tui.send("\x13"); // Ctrl-S keeps it
    tui.wait_for("Note saved");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(learner.state_text().contains("note: from the inline editor"), "{}", learner.state_text());
}

#[test]
fn o_opens_the_resource_in_the_background() {
    let learner = Learner::new();
    let bin = learner.home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let opened = learner.home.path().join("opened");
    script(&bin, "xdg-open", &format!("echo \"$1\" > '{}'; echo noise; echo noise >&2", opened.display()));
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let mut tui = open_skill_with(&learner, &[("PATH", &path)]);
    tui.send("o");
    tui.wait_for("Opening https://docs.python.org/3/");
    tui.wait_until("the opener to run", |_| {
        std::fs::read_to_string(&opened).is_ok_and(|u| u == "https://docs.python.org/3/\n")
    });
    assert!(!tui.screen().contains("noise"), "the opener's output does not reach the screen");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}
