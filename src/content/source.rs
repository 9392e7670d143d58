//! Where a roadmap's files come from (a folder, or the copy built into the binary), read into
//! memory with the checks that need no parsing: size, UTF-8, names.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
    /// Markdown files the loader does not read (already reported), relative to the root.
    pub ignored: Vec<String>,
}

/// Everything read from a roadmap, before parsing.
#[derive(Debug, Default)]
pub struct RawTree {
    pub roadmap_yaml: Option<RawFile>,
    pub dirs: Vec<RawDir>,
    pub problems: Vec<Problem>,
}

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_content.rs"));
}

/// A hash of the built-in files, made at build time: the built-in roadmap's cache key.
pub fn builtin_hash() -> u64 {
    builtin::HASH
}

/// A file the loader will read, as listed: where it is and what `stat` said of it.
#[derive(Debug)]
pub struct Listed {
    /// Relative to the roadmap folder, with `/` separators.
    pub rel: String,
    pub stamp: std::io::Result<Stamp>,
    /// `Stamp::digest` of the file, worked out with the `stat` (0 when there is no stamp).
    pub digest: u64,
}

/// What `stat` says of a file, in the few fields the loader and the cache use (a roadmap of
/// thousands of files keeps one per file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub len: u64,
    pub kind: FileKind,
    pub modified: Option<SystemTime>,
    /// When the file's inode last changed: every write moves it, and nothing sets it back.
    pub changed: Option<SystemTime>,
    /// Device and inode: a file replaced by another is another file.
    pub identity: (u64, u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileKind {
    File,
    Dir,
    /// A device, a pipe or a socket.
    Other,
}

impl Stamp {
    fn of(metadata: &fs::Metadata) -> Stamp {
        let kind = if metadata.is_file() {
            FileKind::File
        } else if metadata.is_dir() {
            FileKind::Dir
        } else {
            FileKind::Other
        };
        #[cfg(unix)]
        let (changed, identity) = {
            use std::os::unix::fs::MetadataExt;
            let changed = u64::try_from(metadata.ctime())
                .ok()
                .map(|secs| SystemTime::UNIX_EPOCH + std::time::Duration::new(secs, metadata.ctime_nsec() as u32));
            (changed, (metadata.dev(), metadata.ino()))
        };
        #[cfg(not(unix))]
        let (changed, identity) = (None, (0, 0));
        Stamp { len: metadata.len(), kind, modified: metadata.modified().ok(), changed, identity }
    }

    /// The newest of its times.
    pub fn newest(&self) -> SystemTime {
        self.modified.max(self.changed).unwrap_or(SystemTime::UNIX_EPOCH)
    }

    /// 64 bits that change whenever the file's name or stamp does. Quick rather than keyed:
    /// it tells versions of the same files apart, where nobody gains by a collision.
    pub fn digest(&self, rel: &str) -> u64 {
        let mut digest = Digest(0x9e37_79b9_7f4a_7c15);
        for chunk in rel.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            digest.add(u64::from_le_bytes(word));
        }
        let nanos = |time: Option<SystemTime>| {
            time.and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok()).map_or(u64::MAX, |d| d.as_nanos() as u64)
        };
        for word in [rel.len() as u64, self.len, self.kind as u64, nanos(self.modified), nanos(self.changed)] {
            digest.add(word);
        }
        digest.add(self.identity.0);
        digest.add(self.identity.1);
        digest.finish()
    }
}

/// FxHash's step, then splitmix64's finish so every input bit reaches every output bit.
struct Digest(u64);

