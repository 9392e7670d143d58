//! Taking the terminal over and giving it back, on every exit path: quit, error, panic,
//! SIGTERM/SIGHUP/SIGINT, and around Ctrl-Z.

use std::io::{self, Stdout, stdout};
use std::sync::{Arc, Mutex};

use ratatui::Terminal;
use ratatui::backend::{ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use ratatui::layout::{Position, Size};

/// The terminal the tutor draws on.
pub type Screen = Terminal<Backend>;

/// crossterm's backend, except that it never asks the terminal where the cursor is. ratatui
/// asks on every clear and resize; the tutor fills the screen and hides the cursor, so the
/// answer would only cost a round trip per resize, or two seconds and an error where the
/// terminal is slow to answer (a burst of resizes, a terminal just handed back by an editor).
pub struct Backend {
    inner: CrosstermBackend<Stdout>,
    /// Where the cursor was last put.
    cursor: Position,
}

impl ratatui::backend::Backend for Backend {
    type Error = io::Error;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(&mut self, content: I) -> io::Result<()> {
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(self.cursor)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.cursor = position.into();
        self.inner.set_cursor_position(self.cursor)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Raw mode, the alternate screen, mouse capture; a panic hook that undoes them.
pub fn take_over() -> io::Result<Screen> {
    // ratatui's own set-up (raw mode, alternate screen, its restoring panic hook); the
    // terminal it returns is replaced by one on the backend above.
    drop(ratatui::try_init()?);
    let terminal = Terminal::new(Backend { inner: CrosstermBackend::new(stdout()), cursor: Position::ORIGIN })?;
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
pub fn resume(terminal: &mut Screen) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    terminal.clear()
}

/// Stops the process as Ctrl-Z would in a shell, with the terminal given back first.
#[cfg(unix)]
#[allow(unsafe_code)]
pub fn suspend(terminal: &mut Screen) -> io::Result<()> {
    give_back();
    // SAFETY: raising a signal has no memory-safety preconditions; SIGTSTP's default action
    // stops the process until SIGCONT (the shell's `fg`).
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    resume(terminal)
}

#[cfg(not(unix))]
pub fn suspend(_terminal: &mut Screen) -> io::Result<()> {
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
