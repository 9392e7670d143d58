//! What to do next, and why: pure functions of the roadmap, the progress and today's date.

use crate::content::Roadmap;
use crate::progress::{Date, Progress, Status};

/// What a suggestion asks the learner to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    /// Keep going with a skill in progress.
    Continue,
    /// Start a skill whose prerequisites are met.
    Start,
}

/// One next step, with the reason in plain words.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    /// Index into `Roadmap::skills`.
    pub skill: usize,
    pub reason: String,
}

/// In-progress skills (oldest start first), then skills whose prerequisites are all done or
/// skipped, in roadmap order.
pub fn next_steps(roadmap: &Roadmap, progress: &Progress, today: Date) -> Vec<Suggestion> {
    let mut doing: Vec<(Option<Date>, usize)> = (0..roadmap.skills.len())
        .filter(|&i| progress.status(&roadmap.skills[i].id) == Status::Doing)
        .map(|i| (progress.get(&roadmap.skills[i].id).and_then(|p| p.started), i))
        .collect();
    doing.sort();
    let mut steps: Vec<Suggestion> = doing
        .into_iter()
        .map(|(started, skill)| Suggestion {
            kind: SuggestionKind::Continue,
            skill,
            reason: match started {
                Some(date) => format!("in progress since {date} ({})", days_ago(today.days_after(date))),
                None => "in progress".to_string(),
            },
        })
        .collect();
    steps.extend(
        (0..roadmap.skills.len())
            .filter(|&i| {
                progress.status(&roadmap.skills[i].id) == Status::Todo && progress.prerequisites_met(roadmap, i)
            })
            .map(|skill| Suggestion { kind: SuggestionKind::Start, skill, reason: start_reason(roadmap, skill) }),
    );
    steps
}

fn start_reason(roadmap: &Roadmap, skill: usize) -> String {
    let phase = &roadmap.phases[roadmap.skills[skill].phase].title;
    match roadmap.skills[skill].requires.len() {
        0 => format!("a starting point of {phase}"),
        1 => "its prerequisite is done".to_string(),
        n => format!("all {n} prerequisites are done"),
    }
}

fn days_ago(days: i64) -> String {
    match days {
        i64::MIN..=0 => "today".to_string(),
        1 => "1 day ago".to_string(),
        n => format!("{n} days ago"),
    }
}
