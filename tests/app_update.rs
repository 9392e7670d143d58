//! `App::update` as the event loop drives it (a frame drawn before each action, its geometry
//! handed to the app): tables of cases, each a starting point, the actions, and the state that
//! must follow, compared as values so a failure prints what was expected and what was found.

mod common;

use common::app::{fixture, id, place, run, screen, skill_index, step};
use roadmap_tutor::app::{Action, App, Effect, Item, Message, Mode, Pane, Screen, SkillFocus};
use roadmap_tutor::progress::{Date, Grade, Status};

#[test]
fn navigation() {
    use Action::*;
    let rest = "| home row 0 | 120x40";
    let cases: Vec<(&str, Vec<Action>, String)> = vec![
        ("starts on Home", vec![], format!("Home | Home mode | map phase 0 row 0 pane Skills {rest}")),
        (
            "2 opens the Roadmap",
            vec![GoRoadmap],
            format!("Roadmap | Roadmap mode | map phase 0 row 0 pane Skills {rest}"),
        ),
        (
            "Esc goes back home",
            vec![GoRoadmap, Back],
            format!("Home | Home mode | map phase 0 row 0 pane Skills {rest}"),
        ),
        (
            "j moves down the skills",
            vec![GoRoadmap, Down],
            format!("Roadmap | Roadmap mode | map phase 0 row 1 pane Skills {rest}"),
        ),
        (
            "k stops at the top",
            vec![GoRoadmap, Up, Up],
            format!("Roadmap | Roadmap mode | map phase 0 row 0 pane Skills {rest}"),
        ),
        (
            "G goes to the last skill",
            vec![GoRoadmap, Bottom],
            format!("Roadmap | Roadmap mode | map phase 0 row 3 pane Skills {rest}"),
        ),
        (
            "h focuses phases",
            vec![GoRoadmap, Left],
            format!("Roadmap | Roadmap mode | map phase 0 row 0 pane Phases {rest}"),
        ),
        (
            "j in phases changes phase",
            vec![GoRoadmap, Left, Down],
            format!("Roadmap | Roadmap mode | map phase 1 row 0 pane Phases {rest}"),
        ),
        (
            "Tab cycles panes",
            vec![GoRoadmap, NextPane],
            format!("Roadmap | Roadmap mode | map phase 0 row 0 pane Detail {rest}"),
        ),
        (
            "Enter opens the skill",
            vec![GoRoadmap, Down, Open],
            format!("skill basics/git | Skill mode | map phase 0 row 1 pane Skills {rest}"),
        ),
        (
            "Esc from a skill returns to the Roadmap",
            vec![GoRoadmap, Open, Back],
            format!("Roadmap | Roadmap mode | map phase 0 row 0 pane Skills {rest}"),
        ),
        ("/ opens search", vec![GoSearch], format!("Search | Search mode | map phase 0 row 0 pane Skills {rest}")),
        (
            "? opens help over the screen",
            vec![GoRoadmap, ToggleHelp],
            format!("Roadmap +help | Help mode | map phase 0 row 0 pane Skills {rest}"),
        ),
        (
            "? again closes it",
            vec![ToggleHelp, ToggleHelp],
            format!("Home | Home mode | map phase 0 row 0 pane Skills {rest}"),
        ),
        (
            "Home lists steps to select",
            vec![Down],
            "Home | Home mode | map phase 0 row 0 pane Skills | home row 1 | 120x40".into(),
        ),
        (
            "Enter on Home opens the step",
            vec![Open],
            format!("skill basics/python | Skill mode | map phase 0 row 2 pane Skills {rest}"),
        ),
        (
            "resize is remembered",
            vec![Resize { width: 50, height: 15 }],
            "Home | Home mode | map phase 0 row 0 pane Skills | home row 0 | 50x15".into(),
        ),
    ];
    for (name, actions, expected) in cases {
        let mut app = fixture();
        run(&mut app, &actions);
        assert_eq!(place(&app), expected, "{name}");
    }
}

