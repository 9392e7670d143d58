//! Three-way merge of progress, field by field: `base` is what both sides started from, `ours`
//! and `theirs` are two copies changed since. Whatever only one side changed is taken from it;
//! where both changed the same field differently, a [`Policy`] decides, and nothing else is
//! dropped. The same merge serves two running instances (the store) and two machines (git's
//! merge driver).
//!
//! The fields of each record are destructured without `..`, so a field added later does not
//! compile until this file says how it merges.

use std::collections::{BTreeMap, BTreeSet};

use crate::progress::{CheckRecord, CheckRecords, Date, MilestoneProgress, Progress, Review, SkillProgress, Status};

/// Who wins when both sides changed the same field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// `ours` is being saved now, after `theirs` was: the later save wins each conflict.
    LaterSave,
    /// Two copies from different machines (git): the change with the later date wins; without
    /// dates, a fixed order decides, so both machines reach the same file. Two different notes
    /// are both kept, marked.
    ByDate,
}

/// Merges `ours` and `theirs`, both changed from `base`.
pub fn merge(base: &Progress, ours: &Progress, theirs: &Progress, policy: Policy) -> Progress {
    let Progress { weekly_hours, skills, milestones, retention, trusted } = base;
    Progress {
        weekly_hours: pick(weekly_hours, &ours.weekly_hours, &theirs.weekly_hours, |o, _| *o),
        skills: entries(skills, &ours.skills, &theirs.skills, |b, o, t| skill(b, o, t, policy)),
        milestones: entries(milestones, &ours.milestones, &theirs.milestones, |b, o, t| milestone(b, o, t, policy)),
        retention: pick(retention, &ours.retention, &theirs.retention, |o, _| *o),
        trusted: entries(trusted, &ours.trusted, &theirs.trusted, |b, o, t| {
            pick(&b.cloned(), &o.cloned(), &t.cloned(), |o, t| match policy {
                Policy::LaterSave => o.clone(),
                Policy::ByDate => o.clone().max(t.clone()),
            })
        }),
    }
}

/// The three-way rule for one value: a side that left it as it was takes the other's change.
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T, conflict: impl FnOnce(&T, &T) -> T) -> T {
    if ours == theirs || theirs == base {
        ours.clone()
    } else if ours == base {
        theirs.clone()
    } else {
        conflict(ours, theirs)
    }
}

/// Merges two maps entry by entry; `merge_one` gets each side's entry (absent = blank) and
/// returns the merged one (`None` = the entry leaves).
fn entries<V>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
    merge_one: impl Fn(Option<&V>, Option<&V>, Option<&V>) -> Option<V>,
) -> BTreeMap<String, V> {
    let keys: BTreeSet<&String> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    keys.into_iter()
        .filter_map(|key| merge_one(base.get(key), ours.get(key), theirs.get(key)).map(|v| (key.clone(), v)))
        .collect()
}

/// A skill's status with the dates and mark that belong to it: they change together.
#[derive(Debug, Clone, PartialEq)]
struct StatusUnit {
    status: Status,
    started: Option<Date>,
    finished: Option<Date>,
    tested_out: bool,
}

impl StatusUnit {
    /// When this status was reached, as far as its dates tell.
    fn date(&self) -> Option<Date> {
        self.started.max(self.finished)
    }
}

/// The later status by its dates; on the same date the one further along, then `ours`.
fn later_status(ours: &StatusUnit, theirs: &StatusUnit) -> StatusUnit {
    let rank = |s: Status| match s {
        Status::Todo => 0,
        Status::Doing => 1,
        Status::Skipped => 2,
        Status::Done => 3,
    };
    // Every field in the key, so which side is "ours" never decides between two that differ.
    let key = |u: &StatusUnit| (u.date(), rank(u.status), u.tested_out, u.finished, u.started);
    if key(theirs) > key(ours) { theirs.clone() } else { ours.clone() }
}

