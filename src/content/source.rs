//! Where a roadmap's files come from (a folder, or the copy built into the binary), read into
//! memory with the checks that need no parsing: size, UTF-8, names.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::listing::{FileKind, Listed, Listing, list_dir};
use super::problem::Problem;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The roadmap to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The roadmap compiled into the binary from the repository's `content/`.
    Builtin,
    /// A folder on disk, as the user named it.
    Dir(PathBuf),
}

impl Source {
    /// How problems name the folder: the path as given, or `content` for the built-in copy.
    pub fn display_root(&self) -> String {
        match self {
            Source::Builtin => "content".to_string(),
            Source::Dir(dir) => dir.display().to_string(),
        }
    }
}

/// A text file of the roadmap, relative to its root, with `/` separators.
#[derive(Debug, Clone)]
pub struct RawFile {
    pub rel: String,
    pub text: String,
}

/// One top-level folder (a phase candidate) and its markdown files.
#[derive(Debug, Clone)]
pub struct RawDir {
    pub name: String,
    pub files: Vec<RawFile>,
    /// Markdown files that could not be read (already reported), relative to the root.
    pub unreadable: Vec<String>,
    /// The folder itself could not be listed (already reported): its files are unknown.
    pub cannot_list: bool,
    /// Markdown files the loader does not read (a warning says so), relative to the root.
    pub ignored: Vec<String>,
}

/// Everything read from a roadmap, before parsing.
#[derive(Debug, Default)]
pub struct RawTree {
    pub roadmap_yaml: Option<RawFile>,
    pub dirs: Vec<RawDir>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    /// Names beside the phase folders that look like a misspelled `roadmap.yaml`.
    pub misnamed: Vec<String>,
}

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_content.rs"));
}

/// A hash of the built-in files, made at build time: the built-in roadmap's cache key.
pub fn builtin_hash() -> u64 {
    builtin::HASH
}

/// Reads the files of a roadmap. Problems with single files (unreadable, too large, not UTF-8)
/// are collected; only a root that cannot be listed at all stops here.
pub fn read(source: &Source) -> RawTree {
    match source {
        Source::Builtin => read_builtin(),
        Source::Dir(dir) => read_listing(list_dir(dir, &source.display_root(), None), &source.display_root()),
    }
}

fn read_builtin() -> RawTree {
    let mut tree = RawTree::default();
    for (rel, bytes) in builtin::FILES {
        let root = Source::Builtin.display_root();
        let text = checked_text(&root, rel, bytes.len() as u64, || Ok(bytes.to_vec()), &mut tree.problems);
        let Some((dir, _)) = rel.split_once('/') else {
            if *rel == "roadmap.yaml" {
                tree.roadmap_yaml = text.map(|text| RawFile { rel: rel.to_string(), text });
            }
            continue;
        };
        if !tree.dirs.iter().any(|d| d.name == dir) {
            tree.dirs.push(RawDir {
                name: dir.to_string(),
                files: Vec::new(),
                unreadable: Vec::new(),
                cannot_list: false,
                ignored: Vec::new(),
            });
        }
        let Some(phase) = tree.dirs.iter_mut().find(|d| d.name == dir) else { continue };
        match text {
            Some(text) => phase.files.push(RawFile { rel: rel.to_string(), text }),
            None => phase.unreadable.push(rel.to_string()),
        }
    }
    tree
}

/// Reads every listed file, on every core, with the checks that need no parsing.
pub fn read_listing(listing: Listing, shown: &str) -> RawTree {
    let mut tree = RawTree {
        problems: listing.problems,
        warnings: listing.warnings,
        misnamed: listing.misnamed,
        ..RawTree::default()
    };
    let root = listing.root.as_path();
    if let Some(listed) = &listing.roadmap_yaml {
        let mut found = Vec::new();
        tree.roadmap_yaml = read_listed(root, listed, shown, &mut found);
        tree.problems.extend(found);
    }
    for mut dir in listing.dirs {
        // Names sort the same way everywhere, so every run reports and orders skills alike.
        // (Only here: checking the cache needs no order.)
        dir.files.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
        let read = crate::par::map(&dir.files, |listed| {
            let mut found = Vec::new();
            (read_listed(root, listed, shown, &mut found), found)
        });
        let mut raw = RawDir {
            name: dir.name,
            files: Vec::new(),
            unreadable: Vec::new(),
            cannot_list: dir.cannot_list,
            ignored: dir.ignored,
        };
        for (listed, (file, found)) in dir.files.iter().zip(read) {
            tree.problems.extend(found);
            match file {
                Some(file) => raw.files.push(file),
                None => raw.unreadable.push(listed.rel.clone()),
            }
        }
        tree.dirs.push(raw);
    }
    tree.problems.sort();
    tree
}

