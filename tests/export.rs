//! `roadmap export` on the fixture roadmap with a fixture progress file: the Markdown report
//! and the JSON export as a learner gets them, and `--output` writing a file.

mod common;

use common::{Sandbox, fixture, manifest_path};

/// A sandbox whose state file is a copy of `tests/fixtures/progress/export.yaml`.
fn with_progress() -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::copy(manifest_path("tests/fixtures/progress/export.yaml"), sandbox.state()).unwrap();
    sandbox
}

fn export(sandbox: &Sandbox, args: &[&str]) -> common::Run {
    let valid = fixture("valid");
    let mut full = vec!["--content", valid.as_str(), "export"];
    full.extend_from_slice(args);
    sandbox.run(&full)
}

#[test]
fn markdown_is_a_progress_report_per_phase() {
    let sandbox = with_progress();
    let run = export(&sandbox, &["--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("markdown", run.stdout);
    assert_eq!(export(&sandbox, &[]).stdout, run.stdout, "markdown is the default");
}

#[test]
fn json_joins_progress_with_titles_and_phases() {
    let sandbox = with_progress();
    let run = export(&sandbox, &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("json", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["phases"][0]["skills"][0]["id"], "basics/first");
    assert_eq!(json["unmatched_skills"][0]["id"], "gone/old-skill", "progress of removed skills is not lost");
}

#[test]
fn an_export_reads_progress_and_never_writes_it() {
    let sandbox = with_progress();
    let before = sandbox.state_text();
    export(&sandbox, &["--format", "json"]);
    assert_eq!(sandbox.state_text(), before);
    let fresh = Sandbox::new();
    let run = export(&fresh, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("- **Skills complete:** 0 of 3 (0%)\n"), "{}", run.stdout);
    assert!(!fresh.state().exists());
}

#[test]
fn output_writes_the_file_and_says_where() {
    let sandbox = with_progress();
    let stdout = export(&sandbox, &["--format", "json"]).stdout;
    let file = sandbox.home.path().join("progress.json");
    let run = export(&sandbox, &["--output", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("Wrote the JSON export to {}\n", file.display()), "format from the extension");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);

    let report = sandbox.home.path().join("report.md");
    std::fs::write(&report, "old report").unwrap();
    let run = export(&sandbox, &["-o", report.to_str().unwrap()]);
    assert_eq!(run.stdout, format!("Wrote the Markdown progress report to {}\n", report.display()));
    assert!(std::fs::read_to_string(&report).unwrap().starts_with("# Fixture Roadmap: progress report\n"));
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[cfg(unix)]
#[test]
fn a_new_report_is_an_ordinary_readable_file() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = with_progress();
    let file = sandbox.home.path().join("report.md");
    // Under the common umask 022 a new document is 0644, not private like the progress file.
    let run = common::output(
        std::process::Command::new("sh")
            .args(["-c", "umask 022; exec \"$@\"", "sh", env!("CARGO_BIN_EXE_roadmap")])
            .arg("--state")
            .arg(sandbox.state())
            .args(["--content", &fixture("valid"), "export", "--output"])
            .arg(&file)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("HOME", sandbox.home.path())
            .env("ROADMAP_TODAY", "2026-11-21"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o644);
}

#[test]
fn dash_is_standard_output_and_a_folder_is_refused() {
    let sandbox = with_progress();
    let run = export(&sandbox, &["-o", "-", "-f", "md"]);
    assert!(run.stdout.starts_with("# Fixture Roadmap: progress report\n"), "{}", run.stdout);
    let folder = sandbox.home.path().to_str().unwrap().to_string();
    let run = export(&sandbox, &["--output", &folder]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(&format!("error: --output {folder} is a folder: name a file in it")), "{}", run.stderr);
    let run = export(&sandbox, &["--output", "/no/such/folder/report.md"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr, "error: cannot write /no/such/folder/report.md: No such file or directory (os error 2)\n",
        "the message names the file asked for, not a temporary one"
    );
}

#[test]
fn the_built_in_roadmap_exports_too() {
    let sandbox = Sandbox::new();
    sandbox.run(&["done", "foundations/python-setup"]);
    let run = sandbox.run(&["export", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["totals"]["skills"], 93);
    assert_eq!(json["totals"]["done"], 1);
    assert_eq!(json["phases"].as_array().map(Vec::len), Some(5));
}
