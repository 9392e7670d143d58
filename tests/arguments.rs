//! Bad command lines: unknown subcommands, flags and ids, `--content` (or `validate DIR`, or
//! `ROADMAP_CONTENT`) naming a file, nothing, or a folder that cannot be read, and variables
//! set to values that cannot work. Each gets one clear message on stderr naming what the user
//! set, nothing on stdout, no state file, and exit 2 for bad usage.

mod common;

use std::fs;

use common::{Run, Sandbox, output, unprivileged};

/// The end clap puts on every usage error.
const MORE: &str = "For more information, try '--help'.\n";

#[track_caller]
fn assert_usage_error(sandbox: &Sandbox, run: &Run, args: &[&str]) {
    assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    assert_eq!(run.stdout, "", "{args:?}");
    assert!(run.stderr.starts_with("error: "), "{args:?}: {}", run.stderr);
    assert!(!sandbox.state().exists(), "{args:?} wrote the state file");
}

#[test]
fn unknown_subcommands_name_the_closest() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["frobnicate"]);
    assert_usage_error(&sandbox, &run, &["frobnicate"]);
    assert_eq!(
        run.stderr,
        format!("error: unrecognized subcommand 'frobnicate'\n\nUsage: roadmap [OPTIONS] [COMMAND]\n\n{MORE}")
    );
    let run = sandbox.run(&["stauts"]);
    assert_usage_error(&sandbox, &run, &["stauts"]);
    assert!(run.stderr.contains("tip: some similar subcommands exist: 'trust', 'start', 'status'"), "{}", run.stderr);
}

#[test]
fn unknown_flags_and_bad_values_are_usage_errors() {
    let sandbox = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (&["--frobnicate"], "error: unexpected argument '--frobnicate' found"),
        (&["-x"], "error: unexpected argument '-x' found"),
        (&["status", "--frobnicate"], "error: unexpected argument '--frobnicate' found"),
        (&["done"], "error: the following required arguments were not provided:\n  <ID>"),
        (&["show", "a", "b"], "error: unexpected argument 'b' found"),
        (&["tick", "git-basics", "--untick"], "error: the following required arguments were not provided:\n  <N>..."),
        (&["untick", "git-basics"], "error: the following required arguments were not provided:\n  <N>..."),
        (&["list", "--status", "finished"], "error: invalid value 'finished' for '--status <STATUS>'"),
        (&["next", "-n", "many"], "error: invalid value 'many' for '--count <N>': invalid digit found in string"),
        (&["next", "-n", "-1"], "error: unexpected argument '-1' found"),
        (&["next", "--all", "-n", "3"], "error: the argument '--all' cannot be used with '--count <N>'"),
        (&["--content"], "error: a value is required for '--content <DIR>' but none was supplied"),
        (&["--content", "", "status"], "error: a value is required for '--content <DIR>' but none was supplied"),
    ];
    for (args, first) in cases {
        let run = sandbox.run(args);
        assert_usage_error(&sandbox, &run, args);
        assert!(run.stderr.starts_with(first), "{args:?}: {}", run.stderr);
        assert!(run.stderr.ends_with(MORE), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn an_argument_that_is_not_utf8_is_a_usage_error() {
    use std::os::unix::ffi::OsStrExt;
    let sandbox = Sandbox::new();
    let id = std::ffi::OsStr::from_bytes(b"git-\xffbasics");
    let run = output(sandbox.command().arg("--state").arg(sandbox.state()).arg("done").arg(id));
    assert_usage_error(&sandbox, &run, &["done", "<not UTF-8>"]);
    assert!(run.stderr.starts_with("error: invalid UTF-8 was detected in one or more arguments"), "{}", run.stderr);
}

#[test]
fn unknown_ids_name_the_closest_in_every_command() {
    let sandbox = Sandbox::new();
    for verb in ["show", "start", "done", "skip", "reset"] {
        let run = sandbox.run(&[verb, "foundations/gti-basics"]);
        assert_usage_error(&sandbox, &run, &[verb]);
        assert_eq!(
            run.stderr,
            "error: no skill `foundations/gti-basics` in Python Backend Developer: did you mean \
             `foundations/git-basics`, `foundations/debugging-basics`, `foundations/terminal-basics`?\n"
        );
        let run = sandbox.run(&["--content", "tests/fixtures/content/valid", verb, "basics/frist"]);
        assert_usage_error(&sandbox, &run, &[verb]);
        assert_eq!(run.stderr, "error: no skill `basics/frist` in Fixture Roadmap: did you mean `basics/first`?\n");
        let run = sandbox.run(&[verb, ""]);
        assert_usage_error(&sandbox, &run, &[verb]);
        assert_eq!(
            run.stderr,
            "error: no skill id given: name one like `foundations/problem-decomposition` \
             (`roadmap list` shows every id)\n"
        );
    }
}

#[test]
fn a_short_id_that_fits_two_skills_asks_for_the_whole_id() {
    let sandbox = Sandbox::new();
    let root = sandbox.home.path().join("roadmap");
    common::copy_dir(&common::manifest_path(&common::fixture("valid")), &root);
    fs::copy(root.join("advanced/third.md"), root.join("basics/third.md")).unwrap();
    assert_eq!(sandbox.run(&["validate", root.to_str().unwrap()]).code, 0);
    let run = sandbox.run(&["--content", root.to_str().unwrap(), "done", "third"]);
    assert_usage_error(&sandbox, &run, &["done", "third"]);
    assert_eq!(
        run.stderr,
        "error: `third` could be `basics/third` (Third skill) or `advanced/third` (Third skill): give the id\n"
    );
}

#[test]
fn content_that_is_a_file_or_nothing_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["--content", "Cargo.toml", "status"],
            "--content Cargo.toml is a file; it must be a roadmap folder (one with roadmap.yaml)",
        ),
        (&["--content", "no/such/folder", "next"], "--content no/such/folder: no such folder"),
        (&["--content", "Cargo.toml/content", "status"], "--content Cargo.toml/content: no such folder"),
        (
            &["validate", "Cargo.toml"],
            "validate Cargo.toml is a file; it must be a roadmap folder (one with roadmap.yaml)",
        ),
        (&["validate", "no/such/folder"], "validate no/such/folder: no such folder"),
    ];
    for (args, message) in cases {
        let run = sandbox.run(args);
        assert_usage_error(&sandbox, &run, args);
        assert_eq!(run.stderr, format!("error: {message}\n"), "{args:?}");
    }
    // From the environment, the message says so: the learner may have forgotten it is set.
    let run = output(sandbox.command().env("ROADMAP_CONTENT", "no/such/folder").arg("status"));
    assert_eq!((run.code, run.stderr.as_str()), (2, "error: ROADMAP_CONTENT=no/such/folder: no such folder\n"));
}

