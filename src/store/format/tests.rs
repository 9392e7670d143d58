use proptest::prelude::*;

use super::*;
use crate::progress::{CheckRecord, CheckResult, Grade, MilestoneProgress, Review, SkillProgress, Status};

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn writes_the_documented_layout_sorted_by_id() {
    let mut progress = Progress { weekly_hours: Some(8.0), ..Progress::default() };
    progress.skills.insert(
        "foundations/git-basics".into(),
        SkillProgress {
            status: Status::Done,
            started: Some(date("2026-11-02")),
            finished: Some(date("2026-11-09")),
            checkpoints: [0, 2].into(),
            note: "Practised rebase on the todo app.\n".into(),
            reviews: vec![
                Review { date: date("2026-11-09"), grade: Grade::Good },
                Review { date: date("2026-11-16"), grade: Grade::Hard },
            ],
            checks: [(
                1,
                CheckRecord { result: CheckResult::Pass, date: date("2026-11-08"), digest: "3fa2c1d09b7e4a65".into() },
            )]
            .into(),
            ..SkillProgress::default()
        },
    );
    progress.milestones.insert(
        "foundations".into(),
        MilestoneProgress { project: Some("/home/ana/code/expenses".into()), ..MilestoneProgress::default() },
    );
    progress.trusted.insert("data-engineer".into(), "9f86d081884c7d65".into());
    progress.skills.insert(
        "foundations/control-flow".into(),
        SkillProgress { status: Status::Doing, started: Some(date("2026-11-20")), ..SkillProgress::default() },
    );
    let text = emit(&progress);
    assert_eq!(
        text,
        "version: 2
weekly_hours: 8
skills:
  foundations/control-flow:
    status: doing
    started: 2026-11-20
  foundations/git-basics:
    status: done
    started: 2026-11-02
    finished: 2026-11-09
    checkpoints: [0, 2]
    reviews:
      - 2026-11-09 good
      - 2026-11-16 hard
    checks:
      - 1 pass 2026-11-08 3fa2c1d09b7e4a65
    note: |
      Practised rebase on the todo app.
milestones:
  foundations:
    status: todo
    project: /home/ana/code/expenses
trusted:
  data-engineer: 9f86d081884c7d65
"
    );
    assert_eq!(parse(&text).unwrap(), progress);
    assert_eq!(canonical::parse(&text), None, "a note is left to the YAML reader");
    let without_note = text.replace("    note: |\n      Practised rebase on the todo app.\n", "");
    assert_eq!(canonical::parse(&without_note), Some(read::parse(&without_note).unwrap()));
}

