//! What the screens show that follows from the progress, worked out once per change of
//! progress and never on a key or a frame, so a roadmap of thousands of skills draws as fast as
//! a small one.

use crate::content::Roadmap;
use crate::progress::{Date, Progress, Status, Tally};
use crate::schedule::Memo;
use crate::suggest::{self, Advice, Limits, Pace};

use super::home::HOME_STEPS;

/// The most events Home's recent activity keeps: more rows than any terminal shows.
pub const ACTIVITY: usize = 1000;

#[derive(Debug, Default)]
pub struct Derived {
    /// Each skill's status, and the counts overall and per phase.
    pub tally: Tally,
    /// Next steps, warnings and reviews.
    pub advice: Advice,
    /// Finish dates at the learner's weekly hours, once they are set.
    pub pace: Option<Pace>,
    /// The phase to work in: the earliest with open core skills, else any with open skills.
    pub current_phase: Option<usize>,
    /// Dated changes, newest first: finishing, starting and reviewing skills; the newest
    /// [`ACTIVITY`] of them.
    pub activity: Vec<(Date, &'static str, usize)>,
}

impl Derived {
    pub fn new(roadmap: &Roadmap, progress: &Progress, today: Date, memo: &Memo) -> Derived {
        // The advice is most of the work; the rest is worked out beside it, on another core.
        let (advice, (tally, pace, activity, current_phase)) = std::thread::scope(|scope| {
            let rest = scope.spawn(|| {
                let tally = Tally::new(roadmap, progress);
                let current_phase = suggest::current_phase(roadmap, progress).or_else(|| {
                    (0..roadmap.phases.len())
                        .find(|&p| roadmap.phases[p].skills.clone().any(|s| !tally.status(s).is_complete()))
                });
                (tally, suggest::pace(roadmap, progress, today), activity(roadmap, progress), current_phase)
            });
            // Home shows the best few steps and every review due.
            let limits = Limits { steps: HOME_STEPS, reviews: usize::MAX };
            let advice = suggest::advise_remembering(roadmap, progress, today, limits, memo);
            (advice, rest.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        });
        Derived { tally, advice, pace, current_phase, activity }
    }
}

fn activity(roadmap: &Roadmap, progress: &Progress) -> Vec<(Date, &'static str, usize)> {
    let mut events: Vec<(Date, &'static str, usize)> = Vec::new();
    for (id, record) in &progress.skills {
        let Some(index) = roadmap.index_of(id) else { continue };
        if let (Status::Done, Some(date)) = (record.status, record.finished) {
            events.push((date, "done", index));
        }
        // A skill started and finished the same day shows once, as done.
        let same_day = record.status == Status::Done && record.finished == record.started;
        if let Some(date) = record.started.filter(|_| record.status != Status::Todo && !same_day) {
            events.push((date, "started", index));
        }
        if let Some(date) = record.reviewed() {
            events.push((date, "reviewed", index));
        }
    }
    newest(&mut events, ACTIVITY);
    events
}

/// The newest `keep` events, newest first (on one day: by verb, then by skill). Only those are
/// shown (a row each), so they are picked out and then sorted, rather than sorting thousands.
fn newest(events: &mut Vec<(Date, &'static str, usize)>, keep: usize) {
    let order = |a: &(Date, &str, usize), b: &(Date, &str, usize)| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(&b.2));
    if keep == 0 {
        events.clear();
    } else if events.len() > keep {
        events.select_nth_unstable_by(keep - 1, order);
        events.truncate(keep);
    }
    events.sort_by(order);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_events_are_those_a_full_sort_puts_first() {
        let verbs = ["done", "reviewed", "started"];
        let mut seed = 7u64;
        let mut next = move |below: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % below
        };
        for len in [0, 1, 5, 40, 300] {
            let events: Vec<(Date, &'static str, usize)> = (0..len)
                .map(|skill| {
                    let date = Date::new(2026, 1 + next(3) as u8, 1 + next(5) as u8).expect("a date");
                    (date, verbs[next(3) as usize], skill)
                })
                .collect();
            let mut sorted = events.clone();
            sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
            for keep in [0, 1, 3, 40, 1000] {
                let mut picked = events.clone();
                newest(&mut picked, keep);
                assert_eq!(picked, sorted[..keep.min(len)], "{keep} of {len}");
            }
        }
    }
}
