//! Running a list of checks on a thread of its own, so the TUI stays responsive: each result is
//! handed to a callback as it comes (the TUI turns it into an action and wakes its loop), and
//! the run can be cancelled at any time.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use super::{Cancel, CheckError, Job, Outcome, project_folder, run};

/// What a running [`Worker`] tells its callback, in this order: for each check `Started` then
/// `Finished`, and `Done` last. After an `Error` or a cancel, the checks not yet started are
/// not run and `Done` follows.
#[derive(Debug)]
pub enum Report {
    /// Check `index` (into the jobs given) has started.
    Started { index: usize },
    /// Check `index` has ended, with its outcome (a cancelled one says `Cancelled`).
    Finished { index: usize, outcome: Outcome },
    /// The checks cannot run: the folder is unusable or `sh` could not be started.
    Error(CheckError),
    /// Nothing more will come.
    Done,
}

/// A run of checks on its own thread. Dropping it cancels the run and waits for the thread,
/// so quitting leaves no check's process behind.
#[derive(Debug)]
pub struct Worker {
    cancel: Cancel,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Starts running `jobs` in `folder`, one after another, calling `report` from the
    /// worker's thread. Fails only when the thread cannot be created.
    pub fn start(
        folder: PathBuf,
        jobs: Vec<Job>,
        mut report: impl FnMut(Report) + Send + 'static,
    ) -> std::io::Result<Worker> {
        let cancel = Cancel::new();
        let flag = cancel.clone();
        let thread = std::thread::Builder::new().name("checks".into()).spawn(move || {
            run_all(&folder, &jobs, &flag, &mut report);
            report(Report::Done);
        })?;
        Ok(Worker { cancel, thread: Some(thread) })
    }

    /// Stops the run: the check running now is ended as cancelled (its processes killed), and
    /// the rest do not start. Returns at once; the reports still arrive.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// Whether the run is over (`Done` was reported).
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Waits until the run is over without cancelling it.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            // A panic in the callback ended the thread; there is nothing left to wait for.
            let _ = thread.join();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            self.cancel.cancel();
            let _ = thread.join();
        }
    }
}

fn run_all(folder: &Path, jobs: &[Job], cancel: &Cancel, report: &mut impl FnMut(Report)) {
    // The folder is checked once before anything starts, so a bad folder is one error, not
    // one per check.
    if let Err(error) = project_folder(folder) {
        report(Report::Error(error));
        return;
    }
    for (index, job) in jobs.iter().enumerate() {
        if cancel.is_cancelled() {
            return;
        }
        report(Report::Started { index });
        match run(folder, &job.run, job.timeout, cancel) {
            Ok(outcome) => report(Report::Finished { index, outcome }),
            Err(error) => {
                report(Report::Error(error));
                return;
            }
        }
    }
}
