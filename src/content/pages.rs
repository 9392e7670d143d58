//! Skill pages (summary, tags, resources, body) are most of a roadmap's bytes, and most
//! commands never show one: a roadmap from the cache reads each page when it is first asked
//! for, and a pass over every page (search) streams them without keeping them.

use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use super::model::Page;

/// One page per skill, in skill order: in memory, or still in the cache file.
pub(crate) struct Pages {
    /// Boxed, so the slots of thousands of pages not read yet cost a pointer each.
    slots: Vec<OnceLock<Box<Page>>>,
    file: Option<PageFile>,
}

/// Where pages not read yet are: the cache file, still open from when its key was checked,
/// so a newer cache written meanwhile cannot mix in.
pub(crate) struct PageFile {
    pub file: Mutex<File>,
    /// Shown if a page cannot be read after all.
    pub path: PathBuf,
    /// Where each page starts in the file, and where the last one ends (one more than pages).
    pub offsets: Vec<u64>,
}

impl Pages {
    pub fn loaded(pages: Vec<Page>) -> Pages {
        Pages { slots: pages.into_iter().map(|page| OnceLock::from(Box::new(page))).collect(), file: None }
    }

    pub fn later(count: usize, file: PageFile) -> Pages {
        Pages { slots: (0..count).map(|_| OnceLock::new()).collect(), file: Some(file) }
    }

    /// A skill's page, read on the first call if it was left in the cache file. Should that
    /// read fail (the disk, not the content), the page says so instead of panicking.
    pub fn get(&self, skill: usize) -> &Page {
        self.slots[skill].get_or_init(|| {
            Box::new(match &self.file {
                Some(file) => file.read(skill).unwrap_or_else(|error| unreadable(file, &error)),
                None => Page::default(),
            })
        })
    }

    /// Every page in order, without keeping those not read yet: one pass through the file.
    pub fn each(&self, mut f: impl FnMut(usize, &Page)) {
        let pending = self.file.as_ref().filter(|_| self.slots.iter().any(|slot| slot.get().is_none()));
        let Some(file) = pending else {
            (0..self.slots.len()).for_each(|skill| f(skill, self.get(skill)));
            return;
        };
        let mut next = 0;
        let streamed = file.stream(self.slots.len(), |page| {
            match self.slots[next].get() {
                Some(kept) => f(next, kept),
                None => f(next, &page),
            }
            next += 1;
        });
        if let Err(error) = streamed {
            let page = unreadable(file, &error);
            (next..self.slots.len()).for_each(|skill| f(skill, self.slots[skill].get().map_or(&page, |kept| kept)));
        }
    }
}

fn unreadable(file: &PageFile, error: &io::Error) -> Page {
    let body = format!(
        "*This text could not be read back from the content cache ({error}). Delete {} and start again.*\n",
        file.path.display()
    );
    Page { body, ..Page::default() }
}

impl PageFile {
    fn read(&self, skill: usize) -> io::Result<Page> {
        let (start, end) = (self.offsets[skill], self.offsets[skill + 1]);
        let len = end.checked_sub(start).ok_or_else(|| damaged("page offsets"))?;
        let mut bytes = vec![0; usize::try_from(len).map_err(|_| damaged("page size"))?];
        {
            let mut file = self.file.lock().map_err(|_| damaged("a reader that panicked"))?;
            file.seek(SeekFrom::Start(start))?;
            file.read_exact(&mut bytes)?;
        }
        let mut pages = Vec::with_capacity(1);
        super::codec::decode_pages(bytes.as_slice(), len, 1, |page| pages.push(page))?;
        pages.pop().ok_or_else(|| damaged("an empty page"))
    }

    fn stream(&self, count: usize, f: impl FnMut(Page)) -> io::Result<()> {
        let (start, end) = (self.offsets[0], self.offsets[count]);
        let len = end.checked_sub(start).ok_or_else(|| damaged("page offsets"))?;
        let mut file = self.file.lock().map_err(|_| damaged("a reader that panicked"))?;
        file.seek(SeekFrom::Start(start))?;
        let input = BufReader::with_capacity(256 * 1024, (&mut *file).take(len));
        super::codec::decode_pages(input, len, count, f)
    }
}

fn damaged(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("cache damaged: {what}"))
}

impl fmt::Debug for Pages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loaded = self.slots.iter().filter(|slot| slot.get().is_some()).count();
        write!(f, "Pages({loaded} of {} loaded)", self.slots.len())
    }
}
