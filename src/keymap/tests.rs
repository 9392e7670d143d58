use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn keys_map_to_actions_per_mode() {
    use KeyCode::*;
    let none = KeyModifiers::NONE;
    let shift = KeyModifiers::SHIFT;
    let ctrl = KeyModifiers::CONTROL;
    let cases: &[(&str, Mode, KeyCode, KeyModifiers, Option<Action>)] = &[
        ("j moves down on Roadmap", Mode::Roadmap, Char('j'), none, Some(Action::Down)),
        ("arrow down too", Mode::Roadmap, Down, none, Some(Action::Down)),
        ("h is the left pane", Mode::Roadmap, Char('h'), none, Some(Action::Left)),
        ("Tab is the next pane", Mode::Roadmap, Tab, none, Some(Action::NextPane)),
        ("G with shift is bottom", Mode::Roadmap, Char('G'), shift, Some(Action::Bottom)),
        ("H with shift hides done", Mode::Roadmap, Char('H'), shift, Some(Action::ToggleHideDone)),
        ("c is core only", Mode::Roadmap, Char('c'), none, Some(Action::ToggleCoreOnly)),
        ("space cycles status", Mode::Roadmap, Char(' '), none, Some(Action::CycleStatus)),
        ("d marks done", Mode::Skill, Char('d'), none, Some(Action::SetStatus(Status::Done))),
        ("s marks doing", Mode::Skill, Char('s'), none, Some(Action::SetStatus(Status::Doing))),
        ("x skips", Mode::Home, Char('x'), none, Some(Action::SetStatus(Status::Skipped))),
        ("r resets", Mode::Roadmap, Char('r'), none, Some(Action::SetStatus(Status::Todo))),
        ("u undoes", Mode::Skill, Char('u'), none, Some(Action::Undo)),
        ("? opens help", Mode::Home, Char('?'), shift, Some(Action::ToggleHelp)),
        ("Esc closes help", Mode::Help, Esc, none, Some(Action::ToggleHelp)),
        ("G goes to the end of help", Mode::Help, Char('G'), shift, Some(Action::Bottom)),
        ("g to its top", Mode::Help, Char('g'), none, Some(Action::Top)),
        ("PgDn pages through help", Mode::Help, PageDown, none, Some(Action::PageDown)),
        ("q quits", Mode::Skill, Char('q'), none, Some(Action::Quit)),
        ("Ctrl-z suspends", Mode::Home, Char('z'), ctrl, Some(Action::Suspend)),
        ("PgDn pages", Mode::Skill, PageDown, none, Some(Action::PageDown)),
        ("1 goes home", Mode::Skill, Char('1'), none, Some(Action::GoHome)),
        ("/ searches", Mode::Roadmap, Char('/'), none, Some(Action::GoSearch)),
        ("letters type in search", Mode::Search, Char('q'), none, Some(Action::Insert('q'))),
        ("digits type in search", Mode::Search, Char('1'), none, Some(Action::Insert('1'))),
        (
            "? in search is help (the app types it once a query is typed)",
            Mode::Search,
            Char('?'),
            shift,
            Some(Action::ToggleHelp),
        ),
        ("Ctrl-U clears the search box", Mode::Search, Char('u'), ctrl, Some(Action::ClearToStart)),
        ("Ctrl-W deletes a word of it", Mode::Search, Char('w'), ctrl, Some(Action::DeleteWordBack)),
        ("Ctrl-A goes to its start", Mode::Search, Char('a'), ctrl, Some(Action::LineStart)),
        ("End to its end", Mode::Search, End, none, Some(Action::LineEnd)),
        ("← moves its cursor", Mode::Search, Left, none, Some(Action::Left)),
        ("Ctrl-U clears the hours too", Mode::Hours, Char('u'), ctrl, Some(Action::ClearToStart)),
        ("→ in the hours", Mode::Hours, Right, none, Some(Action::Right)),
        ("o shows the phase from Home", Mode::Home, Char('o'), none, Some(Action::ShowPhase)),
        ("p practises on Home", Mode::Home, Char('p'), none, Some(Action::Practice)),
        ("Enter opens a result", Mode::Search, Enter, none, Some(Action::Open)),
        ("Ctrl-c quits from search", Mode::Search, Char('c'), ctrl, Some(Action::Quit)),
        ("Enter is a new line in a note", Mode::Note, Enter, none, Some(Action::Newline)),
        ("Esc keeps the note", Mode::Note, Esc, none, Some(Action::Finish)),
        ("q types in a note", Mode::Note, Char('q'), none, Some(Action::Insert('q'))),
        ("capitals type in a note", Mode::Note, Char('Q'), shift, Some(Action::Insert('Q'))),
        ("Enter keeps the hours", Mode::Hours, Enter, none, Some(Action::Finish)),
        ("unbound keys do nothing", Mode::Home, Char('z'), none, None),
        ("Ctrl with a letter does not type", Mode::Note, Char('k'), ctrl, None),
        ("AltGr characters type", Mode::Note, Char('@'), ctrl | KeyModifiers::ALT, Some(Action::Insert('@'))),
    ];
    for (name, mode, code, modifiers, expected) in cases {
        assert_eq!(action(*mode, press(*code, *modifiers)), *expected, "{name}");
    }
}

#[test]
fn alt_with_a_key_is_esc_then_the_key() {
    let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
    let keys: Vec<KeyCode> = keys(alt_q).iter().map(|k| k.code).collect();
    assert_eq!(keys, [KeyCode::Esc, KeyCode::Char('q')]);
    assert!(keys_of_plain_keys_are_themselves());
}

fn keys_of_plain_keys_are_themselves() -> bool {
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    keys(q) == vec![q]
}

#[test]
fn key_releases_are_ignored() {
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(action(Mode::Home, release), None);
}

#[test]
fn help_lists_every_binding_of_the_mode() {
    for mode in [Mode::Home, Mode::Roadmap, Mode::Skill, Mode::Search, Mode::Help, Mode::Note, Mode::Hours] {
        let rows = help_rows(mode);
        for binding in tables(mode).into_iter().flatten() {
            assert!(rows.iter().any(|(_, help)| *help == binding.help), "{mode:?}: {} missing from help", binding.help);
        }
    }
    let sections: Vec<&str> = help_sections(Mode::Skill).iter().map(|(name, _)| *name).collect();
    assert_eq!(sections, ["Skill", "The selected skill (Home, Roadmap, Skill)", "Moving", "Everywhere"]);
    let rows = help_rows(Mode::Roadmap);
    assert!(rows.contains(&("H".to_string(), "hide done and skipped, or show")), "{rows:?}");
    assert!(rows.contains(&("↑ k".to_string(), "up")), "{rows:?}");
}

#[test]
fn no_key_is_bound_twice_in_one_mode() {
    for mode in [Mode::Home, Mode::Roadmap, Mode::Skill, Mode::Search, Mode::Help, Mode::Note, Mode::Hours] {
        let mut seen: Vec<Key> = Vec::new();
        for binding in tables(mode).into_iter().flatten() {
            for key in binding.keys {
                assert!(!seen.contains(key), "{mode:?}: {} is bound twice", key_name(*key));
                seen.push(*key);
            }
        }
    }
}
