//! Listing a roadmap folder: `roadmap.yaml`, the phase folders and their `.md` files, each
//! with what `stat` says of it. Enough to tell whether anything changed since a cached parse,
//! and the list of what a cold parse reads. A phase folder whose own times have not moved
//! since the cache was written holds the same names, so they are not listed again.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::problem::Problem;
use super::source::join;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub kind: FileKind,
    pub modified: Option<SystemTime>,
    /// When the file's inode last changed: every write moves it, and nothing sets it back.
    pub changed: Option<SystemTime>,
    /// Device and inode: a file replaced by another is another file.
    pub identity: (u64, u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    File,
    Dir,
    /// A device, a pipe or a socket.
    Other,
}

impl Stamp {
    pub(super) fn of(metadata: &fs::Metadata) -> Stamp {
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

    /// The same fields from a `stat` made by hand (relative to an open folder).
    #[cfg(unix)]
    fn of_stat(stat: &libc::stat) -> Stamp {
        let time = |secs: i64, nanos: i64| {
            u64::try_from(secs).ok().map(|secs| SystemTime::UNIX_EPOCH + std::time::Duration::new(secs, nanos as u32))
        };
        let kind = match stat.st_mode & libc::S_IFMT {
            libc::S_IFREG => FileKind::File,
            libc::S_IFDIR => FileKind::Dir,
            _ => FileKind::Other,
        };
        // The casts widen the platform's own integer types.
        #[allow(clippy::unnecessary_cast)]
        Stamp {
            len: stat.st_size as u64,
            kind,
            modified: time(stat.st_mtime as i64, stat.st_mtime_nsec as i64),
            changed: time(stat.st_ctime as i64, stat.st_ctime_nsec as i64),
            identity: (stat.st_dev as u64, stat.st_ino as u64),
        }
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
    /// The folder's own stamp: its times move whenever a name in it is added, removed or
    /// renamed.
    pub stamp: Option<Stamp>,
    /// It holds folders (looked into for stray markdown on every run).
    pub has_folders: bool,
    /// The folder could not be listed (a problem says why), so `files` is empty.
    pub cannot_list: bool,
    /// Markdown files that look like skills but are not read (a warning says why): `x.MD`,
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
    /// Markdown the loader skips, and why.
    pub warnings: Vec<Problem>,
    /// Files beside the phase folders named almost `roadmap.yaml` (`roadmap.yml`,
    /// `Roadmap.yaml`), which are not read.
    pub misnamed: Vec<String>,
}

/// The `.md` files of phase folders as the cache last saw them, with each folder's digest:
/// while a folder's digest is the same, so are its names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KnownDirs(pub Vec<KnownDir>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownDir {
    pub name: String,
    /// `Stamp::digest` of the folder itself.
    pub digest: u64,
    /// File names, without the folder.
    pub files: Vec<String>,
}

impl KnownDirs {
    /// What a listing knows for next time: every folder listed whole, without folders inside
    /// (their contents can change without the phase folder's times moving).
    pub fn of(listing: &Listing) -> KnownDirs {
        let dirs = listing.dirs.iter().filter(|dir| !dir.cannot_list && !dir.has_folders && dir.ignored.is_empty());
        KnownDirs(
            dirs.filter_map(|dir| {
                let files = dir.files.iter().map(|f| f.rel[dir.name.len() + 1..].to_string()).collect();
                Some(KnownDir { name: dir.name.clone(), digest: dir.stamp?.digest(&dir.name), files })
            })
            .collect(),
        )
    }

