//! The content cache: a roadmap, once parsed and found valid, is kept in the user's cache
//! folder in the compact form of `codec`. Its key covers everything the loader reads (every
//! file's name, size, modification and change time, inode) and the program itself, so any edit
//! to the tree, or a new build, means a fresh parse: a stale roadmap is never shown.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use super::listing::{self, KnownDirs, Listed, Listing};
use super::model::Roadmap;
use super::pages::{PageFile, Pages};
use super::problem::Problems;
use super::source::{self, Source};

/// The first bytes of a cache file; the digit changes whenever `codec`'s layout does.
const MAGIC: &[u8; 8] = b"RTCACHE5";

/// The magic, the key, where the outline starts (after the known folders) and where the
/// table of page offsets starts (it runs to the end).
const HEADER: usize = 32;

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
                if let Some((cached_key, roadmap)) = read(&file)
                    && cached_key == key
                {
                    return Ok(roadmap);
                }
                let roadmap = super::load(source)?;
                write(&self.dir, &file, key, &KnownDirs::default(), &roadmap);
                Ok(roadmap)
            }
            Source::Dir(dir) => {
                let shown = source.display_root();
                let root = fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
                // One file per roadmap folder, whatever the build: a new build replaces it.
                let mut name = std::collections::hash_map::DefaultHasher::new();
                root.hash(&mut name);
                let file = self.dir.join(format!("dir-{:016x}.bin", name.finish()));
                // The cached outline is decoded while the tree is looked at (mostly waiting on
                // the system), and used only if its key is the tree's.
                let known = read_known(&file);
                let (listing, cached) = std::thread::scope(|scope| {
                    let cached = scope.spawn(|| read(&file));
                    let listing = listing::list_dir(dir, &shown, known.as_ref());
                    (listing, cached.join().ok().flatten())
                });
                let fingerprint = fingerprint(&root, &listing);
                if let (Some((key, _)), Some((cached_key, roadmap))) = (fingerprint, cached)
                    && key == cached_key
                {
                    return Ok(roadmap);
                }
                let known = KnownDirs::of(&listing);
                let roadmap = super::assemble::assemble(&shown, source::read_listing(listing, &shown))?;
                if let Some((key, newest)) = fingerprint
                    && newest + SETTLED < SystemTime::now()
                {
                    write(&self.dir, &file, key, &known, &roadmap);
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
    build_key().hash(&mut hasher);
    what(&mut hasher);
    hasher.finish()
}

/// This build of the program: its version, and its own size and time, since a rebuilt
/// program may parse (or schedule) differently. What a cache written by another build is
/// told apart by.
/// Asked once per process (a `stat` of the program), however many caches ask.
pub fn build_key() -> u64 {
    static KEY: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *KEY.get_or_init(|| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        if let Some(exe) = std::env::current_exe().ok().and_then(|exe| fs::metadata(exe).ok()) {
            exe.len().hash(&mut hasher);
            exe.modified().ok().hash(&mut hasher);
        }
        hasher.finish()
    })
}

/// The key of a listed tree and the newest time among its files; `None` when a file could
/// not be looked at, since then the cold path has problems to report. Each file's digest was
/// made along with its `stat`; they are added up, so the key needs no sorted listing.
fn fingerprint(root: &Path, listing: &Listing) -> Option<(u64, SystemTime)> {
    if !listing.problems.is_empty() {
        return None;
    }
    let files: Vec<&Listed> = listing.roadmap_yaml.iter().chain(listing.dirs.iter().flat_map(|d| &d.files)).collect();
    let mut sum = 0u64;
    let mut newest = SystemTime::UNIX_EPOCH;
    for listed in &files {
        let stamp = listed.stamp.as_ref().ok()?;
        sum = sum.wrapping_add(listed.digest);
        newest = newest.max(stamp.newest());
    }
    // The folders' own stamps too: their names are taken on trust while those hold.
    for stamp in listing.dirs.iter().filter_map(|dir| dir.stamp.as_ref()) {
        newest = newest.max(stamp.newest());
    }
    let key = key_of(|hasher| {
        root.hash(hasher);
        for dir in &listing.dirs {
            (&dir.name, dir.files.len(), dir.stamp.map(|stamp| stamp.digest(&dir.name))).hash(hasher);
        }
        (files.len(), sum).hash(hasher);
        // What the loader skips is warned about, and the warnings are kept in the cache.
        (&listing.misnamed, listing.dirs.iter().map(|dir| &dir.ignored).collect::<Vec<_>>()).hash(hasher);
    });
    Some((key, newest))
}

