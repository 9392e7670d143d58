//! The scriptable commands, run as a learner or a script would: a temporary HOME, a
//! temporary state file, the real binary.

mod common;

use common::{Sandbox, output};

#[test]
fn a_fresh_learner_sees_status_and_where_to_start() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["status"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "all\t0\t93\t0\tPython Backend Developer\n\
         foundations\t0\t20\t0\tFoundations\ttodo\n\
         application-builder\t0\t28\t0\tApplication builder\ttodo\n\
         architecture\t0\t22\t0\tArchitecture and production readiness\ttodo\n\
         ai-specialization\t0\t13\t0\tAI specialization\ttodo\n\
         job-readiness\t0\t10\t0\tJob readiness\ttodo\n"
    );
    let run = sandbox.run(&["next"]);
    let first = run.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("start\tfoundations/"), "{}", run.stdout);
    assert!(!sandbox.state().exists(), "reading does not create the state file");
}

#[test]
fn done_records_the_date_and_moves_next_along() {
    let sandbox = Sandbox::new();
    let next = sandbox.run(&["next", "-n", "1"]);
    let id = next.stdout.split('\t').nth(1).unwrap().to_string();
    let run = sandbox.run(&["done", &id]);
    assert_eq!((run.code, run.stdout.as_str()), (0, format!("{id}\tdone\n").as_str()), "{}", run.stderr);
    assert_eq!(
        sandbox.state_text(),
        format!(
            "version: 2\nskills:\n  {id}:\n    status: done\n    started: 2026-11-21\n    finished: 2026-11-21\n    reviews:\n      - 2026-11-21 good\n"
        )
    );
    let after = sandbox.run(&["next"]);
    let suggested = after.stdout.lines().filter(|l| !l.starts_with("review\t"));
    assert!(suggested.clone().all(|l| !l.contains(&format!("\t{id}\t"))), "a done skill is not suggested again");
    let status = sandbox.run(&["status"]);
    assert!(status.stdout.starts_with("all\t1\t93\t1\t"), "{}", status.stdout);
}

#[test]
fn start_skip_and_reset_move_a_skill_between_statuses() {
    let sandbox = Sandbox::new();
    sandbox.run(&["start", "foundations/git-basics"]);
    assert!(sandbox.state_text().contains("foundations/git-basics:\n    status: doing\n    started: 2026-11-21\n"));
    let next = sandbox.run(&["next"]);
    assert!(
        next.stdout.starts_with("continue\tfoundations/git-basics\tGit basics\tstarted today\n"),
        "{}",
        next.stdout
    );
    sandbox.run(&["skip", "git-basics"]);
    assert!(sandbox.state_text().contains("status: skipped"));
    sandbox.run(&["reset", "git-basics"]);
    assert_eq!(sandbox.state_text(), "version: 2\nskills: {}\n");
}

#[test]
fn an_unknown_id_is_a_usage_error_with_the_closest_ids() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["done", "foundations/gti-basics"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: no skill `foundations/gti-basics` in Python Backend Developer: did you mean \
         `foundations/git-basics`, `foundations/debugging-basics`, `foundations/terminal-basics`?\n"
    );
    assert!(!sandbox.state().exists());
}

