//! Loading and saving the state file: atomic and durable, locked, merged with changes other
//! instances made meanwhile, backed up. A file that does not load is never overwritten.

mod format;
pub mod merge;

use std::fs;
use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use crate::atomic;
use crate::progress::Progress;

pub use format::{FormatError, VERSION, emit, parse};
pub use merge::{Policy, merge};

/// Why the state file cannot be used. Each message names the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot load progress from {}{}: {message}\n{}", path.display(), line_suffix(*line), advice(path, backup.as_deref()))]
    Corrupt { path: PathBuf, line: Option<usize>, message: String, backup: Option<PathBuf> },
    #[error(
        "{} was written by a newer roadmap-tutor (format version {version}; this one reads {VERSION}).\n\
         Nothing was changed. Upgrade roadmap-tutor to use it.",
        path.display()
    )]
    TooNew { path: PathBuf, version: u64 },
    #[error("{} is a folder, not a file.\nNothing was changed. Move it away, or point --state at a file.", path.display())]
    IsFolder { path: PathBuf },
    /// A device, a pipe, or a file far larger than any progress file: reading it could hang
    /// or fill memory, so it is not read at all.
    #[error("{} is not a progress file: {why}.\nNothing was changed. Move it away, or point --state at your progress file.", path.display())]
    NotProgress { path: PathBuf, why: String },
    // The I/O error is part of the message, not a `source`: a report of the whole chain
    // would print it twice.
    #[error("cannot read {}: {cause}\nNothing was changed. Check the file's permissions.", path.display())]
    Read { path: PathBuf, cause: io::Error },
    #[error("cannot save progress to {}: {cause}\nThe file on disk was not changed; the last change was not saved.{}", path.display(), write_hint(cause))]
    Write { path: PathBuf, cause: io::Error },
    /// Saving would write a file the reader refuses: nothing is written, and the change stays
    /// in hand for the learner to shorten.
    #[error(
        "cannot save progress to {}: it would be {} MiB, more than the {} MiB a progress file may hold.\n\
         The file on disk was not changed; the last change was not saved.",
        path.display(), bytes.div_ceil(1 << 20), MAX_STATE_BYTES >> 20
    )]
    TooLarge { path: PathBuf, bytes: u64 },
}

/// No progress file comes near this; anything larger is refused unread, and a save that would
/// write more is refused.
pub const MAX_STATE_BYTES: u64 = 64 * 1024 * 1024;

fn line_suffix(line: Option<usize>) -> String {
    line.map(|l| format!(", line {l}")).unwrap_or_default()
}

fn advice(path: &Path, backup: Option<&Path>) -> String {
    match backup {
        Some(backup) => format!(
            "Nothing was changed. Fix that line, or go back to the last good copy:\n    cp {} {}",
            shell_quoted(backup),
            shell_quoted(path)
        ),
        None => "Nothing was changed. Fix that line, or move the file away to start with no progress \
                 (there is no backup yet)."
            .to_string(),
    }
}

/// A path as it can be pasted into a shell.
fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = text.chars().all(|c| c.is_alphanumeric() || "/._-+:@%,~=".contains(c));
    if plain && !text.is_empty() { text } else { format!("'{}'", text.replace('\'', "'\\''")) }
}

fn write_hint(error: &io::Error) -> &'static str {
    match error.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            " Check that the folder is writable, or use --state to save elsewhere."
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            " The disk is full: free some space and try again."
        }
        // EFBIG: a file size limit (ulimit -f) or a file system that is full in its own way.
        io::ErrorKind::FileTooLarge => concat!(
            " The system refused to write the file (a full disk or a file size limit):",
            " free some space or raise the limit, and try again."
        ),
        _ => "",
    }
}

/// The state file, and what this process last read from or wrote to it.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// The file's progress as last loaded or saved here: the base of the three-way merge.
    base: Progress,
    /// How the file looked (size, times, inode) when it was last read or written here, so a
    /// save by another instance is noticed with one `stat`.
    seen: Option<Stamp>,
}

/// What `stat` says about a file that changes whenever it is replaced or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    inode: u64,
    #[cfg(unix)]
    changed: (i64, i64),
}

fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = fs::metadata(path).ok()?;
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt as _;
    Some(Stamp {
        len: metadata.len(),
        modified: metadata.modified().ok(),
        #[cfg(unix)]
        inode: metadata.ino(),
        #[cfg(unix)]
        changed: (metadata.ctime(), metadata.ctime_nsec()),
    })
}

