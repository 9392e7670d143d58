//! Every due date of `tests/fixtures/fsrs/cases.tsv`, the table `scripts/fsrs-reference.py`
//! made with the reference FSRS-6 (py-fsrs), must come out of `schedule` to the day, with
//! stability and difficulty to the last bit (the same operations in the same order on the same
//! libm; on a platform whose `pow` rounds differently the bits may move before any date does);
//! the previews of `intervals` must agree with it.

use roadmap_tutor::progress::{Date, Grade, Review};
use roadmap_tutor::schedule::Scheduler;

const TABLE: &str = include_str!("fixtures/fsrs/cases.tsv");

/// One row of the table.
struct Case {
    line: usize,
    text: &'static str,
    retention: f64,
    log: Vec<Review>,
    due: Date,
    stability: f64,
    difficulty: f64,
}

fn cases() -> Vec<Case> {
    let cases: Vec<Case> = TABLE
        .lines()
        .enumerate()
        .filter(|(_, text)| !text.starts_with('#'))
        .map(|(index, text)| parse(index + 1, text))
        .collect();
    assert!(cases.len() >= 400, "the table has {} cases", cases.len());
    cases
}

fn parse(line: usize, text: &'static str) -> Case {
    let fields: Vec<&str> = text.split('\t').collect();
    let [_name, retention, log, due, stability, difficulty] = fields[..] else {
        panic!("cases.tsv:{line}: expected 6 tab-separated fields: {text}");
    };
    let review = |entry: &str| {
        let (date, grade) = entry.split_once(':').unwrap_or_else(|| panic!("cases.tsv:{line}: `{entry}`"));
        Review { date: date.parse().unwrap(), grade: Grade::from_name(grade).unwrap() }
    };
    Case {
        line,
        text,
        retention: retention.parse().unwrap(),
        log: log.split(',').map(review).collect(),
        due: due.parse().unwrap(),
        stability: stability.parse().unwrap(),
        difficulty: difficulty.parse().unwrap(),
    }
}

/// The table's retentions, each with its scheduler built once.
fn schedulers(cases: &[Case]) -> Vec<(f64, Scheduler)> {
    let mut retentions: Vec<f64> = cases.iter().map(|case| case.retention).collect();
    retentions.sort_by(f64::total_cmp);
    retentions.dedup();
    assert_eq!(retentions, [0.8, 0.9, 0.95]);
    retentions.into_iter().map(|r| (r, Scheduler::with_retention(r))).collect()
}

fn scheduler(schedulers: &[(f64, Scheduler)], retention: f64) -> &Scheduler {
    &schedulers.iter().find(|(r, _)| *r == retention).unwrap().1
}

#[track_caller]
fn assert_no_failures(failures: &[String], checked: usize) {
    assert!(failures.is_empty(), "{} of {checked} differ from the reference:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_due_date_equals_the_reference() {
    let cases = cases();
    let schedulers = schedulers(&cases);
    let mut failures = Vec::new();
    for case in &cases {
        let memory = scheduler(&schedulers, case.retention).replay(&case.log).expect("every case has a review");
        let got = (memory.due, memory.stability, memory.difficulty);
        if got != (case.due, case.stability, case.difficulty) {
            failures.push(format!(
                "cases.tsv:{}: got due {} stability {} difficulty {}\n  {}",
                case.line, got.0, got.1, got.2, case.text
            ));
        }
    }
    assert_no_failures(&failures, cases.len());
}

/// Taking one review out of a log and previewing it on its date must give the table's due
/// date: the last review (the usual preview) and every earlier one, whose later entries play
/// the part of reviews dated after today.
#[test]
fn every_preview_equals_the_reference() {
    let cases = cases();
    let schedulers = schedulers(&cases);
    let (mut failures, mut checked) = (Vec::new(), 0);
    for case in &cases {
        let mut sorted = case.log.clone();
        sorted.sort_by_key(|review| review.date);
        for (index, review) in sorted.iter().enumerate() {
            // A preview goes after the entries of its own date, so only a date's last entry
            // can be taken out and previewed back into the same place.
            if sorted.get(index + 1).is_some_and(|next| next.date == review.date) {
                continue;
            }
            let mut rest = sorted.clone();
            rest.remove(index);
            let previews = scheduler(&schedulers, case.retention).intervals(&rest, review.date);
            checked += 1;
            if previews[review.grade as usize] != case.due {
                failures.push(format!(
                    "cases.tsv:{}: previewing review {} ({} {}) gives {}, not {}\n  {}",
                    case.line,
                    index + 1,
                    review.date,
                    review.grade,
                    previews[review.grade as usize],
                    case.due,
                    case.text
                ));
            }
        }
    }
    assert_no_failures(&failures, checked);
}
