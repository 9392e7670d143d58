//! The terminal always comes back, and saved progress stays saved: a panic inside the app,
//! SIGTERM, SIGHUP, SIGINT, a closed terminal; sizes from 1x1 to 500x200 and bursts of
//! resizes never panic. Each case runs the real binary in a pseudo-terminal.

mod common;

use common::pty::{Learner, Tui};

/// Opens the tutor and marks the first skill of the Roadmap done, waiting until it is saved.
fn open_and_tick(learner: &Learner, env: &[(&str, &str)]) -> Tui {
    let tui = learner.open_with(env, 100, 30);
    tui.wait_for("Next steps");
    tui.send("2");
    tui.wait_for("Phases");
    tui.send("d");
    tui.wait_for("Problem decomposition: done");
    assert!(saved(learner), "the change is saved before anything goes wrong");
    tui
}

fn saved(learner: &Learner) -> bool {
    learner.state_text().contains("basics/decomposition:\n    status: done\n")
}
#[test]
fn a_panic_inside_the_app_restores_the_terminal_and_loses_nothing() {
    let learner = Learner::new();
    let mut tui = open_and_tick(&learner, &[("ROADMAP_TEST_PANIC_KEY", "!")]);
    tui.send("!");
    assert_eq!(tui.wait_exit(), 101, "a panic exits with Rust's panic status");
    tui.assert_restored();
    assert!(tui.output().contains("test panic requested"), "the panic message is shown after the screen is restored");
    assert!(saved(&learner));
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal_and_lose_nothing() {
    for signal in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
        let learner = Learner::new();
        let mut tui = open_and_tick(&learner, &[]);
        tui.signal(signal);
        assert_eq!(tui.wait_exit(), 128 + signal as u32, "signal {signal}");
        tui.assert_restored();
        assert!(saved(&learner), "signal {signal}");
    }
}

#[test]
fn a_closed_terminal_ends_the_program_and_loses_nothing() {
    let learner = Learner::new();
    let mut tui = open_and_tick(&learner, &[]);
    tui.hang_up();
    let code = tui.wait_exit();
    assert!(code == 128 + libc::SIGHUP as u32 || code == 1, "exit code {code}");
    assert!(saved(&learner));
}

#[test]
fn bursts_of_resizes_from_1x1_to_500x200_never_panic() {
    let learner = Learner::new();
    let mut tui = learner.open_with(&[], 100, 30);
    tui.wait_for("Next steps");
    // A fixed pseudo-random walk over sizes, sent as fast as the terminal takes them.
    let mut seed: u32 = 0x2545_f491;
    let mut next = |limit: u32| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        (seed % limit) as u16 + 1
    };
    for _ in 0..100 {
        tui.resize(next(500), next(200));
    }
    for (cols, rows) in [(1, 1), (500, 200), (40, 12), (39, 11), (100, 30)] {
        tui.resize(cols, rows);
    }
    tui.wait_until("the 100x30 layout", |t| t.screen().contains("Next steps") && t.screen().contains("Progress"));
    tui.send("?");
    tui.wait_for("Keys for Home");
    tui.send("\x1b");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}

#[test]
fn every_small_size_draws_a_notice_or_a_screen() {
    let learner = Learner::new();
    let mut tui = learner.open_with(&[], 1, 1);
    for (cols, rows) in [(1, 1), (2, 1), (1, 2), (10, 3), (39, 12), (40, 11), (40, 12), (20, 5)] {
        tui.resize(cols, rows);
        tui.send("2");
    }
    tui.resize(40, 12);
    tui.wait_until("the smallest usable layout", |t| t.screen().contains("Phases") || t.screen().contains("◀ Basics"));
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    tui.assert_restored();
}
