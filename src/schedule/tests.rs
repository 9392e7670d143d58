//! The replay's handling of logs as a learner's file may hold them: empty, out of order, with
//! dates after today. Exact due dates are checked against the reference in `tests/fsrs.rs`.

use super::*;

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

fn log(entries: &[(&str, Grade)]) -> Vec<Review> {
    entries.iter().map(|&(day, grade)| Review { date: date(day), grade }).collect()
}

#[test]
fn an_empty_log_has_no_memory() {
    assert_eq!(replay(&[], 0.9), None);
    assert_eq!(Scheduler::default().replay(&[]), None);
}

#[test]
fn a_first_good_review_takes_the_published_initial_values() {
    let memory = replay(&log(&[("2026-03-01", Grade::Good)]), 0.9).unwrap();
    assert_eq!(memory.stability, DEFAULT_WEIGHTS[2]);
    assert_eq!(format!("{:.4}", memory.difficulty), "2.1181");
    assert_eq!((memory.last_review, memory.due), (date("2026-03-01"), date("2026-03-03")));
    assert!(!memory.is_due(date("2026-03-02")) && memory.is_due(date("2026-03-03")));
}

#[test]
fn a_log_out_of_order_replays_as_sorted() {
    let sorted = log(&[("2026-03-01", Grade::Good), ("2026-03-04", Grade::Hard), ("2026-03-20", Grade::Again)]);
    let mut shuffled = sorted.clone();
    shuffled.swap(0, 2);
    let memory = replay(&sorted, 0.9).unwrap();
    assert_eq!(replay(&shuffled, 0.9), Some(memory));
    assert_eq!(memory.last_review, date("2026-03-20"));
}

#[test]
fn same_day_entries_keep_their_written_order() {
    let failed_then_passed =
        log(&[("2026-03-05", Grade::Again), ("2026-03-01", Grade::Good), ("2026-03-05", Grade::Good)]);
    let passed_then_failed =
        log(&[("2026-03-05", Grade::Good), ("2026-03-01", Grade::Good), ("2026-03-05", Grade::Again)]);
    let a = replay(&failed_then_passed, 0.9).unwrap();
    let b = replay(&passed_then_failed, 0.9).unwrap();
    assert_ne!(a.stability, b.stability, "the order of a day's reviews is part of the log");
}

#[test]
fn a_review_dated_after_today_counts_from_its_own_date() {
    let today = date("2026-03-10");
    let future = log(&[("2026-03-01", Grade::Good), ("2026-03-15", Grade::Good)]);
    let memory = replay(&future, 0.9).unwrap();
    assert_eq!(memory.last_review, date("2026-03-15"));
    assert!(memory.due > date("2026-03-15"));
    // Reviewing today is still possible, and each grade previews what the sorted log will give.
    let previews = intervals(&future, today, 0.9);
    for (grade, preview) in Grade::ALL.into_iter().zip(previews) {
        let mut recorded = future.clone();
        recorded.push(Review { date: today, grade });
        assert_eq!(replay(&recorded, 0.9).unwrap().due, preview, "{grade}");
    }
}

#[test]
fn a_review_today_after_a_same_day_one_uses_the_same_day_formula() {
    let today = date("2026-03-01");
    let first = log(&[("2026-03-01", Grade::Good)]);
    let [again, hard, good, easy] = intervals(&first, today, 0.9);
    assert!(again <= hard && hard <= good && good <= easy, "{again} {hard} {good} {easy}");
    let mut twice = first.clone();
    twice.push(Review { date: today, grade: Grade::Good });
    assert_eq!(replay(&twice, 0.9).unwrap().due, good);
}

#[test]
fn intervals_of_an_empty_log_are_first_reviews() {
    let today = date("2026-03-01");
    let firsts = intervals(&[], today, 0.9);
    let expected = Grade::ALL.map(|grade| replay(&[Review { date: today, grade }], 0.9).unwrap().due);
    assert_eq!(firsts, expected);
    assert_eq!(firsts[0], date("2026-03-02"), "again is still at least a day");
}

#[test]
fn higher_retention_brings_reviews_sooner() {
    let streak: Vec<Review> =
        (0..6).map(|i| Review { date: date("2026-01-01").add_days(i * 20), grade: Grade::Good }).collect();
    let due = |retention| replay(&streak, retention).unwrap().due;
    assert!(due(0.95) < due(0.9) && due(0.9) < due(0.8));
}

#[test]
fn an_out_of_range_retention_still_gives_a_date() {
    let one = log(&[("2026-03-01", Grade::Easy)]);
    let longest = date("2026-03-01").add_days(i64::from(DEFAULT_MAXIMUM_INTERVAL));
    for (retention, due) in [(1.0, date("2026-03-02")), (1.5, date("2026-03-02")), (f64::NAN, date("2026-03-02"))] {
        assert_eq!(replay(&one, retention).unwrap().due, due, "{retention}");
    }
    assert_eq!(replay(&one, 0.0).unwrap().due, longest);
}

#[test]
fn an_interval_of_a_half_day_rounds_to_even_as_python_does() {
    // No default-weight log lands exactly on a half day, so this takes weights that do. py-fsrs
    // 6.3.2 with w2 = 2.5 and w3 = 4.5 gives a first good 2 days and a first easy 4.
    let mut weights = DEFAULT_WEIGHTS;
    (weights[2], weights[3]) = (2.5, 4.5);
    let scheduler = Scheduler::new(&Parameters { weights, ..Parameters::default() });
    let first = |grade| scheduler.replay(&[Review { date: date("2026-03-01"), grade }]).unwrap().due;
    assert_eq!((first(Grade::Good), first(Grade::Easy)), (date("2026-03-03"), date("2026-03-05")));
}
