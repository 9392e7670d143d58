//! `App::update` as the event loop drives it (a frame drawn before each action, its geometry
//! handed to the app): tables of cases, each a starting point, the actions, and the state that
//! must follow, compared as values so a failure prints what was expected and what was found.

use std::path::Path;

use roadmap_tutor::app::{Action, App, Effect, Item, Message, Mode, Pane, Screen, SkillFocus};
use roadmap_tutor::content::{Source, load};
use roadmap_tutor::progress::{Date, Status};
use roadmap_tutor::ui::Ui;
use roadmap_tutor::ui::theme::Theme;

fn fixture() -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let roadmap = load(&Source::Dir(root.join("tests/fixtures/content/tui"))).expect("fixture loads");
    let text = std::fs::read_to_string(root.join("tests/fixtures/progress/tui.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    std::fs::write(&path, text).unwrap();
    let (_, progress) = roadmap_tutor::store::Store::open(&path).unwrap();
    let mut app = App::new(roadmap, progress, Date::new(2026, 11, 21).unwrap());
    step(&mut app, Action::Resize { width: 120, height: 40 });
    app
}

/// One turn of the loop: a frame, then the action.
fn step(app: &mut App, action: Action) -> Option<Effect> {
    Ui::new(Theme::new(false)).step(app, action)
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
        last = step(app, action.clone());
    }
    last
}

/// Where the learner is, in a few words: the screen, the pane, the selection, the mode.
fn place(app: &App) -> String {
    let screen = match app.screen {
        Screen::Skill(skill) => format!("skill {}", app.roadmap.skills[skill].id),
        other => format!("{other:?}"),
    };
    let help = if app.help.is_some() { " +help" } else { "" };
    format!(
        "{screen}{help} | {:?} mode | map phase {} row {} pane {:?} | home row {} | {}x{}",
        app.mode(),
        app.map.phase,
        app.map.row,
        app.map.pane,
        app.home_row,
        app.area.width,
        app.area.height
    )
}

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
fn search_is_live_and_opens_the_result() {
    let mut app = fixture();
    step(&mut app, Action::GoSearch);
    assert_eq!(app.search.hits.len(), 9, "an empty query lists every skill");
    for c in "api".chars() {
        step(&mut app, Action::Insert(c));
    }
    let found: Vec<&str> = app.search.hits.iter().map(|h| id(&app, h.skill)).collect();
    assert_eq!(found[0], "web/api");
    step(&mut app, Action::Open);
    assert_eq!(app.screen, Screen::Skill(skill_index(&app, "web/api")));
    step(&mut app, Action::Back);
    assert_eq!((app.screen, app.search.query()), (Screen::Search, "api"), "back to the same search");
    step(&mut app, Action::DeleteBack);
    assert_eq!(app.search.query(), "ap");
}

/// The search box as a learner types in it: `/` again after a search for "api", then keys.
#[test]
fn a_new_search_replaces_the_old_query_and_the_box_edits_as_a_shell_line_does() {
    use Action::*;
    let typed = |text: &str| text.chars().map(Insert).collect::<Vec<_>>();
    let cases: Vec<(&str, Vec<Action>, &str, Option<&str>)> = vec![
        ("typing replaces the old query", typed("sql"), "sql", Some("web/sql")),
        ("Backspace keeps it, to edit", vec![DeleteBack], "ap", Some("web/api")),
        ("End keeps it too", [vec![LineEnd], typed(" x")].concat(), "api x", None),
        ("Ctrl-U clears it", vec![ClearToStart], "", None),
        ("Ctrl-W deletes a word", [vec![LineEnd], typed(" http"), vec![DeleteWordBack]].concat(), "api ", None),
        ("digits type", typed("oauth2"), "oauth2", None),
        ("? types once something is typed", [typed("what"), vec![ToggleHelp]].concat(), "what?", None),
        ("arrows move the cursor", [vec![LineEnd, Left, Left], typed("x")].concat(), "axpi", None),
        ("Home and typing", [vec![LineStart], typed("web ")].concat(), "web api", Some("web/api")),
    ];
    for (name, actions, query, first) in cases {
        let mut app = fixture();
        run(&mut app, &[GoSearch, Insert('a'), Insert('p'), Insert('i'), Back, GoSearch]);
        assert!(app.search.field.is_selected(), "{name}: the old query opens selected");
        run(&mut app, &actions);
        assert_eq!((app.mode(), app.search.query()), (Mode::Search, query), "{name}");
        if let Some(first) = first {
            assert_eq!(id(&app, app.search.hits[0].skill), first, "{name}: the results follow the query");
        }
    }
    let mut app = fixture();
    run(&mut app, &[GoSearch, Insert('a'), Insert('p'), Insert('i'), Back, GoSearch, Open]);
    assert_eq!(
        app.screen,
        Screen::Skill(skill_index(&app, "web/api")),
        "Enter on the old query opens its first result"
    );
}