impl Digest {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A top-level folder (a phase candidate) and the markdown files in it.
#[derive(Debug)]
pub struct ListedDir {
    pub name: String,
    pub files: Vec<Listed>,
    /// The folder could not be listed (a problem says why), so `files` is empty.
    pub cannot_list: bool,
    /// Markdown files that look like skills but are not read (a problem says why): `x.MD`,
    /// `x.markdown`, the `.md` files of a folder inside the phase. Relative to the root.
    pub ignored: Vec<String>,
}

/// Every file a roadmap folder is made of, before any is read: enough to tell whether
/// anything changed since a cached parse.
#[derive(Debug, Default)]
pub struct Listing {
    /// The folder the `rel` paths start from.
    pub root: PathBuf,
    pub roadmap_yaml: Option<Listed>,
    pub dirs: Vec<ListedDir>,
    /// Folders that cannot be listed, names that are not UTF-8.
    pub problems: Vec<Problem>,
}

/// Reads the files of a roadmap. Problems with single files (unreadable, too large, not UTF-8)
/// are collected; only a root that cannot be listed at all stops here.
pub fn read(source: &Source) -> RawTree {
    match source {
        Source::Builtin => read_builtin(),
        Source::Dir(dir) => read_listing(list_dir(dir, &source.display_root()), &source.display_root()),
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

/// Lists a roadmap folder: `roadmap.yaml`, the top-level folders and their `.md` files, each
/// with its metadata. The many `stat` calls of a large roadmap run on every core.
pub fn list_dir(root: &Path, shown: &str) -> Listing {
    let mut listing = Listing { root: root.to_path_buf(), ..Listing::default() };
    let entries = match list(root) {
        Ok(entries) => entries,
        Err(error) => {
            listing.problems.push(Problem::new(shown, 1, format!("cannot read this folder: {error}")));
            return listing;
        }
    };
    let mut pending: Vec<(usize, String, fs::DirEntry)> = Vec::new();
    for (name, path) in entries {
        let Some(name) = name_or_problem(name, shown, &mut listing.problems) else { continue };
        if name.starts_with('.') {
            continue;
        }
        match fs::metadata(&path) {
            Ok(metadata) if metadata.is_dir() => {
                let dir_shown = join(shown, &name);
                let mut cannot_list = false;
                let mut ignored = Vec::new();
                match fs::read_dir(&path).and_then(|files| files.collect::<std::io::Result<Vec<_>>>()) {
                    Ok(files) => {
                        let index = listing.dirs.len();
                        for entry in files {
                            let file = entry.file_name();
                            let Some(file) = name_or_problem(file, &dir_shown, &mut listing.problems) else {
                                continue;
                            };
                            if file.starts_with('.') {
                                continue;
                            }
                            if file.ends_with(".md") {
                                let mut rel = String::with_capacity(name.len() + 1 + file.len());
                                rel.push_str(&name);
                                rel.push('/');
                                rel.push_str(&file);
                                pending.push((index, rel, entry));
                            } else if let Some(problem) = not_read(&entry, &name, &file, &dir_shown, &mut ignored) {
                                listing.problems.push(problem);
                            }
                        }
                    }
                    Err(error) => {
                        cannot_list = true;
                        listing.problems.push(Problem::new(dir_shown, 1, format!("cannot read this folder: {error}")))
                    }
                }
                listing.dirs.push(ListedDir { name, files: Vec::new(), cannot_list, ignored });
            }
            Ok(metadata) if name == "roadmap.yaml" => {
                let stamp = Stamp::of(&metadata);
                let digest = stamp.digest(&name);
                listing.roadmap_yaml = Some(Listed { rel: name, stamp: Ok(stamp), digest });
            }
            Ok(_) => {}
            Err(error) => listing.problems.push(Problem::new(join(shown, &name), 1, format!("cannot read: {error}"))),
        }
    }
    // Asked of the open folder (no path to resolve), except through a symlink, which is
    // followed like any file the loader opens.
    let stated = super::par::map(&pending, |(_, rel, entry)| {
        let metadata = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => entry.metadata(),
            _ => fs::metadata(entry.path()),
        };
        let stamp = metadata.map(|m| Stamp::of(&m));
        let digest = stamp.as_ref().map_or(0, |s| s.digest(rel));
        (stamp, digest)
    });
    for ((dir, rel, _), (stamp, digest)) in pending.into_iter().zip(stated) {
        listing.dirs[dir].files.push(Listed { rel, stamp, digest });
    }
    listing
}

/// Reads every listed file, on every core, with the checks that need no parsing.
pub fn read_listing(listing: Listing, shown: &str) -> RawTree {
    let mut tree = RawTree { problems: listing.problems, ..RawTree::default() };
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
        let read = super::par::map(&dir.files, |listed| {
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

/// A file or folder in a phase folder that an author may take for a skill but the loader does
/// not read: a markdown file not named `.md`, or a folder holding markdown files. Its
/// markdown files go to `ignored`. Anything else (images, notes) is left alone, unreported.
fn not_read(entry: &fs::DirEntry, phase: &str, file: &str, shown: &str, ignored: &mut Vec<String>) -> Option<Problem> {
    let is_dir = match entry.file_type() {
        Ok(kind) if kind.is_symlink() => fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()),
        Ok(kind) => kind.is_dir(),
        Err(_) => false,
    };
    if is_dir {
        // A folder that cannot be listed holds nothing the author can be told about.
        let inside = fs::read_dir(entry.path()).ok()?;
        let before = ignored.len();
        for name in inside.filter_map(|e| e.ok()?.file_name().into_string().ok()) {
            if !name.starts_with('.') && is_markdown(&name) {
                ignored.push(format!("{phase}/{file}/{name}"));
            }
        }
        if ignored.len() == before {
            return None;
        }
        let why = format!(
            "a folder inside a phase is not read, and this one holds `.md` files: move them up into `{phase}/`, \
             or start the folder's name with `.` to keep it out of the roadmap"
        );
        return Some(Problem::new(join(shown, file), 1, why));
    }
    if !is_markdown(file) {
        return None;
    }
    ignored.push(format!("{phase}/{file}"));
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let why = format!(
        "only files ending in `.md` are read: rename it to `{stem}.md`, or start its name with `.` to keep it out of the roadmap"
    );
    Some(Problem::new(join(shown, file), 1, why))
}

/// A markdown file's name, whatever the case of its extension: `a.md`, `a.MD`, `a.markdown`.
fn is_markdown(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && (ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
    })
}

/// Directory entries sorted by name, so every run reports in the same order.
fn list(path: &Path) -> std::io::Result<Vec<(std::ffi::OsString, PathBuf)>> {
    let mut entries = fs::read_dir(path)?
        .map(|entry| entry.map(|e| (e.file_name(), e.path())))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

fn name_or_problem(name: std::ffi::OsString, shown: &str, problems: &mut Vec<Problem>) -> Option<String> {
    match name.into_string() {
        Ok(name) => Some(name),
        Err(name) => {
            let lossy = name.to_string_lossy();
            problems.push(Problem::new(
                join(shown, &lossy),
                1,
                "file name is not valid UTF-8: rename it (ids are made from file names)",
            ));
            None
        }
    }
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
        let tree = read_listing(list_dir(root, "r"), "r");
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
