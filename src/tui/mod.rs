//! The interactive session: draw, wait for input, turn what happened into actions, perform
//! the effects. The loop sleeps in a blocking read between events, so an idle tutor uses no
//! CPU. The tutor's state sits behind one lock so that a signal (closing the terminal, `kill`,
//! `kill -TSTP`) is handled by the signal thread between two steps of the loop, never in the
//! middle of one: a note being typed is saved and the terminal given back on every exit.

mod editor;
mod signals;
mod terminal;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};

use crate::action::{Action, CheckReport, Effect};
use crate::app::App;
use crate::keymap;
use crate::store::Store;
use crate::ui::Ui;

use signals::Control;

/// For tests only, and only in debug builds: pressing this key panics inside the app, to
/// check the terminal comes back.
#[cfg(debug_assertions)]
const PANIC_KEY_VAR: &str = "ROADMAP_TEST_PANIC_KEY";

/// Everything a step of the session touches, behind the one lock.
pub(crate) struct Tutor {
    pub app: App,
    pub store: Store,
    pub ui: Ui,
    pub terminal: terminal::Screen,
    /// Whether the terminal is ours now (raw mode, alternate screen, mouse): false while the
    /// tutor is suspended or an editor runs, so an exit then leaves the terminal alone.
    pub owned: bool,
    /// The checks running (or last run) on a worker thread, and which run they are.
    pub worker: Option<(u64, crate::checks::Worker)>,
    /// The lock this state sits behind, for the worker's reports to come back through.
    me: Weak<Mutex<Tutor>>,
    control: Weak<Control>,
}

/// What a step left the session to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Go,
    Quit,
    /// A signal is ending the program; the signal thread finishes the job.
    Exiting,
}

/// Runs the TUI until the learner quits. Content and state were loaded before this is called,
/// so a broken roadmap or state file never leaves a half-drawn screen.
pub fn run(app: App, store: Store, theme: crate::ui::theme::Theme) -> anyhow::Result<()> {
    // Handlers first: from here on, a signal is queued for the signal thread, never fatal.
    let (control, pending) = signals::install()?;
    let terminal = terminal::take_over()?;
    let tutor = Tutor {
        app,
        store,
        ui: Ui::new(theme),
        terminal,
        owned: true,
        worker: None,
        me: Weak::new(),
        control: Arc::downgrade(&control),
    };
    let shared = Arc::new(Mutex::new(tutor));
    lock(&shared).me = Arc::downgrade(&shared);
    signals::spawn(pending, Arc::clone(&shared), Arc::clone(&control))?;
    let result = session(&shared, &control);
    let mut tutor = lock(&shared);
    if control.exiting() {
        drop(tutor);
        signals::wait_for_exit();
    }
    if tutor.owned {
        terminal::give_back();
        tutor.owned = false;
    }
    // Checks still running are stopped, their process groups killed, before the program ends;
    // the worker is waited for without the lock, which its last report may need.
    let worker = stop_checks(&mut tutor);
    drop(tutor);
    drop(worker);
    result
}

/// Stops the checks under way, if any; the caller drops (waits for) the worker once it no
/// longer holds the tutor's lock.
pub(crate) fn stop_checks(tutor: &mut Tutor) -> Option<crate::checks::Worker> {
    let (_, worker) = tutor.worker.take()?;
    worker.cancel();
    Some(worker)
}

fn lock(shared: &Mutex<Tutor>) -> MutexGuard<'_, Tutor> {
    // A panic while drawing leaves the lock poisoned; the state is still worth saving.
    shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn session(shared: &Mutex<Tutor>, control: &Control) -> anyhow::Result<()> {
    {
        let mut tutor = lock(shared);
        // crossterm starts watching for resizes on its first poll; do that before the first
        // frame, or a resize in between is never seen.
        event::poll(std::time::Duration::ZERO)?;
        let size = tutor.terminal.size()?;
        tutor.app.update(Action::Resize { width: size.width, height: size.height });
        tutor.draw()?;
    }
    #[cfg(debug_assertions)]
    let panic_key = std::env::var(PANIC_KEY_VAR).ok().and_then(|k| k.chars().next());
    #[cfg(not(debug_assertions))]
    let panic_key = None;
    loop {
        let event = event::read()?;
        let mut tutor = lock(shared);
        if control.exiting() {
            return Ok(());
        }
        // Another instance's saves show at the latest with the next key.
        let Tutor { store, app, .. } = &mut *tutor;
        let outside = match store.refresh(&app.progress) {
            Ok(Some(merged)) => Some(Action::ProgressChanged(merged)),
            Ok(None) => None,
            Err(error) => Some(Action::ReloadFailed(error.to_string())),
        };
        if let Some(action) = outside {
            tutor.app.update(action);
        }
        let mut acted = false;
        for input in inputs(event) {
            let Some(action) = action_for(&tutor.app, input, panic_key) else { continue };
            acted = true;
            match tutor.handle(action, control)? {
                Flow::Go => {}
                Flow::Quit => return tutor.save_before_quitting(),
                Flow::Exiting => return Ok(()),
            }
        }
        if acted {
            tutor.draw()?;
        }
    }
}