    fn names(&self, dir: &str, stamp: &Stamp) -> Option<&[String]> {
        let known = self.0.iter().find(|known| known.name == dir)?;
        (known.digest == stamp.digest(dir)).then_some(known.files.as_slice())
    }
}

/// Lists a roadmap folder: `roadmap.yaml`, the top-level folders and their `.md` files, each
/// with its stamp. Folders `known` unchanged are not listed again; the many `stat` calls of a
/// large roadmap run on every core, each relative to its open folder.
pub fn list_dir(root: &Path, shown: &str, known: Option<&KnownDirs>) -> Listing {
    let mut listing = Listing { root: root.to_path_buf(), ..Listing::default() };
    let entries = match list(root) {
        Ok(entries) => entries,
        Err(error) => {
            listing.problems.push(Problem::new(shown, 1, format!("cannot read this folder: {error}")));
            return listing;
        }
    };
    // (phase folder, `dir/name`) of every file to stat, and each folder's path.
    let mut pending: Vec<(usize, String)> = Vec::new();
    let mut paths: Vec<PathBuf> = Vec::new();
    for (name, path) in entries {
        let Some(name) = name_or_problem(name, shown, &mut listing.problems) else { continue };
        if name.starts_with('.') {
            continue;
        }
        match fs::metadata(&path) {
            Ok(metadata) if metadata.is_dir() => {
                let index = listing.dirs.len();
                let stamp = Stamp::of(&metadata);
                let mut dir = ListedDir {
                    name,
                    files: Vec::new(),
                    stamp: Some(stamp),
                    has_folders: false,
                    cannot_list: false,
                    ignored: Vec::new(),
                };
                match known.and_then(|known| known.names(&dir.name, &stamp)) {
                    Some(names) => pending.extend(names.iter().map(|file| (index, rel(&dir.name, file)))),
                    None => {
                        let mut files = Vec::new();
                        list_phase(&path, &mut dir, shown, &mut files, &mut listing);
                        pending.extend(files.iter().map(|file| (index, rel(&dir.name, file))));
                    }
                }
                listing.dirs.push(dir);
                paths.push(path);
            }
            Ok(metadata) if name == "roadmap.yaml" => {
                let stamp = Stamp::of(&metadata);
                let digest = stamp.digest(&name);
                listing.roadmap_yaml = Some(Listed { rel: name, stamp: Ok(stamp), digest });
            }
            Ok(metadata) if metadata.is_file() && is_misnamed_roadmap(&name) => listing.misnamed.push(name),
            Ok(_) => {}
            Err(error) => listing.problems.push(Problem::new(join(shown, &name), 1, format!("cannot read: {error}"))),
        }
    }
    let folders: Vec<Folder> = paths.iter().map(|path| Folder::open(path)).collect();
    let stated = crate::par::map(&pending, |(dir, rel)| {
        let stamp = folders[*dir].stat(&rel[listing.dirs[*dir].name.len() + 1..]);
        let digest = stamp.as_ref().map_or(0, |s| s.digest(rel));
        (stamp, digest)
    });
    for ((dir, rel), (stamp, digest)) in pending.into_iter().zip(stated) {
        listing.dirs[dir].files.push(Listed { rel, stamp, digest });
    }
    listing
}

/// `phase/file`, the way a listed file is named.
fn rel(phase: &str, file: &str) -> String {
    let mut rel = String::with_capacity(phase.len() + 1 + file.len());
    rel.push_str(phase);
    rel.push('/');
    rel.push_str(file);
    rel
}

/// The `.md` names of a phase folder into `files`; unreadable folders as problems, stray
/// markdown as warnings.
fn list_phase(path: &Path, dir: &mut ListedDir, root: &str, files: &mut Vec<String>, listing: &mut Listing) {
    let shown = join(root, &dir.name);
    let entries = match fs::read_dir(path).and_then(|entries| entries.collect::<std::io::Result<Vec<_>>>()) {
        Ok(entries) => entries,
        Err(error) => {
            dir.cannot_list = true;
            listing.problems.push(Problem::new(shown, 1, format!("cannot read this folder: {error}")));
            return;
        }
    };
    for entry in entries {
        let Some(file) = name_or_problem(entry.file_name(), &shown, &mut listing.problems) else { continue };
        if file.starts_with('.') {
            continue;
        }
        if file.ends_with(".md") {
            files.push(file);
        } else if let Some(warning) = not_read(&entry, dir, &file, &shown) {
            listing.warnings.push(warning);
        }
    }
}

/// `roadmap.yml`, `Roadmap.yaml`, `ROADMAP.YML`: what an author may have meant for
/// `roadmap.yaml`.
fn is_misnamed_roadmap(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name != "roadmap.yaml" && (lower == "roadmap.yaml" || lower == "roadmap.yml")
}

/// A phase folder, open so each file in it is looked up by name alone.
struct Folder {
    path: PathBuf,
    #[cfg(unix)]
    open: Option<fs::File>,
}

impl Folder {
    fn open(path: &Path) -> Folder {
        Folder {
            path: path.to_path_buf(),
            #[cfg(unix)]
            open: fs::File::open(path).ok(),
        }
    }

    /// What `stat` says of a file in the folder, following a symlink as opening it would.
    #[allow(unsafe_code)]
    fn stat(&self, name: &str) -> std::io::Result<Stamp> {
        #[cfg(unix)]
        if let (Some(folder), Ok(name)) = (&self.open, std::ffi::CString::new(name)) {
            use std::os::fd::AsRawFd;
            // SAFETY: a valid descriptor, a NUL-terminated name, and a zeroed plain C struct
            // for fstatat to fill.
            let mut stat: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: as above.
            if unsafe { libc::fstatat(folder.as_raw_fd(), name.as_ptr(), &mut stat, 0) } != 0 {
                return Err(std::io::Error::last_os_error());
            }
            return Ok(Stamp::of_stat(&stat));
        }
        fs::metadata(self.path.join(name)).map(|metadata| Stamp::of(&metadata))
    }
}

/// A file or folder in a phase folder that an author may take for a skill but the loader does
/// not read: a markdown file not named `.md`, or a folder holding markdown files; the warning
/// to give about it. Its markdown files go to `ignored`. Anything else (images, notes) is left
/// alone, unreported.
fn not_read(entry: &fs::DirEntry, dir: &mut ListedDir, file: &str, shown: &str) -> Option<Problem> {
    let (phase, ignored) = (&dir.name, &mut dir.ignored);
    let is_dir = match entry.file_type() {
        Ok(kind) if kind.is_symlink() => fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()),
        Ok(kind) => kind.is_dir(),
        Err(_) => false,
    };
    if is_dir {
        dir.has_folders = true;
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
