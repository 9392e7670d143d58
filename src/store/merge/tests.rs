use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::progress::{CheckResult, Grade};

fn day(n: u8) -> Date {
    Date::new(2026, 11, n).unwrap()
}

fn check(result: CheckResult, date: Date) -> CheckRecord {
    CheckRecord { result, date, digest: "0123456789abcdef".into() }
}

#[test]
fn a_done_from_one_side_and_a_note_from_the_other_both_survive() {
    // The case that lost a `done`: the tutor's stale copy of the skill replaced the CLI's.
    let mut base = Progress::default();
    base.set_status("a/x", Status::Doing, day(1));
    let mut cli = base.clone();
    cli.set_status("a/x", Status::Done, day(5));
    let mut tutor = base.clone();
    tutor.set_note("a/x", "wrote the parser first").unwrap();
    tutor.toggle_checkpoint("a/x", 1);
    let merged = merge(&base, &tutor, &cli, Policy::LaterSave);
    let record = merged.get("a/x").unwrap();
    assert_eq!((record.status, record.started, record.finished), (Status::Done, Some(day(1)), Some(day(5))));
    assert_eq!(record.note, "wrote the parser first");
    assert_eq!(record.checkpoints, [1].into());
    assert_eq!(record.reviews, [Review { date: day(5), grade: Grade::Good }]);
}

#[test]
fn both_sides_changing_the_same_field_the_later_save_wins_and_nothing_else_drops() {
    let mut base = Progress::default();
    base.set_status("a/x", Status::Doing, day(1));
    let mut ours = base.clone();
    ours.set_status("a/x", Status::Skipped, day(3));
    ours.set_note("a/x", "ours").unwrap();
    let mut theirs = base.clone();
    theirs.set_status("a/x", Status::Done, day(2));
    theirs.set_note("a/x", "theirs").unwrap();
    theirs.toggle_checkpoint("a/x", 0);
    let merged = merge(&base, &ours, &theirs, Policy::LaterSave);
    let record = merged.get("a/x").unwrap();
    assert_eq!(record.status, Status::Skipped);
    assert_eq!(record.note, "ours");
    assert_eq!(record.checkpoints, [0].into(), "their tick is kept");
    assert_eq!(record.reviews.len(), 1, "their finishing review is kept");
}

#[test]
fn review_logs_are_united_and_an_undone_review_leaves() {
    let good = |n| Review { date: day(n), grade: Grade::Good };
    let hard = |n| Review { date: day(n), grade: Grade::Hard };
    let mut base = Progress::default();
    base.set_status("a/x", Status::Done, day(1));
    let mut ours = base.clone();
    ours.add_review("a/x", hard(9));
    let mut theirs = base.clone();
    theirs.add_review("a/x", good(4));
    theirs.add_review("a/x", hard(9));
    let merged = merge(&base, &ours, &theirs, Policy::LaterSave);
    assert_eq!(merged.get("a/x").unwrap().reviews, [good(1), good(4), hard(9)], "one history, not two recalls");
    // Undo on one side takes its review back; the other side's stay.
    let undone = base.clone();
    let merged = merge(&ours, &undone, &ours, Policy::ByDate);
    assert_eq!(merged.get("a/x").unwrap().reviews, [good(1)]);
}

#[test]
fn same_day_reviews_keep_the_order_of_the_side_that_added_them() {
    // FSRS replays `good, again, good` on one day differently from `good, good, again`.
    let review = |grade| Review { date: day(9), grade };
    let mut base = Progress::default();
    base.set_status("a/x", Status::Done, day(9));
    assert_eq!(base.get("a/x").unwrap().reviews, [review(Grade::Good)], "finishing is the first review");
    let mut ours = base.clone();
    ours.add_review("a/x", review(Grade::Again));
    ours.add_review("a/x", review(Grade::Good));
    let order = [review(Grade::Good), review(Grade::Again), review(Grade::Good)];
    assert_eq!(merge(&base, &base, &ours, Policy::ByDate).get("a/x").unwrap().reviews, order, "theirs added them");
    assert_eq!(merge(&base, &ours, &base, Policy::LaterSave).get("a/x").unwrap().reviews, order, "ours added them");
    // Both sides adding on the same day: ours first, then theirs' own, in their order.
    let mut theirs = base.clone();
    theirs.add_review("a/x", review(Grade::Easy));
    theirs.add_review("a/x", review(Grade::Hard));
    let merged = merge(&base, &ours, &theirs, Policy::ByDate);
    let both = [order.as_slice(), &[review(Grade::Easy), review(Grade::Hard)]].concat();
    assert_eq!(merged.get("a/x").unwrap().reviews, both);
}

