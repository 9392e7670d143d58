//! Skill pages (summary, tags, resources, body) are most of a roadmap's bytes, and most
//! commands never show one: a roadmap from the cache reads its pages when one is first asked for.

use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use super::model::Page;

/// One page per skill, in skill order: in memory, or still in the cache file.
pub(crate) struct Pages {
    count: usize,
    loaded: OnceLock<Vec<Page>>,
    later: Mutex<Option<Later>>,
}

/// Where pages not read yet are: the cache file, still open from when its key was checked,
/// so a newer cache written meanwhile cannot mix in.
pub(crate) struct Later {
    pub file: File,
    /// Shown if the pages cannot be read after all.
    pub path: PathBuf,
    pub offset: u64,
    pub len: u64,
}

impl Pages {
    pub fn loaded(pages: Vec<Page>) -> Pages {
        Pages { count: pages.len(), loaded: OnceLock::from(pages), later: Mutex::new(None) }
    }

    pub fn later(count: usize, later: Later) -> Pages {
        Pages { count, loaded: OnceLock::new(), later: Mutex::new(Some(later)) }
    }

    /// Every page, read on the first call if they were left in the cache file. Should that
    /// read fail (the disk, not the content), each page says so instead of panicking.
    pub fn all(&self) -> &[Page] {
        self.loaded.get_or_init(|| {
            let later = self.later.lock().map(|mut later| later.take()).unwrap_or_default();
            let Some(later) = later else { return vec![Page::default(); self.count] };
            match read(&later, self.count) {
                Ok(pages) => pages,
                Err(error) => {
                    let body = format!(
                        "*This text could not be read back from the content cache ({error}). \
                         Delete {} and start again.*\n",
                        later.path.display()
                    );
                    vec![Page { body, ..Page::default() }; self.count]
                }
            }
        })
    }
}

fn read(later: &Later, count: usize) -> io::Result<Vec<Page>> {
    let mut file = &later.file;
    file.seek(SeekFrom::Start(later.offset))?;
    let input = BufReader::with_capacity(256 * 1024, file.take(later.len));
    let pages = super::codec::decode_pages(input, later.len, count)?;
    if pages.len() != count {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "cache damaged: page count"));
    }
    Ok(pages)
}

impl fmt::Debug for Pages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = if self.loaded.get().is_some() { "loaded" } else { "in the cache file" };
        write!(f, "Pages({} {state})", self.count)
    }
}