#[test]
fn a_version_1_file_loads_with_its_reviews_as_a_log() {
    let text = "version: 1\nskills:\n  a/x:\n    status: done\n    started: 2026-11-01\n    finished: 2026-11-02\n    reviewed: 2026-11-10\n  a/y:\n    status: doing\n    reviewed: 2026-10-01\n";
    let progress = parse(text).unwrap();
    let good = |d: &str| Review { date: date(d), grade: Grade::Good };
    assert_eq!(progress.skills["a/x"].reviews, [good("2026-11-02"), good("2026-11-10")]);
    assert_eq!(progress.skills["a/y"].reviews, [good("2026-10-01")]);
    assert!(emit(&progress).starts_with("version: 2\n"));
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_file() {
    let text = "\u{feff}version: 2\nskills:\n  a/x:\n    status: done\n";
    assert_eq!(parse(text).unwrap().status("a/x"), Status::Done);
    let slow = "\u{feff}# mine\nversion: 1\nskills:\n  a/x:\n    status: doing\n";
    assert_eq!(parse(slow).unwrap().status("a/x"), Status::Doing);
}

#[test]
fn reviews_out_of_order_are_sorted_and_a_bad_one_is_refused_at_its_line() {
    let text = "version: 2\nskills:\n  a/x:\n    status: done\n    reviews:\n      - 2026-11-09 good\n      - 2026-11-02 hard\n";
    let dates: Vec<String> = parse(text).unwrap().skills["a/x"].reviews.iter().map(|r| r.date.to_string()).collect();
    assert_eq!(dates, ["2026-11-02", "2026-11-09"]);
    for (bad, line) in [("      - 2026-11-09 great", 7), ("      - 2026-13-40 good", 7), ("      - yesterday", 7)] {
        let text =
            format!("version: 2\nskills:\n  a/x:\n    status: done\n    reviews:\n      - 2026-11-02 hard\n{bad}\n");
        let Err(FormatError::Invalid { line: at, message }) = parse(&text) else { panic!("{bad} accepted") };
        assert_eq!(at, Some(line), "{bad}: {message}");
        assert!(message.starts_with("skills.a/x: review `"), "{message}");
        assert!(message.contains("again, hard, good, easy"), "{message}");
    }
}

#[test]
fn a_bad_check_result_is_refused_at_its_line() {
    let text = "version: 2\nskills:\n  a/x:\n    status: doing\n    checks:\n      - 1 passed 2026-11-02 abc\n";
    let Err(FormatError::Invalid { line, message }) = parse(text) else { panic!("accepted") };
    assert_eq!(line, Some(6));
    assert!(message.contains("pass, fail, cannot"), "{message}");
}

#[test]
fn empty_or_comment_only_text_is_no_progress() {
    for text in ["", "\n  \n", "# nothing yet\n"] {
        assert_eq!(parse(text).unwrap(), Progress::default(), "{text:?}");
    }
}

#[test]
fn problems_carry_the_line_where_the_file_broke() {
    let text = "version: 1\nskills:\n  a/x:\n    status: finished\n";
    let Err(FormatError::Invalid { line, message }) = parse(text) else { panic!("accepted") };
    assert_eq!(line, Some(4));
    assert_eq!(
        message,
        "skills.a/x.status: unknown status `finished`, expected one of `todo`, `doing`, `done`, `skipped`"
    );
}

#[test]
fn a_newer_version_is_refused_even_with_fields_this_build_does_not_know() {
    assert_eq!(parse("version: 3\nfuture: yes\n"), Err(FormatError::TooNew { version: 3 }));
    assert_eq!(parse("version: 4\nskills: {}\n"), Err(FormatError::TooNew { version: 4 }));
}

#[test]
fn wrong_shapes_are_refused() {
    for text in
        ["- a\n- b\n", "version: 1\nskills: [a, b]\n", "version: 1\nskills:\n  a/x: done\n", "\u{0}\u{1}garbage: [\n"]
    {
        assert!(matches!(parse(text), Err(FormatError::Invalid { .. })), "{text:?}");
    }
}

#[test]
fn wrong_shapes_are_explained_without_type_names() {
    let message = |text: &str| match parse(text) {
        Err(FormatError::Invalid { message, .. }) => message,
        other => panic!("{text:?} gave {other:?}"),
    };
    assert_eq!(message("- a\n- b\n"), "found a list, expected a progress file (`version: 2`, then `skills:`)");
    assert_eq!(
        message("version: 1\nskills:\n  a/x: done\n"),
        "skills.a/x: found the text \"done\", expected a skill's fields (`status: done`, ...)"
    );
    assert!(
        message("version: 1\nskills:\n  a/x:\n    status:\n")
            .ends_with("status: no value, expected one of `todo`, `doing`, `done`, `skipped`")
    );
}

#[test]
fn lines_count_only_line_feeds() {
    let Err(FormatError::Invalid { line, .. }) = parse("version: 1\r# old mac\nskills:\n  a/x:\n    status: nope\n")
    else {
        panic!("accepted")
    };
    assert_eq!(line, Some(4));
}

#[test]
fn a_key_written_twice_is_refused_at_its_second_line() {
    let entry = "version: 1\nskills:\n  a/x:\n    status: done\n  a/y:\n    status: doing\n  a/x:\n    status: todo\n";
    let Err(FormatError::Invalid { line, message }) = parse(entry) else { panic!("accepted") };
    assert_eq!((line, message.as_str()), (Some(7), "skills: `a/x` is listed twice: merge the two entries into one"));
    let field = "version: 1\nskills:\n  a/x:\n    status: done\nskills:\n  a/y:\n    status: done\n";
    let Err(FormatError::Invalid { line, message }) = parse(field) else { panic!("accepted") };
    assert_eq!((line, message.as_str()), (Some(5), "duplicate field `skills`"));
}

#[test]
fn every_mistake_is_refused_at_the_line_the_parser_gives_however_it_is_written() {
    let refused = |text: &str| match parse(text) {
        Err(FormatError::Invalid { line: Some(line), message }) => (line, message),
        other => panic!("{text:?} gave {other:?}"),
    };
    let head = "version: 2\nskills:\n";
    for (body, line, message) in [
        // A quoted id written twice, the second time in the other quotes.
        (
            "  'a/x':\n    status: done\n  \"a/x\":\n    status: todo\n",
            5,
            "skills: `a/x` is listed twice: merge the two entries into one",
        ),
        // A field written twice inside an entry.
        ("  a/x:\n    status: done\n    note: hi\n    status: todo\n", 6, "skills.a/x: duplicate field `status`"),
        // A value in a flow mapping on its own line.
        (
            "  a/x: {started: 2026-11-02,\n    status: nope}\n",
            4,
            "skills.a/x.status: unknown status `nope`, expected one of `todo`, `doing`, `done`, `skipped`",
        ),
        // An item of a flow list.
        (
            "  a/x:\n    status: done\n    checkpoints: [0,\n      two]\n",
            6,
            "skills.a/x.checkpoints: found the text \"two\", expected a whole number",
        ),
        // A tab where the entry's fields are indented.
        ("  a/x:\n\tstatus: done\n", 4, "YAML does not allow tabs for indentation: use spaces"),
        (
            "  a/x:\n    status: done\n    colour: blue\n",
            5,
            "skills.a/x: unknown field `colour`, expected one of `status`, `tested_out`, `started`, `finished`, `checkpoints`, `note`, `reviewed`, `reviews`, `checks`",
        ),
    ] {
        assert_eq!(refused(&format!("{head}{body}")), (line, message.to_string()), "{body}");
    }
    // A note, a project folder or an id that YAML would read as a number is still text.
    let text = "version: 2\nskills:\n  2026:\n    status: doing\n    note: 42\nmilestones:\n  m:\n    project: 1e3\n";
    let progress = parse(text).unwrap();
    assert_eq!(progress.skills["2026"].note, "42");
    assert_eq!(progress.milestones["m"].project.as_deref(), Some("1e3"));
    assert_eq!(parse(&emit(&progress)).unwrap(), progress, "and is quoted when written");
}

#[test]
fn an_entry_cut_after_its_id_is_refused_at_that_line() {
    let text = "version: 1\nskills:\n  a/x:\n    status: done\n  a/y:\n";
    let Err(FormatError::Invalid { line, message }) = parse(text) else { panic!("accepted") };
    assert_eq!(line, Some(5));
    assert!(message.contains("a/y") && message.contains("cut short"), "{message}");
}

#[test]
fn every_prefix_of_a_file_loads_or_is_refused_at_a_line_inside_it() {
    let mut progress = Progress { weekly_hours: Some(8.0), ..Progress::default() };
    for (i, status) in Status::ALL.iter().enumerate() {
        let mut record = SkillProgress { status: *status, note: format!("line one\nline {i}\n"), ..Default::default() };
        record.started = Some(date("2026-11-02"));
        record.checkpoints = [0, i].into();
        record.reviews = vec![Review { date: date("2026-11-03"), grade: Grade::ALL[i] }; 2];
        record.checks =
            [(1, CheckRecord { result: CheckResult::Fail, date: date("2026-11-04"), digest: "ab".into() })].into();
        progress.skills.insert(format!("phase/skill-{i}"), record);
    }
    let text = emit(&progress);
    for end in 0..text.len() {
        let prefix = &text[..end];
        match parse(prefix) {
            Ok(_) | Err(FormatError::Invalid { line: None, .. }) => {}
            Err(FormatError::Invalid { line: Some(line), .. }) => {
                assert!((1..=prefix.lines().count().max(1)).contains(&line), "{prefix:?}: line {line}")
            }
            Err(other) => panic!("{prefix:?}: {other:?}"),
        }
    }
}

#[test]
fn notes_that_need_escapes_are_written_so_they_read_back() {
    for note in [
        "\n",
        "\n\n",
        "é\n\tindented\n",
        "a\u{85}b\n",
        "nul \u{0} and bell \u{7}\n",
        "\u{feff}x\ny",
        "\"quoted\" \\ back\r\n",
    ] {
        let mut progress = Progress::default();
        progress.skills.insert("a/x".into(), SkillProgress { note: note.into(), ..SkillProgress::default() });
        let text = emit(&progress);
        assert_eq!(parse(&text).map(|p| p.skills["a/x"].note.clone()), Ok(note.to_string()), "{text}");
    }
}

fn arb_note() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[ -~]{0,40}",
        "\n{1,3}",
        "[\u{1}-\u{1f}\u{85}\u{2028}\u{feff}a ]{1,8}",
        "([ -~]{0,20}\n){1,4}[ -~]{0,10}\n{0,3}",
        any::<String>(),
        " +[a-z]+\n[a-z]*\n",
    ]
}

