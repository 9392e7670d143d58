//! Warnings, never blocks: done before a prerequisite, working ahead of the current phase's
//! core, and skills left in progress for weeks.

use crate::content::Roadmap;
use crate::progress::{Date, Progress, Status};

use super::Warning;
use super::phases::{current_phase, is_open, open_core_words};
use super::words::{and_list, count, is_are};

/// A skill in progress for more days than this is worth a word.
const STALE_AFTER_DAYS: i64 = 30;

pub(super) fn warnings(roadmap: &Roadmap, progress: &Progress, today: Date) -> Vec<Warning> {
    let mut warnings = done_before_prerequisites(roadmap, progress);
    warnings.extend(working_ahead(roadmap, progress));
    warnings.extend(stale(roadmap, progress, today));
    warnings
}

/// Done skills with a prerequisite still open, naming both; by phase, then id.
fn done_before_prerequisites(roadmap: &Roadmap, progress: &Progress) -> Vec<Warning> {
    let mut found: Vec<(usize, &str, Warning)> = Vec::new();
    for (index, skill) in roadmap.skills.iter().enumerate() {
        if progress.status(&skill.id) != Status::Done {
            continue;
        }
        let open: Vec<&str> = skill
            .requires
            .iter()
            .map(|&r| &roadmap.skills[r])
            .filter(|r| is_open(progress, r))
            .map(|r| r.title.as_str())
            .collect();
        if open.is_empty() {
            continue;
        }
        let noun = if open.len() == 1 { "prerequisite" } else { "prerequisites" };
        let message = format!("{} is done but its {noun} {} {} not", skill.title, and_list(&open), is_are(open.len()));
        found.push((skill.phase, &skill.id, Warning { skill: Some(index), message }));
    }
    found.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    found.into_iter().map(|(_, _, warning)| warning).collect()
}

/// One warning per later phase with skills in progress or done while the current phase still
/// has open core skills.
fn working_ahead(roadmap: &Roadmap, progress: &Progress) -> Vec<Warning> {
    let Some(current) = current_phase(roadmap, progress) else { return Vec::new() };
    (current + 1..roadmap.phases.len())
        .filter_map(|later| {
            let begun = roadmap
                .phase_skills(later)
                .iter()
                .filter(|s| matches!(progress.status(&s.id), Status::Doing | Status::Done))
                .count();
            (begun > 0).then(|| Warning {
                skill: None,
                message: format!(
                    "working ahead: {} of {} begun while {}",
                    count(begun, "skill"),
                    roadmap.phases[later].title,
                    open_core_words(roadmap, progress, current)
                ),
            })
        })
        .collect()
}

/// Skills in progress for more than `STALE_AFTER_DAYS`, oldest first.
fn stale(roadmap: &Roadmap, progress: &Progress, today: Date) -> Vec<Warning> {
    let mut found: Vec<(Date, usize, &str, usize, i64)> = roadmap
        .skills
        .iter()
        .enumerate()
        .filter(|(_, s)| progress.status(&s.id) == Status::Doing)
        .filter_map(|(i, s)| {
            let started = progress.get(&s.id)?.started?;
            let days = today.days_after(started);
            (days > STALE_AFTER_DAYS).then_some((started, s.phase, s.id.as_str(), i, days))
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|(_, _, _, index, days)| Warning {
            skill: Some(index),
            message: format!("{} has been in progress for {days} days", roadmap.skills[index].title),
        })
        .collect()
}