#[test]
fn git_merges_pick_the_later_status_by_date_and_keep_both_notes_marked() {
    let mut base = Progress::default();
    base.set_note("a/x", "start\n").unwrap();
    let mut laptop = base.clone();
    laptop.set_status("a/x", Status::Done, day(20));
    laptop.set_note("a/x", "start\nlaptop line\n").unwrap();
    let mut desktop = base.clone();
    desktop.set_status("a/x", Status::Doing, day(22));
    desktop.set_note("a/x", "start\ndesktop line\n").unwrap();
    let merged = merge(&base, &laptop, &desktop, Policy::ByDate);
    let record = merged.get("a/x").unwrap();
    assert_eq!(record.status, Status::Doing, "started on the 22nd, after the 20th");
    assert_eq!(record.note, format!("start\nlaptop line\n\n{NOTE_SEPARATOR}\nstart\ndesktop line\n"));
    let swapped = merge(&base, &desktop, &laptop, Policy::ByDate);
    assert_eq!(swapped.get("a/x").unwrap().status, Status::Doing, "the same answer from either side");
}

#[test]
fn check_runs_merge_by_number_and_the_later_run_wins() {
    let mut base = Progress::default();
    base.record_check("a/x", 1, check(CheckResult::Fail, day(1)));
    let mut ours = base.clone();
    ours.record_check("a/x", 1, check(CheckResult::Pass, day(3)));
    let mut theirs = base.clone();
    theirs.record_check("a/x", 1, check(CheckResult::Fail, day(4)));
    theirs.record_check("a/x", 2, check(CheckResult::Pass, day(4)));
    let merged = merge(&base, &ours, &theirs, Policy::ByDate);
    let checks = &merged.get("a/x").unwrap().checks;
    assert_eq!(checks[&1].result, CheckResult::Fail);
    assert_eq!(checks[&2].result, CheckResult::Pass);
}

#[test]
fn a_project_folder_and_a_milestone_merge_apart() {
    let base = Progress::default();
    let mut ours = base.clone();
    ours.update_milestone("basics", |m| m.project = Some("/home/ana/tool".into()));
    let mut theirs = base.clone();
    theirs.set_milestone("basics", Status::Done, day(9));
    let merged = merge(&base, &ours, &theirs, Policy::LaterSave);
    let record = &merged.milestones["basics"];
    assert_eq!((record.status, record.project.as_deref()), (Status::Done, Some("/home/ana/tool")));
}

// The model: progress flattened into independent fields, each merged by the three-way rule on
// its own, and review counts merged as multisets. The real merge must agree with it on every
// generated history.

#[derive(Debug, Default, PartialEq)]
struct Flat {
    fields: BTreeMap<String, String>,
    counts: BTreeMap<String, usize>,
}