#[test]
fn below_the_smallest_size_keys_wait_and_only_quit_acts() {
    let mut app = fixture();
    run(&mut app, &[Action::Resize { width: 20, height: 5 }]);
    let before = app.progress.clone();
    for action in [Action::GoRoadmap, Action::SetStatus(Status::Done), Action::Down, Action::SetStatus(Status::Done)] {
        assert_eq!(step(&mut app, action.clone()), None, "{action:?}");
    }
    assert_eq!(app.progress, before, "no skill was marked unseen");
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(step(&mut app, Action::Quit), Some(Effect::Quit));
    // Back at a usable size, keys act again.
    run(&mut app, &[Action::Resize { width: 80, height: 24 }]);
    assert_eq!(step(&mut app, Action::GoRoadmap), None);
    assert_eq!(app.screen, Screen::Roadmap);
}

#[test]
fn status_changes_save_and_undo_restores() {
    let mut app = fixture();
    let python = skill_index(&app, "basics/python");
    run(&mut app, &[Action::GoRoadmap, Action::Down, Action::Down]);
    assert_eq!(app.selected_skill(), Some(python));
    let cases = [
        (Action::SetStatus(Status::Done), Status::Done),
        (Action::CycleStatus, Status::Skipped),
        (Action::CycleStatus, Status::Todo),
        (Action::SetStatus(Status::Doing), Status::Doing),
    ];
    for (action, expected) in cases {
        assert_eq!(step(&mut app, action.clone()), Some(Effect::Save), "{action:?}");
        assert_eq!(app.progress.status("basics/python"), expected, "{action:?}");
    }
    assert_eq!(
        app.progress.get("basics/python").unwrap().note,
        "Finished the functions chapter.\nNext: comprehensions.\n"
    );
    for expected in [Status::Todo, Status::Skipped, Status::Done, Status::Doing] {
        assert_eq!(step(&mut app, Action::Undo), Some(Effect::Save));
        assert_eq!(app.progress.status("basics/python"), expected);
    }
    assert_eq!(app.progress.get("basics/python").unwrap().started, Some(Date::new(2026, 11, 6).unwrap()));
    assert_eq!(step(&mut app, Action::Undo), None, "nothing left to undo");
    assert_eq!(app.message.as_ref().unwrap().text, "Nothing to undo");
}

#[test]
fn setting_the_same_status_changes_nothing_and_says_so() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap]);
    assert_eq!(step(&mut app, Action::SetStatus(Status::Done)), None, "decomposition is already done");
    assert_eq!(app.message.as_ref().unwrap().text, "Problem decomposition is already done");
}

#[test]
fn keys_that_cannot_apply_say_why() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Left, Action::Bottom]);
    assert_eq!(step(&mut app, Action::ToggleMilestone), None);
    assert_eq!(app.message.as_ref().unwrap().text, "Career has no milestone project");
    run(&mut app, &[Action::Top, Action::Right, Action::Down, Action::Down]);
    assert_eq!(step(&mut app, Action::MarkReviewed), None, "Python basics is in progress");
    assert_eq!(app.message.as_ref().unwrap().text, "Python basics is doing: only done skills are reviewed");
}

#[test]
fn a_done_skill_is_reviewed_and_undo_says_what_it_took_back() {
    let mut app = fixture();
    let review = |app: &App| {
        let decomposition = skill_index(app, "basics/decomposition");
        app.home_items().iter().any(|s| s.target == roadmap_tutor::suggest::Target::Skill(decomposition))
    };
    assert!(review(&app), "Home lists the review of Problem decomposition, due by FSRS");
    run(&mut app, &[Action::GoRoadmap]);
    assert_eq!(step(&mut app, Action::MarkReviewed), Some(Effect::Save));
    assert_eq!(app.progress.get("basics/decomposition").unwrap().reviewed(), Some(app.today));
    assert_eq!(app.message.as_ref().unwrap().text, "Problem decomposition: reviewed today; next review on 2026-12-21");
    assert!(!review(&app), "the review is no longer due");
    step(&mut app, Action::Undo);
    assert_eq!(app.message.as_ref().unwrap().text, "Undone: the review of Problem decomposition");
    assert!(review(&app));

    let python = skill_index(&app, "basics/python");
    app.open_skill(python);
    run(&mut app, &[Action::NextPane, Action::ToggleCheckpoint, Action::Undo]);
    assert_eq!(app.message.as_ref().unwrap().text, "Undone: the checkpoint of Python basics");
}

