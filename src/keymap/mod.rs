//! Keys to actions: one table per mode. The help screen is generated from these tables, so it
//! cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::Action;
pub use crate::action::Mode;
use crate::progress::Status;

/// A key as written in a table: a code and the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

/// One row of a table: the keys, what they do, and the words the help screen shows.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding { keys, action, help }
}

const UP: &[Key] = &[key(KeyCode::Up), ch('k')];
const DOWN: &[Key] = &[key(KeyCode::Down), ch('j')];
const LEFT: &[Key] = &[key(KeyCode::Left), ch('h')];
const RIGHT: &[Key] = &[key(KeyCode::Right), ch('l')];

/// Keys that work on every screen (not while typing).
const GLOBAL: &[Binding] = &[
    bind(&[ch('1')], Action::GoHome, "Home: progress and next steps"),
    bind(&[ch('2')], Action::GoRoadmap, "Roadmap: phases, skills, detail"),
    bind(&[ch('/')], Action::GoSearch, "search all skills"),
    bind(&[ch('?')], Action::ToggleHelp, "this help"),
    bind(&[ch('q')], Action::Quit, "quit"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
    bind(&[ctrl('z')], Action::Suspend, "suspend to the shell (fg to come back)"),
];

const STATUS: &[Binding] = &[
    bind(&[ch(' ')], Action::CycleStatus, "cycle status: todo, doing, done, skipped"),
    bind(&[ch('d')], Action::SetStatus(Status::Done), "mark done"),
    bind(&[ch('s')], Action::SetStatus(Status::Doing), "mark doing (started)"),
    bind(&[ch('x')], Action::SetStatus(Status::Skipped), "skip (counts as met)"),
    bind(&[ch('r')], Action::SetStatus(Status::Todo), "back to todo"),
    bind(&[ch('v')], Action::MarkReviewed, "reviewed today (a done skill): the next review moves on"),
    bind(&[ch('u')], Action::Undo, "undo the last change"),
    bind(&[ch('p')], Action::Practice, "practice: its quiz (on Home: every quiz due for review)"),
    bind(&[ch('R')], Action::RunChecks, "run its checks in your project folder (R again stops them)"),
];

const MOVE: &[Binding] = &[
    bind(UP, Action::Up, "up"),
    bind(DOWN, Action::Down, "down"),
    bind(&[ch('g'), key(KeyCode::Home)], Action::Top, "top"),
    bind(&[ch('G'), key(KeyCode::End)], Action::Bottom, "bottom"),
    bind(&[key(KeyCode::PageUp), ctrl('u')], Action::PageUp, "page up"),
    bind(&[key(KeyCode::PageDown), ctrl('d')], Action::PageDown, "page down"),
];

const HOME: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], Action::Open, "open the selected step"),
    bind(&[ch('w')], Action::EditHours, "set your weekly study hours"),
    bind(&[ch('o')], Action::ShowPhase, "the phase you are in, whole: goal, milestone, introduction"),
];

const ROADMAP: &[Binding] = &[
    bind(LEFT, Action::Left, "pane to the left"),
    bind(RIGHT, Action::Right, "pane to the right"),
    bind(&[key(KeyCode::Tab)], Action::NextPane, "next pane"),
    bind(&[key(KeyCode::BackTab)], Action::PrevPane, "previous pane"),
    bind(&[key(KeyCode::Enter)], Action::Open, "open the skill (on a phase: go to its skills)"),
    bind(&[key(KeyCode::Esc)], Action::Back, "back"),
    bind(&[ch('c')], Action::ToggleCoreOnly, "core skills only, or all"),
    bind(&[ch('H')], Action::ToggleHideDone, "hide done and skipped, or show"),
    bind(&[ch('m')], Action::ToggleMilestone, "milestone of this phase done, or open again"),
];

