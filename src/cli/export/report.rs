//! Everything `export` tells: the roadmap's phases and skills joined with the learner's
//! progress. The JSON export is this structure as it is; the Markdown report is written from
//! it. Field names are a public format (docs/export.md): rename nothing without bumping
//! `format_version`.

use serde::Serialize;

use crate::content::Roadmap;
use crate::progress::{Counts, Date, MilestoneProgress, Progress, SkillProgress, Status};

/// Bumped when a field is renamed, removed or changes meaning; new fields may appear without it.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report {
    pub format_version: u32,
    /// The day the report describes (today, or `ROADMAP_TODAY`).
    pub as_of: Date,
    pub roadmap: RoadmapInfo,
    /// Planned study hours per week, from the progress file.
    pub weekly_hours: Option<f32>,
    pub totals: Totals,
    pub phases: Vec<PhaseReport>,
    /// Progress kept for skill ids this roadmap does not have (renamed or removed skills).
    pub unmatched_skills: Vec<UnmatchedSkill>,
    /// Milestone progress kept for phase ids this roadmap does not have.
    pub unmatched_milestones: Vec<UnmatchedMilestone>,
}

#[derive(Debug, Serialize)]
pub struct RoadmapInfo {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
}

/// Counts over a set of skills (and the milestones of their phases).
#[derive(Debug, Default, Clone, Copy, PartialEq, Serialize)]
pub struct Totals {
    pub skills: usize,
    pub todo: usize,
    pub doing: usize,
    pub done: usize,
    pub skipped: usize,
    /// Done or skipped.
    pub complete: usize,
    /// `complete` as a whole percentage of `skills`, rounded down.
    pub percent: u8,
    pub checkpoints: usize,
    pub checkpoints_met: usize,
    /// The authors' estimates, summed.
    pub hours: f32,
    pub hours_done: f32,
    pub milestones: usize,
    pub milestones_done: usize,
    /// Skills whose checks all passed on the commands as they are now.
    pub verified: usize,
}

#[derive(Debug, Serialize)]
pub struct PhaseReport {
    pub id: String,
    pub title: String,
    pub goal: String,
    pub totals: Totals,
    pub milestone: Option<MilestoneReport>,
    pub skills: Vec<SkillReport>,
}

#[derive(Debug, Serialize)]
pub struct MilestoneReport {
    pub title: String,
    pub description: String,
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
    pub checks: Vec<CheckReport>,
    /// Every check passed.
    pub verified: bool,
}

/// One check and its last run on the command as it is now (`result` and `date` are `null`
/// when it has not run, or ran an older command).
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub title: String,
    pub result: Option<&'static str>,
    pub date: Option<Date>,
}

