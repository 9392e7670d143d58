//! `update` as tables of cases: a starting point, the actions, what must hold after.

use std::path::Path;

use super::*;
use crate::content::{Source, load};
use crate::progress::Status;

fn fixture() -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let roadmap = load(&Source::Dir(root.join("tests/fixtures/content/tui"))).expect("fixture loads");
    let text = std::fs::read_to_string(root.join("tests/fixtures/progress/tui.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    std::fs::write(&path, text).unwrap();
    let (_, progress) = crate::store::Store::open(&path).unwrap();
    let mut app = App::new(roadmap, progress, Date::new(2026, 11, 21).unwrap(), Theme::new(false));
    app.update(Action::Resize { width: 120, height: 40 });
    app
}

fn id(app: &App, skill: usize) -> &str {
    &app.roadmap.skills[skill].id
}

fn skill_index(app: &App, id: &str) -> usize {
    app.roadmap.index_of(id).unwrap()
}

/// Runs the actions; returns the effect of the last one.
fn run(app: &mut App, actions: &[Action]) -> Option<Effect> {
    let mut last = None;
    for action in actions {
        last = app.update(*action);
    }
    last
}

type Check = fn(&App) -> bool;

#[test]
fn navigation() {
    use Action::*;
    let cases: &[(&str, &[Action], Check)] = &[
        ("starts on Home", &[], |a| a.screen == Screen::Home),
        ("2 opens the Roadmap", &[GoRoadmap], |a| a.screen == Screen::Roadmap),
        ("Esc goes back home", &[GoRoadmap, Back], |a| a.screen == Screen::Home),
        ("j moves down the skills", &[GoRoadmap, Down], |a| a.map.row == 1),
        ("k stops at the top", &[GoRoadmap, Up, Up], |a| a.map.row == 0),
        ("G goes to the last skill", &[GoRoadmap, Bottom], |a| a.map.row == 3),
        ("h focuses phases", &[GoRoadmap, Left], |a| a.map.pane == Pane::Phases),
        ("j in phases changes phase", &[GoRoadmap, Left, Down], |a| a.map.phase == 1 && a.map.row == 0),
        ("Tab cycles panes", &[GoRoadmap, NextPane], |a| a.map.pane == Pane::Detail),
        (
            "Enter opens the skill",
            &[GoRoadmap, Down, Open],
            |a| matches!(a.screen, Screen::Skill(s) if a.roadmap.skills[s].id == "basics/git"),
        ),
        ("Esc from a skill returns to the Roadmap", &[GoRoadmap, Open, Back], |a| a.screen == Screen::Roadmap),
        ("/ opens search", &[GoSearch], |a| a.screen == Screen::Search && a.mode() == Mode::Search),
        ("? opens help over the screen", &[GoRoadmap, ToggleHelp], |a| {
            a.mode() == Mode::Help && a.screen == Screen::Roadmap
        }),
        ("? again closes it", &[ToggleHelp, ToggleHelp], |a| a.help.is_none()),
        ("Home lists steps to select", &[Down], |a| a.home_row == 1),
        ("Enter on Home opens the step", &[Open], |a| matches!(a.screen, Screen::Skill(_))),
        ("resize is remembered", &[Resize { width: 50, height: 15 }], |a| a.area.width == 50),
    ];
    for (name, actions, check) in cases {
        let mut app = fixture();
        run(&mut app, actions);
        assert!(check(&app), "{name}: screen {:?}, map {:?}", app.screen, app.map);
    }
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
        assert_eq!(app.update(action), Some(Effect::Save), "{action:?}");
        assert_eq!(app.progress.status("basics/python"), expected, "{action:?}");
    }
    assert_eq!(
        app.progress.get("basics/python").unwrap().note,
        "Finished the functions chapter.\nNext: comprehensions.\n"
    );
    for expected in [Status::Todo, Status::Skipped, Status::Done, Status::Doing] {
        assert_eq!(app.update(Action::Undo), Some(Effect::Save));
        assert_eq!(app.progress.status("basics/python"), expected);
    }
    assert_eq!(app.progress.get("basics/python").unwrap().started, Some(Date::new(2026, 11, 6).unwrap()));
    assert_eq!(app.update(Action::Undo), None, "nothing left to undo");
    assert_eq!(app.message.as_ref().unwrap().text, "Nothing to undo");
}

#[test]
fn setting_the_same_status_changes_nothing_and_says_so() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap]);
    assert_eq!(app.update(Action::SetStatus(Status::Done)), None, "decomposition is already done");
    assert_eq!(app.message.as_ref().unwrap().text, "Problem decomposition is already done");
}