const SKILL: &[Binding] = &[
    bind(&[key(KeyCode::Tab)], Action::NextPane, "switch between text and items"),
    bind(&[key(KeyCode::BackTab)], Action::PrevPane, "switch between text and items"),
    bind(LEFT, Action::Left, "focus the text"),
    bind(RIGHT, Action::Right, "focus the items"),
    bind(&[key(KeyCode::Enter)], Action::Open, "tick checkpoint, follow link, edit note"),
    bind(&[ch('t')], Action::ToggleCheckpoint, "tick or untick the selected checkpoint"),
    bind(&[ch('n')], Action::EditNote, "edit your note here"),
    bind(&[ch('e')], Action::EditNoteInEditor, "edit your note in $VISUAL or $EDITOR"),
    bind(&[ch('o')], Action::OpenResource, "open the selected resource (or the first) in your browser"),
    bind(&[key(KeyCode::Esc)], Action::Back, "back"),
];

const SEARCH: &[Binding] = &[
    bind(&[key(KeyCode::Up), ctrl('p')], Action::Up, "previous result"),
    bind(&[key(KeyCode::Down), ctrl('n')], Action::Down, "next result"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(&[key(KeyCode::PageDown)], Action::PageDown, "page down"),
    bind(&[key(KeyCode::Enter)], Action::Open, "open the skill"),
    bind(&[key(KeyCode::Esc)], Action::Back, "close search"),
    bind(&[ch('?')], Action::ToggleHelp, "this help, before you type (then ? types)"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
    bind(&[ctrl('z')], Action::Suspend, "suspend to the shell"),
];

/// Editing the one line of a box: the search query, the weekly hours. A box opens with its
/// old value selected: typing replaces it, Backspace and the arrows keep it to edit.
const FIELD: &[Binding] = &[
    bind(&[key(KeyCode::Backspace)], Action::DeleteBack, "delete before the cursor"),
    bind(&[key(KeyCode::Delete)], Action::DeleteForward, "delete under the cursor"),
    bind(&[key(KeyCode::Left)], Action::Left, "cursor left"),
    bind(&[key(KeyCode::Right)], Action::Right, "cursor right"),
    bind(&[key(KeyCode::Home), ctrl('a')], Action::LineStart, "start of the box"),
    bind(&[key(KeyCode::End), ctrl('e')], Action::LineEnd, "end of the box"),
    bind(&[ctrl('u')], Action::ClearToStart, "delete everything before the cursor (clear)"),
    bind(&[ctrl('w')], Action::DeleteWordBack, "delete the word before the cursor"),
];

const HELP: &[Binding] = &[
    bind(&[key(KeyCode::Esc), ch('?'), ch('q')], Action::ToggleHelp, "close help"),
    bind(UP, Action::Up, "scroll up"),
    bind(DOWN, Action::Down, "scroll down"),
    bind(&[ch('g'), key(KeyCode::Home)], Action::Top, "top"),
    bind(&[ch('G'), key(KeyCode::End)], Action::Bottom, "bottom"),
    bind(&[key(KeyCode::PageUp), ctrl('u')], Action::PageUp, "page up"),
    bind(&[key(KeyCode::PageDown), ctrl('d')], Action::PageDown, "page down"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

const NOTE: &[Binding] = &[
    bind(&[key(KeyCode::Esc), ctrl('s')], Action::Finish, "done: keep the note (saved)"),
    bind(&[key(KeyCode::Enter)], Action::Newline, "new line"),
    bind(&[key(KeyCode::Backspace)], Action::DeleteBack, "delete before the cursor"),
    bind(&[key(KeyCode::Delete)], Action::DeleteForward, "delete under the cursor"),
    bind(&[key(KeyCode::Up)], Action::Up, "cursor up"),
    bind(&[key(KeyCode::Down)], Action::Down, "cursor down"),
    bind(&[key(KeyCode::Left)], Action::Left, "cursor left"),
    bind(&[key(KeyCode::Right)], Action::Right, "cursor right"),
    bind(&[key(KeyCode::Home), ctrl('a')], Action::LineStart, "start of line"),
    bind(&[key(KeyCode::End), ctrl('e')], Action::LineEnd, "end of line"),
    bind(&[ctrl('c')], Action::Quit, "quit (the note is kept)"),
    bind(&[ctrl('z')], Action::Suspend, "suspend to the shell (the note stays open)"),
];

const HOURS: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], Action::Finish, "keep these hours"),
    bind(&[key(KeyCode::Esc)], Action::Back, "cancel"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
    bind(&[ctrl('z')], Action::Suspend, "suspend to the shell"),
];

const QUIZ: &[Binding] = &[
    bind(&[ch('1')], Action::Pick(0), "pick choice 1 (2 to 6 likewise)"),
    bind(&[ch('2')], Action::Pick(1), "pick choice 2"),
    bind(&[ch('3')], Action::Pick(2), "pick choice 3"),
    bind(&[ch('4')], Action::Pick(3), "pick choice 4"),
    bind(&[ch('5')], Action::Pick(4), "pick choice 5"),
    bind(&[ch('6')], Action::Pick(5), "pick choice 6"),
    bind(UP, Action::Up, "the choice above"),
    bind(DOWN, Action::Down, "the choice below"),
    bind(&[ch(' ')], Action::ToggleChoice, "pick or unpick the choice under the cursor"),
    bind(&[key(KeyCode::Enter)], Action::Open, "answer; then the next question; at the end, record the grade"),
    bind(&[key(KeyCode::Right)], Action::Right, "the next question; at the end, a higher grade"),
    bind(&[key(KeyCode::Left)], Action::Left, "at the end, a lower grade"),
    bind(&[ch('a')], Action::SetGrade(crate::progress::Grade::Again), "at the end: grade again (forgotten)"),
    bind(&[ch('h')], Action::SetGrade(crate::progress::Grade::Hard), "at the end: grade hard"),
    bind(&[ch('g')], Action::SetGrade(crate::progress::Grade::Good), "at the end: grade good"),
    bind(&[ch('e')], Action::SetGrade(crate::progress::Grade::Easy), "at the end: grade easy"),
    bind(&[ch('t')], Action::TestOut, "at the end: mark a skill not started known (tested out)"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "scroll the text up"),
    bind(&[key(KeyCode::PageDown)], Action::PageDown, "scroll the text down"),
    bind(&[key(KeyCode::Esc)], Action::Back, "leave the quiz (nothing more is recorded)"),
    bind(&[ch('?')], Action::ToggleHelp, "this help"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
    bind(&[ctrl('z')], Action::Suspend, "suspend to the shell"),
];

const TRUST: &[Binding] = &[
    bind(&[ch('y')], Action::TrustChecks, "trust these commands, and run the checks"),
    bind(&[ch('n'), key(KeyCode::Esc)], Action::Back, "do not trust them: nothing runs"),
    bind(UP, Action::Up, "scroll up"),
    bind(DOWN, Action::Down, "scroll down"),
    bind(&[key(KeyCode::PageUp)], Action::PageUp, "page up"),
    bind(&[key(KeyCode::PageDown)], Action::PageDown, "page down"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The tables that apply in a mode, most specific first.
pub fn tables(mode: Mode) -> Vec<&'static [Binding]> {
    match mode {
        Mode::Home => vec![HOME, STATUS, MOVE, GLOBAL],
        Mode::Roadmap => vec![ROADMAP, STATUS, MOVE, GLOBAL],
        Mode::Skill => vec![SKILL, STATUS, MOVE, GLOBAL],
        Mode::Search => vec![SEARCH, FIELD],
        Mode::Help => vec![HELP],
        Mode::Quiz => vec![QUIZ],
        Mode::Trust => vec![TRUST],
        Mode::Note => vec![NOTE],
        Mode::Hours => vec![HOURS, FIELD],
    }
}

/// Every table with a name, for documentation (the README's key table is checked against it).
pub fn groups() -> [(&'static str, &'static [Binding]); 13] {
    [
        ("Everywhere", GLOBAL),
        ("Moving", MOVE),
        ("The selected skill (Home, Roadmap, Skill)", STATUS),
        ("Home", HOME),
        ("Roadmap", ROADMAP),
        ("Skill", SKILL),
        ("Search", SEARCH),
        ("A quiz", QUIZ),
        ("Trusting a roadmap's checks", TRUST),
        ("Weekly hours", HOURS),
        ("Typing in a box (Search, Weekly hours)", FIELD),
        ("Editing a note", NOTE),
        ("Help", HELP),
    ]
}

/// Whether unbound printable keys type text in this mode.
fn types_text(mode: Mode) -> bool {
    matches!(mode, Mode::Search | Mode::Note | Mode::Hours)
}

/// The keys a key event stands for. Terminals send Alt+key as Esc then the key, so Esc typed
/// quickly before `q` arrives as one Alt-q; nothing is bound to Alt, so it is read as the two
/// keys the learner pressed, each in the mode the one before leaves.
pub fn keys(event: KeyEvent) -> Vec<KeyEvent> {
    if event.modifiers == KeyModifiers::ALT && matches!(event.code, KeyCode::Char(_)) {
        let esc = KeyEvent::new_with_kind(KeyCode::Esc, KeyModifiers::NONE, event.kind);
        let key = KeyEvent::new_with_kind(event.code, KeyModifiers::NONE, event.kind);
        return vec![esc, key];
    }
    vec![event]
}

/// The action for a key press in a mode, if any.
pub fn action(mode: Mode, event: KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // Shift is part of the character for letters and symbols ('G', '?'), so it is ignored there.
    let modifiers = match event.code {
        KeyCode::Char(_) => event.modifiers - KeyModifiers::SHIFT,
        _ => event.modifiers,
    };
    // AltGr arrives as Ctrl+Alt; it makes characters (`@`, `{`) that must still type.
    let alt_gr = modifiers == KeyModifiers::CONTROL | KeyModifiers::ALT;
    let pressed = Key { code: event.code, modifiers };
    let bound = tables(mode).into_iter().flatten().find(|b| b.keys.contains(&pressed)).map(|b| b.action.clone());
    match (bound, event.code) {
        (Some(action), _) => Some(action),
        (None, KeyCode::Char(c)) if types_text(mode) && (modifiers.is_empty() || alt_gr) => Some(Action::Insert(c)),
        _ => None,
    }
}

/// How the help screen names a mode.
pub fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Home => "Home",
        Mode::Roadmap => "Roadmap",
        Mode::Skill => "a skill's page",
        Mode::Search => "Search",
        Mode::Help => "Help",
        Mode::Quiz => "a quiz",
        Mode::Trust => "trusting checks",
        Mode::Note => "editing a note",
        Mode::Hours => "weekly hours",
    }
}

/// The help screen of a mode: each table that applies, under its name, with one row per
/// binding: the keys as shown, and what they do.
pub fn help_sections(mode: Mode) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
    let mut sections = Vec::new();
    let mut seen: Vec<(String, &'static str)> = Vec::new();
    let tables = tables(mode);
    let last = tables.len().saturating_sub(1);
    for (index, table) in tables.into_iter().enumerate() {
        let name = groups().into_iter().find(|(_, t)| std::ptr::eq(*t, table)).map_or("Keys", |(name, _)| name);
        let mut rows = Vec::new();
        for binding in table {
            let keys = binding.keys.iter().map(|k| key_name(*k)).collect::<Vec<_>>().join(" ");
            let row = (keys, binding.help);
            if !seen.contains(&row) {
                seen.push(row.clone());
                rows.push(row);
            }
        }
        if types_text(mode) && index == last {
            rows.push(("letters, digits".to_string(), "type"));
        }
        sections.push((name, rows));
    }
    sections
}

/// Every row of the help screen of a mode, in order.
pub fn help_rows(mode: Mode) -> Vec<(String, &'static str)> {
    help_sections(mode).into_iter().flat_map(|(_, rows)| rows).collect()
}

/// How a key is written for people: `k`, `Space`, `Ctrl-z`, `PgDn`.
pub fn key_name(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) { format!("Ctrl-{base}") } else { base }
}

#[cfg(test)]
mod tests;
