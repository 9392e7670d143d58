//! The tutor as a learner meets it, in a real pseudo-terminal at 200x60 on a generated
//! 10,000-skill roadmap with a warm cache: time from start to the first full frame, time from
//! a keypress to the frame it changes, CPU used while idle, and peak memory. Prints a table;
//! `cargo bench --bench terminal` (scripts/bench.sh runs it too).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

const SKILLS: usize = 10_000;
const COLS: u16 = 200;
const ROWS: u16 = 60;

fn main() {
    let skills: usize = std::env::var("ROADMAP_BENCH_SKILLS").ok().and_then(|n| n.parse().ok()).unwrap_or(SKILLS);
    let tree = tree(skills);
    let cache = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-cache");
    let state = std::env::temp_dir().join(format!("roadmap-bench-{}.yaml", std::process::id()));
    std::fs::copy(tree.join("progress.yaml"), &state).expect("a copy of the progress file");
    let env = Env { tree: tree.clone(), cache, state: state.clone() };
    // Fill the cache the way any earlier run would.
    let warm = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(env.args())
        .arg("status")
        .env("ROADMAP_CACHE_DIR", &env.cache)
        .output()
        .expect("the binary runs");
    assert!(warm.status.success(), "{}", String::from_utf8_lossy(&warm.stderr));

    let starts: Vec<Duration> = (0..15)
        .map(|_| {
            let mut tui = Tui::start(&env);
            let took = tui.wait_for_frame();
            tui.quit();
            took
        })
        .collect();

    let mut tui = Tui::start(&env);
    tui.wait_for_frame();
    tui.key("2");
    // Wherever the focus starts, phases then skills.
    tui.key("h");
    tui.key("l");
    let keys: Vec<Duration> = (0..100).map(|i| tui.key(if (i / 20) % 2 == 0 { "j" } else { "k" })).collect();
    let idle = tui.cpu_while_idle(Duration::from_secs(5));
    // The heaviest screens: every skill's text searched, then one skill's page.
    tui.key("/");
    for c in "cache".chars() {
        tui.key(&c.to_string());
    }
    tui.key("\r");
    let peak = tui.peak_memory_kib();
    tui.quit();
    let _ = std::fs::remove_file(&state);

    println!("roadmap-tutor in a {COLS}x{ROWS} pseudo-terminal, {skills} skills, warm cache");
    println!("  start to first full frame   median {:>8.2} ms  (of {})", ms(median(starts.clone())), starts.len());
    println!(
        "  keypress to frame           median {:>8.2} ms  (of {}, moving through the skill list)",
        ms(median(keys.clone())),
        keys.len()
    );
    println!("  CPU while idle for 5 s             {:>8.3} ms", ms(idle));
    println!(
        "  peak memory (VmHWM)                {:>8.1} MB  (after a search over every skill)",
        peak as f64 / 1024.0
    );
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above 0")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn tree(skills: usize) -> PathBuf {
    let dir = synth::bench_dir(skills);
    if !dir.join("progress.yaml").exists() {
        let _ = std::fs::remove_dir_all(&dir);
        synth::write_roadmap(skills, &dir).expect("the generated roadmap is written");
        // A tree changed in the last two seconds is not cached (its times could still lie).
        std::thread::sleep(Duration::from_millis(2100));
    }
    dir
}

struct Env {
    tree: PathBuf,
    cache: PathBuf,
    state: PathBuf,
}

impl Env {
    fn args(&self) -> Vec<std::ffi::OsString> {
        vec!["--content".into(), self.tree.clone().into(), "--state".into(), self.state.clone().into()]
    }
}

/// The binary in a pty; a thread feeds everything it writes to a vt100 screen and answers the
/// cursor-position query like a terminal.
struct Tui {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    screen: vt100::Parser,
    chunks: Receiver<Vec<u8>>,
    started: Instant,
}

impl Tui {
    fn start(env: &Env) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize { rows: ROWS, cols: COLS, pixel_width: 0, pixel_height: 0 })
            .expect("a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_roadmap"));
        command.args(env.args());
        command.env("TERM", "xterm-256color");
        command.env("ROADMAP_CACHE_DIR", &env.cache);
        command.env("ROADMAP_TODAY", "2026-11-30");
        let started = Instant::now();
        let child = pair.slave.spawn_command(command).expect("the binary starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let (send, chunks) = channel();
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Tui { child, writer, screen: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0), chunks, started }
    }

    /// Reads what arrives until `done` holds for the screen; returns when it did.
    fn until(&mut self, done: impl Fn(&vt100::Screen) -> bool) -> Instant {
        loop {
            match self.chunks.recv_timeout(Duration::from_secs(10)) {
                Ok(chunk) => {
                    self.screen.process(&chunk);
                    if chunk.windows(4).any(|w| w == b"\x1b[6n") {
                        let (row, col) = self.screen.screen().cursor_position();
                        let _ = write!(self.writer, "\x1b[{};{}R", row + 1, col + 1);
                    }
                    if done(self.screen.screen()) {
                        return Instant::now();
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no frame; the screen is:\n{}", self.screen.screen().contents())
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the program ended"),
            }
        }
    }

    /// The first frame is complete when its last row, the key hints, is drawn.
    fn wait_for_frame(&mut self) -> Duration {
        let at = self.until(|screen| screen.contents_between(ROWS - 1, 0, ROWS - 1, COLS).contains("quit"));
        at - self.started
    }

    /// Sends a key and waits for the frame it brings: the screen changes, and the time is
    /// that of the frame's last bytes (nothing more comes for 20 ms).
    fn key(&mut self, key: &str) -> Duration {
        let before = self.screen.screen().contents_formatted();
        let sent = Instant::now();
        self.writer.write_all(key.as_bytes()).expect("the key is sent");
        self.writer.flush().expect("the key is sent");
        let mut last = self.until(|screen| screen.contents_formatted() != before);
        while let Ok(chunk) = self.chunks.recv_timeout(Duration::from_millis(20)) {
            self.screen.process(&chunk);
            last = Instant::now();
        }
        last - sent
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("a pid")
    }

    /// CPU time of all the program's threads over `wait`, in nanoseconds from the
    /// scheduler's own accounting (`/proc/PID/task/*/schedstat`), once the last key's work is
    /// surely done.
    fn cpu_while_idle(&mut self, wait: Duration) -> Duration {
        std::thread::sleep(Duration::from_millis(300));
        let on_cpu = || -> u64 {
            let tasks = std::fs::read_dir(format!("/proc/{}/task", self.pid())).expect("/proc");
            tasks
                .flatten()
                .filter_map(|task| std::fs::read_to_string(task.path().join("schedstat")).ok())
                .filter_map(|stat| stat.split_whitespace().next()?.parse::<u64>().ok())
                .sum()
        };
        let before = on_cpu();
        std::thread::sleep(wait);
        Duration::from_nanos(on_cpu() - before)
    }

    fn peak_memory_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).expect("/proc");
        let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM");
        line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).expect("a number")
    }

    fn quit(mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let _ = self.child.wait();
    }
}
