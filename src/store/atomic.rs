//! Durable replacement of a file: write a temp file beside it, fsync, rename over, fsync the
//! folder. A reader (or a crash) sees the old file or the new one, never a mix.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Random characters in a temp file's name: `.<name>.<RANDOM>.tmp`.
const TEMP_RANDOM: usize = 6;

pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_with(path, |file| file.write_all(bytes))
}

/// Replaces `path` with what `fill` writes. If `fill` fails (a full disk), the temp file is
/// removed and `path` is left as it was.
fn replace_with(path: &Path, fill: impl FnOnce(&mut fs::File) -> io::Result<()>) -> io::Result<()> {
    let mut temp = temp_file(path)?;
    fill(temp.as_file_mut())?;
    if let Ok(metadata) = fs::metadata(path) {
        temp.as_file().set_permissions(metadata.permissions())?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    sync_dir(folder_of(path))
}

/// A new temp file beside `path`, named so that [`remove_stale`] recognises it.
fn temp_file(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .rand_bytes(TEMP_RANDOM)
        .suffix(".tmp")
        .tempfile_in(folder_of(path))
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
        let error = replace_with(&path, full_disk).unwrap_err();
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

    #[test]
    fn temp_files_match_the_pattern_that_remove_stale_looks_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.yaml");
        let (_file, kept) = temp_file(&path).unwrap().keep().unwrap();
        remove_stale(&path);
        assert!(!kept.exists(), "{}", kept.display());
    }
}
