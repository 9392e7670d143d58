//! Pace: from the hours left and the learner's weekly hours, when each phase (one after the
//! other, in order) and the core path would be finished.

use crate::content::Roadmap;
use crate::progress::{Date, Progress};

use super::view::View;

/// One phase's projection.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhasePace {
    /// Index into `Roadmap::phases`.
    pub phase: usize,
    /// Hours of the phase's skills not yet done or skipped.
    pub remaining_hours: f32,
    /// When this phase would be finished, after every phase before it.
    pub finish: Date,
}

/// The whole projection at the learner's weekly hours.
#[derive(Debug, Clone, PartialEq)]
pub struct Pace {
    pub weekly_hours: f32,
    /// In phase order; finish dates are cumulative.
    pub phases: Vec<PhasePace>,
    /// Hours of core skills not yet done or skipped, across all phases.
    pub core_remaining_hours: f32,
    /// When the core path alone would be finished.
    pub core_finish: Date,
}

/// The projection, or `None` while the learner has not set weekly hours. Skills done or
/// skipped count as no hours left; a skill in progress counts in full (how far along it is
/// is not recorded, and a projection that runs late is worse than one that runs early).
pub fn pace(roadmap: &Roadmap, progress: &Progress, today: Date) -> Option<Pace> {
    let weekly_hours = progress.weekly_hours.filter(|h| h.is_finite() && *h > 0.0)?;
    let view = View::new(roadmap, progress);
    let mut cumulative = 0.0;
    let phases = (0..roadmap.phases.len())
        .map(|phase| {
            let remaining = open_hours(&view, view.phase_skills(phase));
            cumulative += remaining;
            PhasePace { phase, remaining_hours: remaining as f32, finish: finish(today, cumulative, weekly_hours) }
        })
        .collect();
    let core = open_hours(&view, (0..roadmap.skills.len()).filter(|&s| view.is_core(s)));
    Some(Pace {
        weekly_hours,
        phases,
        core_remaining_hours: core as f32,
        core_finish: finish(today, core, weekly_hours),
    })
}

/// The hours of the skills not yet done or skipped.
fn open_hours(view: &View, skills: impl IntoIterator<Item = usize>) -> f64 {
    let hours = |s: usize| f64::from(view.roadmap.skills[s].hours.max(0.0));
    skills.into_iter().filter(|&s| view.is_open(s)).map(hours).sum()
}

/// Today plus the whole days `hours` take at `weekly` hours a week (rounded up).
fn finish(today: Date, hours: f64, weekly: f32) -> Date {
    // Capped far beyond any plan, so odd numbers cannot overflow the date arithmetic.
    const MAX_DAYS: f64 = 3_000_000.0;
    let days = (hours * 7.0 / f64::from(weekly)).ceil().clamp(0.0, MAX_DAYS);
    today.add_days(days as i64)
}