impl Tutor {
    /// Draws a frame and hands its geometry to the app; nothing while the terminal is not ours.
    pub fn draw(&mut self) -> std::io::Result<()> {
        if !self.owned {
            return Ok(());
        }
        let Tutor { app, ui, terminal, .. } = self;
        let mut geometry = None;
        terminal.draw(|frame| geometry = Some(ui.draw(app, frame)))?;
        if let Some(geometry) = geometry {
            app.update(Action::Drawn(geometry));
        }
        Ok(())
    }

    /// Applies an action and performs what it asks for; each result goes back as an action.
    fn handle(&mut self, action: Action, control: &Control) -> anyhow::Result<Flow> {
        let mut effect = self.app.update(action);
        while let Some(next) = effect.take() {
            effect = match next {
                Effect::Save => {
                    let saved = match self.store.save(&self.app.progress) {
                        Ok(merged) => Action::Saved(merged),
                        Err(error) => Action::SaveFailed(error.to_string()),
                    };
                    self.app.update(saved)
                }
                Effect::Suspend => match signals::suspend(self, control)? {
                    signals::Woke::Resumed => None,
                    signals::Woke::Exiting => return Ok(Flow::Exiting),
                },
                Effect::EditNote { skill, note } => {
                    let (outcome, resumed) = editor::edit(self, &note);
                    let effect = self.app.update(Action::NoteEdited { skill, outcome });
                    // The text is in hand (and saved below) before a failed resume ends the run.
                    let effect = self.perform_saves(effect);
                    resumed?;
                    effect
                }
                Effect::Open { url } => {
                    let error = crate::launch::open_in_background(&url).err().map(|e| e.to_string());
                    self.app.update(Action::Opened { url, error })
                }
                Effect::RunChecks { run, folder, jobs } => {
                    let failed = self.start_checks(run, folder, jobs);
                    failed.and_then(|report| self.app.update(Action::CheckReport { run, report }))
                }
                Effect::CancelChecks { run } => {
                    if let Some((_, worker)) = self.worker.as_ref().filter(|(r, _)| *r == run) {
                        worker.cancel();
                    }
                    None
                }
                Effect::Quit => return Ok(Flow::Quit),
            };
        }
        Ok(Flow::Go)
    }

    /// Starts a worker on the checks; each of its reports comes back through the lock as an
    /// action, and the screen is redrawn. `Some` when they cannot start at all.
    fn start_checks(&mut self, run: u64, folder: Option<String>, jobs: Vec<crate::checks::Job>) -> Option<CheckReport> {
        let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let folder = folder.map_or(here, PathBuf::from);
        let folder = match crate::checks::project_folder(&folder) {
            Ok(folder) => folder,
            Err(error) => return Some(CheckReport::Failed(error.to_string())),
        };
        // The previous run has ended (a run is only started when none is under way), so
        // waiting for its thread here never waits on this lock.
        self.worker = None;
        let (me, control) = (self.me.clone(), self.control.clone());
        let started = crate::checks::Worker::start(folder, jobs, move |report| {
            let (Some(shared), Some(control)) = (me.upgrade(), control.upgrade()) else { return };
            let mut tutor = lock(&shared);
            let report = match report {
                crate::checks::Report::Started { index } => CheckReport::Started(index),
                crate::checks::Report::Finished { index, outcome } => CheckReport::Finished {
                    index,
                    result: check_result(&outcome.verdict),
                    said: outcome.verdict.to_string(),
                    tail: outcome.output.last_lines(6).to_string(),
                },
                crate::checks::Report::Error(error) => CheckReport::Failed(error.to_string()),
                crate::checks::Report::Done => CheckReport::Done,
            };
            let _ = tutor.handle(Action::CheckReport { run, report }, &control);
            let _ = tutor.draw();
        });
        match started {
            Ok(worker) => {
                self.worker = Some((run, worker));
                None
            }
            Err(error) => Some(CheckReport::Failed(format!("cannot start a worker thread ({error})"))),
        }
    }

    /// Performs `Save` effects at once (the rest are left for the caller).
    fn perform_saves(&mut self, mut effect: Option<Effect>) -> Option<Effect> {
        while effect == Some(Effect::Save) {
            let saved = match self.store.save(&self.app.progress) {
                Ok(merged) => Action::Saved(merged),
                Err(error) => Action::SaveFailed(error.to_string()),
            };
            effect = self.app.update(saved);
        }
        effect
    }

    /// Saves what is not saved yet: quitting changes no file otherwise (a read-only progress
    /// folder is fine for reading).
    pub fn save_before_quitting(&mut self) -> anyhow::Result<()> {
        if self.store.holds(&self.app.progress) {
            return Ok(());
        }
        self.store.save(&self.app.progress).map(|_| ()).map_err(Into::into)
    }
}

/// How a verdict is recorded; `None` for a run that was stopped before it ended.
fn check_result(verdict: &crate::checks::Verdict) -> Option<crate::progress::CheckResult> {
    use crate::checks::Verdict;
    use crate::progress::CheckResult;
    match verdict {
        Verdict::Pass => Some(CheckResult::Pass),
        Verdict::Cannot { .. } => Some(CheckResult::Cannot),
        Verdict::Fail { .. } | Verdict::TimedOut => Some(CheckResult::Fail),
        Verdict::Cancelled => None,
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
                panic!("test panic requested with ROADMAP_TEST_PANIC_KEY");
            }
            keymap::action(app.mode(), key)
        }
    }
}
