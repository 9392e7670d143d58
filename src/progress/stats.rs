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