#[test]
fn content_that_cannot_be_read_is_one_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let Some(user) = unprivileged() else { return };
    let sandbox = Sandbox::new();
    let home = sandbox.home.path();
    let locked = home.join("locked");
    common::copy_dir(&common::manifest_path(&common::fixture("valid")), &locked);
    user.own(home);
    user.own(&locked);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let state = home.join("progress.yaml");
    for (args, shown) in
        [(&["--content", "locked", "status"][..], "--content locked"), (&["validate", "locked"], "validate locked")]
    {
        let run = output(user.command(home).arg("--state").arg(&state).args(args));
        assert_eq!(
            run.stderr,
            format!(
                "error: {shown}: cannot read this folder (Permission denied (os error 13)): \
                 check its permissions, or use another folder\n"
            ),
            "{args:?}"
        );
        assert_eq!((run.code, run.stdout.as_str()), (1, ""), "{args:?}");
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert!(!state.exists());
}

#[test]
fn a_bad_variable_is_blamed_on_the_variable_not_on_a_flag() {
    let sandbox = Sandbox::new();
    let with = |name: &str, value: &str, args: &[&str]| {
        let mut command = sandbox.command();
        command.env_remove("ROADMAP_THEME").env(name, value).arg("--state").arg(sandbox.state()).args(args);
        output(&mut command)
    };
    let cases = [
        (
            "ROADMAP_CONTENT",
            "",
            "error: ROADMAP_CONTENT is set but empty: set it to a roadmap folder, or unset it to use the built-in roadmap\n",
        ),
        (
            "ROADMAP_THEME",
            "bogus",
            "error: ROADMAP_THEME=bogus is not a theme: use auto, dark or light (or unset it)\n",
        ),
    ];
    for (name, value, message) in cases {
        let run = with(name, value, &["status"]);
        assert_usage_error(&sandbox, &run, &[name]);
        assert_eq!(run.stderr, message);
    }
    // ROADMAP_STATE set but empty: no progress may go to another file than the one meant.
    let mut command = sandbox.command();
    let run = output(command.env("ROADMAP_STATE", "").args(["done", "git-basics"]));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("error: ROADMAP_STATE is set but empty: set it to a progress file"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.home.path().join(".config").exists(), "the default progress file was not written");
    // A flag wins over its variable, even a broken one.
    let run = with("ROADMAP_THEME", "bogus", &["--theme", "light", "status"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = with("ROADMAP_CONTENT", "", &["--content", "tests/fixtures/content/valid", "status"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn every_id_is_resolved_before_anything_changes() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["done", "git-basics", "foundations/gti-basics", "terminal-basics"]);
    assert_usage_error(&sandbox, &run, &["done", "one of three unknown"]);
    assert!(run.stderr.starts_with("error: no skill `foundations/gti-basics`"), "{}", run.stderr);
}