/// The key, where the outline starts and where the page table starts, if the file starts
/// like a cache file of this layout.
fn header(file: &mut fs::File, len: u64) -> Option<(u64, u64, u64)> {
    let mut header = [0; HEADER];
    file.read_exact(&mut header).ok()?;
    let word = |at: usize| header[at..at + 8].try_into().ok().map(u64::from_le_bytes);
    let (key, outline_at, table_at) = (word(8)?, word(16)?, word(24)?);
    let laid_out = HEADER as u64 <= outline_at && outline_at <= table_at && table_at < len;
    (&header[..8] == MAGIC && laid_out).then_some((key, outline_at, table_at))
}

/// The phase folders the cache saw and their names: read before the tree is listed, so
/// folders that did not change are not listed again.
fn read_known(path: &Path) -> Option<KnownDirs> {
    let mut file = fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let (_, outline_at, _) = header(&mut file, len)?;
    let section = outline_at - HEADER as u64;
    let input = BufReader::with_capacity(section.min(4 << 20) as usize, (&file).take(section));
    super::codec::decode_known(input, section).ok()
}

/// The cached roadmap and the key it was stored under, if the file exists and its outline
/// decodes whole; its pages stay in the file until one is asked for.
fn read(path: &Path) -> Option<(u64, Roadmap)> {
    let mut file = fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let (key, outline_at, table_at) = header(&mut file, len)?;
    let mut table = vec![0; usize::try_from(len - table_at).ok()?];
    file.seek(SeekFrom::Start(table_at)).ok()?;
    file.read_exact(&mut table).ok()?;
    let offsets: Vec<u64> =
        table.chunks_exact(8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default())).collect();
    let pages_at = *offsets.first()?;
    let ordered = offsets.windows(2).all(|w| w[0] <= w[1]) && offsets.last().is_some_and(|&end| end <= table_at);
    if table.len() % 8 != 0 || !ordered || pages_at < outline_at {
        return None;
    }
    let outline_len = pages_at - outline_at;
    file.seek(SeekFrom::Start(outline_at)).ok()?;
    // Read whole (under a megabyte at 10,000 skills) and decoded from memory: each of the
    // thirty-odd small reads per skill is then a slice split, not a call into a file buffer.
    // (`read_to_end` fills the room without zeroing it first.)
    let mut outline = Vec::with_capacity(usize::try_from(outline_len).ok()?);
    (&file).take(outline_len).read_to_end(&mut outline).ok()?;
    if outline.len() as u64 != outline_len {
        return None;
    }
    let (header, phases, skills, warnings) = super::codec::decode_outline(outline.as_slice(), outline_len).ok()?;
    if offsets.len() != skills.len() + 1 {
        return None;
    }
    let pages = Pages::later(skills.len(), PageFile { file: Mutex::new(file), path: path.to_path_buf(), offsets });
    Some((key, Roadmap::new(header, phases, skills, pages, warnings)))
}

/// Keeps a parsed roadmap for next time. A cache that cannot be written costs only speed,
/// so failures are ignored; the rename means no reader ever sees half a file.
fn write(dir: &Path, path: &Path, key: u64, known: &KnownDirs, roadmap: &Roadmap) {
    let mut bytes = Vec::with_capacity(64 * 1024);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&key.to_le_bytes());
    bytes.extend_from_slice(&[0; 16]);
    super::codec::encode_known(known, &mut bytes);
    let outline_at = bytes.len() as u64;
    let offsets = super::codec::encode(roadmap, &mut bytes);
    let table_at = bytes.len() as u64;
    bytes[16..24].copy_from_slice(&outline_at.to_le_bytes());
    bytes[24..HEADER].copy_from_slice(&table_at.to_le_bytes());
    for offset in offsets {
        bytes.extend_from_slice(&offset.to_le_bytes());
    }
    let _ = fs::create_dir_all(dir).and_then(|()| crate::atomic::Replace::CACHE.write(path, &bytes));
}

#[cfg(test)]
mod tests;
