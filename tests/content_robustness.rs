//! Content written to break the loader: every case of the YAML test suite as a skill's front
//! matter (a subset kept in `tests/fixtures/yaml-cases`, the whole corpus from
//! `../shared/corpora`), and hostile files: deep nesting, alias bombs, a 100 MiB file, pipes
//! and devices, symlink loops, names that are not UTF-8. Each loads or ends in clean
//! `path:line` problems, promptly and without reading a huge file into memory.

mod common;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Run, Sandbox, check_located, copy_dir};
use roadmap_tutor::content::{Source, load};

/// A copy of the small valid fixture roadmap, to add one hostile file to.
fn fixture_copy(sandbox: &Sandbox) -> PathBuf {
    let root = sandbox.home.path().join("roadmap");
    copy_dir(&common::manifest_path(&common::fixture("valid")), &root);
    root
}

/// Loads the roadmap with `yaml` as the front matter of a new skill file; the outcome must be a
/// roadmap, or problems at lines inside their files with at least one in the case's file.
fn check_front_matter(root: &Path, yaml: &str) -> Result<(), String> {
    let file = root.join("basics/case.md");
    let newline = if yaml.ends_with('\n') { "" } else { "\n" };
    fs::write(&file, format!("---\n{yaml}{newline}---\n## Why it matters\n")).unwrap();
    let result = load(&Source::Dir(root.to_path_buf()));
    check_located(root, &result)?;
    if let Err(problems) = &result {
        let shown = file.display().to_string();
        if !problems.iter().any(|p| p.path == shown) {
            return Err(format!("no problem names the case's file:\n{problems}"));
        }
    }
    Ok(())
}

#[test]
fn yaml_suite_fixtures_as_front_matter_load_or_give_located_problems() {
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    let mut checked = 0;
    for folder in ["valid", "invalid"] {
        let dir = common::manifest_path(&format!("tests/fixtures/yaml-cases/{folder}"));
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let yaml = fs::read_to_string(&path).unwrap();
            check_front_matter(&root, &yaml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            checked += 1;
        }
    }
    assert_eq!(checked, 22);
}

#[derive(serde::Deserialize)]
struct YamlCase {
    id: String,
    yaml: String,
}

/// The whole suite lives beside the project, not in it: `cargo test -- --ignored` (CI runs it).
/// The 22 cases kept in `tests/fixtures/yaml-cases` run in every `cargo test`.
#[test]
#[ignore = "needs ../shared/corpora beside the project; .ci/run runs it with --ignored"]
fn every_yaml_suite_case_as_front_matter_loads_or_gives_located_problems() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/yaml-cases.json");
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (the shared corpora sit beside the project)"));
    let cases: Vec<YamlCase> = serde_json::from_str(&text).expect("the corpus is JSON");
    assert_eq!(cases.len(), 333);
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| check_front_matter(&root, &case.yaml).err().map(|e| format!("{}: {e}", case.id)))
        .collect();
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

// ---- hostile files, through the binary -----------------------------------------------------

/// Address space for a `validate` run: the binary needs a small part of it, and a 100 MiB file
/// (or /dev/zero, without end) read whole cannot fit, so such a read changes the outcome.
const MEMORY_LIMIT: u64 = 96 << 20;

/// `roadmap validate DIR` confined to [`MEMORY_LIMIT`]. A run that has not ended after a minute
/// is killed and fails the test, so a regression cannot hang the suite.
#[allow(unsafe_code)]
fn validate_confined(sandbox: &Sandbox, dir: &Path) -> Run {
    use std::os::unix::process::CommandExt;
    let mut command: Command = sandbox.command();
    command.arg("validate").arg(dir).stdout(Stdio::piped()).stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: MEMORY_LIMIT, rlim_max: MEMORY_LIMIT };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = command.spawn().expect("the binary starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).map(|_| text)
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).map(|_| text)
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("validate {} did not finish in a minute", dir.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    }
}

/// Validates `root` and checks that it printed exactly `expected` (paths relative to `root`).
#[track_caller]
fn assert_report(sandbox: &Sandbox, root: &Path, expected: &[&str]) {
    let run = validate_confined(sandbox, root);
    let shown: Vec<String> = expected.iter().map(|line| format!("{}/{line}", root.display())).collect();
    let printed: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(printed, shown, "stderr: {}", run.stderr);
    assert_eq!(run.code, 1);
    let count = if expected.len() == 1 { "1 problem".to_string() } else { format!("{} problems", expected.len()) };
    assert_eq!(run.stderr, format!("error: {count} in {}\n", root.display()));
}

fn skill_with(front_matter: &str) -> String {
    format!(
        "---\ntitle: Hostile\nsummary: Made to break things.\nkind: concept\nlevel: core\nhours: 1\n{front_matter}---\n"
    )
}

