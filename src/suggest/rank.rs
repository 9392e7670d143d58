//! The ranked next steps: what is in progress, milestones that are due, then skills that can
//! be started now, best first.

use std::cmp::Reverse;

use crate::content::{Level, Roadmap};
use crate::progress::{Date, Progress, Status};

use super::phases::{core_can_move, current_phase, milestone_ready};
use super::words::{count, days_ago};
use super::{Suggestion, SuggestionKind, Target};

pub(super) fn next(roadmap: &Roadmap, progress: &Progress, today: Date) -> Vec<Suggestion> {
    let mut next = continuing(roadmap, progress, today);
    next.extend(milestones(roadmap, progress, today));
    next.extend(starts(roadmap, progress));
    next
}

/// Skills in progress, oldest start first (an unknown start last), then by phase and id.
fn continuing(roadmap: &Roadmap, progress: &Progress, today: Date) -> Vec<Suggestion> {
    let mut doing: Vec<(bool, Option<Date>, usize, &str, usize)> = roadmap
        .skills
        .iter()
        .enumerate()
        .filter(|(_, s)| progress.status(&s.id) == Status::Doing)
        .map(|(i, s)| {
            let started = progress.get(&s.id).and_then(|p| p.started);
            (started.is_none(), started, s.phase, s.id.as_str(), i)
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
fn milestones(roadmap: &Roadmap, progress: &Progress, today: Date) -> Vec<Suggestion> {
    let mut due = Vec::new();
    for (index, phase) in roadmap.phases.iter().enumerate() {
        if phase.milestone.is_none() {
            continue;
        }
        let reason = match progress.milestone_status(&phase.id) {
            Status::Done | Status::Skipped => None,
            Status::Doing => {
                let started = progress.milestones.get(&phase.id).and_then(|m| m.started);
                Some(started_reason(started, today))
            }
            Status::Todo => milestone_ready(roadmap, progress, index),
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
fn starts(roadmap: &Roadmap, progress: &Progress) -> Vec<Suggestion> {
    let current = current_phase(roadmap, progress);
    let held_back = current.filter(|&phase| core_can_move(roadmap, progress, phase));
    let mut ready: Vec<usize> = (0..roadmap.skills.len())
        .filter(|&i| {
            let skill = &roadmap.skills[i];
            progress.status(&skill.id) == Status::Todo
                && progress.prerequisites_met(roadmap, i)
                && held_back.is_none_or(|phase| skill.phase <= phase)
        })
        .collect();
    ready.sort_by_key(|&i| {
        let skill = &roadmap.skills[i];
        let ahead = current.is_some_and(|phase| skill.phase > phase);
        (ahead, skill.level, Reverse(roadmap.unlocks(i).len()), skill.phase, skill.id.as_str())
    });
    ready
        .into_iter()
        .map(|skill| Suggestion {
            kind: SuggestionKind::Start,
            target: Target::Skill(skill),
            reason: start_reason(roadmap, progress, skill),
        })
        .collect()
}

/// `a starting point, nothing to learn first; unlocks 4 skills`, `Git basics is done`,
/// `its 3 prerequisites are done; optional stretch skill`.
fn start_reason(roadmap: &Roadmap, progress: &Progress, index: usize) -> String {
    let skill = &roadmap.skills[index];
    let mut parts = vec![match skill.requires.as_slice() {
        [] => "a starting point, nothing to learn first".to_string(),
        [only] => {
            let required = &roadmap.skills[*only];
            match progress.status(&required.id) {
                Status::Skipped => format!("{} was skipped", required.title),
                _ => format!("{} is done", required.title),
            }
        }
        all => {
            let skipped = all.iter().any(|&r| progress.status(&roadmap.skills[r].id) == Status::Skipped);
            let done = if skipped { "done or skipped" } else { "done" };
            format!("its {} prerequisites are {done}", all.len())
        }
    }];
    let unlocks = roadmap.unlocks(index).len();
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