fn arb_record() -> impl Strategy<Value = SkillProgress> {
    let status = prop::sample::select(Status::ALL.to_vec());
    let day = (0i64..20_000).prop_map(Date::from_days_since_epoch);
    (
        status,
        prop::option::of(day.clone()),
        prop::option::of(day.clone()),
        prop::collection::btree_set(0usize..8, 0..4),
        arb_note(),
        prop::collection::vec((day.clone(), prop::sample::select(Grade::ALL.to_vec())), 0..4),
        prop::collection::btree_map(
            1usize..4,
            (prop::sample::select(CheckResult::ALL.to_vec()), day, "[0-9a-f]{1,16}"),
            0..3,
        ),
        any::<bool>(),
    )
        .prop_map(|(status, started, finished, checkpoints, note, reviews, checks, tested_out)| {
            let mut reviews: Vec<Review> = reviews.into_iter().map(|(date, grade)| Review { date, grade }).collect();
            reviews.sort_by_key(|r| r.date);
            let checks = checks
                .into_iter()
                .map(|(n, (result, date, digest))| (n, CheckRecord { result, date, digest }))
                .collect();
            SkillProgress { status, started, finished, tested_out, checkpoints, note, reviews, checks }
        })
}

fn arb_milestone() -> impl Strategy<Value = MilestoneProgress> {
    let day = (0i64..20_000).prop_map(Date::from_days_since_epoch);
    (
        prop::sample::select(Status::ALL.to_vec()),
        prop::option::of(day.clone()),
        prop::option::of(prop_oneof!["/[a-z/ ._-]{1,20}", "~/[a-z]{1,8}", any::<String>()]),
        prop::collection::btree_map(
            1usize..4,
            (prop::sample::select(CheckResult::ALL.to_vec()), day, "[0-9a-f]{16}"),
            0..3,
        ),
    )
        .prop_map(|(status, finished, project, checks)| MilestoneProgress {
            status,
            started: None,
            finished,
            project: project.filter(|p| !p.is_empty()),
            checks: checks
                .into_iter()
                .map(|(n, (result, date, digest))| (n, CheckRecord { result, date, digest }))
                .collect(),
        })
}

