//! Replayed review logs remembered by their contents. FSRS gives the same memory for the same
//! log under the same parameters and build, and a log that changed (a new review, a merge) has
//! another key: so `roadmap next` and the tutor replay only the logs they have not seen
//! before, rather than every done skill's whole log on every run. Pure: the bytes go to and
//! from a file elsewhere (`cli::memo`), and a memo that cannot be read is simply empty.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{Memory, Scheduler};
use crate::progress::{Date, Review};

/// The first bytes of a memo; the digit changes whenever the layout does.
const MAGIC: &[u8; 8] = b"RTMEMO01";
/// The magic, the build it was written by, the number of entries.
const HEADER: usize = 24;
/// A key, stability and difficulty (the bits of two `f64`), the last review and the due date
/// (days since 1970 as `i32`).
const ENTRY: usize = 32;

/// What was remembered, and what was replayed this run.
#[derive(Debug, Default)]
pub struct Memo {
    /// The build whose replays these are (see [`Memo::decode`]).
    build: u64,
    /// Read back, each with whether this run asked for it.
    known: HashMap<u64, (Memory, AtomicBool)>,
    /// Replayed this run.
    fresh: Mutex<HashMap<u64, Memory>>,
}

impl Memo {
    /// An empty memo for the program build `build`.
    pub fn new(build: u64) -> Memo {
        Memo { build, ..Memo::default() }
    }

    /// The memo [`Memo::encode_if_changed`] wrote, if it was written by the build `build`;
    /// otherwise (another build, a damaged or foreign file) an empty one.
    pub fn decode(bytes: &[u8], build: u64) -> Memo {
        Memo { build, known: entries(bytes, build).unwrap_or_default(), fresh: Mutex::default() }
    }

    /// The memory after `log`, as [`Scheduler::replay`] gives it: remembered, or replayed now
    /// and remembered. Safe to call from many threads at once.
    pub fn replay(&self, scheduler: &Scheduler, log: &[Review]) -> Option<Memory> {
        if log.is_empty() {
            return None;
        }
        let key = key(scheduler, log);
        if let Some((memory, asked)) = self.known.get(&key) {
            asked.store(true, Ordering::Relaxed);
            return Some(*memory);
        }
        if let Some(memory) = self.fresh().get(&key) {
            return Some(*memory);
        }
        let memory = scheduler.replay(log)?;
        self.fresh().insert(key, memory);
        Some(memory)
    }