fn skill(
    base: Option<&SkillProgress>,
    ours: Option<&SkillProgress>,
    theirs: Option<&SkillProgress>,
    policy: Policy,
) -> Option<SkillProgress> {
    let blank = SkillProgress::default();
    let (b, o, t) = (base.unwrap_or(&blank), ours.unwrap_or(&blank), theirs.unwrap_or(&blank));
    let SkillProgress { status, started, finished, tested_out, checkpoints, note, reviews, checks } = b;
    let unit = |r: &SkillProgress| StatusUnit {
        status: r.status,
        started: r.started,
        finished: r.finished,
        tested_out: r.tested_out,
    };
    let base_unit = StatusUnit { status: *status, started: *started, finished: *finished, tested_out: *tested_out };
    let merged_unit = pick(&base_unit, &unit(o), &unit(t), |o, t| match policy {
        Policy::LaterSave => o.clone(),
        Policy::ByDate => later_status(o, t),
    });
    let record = SkillProgress {
        status: merged_unit.status,
        started: merged_unit.started,
        finished: merged_unit.finished,
        tested_out: merged_unit.tested_out,
        checkpoints: set(checkpoints, &o.checkpoints, &t.checkpoints),
        note: pick(note, &o.note, &t.note, |o, t| match policy {
            Policy::LaterSave => o.clone(),
            Policy::ByDate => both_notes(o, t),
        }),
        reviews: log(reviews, &o.reviews, &t.reviews),
        checks: check_records(checks, &o.checks, &t.checks, policy),
    };
    (!record.is_blank()).then_some(record)
}

fn milestone(
    base: Option<&MilestoneProgress>,
    ours: Option<&MilestoneProgress>,
    theirs: Option<&MilestoneProgress>,
    policy: Policy,
) -> Option<MilestoneProgress> {
    let blank = MilestoneProgress::default();
    let (b, o, t) = (base.unwrap_or(&blank), ours.unwrap_or(&blank), theirs.unwrap_or(&blank));
    let MilestoneProgress { status, started, finished, project, checks } = b;
    let unit = |r: &MilestoneProgress| StatusUnit {
        status: r.status,
        started: r.started,
        finished: r.finished,
        tested_out: false,
    };
    let base_unit = StatusUnit { status: *status, started: *started, finished: *finished, tested_out: false };
    let merged_unit = pick(&base_unit, &unit(o), &unit(t), |o, t| match policy {
        Policy::LaterSave => o.clone(),
        Policy::ByDate => later_status(o, t),
    });
    let record = MilestoneProgress {
        status: merged_unit.status,
        started: merged_unit.started,
        finished: merged_unit.finished,
        project: pick(project, &o.project, &t.project, |o, t| match policy {
            Policy::LaterSave => o.clone(),
            Policy::ByDate => o.clone().max(t.clone()),
        }),
        checks: check_records(checks, &o.checks, &t.checks, policy),
    };
    (!record.is_blank()).then_some(record)
}

/// Ticked checkpoints, one by one: each side's ticks and unticks survive.
fn set(base: &BTreeSet<usize>, ours: &BTreeSet<usize>, theirs: &BTreeSet<usize>) -> BTreeSet<usize> {
    let all: BTreeSet<usize> = base.iter().chain(ours).chain(theirs).copied().collect();
    all.into_iter().filter(|i| pick(&base.contains(i), &ours.contains(i), &theirs.contains(i), |o, _| *o)).collect()
}