fn flatten(progress: &Progress) -> Flat {
    let mut flat = Flat::default();
    let mut put = |key: String, value: String| {
        flat.fields.insert(key, value);
    };
    if let Some(hours) = progress.weekly_hours {
        put("weekly_hours".into(), hours.to_string());
    }
    if let Some(retention) = progress.retention {
        put("retention".into(), retention.to_string());
    }
    for (roadmap, digest) in &progress.trusted {
        put(format!("trusted/{roadmap}"), digest.clone());
    }
    for (id, r) in &progress.skills {
        let unit = (r.status, r.started, r.finished, r.tested_out);
        if unit != (Status::Todo, None, None, false) {
            put(format!("skill/{id}/status"), format!("{unit:?}"));
        }
        for c in &r.checkpoints {
            put(format!("skill/{id}/checkpoint/{c}"), "ticked".into());
        }
        if !r.note.is_empty() {
            put(format!("skill/{id}/note"), r.note.clone());
        }
        for (n, c) in &r.checks {
            put(format!("skill/{id}/check/{n}"), format!("{c:?}"));
        }
        for review in &r.reviews {
            *flat.counts.entry(format!("skill/{id}/review/{} {}", review.date, review.grade)).or_default() += 1;
        }
    }
    for (phase, m) in &progress.milestones {
        let unit = (m.status, m.started, m.finished);
        if unit != (Status::Todo, None, None) {
            put(format!("milestone/{phase}/status"), format!("{unit:?}"));
        }
        if let Some(project) = &m.project {
            put(format!("milestone/{phase}/project"), project.clone());
        }
        for (n, c) in &m.checks {
            put(format!("milestone/{phase}/check/{n}"), format!("{c:?}"));
        }
    }
    flat
}

/// The model's merge with "ours wins" for every conflict (the store's policy).
fn model_merge(base: &Flat, ours: &Flat, theirs: &Flat) -> Flat {
    let mut merged = Flat::default();
    let keys: std::collections::BTreeSet<&String> =
        base.fields.keys().chain(ours.fields.keys()).chain(theirs.fields.keys()).collect();
    for key in keys {
        let (b, o, t) = (base.fields.get(key), ours.fields.get(key), theirs.fields.get(key));
        let value = if o == t || t == b {
            o
        } else if o == b {
            t
        } else {
            o
        };
        if let Some(value) = value {
            merged.fields.insert(key.clone(), value.clone());
        }
    }
    let keys: std::collections::BTreeSet<&String> =
        base.counts.keys().chain(ours.counts.keys()).chain(theirs.counts.keys()).collect();
    for key in keys {
        let n = |flat: &Flat| flat.counts.get(key).copied().unwrap_or(0);
        let (b, o, t) = (n(base), n(ours), n(theirs));
        let count = if o == t || t == b {
            o
        } else if o == b {
            t
        } else {
            o.max(t)
        };
        if count > 0 {
            merged.counts.insert(key.clone(), count);
        }
    }
    merged
}

