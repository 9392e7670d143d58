//! The practice commands on a terminal, as a learner types them: `quiz` asking each question
//! and teaching through its explanation, and `check --watch` running the checks again when a
//! file in the project changes, until Ctrl-C.

mod common;

use std::path::Path;

use common::pty::Tui;

const PRACTICE: &str = "tests/fixtures/content/practice";

/// The CLI on the practice roadmap in a terminal, with HOME and the progress file in `home`.
fn open(home: &Path, args: &[&str]) -> Tui {
    let state = home.join("progress.yaml");
    let mut all = vec!["--content", PRACTICE, "--state", state.to_str().unwrap()];
    all.extend_from_slice(args);
    Tui::spawn(&all, &[("HOME", home.to_str().unwrap())], 100, 40)
}

fn state(home: &Path) -> String {
    std::fs::read_to_string(home.join("progress.yaml")).unwrap_or_default()
}

#[test]
fn a_quiz_on_the_terminal_explains_each_answer_and_a_perfect_score_can_test_the_skill_out() {
    let home = tempfile::tempdir().unwrap();
    let mut tui = open(home.path(), &["quiz", "basics/files"]);
    tui.wait_for("Question 1 of 3");
    tui.wait_for("Your answer (1-3): ");
    // Choices are inline Markdown: their code shows as code, not between backticks.
    assert!(tui.screen().contains("  1) touch\n"), "{}", tui.screen());
    assert!(!tui.screen().contains("`touch`"), "{}", tui.screen());
    // A number out of range is asked again, not taken.
    tui.type_keys("9\r");
    tui.wait_for("Type a number from 1 to 3");
    tui.type_keys("1\r");
    tui.wait_for("touch creates the file when it is missing");
    tui.wait_for("Question 2 of 3");
    assert!(tui.screen().contains("several are right"), "{}", tui.screen());
    tui.type_keys("1,2\r");
    tui.wait_for("Question 3 of 3");
    tui.type_keys("2\r");
    tui.wait_for("3 of 3 right: the grade is good (every answer right)");
    tui.wait_for("Mark it known (tested out)? [y/N]");
    tui.type_keys("y\r");
    tui.wait_for("Tested out: basics/files counts as done; next review on");
    assert_eq!(tui.wait_exit(), 0);
    let saved = state(home.path());
    assert!(saved.contains("tested_out: true"), "{saved}");
    assert!(saved.contains("status: done"), "{saved}");
}

#[test]
fn a_wrong_answer_is_shown_beside_the_right_one_and_a_done_skill_records_the_grade_chosen() {
    let home = tempfile::tempdir().unwrap();
    let mut done = open(home.path(), &["done", "basics/files"]);
    assert_eq!(done.wait_exit(), 0);
    let mut tui = open(home.path(), &["quiz", "basics/files"]);
    tui.wait_for("Your answer (1-3): ");
    tui.type_keys("2\r");
    tui.wait_for("✗ Not quite: you chose 2; the answer is 1) touch");
    tui.wait_for("cat reads files and rm removes them");
    tui.type_keys("1,2\r");
    tui.wait_for("Question 3 of 3");
    tui.type_keys("2\r");
    tui.wait_for("2 of 3 right: the grade is hard (one wrong)");
    tui.wait_for("Enter keeps hard");
    // The learner knows they guessed the second one: again, typed as a prefix.
    tui.type_keys("ag\r");
    tui.wait_for("Recorded a again review of basics/files; next review on");
    assert_eq!(tui.wait_exit(), 0);
    let saved = state(home.path());
    assert!(saved.contains("2026-11-21 again"), "{saved}");
}

#[test]
fn check_watch_runs_again_when_a_file_changes_and_ctrl_c_ends_it_with_the_results_kept() {
    let home = tempfile::tempdir().unwrap();
    let project = tempfile::tempdir().unwrap();
    std::fs::write(project.path().join("README.md"), "# A project\n").unwrap();
    std::fs::write(project.path().join("notes.txt"), "not yet\n").unwrap();
    let mut trust = open(home.path(), &["trust", "--yes"]);
    assert_eq!(trust.wait_exit(), 0);

    let dir = project.path().to_str().unwrap();
    let mut tui = open(home.path(), &["check", "basics/files", "--in", dir, "--watch"]);
    tui.wait_for("Ctrl-C stops");
    let first = tui.screen();
    assert!(first.contains("✓ A README is there"), "{first}");
    assert!(first.contains("✗ The notes say done"), "{first}");

    std::fs::write(project.path().join("notes.txt"), "all done\n").unwrap();
    tui.wait_for("A file changed: checking again");
    tui.wait_until("the notes check to pass", |t| t.screen().contains("✓ The notes say done"));
    // The run is saved once all of its checks are done, a moment after the screen shows this one.
    tui.wait_until("the second run to be saved while watching", |_| state(home.path()).contains("2 pass 2026-11-21"));

    tui.send("\x03");
    // The linter check cannot run (its program is missing), so not every check passed.
    assert_eq!(tui.wait_exit(), 1);
    assert!(state(home.path()).contains("1 pass 2026-11-21"));
}