#[test]
fn question_mark_opens_help_before_anything_is_typed_in_search() {
    let mut app = fixture();
    run(&mut app, &[Action::GoSearch, Action::ToggleHelp]);
    assert_eq!(app.mode(), Mode::Help, "an empty box: ? is help");
    run(&mut app, &[Action::ToggleHelp, Action::Insert('a'), Action::Back, Action::GoSearch, Action::ToggleHelp]);
    assert_eq!(app.mode(), Mode::Help, "the old query, selected: ? is help");
    assert_eq!(app.search.query(), "a");
}

#[test]
fn weekly_hours_are_checked_before_they_are_kept() {
    let mut app = fixture();
    step(&mut app, Action::EditHours);
    assert_eq!(app.mode(), Mode::Hours);
    assert_eq!(app.hours_input.as_ref().map(|f| (f.text(), f.is_selected())), Some(("8", true)));
    run(&mut app, &[Action::DeleteBack, Action::Insert('1'), Action::Insert('2'), Action::Insert('x')]);
    assert_eq!(app.message.as_ref().unwrap().text, "Weekly hours: digits, and a point for a half (2.5)");
    assert_eq!(step(&mut app, Action::Finish), Some(Effect::Save));
    assert_eq!(app.progress.weekly_hours, Some(12.0));
    run(&mut app, &[Action::EditHours, Action::Insert('0')]);
    assert_eq!(step(&mut app, Action::Finish), None);
    assert_eq!(app.message.as_ref().unwrap().text, "Hours a week go from 0.5 to 168, not 0 (Esc cancels)");
    assert_eq!(app.mode(), Mode::Hours, "the prompt stays open to correct the number");
    assert_eq!(app.progress.weekly_hours, Some(12.0));
    run(&mut app, &[Action::Insert('.'), Action::Insert('5')]);
    assert_eq!(step(&mut app, Action::Finish), Some(Effect::Save));
    assert_eq!((app.mode(), app.progress.weekly_hours), (Mode::Home, Some(0.5)));
}

/// The prompt shows 10; what the learner types, and what is kept.
#[test]
fn typing_in_the_hours_prompt_replaces_the_value_shown() {
    use Action::*;
    let refused = "Hours a week go from 0.5 to 168, not 1000 (Esc cancels)";
    let cases: &[(&str, &[Action], Option<f32>, &str)] = &[
        ("w 8 Enter: 8, not 108", &[Insert('8')], Some(8.0), "Planning with 8 hours a week"),
        ("Backspace keeps and edits", &[DeleteBack, Insert('2')], Some(12.0), "Planning with 12 hours a week"),
        ("an arrow keeps and edits", &[Left, Insert('5')], Some(150.0), "Planning with 150 hours a week"),
        ("End keeps and edits", &[LineEnd, Insert('8')], Some(108.0), "Planning with 108 hours a week"),
        ("absurd: refused with the range", &[LineEnd, Insert('0'), Insert('0')], None, refused),
        ("Enter keeps 10", &[], Some(10.0), "Planning with 10 hours a week"),
        ("a half", &[Insert('2'), Insert('.'), Insert('5')], Some(2.5), "Planning with 2.5 hours a week"),
        ("Ctrl-U, then nothing", &[ClearToStart], None, "Type your hours a week, from 0.5 to 168 (Esc cancels)"),
        ("a second point does not type", &[Insert('1'), Insert('.'), Insert('.'), Insert('5')], Some(1.5), ""),
    ];
    for (name, actions, kept, message) in cases {
        let mut app = fixture();
        app.progress.weekly_hours = Some(10.0);
        step(&mut app, Action::EditHours);
        run(&mut app, actions);
        step(&mut app, Action::Finish);
        assert_eq!(app.progress.weekly_hours, Some(kept.unwrap_or(10.0)), "{name}");
        assert_eq!(app.hours_input.is_some(), kept.is_none(), "{name}: a refused number keeps the prompt open");
        if !message.is_empty() {
            assert_eq!(app.message.as_ref().map(|m| m.text.as_str()), Some(*message), "{name}");
        }
    }
}

/// The screen as text, one string per row.
fn screen(app: &App) -> Vec<String> {
    let (width, height) = (app.area.width, app.area.height);
    let mut buffer = ratatui::buffer::Buffer::empty(app.area);
    Ui::new(Theme::new(false)).render(app, app.area, &mut buffer);
    (0..height).map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect()).collect()
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
