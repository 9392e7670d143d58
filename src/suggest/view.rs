//! What every rule of the engine reads: the roadmap, and each skill's record looked up once
//! by index, so the many passes over thousands of skills never search by id.

use crate::content::{Level, Roadmap};
use crate::progress::{Progress, SkillProgress, Status};

pub(super) struct View<'a> {
    pub roadmap: &'a Roadmap,
    pub progress: &'a Progress,
    /// By skill index.
    records: Vec<Option<&'a SkillProgress>>,
}

impl<'a> View<'a> {
    pub fn new(roadmap: &'a Roadmap, progress: &'a Progress) -> View<'a> {
        let mut records = vec![None; roadmap.skills.len()];
        for (id, record) in &progress.skills {
            if let Some(index) = roadmap.index_of(id) {
                records[index] = Some(record);
            }
        }
        View { roadmap, progress, records }
    }

    pub fn record(&self, skill: usize) -> Option<&'a SkillProgress> {
        self.records[skill]
    }

    pub fn status(&self, skill: usize) -> Status {
        self.records[skill].map_or(Status::Todo, |r| r.status)
    }

    /// Neither done nor skipped: still to learn.
    pub fn is_open(&self, skill: usize) -> bool {
        !self.status(skill).is_complete()
    }

    /// Whether every prerequisite is done or skipped.
    pub fn prerequisites_met(&self, skill: usize) -> bool {
        self.roadmap.skills[skill].requires.iter().all(|&r| !self.is_open(r))
    }

    /// The skills of a phase, by index.
    pub fn phase_skills(&self, phase: usize) -> std::ops::Range<usize> {
        self.roadmap.phases[phase].skills.clone()
    }

    pub fn is_core(&self, skill: usize) -> bool {
        self.roadmap.skills[skill].level == Level::Core
    }
}
