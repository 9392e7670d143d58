//! Watching a project folder for `roadmap check ID --watch`: a burst of saves becomes one
//! change once the folder has been quiet for [`DEBOUNCE`]; tool and editor litter (version
//! control, virtual environments, caches, swap files) is not a change.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use super::{Cancel, CheckError, project_folder};

/// How long the folder must be quiet before a change counts: an editor's save or a
/// `git checkout` is many events in a few milliseconds.
pub const DEBOUNCE: Duration = Duration::from_millis(300);
/// How often the cancel flag is looked at while nothing happens.
const TICK: Duration = Duration::from_millis(50);
/// How long events still arriving after a run are taken to be that run's own doing.
const SETTLE: Duration = Duration::from_millis(50);

/// Folders whose changes are never the learner's work: version control, virtual
/// environments, caches, dependencies and IDE state. Matched at any depth.
const IGNORED_FOLDERS: &[&str] = &[
    ".git",
    ".hg",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "node_modules",
    ".idea",
];

/// Calls `on_change` with the changed paths (relative to `folder`) after each burst of
/// changes, until `cancel` is set. Blocks; see [`Watch`].
pub fn watch(folder: &Path, cancel: &Cancel, on_change: impl FnMut(&[PathBuf])) -> Result<(), CheckError> {
    Watch::new(folder)?.run(cancel, on_change)
}

/// A folder being watched. Changes are collected from the moment `new` returns, so a caller
/// can announce "watching" (or a test can write files) before calling `run`.
#[derive(Debug)]
pub struct Watch {
    folder: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
}

impl Watch {
    pub fn new(folder: &Path) -> Result<Watch, CheckError> {
        let folder = project_folder(folder)?;
        let (sender, events) = mpsc::channel();
        let error = |cause| CheckError::Watch { path: folder.clone(), cause };
        let watcher = notify::recommended_watcher(sender).map_err(error)?;
        let mut watch = Watch { folder: folder.clone(), watcher, events };
        watch.watch_tree(&folder).map_err(error)?;
        Ok(watch)
    }

    /// Waits for changes and calls `on_change` after each burst, until `cancel` is set (then
    /// returns `Ok` within a fraction of a second). Changes made while `on_change` runs are
    /// dropped: they are mostly the checks' own (reports, build output), and counting them
    /// would re-run a check that writes a file forever.
    pub fn run(mut self, cancel: &Cancel, mut on_change: impl FnMut(&[PathBuf])) -> Result<(), CheckError> {
        loop {
            let mut changed = BTreeSet::new();
            while changed.is_empty() {
                if cancel.is_cancelled() {
                    return Ok(());
                }
                self.next(TICK, &mut changed)?;
            }
            let mut last_change = Instant::now();
            while last_change.elapsed() < DEBOUNCE {
                if cancel.is_cancelled() {
                    return Ok(());
                }
                let wait = (DEBOUNCE - last_change.elapsed()).min(TICK);
                if self.next(wait, &mut changed)? == Some(true) {
                    last_change = Instant::now();
                }
            }
            on_change(&changed.into_iter().collect::<Vec<_>>());
            let mut own = BTreeSet::new();
            while self.next(SETTLE, &mut own)?.is_some() {}
        }
    }

