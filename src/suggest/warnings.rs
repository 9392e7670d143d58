//! Warnings, never blocks: done before a prerequisite, working ahead of the current phase's
//! core, and skills left in progress for weeks.

use crate::progress::{Date, Status};

use super::Warning;
use super::phases::{current, open_core_words};
use super::view::View;
use super::words::{and_list, count, is_are};

/// A skill in progress for more days than this is worth a word.
const STALE_AFTER_DAYS: i64 = 30;

pub(super) fn warnings(view: &View, today: Date) -> Vec<Warning> {
    let mut warnings = done_before_prerequisites(view);
    warnings.extend(done_while_checks_fail(view));
    warnings.extend(working_ahead(view));
    warnings.extend(stale(view, today));
    warnings
}

/// Done skills whose last run of a check (on the command as it is now) failed.
fn done_while_checks_fail(view: &View) -> Vec<Warning> {
    use super::evidence::{checks, current, records};
    let mut found = Vec::new();
    for (index, skill) in view.roadmap.skills.iter().enumerate() {
        if skill.checks.is_empty() || view.status(index) != Status::Done {
            continue;
        }
        let target = super::Target::Skill(index);
        let records = records(view.roadmap, view.progress, target);
        let failed = checks(view.roadmap, target).iter().enumerate().find_map(|(i, check)| {
            let record = current(check, i + 1, records)?;
            (record.result == crate::progress::CheckResult::Fail).then_some((check, record.date))
        });
        if let Some((check, date)) = failed {
            let message =
                format!("{} is done but its check \u{201c}{}\u{201d} failed on {date}", skill.title, check.title);
            found.push((skill.phase, &skill.id, Warning { skill: Some(index), message }));
        }
    }
    found.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    found.into_iter().map(|(_, _, warning)| warning).collect()
}

/// Done skills with a prerequisite still open, naming both; by phase, then id.
fn done_before_prerequisites(view: &View) -> Vec<Warning> {
    let skills = &view.roadmap.skills;
    let mut found: Vec<(usize, &str, Warning)> = Vec::new();
    for (index, skill) in skills.iter().enumerate() {
        if view.status(index) != Status::Done {
            continue;
        }
        let open: Vec<&str> =
            skill.requires.iter().filter(|&&r| view.is_open(r)).map(|&r| skills[r].title.as_str()).collect();
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
fn working_ahead(view: &View) -> Vec<Warning> {
    let Some(current) = current(view) else { return Vec::new() };
    (current + 1..view.roadmap.phases.len())
        .filter_map(|later| {
            let begun =
                view.phase_skills(later).filter(|&s| matches!(view.status(s), Status::Doing | Status::Done)).count();
            (begun > 0).then(|| Warning {
                skill: None,
                message: format!(
                    "working ahead: {} of {} begun while {}",
                    count(begun, "skill"),
                    view.roadmap.phases[later].title,
                    open_core_words(view, current)
                ),
            })
        })
        .collect()
}

/// Skills in progress for more than `STALE_AFTER_DAYS`, oldest first.
fn stale(view: &View, today: Date) -> Vec<Warning> {
    let skills = &view.roadmap.skills;
    let mut found: Vec<(Date, usize, &str, usize, i64)> = (0..skills.len())
        .filter(|&i| view.status(i) == Status::Doing)
        .filter_map(|i| {
            let started = view.record(i)?.started?;
            let days = today.days_after(started);
            (days > STALE_AFTER_DAYS).then_some((started, skills[i].phase, skills[i].id.as_str(), i, days))
        })
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|(_, _, _, index, days)| Warning {
            skill: Some(index),
            message: format!("{} has been in progress for {days} days", skills[index].title),
        })
        .collect()
}
