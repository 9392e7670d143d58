//! The content cache: a roadmap, once parsed and found valid, is kept in the user's cache
//! folder in the compact form of `codec`. Its key covers everything the loader reads (every
//! file's name, size, modification and change time, inode) and the program itself, so any edit
//! to the tree, or a new build, means a fresh parse: a stale roadmap is never shown.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::model::Roadmap;
use super::pages::{Later, Pages};
use super::problem::Problems;
use super::source::{self, Listing, Source};

/// The first bytes of a cache file; the digit changes whenever `codec`'s layout does.
const MAGIC: &[u8; 8] = b"RTCACHE2";

/// The magic, the key, and where the pages start.
const HEADER: usize = 24;

/// A file changed this recently may change again within the file system's timestamp
/// granularity without its times moving, so a parse of it is not kept (git's "racy clean").
const SETTLED: Duration = Duration::from_secs(2);

/// Where parsed roadmaps are kept.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// Loads a roadmap as [`super::load`] does, from the cache when nothing changed since it was
    /// parsed. Broken content is never cached, so its problems are always reported afresh.
    pub fn load(&self, source: &Source) -> Result<Roadmap, Problems> {
        match source {
            Source::Builtin => {
                let key = key_of(|h| source::builtin_hash().hash(h));
                let file = self.dir.join("builtin.bin");
                if let Some(roadmap) = read(&file, key) {
                    return Ok(roadmap);
                }
                let roadmap = super::load(source)?;
                write(&self.dir, &file, key, &roadmap);
                Ok(roadmap)
            }
            Source::Dir(dir) => {
                let shown = source.display_root();
                let listing = source::list_dir(dir, &shown);
                let root = fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
                // One file per roadmap folder, whatever the build: a new build replaces it.
                let mut name = std::collections::hash_map::DefaultHasher::new();
                root.hash(&mut name);
                let file = self.dir.join(format!("dir-{:016x}.bin", name.finish()));
                let fingerprint = fingerprint(&root, &listing);
                if let Some((key, _)) = fingerprint
                    && let Some(roadmap) = read(&file, key)
                {
                    return Ok(roadmap);
                }
                let roadmap = super::assemble::assemble(&shown, source::read_listing(listing, &shown))?;
                if let Some((key, newest)) = fingerprint
                    && newest + SETTLED < SystemTime::now()
                {
                    write(&self.dir, &file, key, &roadmap);
                }
                Ok(roadmap)
            }
        }
    }
}

/// A 64-bit key over `what`, this program's build, and the cache layout.
fn key_of(what: impl FnOnce(&mut std::collections::hash_map::DefaultHasher)) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    MAGIC.hash(&mut hasher);
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    // A rebuilt program may parse differently: its own size and time are part of the key.
    if let Some(exe) = std::env::current_exe().ok().and_then(|exe| fs::metadata(exe).ok()) {
        exe.len().hash(&mut hasher);
        exe.modified().ok().hash(&mut hasher);
    }
    what(&mut hasher);
    hasher.finish()
}

/// The key of a listed tree and the newest time among its files; `None` when a file could
/// not be looked at, since then the cold path has problems to report.
fn fingerprint(root: &Path, listing: &Listing) -> Option<(u64, SystemTime)> {
    if !listing.problems.is_empty() {
        return None;
    }
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut complete = true;
    let key = key_of(|hasher| {
        root.hash(hasher);
        let phases = listing.dirs.iter().map(|dir| (Some(&dir.name), dir.files.as_slice()));
        let top = (None, listing.roadmap_yaml.as_slice());
        for (dir, files) in std::iter::once(top).chain(phases) {
            (dir, files.len()).hash(hasher);
            for listed in files {
                listed.rel.hash(hasher);
                match &listed.metadata {
                    Ok(metadata) => newest = newest.max(stamp(metadata, hasher)),
                    Err(_) => complete = false,
                }
            }
        }
    });
    complete.then_some((key, newest))
}

/// Hashes what tells one version of a file from another, and returns its newest time.
fn stamp(metadata: &fs::Metadata, hasher: &mut impl Hasher) -> SystemTime {
    metadata.len().hash(hasher);
    metadata.file_type().is_file().hash(hasher);
    let modified = metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    modified.hash(hasher);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // The change time moves on every write and cannot be set back, unlike the mtime.
        (metadata.ino(), metadata.dev(), metadata.ctime(), metadata.ctime_nsec()).hash(hasher);
        let changed =
            SystemTime::UNIX_EPOCH + Duration::new(metadata.ctime().max(0) as u64, metadata.ctime_nsec() as u32);
        return modified.max(changed);
    }
    #[allow(unreachable_code)]
    modified
}

/// The cached roadmap, if the file exists, has this key and its outline decodes whole; its
/// pages stay in the file until one is asked for.
fn read(path: &Path, key: u64) -> Option<Roadmap> {
    let file = fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut header = [0; HEADER];
    (&file).read_exact(&mut header).ok()?;
    let pages_at = u64::from_le_bytes(header[16..].try_into().ok()?);
    if &header[..8] != MAGIC || header[8..16] != key.to_le_bytes() || !(HEADER as u64..=len).contains(&pages_at) {
        return None;
    }
    let outline_len = pages_at - HEADER as u64;
    // Buffered whole (it is a small part of the file), so every text is copied straight out.
    let input = BufReader::with_capacity(outline_len.min(64 << 20) as usize, (&file).take(outline_len));
    let (header, phases, skills) = super::codec::decode_outline(input, outline_len).ok()?;
    let later = Later { file, path: path.to_path_buf(), offset: pages_at, len: len - pages_at };
    let pages = Pages::later(skills.len(), later);
    Some(Roadmap::new(header, phases, skills, pages))
}

/// Keeps a parsed roadmap for next time. A cache that cannot be written costs only speed,
/// so failures are ignored; the rename means no reader ever sees half a file.
fn write(dir: &Path, path: &Path, key: u64, roadmap: &Roadmap) {
    let mut bytes = Vec::with_capacity(64 * 1024);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&key.to_le_bytes());
    bytes.extend_from_slice(&[0; 8]);
    let pages_at = super::codec::encode(roadmap, &mut bytes) as u64;
    bytes[16..HEADER].copy_from_slice(&pages_at.to_le_bytes());
    let _ = fs::create_dir_all(dir).and_then(|()| {
        let mut temp = tempfile::NamedTempFile::new_in(dir)?;
        temp.write_all(&bytes)?;
        temp.persist(path).map_err(|e| e.error)?;
        Ok(())
    });
}

#[cfg(test)]
mod tests;
