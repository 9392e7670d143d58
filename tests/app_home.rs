//! Home's list and the status bar as a newcomer meets them: every review reachable, warnings
//! that never take a reason's place, the phase shown whole, the keys the selected step
//! takes, and every message whole at 40 columns.

mod common;

use common::app::{fixture, place, run, screen, skill_index, step};
use roadmap_tutor::app::{Action, App, Effect, Message};
use roadmap_tutor::progress::{Date, Status};

/// Progress with every skill of the fixture but the last done long ago: all of them due a
/// review.
fn many_reviews(app: &mut App) {
    let mut progress = app.progress.clone();
    let long_ago = Date::new(2026, 1, 10).unwrap();
    for skill in &app.roadmap.skills[..app.roadmap.skills.len() - 1] {
        progress.set_status(&skill.id, Status::Done, long_ago);
    }
    step(app, Action::ProgressChanged(progress));
}

#[test]
fn every_review_due_is_on_home_and_j_reaches_the_last() {
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        let mut app = fixture();
        step(&mut app, Action::Resize { width, height });
        many_reviews(&mut app);
        let reviews = app.derived.advice.reviews.len();
        assert!(reviews >= 5, "{reviews} reviews due");
        let items = app.home_items().len();
        assert_eq!(items, app.derived.advice.next.len().min(8) + reviews, "every review is listed");
        let rows = screen(&app);
        let more = rows.iter().any(|r| r.contains("more ┛"));
        assert!(more || height == 40, "{width}x{height}: a marker says items are out of sight\n{}", rows.join("\n"));
        for _ in 0..items + 3 {
            step(&mut app, Action::Down);
        }
        assert_eq!(app.home_row, items - 1, "{width}x{height}: j reaches the last item");
        let last = app.home_items()[items - 1].target.title(&app.roadmap).to_string();
        let rows = screen(&app);
        assert!(
            rows.iter().any(|r| r.contains(&format!("● {last}"))),
            "{width}x{height}: {last} shows\n{}",
            rows.join("\n")
        );
        assert!(rows.iter().any(|r| r.contains("↑")), "{width}x{height}: and the marker says some are above");
    }
}

/// Rows of Home's list, from its top border to its bottom one.
fn steps_panel(rows: &[String]) -> Vec<String> {
    let top = rows.iter().position(|r| r.contains("Next steps")).unwrap();
    let left = rows[top].chars().position(|c| c == '┏').unwrap();
    rows[top + 1..]
        .iter()
        .map(|r| r.chars().skip(left + 1).take_while(|&c| c != '┃').collect::<String>())
        .take_while(|r| !r.starts_with('━'))
        .collect()
}

#[test]
fn a_warning_never_takes_the_place_of_a_reason() {
    for width in [40, 60, 80, 100, 120] {
        for height in 12..40 {
            let mut app = fixture();
            step(&mut app, Action::Resize { width, height });
            let rows = screen(&app);
            let panel = steps_panel(&rows);
            let Some(first_warning) = panel.iter().position(|r| r.trim_start().starts_with('⚠')) else {
                assert!(height < 20, "{width}x{height}: the warnings show");
                continue;
            };
            let text = rows.join("\n");
            assert!(panel[first_warning - 1].contains('┄'), "{width}x{height}: a rule above the warnings\n{text}");
            // Above the rule: blank rows, or the last line of an item's reason.
            let above = panel[..first_warning - 1].iter().rev().find(|r| !r.trim().is_empty());
            if let Some(above) = above {
                assert!(above.starts_with("   "), "{width}x{height}: the row above the warnings is a reason\n{text}");
            }
        }
    }
}

#[test]
fn marking_a_skill_done_before_its_prerequisite_warns_at_once() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Bottom]);
    assert_eq!(step(&mut app, Action::SetStatus(Status::Done)), Some(Effect::Save));
    assert_eq!(
        app.message,
        Some(Message {
            text: "The standard library is done but its prerequisite Python basics is not (u undoes)".into(),
            error: true
        })
    );
    run(&mut app, &[Action::Undo, Action::Top, Action::Down, Action::SetStatus(Status::Done)]);
    assert_eq!(app.message.as_ref().unwrap().text, "Git basics: done", "nothing to warn about");
    // From Home, as from the Roadmap: the status cycles into done.
    let mut app = fixture();
    let stdlib = skill_index(&app, "basics/stdlib");
    app.open_skill(stdlib);
    run(&mut app, &[Action::CycleStatus, Action::CycleStatus]);
    assert!(app.message.as_ref().unwrap().text.starts_with("The standard library is done but"), "{:?}", app.message);
}

#[test]
fn p_on_home_shows_the_phase_you_are_in_whole() {
    let mut app = fixture();
    step(&mut app, Action::ShowPhase);
    assert_eq!(place(&app), "Roadmap | Roadmap mode | map phase 0 row 0 pane Phases | home row 0 | 120x40");
    assert!(screen(&app).iter().any(|r| r.contains("In this phase you learn")));
}

