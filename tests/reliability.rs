//! Nothing the learner typed or saved is lost, however the world around the tutor behaves:
//! the CLI changing the same skill while the tutor is open, editors that write bytes that are
//! not UTF-8, remove their file or write far too much, the terminal closing or a `kill` while a
//! note is being typed, Ctrl-Z followed by `kill %1`, and keys pressed while the terminal is
//! too small to show anything. Each case runs the real binary in a pseudo-terminal.

mod common;

use std::time::{Duration, Instant};

use common::pty::{Learner, Tui};

/// The tutor on the fixture roadmap, on the page of Python basics.
fn on_python_page(learner: &Learner, env: &[(&str, &str)]) -> Tui {
    let tui = learner.open_with(env, 100, 30);
    tui.wait_for("Next steps");
    tui.type_keys("2jj");
    tui.send("\r");
    tui.wait_for("Checkpoints · links · note");
    tui
}

fn cli(learner: &Learner, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["--content", "tests/fixtures/content/tui", "--state", learner.state().to_str().unwrap()])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("ROADMAP_TODAY", "2026-11-21")
        .env("HOME", learner.home.path())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_done_from_the_cli_and_a_note_from_the_open_tutor_both_survive() {
    let learner = Learner::new();
    let mut tui = on_python_page(&learner, &[]);
    assert!(cli(&learner, &["done", "basics/python"]).status.success());
    // The tutor shows the other instance's change on the next key, before saving anything.
    tui.type_keys("l");
    tui.wait_until("the CLI's done to show", |t| t.screen().contains("● Python basics"));
    tui.type_keys("n");
    tui.type_keys(" From the tutor.");
    tui.send("\x1b");
    tui.wait_for("Note saved");
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let state = learner.state_text();
    assert!(state.contains("basics/python:\n    status: done\n"), "{state}");
    assert!(state.contains("finished: 2026-11-21"), "{state}");
    assert!(state.contains("From the tutor."), "{state}");
}

#[test]
fn an_editor_that_writes_latin_1_keeps_the_text_and_the_tutor_open() {
    let learner = Learner::new();
    let editor = "printf 'caf\\351 cr\\350me' >";
    let mut tui = on_python_page(&learner, &[("EDITOR", editor)]);
    tui.type_keys("e");
    tui.wait_for("not UTF-8");
    let kept = tui.screen();
    assert!(kept.contains("your text is also in"), "the editor's file is named:\n{kept}");
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    let state = learner.state_text();
    assert!(state.contains("note: caf\u{fffd} cr\u{fffd}me"), "{state}");
}

#[test]
fn an_editor_that_removes_its_file_leaves_the_note_and_the_tutor_open() {
    let learner = Learner::new();
    let mut tui = on_python_page(&learner, &[("EDITOR", "rm -f")]);
    tui.type_keys("e");
    tui.wait_for("The editor removed or moved the note's file; the note is unchanged");
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(!learner.state_text().contains("note:"), "{}", learner.state_text());
}

#[test]
fn a_note_too_long_for_the_file_is_refused_while_still_in_hand() {
    let learner = Learner::new();
    // 70 MB of text, more than any progress file may hold.
    let editor = "yes 0123456789abcdefghijklmnopqrstuvwxyz | head -c 70000000 >";
    let mut tui = on_python_page(&learner, &[("EDITOR", editor)]);
    tui.type_keys("e");
    tui.wait_for("Note not saved");
    assert!(tui.screen().contains("more than the 256 KiB"), "{}", tui.screen());
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    // Every command still reads the file.
    let status = cli(&learner, &["status"]);
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
}

#[test]
fn closing_the_terminal_or_a_kill_while_typing_a_note_keeps_it() {
    for signal in [libc::SIGHUP, libc::SIGTERM] {
        let learner = Learner::new();
        let mut tui = on_python_page(&learner, &[]);
        tui.type_keys("n");
        tui.type_keys(" Typed, not finished");
        tui.wait_for("Typed, not finished");
        tui.signal(signal);
        assert_eq!(tui.wait_exit(), 128 + signal as u32, "signal {signal}");
        tui.assert_restored();
        let state = learner.state_text();
        assert!(state.contains("Typed, not finished"), "signal {signal}: {state}");
    }
}

/// The process state letter from /proc (`T` when stopped).
fn process_state(pid: i32) -> char {
    let status = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    status.rsplit(')').next().and_then(|rest| rest.trim().chars().next()).unwrap_or('?')
}

fn wait_stopped(pid: i32) {
    let start = Instant::now();
    while process_state(pid) != 'T' {
        assert!(start.elapsed() < Duration::from_secs(10), "the tutor did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_then_kill_ends_promptly_and_leaves_the_terminal_as_it_was() {
    let learner = Learner::new();
    let mut tui = on_python_page(&learner, &[]);
    tui.type_keys("n");
    tui.type_keys(" before the stop");
    tui.wait_for("before the stop");
    tui.send("\x1a");
    wait_stopped(tui.pid());
    // `kill %1` in a shell: SIGTERM, then SIGCONT so the stopped job can act on it.
    let started = Instant::now();
    tui.signal(libc::SIGTERM);
    tui.signal(libc::SIGCONT);
    assert_eq!(tui.wait_exit(), 128 + libc::SIGTERM as u32);
    assert!(started.elapsed() < Duration::from_secs(5), "it took {:?}", started.elapsed());
    tui.assert_restored();
    assert!(learner.state_text().contains("before the stop"));
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_then_fg_comes_back_to_the_same_screen() {
    let learner = Learner::new();
    let mut tui = on_python_page(&learner, &[]);
    tui.send("\x1a");
    wait_stopped(tui.pid());
    tui.assert_restored();
    tui.signal(libc::SIGCONT);
    tui.wait_until("the page to be drawn again", |t| t.raw_mode() && t.screen().contains("Checkpoints · links"));
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}

#[test]
fn keys_pressed_while_the_terminal_is_too_small_do_nothing() {
    let learner = Learner::new();
    let mut tui = learner.open(100, 30);
    tui.wait_for("Next steps");
    tui.resize(70, 5);
    tui.wait_for("Terminal too small: 70x5 (needs 40x12); keys wait, q quits");
    tui.resize(20, 5);
    tui.wait_for("Needs 40x12");
    tui.type_keys("2djd");
    // Nothing on screen shows the keys were read, and a resize (a signal) may overtake bytes
    // still waiting in the terminal: give the tutor time to read them while still small.
    std::thread::sleep(Duration::from_millis(500));
    tui.resize(100, 30);
    tui.wait_for("Next steps");
    assert!(!tui.screen().contains("Phases"), "still on Home: the 2 did nothing");
    tui.type_keys("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(!learner.state_text().contains("status: done\n    started: 2026-11-21"), "{}", learner.state_text());
}
