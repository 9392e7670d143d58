//! Signals: closing the terminal (SIGHUP), `kill` (SIGTERM), SIGINT and SIGQUIT end the tutor
//! the way quitting does (a note being typed is kept, what is unsaved is saved, the terminal is
//! given back); `kill -TSTP` and Ctrl-Z suspend it the way a shell expects. A signal only sets
//! a flag and wakes the signal thread, which takes the tutor's lock, so it acts between two
//! steps of the loop, never in the middle of a frame or a save.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::{Tutor, lock, terminal};
use crate::action::Action;

/// The signals that end the tutor.
const EXIT: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// Shared with the handlers: set (inside the handler itself) when an exit signal arrived, so
/// code that is not the signal thread (a suspended loop just woken) can tell at once.
pub struct Control {
    exit: Arc<AtomicBool>,
}

impl Control {
    pub fn exiting(&self) -> bool {
        self.exit.load(Ordering::SeqCst)
    }
}

/// Installs the handlers; signals that arrive before the thread runs wait for it.
pub fn install() -> std::io::Result<(Arc<Control>, Signals)> {
    let exit = Arc::new(AtomicBool::new(false));
    for signal in EXIT {
        signal_hook::flag::register(signal, Arc::clone(&exit))?;
    }
    let signals = Signals::new(EXIT.iter().copied().chain([SIGTSTP]))?;
    Ok((Arc::new(Control { exit }), signals))
}

/// The thread that acts on signals.
pub fn spawn(mut signals: Signals, shared: Arc<Mutex<Tutor>>, control: Arc<Control>) -> std::io::Result<()> {
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTSTP {
                let mut tutor = lock(&shared);
                if tutor.owned && !control.exiting() {
                    let _ = suspend(&mut tutor, &control);
                }
                continue;
            }
            // Checks under way are stopped first (their process groups killed), without the
            // lock, which the worker's last report may need.
            let worker = super::stop_checks(&mut lock(&shared));
            drop(worker);
            let mut tutor = lock(&shared);
            // As `q` would: a note being typed is kept, then saved with the rest.
            tutor.app.update(Action::Quit);
            let saved = tutor.save_before_quitting();
            if tutor.owned {
                // Even from the background (continued by `kill %1`), restoring the terminal
                // must not stop the process on SIGTTOU.
                ignore_terminal_output_stops();
                terminal::give_back();
                tutor.owned = false;
                if let Err(error) = saved {
                    use std::io::Write as _;
                    let message = format!("error: {error:#}");
                    let _ = writeln!(std::io::stderr(), "{}", crate::text::clean(&message));
                }
            }
            std::process::exit(128 + signal);
        }
    })?;
    Ok(())
}

/// For the loop once a signal is ending the program: the signal thread exits the process.
pub fn wait_for_exit() -> ! {
    loop {
        std::thread::park();
    }
}

/// How a suspended tutor came back.
pub enum Woke {
    /// In the foreground again (`fg`): the terminal is taken back and redrawn.
    Resumed,
    /// An exit signal arrived while stopped (`kill %1`): the terminal stays given back.
    Exiting,
}

/// Stops the process as Ctrl-Z does in a shell, with the terminal given back first. Continued
/// in the background (`bg`, or `kill %1`, which sends SIGTERM then SIGCONT), the tutor never
/// touches the terminal: it waits a moment for an exit signal, and otherwise stops again
/// until it is in the foreground.
pub fn suspend(tutor: &mut Tutor, control: &Control) -> std::io::Result<Woke> {
    terminal::give_back();
    tutor.owned = false;
    loop {
        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
        if control.exiting() {
            return Ok(Woke::Exiting);
        }
        if terminal::in_foreground() {
            terminal::resume(&mut tutor.terminal)?;
            tutor.owned = true;
            tutor.draw()?;
            return Ok(Woke::Resumed);
        }
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(10));
            if control.exiting() {
                return Ok(Woke::Exiting);
            }
        }
    }
}

fn ignore_terminal_output_stops() {
    #[cfg(unix)]
    #[allow(unsafe_code)]
    // SAFETY: setting a standard signal's disposition to SIG_IGN has no preconditions.
    unsafe {
        libc::signal(libc::SIGTTOU, libc::SIG_IGN);
    }
}