#[test]
fn show_prints_the_skill_as_text() {
    let sandbox = Sandbox::new();
    sandbox.run(&["done", "foundations/git-basics"]);
    let run = sandbox.run(&["show", "foundations/git-basics"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "Git basics");
    assert!(run.stdout.contains("foundations/git-basics · Foundations · core · practice · 8 hours · status: done"));
    assert!(run.stdout.contains("Requires: foundations/terminal-basics (todo)"));
    for section in ["Why it matters", "When it starts to matter", "Practice", "Pitfalls", "Resources", "Checkpoints"] {
        assert!(lines.contains(&section), "missing section {section}:\n{}", run.stdout);
    }
    assert!(run.stdout.contains("  1. [ ] I can "), "{}", run.stdout);
    assert!(!run.stdout.contains('\x1b'), "no escape codes when piped");
    let too_wide: Vec<&&str> =
        lines.iter().filter(|l| l.chars().count() > 80 && !l.trim_start().starts_with("https://")).collect();
    assert!(too_wide.is_empty(), "wrapped to 80 columns when piped (URLs aside): {too_wide:?}");
}

#[test]
fn a_corrupt_state_file_stops_every_command_and_is_left_untouched() {
    let sandbox = Sandbox::new();
    let broken = "version: 1\nskills:\n  foundations/git-basics:\n    status: finished\n";
    std::fs::write(sandbox.state(), broken).unwrap();
    for args in [&["status"][..], &["done", "foundations/git-basics"], &[]] {
        let run = sandbox.run(args);
        assert_eq!(run.code, 1, "{args:?}");
        let path = sandbox.state();
        assert!(
            run.stderr.starts_with(&format!("error: cannot load progress from {}, line 4: ", path.display())),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("unknown status `finished`"), "{}", run.stderr);
        assert!(run.stderr.contains("Nothing was changed."), "{}", run.stderr);
    }
    assert_eq!(sandbox.state_text(), broken);
}

#[test]
fn the_backup_is_named_when_there_is_one() {
    let sandbox = Sandbox::new();
    sandbox.run(&["done", "foundations/python-setup"]);
    sandbox.run(&["done", "foundations/terminal-basics"]);
    std::fs::write(sandbox.state(), "version: 1\nskills: [\n").unwrap();
    let run = sandbox.run(&["status"]);
    let backup = format!("{}.bak", sandbox.state().display());
    assert!(run.stderr.contains(&format!("cp {backup} {}", sandbox.state().display())), "{}", run.stderr);
    let restored = std::fs::read_to_string(&backup).unwrap();
    assert!(restored.contains("foundations/python-setup") && !restored.contains("terminal-basics"));
}

#[test]
fn the_default_state_file_lives_in_the_config_dir_and_can_be_moved() {
    let sandbox = Sandbox::new();
    let run = output(sandbox.command().args(["done", "foundations/python-setup"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let default = sandbox.home.path().join(".config/roadmap-tutor/progress.yaml");
    assert!(std::fs::read_to_string(&default).unwrap().contains("foundations/python-setup"));

    let elsewhere = sandbox.home.path().join("synced/progress.yaml");
    let run = output(sandbox.command().env("ROADMAP_STATE", &elsewhere).args(["done", "foundations/terminal-basics"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&elsewhere).unwrap().contains("terminal-basics"));
    assert!(!std::fs::read_to_string(&default).unwrap().contains("terminal-basics"));
}

#[test]
fn another_roadmap_comes_from_content_or_the_environment() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--content", "tests/fixtures/content/valid", "status"]);
    assert_eq!(run.stdout.lines().next(), Some("all\t0\t3\t0\tFixture Roadmap"));
    let run = output(
        sandbox
            .command()
            .env("ROADMAP_CONTENT", "tests/fixtures/content/valid")
            .arg("--state")
            .arg(sandbox.state())
            .arg("next"),
    );
    assert_eq!(
        run.stdout,
        "start\tbasics/first\tFirst skill\ta starting point, nothing to learn first; unlocks 1 skill\n"
    );
    let run = sandbox.run(&["--content", "Cargo.toml", "status"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--content Cargo.toml is a file"), "{}", run.stderr);
    let run = sandbox.run(&["--content", "no/such/folder", "status"]);
    assert_eq!((run.code, run.stderr.as_str()), (2, "error: --content no/such/folder: no such folder\n"));
}

#[test]
fn progress_under_an_old_id_follows_the_alias_and_unknown_ids_are_kept() {
    let sandbox = Sandbox::new();
    std::fs::write(
        sandbox.state(),
        "version: 1\nskills:\n  basics/old-second:\n    status: done\n    finished: 2026-11-01\n  gone/skill:\n    status: doing\n",
    )
    .unwrap();
    let run = sandbox.run(&["--content", "tests/fixtures/content/aliases", "status"]);
    assert!(run.stdout.starts_with("all\t1\t3\t33\t"), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        format!(
            "note: {} keeps progress for 1 skill this roadmap does not have (gone/skill); it is kept, not shown\n",
            sandbox.state().display()
        )
    );
    let again = sandbox.run(&["--content", "tests/fixtures/content/aliases", "done", "basics/first"]);
    assert_eq!(again.stderr, "", "the note is said once");
    let text = sandbox.state_text();
    assert!(text.contains("basics/second:\n    status: done"), "{text}");
    assert!(!text.contains("old-second") && text.contains("gone/skill:\n    status: doing"), "{text}");
}

#[test]
fn validate_checks_the_roadmap_in_use_by_default() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["validate"]);
    assert_eq!(run.stdout, "ok: content (Python Backend Developer): 5 phases, 93 skills, no problems\n");
    assert_eq!(run.code, 0);
}

#[test]
fn help_version_and_bad_usage() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["--help"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("Usage: roadmap [OPTIONS] [COMMAND]"), "{}", run.stdout);
    let run = sandbox.run(&["--version"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, concat!("roadmap ", env!("CARGO_PKG_VERSION"), "\n")));
    for args in [&["frobnicate"][..], &["status", "--frobnicate"], &["done"], &["next", "-n", "many"]] {
        let run = sandbox.run(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.starts_with("error: "), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn tick_lists_and_ticks_checkpoints_by_number() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["tick", "foundations/git-basics", "1", "3"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("foundations/git-basics\t1\tticked\tI can "), "{}", run.stdout);
    assert!(lines[1].starts_with("foundations/git-basics\t2\topen\tI can "), "{}", run.stdout);
    assert!(sandbox.state_text().contains("checkpoints: [0, 2]"), "{}", sandbox.state_text());
    // Ticking again keeps it ticked, so a script can run the same line twice.
    let again = sandbox.run(&["tick", "git-basics", "1", "3"]);
    assert_eq!((again.code, again.stdout.as_str()), (0, run.stdout.as_str()), "{}", again.stderr);
    assert!(sandbox.state_text().contains("checkpoints: [0, 2]"), "{}", sandbox.state_text());
    // Unticking is said: `--untick`, or `untick`.
    let run = sandbox.run(&["tick", "--untick", "git-basics", "1"]);
    assert!(run.stdout.starts_with("foundations/git-basics\t1\topen\t"), "{}", run.stdout);
    assert!(sandbox.state_text().contains("checkpoints: [2]"), "{}", sandbox.state_text());
    sandbox.run(&["untick", "git-basics", "1", "3"]);
    assert_eq!(sandbox.state_text(), "version: 2\nskills: {}\n");
    sandbox.run(&["tick", "git-basics", "3"]);
    // With no numbers it only lists.
    let before = sandbox.state_text();
    assert_eq!(sandbox.run(&["tick", "git-basics"]).code, 0);
    assert_eq!(sandbox.state_text(), before);
    let run = sandbox.run(&["tick", "git-basics", "6"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: foundations/git-basics has no checkpoint 6: choose from 1 to 5 (`roadmap tick foundations/git-basics` lists them)\n"
    );
    assert_eq!(sandbox.state_text(), before, "a bad number changes nothing");
}

#[test]
fn a_cached_roadmap_is_used_until_a_file_changes_and_never_shown_stale() {
    let sandbox = Sandbox::new();
    let roadmap = sandbox.home.path().join("roadmap");
    common::copy_dir(&common::manifest_path("tests/fixtures/content/valid"), &roadmap);
    // Files changed in the last two seconds are not cached; wait them out once.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let show = || sandbox.run(&["--content", roadmap.to_str().unwrap(), "show", "basics/first"]);
    let first = show();
    assert_eq!(first.code, 0, "{}", first.stderr);
    let cached: Vec<_> = std::fs::read_dir(sandbox.cache.path().join("roadmap-tutor")).unwrap().collect();
    assert_eq!(cached.len(), 1, "the parsed roadmap is kept");
    assert_eq!(show().stdout, first.stdout, "and shown the same from the cache");
    assert!(first.stdout.contains("Because it does."), "{}", first.stdout);

    // The same size, so only the file's times tell: the next run shows the new text.
    let file = roadmap.join("basics/first.md");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Because it does.", "Because it can.")).unwrap();
    let after = show();
    assert!(after.stdout.contains("Because it can.") && !after.stdout.contains("it does"), "{}", after.stdout);
}

#[test]
fn list_shows_every_skill_and_filters_by_phase_and_status() {
    let sandbox = Sandbox::new();
    let valid = common::fixture("valid");
    let list = |args: &[&str]| {
        let mut all = vec!["--content", valid.as_str(), "list"];
        all.extend(args);
        let run = sandbox.run(&all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout
    };
    assert_eq!(
        list(&[]),
        "basics/first\ttodo\tcore\tFirst skill\nbasics/second\ttodo\tcore\tSecond skill\n\
         advanced/third\ttodo\tcore\tThird skill\n"
    );
    sandbox.run(&["--content", &valid, "done", "basics/first"]);
    sandbox.run(&["--content", &valid, "start", "advanced/third"]);
    assert_eq!(
        list(&["--phase", "Basics"]),
        "basics/first\tdone\tcore\tFirst skill\nbasics/second\ttodo\tcore\tSecond skill\n"
    );
    assert_eq!(
        list(&["--status", "done", "--status", "doing"]),
        "basics/first\tdone\tcore\tFirst skill\nadvanced/third\tdoing\tcore\tThird skill\n"
    );
    assert_eq!(list(&["--status", "doing,todo", "--phase", "basics"]), "basics/second\ttodo\tcore\tSecond skill\n");
    assert_eq!(list(&["--status", "skipped"]), "");
    let run = sandbox.run(&["--content", &valid, "list", "--phase", "basic"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (2, "error: no phase `basic` in Fixture Roadmap: did you mean `basics`?\n")
    );
}

#[test]
fn ids_resolve_in_any_case_and_by_a_unique_title_word() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["done", "linux", "FOUNDATIONS/Git-Basics", "GitHub-workflow", "python setup"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "foundations/terminal-basics\tdone\nfoundations/git-basics\tdone\n\
         foundations/github-workflow\tdone\nfoundations/python-setup\tdone\n"
    );
    let run = sandbox.run(&["show", "basics"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with(
            "error: `basics` could be `foundations/git-basics` (Git basics), `architecture/deployment-basics`"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.ends_with(": give the id\n"), "{}", run.stderr);
}

#[test]
fn several_ids_change_at_once_with_one_record_each() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["start", "git-basics", "terminal-basics", "git-basics"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "foundations/git-basics\tdoing\nfoundations/terminal-basics\tdoing\n"),
        "{}",
        run.stderr
    );
    for verb in ["skip", "reset"] {
        let run = sandbox.run(&[verb, "git-basics", "terminal-basics"]);
        assert_eq!(run.stdout.lines().count(), 2, "{verb}: {}", run.stdout);
    }
    assert_eq!(sandbox.state_text(), "version: 2\nskills: {}\n");
}

#[test]
fn done_with_prerequisites_open_warns_at_once() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["done", "git-basics"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "foundations/git-basics\tdone\n", "the record stays alone on stdout");
    assert_eq!(run.stderr, "warning: Git basics is done but its prerequisite The Linux command line is not\n");
    let run = sandbox.run(&["done", "terminal-basics"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "nothing to warn about");
}
