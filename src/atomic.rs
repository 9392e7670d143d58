//! Replacing a file whole or not at all, the one way the program writes a file it may
//! overwrite (the progress file and its backup, an export, the content cache): a temp file
//! beside it, filled, flushed to disk, renamed over. A reader (or a crash) sees the old file or
//! the new one, never a mix.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Random characters in a temp file's name: `.<name>.<RANDOM>.tmp`.
const TEMP_RANDOM: usize = 6;

/// How a file is replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Replace {
    /// A new file is an ordinary document (0666 less the umask) rather than private (0600).
    /// An existing file keeps its own permissions either way.
    pub shared: bool,
    /// The file and its folder are flushed to disk before the call returns, so a crash right
    /// after still finds the new file. A cache, rebuilt when lost, skips that cost.
    pub durable: bool,
}

impl Replace {
    /// The progress file and its backup: private and durable.
    pub const PRIVATE: Replace = Replace { shared: false, durable: true };
    /// A report the learner keeps or shares.
    pub const DOCUMENT: Replace = Replace { shared: true, durable: true };
    /// A file that is only ever a faster way to something else.
    pub const CACHE: Replace = Replace { shared: false, durable: false };

    pub fn write(self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.replace_with(path, |file| file.write_all(bytes))
    }

    /// Replaces `path` with what `fill` writes. If `fill` fails (a full disk), the temp file
    /// is removed and `path` is left as it was.
    fn replace_with(self, path: &Path, fill: impl FnOnce(&mut fs::File) -> io::Result<()>) -> io::Result<()> {
        let mut temp = temp_file(path, self.shared)?;
        fill(temp.as_file_mut())?;
        if let Ok(metadata) = fs::metadata(path) {
            temp.as_file().set_permissions(metadata.permissions())?;
        }
        if self.durable {
            temp.as_file().sync_all()?;
        }
        temp.persist(path).map_err(|e| e.error)?;
        if self.durable { sync_dir(folder_of(path)) } else { Ok(()) }
    }
}

/// Replaces a private file durably, as the progress file is.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    Replace::PRIVATE.write(path, bytes)
}

/// A new temp file beside `path`, named so that [`remove_stale`] recognises it.
fn temp_file(path: &Path, shared: bool) -> io::Result<tempfile::NamedTempFile> {
    let prefix = temp_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(TEMP_RANDOM).suffix(".tmp");
    #[cfg(unix)]
    if shared {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = shared;
    // tempfile names its temp file in errors ("... at path /x/.report.md.Ab12Cd.tmp"); callers
    // name the file the user asked for, so the temp file's name would only confuse.
    builder.tempfile_in(folder_of(path)).map_err(|error| {
        let text = error.to_string();
        let cause = text.split(" at path ").next().unwrap_or(&text);
        io::Error::new(error.kind(), cause.to_string())
    })
}

/// Removes temp files that a save killed mid-write (SIGKILL, power loss) left beside `path`.
/// Only call this while holding the lock that every writer of `path` takes, so no temp file
/// found here can still be in use.
pub fn remove_stale(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(random) = name.to_str().and_then(|n| n.strip_prefix(&prefix)).and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        // Exactly our pattern, so the temp files of `progress.yaml.bak` (or of any other file
        // whose name starts the same) are never taken for ours.
        if random.len() == TEMP_RANDOM && random.chars().all(|c| c.is_ascii_alphanumeric()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map_or("state".into(), |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_writer_failing_halfway_leaves_the_old_file_and_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        fs::write(&path, "version: 1\nskills: {}\n").unwrap();
        let full_disk = |file: &mut fs::File| {
            file.write_all(b"version: 1\nski")?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        };
        let error = Replace::PRIVATE.replace_with(&path, full_disk).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read_to_string(&path).unwrap(), "version: 1\nskills: {}\n");
        assert_eq!(names(dir.path()), ["progress.yaml"]);
    }

    #[test]
    fn only_our_own_stale_temp_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let keep =
            ["progress.yaml", ".progress.yaml.bak.Ab12Cd.tmp", ".progress.yaml.x.Ab12Cd.tmp", ".other.Ab12Cd.tmp"];
        for name in keep.iter().chain(&[".progress.yaml.Ab12Cd.tmp", ".progress.yaml.zzzzzz.tmp"]) {
            fs::write(dir.path().join(name), "").unwrap();
        }
        remove_stale(&path);
        let mut expected: Vec<&str> = keep.to_vec();
        expected.sort();
        assert_eq!(names(dir.path()), expected);
        remove_stale(&dir.path().join("progress.yaml.bak"));
        assert!(!dir.path().join(".progress.yaml.bak.Ab12Cd.tmp").exists());
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private_or_ordinary_and_existing_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |name: &str| fs::metadata(dir.path().join(name)).unwrap().permissions().mode() & 0o777;
        write(&dir.path().join("progress.yaml"), b"x").unwrap();
        assert_eq!(mode("progress.yaml"), 0o600);
        Replace::DOCUMENT.write(&dir.path().join("report.md"), b"x").unwrap();
        fs::write(dir.path().join("plain.md"), b"x").unwrap();
        assert_eq!(mode("report.md"), mode("plain.md"), "as any new document: 0666 less the umask");
        fs::set_permissions(dir.path().join("report.md"), fs::Permissions::from_mode(0o640)).unwrap();
        Replace::CACHE.write(&dir.path().join("report.md"), b"y").unwrap();
        assert_eq!((mode("report.md"), fs::read(dir.path().join("report.md")).unwrap()), (0o640, b"y".to_vec()));
    }

    #[test]
    fn a_missing_folder_is_named_by_the_caller_not_by_a_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let error = write(&dir.path().join("no/such/file"), b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
        assert!(!error.to_string().contains(".tmp"), "{error}");
    }

    #[test]
    fn temp_files_match_the_pattern_that_remove_stale_looks_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let (_file, kept) = temp_file(&path, false).unwrap().keep().unwrap();
        remove_stale(&path);
        assert!(!kept.exists(), "{}", kept.display());
    }
}
