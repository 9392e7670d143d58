//! `next`, `plan`, `review` and `milestone` as a learner or a script runs them: the real
//! binary on a small fixture roadmap, a temporary state file, today pinned to 2026-11-21.

mod common;

use common::{Run, Sandbox, fixture};

const PATHWAY: &str = "pathway";

/// Runs a command on the pathway fixture.
fn run(sandbox: &Sandbox, args: &[&str]) -> Run {
    let content = fixture(PATHWAY);
    let all: Vec<&str> = ["--content", content.as_str()].into_iter().chain(args.iter().copied()).collect();
    sandbox.run(&all)
}

fn ok(run: Run) -> String {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    run.stdout
}

#[test]
fn next_starts_a_fresh_learner_where_nothing_is_needed_first() {
    let sandbox = Sandbox::new();
    assert_eq!(
        ok(run(&sandbox, &["next"])),
        "start\tbasics/setup\tSetup\ta starting point, nothing to learn first; unlocks 1 skill\n"
    );
}

#[test]
fn next_prints_suggestions_then_warnings_then_reviews() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.state(),
        "version: 1\nskills:\n\
         \x20 basics/setup: {status: done, started: 2026-11-01, finished: 2026-11-10, checkpoints: [0, 1]}\n\
         \x20 basics/syntax: {status: doing, started: 2026-10-01}\n\
         \x20 web/http: {status: done, started: 2026-11-20, finished: 2026-11-20}\n",
    )
    .unwrap();
    assert_eq!(
        ok(run(&sandbox, &["next"])),
        "continue\tbasics/syntax\tSyntax\tstarted 51 days ago\n\
         warning\tweb/http\t\tHTTP is done but its prerequisite Syntax is not\n\
         warning\t\t\tworking ahead: 1 skill of Web begun while 1 core skill of Basics is open\n\
         warning\tbasics/syntax\t\tSyntax has been in progress for 51 days\n\
         review\tbasics/setup\tSetup\tdue 9 days ago; last recalled 11 days ago\n"
    );
}

#[test]
fn next_limits_suggestions_and_reviews_but_not_warnings() {
    let sandbox = Sandbox::new();
    ok(run(&sandbox, &["done", "basics/setup"]));
    ok(run(&sandbox, &["done", "basics/syntax"]));
    let all = ok(run(&sandbox, &["next", "--all"]));
    assert_eq!(
        all,
        "milestone\tbasics\tA tiny tool\tall core skills of Basics are done\n\
         start\tweb/http\tHTTP\tSyntax is done; unlocks 1 skill\n\
         start\tbasics/style\tStyle\tSyntax is done; optional stretch skill\n\
         review\tbasics/setup\tSetup\t2 of 2 checkpoints not ticked yet\n"
    );
    assert_eq!(
        ok(run(&sandbox, &["next", "-n", "1"])),
        "milestone\tbasics\tA tiny tool\tall core skills of Basics are done\nreview\tbasics/setup\tSetup\t2 of 2 checkpoints not ticked yet\n"
    );
}

#[test]
fn review_marks_a_done_skill_and_moves_its_schedule() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.state(),
        "version: 1\nskills:\n  basics/setup: {status: done, finished: 2026-11-10, checkpoints: [0, 1]}\n",
    )
    .unwrap();
    assert!(
        ok(run(&sandbox, &["next"]))
            .contains("review\tbasics/setup\tSetup\tdue 9 days ago; last recalled 11 days ago\n")
    );
    assert_eq!(ok(run(&sandbox, &["review", "setup"])), "basics/setup\treviewed\t2026-12-17\n");
    assert!(sandbox.state_text().contains("      - 2026-11-21 good\n"), "{}", sandbox.state_text());
    assert!(!ok(run(&sandbox, &["next"])).contains("review\t"), "reviewed today, due again in 30 days");
}

