//! Running a skill's or milestone's checks in the learner's project folder, contained, with
//! the results as data. It knows nothing of content, the store or the screen: it takes plain
//! commands and gives back verdicts and captured output.
//!
//! What it guarantees, for every check:
//!
//! - It runs as `sh -c RUN` in the project folder, which must be an existing, readable folder
//!   (otherwise nothing runs and the error names it). Stdin is `/dev/null`; stdout and stderr
//!   share one pipe, so the output keeps its order. The environment is inherited, plus
//!   `TERM=dumb`, `NO_COLOR=1`, `PYTHONDONTWRITEBYTECODE=1`, and, when the folder has a virtual
//!   environment (`.venv/bin/python` or `venv/bin/python`, or `python3`), its `bin` first on
//!   `PATH` and `VIRTUAL_ENV` set, as an activated shell would.
//! - It runs in a session of its own, so in a process group of its own and without a
//!   controlling terminal: nothing it starts can read from or draw on the learner's terminal.
//! - When the shell exits, when the timeout passes (default [`DEFAULT_TIMEOUT`], at most
//!   [`MAX_TIMEOUT`]) or when the [`Cancel`] handle is set, the whole group gets SIGTERM, then
//!   SIGKILL after [`GRACE`] if anything is left. A backgrounded child (`server &`) therefore
//!   never outlives its check and cannot hold the output open: the run returns within the
//!   timeout plus about two graces. A process that leaves the group on purpose (`setsid`) is
//!   out of reach; its output is no longer read once the check is over.
//! - Output is captured up to [`OUTPUT_CAP`] bytes (the start and the end; the middle is left
//!   out and counted), so a check printing without end costs neither memory nor speed. It is
//!   decoded lossily and kept as data: escape sequences are not interpreted here, and whoever
//!   prints it makes them inert with [`crate::text`].
//! - Exit 0 is [`Verdict::Pass`]; 127 (the shell's "not found") is [`Verdict::Cannot`], never a
//!   failure; other codes are [`Verdict::Fail`].
//!
//! Checks run one after another (they may share caches and files); [`Worker`] runs a list of
//! them on a thread for the TUI, [`watch`] re-runs on file changes for `--watch`, and
//! [`digest`] and [`trust_digest`] tie recorded results and the learner's trust to the exact
//! commands.

mod digest;
mod output;
mod run;
mod verdict;
mod watch;
mod worker;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub use digest::{digest, trust_digest};
pub use output::{OUTPUT_CAP, Output};
pub use run::{GRACE, run};
pub use verdict::Verdict;
pub use watch::{Watch, watch};
pub use worker::{Report, Worker};

/// A check's time limit when its content gives none.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// The longest a check may run; longer timeouts are cut to this.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(3600);

/// One command to run and its time limit: the part of a content check this module needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The shell command, run as `sh -c RUN`.
    pub run: String,
    /// How long it may take before its process group is killed.
    pub timeout: Duration,
}

impl Job {
    /// A job with the default timeout.
    pub fn new(run: impl Into<String>) -> Job {
        Job { run: run.into(), timeout: DEFAULT_TIMEOUT }
    }
}

/// What happened to one check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: Verdict,
    /// Everything it printed (stdout and stderr interleaved), capped.
    pub output: Output,
    /// From just before the shell started until its process group was gone.
    pub elapsed: Duration,
}

/// A shared flag that stops a run (or a watch) soon after it is set: Ctrl-C, quitting the
/// TUI, or a cancel key set it. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn new() -> Cancel {
        Cancel::default()
    }

    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// The flag itself, for `signal_hook::flag::register(SIGINT, cancel.flag())`.
    pub fn flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.0)
    }
}

impl From<Arc<AtomicBool>> for Cancel {
    fn from(flag: Arc<AtomicBool>) -> Cancel {
        Cancel(flag)
    }
}

/// Why checks could not run at all (a failing check is an [`Outcome`], not an error). Each
/// message names the folder.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("the project folder {} does not exist", path.display())]
    Missing { path: PathBuf },
    #[error("the project folder {} is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    // The I/O error is part of the message, not a `source`, so a report of the chain does not
    // print it twice (as in the store's errors).
    #[error("cannot read the project folder {}: {cause}", path.display())]
    Unreadable { path: PathBuf, cause: std::io::Error },
    #[error("cannot start a check in {}: {cause}", path.display())]
    Start { path: PathBuf, cause: std::io::Error },
    #[error("lost track of a check in {}: {cause}", path.display())]
    Wait { path: PathBuf, cause: std::io::Error },
    #[error("cannot watch {} for changes: {cause}", path.display())]
    Watch { path: PathBuf, cause: notify::Error },
}

/// The project folder as an absolute path (symlinks kept, as a shell's `$PWD` keeps them),
/// after making sure it is a folder that can be listed; the error names it otherwise.
pub fn project_folder(path: &Path) -> Result<PathBuf, CheckError> {
    let absolute = std::path::absolute(path).map_err(|cause| CheckError::Unreadable { path: path.into(), cause })?;
    match std::fs::metadata(&absolute) {
        Err(cause) if cause.kind() == std::io::ErrorKind::NotFound => {
            return Err(CheckError::Missing { path: path.into() });
        }
        Err(cause) => return Err(CheckError::Unreadable { path: path.into(), cause }),
        Ok(meta) if !meta.is_dir() => return Err(CheckError::NotAFolder { path: path.into() }),
        Ok(_) => {}
    }
    std::fs::read_dir(&absolute).map_err(|cause| CheckError::Unreadable { path: path.into(), cause })?;
    Ok(absolute)
}
