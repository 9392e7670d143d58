//! Reviews: done skills whose checkpoints are not all ticked, then done skills due again 7,
//! 30 and 90 days after finishing. A review moves the schedule to its next step.

use crate::progress::{Date, SkillProgress, Status};

use super::view::View;
use super::words::days_ago;
use super::{Suggestion, SuggestionKind, Target};

/// Days after finishing a skill when it is due for review.
pub const REVIEW_STEPS: [i64; 3] = [7, 30, 90];

/// A done skill's next scheduled review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewDue {
    /// The step of `REVIEW_STEPS`: days after finishing.
    pub after_days: i64,
    pub date: Date,
}

/// The next review of a done skill, or `None` (not done, no finish date, or every step
/// reviewed). A review covers the latest step due when it was made, or the first step if it
/// came early, so each review moves the schedule on by at least one step.
pub fn next_review(record: &SkillProgress) -> Option<ReviewDue> {
    let finished = record.finished.filter(|_| record.status == Status::Done)?;
    let next_step = match reviewed_since(record, finished) {
        None => 0,
        Some(reviewed) => {
            let reached = REVIEW_STEPS.iter().filter(|&&days| finished.add_days(days) <= reviewed).count();
            reached.max(1)
        }
    };
    let after_days = *REVIEW_STEPS.get(next_step)?;
    Some(ReviewDue { after_days, date: finished.add_days(after_days) })
}

/// The last review, if it came after finishing (an older one belongs to an earlier round).
fn reviewed_since(record: &SkillProgress, finished: Date) -> Option<Date> {
    record.reviewed().filter(|&reviewed| reviewed >= finished)
}

/// The reviews due, at most `limit` of them: ranked first, worded after (a long-running
/// learner has thousands of done skills, and a list shows a few).
pub(super) fn reviews(view: &View, today: Date, limit: usize) -> Vec<Suggestion> {
    // (phase, id, skill, open checkpoints) and (due date, phase, id, skill, finished, step).
    let mut unticked: Vec<(usize, &str, usize, usize)> = Vec::new();
    let mut due: Vec<(Date, usize, &str, usize, Date, i64)> = Vec::new();
    for (index, skill) in view.roadmap.skills.iter().enumerate() {
        let Some(record) = view.record(index).filter(|r| r.status == Status::Done) else { continue };
        let open = (0..skill.checkpoint_count).filter(|c| !record.checkpoints.contains(c)).count();
        let reviewed = match record.finished {
            Some(finished) => reviewed_since(record, finished).is_some(),
            None => record.reviewed().is_some(),
        };
        if open > 0 && !reviewed {
            unticked.push((skill.phase, &skill.id, index, open));
            continue;
        }
        if let (Some(next), Some(finished)) = (next_review(record), record.finished)
            && next.date <= today
        {
            // Steps passed without a review are not owed one by one: name the latest due one,
            // which is also the one a review now covers.
            let step = REVIEW_STEPS
                .iter()
                .rev()
                .find(|&&days| days >= next.after_days && finished.add_days(days) <= today)
                .copied()
                .unwrap_or(next.after_days);
            due.push((next.date, skill.phase, &skill.id, index, finished, step));
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
    let then = due.into_iter().map(|(_, _, _, index, finished, step)| {
        review(index, format!("done {}, time for the {step}-day review", days_ago(today.days_after(finished))))
    });
    first.chain(then).take(limit).collect()
}