#[test]
fn review_refuses_a_skill_that_is_not_done() {
    let sandbox = Sandbox::new();
    let refused = run(&sandbox, &["review", "basics/syntax"]);
    assert_eq!(refused.code, 2);
    assert_eq!(
        refused.stderr,
        "error: basics/syntax is todo, not done: only done skills are reviewed (mark it with `roadmap done basics/syntax`)\n"
    );
    let unknown = run(&sandbox, &["review", "basics/sintax"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean `basics/syntax`"), "{}", unknown.stderr);
    assert!(!sandbox.state().exists());
}

#[test]
fn a_milestone_is_suggested_until_it_is_marked_done() {
    let sandbox = Sandbox::new();
    ok(run(&sandbox, &["skip", "basics/setup"]));
    ok(run(&sandbox, &["done", "basics/syntax"]));
    let first = |sandbox: &Sandbox| ok(run(sandbox, &["next"])).lines().next().unwrap_or_default().to_string();
    assert_eq!(first(&sandbox), "milestone\tbasics\tA tiny tool\tall core skills of Basics are done or skipped");
    assert_eq!(ok(run(&sandbox, &["milestone", "basics"])), "basics\ttodo\tA tiny tool\n");
    assert_eq!(ok(run(&sandbox, &["milestone", "basics", "start"])), "basics\tdoing\n");
    assert!(sandbox.state_text().ends_with("milestones:\n  basics:\n    status: doing\n    started: 2026-11-21\n"));
    assert_eq!(first(&sandbox), "milestone\tbasics\tA tiny tool\tstarted today");
    assert_eq!(ok(run(&sandbox, &["milestone", "basics", "done"])), "basics\tdone\n");
    assert_eq!(first(&sandbox), "start\tweb/http\tHTTP\tSyntax is done; unlocks 1 skill");
    let status = ok(run(&sandbox, &["status"]));
    assert!(status.contains("basics\t2\t3\t66\tBasics\tdone\nweb\t0\t2\t0\tWeb\ttodo\n"), "{status}");
    assert_eq!(ok(run(&sandbox, &["milestone", "basics", "reset"])), "basics\ttodo\n");
    assert!(!sandbox.state_text().contains("milestones:"), "{}", sandbox.state_text());
}

#[test]
fn an_unknown_phase_or_action_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let run_code = |args: &[&str]| {
        let run = run(&sandbox, args);
        (run.code, run.stderr)
    };
    assert_eq!(
        run_code(&["milestone", "basic"]),
        (2, "error: no phase `basic` in Pathway: did you mean `basics`?\n".into())
    );
    assert_eq!(
        run_code(&["milestone", "zzz", "done"]),
        (2, "error: no phase `zzz` in Pathway: the phases are `basics`, `web`\n".into())
    );
    let (code, stderr) = run_code(&["milestone", "basics", "finish"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid value 'finish'") && stderr.contains("start, done, reset"), "{stderr}");
    assert!(!sandbox.state().exists());
}

#[test]
fn plan_says_how_to_set_weekly_hours_then_projects_each_phase() {
    let sandbox = Sandbox::new();
    assert_eq!(
        ok(run(&sandbox, &["plan"])),
        "No weekly hours set yet. Say how many hours a week you study, e.g. roadmap plan --hours 8\n"
    );
    assert!(!sandbox.state().exists(), "asking does not create the state file");
    let plan = "weekly_hours\t7\n\
                basics\t12\t2026-12-03\tBasics\n\
                web\t13.5\t2026-12-17\tWeb\n\
                core\t20\t2026-12-11\tCore path\n";
    assert_eq!(ok(run(&sandbox, &["plan", "--hours", "7"])), plan);
    assert_eq!(sandbox.state_text(), "version: 2\nweekly_hours: 7\nskills: {}\n");
    assert_eq!(ok(run(&sandbox, &["plan"])), plan);
    ok(run(&sandbox, &["skip", "basics/setup"]));
    ok(run(&sandbox, &["start", "basics/syntax"]));
    assert_eq!(
        ok(run(&sandbox, &["plan"])),
        "weekly_hours\t7\nbasics\t8\t2026-11-29\tBasics\nweb\t13.5\t2026-12-13\tWeb\ncore\t16\t2026-12-07\tCore path\n",
        "skipped counts as no hours left, in progress in full"
    );
}

#[test]
fn plan_refuses_hours_that_are_not_a_week_s() {
    let sandbox = Sandbox::new();
    ok(run(&sandbox, &["plan", "--hours", "7.5"]));
    for bad in ["0", "-3", "169", "abc", "NaN", "inf", ""] {
        let refused = run(&sandbox, &["plan", &format!("--hours={bad}")]);
        assert_eq!(refused.code, 2, "{bad}");
        assert!(refused.stderr.starts_with("error: invalid value"), "{bad}: {}", refused.stderr);
    }
    assert_eq!(sandbox.state_text(), "version: 2\nweekly_hours: 7.5\nskills: {}\n");
}

/// The terminal layout, through the library with `tty` on and colors off.
fn on_terminal(sandbox: &Sandbox, args: &[&str]) -> String {
    use clap::Parser;
    let state = sandbox.state();
    let content = common::manifest_path(&fixture(PATHWAY));
    let mut argv = vec!["roadmap", "--no-color", "--content", content.to_str().unwrap(), "--state"];
    argv.push(state.to_str().unwrap());
    argv.extend(args);
    let cli = roadmap_tutor::cli::Cli::try_parse_from(argv).unwrap();
    let mut out = Vec::new();
    roadmap_tutor::cli::run(&cli, &mut out, true).unwrap();
    String::from_utf8(out).unwrap()
}

/// Words and line starts, so the check holds at any terminal width (wrapping may differ).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn on_a_terminal_next_is_a_numbered_list_with_sections() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.state(),
        "version: 1\nskills:\n  basics/setup: {status: done}\n  web/http: {status: done}\n",
    )
    .unwrap();
    let shown = on_terminal(&sandbox, &["next"]);
    assert_eq!(
        words(&shown),
        "Next steps 1. Syntax basics/syntax Start: Setup is done; unlocks 2 skills \
         Warnings ! HTTP is done but its prerequisite Syntax is not \
         ! working ahead: 1 skill of Web begun while 1 core skill of Basics is open \
         Reviews due 1. Setup basics/setup Review: 2 of 2 checkpoints not ticked yet \
         Look again with roadmap show ID; tick what you can do with roadmap tick ID N; then roadmap review ID"
    );
    let lines: Vec<&str> = shown.lines().collect();
    for line in ["Next steps", "  1. Syntax  basics/syntax", "", "Warnings", "Reviews due", "  1. Setup  basics/setup"]
    {
        assert!(lines.contains(&line), "no line {line:?} in\n{shown}");
    }
    assert!(shown.contains("\n     Start: Setup is done") && shown.contains("\n  ! HTTP is done"), "{shown}");
}

#[test]
fn on_a_terminal_done_names_the_next_step_and_any_warning() {
    let sandbox = Sandbox::new();
    let done = on_terminal(&sandbox, &["done", "web/http"]);
    assert!(done.starts_with("Done: HTTP (web/http)\nWarning: HTTP is done"), "{done}");
    assert_eq!(
        words(&done),
        "Done: HTTP (web/http) Warning: HTTP is done but its prerequisite Syntax is not \
         Next: Setup (basics/setup): a starting point, nothing to learn first; unlocks 1 skill"
    );
}

#[test]
fn on_a_terminal_list_is_aligned_under_each_phase() {
    let sandbox = Sandbox::new();
    ok(run(&sandbox, &["done", "basics/setup"]));
    let shown = on_terminal(&sandbox, &["list"]);
    let rows: Vec<&str> = shown.lines().filter(|l| l.starts_with("  ")).collect();
    assert!(rows.len() >= 4, "{shown}");
    let column = |row: &str, word: &str| row.find(word).unwrap_or_else(|| panic!("no {word} in {row:?}"));
    let status_at = column(rows[0], "done");
    for row in &rows[1..] {
        let status = ["todo", "doing", "done", "skipped"].iter().find_map(|s| row.find(&format!("  {s} "))).unwrap();
        assert_eq!(status + 2, status_at, "statuses line up:\n{shown}");
    }
    assert!(shown.starts_with("Basics\n  basics/setup"), "{shown}");
    assert!(shown.lines().any(|l| l == "Web"), "a heading per phase:\n{shown}");
    assert!(shown.trim_end().ends_with("Read one: roadmap show ID; mark one: roadmap done ID"), "{shown}");
}

/// `next` on the pathway fixture with no cache at all, so no memo of replayed reviews.
fn next_without_memo(sandbox: &Sandbox) -> String {
    let content = fixture(PATHWAY);
    let mut command = sandbox.command();
    command.env("ROADMAP_CACHE_DIR", "").args(["--state", sandbox.state().to_str().unwrap(), "--content", &content]);
    ok(Run::of(command.arg("next").output().expect("the binary runs")))
}

#[test]
fn the_memo_of_replayed_reviews_never_changes_what_next_says() {
    let sandbox = Sandbox::new();
    let state = |setup_log: &str| {
        format!(
            "version: 2\nskills:\n\
             \x20 basics/setup:\n    status: done\n    finished: 2026-09-01\n    checkpoints: [0, 1]\n    reviews:\n{setup_log}\
             \x20 basics/syntax:\n    status: done\n    finished: 2026-10-01\n    reviews:\n      - 2026-10-01 good\n      - 2026-10-02 again\n"
        )
    };
    std::fs::write(sandbox.state(), state("      - 2026-09-01 good\n      - 2026-09-20 hard\n")).unwrap();
    let expected = next_without_memo(&sandbox);
    assert!(expected.contains("review\tbasics/setup\t"), "{expected}");
    assert_eq!(ok(run(&sandbox, &["next"])), expected, "the run that writes the memo");
    let memo = std::fs::read_dir(sandbox.cache.path().join("roadmap-tutor"))
        .unwrap()
        .filter_map(|entry| Some(entry.ok()?.path()))
        .find(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("reviews-")))
        .expect("a memo beside the content cache");
    assert_eq!(ok(run(&sandbox, &["next"])), expected, "the run that reads it");

    // A damaged memo is no memo.
    std::fs::write(&memo, b"RTMEMO01 and then nothing that fits").unwrap();
    assert_eq!(ok(run(&sandbox, &["next"])), expected, "a damaged memo");

    // A log changed behind the memo's back (a hand edit, a merge) is replayed afresh.
    std::fs::write(sandbox.state(), state("      - 2026-09-01 good\n      - 2026-11-20 easy\n")).unwrap();
    let changed = next_without_memo(&sandbox);
    assert_ne!(changed, expected, "a review yesterday moves the schedule");
    assert_eq!(ok(run(&sandbox, &["next"])), changed);
}
