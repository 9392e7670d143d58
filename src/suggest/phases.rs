//! Where the learner stands by phase: the current phase, and when a milestone becomes due.

use crate::content::{Level, Roadmap, Skill};
use crate::progress::{Progress, Status};

use super::words::{count, is_are};

/// Neither done nor skipped: still to learn.
pub(super) fn is_open(progress: &Progress, skill: &Skill) -> bool {
    !progress.status(&skill.id).is_complete()
}

/// The phase to work in: the earliest one with a core skill still open. `None` once every
/// core skill is done or skipped.
pub fn current_phase(roadmap: &Roadmap, progress: &Progress) -> Option<usize> {
    (0..roadmap.phases.len()).find(|&phase| open_core(roadmap, progress, phase) > 0)
}

/// How many core skills of a phase are still open.
pub(super) fn open_core(roadmap: &Roadmap, progress: &Progress, phase: usize) -> usize {
    roadmap.phase_skills(phase).iter().filter(|s| s.level == Level::Core && is_open(progress, s)).count()
}

/// Whether the phase's core can move forward now: one of its open core skills is in progress
/// or has every prerequisite met.
pub(super) fn core_can_move(roadmap: &Roadmap, progress: &Progress, phase: usize) -> bool {
    roadmap.phases[phase].skills.clone().any(|i| {
        let skill = &roadmap.skills[i];
        skill.level == Level::Core
            && match progress.status(&skill.id) {
                Status::Doing => true,
                Status::Todo => progress.prerequisites_met(roadmap, i),
                Status::Done | Status::Skipped => false,
            }
    })
}

/// Why a phase's milestone is due, or `None` while it is not: all its core skills are done or
/// skipped (all its skills, for a phase without core skills), and no earlier phase has core
/// skills open, since building a later phase's project first is working ahead.
pub(super) fn milestone_ready(roadmap: &Roadmap, progress: &Progress, phase: usize) -> Option<String> {
    if current_phase(roadmap, progress).is_some_and(|current| current < phase) {
        return None;
    }
    let title = &roadmap.phases[phase].title;
    let skills = roadmap.phase_skills(phase);
    if skills.is_empty() {
        return Some("the core skills before it are done".to_string());
    }
    let core: Vec<&Skill> = skills.iter().filter(|s| s.level == Level::Core).collect();
    let (gate, which) = if core.is_empty() { (skills.iter().collect(), "skills") } else { (core, "core skills") };
    if gate.iter().any(|s| is_open(progress, s)) {
        return None;
    }
    let skipped = gate.iter().any(|s| progress.status(&s.id) == Status::Skipped);
    let done = if skipped { "done or skipped" } else { "done" };
    let all = if gate.len() == 1 { format!("the only {}", &which[..which.len() - 1]) } else { format!("all {which}") };
    Some(format!("{all} of {title} {} {done}", is_are(gate.len())))
}

/// `5 core skills of Foundations are open`.
pub(super) fn open_core_words(roadmap: &Roadmap, progress: &Progress, phase: usize) -> String {
    let open = open_core(roadmap, progress, phase);
    format!("{} of {} {} open", count(open, "core skill"), roadmap.phases[phase].title, is_are(open))
}