    /// Waits up to `wait` for one event and adds the paths it changed to `changed`: `None`
    /// when no event came, else whether it was a change that counts.
    fn next(&mut self, wait: Duration, changed: &mut BTreeSet<PathBuf>) -> Result<Option<bool>, CheckError> {
        let event = match self.events.recv_timeout(wait) {
            Ok(Ok(event)) => event,
            Ok(Err(cause)) => return Err(CheckError::Watch { path: self.folder.clone(), cause }),
            Err(RecvTimeoutError::Timeout) => return Ok(None),
            Err(RecvTimeoutError::Disconnected) => {
                let cause = notify::Error::generic("the watcher stopped");
                return Err(CheckError::Watch { path: self.folder.clone(), cause });
            }
        };
        if event.need_rescan() {
            // Events were lost (the kernel's queue overflowed): anything may have changed,
            // including new folders not watched yet.
            let _ = self.watch_tree(&self.folder.clone());
            changed.insert(PathBuf::from("."));
            return Ok(Some(true));
        }
        if !counts(&event.kind) {
            return Ok(Some(false));
        }
        let mut counted = false;
        for path in &event.paths {
            let Ok(relative) = path.strip_prefix(&self.folder) else { continue };
            if ignored(relative) {
                continue;
            }
            if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_)))
                && path.symlink_metadata().is_ok_and(|m| m.is_dir())
            {
                // It may be gone again already; then there is nothing to watch.
                let _ = self.watch_tree(path);
            }
            changed.insert(if relative.as_os_str().is_empty() { PathBuf::from(".") } else { relative.to_path_buf() });
            counted = true;
        }
        Ok(Some(counted))
    }

    /// Watches `folder` and every folder under it but the ignored ones, each on its own, so a
    /// `node_modules` or a big `.venv` costs no watches (Linux allows only so many). macOS
    /// watches whole trees natively, and restarts its stream on each new watch, so there the
    /// tree is one watch.
    fn watch_tree(&mut self, folder: &Path) -> notify::Result<()> {
        if cfg!(target_os = "macos") {
            return self.watcher.watch(folder, RecursiveMode::Recursive);
        }
        self.watcher.watch(folder, RecursiveMode::NonRecursive)?;
        let Ok(entries) = std::fs::read_dir(folder) else { return Ok(()) };
        for entry in entries.flatten() {
            // `file_type` does not follow links: a link to a folder elsewhere is not walked
            // (it could loop, or reach the whole disk).
            if entry.file_type().is_ok_and(|t| t.is_dir()) && !is_ignored_folder(&entry.file_name()) {
                // A folder that cannot be watched (unreadable, just removed) is skipped.
                let _ = self.watch_tree(&entry.path());
            }
        }
        Ok(())
    }
}

/// Whether an event can change what a check sees: reads and opens (the checks' own, mostly)
/// and access-time or extended-attribute updates cannot.
fn counts(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime | MetadataKind::Extended)) => false,
        _ => true,
    }
}

/// Whether a change to `relative` (inside the watched folder) is litter rather than work.
fn ignored(relative: &Path) -> bool {
    let in_ignored_folder =
        relative.components().any(|c| matches!(c, Component::Normal(name) if is_ignored_folder(name)));
    in_ignored_folder || relative.file_name().is_some_and(|name| is_editor_file(&name.to_string_lossy()))
}

fn is_ignored_folder(name: &OsStr) -> bool {
    IGNORED_FOLDERS.iter().any(|ignored| name == OsStr::new(ignored))
}

/// Swap, backup and lock files that editors write beside the file being edited: vim
/// (`.x.swp`, `x~`, and `4913`, its probe for whether the folder is writable), emacs (`#x#`,
/// `.#x`), kate, and JetBrains' safe-write copies.
fn is_editor_file(name: &str) -> bool {
    const SUFFIXES: &[&str] =
        &["~", ".swp", ".swo", ".swn", ".swx", ".swpx", ".kate-swp", "___jb_tmp___", "___jb_old___"];
    name == "4913"
        || name.starts_with(".#")
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn litter_is_ignored_at_any_depth_and_work_is_not() {
        for path in [
            ".git/index",
            ".venv/lib/site.py",
            "venv/bin/python",
            "src/__pycache__/app.cpython-312.pyc",
            "tests/.pytest_cache/v/cache",
            "web/node_modules/x/index.js",
            ".mypy_cache",
            "src/.app.py.swp",
            "src/app.py~",
            "4913",
            "#notes.md#",
            ".#notes.md",
            "app.py___jb_tmp___",
        ] {
            assert!(ignored(Path::new(path)), "{path}");
        }
        for path in ["app.py", "src/app.py", "tests/test_app.py", "README.md", ".gitignore", "venv.md", "#", "src"] {
            assert!(!ignored(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn reads_are_not_changes_and_writes_are() {
        use notify::event::{CreateKind, DataChange, RemoveKind};
        assert!(!counts(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(!counts(&EventKind::Access(AccessKind::Close(AccessMode::Read))));
        assert!(!counts(&EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))));
        assert!(counts(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
        assert!(counts(&EventKind::Modify(ModifyKind::Data(DataChange::Any))));
        assert!(counts(&EventKind::Create(CreateKind::File)));
        assert!(counts(&EventKind::Remove(RemoveKind::Any)));
    }
}