#[derive(Debug, Serialize)]
pub struct SkillReport {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub kind: &'static str,
    pub level: &'static str,
    pub hours: f32,
    pub tags: Vec<String>,
    /// Ids of the prerequisite skills.
    pub requires: Vec<String>,
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
    pub reviewed: Option<Date>,
    /// Marked done by answering every question of its quiz before starting it.
    pub tested_out: bool,
    /// Every recall of the skill, by date: finishing it, quizzes, reviews.
    pub reviews: Vec<ReviewReport>,
    /// When FSRS schedules the next review (done skills only).
    pub next_review: Option<Date>,
    pub checkpoints: Vec<CheckpointReport>,
    pub checkpoints_met: usize,
    pub checks: Vec<CheckReport>,
    /// Every check passed.
    pub verified: bool,
    /// The learner's note; `null` when there is none.
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ReviewReport {
    pub date: Date,
    pub grade: &'static str,
}

#[derive(Debug, Serialize)]
pub struct CheckpointReport {
    pub text: String,
    pub met: bool,
}

#[derive(Debug, Serialize)]
pub struct UnmatchedSkill {
    pub id: String,
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
    pub reviewed: Option<Date>,
    /// Indexes of the ticked checkpoints, as the progress file has them.
    pub ticked_checkpoints: Vec<usize>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct UnmatchedMilestone {
    pub phase: String,
    pub status: Status,
    pub started: Option<Date>,
    pub finished: Option<Date>,
}

pub fn build(roadmap: &Roadmap, progress: &Progress, as_of: Date) -> Report {
    let phases: Vec<PhaseReport> = roadmap
        .phases
        .iter()
        .enumerate()
        .map(|(index, phase)| {
            let skills: Vec<SkillReport> =
                roadmap.phases[index].skills.clone().map(|skill| skill_report(roadmap, progress, skill)).collect();
            let milestone = phase.milestone.as_ref().map(|m| {
                let record = progress.milestones.get(&phase.id).cloned().unwrap_or_default();
                MilestoneReport {
                    title: m.title.clone(),
                    description: m.description.clone(),
                    status: record.status,
                    started: record.started,
                    finished: record.finished,
                    checks: check_reports(roadmap, progress, crate::suggest::Target::Milestone(index)),
                    verified: crate::suggest::evidence(roadmap, progress, crate::suggest::Target::Milestone(index))
                        .verified(),
                }
            });
            let mut totals = totals(&skills);
            if let Some(milestone) = &milestone {
                totals.milestones = 1;
                totals.milestones_done = usize::from(milestone.status == Status::Done);
            }
            PhaseReport {
                id: phase.id.clone(),
                title: phase.title.clone(),
                goal: phase.goal.clone(),
                totals,
                milestone,
                skills,
            }
        })
        .collect();
    let all: Vec<&SkillReport> = phases.iter().flat_map(|p| &p.skills).collect();
    let mut overall = totals(all.iter().copied());
    overall.milestones = phases.iter().map(|p| p.totals.milestones).sum();
    overall.milestones_done = phases.iter().map(|p| p.totals.milestones_done).sum();
    let unmatched_skills = progress
        .skills
        .iter()
        .filter(|(id, _)| roadmap.index_of(id).is_none())
        .map(|(id, record)| unmatched_skill(id, record))
        .collect();
    let unmatched_milestones = progress
        .milestones
        .iter()
        .filter(|(phase, _)| !roadmap.phases.iter().any(|p| &p.id == *phase))
        .map(|(phase, record)| unmatched_milestone(phase, record))
        .collect();
    Report {
        format_version: FORMAT_VERSION,
        as_of,
        roadmap: RoadmapInfo {
            id: roadmap.id.clone(),
            title: roadmap.title.clone(),
            summary: roadmap.summary.clone(),
            audience: roadmap.audience.clone(),
        },
        weekly_hours: progress.weekly_hours,
        totals: overall,
        phases,
        unmatched_skills,
        unmatched_milestones,
    }
}

fn skill_report(roadmap: &Roadmap, progress: &Progress, index: usize) -> SkillReport {
    let (skill, page) = (&roadmap.skills[index], roadmap.page(index));
    let record = progress.get(&skill.id).cloned().unwrap_or_default();
    let checkpoints: Vec<CheckpointReport> = page
        .checkpoints
        .iter()
        .enumerate()
        .map(|(i, text)| CheckpointReport { text: text.clone(), met: record.checkpoints.contains(&i) })
        .collect();
    let target = crate::suggest::Target::Skill(index);
    SkillReport {
        tested_out: record.tested_out,
        reviews: record.reviews.iter().map(|r| ReviewReport { date: r.date, grade: r.grade.name() }).collect(),
        next_review: crate::suggest::next_review(progress, &skill.id).map(|m| m.due),
        checks: check_reports(roadmap, progress, target),
        verified: crate::suggest::evidence(roadmap, progress, target).verified(),
        id: skill.id.clone(),
        title: skill.title.clone(),
        summary: page.summary.clone(),
        kind: skill.kind.name(),
        level: skill.level.name(),
        hours: skill.hours,
        tags: page.tags.clone(),
        requires: skill.requires.iter().map(|&r| roadmap.skills[r].id.clone()).collect(),
        status: record.status,
        started: record.started,
        finished: record.finished,
        reviewed: record.reviewed(),
        checkpoints_met: checkpoints.iter().filter(|c| c.met).count(),
        checkpoints,
        note: Some(record.note).filter(|note| !note.trim().is_empty()),
    }
}

fn check_reports(roadmap: &Roadmap, progress: &Progress, target: crate::suggest::Target) -> Vec<CheckReport> {
    use crate::suggest::evidence;
    let records = evidence::records(roadmap, progress, target);
    evidence::checks(roadmap, target)
        .iter()
        .enumerate()
        .map(|(i, check)| {
            let record = evidence::current(check, i + 1, records);
            CheckReport {
                title: check.title.clone(),
                result: record.map(|r| r.result.name()),
                date: record.map(|r| r.date),
            }
        })
        .collect()
}

fn totals<'a>(skills: impl IntoIterator<Item = &'a SkillReport>) -> Totals {
    let skills: Vec<&SkillReport> = skills.into_iter().collect();
    let counts = Counts::of(skills.iter().map(|s| s.status));
    let done = || skills.iter().filter(|s| s.status == Status::Done);
    Totals {
        skills: counts.total,
        todo: counts.todo,
        doing: counts.doing,
        done: counts.done,
        skipped: counts.skipped,
        complete: counts.complete(),
        percent: counts.percent(),
        checkpoints: skills.iter().map(|s| s.checkpoints.len()).sum(),
        checkpoints_met: skills.iter().map(|s| s.checkpoints_met).sum(),
        // A fold from +0.0: an empty `sum()` of floats is -0.0, which JSON would show.
        hours: skills.iter().fold(0.0, |sum, s| sum + s.hours),
        hours_done: done().fold(0.0, |sum, s| sum + s.hours),
        milestones: 0,
        milestones_done: 0,
        verified: skills.iter().filter(|s| s.verified).count(),
    }
}

fn unmatched_skill(id: &str, record: &SkillProgress) -> UnmatchedSkill {
    UnmatchedSkill {
        id: id.to_string(),
        status: record.status,
        started: record.started,
        finished: record.finished,
        reviewed: record.reviewed(),
        ticked_checkpoints: record.checkpoints.iter().copied().collect(),
        note: Some(record.note.clone()).filter(|note| !note.trim().is_empty()),
    }
}

fn unmatched_milestone(phase: &str, record: &MilestoneProgress) -> UnmatchedMilestone {
    UnmatchedMilestone {
        phase: phase.to_string(),
        status: record.status,
        started: record.started,
        finished: record.finished,
    }
}