fn read_listed(folder: &Path, listed: &Listed, root: &str, problems: &mut Vec<Problem>) -> Option<RawFile> {
    let stamp = match &listed.stamp {
        Ok(stamp) => stamp,
        Err(error) => {
            problems.push(Problem::new(join(root, &listed.rel), 1, format!("cannot read: {error}")));
            return None;
        }
    };
    if let Some(why) = not_regular(stamp.kind) {
        problems.push(Problem::new(join(root, &listed.rel), 1, why));
        return None;
    }
    let read = || read_limited(&folder.join(&listed.rel), stamp.len);
    let text = checked_text(root, &listed.rel, stamp.len, read, problems)?;
    Some(RawFile { rel: listed.rel.clone(), text })
}

/// Why a file the roadmap needs is not read: a pipe would block and a device may never end.
fn not_regular(kind: FileKind) -> Option<String> {
    let what = match kind {
        FileKind::File => return None,
        FileKind::Dir => "a folder",
        FileKind::Other => "a device, a pipe or a socket",
    };
    Some(format!("this is {what}, not a regular file: replace it with a file, or remove it"))
}

/// Reads at most one byte past the limit, so a file that grew after `stat` is still refused
/// without being read whole.
fn read_limited(path: &Path, expected: u64) -> std::io::Result<Vec<u8>> {
    // Room for the size `stat` gave, and the byte that tells it ended: no growing, no probing.
    let mut bytes = Vec::with_capacity(expected.min(MAX_FILE_BYTES) as usize + 1);
    fs::File::open(path)?.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn checked_text(
    root: &str,
    rel: &str,
    size: u64,
    read: impl FnOnce() -> std::io::Result<Vec<u8>>,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let shown = || join(root, rel);
    let too_large =
        |size: u64| Problem::new(shown(), 1, format!("file is {} KiB, over the 1 MiB limit: split it", size / 1024));
    if size > MAX_FILE_BYTES {
        problems.push(too_large(size));
        return None;
    }
    let bytes = match read() {
        Ok(bytes) => bytes,
        Err(error) => {
            problems.push(Problem::new(shown(), 1, format!("cannot read: {error}")));
            return None;
        }
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        problems.push(too_large(bytes.len() as u64));
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Some(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text)),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            problems.push(Problem::new(shown(), line, "file is not valid UTF-8: save it as UTF-8"));
            None
        }
    }
}

/// Joins a shown root and a relative path the way a user would type it.
pub fn join(root: &str, rel: &str) -> String {
    if root.is_empty() || root == "." {
        rel.to_string()
    } else if root.ends_with('/') {
        format!("{root}{rel}")
    } else {
        format!("{root}/{rel}")
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    #[allow(unsafe_code)]
    fn pipes_devices_and_folders_in_place_of_files_are_problems_not_reads() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("basics")).unwrap();
        // A pipe blocks whoever opens it for reading; /dev/zero never ends.
        let fifo = std::ffi::CString::new(root.join("roadmap.yaml").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        std::os::unix::fs::symlink("/dev/zero", root.join("basics/zero.md")).unwrap();
        fs::create_dir(root.join("basics/folder.md")).unwrap();
        let tree = read_listing(list_dir(root, "r", None), "r");
        let shown: Vec<String> = tree.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "r/basics/folder.md:1: this is a folder, not a regular file: replace it with a file, or remove it",
                "r/basics/zero.md:1: this is a device, a pipe or a socket, not a regular file: replace it with a file, or remove it",
                "r/roadmap.yaml:1: this is a device, a pipe or a socket, not a regular file: replace it with a file, or remove it",
            ]
        );
        assert_eq!(tree.dirs[0].unreadable, ["basics/folder.md", "basics/zero.md"]);
    }
}