#[test]
fn filters_keep_the_selection_and_hide_what_they_say() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Bottom]);
    assert_eq!(app.map_selected_skill().map(|s| id(&app, s).to_string()).as_deref(), Some("basics/stdlib"));
    step(&mut app, Action::ToggleCoreOnly);
    let shown: Vec<&str> = app.visible_skills(0).iter().map(|&s| id(&app, s)).collect();
    assert_eq!(shown, ["basics/decomposition", "basics/git", "basics/python"]);
    step(&mut app, Action::ToggleHideDone);
    let shown: Vec<&str> = app.visible_skills(0).iter().map(|&s| id(&app, s)).collect();
    assert_eq!(shown, ["basics/python"], "done and skipped are hidden");
    assert_eq!(app.map.row, 0);
    step(&mut app, Action::SetStatus(Status::Done));
    assert!(app.visible_skills(0).is_empty());
    assert_eq!(app.map_selected_skill(), None, "no selection left, and no panic");
    assert_eq!(step(&mut app, Action::CycleStatus), None);
}

#[test]
fn skill_items_tick_jump_and_edit_the_note() {
    let mut app = fixture();
    let python = skill_index(&app, "basics/python");
    app.open_skill(python);
    assert_eq!(app.mode(), Mode::Skill);
    step(&mut app, Action::NextPane);
    assert_eq!(app.skill.focus, SkillFocus::Items);
    assert_eq!(app.selected_item(python), Some(Item::Checkpoint(0)));
    assert_eq!(step(&mut app, Action::Open), Some(Effect::Save), "Enter ticks");
    assert!(
        !app.progress.get("basics/python").unwrap().checkpoints.contains(&0),
        "checkpoint 0 was ticked, now unticked"
    );
    step(&mut app, Action::Down);
    assert_eq!(step(&mut app, Action::ToggleCheckpoint), Some(Effect::Save));
    assert!(app.progress.get("basics/python").unwrap().checkpoints.contains(&1));

    // Requires: basics/decomposition; jump there and back.
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.selected_item(python), Some(Item::Requires(skill_index(&app, "basics/decomposition"))));
    step(&mut app, Action::Open);
    assert_eq!(app.screen, Screen::Skill(skill_index(&app, "basics/decomposition")));
    step(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::Skill(python));

    step(&mut app, Action::EditNote);
    assert_eq!(app.mode(), Mode::Note);
    for c in " Done!".chars() {
        assert_eq!(step(&mut app, Action::Insert(c)), None, "typing does not save each key");
    }
    assert_eq!(step(&mut app, Action::Finish), Some(Effect::Save));
    assert_eq!(
        app.progress.get("basics/python").unwrap().note,
        "Finished the functions chapter.\nNext: comprehensions. Done!\n"
    );
    assert_eq!(app.mode(), Mode::Skill);
    step(&mut app, Action::Undo);
    assert_eq!(
        app.progress.get("basics/python").unwrap().note,
        "Finished the functions chapter.\nNext: comprehensions.\n"
    );
}

#[test]
fn quitting_while_editing_keeps_the_note() {
    let mut app = fixture();
    app.open_skill(skill_index(&app, "web/sql"));
    step(&mut app, Action::EditNote);
    for c in "joins".chars() {
        step(&mut app, Action::Insert(c));
    }
    assert_eq!(step(&mut app, Action::Quit), Some(Effect::Quit));
    assert_eq!(app.progress.get("web/sql").unwrap().note, "joins");
}

