//! Reviews by FSRS: finishing a skill is its first review; a done skill is due once its
//! memory's due date has come, oldest due first; a review moves the date on.

use super::{check, date, progress, school};
use crate::progress::{Grade, Progress, Review, Status};
use crate::suggest::next_review;

fn due(progress: &Progress, id: &str) -> Option<String> {
    next_review(progress, id).map(|memory| memory.due.to_string())
}

#[test]
fn finishing_is_the_first_review_and_each_review_moves_the_date_on() {
    let mut learner = progress(&["basics/setup done 2026-11-01"]);
    let first = due(&learner, "basics/setup").expect("a done skill has a schedule");
    assert_eq!(first, "2026-11-03", "a first good review holds about two days");
    learner.add_review("basics/setup", Review { date: date("2026-11-03"), grade: Grade::Good });
    let second = due(&learner, "basics/setup").unwrap();
    assert!(second.as_str() > "2026-11-10", "a second good review on time holds longer: {second}");
    learner.add_review("basics/setup", Review { date: date(&second), grade: Grade::Again });
    let lapse = due(&learner, "basics/setup").unwrap();
    assert!(
        lapse.as_str() <= date(&second).add_days(2).to_string().as_str(),
        "forgetting brings it back soon: {lapse}"
    );
}

#[test]
fn only_done_skills_have_a_schedule() {
    let mut learner = progress(&["basics/setup done 2026-11-01", "basics/syntax doing 2026-11-01"]);
    assert_eq!(due(&learner, "basics/syntax"), None);
    learner.set_status("basics/setup", Status::Skipped, date("2026-11-02"));
    assert_eq!(due(&learner, "basics/setup"), None);
}

#[test]
fn a_review_clears_the_unticked_reminder() {
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
fn reviews_due_come_oldest_due_first_with_when_they_fell_due() {
    // Today is 2026-11-21.
    check(
        &school(),
        &progress(&["basics/setup done 2026-07-20 ticked 0,1", "basics/syntax done 2026-11-10"]),
        &[
            "start basics/thinking: a starting point, nothing to learn first; unlocks 2 skills",
            "start basics/style: Syntax is done; optional stretch skill",
        ],
        &[],
        &[
            "review basics/setup: due 122 days ago; last recalled 124 days ago",
            "review basics/syntax: due 9 days ago; last recalled 11 days ago",
        ],
    );
}

#[test]
fn a_review_dated_after_today_never_locks_the_learner_out() {
    // A clock elsewhere wrote tomorrow's date: the skill is simply not due yet, and a review
    // today still counts.
    let mut learner = progress(&["basics/setup done 2026-11-01"]);
    learner.add_review("basics/setup", Review { date: date("2026-11-22"), grade: Grade::Good });
    let later = due(&learner, "basics/setup").unwrap();
    assert!(later.as_str() > "2026-11-22", "{later}");
    learner.add_review("basics/setup", Review { date: date("2026-11-21"), grade: Grade::Hard });
    assert!(due(&learner, "basics/setup").is_some());
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
