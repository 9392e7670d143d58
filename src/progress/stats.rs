//! Derived numbers: how many skills are done, in progress, skipped, out of how many.

/// Status counts over a set of skills.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub total: usize,
    pub todo: usize,
    pub doing: usize,
    pub done: usize,
    pub skipped: usize,
}

impl Counts {
    pub fn of(statuses: impl IntoIterator<Item = super::Status>) -> Counts {
        let mut counts = Counts::default();
        for status in statuses {
            counts.total += 1;
            match status {
                super::Status::Todo => counts.todo += 1,
                super::Status::Doing => counts.doing += 1,
                super::Status::Done => counts.done += 1,
                super::Status::Skipped => counts.skipped += 1,
            }
        }
        counts
    }

    /// Done or skipped.
    pub fn complete(&self) -> usize {
        self.done + self.skipped
    }

    /// Whole percent complete, rounded down so 100 means everything; 0 for no skills.
    pub fn percent(&self) -> u8 {
        (self.complete() * 100).checked_div(self.total).map_or(0, |percent| percent as u8)
    }

    /// Fraction complete in 0.0..=1.0, for gauges.
    pub fn ratio(&self) -> f64 {
        if self.total == 0 { 0.0 } else { self.complete() as f64 / self.total as f64 }
    }
}

/// Each skill's status, by index into `Roadmap::skills`, and the counts overall and per phase:
/// what screens show on every frame, worked out once per change of progress.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub statuses: Vec<super::Status>,
    pub overall: Counts,
    /// By phase index.
    pub phases: Vec<Counts>,
}

impl Tally {
    pub fn new(roadmap: &crate::content::Roadmap, progress: &super::Progress) -> Tally {
        let statuses = progress.statuses(roadmap);
        let phases = roadmap.phases.iter().map(|p| Counts::of(statuses[p.skills.clone()].iter().copied())).collect();
        Tally { overall: Counts::of(statuses.iter().copied()), phases, statuses }
    }

    pub fn status(&self, skill: usize) -> super::Status {
        self.statuses[skill]
    }

    /// Whether every prerequisite of the skill is done or skipped.
    pub fn prerequisites_met(&self, roadmap: &crate::content::Roadmap, skill: usize) -> bool {
        roadmap.skills[skill].requires.iter().all(|&r| self.statuses[r].is_complete())
    }
}
