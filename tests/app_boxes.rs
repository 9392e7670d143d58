//! The two boxes a learner types in, as the event loop drives them: the search query and the
//! weekly hours. Each opens with its old value selected; typing replaces it, and the usual
//! line-editing keys work.

mod common;

use common::app::{fixture, id, run, skill_index, step};
use roadmap_tutor::app::{Action, Effect, Mode, Screen};

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
