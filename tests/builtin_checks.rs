//! The built-in roadmap's checks on real projects: the foundations milestone's checks pass on a
//! small real Python project that meets its description (a package run with `python -m`, tests
//! with pytest, a README, a lock of its dev tools, a history of described commits) and fail
//! in an empty folder. The project is built from `tests/fixtures/projects/foundations` in a
//! temporary folder, with its git history made commit by commit and a virtual environment
//! that has pytest (`target/test-python`, made once; `.ci/run` makes it first).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;

use common::Sandbox;

/// A virtual environment with pytest, made once per machine under `target/`; `None` (the test
/// is skipped, and says so) on a developer's machine without python3's venv module or without
/// PyPI. In CI (`CI` set) that is a failure: `.ci/run` installs python3-venv.
fn python_with_pytest() -> Option<PathBuf> {
    static MADE: Mutex<()> = Mutex::new(());
    let _one_at_a_time = MADE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let venv = common::manifest_path("target/test-python");
    let python = venv.join("bin/python3");
    let has_pytest =
        |python: &Path| Command::new(python).args(["-c", "import pytest"]).status().is_ok_and(|s| s.success());
    if has_pytest(&python) {
        return Some(venv);
    }
    let made = Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv).status().is_ok_and(|s| s.success());
    let installed = made
        && Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "pytest"])
            .status()
            .is_ok_and(|s| s.success());
    if installed && has_pytest(&python) {
        return Some(venv);
    }
    let why =
        format!("could not make {} with pytest (it needs python3 with its venv module, and PyPI once)", venv.display());
    assert!(std::env::var_os("CI").is_none_or(|ci| ci.is_empty()), "{why}");
    eprintln!("skipped: {why}");
    None
}

fn git(dir: &Path, args: &[&str]) {
    let status = common::git_env(Command::new("git").args(args).current_dir(dir)).status().expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// The fixture project in a temporary folder, committed one small step at a time, with the
/// virtual environment linked in as `.venv`.
fn foundations_project() -> Option<tempfile::TempDir> {
    let venv = python_with_pytest()?;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "--quiet", "--initial-branch=main"]);
    let fixture = common::manifest_path("tests/fixtures/projects/foundations");
    let steps: &[(&[&str], &str)] = &[
        (&[".gitignore"], "Ignore the virtual environment and caches"),
        (&["pyproject.toml"], "Describe the project in pyproject.toml"),
        (&["requirements-dev.txt"], "Pin pytest for development"),
        (&["src/expenses/__init__.py"], "Start the expenses package"),
        (&["src/expenses/summary.py"], "Read expenses from CSV with exact amounts"),
        (&["tests/test_summary.py"], "Test totals, sorting and bad input"),
        (&["src/expenses/cli.py"], "Add the command line with one-line errors"),
        (&["src/expenses/__main__.py"], "Run the tool with python -m expenses"),
        (&["README.md"], "Explain how to set up, run and test the tool"),
    ];
    for (files, message) in steps {
        for file in *files {
            let to = root.join(file);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(fixture.join(file), &to).unwrap();
        }
        git(root, &["add", "."]);
        git(root, &["commit", "--quiet", "-m", message]);
    }
    std::fs::write(
        root.join("README.md"),
        std::fs::read_to_string(fixture.join("README.md")).unwrap() + "\nMIT licensed.\n",
    )
    .unwrap();
    git(root, &["commit", "--quiet", "-am", "Say the license in the README"]);
    std::os::unix::fs::symlink(venv, root.join(".venv")).unwrap();
    Some(dir)
}

fn check(sandbox: &Sandbox, target: &str, dir: &Path) -> common::Run {
    sandbox.run(&["check", target, "--in", dir.to_str().unwrap()])
}

#[test]
fn the_foundations_milestone_passes_on_a_real_project_and_fails_in_an_empty_folder() {
    let Some(project) = foundations_project() else { return };
    let sandbox = Sandbox::new();
    let passed = check(&sandbox, "foundations", project.path());
    assert_eq!(passed.code, 0, "{}\n{}", passed.stdout, passed.stderr);
    let lines: Vec<&str> = passed.stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{}", passed.stdout);
    assert!(lines.iter().all(|line| line.split('\t').nth(2) == Some("pass")), "{}", passed.stdout);
    // The project is left as it was: no caches, nothing new but the linked environment (a
    // link, which `.venv/` in .gitignore does not cover).
    let status =
        Command::new("git").args(["status", "--porcelain", "--ignored"]).current_dir(project.path()).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&status.stdout), "?? .venv\n");

    let empty = tempfile::tempdir().unwrap();
    let failed = check(&sandbox, "foundations", empty.path());
    assert_eq!(failed.code, 1, "{}", failed.stdout);
    let results: Vec<&str> = failed.stdout.lines().filter_map(|line| line.split('\t').nth(2)).collect();
    assert_eq!(results.len(), 6, "{}", failed.stdout);
    assert!(results.iter().all(|r| *r == "fail" || *r == "cannot"), "{}", failed.stdout);
}

#[test]
fn a_broken_test_fails_the_milestone_with_pytests_own_words() {
    let Some(project) = foundations_project() else { return };
    let sandbox = Sandbox::new();
    let tests = project.path().join("tests/test_summary.py");
    let text = std::fs::read_to_string(&tests).unwrap().replace("Decimal(\"0.30\")", "Decimal(\"0.31\")");
    std::fs::write(&tests, text).unwrap();
    let failed = check(&sandbox, "foundations", project.path());
    assert_eq!(failed.code, 1);
    assert!(failed.stdout.starts_with("foundations\t1\tfail\tThe tests pass\n"), "{}", failed.stdout);
    assert!(sandbox.state_text().contains("      - 1 fail 2026-11-21 "), "{}", sandbox.state_text());
}

#[test]
fn no_built_in_check_passes_in_an_empty_folder_or_writes_to_it() {
    use roadmap_tutor::content::{Source, load};
    let roadmap = load(&Source::Builtin).unwrap_or_else(|problems| panic!("{problems}"));
    let skills = roadmap.skills.iter().filter(|skill| !skill.checks.is_empty()).map(|skill| skill.id.clone());
    let milestones = roadmap
        .phases
        .iter()
        .filter(|phase| phase.milestone.as_ref().is_some_and(|m| !m.checks.is_empty()))
        .map(|phase| phase.id.clone());
    let owners: Vec<String> = skills.chain(milestones).collect();
    assert!(owners.len() >= 60, "only {} skills and milestones have checks", owners.len());
    let sandbox = Sandbox::new();
    let empty = tempfile::tempdir().unwrap();
    for owner in &owners {
        let run = check(&sandbox, owner, empty.path());
        assert_eq!(run.code, 1, "{owner} in an empty folder:\n{}{}", run.stdout, run.stderr);
        let results: Vec<&str> = run.stdout.lines().filter_map(|line| line.split('\t').nth(2)).collect();
        assert!(!results.is_empty() && !results.contains(&"pass"), "{owner} in an empty folder:\n{}", run.stdout);
    }
    let left: Vec<_> = std::fs::read_dir(empty.path()).unwrap().map(|entry| entry.unwrap().file_name()).collect();
    assert!(left.is_empty(), "the checks left {left:?} in the learner's folder");
}
