//! Running one check: `sh -c RUN` in its own session, its output read from one pipe while the
//! clock and the cancel flag are watched, and its whole process group ended when it is over.

use std::ffi::OsString;
use std::io::{self, PipeReader, Read as _};
use std::os::fd::AsRawFd as _;
use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::output::Capture;
use super::{Cancel, CheckError, MAX_TIMEOUT, Outcome, Verdict, project_folder};

/// How long a check's processes get between SIGTERM and SIGKILL, and how long its output is
/// still read after that.
pub const GRACE: Duration = Duration::from_millis(500);
/// How often a check that prints nothing has its clock and cancel flag looked at.
const TICK: Duration = Duration::from_millis(20);
const READ_SIZE: usize = 64 * 1024;

enum Ending {
    Exited,
    TimedOut,
    Cancelled,
}

/// Runs `run` in `folder` (see the module's guarantees) and waits until it ends, times out
/// (`timeout`, cut to [`MAX_TIMEOUT`]) or `cancel` is set. An error means nothing ran: the
/// folder is unusable or `sh` could not be started.
pub fn run(folder: &Path, run: &str, timeout: Duration, cancel: &Cancel) -> Result<Outcome, CheckError> {
    let folder = project_folder(folder)?;
    let started = Instant::now();
    if cancel.is_cancelled() {
        return Ok(Outcome { verdict: Verdict::Cancelled, output: Default::default(), elapsed: started.elapsed() });
    }
    let deadline = started + timeout.min(MAX_TIMEOUT);
    let (reader, mut child) = spawn(&folder, run).map_err(|cause| CheckError::Start { path: folder.clone(), cause })?;
    let mut output = Reading { reader, open: true, capture: Capture::default(), buffer: vec![0; READ_SIZE] };
    // The shell leads its own session, so its pid is also its process group's id.
    let group = child.id() as libc::pid_t;
    // The shell usually closes its output a few microseconds before it can be reaped.
    let mut pause = Duration::from_micros(100);
    let ending = loop {
        if !matches!(child.try_wait(), Ok(None)) {
            break Ending::Exited;
        }
        if cancel.is_cancelled() {
            break Ending::Cancelled;
        }
        let now = Instant::now();
        if now >= deadline {
            break Ending::TimedOut;
        }
        if output.open {
            output.pump((deadline - now).min(TICK));
        } else {
            // The shell closed its output but runs on: look at it again soon, then less often.
            std::thread::sleep(pause.min(deadline - now));
            pause = (pause * 2).min(TICK);
        }
    };
    let status = end_group(&mut child, group, &mut output);
    output.drain(Instant::now() + GRACE);
    let output = output.capture.finish();
    let verdict = match ending {
        Ending::Cancelled => Verdict::Cancelled,
        Ending::TimedOut => Verdict::TimedOut,
        Ending::Exited => {
            let status = status.map_err(|cause| CheckError::Wait { path: folder.clone(), cause })?;
            Verdict::of_exit(exit_code(status), run, output.text())
        }
    };
    Ok(Outcome { verdict, output, elapsed: started.elapsed() })
}

fn spawn(folder: &Path, run: &str) -> io::Result<(PipeReader, Child)> {
    let (reader, writer) = io::pipe()?;
    let mut command = Command::new("sh");
    command.arg("-c").arg(run).current_dir(folder).stdin(Stdio::null()).stdout(writer.try_clone()?).stderr(writer);
    command.env("TERM", "dumb").env("NO_COLOR", "1").env("PYTHONDONTWRITEBYTECODE", "1");
    if let Some(venv) = virtual_env(folder) {
        let mut path = OsString::from(venv.join("bin"));
        if let Some(inherited) = std::env::var_os("PATH") {
            path.push(":");
            path.push(inherited);
        }
        command.env("PATH", path).env("VIRTUAL_ENV", venv);
    }
    // A session of its own is a process group of its own (so the group can be killed as one)
    // without a controlling terminal, so nothing in a check can open /dev/tty to ask the
    // learner something or draw over the TUI; it fails at once instead. (`process_group(0)`
    // alone would leave the terminal reachable.)
    // SAFETY: setsid is async-signal-safe and touches nothing of the parent's.
    #[allow(unsafe_code)]
    unsafe {
        command.pre_exec(|| if libc::setsid() == -1 { Err(io::Error::last_os_error()) } else { Ok(()) });
    }
    let child = command.spawn()?;
    // `command` holds the parent's copies of the pipe's write end; the output only ends once
    // every copy is closed.
    drop(command);
    Ok((reader, child))
}