proptest! {
    #[test]
    fn any_progress_survives_a_write_and_a_read(
        skills in prop::collection::btree_map("[a-z0-9 ._:#'\"/-]{1,24}", arb_record(), 0..6),
        milestones in prop::collection::btree_map(arb_id(), arb_milestone(), 0..3),
        hours in prop::option::of(1u8..60),
        trusted in prop::collection::btree_map(arb_id(), "[0-9a-f]{1,64}", 0..3),
    ) {
        let skills = skills.into_iter().filter(|(_, r)| !r.is_blank()).collect();
        let milestones = milestones.into_iter().filter(|(_, m)| !m.is_blank()).collect();
        let progress = Progress { weekly_hours: hours.map(f32::from), skills, milestones, retention: None, trusted };
        let text = emit(&progress);
        prop_assert_eq!(parse(&text).map_err(|e| format!("{e:?}\n{text}")), Ok(progress));
    }
}

/// Ids as authors and learners make them, including ones YAML reads as something else when
/// unquoted.
fn arb_id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,10}/[a-z0-9._-]{1,12}",
        "[a-zA-Z0-9._/-]{1,12}",
        prop::sample::select(vec!["true", "no", "Null", "y", "1e3", "0x10", ".inf", "a b", "x:y", "~", "on/off"])
            .prop_map(String::from),
    ]
}