#[test]
fn keys_that_cannot_apply_say_why() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Left, Action::Bottom]);
    assert_eq!(app.update(Action::ToggleMilestone), None);
    assert_eq!(app.message.as_ref().unwrap().text, "Career has no milestone project");
    run(&mut app, &[Action::Top, Action::Right, Action::Down, Action::Down]);
    assert_eq!(app.update(Action::MarkReviewed), None, "Python basics is in progress");
    assert_eq!(app.message.as_ref().unwrap().text, "Python basics is doing: only done skills are reviewed");
}

#[test]
fn a_done_skill_is_reviewed_and_undo_says_what_it_took_back() {
    let mut app = fixture();
    let review = |app: &App| app.home_items().iter().any(|s| s.reason.contains("7-day review"));
    assert!(review(&app), "Home lists the 7-day review of Problem decomposition");
    run(&mut app, &[Action::GoRoadmap]);
    assert_eq!(app.update(Action::MarkReviewed), Some(Effect::Save));
    assert_eq!(app.progress.get("basics/decomposition").unwrap().reviewed(), Some(app.today));
    assert_eq!(app.message.as_ref().unwrap().text, "Problem decomposition: reviewed today; next review on 2026-12-05");
    assert!(!review(&app), "the review is no longer due");
    app.update(Action::Undo);
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
    app.update(Action::ToggleCoreOnly);
    let shown: Vec<&str> = app.visible_skills(0).iter().map(|&s| id(&app, s)).collect();
    assert_eq!(shown, ["basics/decomposition", "basics/git", "basics/python"]);
    app.update(Action::ToggleHideDone);
    let shown: Vec<&str> = app.visible_skills(0).iter().map(|&s| id(&app, s)).collect();
    assert_eq!(shown, ["basics/python"], "done and skipped are hidden");
    assert_eq!(app.map.row, 0);
    app.update(Action::SetStatus(Status::Done));
    assert!(app.visible_skills(0).is_empty());
    assert_eq!(app.map_selected_skill(), None, "no selection left, and no panic");
    assert_eq!(app.update(Action::CycleStatus), None);
}

#[test]
fn skill_items_tick_jump_and_edit_the_note() {
    let mut app = fixture();
    let python = skill_index(&app, "basics/python");
    app.open_skill(python);
    assert_eq!(app.mode(), Mode::Skill);
    app.update(Action::NextPane);
    assert_eq!(app.skill.focus, SkillFocus::Items);
    assert_eq!(app.selected_item(python), Some(Item::Checkpoint(0)));
    assert_eq!(app.update(Action::Open), Some(Effect::Save), "Enter ticks");
    assert!(
        !app.progress.get("basics/python").unwrap().checkpoints.contains(&0),
        "checkpoint 0 was ticked, now unticked"
    );
    app.update(Action::Down);
    assert_eq!(app.update(Action::ToggleCheckpoint), Some(Effect::Save));
    assert!(app.progress.get("basics/python").unwrap().checkpoints.contains(&1));

    // Requires: basics/decomposition; jump there and back.
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.selected_item(python), Some(Item::Requires(skill_index(&app, "basics/decomposition"))));
    app.update(Action::Open);
    assert_eq!(app.screen, Screen::Skill(skill_index(&app, "basics/decomposition")));
    app.update(Action::Back);
    assert_eq!(app.screen, Screen::Skill(python));

    app.update(Action::EditNote);
    assert_eq!(app.mode(), Mode::Note);
    for c in " Done!".chars() {
        assert_eq!(app.update(Action::Insert(c)), None, "typing does not save each key");
    }
    assert_eq!(app.update(Action::Finish), Some(Effect::Save));
    assert_eq!(
        app.progress.get("basics/python").unwrap().note,
        "Finished the functions chapter.\nNext: comprehensions. Done!\n"
    );
    assert_eq!(app.mode(), Mode::Skill);
    app.update(Action::Undo);
    assert_eq!(
        app.progress.get("basics/python").unwrap().note,
        "Finished the functions chapter.\nNext: comprehensions.\n"
    );
}

#[test]
fn quitting_while_editing_keeps_the_note() {
    let mut app = fixture();
    app.open_skill(skill_index(&app, "web/sql"));
    app.update(Action::EditNote);
    for c in "joins".chars() {
        app.update(Action::Insert(c));
    }
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
    assert_eq!(app.progress.get("web/sql").unwrap().note, "joins");
}

