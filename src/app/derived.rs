//! What the screens show that follows from the progress, worked out once per change of
//! progress and never on a key or a frame, so a roadmap of thousands of skills draws as fast as
//! a small one.

use crate::content::Roadmap;
use crate::progress::{Date, Progress, Status, Tally};
use crate::schedule::Memo;
use crate::suggest::{self, Advice, Pace};

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
    /// Dated changes, newest first: finishing, starting and reviewing skills.
    pub activity: Vec<(Date, &'static str, usize)>,
}

impl Derived {
    pub fn new(roadmap: &Roadmap, progress: &Progress, today: Date, memo: &Memo) -> Derived {
        let tally = Tally::new(roadmap, progress);
        let current_phase = suggest::current_phase(roadmap, progress).or_else(|| {
            (0..roadmap.phases.len())
                .find(|&p| roadmap.phases[p].skills.clone().any(|s| !tally.status(s).is_complete()))
        });
        Derived {
            advice: suggest::advise_remembering(roadmap, progress, today, usize::MAX, memo),
            pace: suggest::pace(roadmap, progress, today),
            current_phase,
            activity: activity(roadmap, progress),
            tally,
        }
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
    events.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
    events
}
