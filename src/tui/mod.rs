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
            let action = next_action(&app, panic_key)?;
            match app.update(action) {
                None => {}
                Some(Effect::Save) => {
                    let _saving = busy.lock();
                    match store.save(&app.progress) {
                        Ok(merged) => app.saved(merged),
                        Err(error) => app.save_failed(&error.to_string()),
                    }
                }
                Some(Effect::Suspend) => terminal::suspend(&mut terminal)?,
                Some(Effect::Quit) => {
                    let _saving = busy.lock();
                    return store.save(&app.progress).map(|_| ()).map_err(Into::into);
                }
            }
        }
    })();
    terminal::give_back();
    result
}

/// Blocks until an event that means something; unbound keys and mouse moves do not redraw.
fn next_action(app: &App, panic_key: Option<char>) -> anyhow::Result<Action> {
    loop {
        let action = match event::read()? {
            Event::Key(key) => {
                if let (Some(c), event::KeyCode::Char(pressed)) = (panic_key, key.code)
                    && c == pressed
                {
                    panic!("test panic requested with {PANIC_KEY_VAR}");
                }
                keymap::action(app.mode(), key)
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: mouse.column, row: mouse.row }),
                MouseEventKind::ScrollUp => Some(Action::ScrollUp { column: mouse.column, row: mouse.row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDown { column: mouse.column, row: mouse.row }),
                _ => None,
            },
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        if let Some(action) = action {
            return Ok(action);
        }
    }
}
