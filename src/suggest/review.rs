//! Reviews: done skills whose checkpoints are not all ticked, then done skills whose next
//! review has come by FSRS (`schedule`), oldest due first. Finishing a skill is its first
//! review; every quiz or review after it moves the schedule.

use crate::progress::{Date, Progress, SkillProgress, Status};
use crate::schedule::{Memo, Memory, Scheduler};

use super::view::View;
use super::words::days_ago;
use super::{Suggestion, SuggestionKind, Target};

/// The scheduler for this progress file's desired retention.
pub fn scheduler(progress: &Progress) -> Scheduler {
    Scheduler::with_retention(f64::from(progress.retention()))
}

/// When a done skill is next due, by its review log; `None` when it is not done.
pub fn next_review(progress: &Progress, id: &str) -> Option<Memory> {
    memory(&scheduler(progress), progress.get(id)?)
}

/// A done skill's memory by its review log, or `None` (not done, or never reviewed).
pub fn memory(scheduler: &Scheduler, record: &SkillProgress) -> Option<Memory> {
    if record.status != Status::Done {
        return None;
    }
    scheduler.replay(&record.reviews)
}

/// The reviews due, at most `limit` of them: ranked first, worded after (a long-running
/// learner has thousands of done skills, and a list shows a few).
pub(super) fn reviews(view: &View, today: Date, limit: usize, memo: &Memo) -> Vec<Suggestion> {
    if limit == 0 {
        // Asked for the steps or the warnings alone: no log needs replaying.
        return Vec::new();
    }
    let scheduler = scheduler(view.progress);
    // (phase, id, skill, open checkpoints) and (due date, phase, id, skill, last review).
    let mut unticked: Vec<(usize, &str, usize, usize)> = Vec::new();
    let mut scheduled: Vec<(usize, &SkillProgress)> = Vec::new();
    for (index, skill) in view.roadmap.skills.iter().enumerate() {
        let Some(record) = view.record(index).filter(|r| r.status == Status::Done) else { continue };
        let open = (0..skill.checkpoint_count).filter(|c| !record.checkpoints.contains(c)).count();
        if open > 0 && record.reviewed().is_none() {
            unticked.push((skill.phase, &skill.id, index, open));
        } else {
            scheduled.push((index, record));
        }
    }
    // Replaying every log is most of the work with thousands of done skills: on every core,
    // and only for logs the memo has not seen.
    let memories = crate::par::map(&scheduled, |&(_, record)| memo.replay(&scheduler, &record.reviews));
    let mut due: Vec<(Date, usize, &str, usize, Date)> = Vec::new();
    for (&(index, _), memory) in scheduled.iter().zip(memories) {
        if let Some(memory) = memory.filter(|m| m.is_due(today)) {
            let skill = &view.roadmap.skills[index];
            due.push((memory.due, skill.phase, &skill.id, index, memory.last_review));
        }
    }
    unticked.sort_unstable();
    due.sort_unstable();
    let review = |index, reason| Suggestion { kind: SuggestionKind::Review, target: Target::Skill(index), reason };
    let first = unticked.into_iter().map(|(_, _, index, open)| {
        let total = view.roadmap.skills[index].checkpoint_count;
        let reason = if total == 1 {
            "its checkpoint is not ticked yet".to_string()
        } else {
            format!("{open} of {total} checkpoints not ticked yet")
        };
        review(index, reason)
    });
    let then = due.into_iter().map(|(due, _, _, index, last)| {
        let when = match today.days_after(due) {
            0 => "due today".to_string(),
            late => format!("due {}", days_ago(late)),
        };
        review(index, format!("{when}; last recalled {}", days_ago(today.days_after(last))))
    });
    first.chain(then).take(limit).collect()
}
