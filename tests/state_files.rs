//! Bad state files, one fixture (or one setup) per failure: every command that reads the file
//! stops with one message that names the file and says what to do, exits non-zero, and leaves
//! the file, its backup and its folder exactly as they were. An empty file is no progress.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, Sandbox, output, unprivileged};

/// Every way in: reading commands, the default command, and writing commands.
const COMMANDS: &[&[&str]] = &[
    &["status"],
    &["next"],
    &[],
    &["show", "foundations/git-basics"],
    &["done", "foundations/git-basics"],
    &["reset", "foundations/git-basics"],
];

fn fixture(name: &str) -> Vec<u8> {
    fs::read(common::manifest_path(&format!("tests/fixtures/state/{name}"))).unwrap()
}

/// Every file under `dir` with its bytes (folders as `None`), to prove nothing was touched.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.insert(path.clone(), None);
            files.extend(snapshot(&path));
        } else {
            files.insert(path.clone(), Some(fs::read(&path).unwrap()));
        }
    }
    files
}

/// A sandbox whose state file holds `bytes`, with a good backup beside it.
fn with_state(bytes: &[u8]) -> Sandbox {
    let sandbox = Sandbox::new();
    fs::write(sandbox.state(), bytes).unwrap();
    fs::write(backup(&sandbox), fixture("good.yaml")).unwrap();
    sandbox
}

fn backup(sandbox: &Sandbox) -> PathBuf {
    PathBuf::from(format!("{}.bak", sandbox.state().display()))
}

/// Runs every command; each must print exactly `expected` on stderr, nothing on stdout, exit 1,
/// and change no byte in the sandbox.
#[track_caller]
fn assert_refused(sandbox: &Sandbox, expected: &str) {
    let before = snapshot(sandbox.home.path());
    for args in COMMANDS {
        let run = sandbox.run(args);
        assert_eq!(run.stderr, expected, "{args:?}");
        assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{args:?}");
        assert_eq!(snapshot(sandbox.home.path()), before, "{args:?} changed the sandbox");
    }
}

/// The message for a file that does not parse, with the way back to the backup.
fn corrupt(sandbox: &Sandbox, line: usize, what: &str) -> String {
    let path = sandbox.state().display().to_string();
    format!(
        "error: cannot load progress from {path}, line {line}: {what}\n\
         Nothing was changed. Fix that line, or go back to the last good copy:\n    cp {path}.bak {path}\n"
    )
}

