//! What the learner has done: statuses, dates, ticked checkpoints, notes. Pure data and the
//! rules for changing it; phase and overall numbers are derived here, never stored.

mod date;
mod review;
mod stats;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

pub use date::{BadDate, Date};
pub use review::{Grade, Review};
pub use stats::{Counts, Tally};

use crate::content::{Roadmap, SkillId};

/// Where a learner stands on a skill (or a milestone).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Todo,
    Doing,
    Done,
    /// Deliberately not learned here (already known, or not wanted); counts as met.
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Skipped];

    pub fn name(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    /// Done or skipped: nothing left to do, and it no longer blocks what requires it.
    pub fn is_complete(self) -> bool {
        matches!(self, Status::Done | Status::Skipped)
    }

    /// The order a single "cycle" key steps through.
    pub fn cycled(self) -> Status {
        match self {
            Status::Todo => Status::Doing,
            Status::Doing => Status::Done,
            Status::Done => Status::Skipped,
            Status::Skipped => Status::Todo,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The weekly hours a learner may set: from half an hour (less would put the plan's dates
/// centuries away) to every hour of the week.
pub fn check_weekly_hours(hours: f32) -> Result<f32, &'static str> {
    if hours.is_finite() && (0.5..=168.0).contains(&hours) { Ok(hours) } else { Err("from 0.5 to 168") }
}

/// A learner's record for one skill.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SkillProgress {
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
    /// Indexes into the skill's `checkpoints`.
    pub checkpoints: BTreeSet<usize>,
    pub note: String,
    /// When the learner last reviewed it (the review schedule counts from `finished`).
    pub reviewed: Option<Date>,
}

impl SkillProgress {
    /// Nothing worth keeping: the entry can leave the state file.
    pub fn is_blank(&self) -> bool {
        *self == SkillProgress::default()
    }
}

/// A learner's record for a phase's milestone project.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MilestoneProgress {
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
}

/// Everything in the state file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    /// Hours a week the learner plans to spend, for the pace projection.
    pub weekly_hours: Option<f32>,
    /// By skill id; entries for ids the roadmap no longer has are kept.
    pub skills: BTreeMap<SkillId, SkillProgress>,
    /// By phase id.
    pub milestones: BTreeMap<String, MilestoneProgress>,
}

impl Progress {
    pub fn get(&self, id: &str) -> Option<&SkillProgress> {
        self.skills.get(id)
    }

    pub fn status(&self, id: &str) -> Status {
        self.get(id).map_or(Status::Todo, |p| p.status)
    }

    pub fn milestone_status(&self, phase: &str) -> Status {
        self.milestones.get(phase).map_or(Status::Todo, |m| m.status)
    }

    /// Sets a skill's record as a whole (used by undo); a blank record leaves the file.
    pub fn replace(&mut self, id: &str, record: Option<SkillProgress>) {
        match record {
            Some(record) if !record.is_blank() => {
                self.skills.insert(id.to_string(), record);
            }
            _ => {
                self.skills.remove(id);
            }
        }
    }

    fn update(&mut self, id: &str, change: impl FnOnce(&mut SkillProgress)) {
        let mut record = self.get(id).cloned().unwrap_or_default();
        change(&mut record);
        self.replace(id, Some(record));
    }

    /// Moves a skill to `status`, keeping the dates honest: starting keeps the first start
    /// date, finishing stamps today, going back to todo clears both. Notes and ticked
    /// checkpoints are never dropped.
    pub fn set_status(&mut self, id: &str, status: Status, today: Date) {
        self.update(id, |record| {
            if record.status == status {
                return;
            }
            record.status = status;
            match status {
                Status::Todo => {
                    record.started = None;
                    record.finished = None;
                    record.reviewed = None;
                }
                Status::Doing => {
                    record.started.get_or_insert(today);
                    record.finished = None;
                }
                Status::Done => {
                    record.started.get_or_insert(today);
                    record.finished = Some(today);
                    record.reviewed = None;
                }
                Status::Skipped => {
                    record.finished = None;
                    record.reviewed = None;
                }
            }
        });
    }

    /// Ticks a checkpoint, or unticks it if it was ticked.
    pub fn toggle_checkpoint(&mut self, id: &str, index: usize) {
        self.update(id, |record| {
            if !record.checkpoints.remove(&index) {
                record.checkpoints.insert(index);
            }
        });
    }

    pub fn set_note(&mut self, id: &str, note: &str) {
        self.update(id, |record| record.note = note.to_string());
    }

    /// Records a review of a done skill today.
    pub fn mark_reviewed(&mut self, id: &str, today: Date) {
        self.update(id, |record| record.reviewed = Some(today));
    }

    pub fn set_milestone(&mut self, phase: &str, status: Status, today: Date) {
        let mut record = self.milestones.get(phase).cloned().unwrap_or_default();
        if record.status == status {
            return;
        }
        record.status = status;
        match status {
            Status::Todo => record = MilestoneProgress::default(),
            Status::Doing => {
                record.started.get_or_insert(today);
                record.finished = None;
            }
            Status::Done | Status::Skipped => {
                record.started.get_or_insert(today);
                record.finished = Some(today);
            }
        }
        if record == MilestoneProgress::default() {
            self.milestones.remove(phase);
        } else {
            self.milestones.insert(phase.to_string(), record);
        }
    }

    /// Moves progress recorded under a skill's old ids (its `aliases`) to its current id, and
    /// returns the ids that match no skill at all. Those are kept, never dropped.
    pub fn adopt_aliases(&mut self, roadmap: &Roadmap) -> Vec<SkillId> {
        let mut orphans = Vec::new();
        let unknown: Vec<SkillId> = self.skills.keys().filter(|id| roadmap.index_of(id).is_none()).cloned().collect();
        for old in unknown {
            match roadmap.alias_target(&old) {
                Some(target) if !self.skills.contains_key(&roadmap.skills[target].id) => {
                    if let Some(record) = self.skills.remove(&old) {
                        self.skills.insert(roadmap.skills[target].id.clone(), record);
                    }
                }
                _ => orphans.push(old),
            }
        }
        orphans
    }

    /// Each skill's status by index into `Roadmap::skills`, for code that asks about many
    /// skills: one lookup per recorded skill rather than a search by id per question.
    pub fn statuses(&self, roadmap: &Roadmap) -> Vec<Status> {
        let mut statuses = vec![Status::Todo; roadmap.skills.len()];
        for (id, record) in &self.skills {
            if let Some(index) = roadmap.index_of(id) {
                statuses[index] = record.status;
            }
        }
        statuses
    }
}

#[cfg(test)]
mod tests;
