//! The interactive session: draw, wait for input, update, perform the effect. The loop
//! sleeps in a blocking read between events, so an idle tutor uses no CPU.

mod terminal;

use std::sync::{Arc, Mutex};

use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};

use crate::app::{Action, App, Effect, Message};
use crate::cli::Session;
use crate::keymap;

/// For tests only: pressing this key panics inside the app, to check the terminal comes back.
const PANIC_KEY_VAR: &str = "ROADMAP_TEST_PANIC_KEY";

/// Runs the TUI until the learner quits. Content and state are loaded before the terminal is
/// taken over, so a broken roadmap or state file never leaves a half-drawn screen.
pub fn run(session: Session, theme: crate::ui::theme::Theme) -> anyhow::Result<()> {
    let orphan_note = session.orphan_note();
    let Session { roadmap, mut store, progress, today, .. } = session;
    let mut app = App::new(roadmap, progress, today, theme);
    if let Some(note) = orphan_note {
        app.message = Some(Message { text: note, error: false });
    }
    // Held while drawing or saving, so a signal never lands in the middle of either.
    let busy = Arc::new(Mutex::new(()));
    terminal::exit_on_signals(Arc::clone(&busy))?;
    let panic_key = std::env::var(PANIC_KEY_VAR).ok().and_then(|k| k.chars().next());
    let mut terminal = terminal::take_over()?;
    let result = (|| -> anyhow::Result<()> {
        // crossterm starts watching for resizes on its first poll; do that before the first
        // frame, or a resize in between is never seen.
        event::poll(std::time::Duration::ZERO)?;
        let size = terminal.size()?;
        app.update(Action::Resize { width: size.width, height: size.height });
        loop {
            {
                let _drawing = busy.lock();
                terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
            }
            // Wait for an event that does something; nothing else redraws.
            let mut acted = false;
            while !acted {
                for input in inputs(event::read()?) {
                    let Some(action) = action_for(&app, input, panic_key) else { continue };
                    acted = true;
                    let mut effect = app.update(action);
                    while let Some(next) = effect.take() {
                        effect = match next {
                            Effect::Save => {
                                let _saving = busy.lock();
                                match store.save(&app.progress) {
                                    Ok(merged) => app.saved(merged),
                                    Err(error) => app.save_failed(&error.to_string()),
                                }
                                None
                            }
                            Effect::Suspend => {
                                terminal::suspend(&mut terminal)?;
                                None
                            }
                            Effect::EditNote { skill, note } => edit_in_editor(&mut app, &mut terminal, skill, &note)?,
                            Effect::Open { url } => {
                                open(&mut app, &url);
                                None
                            }
                            Effect::Quit => {
                                // Only what is not saved yet: quitting changes no file otherwise
                                // (a read-only progress folder is fine for reading).
                                if store.holds(&app.progress) {
                                    return Ok(());
                                }
                                let _saving = busy.lock();
                                return store.save(&app.progress).map(|_| ()).map_err(Into::into);
                            }
                        };
                    }
                }
            }
        }
    })();
    terminal::give_back();
    result
}

/// Opens a link in the background; the screen is never handed over, so it cannot be garbled.
fn open(app: &mut App, url: &str) {
    match crate::cli::launch::open_in_background(url) {
        Ok(()) => app.say(format!("Opening {url}")),
        Err(error) => {
            let text = format!("Could not start the opener ({error}); the link is {url}");
            app.message = Some(Message { text, error: true });
        }
    }
}

/// Hands the terminal to `$VISUAL`/`$EDITOR` with the note in a temporary file, takes it back,
/// and keeps what was saved there. Without an editor, the inline one opens instead.
fn edit_in_editor(
    app: &mut App,
    terminal: &mut terminal::Screen,
    skill: usize,
    note: &str,
) -> anyhow::Result<Option<Effect>> {
    let file = tempfile::Builder::new().prefix("roadmap-note-").suffix(".md").tempfile()?;
    std::fs::write(file.path(), note)?;
    let Some(mut command) = crate::cli::launch::editor_command(file.path(), |name| std::env::var_os(name)) else {
        let effect = app.update(Action::EditNote);
        app.say("No $VISUAL or $EDITOR set: editing here (Esc keeps the note)".to_string());
        return Ok(effect);
    };
    terminal::give_back();
    let status = command.status();
    terminal::resume(terminal)?;
    let failed = |text: String| Some(Message { text: format!("{text}; the note is unchanged"), error: true });
    match status {
        Ok(status) if status.success() => {
            let text = std::fs::read_to_string(file.path())?;
            Ok(app.note_from_editor(skill, &text))
        }
        Ok(status) => {
            app.message = failed(format!("The editor exited with {status}"));
            Ok(None)
        }
        Err(error) => {
            app.message = failed(format!("Could not start the editor ({error})"));
            Ok(None)
        }
    }
}

/// What an event brings: keys (mapped one at a time, each in the mode the one before leaves)
/// or an action of its own (mouse, resize).
enum Input {
    Key(event::KeyEvent),
    Action(Action),
}

fn inputs(event: Event) -> Vec<Input> {
    match event {
        Event::Key(key) => keymap::keys(key).into_iter().map(Input::Key).collect(),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => vec![Input::Action(Action::Click { column, row })],
                MouseEventKind::ScrollUp => vec![Input::Action(Action::ScrollUp { column, row })],
                MouseEventKind::ScrollDown => vec![Input::Action(Action::ScrollDown { column, row })],
                _ => Vec::new(),
            }
        }
        Event::Resize(width, height) => vec![Input::Action(Action::Resize { width, height })],
        _ => Vec::new(),
    }
}

/// The action for one input, given the mode the app is in now.
fn action_for(app: &App, input: Input, panic_key: Option<char>) -> Option<Action> {
    match input {
        Input::Action(action) => Some(action),
        Input::Key(key) => {
            if let (Some(c), event::KeyCode::Char(pressed)) = (panic_key, key.code)
                && c == pressed
            {
                panic!("test panic requested with {PANIC_KEY_VAR}");
            }
            keymap::action(app.mode(), key)
        }
    }
}