#[test]
fn an_empty_file_is_no_progress_and_the_first_save_fills_it() {
    for bytes in [&b""[..], b"\n\n   \n", b"# progress comes here\n"] {
        let sandbox = Sandbox::new();
        fs::write(sandbox.state(), bytes).unwrap();
        let run = sandbox.run(&["status"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.starts_with("all\t0\t93\t0\t"), "{}", run.stdout);
        let run = sandbox.run(&["done", "foundations/git-basics"]);
        assert_eq!((run.code, run.stdout.as_str()), (0, "foundations/git-basics\tdone\n"), "{}", run.stderr);
        assert!(sandbox.state_text().contains("foundations/git-basics:\n    status: done\n"));
        match fs::read(backup(&sandbox)) {
            Ok(kept) => assert_eq!(kept, bytes, "a comment is kept in the backup"),
            Err(_) => assert!(bytes.trim_ascii().is_empty(), "only a blank file is not worth a backup"),
        }
    }
    assert_eq!(fixture("empty.yaml"), b"");
}

#[test]
fn a_file_cut_in_the_middle_of_a_value() {
    let sandbox = with_state(&fixture("truncated-mid-value.yaml"));
    let what = "skills.foundations/python-setup.status: unknown status `do`, expected one of `todo`, `doing`, `done`, `skipped`";
    assert_refused(&sandbox, &corrupt(&sandbox, 8, what));
}

#[test]
fn a_file_cut_right_after_an_id() {
    let sandbox = with_state(&fixture("truncated-after-id.yaml"));
    let what = "skills.foundations/python-setup: the entry has no fields (was the file cut short here?)";
    assert_refused(&sandbox, &corrupt(&sandbox, 7, what));
}

#[test]
fn binary_garbage() {
    let sandbox = with_state(&fixture("garbage.bin"));
    assert_refused(&sandbox, &corrupt(&sandbox, 1, "the file is not text (not valid UTF-8)"));
}

#[test]
fn valid_yaml_of_the_wrong_shape() {
    let sandbox = with_state(&fixture("wrong-shape.yaml"));
    assert_refused(
        &sandbox,
        &corrupt(&sandbox, 1, "found a list, expected a progress file (`version: 2`, then `skills:`)"),
    );
    let sandbox = with_state(&fixture("wrong-shape-entry.yaml"));
    let what =
        "skills.foundations/git-basics: found the text \"done\", expected a skill's fields (`status: done`, ...)";
    assert_refused(&sandbox, &corrupt(&sandbox, 3, what));
}

#[test]
fn a_newer_format_version() {
    let sandbox = with_state(&fixture("newer-version.yaml"));
    let expected = format!(
        "error: {} was written by a newer roadmap-tutor (format version 3; this one reads 2).\n\
         Nothing was changed. Upgrade roadmap-tutor to use it.\n",
        sandbox.state().display()
    );
    assert_refused(&sandbox, &expected);
}

#[test]
fn an_unknown_status() {
    let sandbox = with_state(&fixture("unknown-status.yaml"));
    let what = "skills.foundations/git-basics.status: unknown status `mastered`, expected one of `todo`, `doing`, `done`, `skipped`";
    assert_refused(&sandbox, &corrupt(&sandbox, 4, what));
}

#[test]
fn a_folder_where_the_file_should_be() {
    let sandbox = Sandbox::new();
    fs::create_dir(sandbox.state()).unwrap();
    fs::write(sandbox.state().join("notes.txt"), "mine").unwrap();
    let expected = format!(
        "error: {} is a folder, not a file.\nNothing was changed. Move it away, or point --state at a file.\n",
        sandbox.state().display()
    );
    assert_refused(&sandbox, &expected);
}

#[test]
#[allow(unsafe_code)]
fn a_pipe_where_the_file_should_be_is_refused_without_waiting_on_it() {
    let sandbox = Sandbox::new();
    let path = std::ffi::CString::new(sandbox.state().to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    let expected = format!(
        "error: {} is not a progress file: it is a device or a pipe, not a regular file.\n\
         Nothing was changed. Move it away, or point --state at your progress file.\n",
        sandbox.state().display()
    );
    let run = sandbox.run(&["done", "foundations/git-basics"]);
    assert_eq!((run.code, run.stderr.as_str()), (1, expected.as_str()));
}

#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let Some(user) = unprivileged() else { return };
    let sandbox = Sandbox::new();
    let state = sandbox.state();
    fs::write(&state, fixture("good.yaml")).unwrap();
    fs::set_permissions(&state, fs::Permissions::from_mode(0o000)).unwrap();
    user.own(sandbox.home.path());
    user.own(&state);
    let expected = format!(
        "error: cannot read {}: Permission denied (os error 13)\nNothing was changed. Check the file's permissions.\n",
        state.display()
    );
    for args in COMMANDS {
        let run = output(user.command(sandbox.home.path()).arg("--state").arg(&state).args(*args));
        assert_eq!((run.code, run.stderr.as_str(), run.stdout.as_str()), (1, expected.as_str(), ""), "{args:?}");
    }
    fs::set_permissions(&state, fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(fs::read(&state).unwrap(), fixture("good.yaml"));
    assert_eq!(fs::read_dir(sandbox.home.path()).unwrap().count(), 1, "no lock, temp or backup file was made");
}

#[test]
fn a_read_only_folder_can_be_read_but_not_saved_to() {
    use std::os::unix::fs::PermissionsExt;
    let Some(user) = unprivileged() else { return };
    let sandbox = Sandbox::new();
    let folder = sandbox.home.path().join("synced");
    let state = folder.join("progress.yaml");
    fs::create_dir(&folder).unwrap();
    fs::write(&state, fixture("good.yaml")).unwrap();
    user.own(sandbox.home.path());
    user.own(&folder);
    user.own(&state);
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    let before = snapshot(&folder);
    let run = |args: &[&str]| output(user.command(sandbox.home.path()).arg("--state").arg(&state).args(args));

    let status = run(&["status"]);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(status.stdout.starts_with("all\t1\t93\t1\t"), "{}", status.stdout);
    let done = run(&["done", "foundations/python-setup"]);
    assert_eq!(
        done.stderr,
        format!(
            "error: cannot save progress to {}: Permission denied (os error 13)\n\
             The file on disk was not changed; the last change was not saved. \
             Check that the folder is writable, or use --state to save elsewhere.\n",
            state.display()
        )
    );
    assert_eq!((done.code, done.stdout.as_str()), (1, ""));
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(snapshot(&folder), before);
}

#[test]
#[allow(unsafe_code)]
fn a_full_disk_leaves_the_file_and_its_backup_as_they_were() {
    use std::os::unix::process::CommandExt;
    let sandbox = Sandbox::new();
    assert_eq!(sandbox.run(&["done", "foundations/python-setup"]).code, 0);
    assert_eq!(sandbox.run(&["done", "foundations/terminal-basics"]).code, 0);
    let before = snapshot(sandbox.home.path());
    let mut command = sandbox.command();
    command.arg("--state").arg(sandbox.state()).args(["done", "foundations/git-basics"]);
    // The child may write no file past 64 bytes: each write beyond fails with EFBIG, as it
    // would with ENOSPC on a full disk. The signal the kernel sends with it (SIGXFSZ, which
    // kills by default) is left as it is: the binary must ignore it itself.
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: 64, rlim_max: 64 };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
            Ok(())
        });
    }
    let run: Run = output(&mut command);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot save progress to {}: File too large (os error 27)\n\
             The file on disk was not changed; the last change was not saved. \
             The system refused to write the file (a full disk or a file size limit): \
             free some space or raise the limit, and try again.\n",
            sandbox.state().display()
        )
    );
    assert_eq!((run.code, run.stdout.as_str()), (1, ""));
    assert_eq!(snapshot(sandbox.home.path()), before, "state and backup unchanged, no temp file left");
}

#[test]
fn a_byte_order_mark_at_the_start_is_not_a_problem() {
    // Some Windows editors start every UTF-8 file with one.
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(fixture("good.yaml"));
    let sandbox = with_state(&bytes);
    let run = sandbox.run(&["status"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("all\t1\t"), "{}", run.stdout);
    let done = sandbox.run(&["done", "foundations/terminal-basics"]);
    assert_eq!(done.code, 0, "{}", done.stderr);
    assert!(sandbox.state_text().starts_with("version: 2\n"), "written back without the mark");
    assert!(sandbox.state_text().contains("foundations/git-basics:\n    status: done"));
}

#[test]
fn a_progress_file_too_large_to_read_names_the_backup() {
    let sandbox = with_state(b"version: 2\nskills: {}\n");
    let file = fs::OpenOptions::new().write(true).open(sandbox.state()).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    let run = sandbox.run(&["status"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("it is 65 MiB, far more than any progress file"), "{}", run.stderr);
    assert!(run.stderr.contains(&format!("the last good copy is {}", backup(&sandbox).display())), "{}", run.stderr);
}
