//! The real binary in a pseudo-terminal, read through a vt100 screen. The harness answers the
//! cursor-position query (`ESC[6n`) the way a terminal would, and keeps every byte the program
//! wrote so tests can check how it left the terminal.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{AsRawFd, FromRawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub struct Tui {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Arc<Mutex<Option<Box<dyn Write + Send>>>>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    output: Arc<Mutex<Vec<u8>>>,
    /// Tells the reader to stop and close its end, for `hang_up`.
    stop: Arc<AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
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
        Tui::spawn_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args, env, cols, rows)
    }

    /// As `spawn`, with `dir` as the working directory.
    #[allow(unsafe_code)]
    pub fn spawn_in(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Tui {
        let pair = native_pty_system().openpty(size(cols, rows)).expect("a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_roadmap"));
        command.args(args);
        command.cwd(dir);
        command.env_clear();
        command.env("TERM", "xterm-256color");
        command.env("PATH", std::env::var("PATH").unwrap_or_default());
        command.env("ROADMAP_TODAY", "2026-11-21");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("the binary starts");
        drop(pair.slave);
        let writer = Arc::new(Mutex::new(Some(pair.master.take_writer().unwrap())));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nonzero(rows), nonzero(cols), 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        // Our own descriptor, polled with a timeout, so `hang_up` can close every master end.
        // SAFETY: dup of a valid descriptor we own; the File takes ownership of the copy.
        let fd = unsafe { libc::dup(pair.master.as_raw_fd().expect("a raw fd")) };
        assert!(fd >= 0, "dup failed");
        // SAFETY: `fd` is the valid copy just made, owned by nothing else.
        let mut reader = unsafe { std::fs::File::from_raw_fd(fd) };
        let (p, w, o, s) = (Arc::clone(&parser), Arc::clone(&writer), Arc::clone(&output), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            // The last bytes of the previous chunk, so a query split across reads is still seen.
            let mut tail: Vec<u8> = Vec::new();
            while !s.load(Ordering::Relaxed) {
                let mut poll = libc::pollfd { fd: reader.as_raw_fd(), events: libc::POLLIN, revents: 0 };
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut poll, 1, 50) } <= 0 {
                    continue;
                }
                let n = match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let chunk = &buf[..n];
                o.lock().unwrap().extend_from_slice(chunk);
                let mut parser = p.lock().unwrap();
                parser.process(chunk);
                tail.extend_from_slice(chunk);
                if tail.windows(4).any(|win| win == b"\x1b[6n") {
                    let (row, col) = parser.screen().cursor_position();
                    if let Some(w) = w.lock().unwrap().as_mut() {
                        let _ = write!(w, "\x1b[{};{}R", row + 1, col + 1);
                    }
                    tail.clear();
                }
                let keep = tail.len().saturating_sub(3);
                tail.drain(..keep);
            }
        });
        Tui { master: Some(pair.master), writer, child, parser, output, stop, reader: Some(thread) }
    }

    fn master(&self) -> &dyn MasterPty {
        self.master.as_deref().expect("the terminal is open")
    }

    /// Closes the terminal, as a closed window or a dropped ssh connection would: every master
    /// descriptor goes, and the kernel hangs up the program's session.
    pub fn hang_up(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.writer.lock().unwrap().take();
        self.master.take();
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
        let writer = writer.as_mut().expect("the terminal is open");
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
        self.master().resize(size(cols, rows)).unwrap();
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("a pid") as i32
    }

    #[allow(unsafe_code)]
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
                // SIGKILL, not `child.kill()`: that sends SIGHUP first, and the program's own
                // handler would restore the terminal, which reads like a clean exit in the log.
                self.signal(libc::SIGKILL);
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
    #[allow(unsafe_code)]
    pub fn raw_mode(&self) -> bool {
        let fd = self.master().as_raw_fd().expect("a raw fd");
        // SAFETY: tcgetattr only writes into the termios we pass; a zeroed termios is valid.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: as above, on the master's valid descriptor.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0);
        termios.c_lflag & (libc::ICANON | libc::ECHO) == 0
    }

    /// The terminal as the program left it: main screen, cursor shown, mouse off, raw off.
    /// The program may have written the last of it a moment ago (a stopped process wrote it
    /// just before stopping) while the reader has yet to parse it, so this waits a little
    /// for the state to appear before asserting each part of it.
    pub fn assert_restored(&self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && !self.restored() {
            std::thread::sleep(Duration::from_millis(20));
        }
        let screen = self.parser.lock().unwrap();
        let screen = screen.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture is still on");
        assert!(!self.raw_mode(), "the terminal is still in raw mode");
    }

    fn restored(&self) -> bool {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        !screen.alternate_screen()
            && !screen.hide_cursor()
            && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            && !self.raw_mode()
    }
}

/// A learner with their own HOME and state file, opening the tutor on the fixture roadmap.
pub struct Learner {
    pub home: tempfile::TempDir,
}

impl Learner {
    pub fn new() -> Learner {
        Learner { home: tempfile::tempdir().unwrap() }
    }

    pub fn state(&self) -> std::path::PathBuf {
        self.home.path().join("progress.yaml")
    }

    pub fn state_text(&self) -> String {
        std::fs::read_to_string(self.state()).unwrap_or_default()
    }

    /// The tutor on `tests/fixtures/content/tui` with `env` added, in a `cols` x `rows` terminal.
    pub fn open_with(&self, env: &[(&str, &str)], cols: u16, rows: u16) -> Tui {
        let state = self.state();
        let home = self.home.path().to_str().unwrap();
        let args = ["--content", "tests/fixtures/content/tui", "--state", state.to_str().unwrap()];
        let mut env = env.to_vec();
        env.push(("HOME", home));
        Tui::spawn(&args, &env, cols, rows)
    }

    pub fn open(&self, cols: u16, rows: u16) -> Tui {
        self.open_with(&[], cols, rows)
    }
}
