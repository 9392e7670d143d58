//! The review schedule: 7, 30 and 90 days after finishing, each review moving it on.

use super::{check, date, progress, school};
use crate::progress::{Grade, Review, SkillProgress, Status};
use crate::suggest::{ReviewDue, next_review};

fn done(finished: &str, reviewed: Option<&str>) -> SkillProgress {
    let mut record = SkillProgress {
        status: Status::Done,
        started: Some(date(finished)),
        finished: Some(date(finished)),
        ..SkillProgress::default()
    };
    record.add_review(Review { date: date(finished), grade: Grade::Good });
    if let Some(reviewed) = reviewed {
        record.add_review(Review { date: date(reviewed), grade: Grade::Good });
    }
    record
}

fn due(after_days: i64, day: &str) -> Option<ReviewDue> {
    Some(ReviewDue { after_days, date: date(day) })
}

#[test]
fn each_review_moves_the_schedule_to_the_next_step() {
    assert_eq!(next_review(&done("2026-11-01", None)), due(7, "2026-11-08"));
    assert_eq!(next_review(&done("2026-11-01", Some("2026-11-03"))), due(30, "2026-12-01"), "an early review");
    assert_eq!(next_review(&done("2026-11-01", Some("2026-11-10"))), due(30, "2026-12-01"));
    assert_eq!(next_review(&done("2026-11-01", Some("2026-12-05"))), due(90, "2027-01-30"));
    assert_eq!(next_review(&done("2026-11-01", Some("2027-02-01"))), None, "every step reviewed");
    assert_eq!(
        next_review(&done("2026-11-01", Some("2026-10-20"))),
        due(7, "2026-11-08"),
        "a review of an earlier round"
    );
}

#[test]
fn only_done_skills_with_a_finish_date_have_a_schedule() {
    let mut skipped = done("2026-11-01", None);
    skipped.status = Status::Skipped;
    assert_eq!(next_review(&skipped), None);
    let mut undated = done("2026-11-01", None);
    undated.finished = None;
    assert_eq!(next_review(&undated), None);
}

#[test]
fn a_review_clears_the_unticked_reminder_until_the_next_step() {
    check(
        &school(),
        &progress(&["basics/setup done 2026-11-20 ticked 0 reviewed 2026-11-21"]),
        &[
            "start basics/syntax: Setup is done; unlocks 3 skills",
            "start basics/thinking: a starting point, nothing to learn first; unlocks 2 skills",
        ],
        &[],
        &[],
    );
}

#[test]
fn a_skill_never_reviewed_is_due_for_the_latest_step_it_passed_and_one_review_covers_it() {
    // Syntax was finished 120 days before today (2026-11-21) and never looked at again.
    check(
        &school(),
        &progress(&["basics/setup done 2026-07-20 ticked 0,1", "basics/syntax done 2026-07-24"]),
        &[
            "start basics/thinking: a starting point, nothing to learn first; unlocks 2 skills",
            "start basics/style: Syntax is done; optional stretch skill",
        ],
        &[],
        &[
            "review basics/setup: done 124 days ago, time for the 90-day review",
            "review basics/syntax: done 120 days ago, time for the 90-day review",
        ],
    );
    let reviewed = done("2026-07-24", Some("2026-11-21"));
    assert_eq!(next_review(&reviewed), None, "the one review covered every step it passed");
}

#[test]
fn a_limit_keeps_the_best_steps_and_reviews_unchanged() {
    let roadmap = school();
    let progress = progress(&[
        "basics/setup done 2026-07-20",
        "basics/thinking done 2026-11-01",
        "basics/syntax done 2026-08-01 ticked 0",
        "basics/loops doing 2026-11-10",
    ]);
    let all = crate::suggest::advise(&roadmap, &progress, super::today());
    assert!(all.next.len() >= 2 && all.reviews.len() >= 2, "{all:?}");
    for limit in 0..4 {
        let some = crate::suggest::advise_at_most(&roadmap, &progress, super::today(), limit);
        assert_eq!(some.next, all.next[..limit.min(all.next.len())], "{limit}");
        assert_eq!(some.reviews, all.reviews[..limit.min(all.reviews.len())], "{limit}");
        assert_eq!(some.warnings, all.warnings);
    }
}