#[test]
fn the_text_scrolls_within_its_length() {
    let mut app = fixture();
    app.update(Action::Resize { width: 80, height: 24 });
    app.open_skill(0);
    app.update(Action::Bottom);
    let bottom = app.skill.scroll;
    assert!(bottom > 0);
    app.update(Action::Down);
    assert_eq!(app.skill.scroll, bottom, "no scrolling past the end");
    app.update(Action::Top);
    assert_eq!(app.skill.scroll, 0);
}

#[test]
fn search_is_live_and_opens_the_result() {
    let mut app = fixture();
    app.update(Action::GoSearch);
    assert_eq!(app.search.hits.len(), 9, "an empty query lists every skill");
    for c in "api".chars() {
        app.update(Action::Insert(c));
    }
    let found: Vec<&str> = app.search.hits.iter().map(|h| id(&app, h.skill)).collect();
    assert_eq!(found[0], "web/api");
    app.update(Action::Open);
    assert_eq!(app.screen, Screen::Skill(skill_index(&app, "web/api")));
    app.update(Action::Back);
    assert_eq!((app.screen, app.search.query.as_str()), (Screen::Search, "api"), "back to the same search");
    app.update(Action::DeleteBack);
    assert_eq!(app.search.query, "ap");
}

#[test]
fn weekly_hours_are_checked_before_they_are_kept() {
    let mut app = fixture();
    app.update(Action::EditHours);
    assert_eq!(app.mode(), Mode::Hours);
    assert_eq!(app.hours_input.as_deref(), Some("8"));
    run(&mut app, &[Action::DeleteBack, Action::Insert('1'), Action::Insert('2'), Action::Insert('x')]);
    assert_eq!(app.update(Action::Finish), Some(Effect::Save));
    assert_eq!(app.progress.weekly_hours, Some(12.0));
    run(&mut app, &[Action::EditHours, Action::DeleteBack, Action::DeleteBack, Action::Insert('0')]);
    assert_eq!(app.update(Action::Finish), None);
    assert!(app.message.as_ref().unwrap().text.contains("from 0.5 to 168"));
    assert_eq!(app.mode(), Mode::Hours, "the prompt stays open to correct the number");
    assert_eq!(app.progress.weekly_hours, Some(12.0));
    run(&mut app, &[Action::Insert('.'), Action::Insert('5')]);
    assert_eq!(app.update(Action::Finish), Some(Effect::Save));
    assert_eq!((app.mode(), app.progress.weekly_hours), (Mode::Home, Some(0.5)));
}

/// The screen as text, one string per row.
fn screen(app: &App) -> Vec<String> {
    let (width, height) = (app.area.width, app.area.height);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(&*app, frame.area())).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height).map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect()).collect()
}

#[test]
fn a_click_on_home_selects_the_step_drawn_there() {
    let mut app = fixture();
    // Narrow, so reasons and warnings wrap onto several rows.
    app.update(Action::Resize { width: 40, height: 30 });
    let rows = screen(&app);
    let http = rows.iter().position(|r| r.contains("● HTTP")).expect("the second step shows");
    assert!(rows[http + 2].contains("ticked yet"), "its reason takes two rows:\n{}", rows.join("\n"));
    app.update(Action::Click { column: 10, row: http as u16 + 2 });
    assert_eq!(app.home_row, 1, "the second row of the second step's reason");
    let warning = rows.iter().position(|r| r.contains("⚠")).expect("a warning shows");
    app.update(Action::Click { column: 10, row: warning as u16 });
    assert_eq!(app.home_row, 1, "a warning is not a step");
    app.update(Action::Click { column: 10, row: http as u16 - 2 });
    assert_eq!(app.home_row, 0);
}

#[test]
fn scrolling_stops_at_the_end_of_help_and_detail() {
    let mut app = fixture();
    app.update(Action::Resize { width: 80, height: 24 });
    run(&mut app, &[Action::GoRoadmap, Action::ToggleHelp]);
    for _ in 0..100 {
        app.update(Action::Down);
    }
    let end = app.help.unwrap();
    assert!(end > 0);
    app.update(Action::Bottom);
    assert_eq!(app.help, Some(end), "Down stopped at the end, where G goes");
    app.update(Action::Up);
    assert_eq!(app.help, Some(end - 1), "one key up moves up at once");
    run(&mut app, &[Action::Top, Action::PageDown]);
    assert!(app.help.unwrap() > 1, "a page at a time");
    app.update(Action::ToggleHelp);

    // Python basics: its detail is taller than the pane at 80x24.
    run(&mut app, &[Action::Down, Action::Down, Action::Right]);
    for _ in 0..100 {
        app.update(Action::Down);
    }
    let end = app.map.detail_scroll;
    assert!(end > 0 && end < 20, "{end}");
    app.update(Action::Up);
    assert_eq!(app.map.detail_scroll, end - 1);
    assert!(screen(&app).iter().any(|r| r.contains("Enter: open the full")), "the end of the detail shows");
}

