use super::*;

fn day(n: u8) -> Date {
    Date::new(2026, 11, n).unwrap()
}

#[test]
fn finishing_stamps_dates_and_keeps_the_first_start() {
    let mut progress = Progress::default();
    progress.set_status("a/x", Status::Doing, day(2));
    progress.set_status("a/x", Status::Done, day(9));
    let record = progress.get("a/x").unwrap();
    assert_eq!((record.started, record.finished), (Some(day(2)), Some(day(9))));
}

#[test]
fn back_to_todo_clears_dates_but_keeps_notes_and_checkpoints() {
    let mut progress = Progress::default();
    progress.set_status("a/x", Status::Done, day(9));
    progress.toggle_checkpoint("a/x", 2);
    progress.set_note("a/x", "rebased the todo app").unwrap();
    progress.set_status("a/x", Status::Todo, day(10));
    let record = progress.get("a/x").unwrap();
    assert_eq!((record.started, record.finished), (None, None));
    assert_eq!(record.note, "rebased the todo app");
    assert!(record.checkpoints.contains(&2));
}

#[test]
fn a_blank_record_leaves_the_file() {
    let mut progress = Progress::default();
    progress.set_status("a/x", Status::Doing, day(2));
    progress.set_status("a/x", Status::Todo, day(3));
    assert!(progress.skills.is_empty());
    progress.toggle_checkpoint("a/x", 0);
    progress.toggle_checkpoint("a/x", 0);
    assert!(progress.skills.is_empty());
}

#[test]
fn cycling_visits_every_status_once() {
    let mut status = Status::Todo;
    let mut seen = vec![status];
    for _ in 0..3 {
        status = status.cycled();
        seen.push(status);
    }
    assert_eq!(seen, Status::ALL);
    assert_eq!(status.cycled(), Status::Todo);
}

#[test]
fn counts_treat_skipped_as_complete() {
    let counts = Counts::of([Status::Done, Status::Skipped, Status::Doing, Status::Todo]);
    assert_eq!((counts.complete(), counts.percent()), (2, 50));
    assert_eq!(Counts::default().percent(), 0);
}
