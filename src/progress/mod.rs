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

/// The largest note kept: far more than any note a learner writes, small enough that the
/// progress file stays quick to read and well under the size the reader accepts.
pub const MAX_NOTE_BYTES: usize = 256 * 1024;

/// What the last run of one check gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CheckResult {
    /// The command exited 0.
    Pass,
    /// The command ran and failed (or timed out).
    Fail,
    /// The check could not run here: a program it needs is missing.
    Cannot,
}

impl CheckResult {
    pub const ALL: [CheckResult; 3] = [CheckResult::Pass, CheckResult::Fail, CheckResult::Cannot];

    /// The word in the progress file and in piped output.
    pub fn name(self) -> &'static str {
        match self {
            CheckResult::Pass => "pass",
            CheckResult::Fail => "fail",
            CheckResult::Cannot => "cannot",
        }
    }

    pub fn from_name(name: &str) -> Option<CheckResult> {
        CheckResult::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl fmt::Display for CheckResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The last run of one check: its result, the day, and a digest of the command that ran, so a
/// result recorded for an older command is known to be stale.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CheckRecord {
    pub result: CheckResult,
    pub date: Date,
    pub digest: String,
}

/// A skill's or milestone's last check runs, by check number (from 1, as they are listed).
pub type CheckRecords = BTreeMap<usize, CheckRecord>;

/// FSRS's desired retention when the progress file sets none: nine reviews in ten should find
/// the skill remembered.
pub const DEFAULT_RETENTION: f32 = 0.9;

/// The desired retention a learner may set: below 0.7 the schedule stops helping, above 0.97
/// reviews come so often they crowd out learning.
pub fn check_retention(retention: f32) -> Result<f32, &'static str> {
    if retention.is_finite() && (0.7..=0.97).contains(&retention) { Ok(retention) } else { Err("from 0.7 to 0.97") }
}

/// A learner's record for one skill.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SkillProgress {
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
    /// Marked done by answering every quiz question right before starting it.
    pub tested_out: bool,
    /// Indexes into the skill's `checkpoints`.
    pub checkpoints: BTreeSet<usize>,
    pub note: String,
    /// Every recall of the skill, sorted by date: finishing it (graded good), quizzes, reviews.
    /// The review schedule is replayed from it.
    pub reviews: Vec<Review>,
    /// The last run of each of the skill's checks.
    pub checks: CheckRecords,
}

impl SkillProgress {
    /// Nothing worth keeping: the entry can leave the state file.
    pub fn is_blank(&self) -> bool {
        *self == SkillProgress::default()
    }

    /// The last review after finishing the skill (finishing itself is a review, but not one
    /// the learner chose to make).
    pub fn reviewed(&self) -> Option<Date> {
        let last = self.reviews.last()?.date;
        match self.finished {
            Some(finished) if last <= finished => None,
            _ => Some(last),
        }
    }

    /// Adds a review where its date puts it, after any of the same day.
    pub fn add_review(&mut self, review: Review) {
        let at = self.reviews.partition_point(|r| r.date <= review.date);
        self.reviews.insert(at, review);
    }
}

/// A note longer than [`MAX_NOTE_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the note is {} KiB, more than the {} KiB a note can hold", bytes.div_ceil(1024), MAX_NOTE_BYTES / 1024)]
pub struct NoteTooLong {
    pub bytes: usize,
}

/// A learner's record for a phase: its milestone project, and where the learner builds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MilestoneProgress {
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
    /// The learner's project folder for this phase, where its checks run.
    pub project: Option<String>,
    /// The last run of each of the milestone's checks.
    pub checks: CheckRecords,
}

impl MilestoneProgress {
    pub fn is_blank(&self) -> bool {
        *self == MilestoneProgress::default()
    }
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
    /// The share of reviews the schedule aims to have remembered (FSRS's desired retention);
    /// unset means the default.
    pub retention: Option<f32>,
    /// Roadmaps whose checks the learner trusts to run: roadmap id -> digest of every command.
    pub trusted: BTreeMap<String, String>,
}

impl Progress {
    pub fn get(&self, id: &str) -> Option<&SkillProgress> {
        self.skills.get(id)
    }

    pub fn status(&self, id: &str) -> Status {
        self.get(id).map_or(Status::Todo, |p| p.status)
    }

