//! The practice commands as a learner and a script run them: `project`, `check` (real shell
//! commands in temporary folders: passing, failing, a missing program, a timeout, a check that
//! leaves a server behind, an untrusted roadmap), `trust`, `quiz` and `review --grade`. Each
//! asserts what is printed, the exit status and what the progress file records.

mod common;

use std::path::Path;

use common::{Run, Sandbox};

const PRACTICE: &str = "tests/fixtures/content/practice";

fn run(sandbox: &Sandbox, args: &[&str]) -> Run {
    let mut all = vec!["--content", PRACTICE];
    all.extend_from_slice(args);
    sandbox.run(&all)
}

/// A project folder with a README and notes that say done.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "# A project\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "all done\n").unwrap();
    dir
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

#[test]
fn another_roadmaps_checks_run_only_once_trusted_and_again_after_a_change() {
    let sandbox = Sandbox::new();
    let dir = project();
    let refused = run(&sandbox, &["check", "basics/files", "--in", path(dir.path())]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("nothing was run") && refused.stderr.contains("`roadmap trust`"),
        "{}",
        refused.stderr
    );
    assert_eq!(refused.stdout, "");
    // A script lists the commands; nothing is trusted without --yes.
    let listed = run(&sandbox, &["trust"]);
    assert_eq!(listed.code, 1);
    assert!(listed.stdout.starts_with("basics/files\tA README is there\ttest -f README.md"), "{}", listed.stdout);
    assert!(listed.stdout.contains("basics (milestone)\tA README is there\t"), "{}", listed.stdout);
    assert!(listed.stderr.contains("`roadmap trust --yes`"), "{}", listed.stderr);
    assert!(!sandbox.state_text().contains("trusted:"));
    let trusted = run(&sandbox, &["trust", "--yes"]);
    assert_eq!(trusted.code, 0, "{}", trusted.stderr);
    assert!(sandbox.state_text().contains("trusted:\n  practice: "), "{}", sandbox.state_text());
    assert_eq!(run(&sandbox, &["check", "basics", "--in", path(dir.path())]).code, 0);

    // A changed command is not trusted: the folder below has the same roadmap, one command changed.
    let changed = sandbox.home.path().join("changed");
    common::copy_dir(&common::manifest_path(PRACTICE), &changed);
    let file = changed.join("basics/phase.md");
    let text = std::fs::read_to_string(&file).unwrap().replace("test -f README.md", "test -e README.md");
    std::fs::write(&file, text).unwrap();
    let again = sandbox.run(&["--content", path(&changed), "check", "basics", "--in", path(dir.path())]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(again.stderr.contains("not trusted them yet"), "{}", again.stderr);
}

#[test]
fn each_check_is_pass_fail_or_cannot_and_recorded_with_its_date() {
    let sandbox = Sandbox::new();
    run(&sandbox, &["trust", "--yes"]);
    let dir = project();
    std::fs::write(dir.path().join("notes.txt"), "not yet\n").unwrap();
    let checked = run(&sandbox, &["check", "files", "--in", path(dir.path())]);
    assert_eq!(checked.code, 1, "one failed: {}", checked.stderr);
    assert_eq!(
        checked.stdout,
        "basics/files\t1\tpass\tA README is there\n\
         basics/files\t2\tfail\tThe notes say done\n\
         basics/files\t3\tcannot\tThe linter is installed\n"
    );
    let state = sandbox.state_text();
    for line in ["      - 1 pass 2026-11-21 ", "      - 2 fail 2026-11-21 ", "      - 3 cannot 2026-11-21 "] {
        assert!(state.contains(line), "{line:?} in {state}");
    }
    // `show` says how each stands, and `next` does not call it verified.
    let shown = run(&sandbox, &["show", "basics/files"]);
    assert!(shown.stdout.contains("1 of 3 checks passed"), "{}", shown.stdout);
}

#[test]
fn a_skill_done_while_a_check_fails_is_warned_about() {
    let sandbox = Sandbox::new();
    run(&sandbox, &["trust", "--yes"]);
    let dir = project();
    std::fs::write(dir.path().join("notes.txt"), "not yet\n").unwrap();
    run(&sandbox, &["check", "files", "--in", path(dir.path())]);
    run(&sandbox, &["done", "files"]);
    let next = run(&sandbox, &["next"]);
    assert!(
        next.stdout.contains("warning\tbasics/files\t\tFiles is done but its check \u{201c}The notes say done\u{201d} failed on 2026-11-21\n"),
        "{}",
        next.stdout
    );
}

#[test]
fn checks_run_in_the_project_folder_remembered_for_the_phase() {
    let sandbox = Sandbox::new();
    run(&sandbox, &["trust", "--yes"]);
    let dir = project();
    let set = run(&sandbox, &["project", "basics", path(dir.path())]);
    let canonical = std::fs::canonicalize(dir.path()).unwrap();
    assert_eq!(set.stdout, format!("basics\t{}\n", canonical.display()));
    assert_eq!(run(&sandbox, &["project", "basics"]).stdout, format!("basics\t{}\n", canonical.display()));
    let milestone = run(&sandbox, &["check", "basics"]);
    assert_eq!((milestone.code, milestone.stdout.as_str()), (0, "basics\t1\tpass\tA README is there\n"));
    assert!(sandbox.state_text().contains("milestones:\n  basics:\n    status: todo\n    project: "));
    // --in wins for one run; a folder that is not there says so.
    let missing = run(&sandbox, &["check", "basics", "--in", "/no/such/folder"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("the project folder /no/such/folder does not exist"), "{}", missing.stderr);
    let forgotten = run(&sandbox, &["project", "basics", "--forget"]);
    assert_eq!(forgotten.code, 0);
    let unset = run(&sandbox, &["project", "basics"]);
    assert_eq!(unset.code, 1);
    assert!(unset.stderr.contains("no project folder set for basics"), "{}", unset.stderr);
}

#[test]
fn a_check_past_its_timeout_fails_and_one_that_leaves_a_server_leaves_nothing_running() {
    let sandbox = Sandbox::new();
    run(&sandbox, &["trust", "--yes"]);
    let dir = project();
    let started = std::time::Instant::now();
    let checked = run(&sandbox, &["check", "waiting", "--in", path(dir.path())]);
    assert!(started.elapsed() < std::time::Duration::from_secs(15), "{:?}", started.elapsed());
    assert_eq!(
        checked.stdout,
        "basics/waiting\t1\tfail\tTakes too long\nbasics/waiting\t2\tpass\tStarts a server and returns\n"
    );
    let pid: i32 = std::fs::read_to_string(dir.path().join("server.pid")).unwrap().trim().parse().unwrap();
    let gone = (0..100).any(|_| {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let dead = stat.is_empty() || stat.rsplit(") ").next().is_some_and(|s| s.starts_with(['Z', 'X']));
        if !dead {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        dead
    });
    assert!(gone, "the server the check started outlived it");
}

#[test]
fn bad_usage_is_exit_2() {
    let sandbox = Sandbox::new();
    let no_checks = sandbox.run(&["check", "foundations/problem-decomposition"]);
    assert_eq!(no_checks.code, 2, "{}", no_checks.stderr);
    assert!(no_checks.stderr.contains("has no checks"), "{}", no_checks.stderr);
    assert_eq!(sandbox.run(&["check", "no-such-skill"]).code, 2);
    assert_eq!(sandbox.run(&["project", "no-such-phase"]).code, 2);
    let builtin = sandbox.run(&["trust"]);
    assert_eq!(builtin.code, 0);
    assert!(builtin.stdout.contains("built-in roadmap's checks run without being trusted"), "{}", builtin.stdout);
}

#[test]
fn a_quiz_graded_from_answers_prints_each_result_and_records_the_review() {
    let sandbox = Sandbox::new();
    run(&sandbox, &["done", "files"]);
    let quiz = run(&sandbox, &["quiz", "files", "--answers", "0,0+1,0"]);
    assert_eq!(quiz.code, 0, "{}", quiz.stderr);
    assert_eq!(
        quiz.stdout,
        "basics/files\t1\tright\ttouch creates the file when it is missing; cat reads files and rm removes them.\n\
         basics/files\t2\tright\tnano and vim edit text; ls only lists a folder.\n\
         basics/files\t3\twrong\t`>` truncates the file first; `>>` is the one that appends.\n\
         basics/files\treviewed\thard\t2026-11-23\n"
    );
    assert!(
        sandbox.state_text().contains("      - 2026-11-21 good\n      - 2026-11-21 hard\n"),
        "{}",
        sandbox.state_text()
    );
    let easy = run(&sandbox, &["quiz", "files", "--answers", "0,0+1,1", "--grade", "easy"]);
    assert!(easy.stdout.ends_with("basics/files\treviewed\teasy\t2026-11-25\n"), "{}", easy.stdout);
}

#[test]
fn every_answer_right_on_a_skill_not_started_can_test_it_out() {
    let sandbox = Sandbox::new();
    let practice = run(&sandbox, &["quiz", "files", "--answers", "0,0+1,1"]);
    assert!(practice.stdout.ends_with("basics/files\tpractice\tgood\t\n"), "{}", practice.stdout);
    assert!(!sandbox.state().exists(), "practice records nothing");
    let known = run(&sandbox, &["quiz", "files", "--answers", "0,0+1,1", "--test-out"]);
    assert!(known.stdout.ends_with("basics/files\ttested-out\tgood\t2026-11-23\n"), "{}", known.stdout);
    let state = sandbox.state_text();
    assert!(state.contains("basics/files:\n    status: done\n    tested_out: true\n"), "{state}");
    // It counts as met: the next skill is unlocked.
    assert!(run(&sandbox, &["next"]).stdout.contains("start\tbasics/waiting\t"));
    // One wrong answer tests nothing out.
    let sandbox = Sandbox::new();
    let wrong = run(&sandbox, &["quiz", "files", "--answers", "0,0,1", "--test-out"]);
    assert!(wrong.stdout.ends_with("basics/files\tpractice\thard\t\n"), "{}", wrong.stdout);
}

#[test]
fn quiz_answers_that_do_not_fit_are_bad_usage() {
    let sandbox = Sandbox::new();
    for (answers, says) in [
        ("0,1", "2 answers for 3 questions"),
        ("0,0+7,1", "answer 2 is `7`: question 2 has choices 0 to 2"),
        ("a,b,c", "answer 1 is `a`"),
    ] {
        let run = run(&sandbox, &["quiz", "files", "--answers", answers]);
        assert_eq!(run.code, 2, "{answers}");
        assert!(run.stderr.contains(says), "{answers}: {}", run.stderr);
    }
    let piped = run(&sandbox, &["quiz", "files"]);
    assert_eq!(piped.code, 2);
    assert!(piped.stderr.contains("asks on a terminal; give `--answers`"), "{}", piped.stderr);
    assert_eq!(run(&sandbox, &["quiz", "waiting", "--answers", "0"]).code, 2, "a skill without a quiz");
}

#[test]
fn review_records_the_grade_given() {
    let sandbox = Sandbox::new();
    run(&sandbox, &["done", "files"]);
    let again = run(&sandbox, &["review", "files", "--grade", "again"]);
    assert_eq!(again.stdout, "basics/files\treviewed\t2026-11-22\n");
    assert!(sandbox.state_text().contains("      - 2026-11-21 again\n"));
    assert_eq!(run(&sandbox, &["review", "files", "--grade", "great"]).code, 2);
}

#[test]
fn show_and_tick_print_a_checkpoints_code_without_its_backticks() {
    let sandbox = Sandbox::new();
    let show = run(&sandbox, &["show", "basics/files"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(show.stdout.contains("  2. [ ] I can make one from the shell with touch README.md.\n"), "{}", show.stdout);
    let tick = run(&sandbox, &["tick", "basics/files", "2"]);
    assert_eq!(tick.code, 0, "{}", tick.stderr);
    // A script reads the checkpoint as written.
    assert!(
        tick.stdout.contains("basics/files\t2\tticked\tI can make one from the shell with `touch README.md`."),
        "{}",
        tick.stdout
    );
}