    /// What to keep for next time, if it differs from what was read: the replays of this run
    /// and the remembered ones it asked for. Those it did not ask for belong to logs that
    /// changed or went, and are dropped, so the memo holds about one entry per done skill.
    pub fn encode_if_changed(&self) -> Option<Vec<u8>> {
        let fresh = self.fresh();
        let was_asked = |(_, (_, asked)): &(&u64, &(Memory, AtomicBool))| asked.load(Ordering::Relaxed);
        if fresh.is_empty() && self.known.iter().all(|entry| was_asked(&entry)) {
            return None;
        }
        let asked = self.known.iter().filter(was_asked).map(|(&key, (memory, _))| (key, *memory));
        let kept: Vec<(u64, Memory)> = asked.chain(fresh.iter().map(|(&key, &memory)| (key, memory))).collect();
        let mut bytes = Vec::with_capacity(HEADER + kept.len() * ENTRY);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&self.build.to_le_bytes());
        bytes.extend_from_slice(&(kept.len() as u64).to_le_bytes());
        for (key, memory) in kept {
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.extend_from_slice(&memory.stability.to_bits().to_le_bytes());
            bytes.extend_from_slice(&memory.difficulty.to_bits().to_le_bytes());
            bytes.extend_from_slice(&days(memory.last_review).to_le_bytes());
            bytes.extend_from_slice(&days(memory.due).to_le_bytes());
        }
        Some(bytes)
    }

    fn fresh(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Memory>> {
        // A panic while the lock was held left at worst a finished insert behind.
        self.fresh.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A log's key: its reviews, in the order written (a replay sorts them, stably, so the order
/// of same-day entries counts), and the scheduler's parameters. Each review goes in as one
/// word, which is most of what makes a remembered replay cheaper than a replay.
fn key(scheduler: &Scheduler, log: &[Review]) -> u64 {
    let mut hasher = DefaultHasher::new();
    hasher.write_u64(scheduler.fingerprint());
    hasher.write_usize(log.len());
    for review in log {
        hasher.write_u64(review.date.packed() << 8 | review.grade as u64);
    }
    hasher.finish()
}

/// A date as the memo stores it; every date the tutor handles (years 1 to 9999) fits.
fn days(date: Date) -> i32 {
    date.days_since_epoch() as i32
}

/// The entries of a memo written by `build`, if every one of them is whole and plausible.
fn entries(bytes: &[u8], build: u64) -> Option<HashMap<u64, (Memory, AtomicBool)>> {
    let word = |at: usize| Some(u64::from_le_bytes(*bytes.get(at..)?.first_chunk()?));
    if bytes.get(..8)? != MAGIC || word(8)? != build {
        return None;
    }
    let count = usize::try_from(word(16)?).ok()?;
    if bytes.len() != HEADER.checked_add(count.checked_mul(ENTRY)?)? {
        return None;
    }
    let earliest = days(Date::new(1, 1, 1)?);
    let latest = days(Date::new(9999, 12, 31)?);
    let mut known = HashMap::with_capacity(count);
    for entry in bytes[HEADER..].chunks_exact(ENTRY) {
        // Whole entries (`chunks_exact`), so every field is there.
        let word = |at: usize| entry[at..].first_chunk().map_or(0, |b| u64::from_le_bytes(*b));
        let date = |at: usize| {
            let day = entry[at..].first_chunk().map_or(i32::MIN, |b| i32::from_le_bytes(*b));
            (earliest..=latest).contains(&day).then(|| Date::from_days_since_epoch(i64::from(day)))
        };
        let (stability, difficulty) = (f64::from_bits(word(8)), f64::from_bits(word(16)));
        if !(stability.is_finite() && stability > 0.0 && (1.0..=10.0).contains(&difficulty)) {
            return None;
        }
        let memory = Memory { stability, difficulty, last_review: date(24)?, due: date(28)? };
        known.insert(word(0), (memory, AtomicBool::new(false)));
    }
    Some(known)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Grade;

    fn log(entries: &[(i32, u8, u8, Grade)]) -> Vec<Review> {
        entries
            .iter()
            .map(|&(year, month, day, grade)| Review { date: Date::new(year, month, day).expect("a date"), grade })
            .collect()
    }

    fn logs() -> Vec<Vec<Review>> {
        vec![
            log(&[(2026, 1, 3, Grade::Good), (2026, 1, 11, Grade::Easy), (2026, 2, 3, Grade::Again)]),
            log(&[(2026, 1, 3, Grade::Good)]),
            // The same reviews on the same day in the other order: another memory.
            log(&[(2026, 3, 1, Grade::Again), (2026, 3, 1, Grade::Good)]),
            log(&[(2026, 3, 1, Grade::Good), (2026, 3, 1, Grade::Again)]),
        ]
    }

    #[test]
    fn a_remembered_replay_is_the_replay() {
        let scheduler = Scheduler::default();
        let memo = Memo::new(7);
        for log in logs() {
            assert_eq!(memo.replay(&scheduler, &log), scheduler.replay(&log));
        }
        let bytes = memo.encode_if_changed().expect("four replays to keep");
        let read = Memo::decode(&bytes, 7);
        for log in logs() {
            assert_eq!(read.replay(&scheduler, &log), scheduler.replay(&log), "{log:?}");
        }
        assert_eq!(read.encode_if_changed(), None, "every entry asked for and nothing new: nothing to write");
        assert_eq!(read.replay(&scheduler, &[]), None);
    }

    #[test]
    fn another_retention_or_another_log_is_replayed_afresh() {
        let memo = Memo::new(1);
        let first = logs()[0].clone();
        let default = Scheduler::default();
        let anxious = Scheduler::with_retention(0.97);
        memo.replay(&default, &first);
        let read = Memo::decode(&memo.encode_if_changed().expect("one replay"), 1);
        assert_eq!(read.replay(&anxious, &first), anxious.replay(&first));
        assert_ne!(anxious.replay(&first), default.replay(&first), "the retention moves the due date");
        let mut longer = first.clone();
        longer.push(Review { date: Date::new(2026, 4, 1).expect("a date"), grade: Grade::Hard });
        assert_eq!(read.replay(&default, &longer), default.replay(&longer));
    }

    #[test]
    fn entries_not_asked_for_are_dropped_on_the_next_write() {
        let scheduler = Scheduler::default();
        let memo = Memo::new(1);
        for log in logs() {
            memo.replay(&scheduler, &log);
        }
        let read = Memo::decode(&memo.encode_if_changed().expect("four replays"), 1);
        read.replay(&scheduler, &logs()[1]);
        let pruned = read.encode_if_changed().expect("three entries went");
        assert_eq!(pruned.len(), HEADER + ENTRY);
    }

    #[test]
    fn another_build_or_a_damaged_file_remembers_nothing() {
        let scheduler = Scheduler::default();
        let memo = Memo::new(1);
        memo.replay(&scheduler, &logs()[0]);
        let bytes = memo.encode_if_changed().expect("one replay");
        assert!(Memo::decode(&bytes, 2).known.is_empty(), "another build");
        for cut in 0..bytes.len() {
            assert!(Memo::decode(&bytes[..cut], 1).known.is_empty(), "cut at {cut}");
        }
        let mut nonsense = bytes.clone();
        nonsense[HEADER + 16..HEADER + 24].copy_from_slice(&f64::NAN.to_bits().to_le_bytes());
        assert!(Memo::decode(&nonsense, 1).known.is_empty(), "a difficulty that is no number");
        let mut far = bytes.clone();
        far[HEADER + 28..HEADER + 32].copy_from_slice(&i32::MAX.to_le_bytes());
        assert!(Memo::decode(&far, 1).known.is_empty(), "a date past 9999");
        assert_eq!(Memo::decode(&bytes, 1).known.len(), 1);
    }
}
