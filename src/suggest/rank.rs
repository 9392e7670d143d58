//! The ranked next steps: what is in progress, milestones that are due, then skills that can
//! be started now, best first.

use std::cmp::Reverse;

use crate::content::Level;
use crate::progress::{Date, Status};

use super::phases::{core_can_move, current, milestone_ready};
use super::view::View;
use super::words::{count, days_ago};
use super::{Suggestion, SuggestionKind, Target};

/// At most `limit` next steps, ranked first and worded after.
pub(super) fn next(view: &View, today: Date, limit: usize) -> Vec<Suggestion> {
    let current = current(view);
    let mut next = continuing(view, today);
    next.extend(milestones(view, current, today));
    next.truncate(limit);
    next.extend(starts(view, current, limit - next.len()));
    next
}

/// Skills in progress, oldest start first (an unknown start last), then by phase and id.
fn continuing(view: &View, today: Date) -> Vec<Suggestion> {
    let skills = &view.roadmap.skills;
    let mut doing: Vec<(bool, Option<Date>, usize, &str, usize)> = (0..skills.len())
        .filter(|&i| view.status(i) == Status::Doing)
        .map(|i| {
            let started = view.record(i).and_then(|p| p.started);
            (started.is_none(), started, skills[i].phase, skills[i].id.as_str(), i)
        })
        .collect();
    doing.sort();
    doing
        .into_iter()
        .map(|(_, started, _, _, skill)| Suggestion {
            kind: SuggestionKind::Continue,
            target: Target::Skill(skill),
            reason: started_reason(started, today),
        })
        .collect()
}

fn started_reason(started: Option<Date>, today: Date) -> String {
    match started {
        Some(date) => format!("started {}", days_ago(today.days_after(date))),
        None => "in progress".to_string(),
    }
}

/// Milestones in progress, or due because their phase's core is complete, in phase order,
/// until the learner marks them done.
fn milestones(view: &View, current: Option<usize>, today: Date) -> Vec<Suggestion> {
    let mut due = Vec::new();
    for (index, phase) in view.roadmap.phases.iter().enumerate() {
        if phase.milestone.is_none() {
            continue;
        }
        let reason = match view.progress.milestone_status(&phase.id) {
            Status::Done | Status::Skipped => None,
            Status::Doing => {
                let started = view.progress.milestones.get(&phase.id).and_then(|m| m.started);
                Some(started_reason(started, today))
            }
            Status::Todo => milestone_ready(view, current, index),
        };
        if let Some(reason) = reason {
            due.push(Suggestion { kind: SuggestionKind::Milestone, target: Target::Milestone(index), reason });
        }
    }
    due
}

/// Skills to start: every prerequisite done or skipped. The current phase's core comes first,
/// then core before stretch before deep, then the skill that unlocks the most, then phase
/// order and id. Later phases wait while the current phase's core can move forward, so
/// following the list never means working ahead.
fn starts(view: &View, current: Option<usize>, limit: usize) -> Vec<Suggestion> {
    let (roadmap, skills) = (view.roadmap, &view.roadmap.skills);
    let held_back = current.filter(|&phase| core_can_move(view, phase));
    let mut ready: Vec<usize> = (0..skills.len())
        .filter(|&i| {
            view.status(i) == Status::Todo
                && view.prerequisites_met(i)
                && held_back.is_none_or(|phase| skills[i].phase <= phase)
        })
        .collect();
    ready.sort_by_key(|&i| {
        let skill = &skills[i];
        let ahead = current.is_some_and(|phase| skill.phase > phase);
        (ahead, skill.level, Reverse(roadmap.unlocks(i).len()), skill.phase, skill.id.as_str())
    });
    ready
        .into_iter()
        .take(limit)
        .map(|skill| Suggestion {
            kind: SuggestionKind::Start,
            target: Target::Skill(skill),
            reason: start_reason(view, skill),
        })
        .collect()
}

/// `a starting point, nothing to learn first; unlocks 4 skills`, `Git basics is done`,
/// `its 3 prerequisites are done; optional stretch skill`.
fn start_reason(view: &View, index: usize) -> String {
    let skills = &view.roadmap.skills;
    let skill = &skills[index];
    let mut parts = vec![match skill.requires.as_slice() {
        [] => "a starting point, nothing to learn first".to_string(),
        [only] => match view.status(*only) {
            Status::Skipped => format!("{} was skipped", skills[*only].title),
            _ => format!("{} is done", skills[*only].title),
        },
        all => {
            let skipped = all.iter().any(|&r| view.status(r) == Status::Skipped);
            let done = if skipped { "done or skipped" } else { "done" };
            format!("its {} prerequisites are {done}", all.len())
        }
    }];
    let unlocks = view.roadmap.unlocks(index).len();
    if unlocks > 0 {
        parts.push(format!("unlocks {}", count(unlocks, "skill")));
    }
    match skill.level {
        Level::Core => {}
        Level::Stretch => parts.push("optional stretch skill".to_string()),
        Level::Deep => parts.push("optional deep dive".to_string()),
    }
    parts.join("; ")
}
