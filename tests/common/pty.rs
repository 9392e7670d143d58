//! The real binary in a pseudo-terminal, read through a vt100 screen. The harness answers the
//! cursor-position query (`ESC[6n`) the way a terminal would, and keeps every byte the program
//! wrote so tests can check how it left the terminal.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Tui {
    master: Box<dyn MasterPty + Send>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    output: Arc<Mutex<Vec<u8>>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap()
}

impl Tui {
    /// Starts `roadmap` with `args` and `env` (on top of a clean environment) in a terminal of
    /// `cols` x `rows`.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Tui {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_roadmap"));
        command.args(args);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env_clear();
        command.env("TERM", "xterm-256color");
        command.env("PATH", std::env::var("PATH").unwrap_or_default());
        command.env("ROADMAP_TODAY", "2026-11-21");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("the binary starts");
        drop(pair.slave);
        let writer = Arc::new(Mutex::new(pair.master.take_writer().unwrap()));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nonzero(rows), nonzero(cols), 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let (p, w, o) = (Arc::clone(&parser), Arc::clone(&writer), Arc::clone(&output));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let chunk = &buf[..n];
                o.lock().unwrap().extend_from_slice(chunk);
                let mut parser = p.lock().unwrap();
                parser.process(chunk);
                if chunk.windows(4).any(|win| win == b"\x1b[6n") {
                    let (row, col) = parser.screen().cursor_position();
                    let _ = write!(w.lock().unwrap(), "\x1b[{};{}R", row + 1, col + 1);
                }
            }
        });
        Tui { master: pair.master, writer, child, parser, output }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after `timeout`.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("the screen to show {text:?}"), |tui| tui.screen().contains(text));
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&Tui) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if done(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let log = std::env::temp_dir().join(format!("roadmap-pty-{}.log", self.pid()));
        let _ = std::fs::write(&log, self.output());
        panic!("timed out waiting for {what} (all output: {}); the screen is:\n{}", log.display(), self.screen());
    }

    pub fn send(&self, keys: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    /// Sends keys one at a time, waiting for the screen to settle after each.
    pub fn type_keys(&self, keys: &str) {
        for c in keys.chars() {
            self.send(&c.to_string());
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser.lock().unwrap().set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).unwrap();
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a pid") as i32
    }

    pub fn signal(&self, signal: i32) {
        // SAFETY: sending a signal to our own child process.
        unsafe {
            libc::kill(self.pid(), signal);
        }
    }

    /// Waits for the program to exit and returns its exit code (128 + n for signal n).
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain what the program wrote last.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if Instant::now() > deadline {
                let pid = self.pid();
                let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                let threads: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/task"))
                    .map(|dir| {
                        dir.flatten()
                            .map(|task| {
                                let path = task.path();
                                let read = |f: &str| std::fs::read_to_string(path.join(f)).unwrap_or_default();
                                format!("{}:{}", read("comm").trim(), read("wchan"))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                eprintln!("process {pid}: {state}\nthreads: {threads:?}\nraw mode: {}", self.raw_mode());
                let log = std::env::temp_dir().join(format!("roadmap-pty-{pid}.log"));
                let _ = std::fs::write(&log, self.output());
                eprintln!("all output: {}", log.display());
                let _ = self.child.kill();
                let output: Vec<char> = self.output().chars().collect();
                let tail: String = output[output.len().saturating_sub(400)..].iter().collect();
                panic!("the program did not exit; the screen is:\n{}\nits last output: {tail:?}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Every byte the program wrote, as text.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Whether the terminal is in raw mode now (no line editing, no echo).
    pub fn raw_mode(&self) -> bool {
        let fd = self.master.as_raw_fd().expect("a raw fd");
        // SAFETY: tcgetattr only writes into the termios we pass; a zeroed termios is valid.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0);
        termios.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    /// The terminal as the program left it: main screen, cursor shown, mouse off, raw off.
    pub fn assert_restored(&self) {
        let screen = self.parser.lock().unwrap();
        let screen = screen.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture is still on");
        assert!(!self.raw_mode(), "the terminal is still in raw mode");
    }
}
