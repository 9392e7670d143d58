//! Taking the terminal over and giving it back, on every exit path: quit, error, panic,
//! SIGTERM/SIGHUP/SIGINT, and around Ctrl-Z.

use std::io::{self, stdout};
use std::sync::{Arc, Mutex};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};

/// Raw mode, the alternate screen, mouse capture; a panic hook that undoes them.
pub fn take_over() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    // ratatui's hook restores raw mode and the screen; mouse capture and the cursor are ours.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
        hook(info);
    }));
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

/// Mouse capture off, cursor shown, raw mode off, main screen back. Safe to call twice.
pub fn give_back() {
    let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
    ratatui::restore();
}

/// After `fg`: the same state as `take_over`, and a full redraw.
pub fn resume(terminal: &mut DefaultTerminal) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()
}

/// Stops the process as Ctrl-Z would in a shell, with the terminal given back first.
#[cfg(unix)]
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    give_back();
    // SAFETY: raising a signal has no memory-safety preconditions; SIGTSTP's default action
    // stops the process until SIGCONT (the shell's `fg`).
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    resume(terminal)
}

#[cfg(not(unix))]
pub fn suspend(_terminal: &mut DefaultTerminal) -> io::Result<()> {
    Ok(())
}

/// On SIGTERM, SIGHUP or SIGINT: wait for a frame or a save in progress to finish (`busy`),
/// give the terminal back, and exit with 128 + the signal number.
#[cfg(unix)]
pub fn exit_on_signals(busy: Arc<Mutex<()>>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _finished = busy.lock();
            give_back();
            std::process::exit(128 + signal);
        }
    })?;
    Ok(())
}

#[cfg(not(unix))]
pub fn exit_on_signals(_busy: Arc<Mutex<()>>) -> io::Result<()> {
    Ok(())
}