    /// The desired retention the schedule aims for.
    pub fn retention(&self) -> f32 {
        self.retention.unwrap_or(DEFAULT_RETENTION)
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
    /// date, finishing stamps today (and is a review, graded good), going back to todo clears
    /// both, and todo or skipped clear the review schedule. Notes, ticked checkpoints and check
    /// results are never dropped.
    pub fn set_status(&mut self, id: &str, status: Status, today: Date) {
        self.update(id, |record| {
            if record.status == status {
                return;
            }
            record.status = status;
            record.tested_out = false;
            match status {
                // Not learned (or not here): no schedule to keep, as before the review log.
                Status::Todo => {
                    record.started = None;
                    record.finished = None;
                    record.reviews.clear();
                }
                Status::Doing => {
                    record.started.get_or_insert(today);
                    record.finished = None;
                }
                Status::Done => {
                    record.started.get_or_insert(today);
                    record.finished = Some(today);
                    // Finishing a skill is a recall: the schedule starts (or starts again) here.
                    // Stepping through the statuses again the same day adds no second one.
                    if !record.reviews.iter().any(|r| r.date == today) {
                        record.add_review(Review { date: today, grade: Grade::Good });
                    }
                }
                Status::Skipped => {
                    record.finished = None;
                    record.reviews.clear();
                }
            }
        });
    }

    /// Marks a skill known without working through it: every question of its quiz was
    /// answered right. It counts as done, and that day is its first review.
    pub fn test_out(&mut self, id: &str, today: Date, grade: Grade) {
        self.update(id, |record| {
            record.status = Status::Done;
            record.tested_out = true;
            record.started.get_or_insert(today);
            record.finished = Some(today);
            record.add_review(Review { date: today, grade });
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

    /// Ticks (`true`) or unticks a checkpoint, whatever it was.
    pub fn set_checkpoint(&mut self, id: &str, index: usize, ticked: bool) {
        self.update(id, |record| {
            if ticked {
                record.checkpoints.insert(index);
            } else {
                record.checkpoints.remove(&index);
            }
        });
    }

    /// Keeps `note` as the skill's note. A note over [`MAX_NOTE_BYTES`] is refused, so a file
    /// the reader would refuse is never written; the caller still holds the text.
    pub fn set_note(&mut self, id: &str, note: &str) -> Result<(), NoteTooLong> {
        if note.len() > MAX_NOTE_BYTES {
            return Err(NoteTooLong { bytes: note.len() });
        }
        self.update(id, |record| record.note = note.to_string());
        Ok(())
    }

    /// Records a recall of a skill (a quiz or a review) on `date`.
    pub fn add_review(&mut self, id: &str, review: Review) {
        self.update(id, |record| record.add_review(review));
    }

    /// Records the result of a skill's check number `number` (from 1).
    pub fn record_check(&mut self, id: &str, number: usize, record: CheckRecord) {
        self.update(id, |skill| {
            skill.checks.insert(number, record);
        });
    }

    pub fn set_milestone(&mut self, phase: &str, status: Status, today: Date) {
        let mut record = self.milestones.get(phase).cloned().unwrap_or_default();
        if record.status == status {
            return;
        }
        record.status = status;
        match status {
            Status::Todo => {
                record.started = None;
                record.finished = None;
            }
            Status::Doing => {
                record.started.get_or_insert(today);
                record.finished = None;
            }
            Status::Done | Status::Skipped => {
                record.started.get_or_insert(today);
                record.finished = Some(today);
            }
        }
        self.replace_milestone(phase, record);
    }

    /// Sets a phase's record as a whole; a blank record leaves the file.
    pub fn replace_milestone(&mut self, phase: &str, record: MilestoneProgress) {
        if record.is_blank() {
            self.milestones.remove(phase);
        } else {
            self.milestones.insert(phase.to_string(), record);
        }
    }

    /// Changes a phase's record (milestone, project folder, check results).
    pub fn update_milestone(&mut self, phase: &str, change: impl FnOnce(&mut MilestoneProgress)) {
        let mut record = self.milestones.get(phase).cloned().unwrap_or_default();
        change(&mut record);
        self.replace_milestone(phase, record);
    }

    /// The learner's project folder for a phase, if one was set.
    pub fn project(&self, phase: &str) -> Option<&str> {
        self.milestones.get(phase).and_then(|m| m.project.as_deref())
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
