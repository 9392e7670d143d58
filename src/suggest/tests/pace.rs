//! Pace: cumulative finish dates per phase and for the core path, from the hours left.

use super::{Build, date, progress, school, today};
use crate::suggest::{PhasePace, advise, pace};

#[test]
fn with_weekly_hours_each_phase_finishes_after_the_ones_before_it() {
    let roadmap = school();
    let mut progress = progress(&["basics/setup done ticked 0,1", "basics/syntax doing 2026-11-20"]);
    progress.weekly_hours = Some(7.0);
    let pace = pace(&roadmap, &progress, today()).expect("weekly hours are set");
    assert_eq!(pace.weekly_hours, 7.0);
    assert_eq!(
        pace.phases,
        [
            PhasePace { phase: 0, remaining_hours: 24.0, finish: date("2026-12-15") },
            PhasePace { phase: 1, remaining_hours: 28.0, finish: date("2027-01-12") },
        ]
    );
    assert_eq!((pace.core_remaining_hours, pace.core_finish), (38.0, date("2026-12-29")));
}

#[test]
fn partial_days_round_up() {
    let mut progress = progress(&["basics/setup done", "basics/syntax doing"]);
    progress.weekly_hours = Some(10.0);
    let pace = pace(&school(), &progress, today()).unwrap();
    assert_eq!(pace.phases[0].finish, date("2026-12-08"), "24 hours at 10 a week is 16.8 days");
}

#[test]
fn without_weekly_hours_there_is_no_projection() {
    let roadmap = school();
    let progress = progress(&["basics/setup done"]);
    assert_eq!(pace(&roadmap, &progress, today()), None);
    assert!(!advise(&roadmap, &progress, today()).next.is_empty(), "suggestions do not need it");
}

#[test]
fn an_empty_or_finished_phase_adds_no_time() {
    let roadmap = Build::new()
        .phase("basics", "Basics", None)
        .skill("a", "A", "core", 14.0, &[])
        .phase("pause", "Pause", None)
        .phase("web", "Web", None)
        .skill("c", "C", "core", 7.0, &["basics/a"])
        .load();
    let mut progress = progress(&[]);
    progress.weekly_hours = Some(7.0);
    let finishes = |progress: &crate::progress::Progress| {
        pace(&roadmap, progress, today()).unwrap().phases.iter().map(|p| p.finish.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(finishes(&progress), ["2026-12-05", "2026-12-05", "2026-12-12"]);
    progress.set_status("basics/a", crate::progress::Status::Skipped, today());
    assert_eq!(finishes(&progress), ["2026-11-21", "2026-11-21", "2026-11-28"]);
}
