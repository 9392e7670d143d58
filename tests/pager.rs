//! `roadmap show` on a terminal: long output goes through `$PAGER` (less by default, which
//! just prints what fits on one screen), never into a pipe, not with `--no-pager`; and the text
//! is laid out at the terminal's width.

mod common;

use common::Sandbox;
use common::pty::Tui;

/// `roadmap show ID` with `args` in a `cols` x `rows` terminal, `env` added.
fn show(sandbox: &Sandbox, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Tui {
    let home = sandbox.home.path().to_str().unwrap().to_string();
    let state = sandbox.state().to_str().unwrap().to_string();
    let mut all = vec!["--state", state.as_str(), "show"];
    all.extend(args);
    let mut env = env.to_vec();
    env.extend([("HOME", home.as_str()), ("NO_COLOR", "1")]);
    Tui::spawn(&all, &env, cols, rows)
}

/// A pager that marks every line it shows, so the screen tells whether it was used.
const MARKING: (&str, &str) = ("PAGER", "sed 's/^/paged: /'");

#[test]
fn a_terminal_pages_through_pager_unless_told_not_to() {
    let sandbox = Sandbox::new();
    let mut tui = show(&sandbox, &["git-basics"], &[MARKING], 100, 30);
    assert_eq!(tui.wait_exit(), 0);
    assert!(tui.output().contains("paged: Git basics\r\n"), "{}", tui.output());
    assert!(tui.output().contains("paged: Checkpoints"), "everything went through it");

    let mut tui = show(&sandbox, &["--no-pager", "git-basics"], &[MARKING], 100, 30);
    assert_eq!(tui.wait_exit(), 0);
    assert!(tui.output().starts_with("Git basics\r\n") && !tui.output().contains("paged:"), "{}", tui.output());

    // A pipe is never paged.
    let mut command = sandbox.command();
    command.env(MARKING.0, MARKING.1).arg("--state").arg(sandbox.state()).args(["show", "git-basics"]);
    let run = common::output(&mut command);
    assert!(run.stdout.starts_with("Git basics\n") && !run.stdout.contains("paged:"), "{}", run.stdout);
}

#[test]
fn less_is_the_default_and_short_output_just_prints() {
    let sandbox = Sandbox::new();
    // The fixture's first skill fits on a screen: less -F prints it and quits at once.
    let mut tui = show(&sandbox, &["--content", "tests/fixtures/content/valid", "basics/first"], &[], 80, 40);
    assert_eq!(tui.wait_exit(), 0);
    assert!(tui.screen().contains("Because it does."), "{}", tui.screen());
    // A long one waits in less until the reader quits.
    let mut tui = show(&sandbox, &["git-basics"], &[], 80, 20);
    tui.wait_for("Git basics");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!tui.screen().contains("Checkpoints"), "only the first page is shown:\n{}", tui.screen());
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn a_pager_that_cannot_be_found_is_no_reason_to_lose_the_text() {
    let sandbox = Sandbox::new();
    let mut tui = show(&sandbox, &["git-basics"], &[("PAGER", "no-such-pager-here")], 100, 30);
    assert_eq!(tui.wait_exit(), 0);
    assert!(tui.output().contains("Checkpoints"), "{}", tui.output());
}

#[test]
fn text_is_laid_out_at_the_terminals_width() {
    let sandbox = Sandbox::new();
    let widest = |cols: u16| {
        let mut tui = show(&sandbox, &["--no-pager", "git-basics"], &[], cols, 30);
        tui.wait_exit();
        let output = tui.output();
        // URLs are never broken, so they may run past the edge.
        let prose = output.lines().filter(|l| !l.contains("https://"));
        prose.map(|l| l.trim_end_matches('\r').chars().count()).max().unwrap_or(0)
    };
    let wide = widest(140);
    assert!((120..=140).contains(&wide), "at 140 columns the widest line is {wide}");
    let narrow = widest(60);
    assert!((50..=60).contains(&narrow), "at 60 columns the widest line is {narrow}");
}
