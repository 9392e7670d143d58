//! What to do next, and why: pure functions of the roadmap, the progress and today's date.
//! The same input always gives the same output; every list is sorted by a total order.

pub mod evidence;
mod pace;
mod phases;
mod rank;
mod review;
mod view;
mod warnings;
pub(crate) mod words;

use crate::content::Roadmap;
use crate::progress::{Date, Progress};
use crate::schedule::Memo;

pub use evidence::{Evidence, evidence};
pub use pace::{Pace, PhasePace, pace};
pub use phases::current_phase;
pub use review::{memory, next_review, scheduler};

/// What a suggestion asks the learner to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuggestionKind {
    /// Keep going with a skill in progress.
    Continue,
    /// Start a skill whose prerequisites are met.
    Start,
    /// Build a phase's milestone project.
    Milestone,
    /// Look at a done skill again.
    Review,
}

impl SuggestionKind {
    /// The word scripts see: `continue`, `start`, `milestone`, `review`.
    pub fn name(self) -> &'static str {
        match self {
            SuggestionKind::Continue => "continue",
            SuggestionKind::Start => "start",
            SuggestionKind::Milestone => "milestone",
            SuggestionKind::Review => "review",
        }
    }
}

/// What a suggestion is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Index into `Roadmap::skills`.
    Skill(usize),
    /// Index into `Roadmap::phases`: that phase's milestone project.
    Milestone(usize),
}

impl Target {
    /// The id commands take: the skill's id, or the phase's id for a milestone.
    pub fn id(self, roadmap: &Roadmap) -> &str {
        match self {
            Target::Skill(skill) => &roadmap.skills[skill].id,
            Target::Milestone(phase) => &roadmap.phases[phase].id,
        }
    }

    /// What the learner reads: the skill's title, or the milestone's (the phase's if it has none).
    pub fn title(self, roadmap: &Roadmap) -> &str {
        match self {
            Target::Skill(skill) => &roadmap.skills[skill].title,
            Target::Milestone(phase) => {
                let phase = &roadmap.phases[phase];
                phase.milestone.as_ref().map_or(&phase.title, |m| &m.title)
            }
        }
    }
}

/// One next step, with the reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    pub target: Target,
    /// Short and factual ("unlocks 4 skills", "started 9 days ago"); fits a list row.
    pub reason: String,
}

/// Something worth knowing that blocks nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The skill it is about (index into `Roadmap::skills`), if it is about one.
    pub skill: Option<usize>,
    pub message: String,
}

/// Everything the learner should see about what to do next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Advice {
    /// Ranked: what is in progress, then milestones that are due, then skills to start.
    pub next: Vec<Suggestion>,
    /// Listed after the suggestions; never blocking.
    pub warnings: Vec<Warning>,
    /// Done skills to look at again: unticked checkpoints first, then those due by date.
    pub reviews: Vec<Suggestion>,
}

/// The next steps, the warnings and the reviews due for this progress on `today`.
pub fn advise(roadmap: &Roadmap, progress: &Progress, today: Date) -> Advice {
    advise_at_most(roadmap, progress, today, usize::MAX)
}

/// The same advice with at most `limit` next steps and `limit` reviews, the best ones (the
/// rest are never worded). Warnings are all there.
pub fn advise_at_most(roadmap: &Roadmap, progress: &Progress, today: Date, limit: usize) -> Advice {
    advise_remembering(roadmap, progress, today, Limits { steps: limit, reviews: limit }, &Memo::default())
}

/// How many next steps and how many reviews to work out and word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub steps: usize,
    pub reviews: usize,
}

/// The advice with at most `limits` steps and reviews, each review log replayed through
/// `memo`: only logs it has not seen are replayed, and it keeps their replays (see [`Memo`]).
/// The advice is the same either way.
pub fn advise_remembering(roadmap: &Roadmap, progress: &Progress, today: Date, limits: Limits, memo: &Memo) -> Advice {
    let view = view::View::new(roadmap, progress);
    Advice {
        next: rank::next(&view, today, limits.steps),
        warnings: warnings::warnings(&view, today),
        reviews: review::reviews(&view, today, limits.reviews, memo),
    }
}

#[cfg(test)]
mod tests;
