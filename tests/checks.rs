//! The check runner on real commands in temporary folders: verdicts, output, containment of
//! what a check starts, the environment it sees, the background worker and the watcher.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use roadmap_tutor::checks::{
    self, Cancel, CheckError, DEFAULT_TIMEOUT, GRACE, Job, OUTPUT_CAP, Outcome, Report, Verdict, Watch, Worker,
};

/// A bound far above any honest run time, only to catch a run that hangs.
const HANG: Duration = Duration::from_secs(20);

fn project() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn check(folder: &Path, run: &str) -> Outcome {
    checks::run(folder, run, DEFAULT_TIMEOUT, &Cancel::new()).expect("the check runs")
}

/// The pid a check wrote to `file` in `folder`, waiting for it to appear.
fn pid_in(folder: &Path, file: &str) -> i32 {
    let path = folder.join(file);
    for _ in 0..1000 {
        if let Ok(text) = std::fs::read_to_string(&path)
            && let Ok(pid) = text.trim().parse()
        {
            return pid;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("{} never appeared", path.display());
}

/// Whether process `pid` is gone: no longer there, or dead and waiting to be reaped.
/// Whether the process is gone (or a zombie) within a second: a SIGKILL is sent before the
/// run returns, but a loaded machine may take a moment to tear the process down.
fn is_gone(pid: i32) -> bool {
    let dead = || match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat.rsplit_once(") ").is_some_and(|(_, rest)| rest.starts_with(['Z', 'X'])),
    };
    let start = std::time::Instant::now();
    while !dead() {
        if start.elapsed() > Duration::from_secs(1) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

#[test]
fn a_command_that_exits_0_passes() {
    let dir = project();
    std::fs::write(dir.path().join("README.md"), "Run the tests with pytest.\n").unwrap();
    let outcome = check(dir.path(), "grep -qi pytest README.md");
    assert_eq!(outcome.verdict, Verdict::Pass);
    assert_eq!(outcome.output.text(), "");
}

#[test]
fn a_failure_keeps_its_code_and_its_last_lines_in_the_order_printed() {
    let dir = project();
    let outcome = check(dir.path(), "echo collected 2 items; echo 'E   assert 1 == 2' >&2; echo '1 failed'; exit 3");
    assert_eq!(outcome.verdict, Verdict::Fail { code: 3 });
    assert_eq!(outcome.output.text(), "collected 2 items\nE   assert 1 == 2\n1 failed\n");
    assert_eq!(outcome.output.last_lines(2), "E   assert 1 == 2\n1 failed");
}

#[test]
fn a_missing_program_cannot_be_checked_rather_than_failing() {
    let dir = project();
    let outcome = check(dir.path(), "no-such-tool-for-roadmap --version");
    assert_eq!(outcome.verdict, Verdict::Cannot { program: "no-such-tool-for-roadmap".into() });
    assert_eq!(outcome.verdict.to_string(), "cannot check: no-such-tool-for-roadmap not found");
}

#[test]
fn a_check_past_its_timeout_is_killed_with_what_it_started() {
    let dir = project();
    let timeout = Duration::from_millis(300);
    let outcome = checks::run(dir.path(), "sleep 300 & echo $! > bg.pid; echo waiting; wait", timeout, &Cancel::new())
        .expect("the check runs");
    assert_eq!(outcome.verdict, Verdict::TimedOut);
    assert_eq!(outcome.output.text(), "waiting\n");
    assert!(outcome.elapsed < timeout + GRACE * 2 + HANG, "{:?}", outcome.elapsed);
    assert!(is_gone(pid_in(dir.path(), "bg.pid")));
}

#[test]
fn processes_that_ignore_sigterm_are_killed_after_the_grace() {
    let dir = project();
    let run = "trap '' TERM; sleep 300 & echo $! > bg.pid; wait";
    let outcome = checks::run(dir.path(), run, Duration::from_millis(200), &Cancel::new()).expect("the check runs");
    assert_eq!(outcome.verdict, Verdict::TimedOut);
    assert!(outcome.elapsed >= GRACE, "SIGKILL came before the grace: {:?}", outcome.elapsed);
    assert!(is_gone(pid_in(dir.path(), "bg.pid")));
}

#[test]
fn a_cancelled_check_ends_at_once_as_cancelled() {
    let dir = project();
    let cancel = Cancel::new();
    let folder = dir.path().to_path_buf();
    let flag = cancel.clone();
    let running = std::thread::spawn(move || {
        checks::run(&folder, "echo $$ > sh.pid; echo started; sleep 300", DEFAULT_TIMEOUT, &flag)
    });
    let shell = pid_in(dir.path(), "sh.pid");
    cancel.cancel();
    let outcome = running.join().unwrap().expect("the check runs");
    assert_eq!(outcome.verdict, Verdict::Cancelled);
    assert_eq!(outcome.output.text(), "started\n");
    assert!(outcome.elapsed < HANG);
    assert!(is_gone(shell));
}

#[test]
fn a_check_cancelled_before_it_starts_runs_nothing() {
    let dir = project();
    let cancel = Cancel::new();
    cancel.cancel();
    let outcome = checks::run(dir.path(), "touch ran", DEFAULT_TIMEOUT, &cancel).expect("no error");
    assert_eq!(outcome.verdict, Verdict::Cancelled);
    assert!(!dir.path().join("ran").exists());
}

#[test]
fn a_backgrounded_child_neither_holds_the_check_open_nor_outlives_it() {
    let dir = project();
    let outcome = check(dir.path(), "sleep 300 & echo $! > bg.pid; echo started");
    assert_eq!(outcome.verdict, Verdict::Pass);
    assert_eq!(outcome.output.text(), "started\n");
    assert!(outcome.elapsed < HANG, "{:?}", outcome.elapsed);
    assert!(is_gone(pid_in(dir.path(), "bg.pid")));
}

#[test]
fn megabytes_of_output_are_capped_keeping_the_start_and_the_end() {
    let dir = project();
    let outcome = check(dir.path(), "yes 'a line of output' | head -c 52428800; echo; echo the end");
    assert_eq!(outcome.verdict, Verdict::Pass);
    let text = outcome.output.text();
    assert!(text.starts_with("a line of output\na line of output\n"));
    assert_eq!(outcome.output.last_lines(1), "the end");
    assert!(text.len() < OUTPUT_CAP + 100, "{} bytes kept", text.len());
    let printed = 52_428_800 + 1 + 8;
    assert!(outcome.output.left_out() as usize >= printed - OUTPUT_CAP, "{}", outcome.output.left_out());
    assert!(text.contains(&format!("[... {} bytes left out ...]", outcome.output.left_out())));
}

#[test]
fn invalid_utf8_and_escape_sequences_are_kept_as_data() {
    let dir = project();
    let outcome = check(dir.path(), r"printf 'bad \377 byte\n\033[31mred\033[0m\n\033]0;title\007'");
    assert_eq!(outcome.output.text(), "bad \u{FFFD} byte\n\x1b[31mred\x1b[0m\n\x1b]0;title\x07");
}

#[test]
fn a_missing_folder_is_an_error_naming_it_and_nothing_runs() {
    let dir = project();
    let missing = dir.path().join("no-project");
    let error = checks::run(&missing, "touch ../ran", DEFAULT_TIMEOUT, &Cancel::new()).unwrap_err();
    assert!(matches!(error, CheckError::Missing { .. }));
    assert_eq!(error.to_string(), format!("the project folder {} does not exist", missing.display()));
    assert!(!dir.path().join("ran").exists());
}

#[test]
fn a_file_is_not_a_project_folder() {
    let dir = project();
    let file = dir.path().join("app.py");
    std::fs::write(&file, "print('hi')\n").unwrap();
    let error = checks::run(&file, "true", DEFAULT_TIMEOUT, &Cancel::new()).unwrap_err();
    assert_eq!(error.to_string(), format!("the project folder {} is not a folder", file.display()));
}

#[test]
fn a_check_runs_in_the_folder_with_no_input_and_a_plain_terminal() {
    let dir = project();
    let outcome = check(dir.path(), r#"pwd; cat; echo "$TERM|$NO_COLOR|$PYTHONDONTWRITEBYTECODE""#);
    assert_eq!(outcome.verdict, Verdict::Pass);
    assert_eq!(outcome.output.text(), format!("{}\ndumb|1|1\n", dir.path().display()));
}

#[cfg(target_os = "linux")]
#[test]
fn a_check_leads_its_own_session_and_process_group() {
    let dir = project();
    // Fields 5 and 6 of /proc/PID/stat, after the command name, are the group and the session.
    let outcome = check(dir.path(), r#"set -- $(sed 's/.*) //' /proc/$$/stat); echo "$$ $3 $4""#);
    let ids: Vec<&str> = outcome.output.text().split_whitespace().collect();
    assert_eq!(ids.len(), 3, "{:?}", outcome.output.text());
    assert!(ids[0] == ids[1] && ids[1] == ids[2], "pid, group, session: {ids:?}");
}

fn fake_python(venv: &Path, name: &str) {
    let bin = venv.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let python = bin.join(name);
    std::fs::write(&python, "#!/bin/sh\necho \"the project's python $*\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&python, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn the_projects_virtual_environment_comes_first_on_path() {
    let dir = project();
    fake_python(&dir.path().join(".venv"), "python");
    let outcome =
        check(dir.path(), r#"python -m pytest; echo "$VIRTUAL_ENV"; command -v sh >/dev/null && echo sh too"#);
    let venv = dir.path().join(".venv");
    assert_eq!(outcome.output.text(), format!("the project's python -m pytest\n{}\nsh too\n", venv.display()));
}

#[test]
fn a_venv_folder_with_only_python3_counts_too() {
    let dir = project();
    fake_python(&dir.path().join("venv"), "python3");
    let outcome = check(dir.path(), r#"python3 -V; echo "$VIRTUAL_ENV""#);
    let venv = dir.path().join("venv");
    assert_eq!(outcome.output.text(), format!("the project's python -V\n{}\n", venv.display()));
}

#[test]
fn a_venv_without_an_executable_python_is_not_used() {
    let dir = project();
    std::fs::create_dir_all(dir.path().join(".venv/bin")).unwrap();
    std::fs::write(dir.path().join(".venv/bin/python"), "not a program").unwrap();
    let outcome = check(dir.path(), r#"case ":$PATH:" in *"/.venv/bin:"*) echo used;; *) echo not used;; esac"#);
    assert_eq!(outcome.output.text(), "not used\n");
}

fn reports(worker_jobs: Vec<Job>, folder: PathBuf) -> Vec<Report> {
    let (sender, receiver) = mpsc::channel();
    let worker = Worker::start(folder, worker_jobs, move |report| sender.send(report).unwrap()).unwrap();
    let reports: Vec<Report> = receiver.iter().collect();
    worker.wait();
    reports
}

/// A report as a line, for comparing whole sequences.
fn line(report: &Report) -> String {
    match report {
        Report::Started { index } => format!("started {index}"),
        Report::Finished { index, outcome } => format!("finished {index}: {}", outcome.verdict),
        Report::Error(error) => format!("error: {error}"),
        Report::Done => "done".into(),
    }
}

#[test]
fn the_worker_reports_each_check_as_it_finishes_then_done() {
    let dir = project();
    let jobs = vec![Job::new("echo one"), Job::new("echo two; exit 1"), Job::new("no-such-tool-for-roadmap")];
    let lines: Vec<String> = reports(jobs, dir.path().into()).iter().map(line).collect();
    assert_eq!(
        lines,
        [
            "started 0",
            "finished 0: passed",
            "started 1",
            "finished 1: failed (exit 1)",
            "started 2",
            "finished 2: cannot check: no-such-tool-for-roadmap not found",
            "done"
        ]
    );
}

#[test]
fn the_worker_reports_a_bad_folder_once_and_runs_nothing() {
    let dir = project();
    let missing = dir.path().join("gone");
    let lines: Vec<String> =
        reports(vec![Job::new("true"), Job::new("true")], missing.clone()).iter().map(line).collect();
    assert_eq!(lines, [format!("error: the project folder {} does not exist", missing.display()), "done".into()]);
}

#[test]
fn cancelling_the_worker_ends_the_running_check_and_skips_the_rest() {
    let dir = project();
    let (sender, receiver) = mpsc::channel();
    let jobs = vec![Job::new("sleep 300 & echo $! > bg.pid; wait"), Job::new("touch second")];
    let worker = Worker::start(dir.path().into(), jobs, move |report| sender.send(report).unwrap()).unwrap();
    let sleeper = pid_in(dir.path(), "bg.pid");
    worker.cancel();
    let lines: Vec<String> = receiver.iter().map(|report| line(&report)).collect();
    assert_eq!(lines, ["started 0", "finished 0: cancelled", "done"]);
    worker.wait();
    assert!(is_gone(sleeper));
    assert!(!dir.path().join("second").exists());
}

#[test]
fn dropping_the_worker_as_on_quit_kills_the_running_check() {
    let dir = project();
    let jobs = vec![Job::new("sleep 300 & echo $! > bg.pid; wait")];
    let worker = Worker::start(dir.path().into(), jobs, |_| {}).unwrap();
    let sleeper = pid_in(dir.path(), "bg.pid");
    drop(worker);
    assert!(is_gone(sleeper));
}

/// Starts watching `folder` on a thread; each change arrives on the receiver.
fn watching(folder: &Path) -> (Cancel, mpsc::Receiver<Vec<PathBuf>>, std::thread::JoinHandle<Result<(), CheckError>>) {
    let watch = Watch::new(folder).expect("the folder can be watched");
    let cancel = Cancel::new();
    let flag = cancel.clone();
    let (sender, receiver) = mpsc::channel();
    let thread = std::thread::spawn(move || watch.run(&flag, |changed| sender.send(changed.to_vec()).unwrap()));
    (cancel, receiver, thread)
}

#[test]
fn a_burst_of_saves_is_one_change_and_tool_litter_is_none() {
    let dir = project();
    let root = dir.path();
    for folder in [".git", ".venv/lib", "src/__pycache__"] {
        std::fs::create_dir_all(root.join(folder)).unwrap();
    }
    let (cancel, changes, thread) = watching(root);

    for i in 0..20 {
        std::fs::write(root.join("app.py"), format!("print({i})\n")).unwrap();
    }
    std::fs::write(root.join("src/test_app.py"), "def test(): pass\n").unwrap();
    let first = changes.recv_timeout(HANG).expect("a change is reported");
    assert_eq!(first, [PathBuf::from("app.py"), PathBuf::from("src/test_app.py")]);
    assert!(changes.recv_timeout(Duration::from_secs(1)).is_err(), "the burst was reported twice");

    std::fs::write(root.join(".git/index"), "x").unwrap();
    std::fs::write(root.join(".venv/lib/site.py"), "x").unwrap();
    std::fs::write(root.join("src/__pycache__/app.cpython-312.pyc"), "x").unwrap();
    std::fs::write(root.join(".app.py.swp"), "x").unwrap();
    std::fs::write(root.join("app.py~"), "x").unwrap();
    std::fs::read_to_string(root.join("app.py")).unwrap();
    let litter = changes.recv_timeout(Duration::from_secs(1));
    assert!(litter.is_err(), "litter was reported: {litter:?}");

    std::fs::create_dir(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/models.py"), "x = 1\n").unwrap();
    let new_folder = changes.recv_timeout(HANG).expect("a change in a new folder is reported");
    assert!(new_folder.contains(&PathBuf::from("pkg")), "{new_folder:?}");
    // Changes just after a run are taken as the run's own; a learner's next save comes later.
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(root.join("pkg/models.py"), "x = 2\n").unwrap();
    let inside = changes.recv_timeout(HANG).expect("a new folder is watched");
    assert_eq!(inside, [PathBuf::from("pkg/models.py")]);

    cancel.cancel();
    thread.join().unwrap().expect("watching ends without error");
}

#[test]
fn watching_a_missing_folder_is_an_error_naming_it() {
    let dir = project();
    let missing = dir.path().join("nope");
    let error = checks::watch(&missing, &Cancel::new(), |_| {}).unwrap_err();
    assert_eq!(error.to_string(), format!("the project folder {} does not exist", missing.display()));
}
