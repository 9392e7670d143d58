//! Where the learner stands by phase: the current phase, and when a milestone becomes due.

use crate::content::Roadmap;
use crate::progress::{Progress, Status};

use super::view::View;
use super::words::{count, is_are};

/// The phase to work in: the earliest one with a core skill still open. `None` once every
/// core skill is done or skipped.
pub fn current_phase(roadmap: &Roadmap, progress: &Progress) -> Option<usize> {
    current(&View::new(roadmap, progress))
}

pub(super) fn current(view: &View) -> Option<usize> {
    (0..view.roadmap.phases.len()).find(|&phase| open_core(view, phase) > 0)
}

/// How many core skills of a phase are still open.
pub(super) fn open_core(view: &View, phase: usize) -> usize {
    view.phase_skills(phase).filter(|&s| view.is_core(s) && view.is_open(s)).count()
}

/// Whether the phase's core can move forward now: one of its open core skills is in progress
/// or has every prerequisite met.
pub(super) fn core_can_move(view: &View, phase: usize) -> bool {
    view.phase_skills(phase).any(|i| {
        view.is_core(i)
            && match view.status(i) {
                Status::Doing => true,
                Status::Todo => view.prerequisites_met(i),
                Status::Done | Status::Skipped => false,
            }
    })
}

/// Why a phase's milestone is due, or `None` while it is not: all its core skills are done or
/// skipped (all its skills, for a phase without core skills), and no earlier phase has core
/// skills open, since building a later phase's project first is working ahead.
pub(super) fn milestone_ready(view: &View, current: Option<usize>, phase: usize) -> Option<String> {
    if current.is_some_and(|current| current < phase) {
        return None;
    }
    let title = &view.roadmap.phases[phase].title;
    let skills: Vec<usize> = view.phase_skills(phase).collect();
    if skills.is_empty() {
        return Some("the core skills before it are done".to_string());
    }
    let core: Vec<usize> = skills.iter().copied().filter(|&s| view.is_core(s)).collect();
    let (gate, which) = if core.is_empty() { (skills, "skills") } else { (core, "core skills") };
    if gate.iter().any(|&s| view.is_open(s)) {
        return None;
    }
    let skipped = gate.iter().any(|&s| view.status(s) == Status::Skipped);
    let done = if skipped { "done or skipped" } else { "done" };
    let all = if gate.len() == 1 { format!("the only {}", &which[..which.len() - 1]) } else { format!("all {which}") };
    Some(format!("{all} of {title} {} {done}", is_are(gate.len())))
}

/// `5 core skills of Foundations are open`.
pub(super) fn open_core_words(view: &View, phase: usize) -> String {
    let open = open_core(view, phase);
    format!("{} of {} {} open", count(open, "core skill"), view.roadmap.phases[phase].title, is_are(open))
}