#[test]
fn on_the_phase_list_enter_goes_to_the_skills_and_status_keys_change_nothing() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Left]);
    let before = app.progress.clone();
    assert_eq!(app.update(Action::SetStatus(Status::Done)), None);
    assert_eq!(app.update(Action::CycleStatus), None);
    assert_eq!(app.progress, before, "the dimmed skill in the next pane is not touched");
    assert!(app.message.as_ref().unwrap().text.contains("press → to pick one"));
    app.update(Action::Open);
    assert_eq!((app.screen, app.map.pane), (Screen::Roadmap, Pane::Skills));
}

#[test]
fn coming_back_from_a_linked_skill_keeps_the_place_on_the_page() {
    let mut app = fixture();
    app.update(Action::Resize { width: 80, height: 24 });
    let python = skill_index(&app, "basics/python");
    app.open_skill(python);
    run(&mut app, &[Action::Down, Action::Down, Action::NextPane, Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.selected_item(python), Some(Item::Requires(skill_index(&app, "basics/decomposition"))));
    app.update(Action::Open);
    assert_eq!(app.screen, Screen::Skill(skill_index(&app, "basics/decomposition")));
    assert_eq!((app.skill.scroll, app.skill.item), (0, 0), "the linked page opens at its top");
    app.update(Action::Back);
    assert_eq!(app.screen, Screen::Skill(python));
    assert_eq!((app.skill.scroll, app.skill.focus, app.skill.item), (2, SkillFocus::Items, 3));
}

#[test]
fn milestones_toggle_and_undo() {
    let mut app = fixture();
    run(&mut app, &[Action::GoRoadmap, Action::Left]);
    assert_eq!(app.update(Action::ToggleMilestone), Some(Effect::Save));
    assert_eq!(app.progress.milestone_status("basics"), Status::Done);
    app.update(Action::Undo);
    assert_eq!(app.progress.milestone_status("basics"), Status::Todo);
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.update(Action::ToggleMilestone), None, "career has no milestone");
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls() {
    let mut app = fixture();
    app.update(Action::GoRoadmap);
    let areas = crate::ui::layout::map(crate::ui::layout::chrome(app.area).body);
    let inner = crate::ui::layout::inner(areas.skills);
    app.update(Action::Click { column: inner.x + 2, row: inner.y + 2 });
    assert_eq!((app.map.pane, app.map.row), (Pane::Skills, 2));
    let phases = crate::ui::layout::inner(areas.phases);
    app.update(Action::Click { column: phases.x, row: phases.y + 1 });
    assert_eq!((app.map.pane, app.map.phase), (Pane::Phases, 1));
    app.update(Action::ScrollDown { column: phases.x, row: phases.y });
    assert_eq!(app.map.phase, 2);
    app.update(Action::Click { column: 0, row: 0 });
    assert_eq!(app.screen, Screen::Roadmap, "a click on nothing changes nothing");
}

#[test]
fn quit_suspend_and_saves_are_effects_for_the_loop() {
    let mut app = fixture();
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
    assert_eq!(app.update(Action::Suspend), Some(Effect::Suspend));
    app.save_failed("cannot save progress to /x: Permission denied\nmore");
    assert_eq!(
        app.message,
        Some(Message { text: "Not saved: cannot save progress to /x: Permission denied".into(), error: true })
    );
}

#[test]
fn the_selected_step_stays_selected_when_the_list_reorders() {
    let mut app = fixture();
    let decomposition = skill_index(&app, "basics/decomposition");
    let row = app.home_items().iter().position(|s| s.target == crate::suggest::Target::Skill(decomposition));
    app.home_row = row.expect("a review of Problem decomposition is listed");
    assert!(app.home_row > 0);
    // Back in progress, it moves to the top (started before Python basics): the selection follows.
    assert_eq!(app.update(Action::SetStatus(Status::Doing)), Some(Effect::Save));
    assert_eq!(app.home_row, 0);
    assert_eq!(app.home_selected_skill(), Some(decomposition));
}