/// One change a learner (or another instance) can make.
#[derive(Debug, Clone)]
enum Op {
    Status(usize, Status, u8),
    Tick(usize, usize),
    Note(usize, &'static str),
    Review(usize, u8, Grade),
    Check(usize, usize, CheckResult, u8),
    Project(usize, &'static str),
    Milestone(usize, Status, u8),
    Hours(f32),
    Trust(usize, &'static str),
}

fn op() -> impl Strategy<Value = Op> {
    let status = prop::sample::select(Status::ALL.to_vec());
    let grade = prop::sample::select(Grade::ALL.to_vec());
    let result = prop::sample::select(CheckResult::ALL.to_vec());
    let text = prop::sample::select(vec!["", "one", "two\nlines\n", "three"]);
    prop_oneof![
        (0..3usize, status.clone(), 1..28u8).prop_map(|(s, st, d)| Op::Status(s, st, d)),
        (0..3usize, 0..4usize).prop_map(|(s, c)| Op::Tick(s, c)),
        (0..3usize, text.clone()).prop_map(|(s, t)| Op::Note(s, t)),
        (0..3usize, 1..28u8, grade).prop_map(|(s, d, g)| Op::Review(s, d, g)),
        (0..3usize, 1..3usize, result, 1..28u8).prop_map(|(s, n, r, d)| Op::Check(s, n, r, d)),
        (0..2usize, prop::sample::select(vec!["/a", "/b"])).prop_map(|(p, t)| Op::Project(p, t)),
        (0..2usize, status, 1..28u8).prop_map(|(p, st, d)| Op::Milestone(p, st, d)),
        prop::sample::select(vec![4.0f32, 8.0, 12.5]).prop_map(Op::Hours),
        (0..2usize, prop::sample::select(vec!["aa", "bb"])).prop_map(|(r, d)| Op::Trust(r, d)),
    ]
}

fn apply(progress: &mut Progress, ops: &[Op]) {
    let skill = |s: usize| format!("a/{s}");
    let phase = |p: usize| format!("p{p}");
    for op in ops {
        match op.clone() {
            Op::Status(s, status, d) => progress.set_status(&skill(s), status, day(d)),
            Op::Tick(s, c) => progress.toggle_checkpoint(&skill(s), c),
            Op::Note(s, text) => progress.set_note(&skill(s), text).unwrap(),
            Op::Review(s, d, grade) => progress.add_review(&skill(s), Review { date: day(d), grade }),
            Op::Check(s, n, result, d) => progress.record_check(&skill(s), n, check(result, day(d))),
            Op::Project(p, path) => progress.update_milestone(&phase(p), |m| m.project = Some(path.into())),
            Op::Milestone(p, status, d) => progress.set_milestone(&phase(p), status, day(d)),
            Op::Hours(hours) => progress.weekly_hours = Some(hours),
            Op::Trust(r, digest) => {
                progress.trusted.insert(format!("r{r}"), digest.into());
            }
        }
    }
}

fn histories() -> impl Strategy<Value = (Progress, Progress, Progress)> {
    let ops = || prop::collection::vec(op(), 0..12);
    (ops(), ops(), ops()).prop_map(|(common, mine, other)| {
        let mut base = Progress::default();
        apply(&mut base, &common);
        let mut ours = base.clone();
        apply(&mut ours, &mine);
        let mut theirs = base.clone();
        apply(&mut theirs, &other);
        (base, ours, theirs)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_store_merge_agrees_with_the_field_by_field_model((base, ours, theirs) in histories()) {
        let merged = merge(&base, &ours, &theirs, Policy::LaterSave);
        prop_assert_eq!(flatten(&merged), model_merge(&flatten(&base), &flatten(&ours), &flatten(&theirs)));
        for record in merged.skills.values() {
            prop_assert!(record.reviews.windows(2).all(|w| w[0].date <= w[1].date), "sorted");
            prop_assert!(!record.is_blank());
        }
    }

    #[test]
    fn unchanged_sides_give_the_other_side((base, ours, _theirs) in histories()) {
        prop_assert_eq!(&merge(&base, &ours, &base, Policy::LaterSave), &ours);
        prop_assert_eq!(&merge(&base, &base, &ours, Policy::ByDate), &ours);
        prop_assert_eq!(&merge(&base, &ours, &ours, Policy::ByDate), &ours);
    }

    #[test]
    fn git_merges_keep_every_change_only_one_side_made((base, ours, theirs) in histories()) {
        let merged = flatten(&merge(&base, &ours, &theirs, Policy::ByDate));
        let (b, o, t) = (flatten(&base), flatten(&ours), flatten(&theirs));
        for (key, value) in &o.fields {
            if t.fields.get(key) == b.fields.get(key) {
                prop_assert_eq!(merged.fields.get(key), Some(value), "{}", key);
            }
        }
        for (key, value) in &t.fields {
            if o.fields.get(key) == b.fields.get(key) {
                prop_assert_eq!(merged.fields.get(key), Some(value), "{}", key);
            }
        }
        // Both sides' notes survive a conflict, whole.
        for (key, note) in o.fields.iter().filter(|(k, _)| k.ends_with("/note")) {
            let changed = |flat: &Flat| flat.fields.get(key) != b.fields.get(key);
            if let Some(theirs) = t.fields.get(key).filter(|_| changed(&o) && changed(&t)) {
                let merged = merged.fields.get(key).map(String::as_str).unwrap_or_default();
                prop_assert!(merged.contains(note.trim()) && merged.contains(theirs.trim()), "{:?}", merged);
            }
        }
        prop_assert_eq!(merged.counts, model_merge(&b, &o, &t).counts);
    }
}