#[test]
fn home_footer_names_the_key_for_the_selected_step() {
    let mut app = fixture();
    let footer = |app: &App| screen(app).last().unwrap().clone();
    assert!(footer(&app).contains("d done"), "{}", footer(&app));
    let mut fresh = fixture();
    step(&mut fresh, Action::ProgressChanged(Default::default()));
    assert!(footer(&fresh).contains("s start · d done"), "{}", footer(&fresh));
    let review = app.home_items().iter().position(|s| s.kind == roadmap_tutor::suggest::SuggestionKind::Review);
    app.home_row = review.unwrap();
    assert!(footer(&app).contains("v reviewed"), "{}", footer(&app));
}

/// Every message the app can show, each reached as a learner (or the loop) reaches it, read
/// whole off a 40x12 screen: the status bar grows to show it rather than cutting it.
#[test]
fn every_message_shows_whole_at_40_columns() {
    use Action::*;
    use roadmap_tutor::app::EditorOutcome;
    let url = "https://docs.python.org/3/library/pathlib.html#pathlib.Path.read_text";
    let path = "/home/learner/.local/share/roadmap-tutor/progress.yaml";
    let python = |app: &App| skill_index(app, "basics/python");
    let kept = Some(format!("{path}.note"));
    let cases: Vec<(&str, Vec<Action>)> = vec![
        (
            "the opener failed",
            vec![Opened { url: url.into(), error: Some("No such file or directory (os error 2)".into()) }],
        ),
        ("the opener started", vec![Opened { url: url.into(), error: None }]),
        ("saving failed", vec![SaveFailed(format!("cannot save progress to {path}: Permission denied (os error 13)"))]),
        (
            "another save unreadable",
            vec![ReloadFailed(format!("cannot load progress from {path}, line 3: did not find expected key\nmore"))],
        ),
        ("done before a prerequisite", vec![GoRoadmap, Bottom, SetStatus(Status::Done)]),
        ("already done", vec![GoRoadmap, SetStatus(Status::Done)]),
        ("reviewed", vec![GoRoadmap, MarkReviewed]),
        ("only done skills are reviewed", vec![GoRoadmap, Bottom, MarkReviewed]),
        ("undo of a status", vec![GoRoadmap, Bottom, SetStatus(Status::Doing), Undo]),
        ("nothing to undo", vec![Undo]),
        ("a phase without a milestone", vec![GoRoadmap, Left, Bottom, ToggleMilestone]),
        ("a milestone done", vec![GoRoadmap, Left, ToggleMilestone]),
        ("status keys on the phase list", vec![GoRoadmap, Left, SetStatus(Status::Done)]),
        ("a filter", vec![GoRoadmap, ToggleCoreOnly]),
        ("hours out of range", vec![EditHours, Insert('0'), Finish]),
        ("no hours", vec![EditHours, ClearToStart, Finish]),
        ("a letter in the hours", vec![EditHours, Insert('x')]),
        ("hours kept", vec![EditHours, Insert('9'), Finish]),
        ("a checkpoint without the items focused", vec![GoRoadmap, Down, Down, Open, ToggleCheckpoint]),
        ("no editor", vec![GoRoadmap, Down, Down, Open, NoteEdited { skill: 2, outcome: EditorOutcome::NotSet }]),
        (
            "the editor failed",
            vec![
                GoRoadmap,
                Down,
                Down,
                Open,
                NoteEdited { skill: 2, outcome: EditorOutcome::Failed("vim exited with status 1".into()) },
            ],
        ),
        (
            "a note kept with a copy",
            vec![
                GoRoadmap,
                Down,
                Down,
                Open,
                NoteEdited {
                    skill: 2,
                    outcome: EditorOutcome::Text { text: "new \u{fffd}".into(), replaced: 3, kept: kept.clone() },
                },
            ],
        ),
    ];
    for (name, actions) in cases {
        let mut app = fixture();
        step(&mut app, Resize { width: 40, height: 12 });
        assert_eq!(python(&app), 2, "the note cases edit Python basics");
        run(&mut app, &actions);
        let message = app.message.clone().unwrap_or_else(|| panic!("{name}: no message"));
        // A link is what the opener's message is for, the cause what a failed save's is: the
        // system's reason, or the file after the cause, may be cut.
        let point = match message.text.split_once(" (no opener").or_else(|| message.text.split_once(" (/home")) {
            Some((point, _)) => point.to_string(),
            None => message.text.clone(),
        };
        let rows = screen(&app);
        let squeezed = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert!(squeezed(&rows.join("")).contains(&squeezed(&point)), "{name}: {point:?} is cut\n{}", rows.join("\n"));
    }
}

#[test]
fn an_empty_filtered_list_says_which_keys_bring_skills_back() {
    let mut app = fixture();
    step(&mut app, Action::Resize { width: 40, height: 12 });
    run(
        &mut app,
        &[Action::GoRoadmap, Action::ToggleCoreOnly, Action::ToggleHideDone, Action::SetStatus(Status::Done)],
    );
    let text = screen(&app).join("\n");
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        squeezed.contains("Nothing left here with these ┃ ┃ filters: c shows every level, H ┃ ┃ shows done ones."),
        "{text}"
    );
}