#[test]
fn the_text_scrolls_within_its_length() {
    let mut app = fixture();
    step(&mut app, Action::Resize { width: 80, height: 24 });
    app.open_skill(0);
    step(&mut app, Action::Bottom);
    let bottom = app.skill.scroll;
    assert!(bottom > 0);
    step(&mut app, Action::Down);
    assert_eq!(app.skill.scroll, bottom, "no scrolling past the end");
    step(&mut app, Action::Top);
    assert_eq!(app.skill.scroll, 0);
}

#[test]
fn a_click_on_home_selects_the_step_drawn_there() {
    let mut app = fixture();
    // Narrow, so reasons and warnings wrap onto several rows.
    step(&mut app, Action::Resize { width: 40, height: 30 });
    let rows = screen(&app);
    let http = rows.iter().position(|r| r.contains("● HTTP")).expect("the second step shows");
    assert!(rows[http + 2].contains("ticked yet"), "its reason takes two rows:\n{}", rows.join("\n"));
    step(&mut app, Action::Click { column: 10, row: http as u16 + 2 });
    assert_eq!(app.home_row, 1, "the second row of the second step's reason");
    let warning = rows.iter().position(|r| r.contains("⚠")).expect("a warning shows");
    step(&mut app, Action::Click { column: 10, row: warning as u16 });
    assert_eq!(app.home_row, 1, "a warning is not a step");
    step(&mut app, Action::Click { column: 10, row: http as u16 - 2 });
    assert_eq!(app.home_row, 0);
}

#[test]
fn scrolling_stops_at_the_end_of_help_and_detail() {
    let mut app = fixture();
    step(&mut app, Action::Resize { width: 80, height: 24 });
    run(&mut app, &[Action::GoRoadmap, Action::ToggleHelp]);
    for _ in 0..100 {
        step(&mut app, Action::Down);
    }
    let end = app.help.unwrap();
    assert!(end > 0);
    step(&mut app, Action::Bottom);
    assert_eq!(app.help, Some(end), "Down stopped at the end, where G goes");
    step(&mut app, Action::Up);
    assert_eq!(app.help, Some(end - 1), "one key up moves up at once");
    run(&mut app, &[Action::Top, Action::PageDown]);
    assert!(app.help.unwrap() > 1, "a page at a time");
    step(&mut app, Action::ToggleHelp);

    // Python basics: its detail is taller than the pane at 80x24.
    run(&mut app, &[Action::Down, Action::Down, Action::Right]);
    for _ in 0..100 {
        step(&mut app, Action::Down);
    }
    let end = app.map.detail_scroll;
    assert!(end > 0 && end < 20, "{end}");
    step(&mut app, Action::Up);
    assert_eq!(app.map.detail_scroll, end - 1);
    assert!(screen(&app).iter().any(|r| r.contains("Enter: open the full")), "the end of the detail shows");
}

#[test]
fn on_the_phase_list_enter_goes_to_the_skills_and_status_keys_change_nothing() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Left]);
    let before = app.progress.clone();
    assert_eq!(step(&mut app, Action::SetStatus(Status::Done)), None);
    assert_eq!(step(&mut app, Action::CycleStatus), None);
    assert_eq!(app.progress, before, "the dimmed skill in the next pane is not touched");
    assert!(app.message.as_ref().unwrap().text.contains("press → to pick one"));
    step(&mut app, Action::Open);
    assert_eq!((app.screen, app.map.pane), (Screen::Roadmap, Pane::Skills));
}