impl Store {
    /// `<config dir>/roadmap-tutor/progress.yaml`.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "roadmap-tutor").map(|dirs| dirs.config_dir().join("progress.yaml"))
    }

    /// The last good copy kept beside the file.
    pub fn backup_path(path: &Path) -> PathBuf {
        sibling(path, ".bak")
    }

    /// The file every save of `path` locks; `roadmap sync` holds it too while git changes the file.
    pub fn lock_path(path: &Path) -> PathBuf {
        sibling(path, ".lock")
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file already holds `progress` (as this process last loaded or saved it), so
    /// there is nothing to save.
    pub fn holds(&self, progress: &Progress) -> bool {
        self.base == *progress
    }

    /// Loads the file; a missing or empty file is no progress yet.
    pub fn open(path: impl Into<PathBuf>) -> Result<(Store, Progress), StoreError> {
        let path = resolve_symlink(path.into());
        let seen = stamp(&path);
        let progress = read(&path)?.unwrap_or_default();
        Ok((Store { path, base: progress.clone(), seen }, progress))
    }

    /// Takes in what other instances saved since this one last read or wrote the file:
    /// `Some(progress)` with their changes merged into `ours` (whose unsaved changes stay, and
    /// are still unsaved), or `None` when the file did not change. One `stat` when nothing did.
    pub fn refresh(&mut self, ours: &Progress) -> Result<Option<Progress>, StoreError> {
        let now = stamp(&self.path);
        if now == self.seen {
            return Ok(None);
        }
        let theirs = read(&self.path)?.unwrap_or_default();
        self.seen = now;
        if theirs == self.base {
            return Ok(None);
        }
        let merged = merge::merge(&self.base, ours, &theirs, Policy::LaterSave);
        self.base = theirs;
        Ok(Some(merged))
    }

    /// Saves `ours`, merged with whatever other instances saved since this one last read the
    /// file. Returns the merged progress, which is now what the file holds.
    pub fn save(&mut self, ours: &Progress) -> Result<Progress, StoreError> {
        let write_error = |cause| StoreError::Write { path: self.path.clone(), cause };
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(write_error)?;
        }
        let lock = fs::OpenOptions::new().create(true).truncate(false).write(true).open(Store::lock_path(&self.path));
        let lock = lock.map_err(write_error)?;
        lock.lock().map_err(write_error)?;
        // Holding the lock, no other save is under way: temp files here are from killed saves.
        atomic::remove_stale(&self.path);
        atomic::remove_stale(&Store::backup_path(&self.path));
        let on_disk = read_text(&self.path)?;
        let theirs = match &on_disk {
            Some(text) => self.parse(text)?,
            None => Progress::default(),
        };
        let merged = merge::merge(&self.base, ours, &theirs, Policy::LaterSave);
        if on_disk.is_none() || merged != theirs {
            let text = format::emit(&merged);
            if text.len() as u64 > MAX_STATE_BYTES {
                return Err(StoreError::TooLarge { path: self.path.clone(), bytes: text.len() as u64 });
            }
            if let Some(previous) = on_disk.as_deref().filter(|t| !t.trim().is_empty()) {
                atomic::write(&Store::backup_path(&self.path), previous.as_bytes()).map_err(write_error)?;
            }
            atomic::write(&self.path, text.as_bytes()).map_err(write_error)?;
        }
        self.seen = stamp(&self.path);
        self.base = merged.clone();
        Ok(merged)
    }

    fn parse(&self, text: &str) -> Result<Progress, StoreError> {
        parse_at(&self.path, text)
    }
}

fn parse_at(path: &Path, text: &str) -> Result<Progress, StoreError> {
    format::parse(text).map_err(|error| match error {
        format::FormatError::TooNew { version } => StoreError::TooNew { path: path.to_path_buf(), version },
        format::FormatError::Invalid { line, message } => {
            let backup = Store::backup_path(path);
            let backup = backup.is_file().then_some(backup);
            StoreError::Corrupt { path: path.to_path_buf(), line, message, backup }
        }
    })
}

fn read(path: &Path) -> Result<Option<Progress>, StoreError> {
    read_text(path)?.map(|text| parse_at(path, &text)).transpose()
}

/// The file's text, `None` if it does not exist yet.
fn read_text(path: &Path) -> Result<Option<String>, StoreError> {
    let read_error = |cause| StoreError::Read { path: path.to_path_buf(), cause };
    // Looked at before it is opened: opening a pipe blocks, reading a device never ends.
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(read_error(error)),
    };
    let not_progress = |why: String| StoreError::NotProgress { path: path.to_path_buf(), why };
    if metadata.is_dir() {
        return Err(StoreError::IsFolder { path: path.to_path_buf() });
    }
    if !metadata.is_file() {
        return Err(not_progress("it is a device or a pipe, not a regular file".to_string()));
    }
    if metadata.len() > MAX_STATE_BYTES {
        let backup = Store::backup_path(path);
        let restore =
            if backup.is_file() { format!("; the last good copy is {}", backup.display()) } else { String::new() };
        return Err(not_progress(format!(
            "it is {} MiB, far more than any progress file{restore}",
            metadata.len() >> 20
        )));
    }
    // Room for the whole file at once (and the byte that tells it grew): through `take`, a
    // growing buffer would double its way up and touch three times the memory.
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    let file = fs::File::open(path).map_err(read_error)?;
    file.take(MAX_STATE_BYTES + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > MAX_STATE_BYTES {
        return Err(not_progress(format!("it grew past {} MiB while being read", MAX_STATE_BYTES >> 20)));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            let backup = Some(Store::backup_path(path)).filter(|b| b.is_file());
            let message = "the file is not text (not valid UTF-8)".to_string();
            Err(StoreError::Corrupt { path: path.to_path_buf(), line: Some(line), message, backup })
        }
    }
}

/// Saving replaces the file by rename; through a symlink (dotfile managers) that would
/// replace the link, so write to where it points instead, even where nothing is yet (a fresh
/// dotfiles checkout links to a file the first save creates).
fn resolve_symlink(path: PathBuf) -> PathBuf {
    let mut path = path;
    // Like the system's own limit, so a loop of links ends (and then fails to open).
    for _ in 0..40 {
        let Ok(target) = fs::read_link(&path) else { break };
        path = match path.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    path
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

#[cfg(test)]
mod tests;