#[test]
fn deep_nesting_is_refused_cleanly() {
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    // Nearly 1 MiB of brackets: libyaml alone would take minutes on it.
    let depth = 400_000;
    let brackets = format!("tags: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    fs::write(root.join("basics/brackets.md"), skill_with(&brackets)).unwrap();
    let braces = format!("checkpoints:\n  - {}x{}\n", "{a: ".repeat(70), "}".repeat(70));
    fs::write(root.join("basics/braces.md"), skill_with(&braces)).unwrap();
    let block: String = (0..600).map(|i| format!("{}k{i}:\n", "  ".repeat(i))).collect();
    fs::write(root.join("basics/block.md"), skill_with(&format!("resources:\n{block}"))).unwrap();
    // The parser's own limit, in block style as in brackets: each at the line of level 65.
    let nested = "YAML nested more than 64 levels deep: fields here are flat lists and texts";
    assert_report(
        &sandbox,
        &root,
        &[
            &format!("basics/block.md:72: {nested}"),
            &format!("basics/braces.md:8: {nested}"),
            &format!("basics/brackets.md:7: {nested}"),
        ],
    );
}

#[test]
fn alias_bombs_are_refused_cleanly() {
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    // Billion laughs: nine levels of nine aliases each, 9^9 copies if expanded.
    let mut laughs = String::from("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..=9 {
        let previous = format!("*lol{}", level - 1);
        laughs.push_str(&format!("lol{level}: &lol{level} [{}]\n", vec![previous; 9].join(", ")));
    }
    fs::write(root.join("basics/laughs.md"), format!("---\n{laughs}tags: *lol9\n---\n")).unwrap();
    // The same in block style, aimed at a field the loader reads.
    let mut block = String::from("x0: &t0\n  - lol\n  - lol\n");
    for level in 1..=12 {
        block.push_str(&format!("x{level}: &t{level}\n{}", format!("  - *t{}\n", level - 1).repeat(8)));
    }
    block.push_str("tags: *t12\n");
    fs::write(root.join("basics/block-laughs.md"), skill_with(&block)).unwrap();
    // Each refused at the alias that would pass 10,000 copied values (the fourth level of
    // nine, the fifth of eight), before any memory goes to them.
    let copies = "YAML aliases here copy more than 10000 values: write the values out";
    assert_report(
        &sandbox,
        &root,
        &[&format!("basics/block-laughs.md:43: {copies}"), &format!("basics/laughs.md:6: {copies}")],
    );
}

#[test]
fn a_100_mib_file_is_refused_without_being_read() {
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    // Sparse: 100 MiB to the loader, nothing on the disk.
    fs::File::create(root.join("basics/huge.md")).unwrap().set_len(100 << 20).unwrap();
    fs::remove_file(root.join("roadmap.yaml")).unwrap();
    fs::File::create(root.join("roadmap.yaml")).unwrap().set_len(100 << 20).unwrap();
    assert_report(
        &sandbox,
        &root,
        &[
            "basics/huge.md:1: file is 102400 KiB, over the 1 MiB limit: split it",
            "roadmap.yaml:1: file is 102400 KiB, over the 1 MiB limit: split it",
        ],
    );
}

#[test]
#[allow(unsafe_code)]
fn pipes_and_devices_are_problems_not_reads() {
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    fs::remove_file(root.join("roadmap.yaml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("roadmap.yaml")).unwrap();
    let fifo = std::ffi::CString::new(root.join("basics/pipe.md").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let not_a_file = "this is a device, a pipe or a socket, not a regular file: replace it with a file, or remove it";
    assert_report(
        &sandbox,
        &root,
        &[&format!("basics/pipe.md:1: {not_a_file}"), &format!("roadmap.yaml:1: {not_a_file}")],
    );
}

#[test]
fn symlink_loops_are_problems() {
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    std::os::unix::fs::symlink("loop.md", root.join("basics/loop.md")).unwrap();
    std::os::unix::fs::symlink("ring", root.join("ring")).unwrap();
    // A folder that leads back up to the roadmap: one level is read, never a walk in circles.
    std::os::unix::fs::symlink("..", root.join("basics/up")).unwrap();
    let looped = "cannot read: Too many levels of symbolic links (os error 40)";
    assert_report(&sandbox, &root, &[&format!("basics/loop.md:1: {looped}"), &format!("ring:1: {looped}")]);
}

#[test]
fn names_that_are_not_utf8_are_problems() {
    use std::os::unix::ffi::OsStrExt;
    let sandbox = Sandbox::new();
    let root = fixture_copy(&sandbox);
    let name = std::ffi::OsStr::from_bytes(b"b\xffd.md");
    fs::write(root.join("basics").join(name), skill_with("")).unwrap();
    fs::create_dir(root.join(std::ffi::OsStr::from_bytes(b"ph\xfease"))).unwrap();
    let rename = "file name is not valid UTF-8: rename it (ids are made from file names)";
    assert_report(
        &sandbox,
        &root,
        &[&format!("basics/b\u{fffd}d.md:1: {rename}"), &format!("ph\u{fffd}ase:1: {rename}")],
    );
}