#[test]
fn coming_back_from_a_linked_skill_keeps_the_place_on_the_page() {
    let mut app = fixture();
    step(&mut app, Action::Resize { width: 80, height: 24 });
    let python = skill_index(&app, "basics/python");
    app.open_skill(python);
    run(&mut app, &[Action::Down, Action::Down, Action::NextPane, Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.selected_item(python), Some(Item::Requires(skill_index(&app, "basics/decomposition"))));
    step(&mut app, Action::Open);
    assert_eq!(app.screen, Screen::Skill(skill_index(&app, "basics/decomposition")));
    assert_eq!((app.skill.scroll, app.skill.item), (0, 0), "the linked page opens at its top");
    step(&mut app, Action::Back);
    assert_eq!(app.screen, Screen::Skill(python));
    assert_eq!((app.skill.scroll, app.skill.focus, app.skill.item), (2, SkillFocus::Items, 3));
}

#[test]
fn milestones_toggle_and_undo() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Left]);
    assert_eq!(step(&mut app, Action::ToggleMilestone), Some(Effect::Save));
    assert_eq!(app.progress.milestone_status("basics"), Status::Done);
    step(&mut app, Action::Undo);
    assert_eq!(app.progress.milestone_status("basics"), Status::Todo);
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(step(&mut app, Action::ToggleMilestone), None, "career has no milestone");
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls() {
    let mut app = fixture();
    step(&mut app, Action::GoRoadmap);
    let areas = roadmap_tutor::ui::layout::map(roadmap_tutor::ui::layout::chrome(app.area, 1).body);
    let inner = roadmap_tutor::ui::layout::inner(areas.skills);
    step(&mut app, Action::Click { column: inner.x + 2, row: inner.y + 2 });
    assert_eq!((app.map.pane, app.map.row), (Pane::Skills, 2));
    let phases = roadmap_tutor::ui::layout::inner(areas.phases);
    step(&mut app, Action::Click { column: phases.x, row: phases.y + 1 });
    assert_eq!((app.map.pane, app.map.phase), (Pane::Phases, 1));
    step(&mut app, Action::ScrollDown { column: phases.x, row: phases.y });
    assert_eq!(app.map.phase, 2);
    step(&mut app, Action::Click { column: 0, row: 0 });
    assert_eq!(app.screen, Screen::Roadmap, "a click on nothing changes nothing");
}

#[test]
fn quit_suspend_and_saves_are_effects_for_the_loop() {
    let mut app = fixture();
    assert_eq!(step(&mut app, Action::Quit), Some(Effect::Quit));
    assert_eq!(step(&mut app, Action::Suspend), Some(Effect::Suspend));
    step(&mut app, Action::SaveFailed("cannot save progress to /x: Permission denied\nmore".into()));
    assert_eq!(app.message, Some(Message { text: "Not saved: Permission denied (/x)".into(), error: true }));
}

#[test]
fn the_selected_step_stays_selected_when_the_list_reorders() {
    let mut app = fixture();
    let decomposition = skill_index(&app, "basics/decomposition");
    let row = app.home_items().iter().position(|s| s.target == roadmap_tutor::suggest::Target::Skill(decomposition));
    app.home_row = row.expect("a review of Problem decomposition is listed");
    assert!(app.home_row > 0);
    // Back in progress, it moves to the top (started before Python basics): the selection follows.
    assert_eq!(step(&mut app, Action::SetStatus(Status::Doing)), Some(Effect::Save));
    assert_eq!(app.home_row, 0);
    assert_eq!(app.home_selected_skill(), Some(decomposition));
}

/// Answers the quiz open on screen: for each question, its picks (0-based), then Enter to
/// answer and Enter to go on.
fn answer(app: &mut App, picks: &[&[usize]]) {
    for choices in picks {
        for &choice in *choices {
            step(app, Action::Pick(choice));
        }
        step(app, Action::Open);
        step(app, Action::Open);
    }
}

