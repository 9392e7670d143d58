//! What the learner's checks say about a skill or a milestone: the last run of each check,
//! counted only when it ran the command the roadmap has now (a changed command makes an old
//! result stale). A skill or milestone whose checks all passed is *verified*.

use crate::content::{Check, Roadmap};
use crate::progress::{CheckRecord, CheckRecords, CheckResult, Progress};

use super::Target;

/// The checks of a skill or of a phase's milestone.
pub fn checks(roadmap: &Roadmap, target: Target) -> &[Check] {
    match target {
        Target::Skill(skill) => &roadmap.skills[skill].checks,
        Target::Milestone(phase) => roadmap.phases[phase].milestone.as_ref().map_or(&[], |m| &m.checks),
    }
}

/// The recorded runs of a skill's or milestone's checks.
pub fn records<'p>(roadmap: &Roadmap, progress: &'p Progress, target: Target) -> Option<&'p CheckRecords> {
    match target {
        Target::Skill(skill) => progress.get(&roadmap.skills[skill].id).map(|r| &r.checks),
        Target::Milestone(phase) => progress.milestones.get(&roadmap.phases[phase].id).map(|m| &m.checks),
    }
}

/// The last run of check `number` (from 1) when it ran the command as it is now.
pub fn current<'p>(check: &Check, number: usize, records: Option<&'p CheckRecords>) -> Option<&'p CheckRecord> {
    records?.get(&number).filter(|record| record.digest == crate::checks::digest(&check.run))
}

/// How a skill's or milestone's checks stand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub total: usize,
    pub passed: usize,
    pub failed: usize,
    pub cannot: usize,
}

impl Evidence {
    /// Every check passed (and there is at least one).
    pub fn verified(&self) -> bool {
        self.total > 0 && self.passed == self.total
    }

    /// Checks never run on the current commands.
    pub fn not_run(&self) -> usize {
        self.total - self.passed - self.failed - self.cannot
    }
}

pub fn evidence(roadmap: &Roadmap, progress: &Progress, target: Target) -> Evidence {
    let checks = checks(roadmap, target);
    let records = records(roadmap, progress, target);
    let mut evidence = Evidence { total: checks.len(), ..Evidence::default() };
    for (i, check) in checks.iter().enumerate() {
        match current(check, i + 1, records).map(|r| r.result) {
            Some(CheckResult::Pass) => evidence.passed += 1,
            Some(CheckResult::Fail) => evidence.failed += 1,
            Some(CheckResult::Cannot) => evidence.cannot += 1,
            None => {}
        }
    }
    evidence
}