/// Review logs, united: each side's new reviews are kept, a review one side took back (undo)
/// while the other left it leaves, and a review both sides hold is kept once (the same
/// history, not two recalls). Counted per review, since a skill can be reviewed twice in a
/// day. The result keeps `ours`' order and puts the other side's new reviews where their dates
/// go, after those of the same day, in the order that side has them. Of several copies of a
/// review on the other side, the last ones are its new ones (a log grows at its end): so a
/// side that changed nothing gives back the other side's log exactly, same-day order and all,
/// which FSRS replays differently (`again, good` is not `good, again`).
fn log(base: &[Review], ours: &[Review], theirs: &[Review]) -> Vec<Review> {
    let count = |log: &[Review]| {
        let mut counts: BTreeMap<Review, usize> = BTreeMap::new();
        for review in log {
            *counts.entry(*review).or_default() += 1;
        }
        counts
    };
    let (b, o, t) = (count(base), count(ours), count(theirs));
    let n = |counts: &BTreeMap<Review, usize>, review: &Review| counts.get(review).copied().unwrap_or(0);
    let mut left: BTreeMap<Review, usize> = BTreeMap::new();
    for review in b.keys().chain(o.keys()).chain(t.keys()) {
        let kept = pick(&n(&b, review), &n(&o, review), &n(&t, review), |o, t| *o.max(t));
        left.insert(*review, kept);
    }
    let mut merged: Vec<Review> = Vec::with_capacity(ours.len().max(theirs.len()));
    for review in ours {
        if let Some(remaining) = left.get_mut(review).filter(|r| **r > 0) {
            *remaining -= 1;
            merged.push(*review);
        }
    }
    // Theirs' copies of each review that ours already placed: its first ones.
    let mut placed: BTreeMap<Review, usize> =
        t.iter().map(|(review, &copies)| (*review, copies - n(&left, review).min(copies))).collect();
    for review in theirs {
        if let Some(earlier) = placed.get_mut(review).filter(|p| **p > 0) {
            *earlier -= 1;
            continue;
        }
        if let Some(remaining) = left.get_mut(review).filter(|r| **r > 0) {
            *remaining -= 1;
            let at = merged.partition_point(|r| r.date <= review.date);
            merged.insert(at, *review);
        }
    }
    merged
}

/// The last run of each check: each side's new runs are kept; when both ran a check, the
/// later save's run wins (the store), or the later day's (git; on the same day, a fixed order).
fn check_records(base: &CheckRecords, ours: &CheckRecords, theirs: &CheckRecords, policy: Policy) -> CheckRecords {
    let numbers: BTreeSet<usize> = base.keys().chain(ours.keys()).chain(theirs.keys()).copied().collect();
    numbers
        .into_iter()
        .filter_map(|n| {
            let side = |records: &CheckRecords| records.get(&n).cloned();
            let merged = pick(&side(base), &side(ours), &side(theirs), |o, t| match (o, t) {
                (Some(o), Some(t)) => Some(later_run(o, t, policy)),
                (o, t) => o.clone().or_else(|| t.clone()),
            });
            merged.map(|record| (n, record))
        })
        .collect()
}

fn later_run(ours: &CheckRecord, theirs: &CheckRecord, policy: Policy) -> CheckRecord {
    match (policy, ours.date.cmp(&theirs.date)) {
        (Policy::LaterSave, _) | (Policy::ByDate, std::cmp::Ordering::Greater) => ours.clone(),
        (Policy::ByDate, std::cmp::Ordering::Less) => theirs.clone(),
        (Policy::ByDate, std::cmp::Ordering::Equal) => ours.clone().min(theirs.clone()),
    }
}

/// The line that separates two versions of a note kept side by side.
pub const NOTE_SEPARATOR: &str = "----- merged: this note was also edited in another copy of the progress file -----";

/// Both versions of a note that two copies changed differently, `ours` first, so neither text
/// is lost; the learner tidies it up.
fn both_notes(ours: &str, theirs: &str) -> String {
    if ours.is_empty() || ours.contains(theirs.trim()) {
        return if ours.is_empty() { theirs.to_string() } else { ours.to_string() };
    }
    if theirs.contains(ours.trim()) {
        return theirs.to_string();
    }
    let ours = ours.trim_end_matches('\n');
    let theirs = theirs.trim_end_matches('\n');
    format!("{ours}\n\n{NOTE_SEPARATOR}\n{theirs}\n")
}

#[cfg(test)]
mod tests;