#[test]
fn a_quiz_asks_one_question_at_a_time_and_records_the_grade_chosen() {
    let mut app = fixture();
    let decomposition = skill_index(&app, "basics/decomposition");
    app.open_skill(decomposition);
    step(&mut app, Action::Practice);
    assert_eq!(app.mode(), Mode::Quiz);
    // Enter answers with the choice under the cursor; the explanation shows before moving on.
    step(&mut app, Action::Down);
    step(&mut app, Action::Open);
    let quiz = app.quiz.as_ref().unwrap();
    assert_eq!((quiz.current, quiz.results.clone(), quiz.answered()), (0, vec![true], true));
    assert!(screen(&app).iter().any(|r| r.contains("Small steps can each be run and checked")));
    step(&mut app, Action::Open);
    // Several right answers: each picked, one wrong pick makes it wrong.
    answer(&mut app, &[&[0, 1, 2], &[1]]);
    let quiz = app.quiz.as_ref().unwrap();
    assert_eq!((quiz.results.clone(), quiz.grade), (vec![true, false, true], Some(Grade::Hard)));
    assert!(screen(&app).iter().any(|r| r.contains("2 of 3 right.")), "{}", screen(&app).join("\n"));
    step(&mut app, Action::SetGrade(Grade::Easy));
    assert_eq!(step(&mut app, Action::Open), Some(Effect::Save));
    assert_eq!(app.quiz, None);
    let log = &app.progress.get("basics/decomposition").unwrap().reviews;
    assert_eq!(log.last().map(|r| (r.date, r.grade)), Some((app.today, Grade::Easy)));
    assert!(
        app.message.as_ref().unwrap().text.starts_with("Problem decomposition: reviewed today (easy); the next review")
    );
}

#[test]
fn leaving_a_quiz_records_nothing_and_a_skill_not_started_can_be_tested_out() {
    let mut app = fixture();
    let decomposition = skill_index(&app, "basics/decomposition");
    let before = app.progress.clone();
    app.open_skill(decomposition);
    step(&mut app, Action::Practice);
    answer(&mut app, &[&[1]]);
    step(&mut app, Action::Back);
    assert_eq!((app.quiz.is_none(), &app.progress), (true, &before));
    assert_eq!(app.message.as_ref().unwrap().text, "Quiz left: nothing recorded");

    // Not started yet, every answer right: t marks it known.
    step(&mut app, Action::SetStatus(Status::Todo));
    step(&mut app, Action::Practice);
    answer(&mut app, &[&[1], &[0, 2], &[1]]);
    assert!(app.quiz_may_test_out());
    assert_eq!(step(&mut app, Action::TestOut), Some(Effect::Save));
    let record = app.progress.get("basics/decomposition").unwrap();
    assert_eq!((record.status, record.tested_out), (Status::Done, true));
    assert_eq!(app.message.as_ref().unwrap().text, "Problem decomposition: tested out, it counts as done");
}

#[test]
fn the_review_session_from_home_runs_every_quiz_due_then_says_when_the_next_falls() {
    let mut app = fixture();
    // Problem decomposition was done on 2026-11-05 and is due by now; it is the only skill
    // with a quiz.
    step(&mut app, Action::Practice);
    let quiz = app.quiz.as_ref().expect("a session starts");
    assert_eq!(
        (quiz.skill, quiz.session.as_ref().map(|s| s.queue.len())),
        (skill_index(&app, "basics/decomposition"), Some(0))
    );
    answer(&mut app, &[&[1], &[0, 2], &[1]]);
    assert_eq!(step(&mut app, Action::Open), Some(Effect::Save));
    let said = &app.message.as_ref().unwrap().text;
    assert!(said.starts_with("Review session done: 1 reviewed; the next review falls on 2026-"), "{said}");
    // Nothing is due now.
    step(&mut app, Action::Practice);
    assert!(app.quiz.is_none());
    assert!(app.message.as_ref().unwrap().text.starts_with("No quiz is due for review; the next falls on "));
}

#[test]
fn a_web_link_in_the_text_is_an_item_that_opens() {
    let mut app = fixture();
    let decomposition = skill_index(&app, "basics/decomposition");
    app.open_skill(decomposition);
    let items = app.skill_items(decomposition);
    let link = items.iter().position(|i| *i == Item::TextLink(0)).expect("the text's web link is listed");
    assert!(!items.contains(&Item::TextLink(1)), "a link to a local file is not offered");
    step(&mut app, Action::NextPane);
    for _ in 0..link {
        step(&mut app, Action::Down);
    }
    assert_eq!(step(&mut app, Action::Open), Some(Effect::Open { url: "https://example.org/split".into() }));
    assert!(screen(&app).iter().any(|r| r.contains("how to split a task (in the text)")));
}