/// The folder's virtual environment: the first of `.venv` and `venv` with an executable
/// `bin/python` or `bin/python3`.
fn virtual_env(folder: &Path) -> Option<PathBuf> {
    let executable =
        |path: PathBuf| std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0);
    [".venv", "venv"]
        .into_iter()
        .map(|name| folder.join(name))
        .find(|venv| executable(venv.join("bin/python")) || executable(venv.join("bin/python3")))
}

/// SIGTERM to the whole group (and SIGCONT, so a stopped member can act on it), then SIGKILL
/// if anything is still there after [`GRACE`]. Output is read meanwhile, so a process that
/// prints on its way out is not blocked on a full pipe. Returns the shell's exit status.
fn end_group(child: &mut Child, group: libc::pid_t, output: &mut Reading) -> io::Result<ExitStatus> {
    signal(group, libc::SIGTERM);
    signal(group, libc::SIGCONT);
    let until = Instant::now() + GRACE;
    loop {
        // The shell may already have been reaped by `try_wait`. A group's id cannot be reused
        // while any member lives, so signalling it reaches only this check's processes; once
        // it is empty, `group_gone` stops the signals.
        let shell_done = !matches!(child.try_wait(), Ok(None));
        if shell_done && group_gone(group) {
            break;
        }
        if Instant::now() >= until {
            signal(group, libc::SIGKILL);
            break;
        }
        if output.open {
            output.pump(Duration::from_millis(5));
        } else {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    child.wait()
}

#[allow(unsafe_code)]
fn signal(group: libc::pid_t, signal: libc::c_int) {
    // SAFETY: kill has no memory-safety preconditions; a negative pid names a process group.
    // ESRCH (the group is gone) is the expected failure and needs nothing done.
    unsafe {
        libc::kill(-group, signal);
    }
}

#[allow(unsafe_code)]
fn group_gone(group: libc::pid_t) -> bool {
    // SAFETY: as in `signal`; signal 0 only asks whether the group has members.
    let result = unsafe { libc::kill(-group, 0) };
    result == -1 && io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

fn exit_code(status: ExitStatus) -> i32 {
    status.code().or_else(|| status.signal().map(|signal| 128 + signal)).unwrap_or(-1)
}

/// The read end of the output pipe and what came through it.
struct Reading {
    reader: PipeReader,
    /// False once the pipe ended (every writer closed it) or failed.
    open: bool,
    capture: Capture,
    buffer: Vec<u8>,
}

impl Reading {
    /// Waits up to `wait` for output and keeps what one read returns.
    #[allow(unsafe_code)]
    fn pump(&mut self, wait: Duration) {
        let mut poll = libc::pollfd { fd: self.reader.as_raw_fd(), events: libc::POLLIN, revents: 0 };
        // Rounded up, so a wait under a millisecond does not become a busy loop.
        let millis = wait.as_micros().div_ceil(1000).min(i32::MAX as u128) as libc::c_int;
        // SAFETY: `poll` points to one valid pollfd for the duration of the call.
        let ready = unsafe { libc::poll(&mut poll, 1, millis) };
        if ready < 0 {
            // Interrupted by a signal: try again on the next call. Anything else would repeat
            // forever, so the output is given up on (the check itself goes on).
            self.open = io::Error::last_os_error().kind() == io::ErrorKind::Interrupted;
            return;
        }
        if ready == 0 {
            return;
        }
        // Readable, hung up or in error: a read tells which without blocking.
        match self.reader.read(&mut self.buffer) {
            Ok(0) => self.open = false,
            Ok(read) => self.capture.push(&self.buffer[..read]),
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => self.open = false,
        }
    }

    /// Reads what is left until the pipe ends or `until`: a process that escaped the group
    /// could keep it open forever.
    fn drain(&mut self, until: Instant) {
        while self.open {
            let now = Instant::now();
            if now >= until {
                break;
            }
            self.pump((until - now).min(TICK));
        }
    }
}