/// Line edits that a hand edit, a merge or a cut-short write might make.
fn mutate(text: &str, edits: &[(usize, u8)]) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for &(at, kind) in edits {
        if lines.is_empty() {
            break;
        }
        let i = at % lines.len();
        match kind % 8 {
            0 => drop(lines.remove(i)),
            1 => {
                let copy = lines[i].clone();
                lines.insert(i, copy);
            }
            2 => lines[i].insert(0, ' '),
            3 => lines[i].push(' '),
            4 => lines[i] = lines[i].replacen(": ", ":", 1),
            5 => lines[i] = lines[i].replace('1', "01"),
            6 => lines[i].push_str(" # note"),
            _ => {
                let next = (i + 1) % lines.len();
                lines.swap(i, next);
            }
        }
    }
    lines.join("\n") + "\n"
}

proptest! {
    #[test]
    fn the_fast_reader_agrees_with_the_yaml_reader_on_what_it_accepts(
        skills in prop::collection::btree_map(arb_id(), arb_record(), 0..6),
        milestones in prop::collection::btree_map(arb_id(), arb_milestone(), 0..3),
        hours in prop::option::of(prop_oneof![(1u8..60).prop_map(f32::from), 0.1f32..168.0]),
        retention in prop::option::of(prop_oneof![Just(0.9f32), 0.5f32..1.0]),
        trusted in prop::collection::btree_map(arb_id(), prop_oneof!["[0-9a-f]{16}", "[0-9e]{1,6}"], 0..3),
        edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..3),
    ) {
        let skills = skills.into_iter().filter(|(_, r)| !r.is_blank()).collect();
        let milestones = milestones.into_iter().filter(|(_, m)| !m.is_blank()).collect();
        let progress = Progress { weekly_hours: hours, skills, milestones, retention, trusted };
        let text = mutate(&emit(&progress), &edits);
        if let Some(fast) = canonical::parse(&text) {
            prop_assert_eq!(read::parse(&text).map_err(|e| format!("{e:?}\n{text}")), Ok(fast));
        }
    }
}

#[test]
fn the_fast_reader_takes_the_files_it_writes() {
    let mut progress = Progress { weekly_hours: Some(7.5), ..Progress::default() };
    for i in 0..50 {
        let record = SkillProgress {
            status: Status::ALL[i % 4],
            started: Some(date("2026-01-05")),
            checkpoints: [0, i % 5].into(),
            ..SkillProgress::default()
        };
        progress.skills.insert(format!("phase/skill-{i:03}"), record);
    }
    progress.skills.get_mut("phase/skill-002").unwrap().reviews = vec![
        Review { date: date("2026-01-09"), grade: Grade::Good },
        Review { date: date("2026-02-01"), grade: Grade::Again },
    ];
    progress.milestones.insert("phase".into(), MilestoneProgress { status: Status::Done, ..Default::default() });
    progress.milestones.insert(
        "second".into(),
        MilestoneProgress {
            project: Some("/home/ana/my-api".into()),
            checks: [(2, CheckRecord { result: CheckResult::Cannot, date: date("2026-03-01"), digest: "0a".into() })]
                .into(),
            ..Default::default()
        },
    );
    progress.trusted.insert("my-roadmap".into(), "9f86d081884c7d65".into());
    let text = emit(&progress);
    assert_eq!(canonical::parse(&text), Some(progress));
    // A note, a comment or a quoted id is left to the YAML reader.
    for other in ["    note: hi", "# a comment", "  \"odd id\":"] {
        let edited = text.replacen("skills:\n", &format!("skills:\n{other}\n"), 1);
        assert_eq!(canonical::parse(&edited), None, "{other}");
    }
}
