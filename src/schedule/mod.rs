//! When to review a skill again: FSRS-6, the Free Spaced Repetition Scheduler (Jarrett Ye and
//! open-spaced-repetition; the scheduler in Anki), replayed from a skill's review log. Pure.
//!
//! FSRS models each skill's memory by its *stability* (days until the chance of recall falls
//! to 90%) and *difficulty* (1 to 10); each review updates both from the grade and from how
//! much the learner had forgotten since the last one, and the next review is due when the
//! chance of recall falls to the desired retention. The formulas and default weights are those
//! of the reference implementation, py-fsrs 6.3.2 (`fsrs` on PyPI, `fsrs/scheduler.py`),
//! configured as the tutor uses it: whole days, no learning or relearning steps, no fuzz.
//! `tests/fsrs.rs` checks every due date against a table that `scripts/fsrs-reference.py`
//! generates with it.
//!
//! How a log is read, as the reference reads it:
//! - Entries are replayed in date order. A log out of order (a hand merge) is sorted, never
//!   refused; entries of the same date keep their written order, which matters: FSRS-6's
//!   same-day formula makes `again, good` and `good, again` different.
//! - A review less than a day after the previous one (the same date) changes stability by the
//!   same-day formula (weights 17 to 19) rather than by the forgetting curve.
//! - `again` is a lapse: stability drops, and with no relearning steps the next review is simply
//!   the interval the new stability gives (at least a day).
//! - A review dated after today (a clock or time zone elsewhere) is replayed as given: its due
//!   date counts from its own date. Nothing here refuses a review for being early, so a future
//!   date never locks the learner out; [`Scheduler::intervals`] previews a review today as it
//!   will be replayed, sorted before the future one.

mod fsrs;
mod memo;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::progress::{Date, Grade, Review};
pub use fsrs::{DEFAULT_MAXIMUM_INTERVAL, DEFAULT_WEIGHTS, Parameters};
pub use memo::Memo;

/// A skill's memory after its review log.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until the chance of recall falls to 90%.
    pub stability: f64,
    /// How hard the skill is to retain, from 1 to 10.
    pub difficulty: f64,
    /// The date of the last review replayed (the latest date in the log).
    pub last_review: Date,
    /// The date the next review falls due.
    pub due: Date,
}

impl Memory {
    /// Whether the skill is due for review on `today`.
    pub fn is_due(&self, today: Date) -> bool {
        self.due <= today
    }
}

/// FSRS with its parameters worked out once: build one per screen or command and replay many
/// logs with it (building one costs about as much as replaying a short log).
#[derive(Debug, Clone)]
pub struct Scheduler {
    model: fsrs::Model,
    /// The parameters, hashed: replays under other parameters are other replays.
    fingerprint: u64,
}

impl Scheduler {
    pub fn new(parameters: &Parameters) -> Scheduler {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        parameters.weights.map(f64::to_bits).hash(&mut hasher);
        (parameters.desired_retention.to_bits(), parameters.maximum_interval).hash(&mut hasher);
        Scheduler { model: fsrs::Model::new(parameters), fingerprint: hasher.finish() }
    }

    /// A hash of the parameters, the same for equal ones.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The default parameters with `desired_retention`.
    pub fn with_retention(desired_retention: f64) -> Scheduler {
        Scheduler::new(&Parameters::with_retention(desired_retention))
    }

    /// The memory after every review of `log`, in date order; `None` for an empty log.
    pub fn replay(&self, log: &[Review]) -> Option<Memory> {
        self.replay_sorted(&by_date(log)).map(|state| self.memory(state))
    }

    /// The due date each grade would give if a review were recorded on `on`, in the order of
    /// [`Grade::ALL`] (again, hard, good, easy): what the log replays to once that review is in
    /// it. A review on a date the log already has comes after that date's entries; entries
    /// dated after `on` are replayed after it, as a sorted log puts them.
    pub fn intervals(&self, log: &[Review], on: Date) -> [Date; 4] {
        let log = by_date(log);
        let (before, after) = log.split_at(log.partition_point(|review| review.date <= on));
        let state = self.replay_sorted(before);
        Grade::ALL.map(|grade| {
            let first = self.review(state, Review { date: on, grade });
            self.memory(after.iter().fold(first, |state, &review| self.review(Some(state), review))).due
        })
    }

    fn replay_sorted(&self, log: &[Review]) -> Option<State> {
        log.iter().fold(None, |state, &review| Some(self.review(state, review)))
    }

    /// One review after `state` (none before a first review).
    fn review(&self, state: Option<State>, review: Review) -> State {
        let day = review.date.days_since_epoch();
        let (stability, difficulty) = match state {
            None => self.model.first(review.grade),
            Some(state) => self.model.next(state.stability, state.difficulty, day - state.day, review.grade),
        };
        State { stability, difficulty, day }
    }

    /// The memory after the last review: only its interval is needed, so the replay leaves
    /// the rounding and the calendar to here.
    fn memory(&self, state: State) -> Memory {
        let due = Date::from_days_since_epoch(state.day + self.model.interval(state.stability));
        Memory {
            stability: state.stability,
            difficulty: state.difficulty,
            last_review: Date::from_days_since_epoch(state.day),
            due,
        }
    }
}

impl Default for Scheduler {
    fn default() -> Scheduler {
        Scheduler::new(&Parameters::default())
    }
}

/// Memory between two reviews of a replay, dated in days since the epoch.
#[derive(Debug, Clone, Copy)]
struct State {
    stability: f64,
    difficulty: f64,
    day: i64,
}

/// The memory after `log` with the default weights and `desired_retention`; `None` for an
/// empty log. To replay many logs, build one [`Scheduler`] instead.
pub fn replay(log: &[Review], desired_retention: f64) -> Option<Memory> {
    Scheduler::with_retention(desired_retention).replay(log)
}

/// The due date each grade (again, hard, good, easy) would give if reviewed on `today`; see
/// [`Scheduler::intervals`].
pub fn intervals(log: &[Review], today: Date, desired_retention: f64) -> [Date; 4] {
    Scheduler::with_retention(desired_retention).intervals(log, today)
}

/// The log in date order; a stable sort, so same-day entries keep their written order. A log
/// already in order (the usual case: the progress file keeps it sorted) is not copied.
fn by_date(log: &[Review]) -> Cow<'_, [Review]> {
    if log.is_sorted_by_key(|review| review.date) {
        Cow::Borrowed(log)
    } else {
        let mut sorted = log.to_vec();
        sorted.sort_by_key(|review| review.date);
        Cow::Owned(sorted)
    }
}
