//! Colors as a terminal user controls them: `--no-color`, `NO_COLOR`, `CLICOLOR_FORCE`,
//! `--theme` and `ROADMAP_THEME`. Output here is piped, so color only shows when forced.

mod common;

use common::{Run, Sandbox, output};

const ESC: &str = "\x1b[";

/// Runs with a clean color environment plus `vars`.
fn run(sandbox: &Sandbox, vars: &[(&str, &str)], args: &[&str]) -> Run {
    let mut command = sandbox.command();
    for name in ["CLICOLOR", "ROADMAP_THEME", "COLORFGBG", "TERM"] {
        command.env_remove(name);
    }
    command.envs(vars.iter().copied()).arg("--state").arg(sandbox.state()).args(args);
    output(&mut command)
}

const SHOW: &[&str] = &["show", "foundations/git-basics"];

#[test]
fn piped_output_is_plain_unless_color_is_forced() {
    let sandbox = Sandbox::new();
    assert!(!run(&sandbox, &[], SHOW).stdout.contains(ESC));
    let forced = run(&sandbox, &[("CLICOLOR_FORCE", "1")], SHOW);
    assert!(forced.stdout.starts_with("\x1b[1m\x1b[36mGit basics\x1b[0m\n"), "{:?}", forced.stdout);
    assert!(!run(&sandbox, &[("CLICOLOR_FORCE", "0")], SHOW).stdout.contains(ESC));
    assert!(!run(&sandbox, &[("CLICOLOR_FORCE", "")], SHOW).stdout.contains(ESC));
}

#[test]
fn no_color_and_the_flag_win_over_clicolor_force() {
    let sandbox = Sandbox::new();
    let both = run(&sandbox, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], SHOW);
    assert!(!both.stdout.contains(ESC), "{:?}", both.stdout);
    let mut args = vec!["--no-color"];
    args.extend_from_slice(SHOW);
    let flag = run(&sandbox, &[("CLICOLOR_FORCE", "1")], &args);
    assert!(!flag.stdout.contains(ESC), "{:?}", flag.stdout);
    assert_eq!(flag.stdout, run(&sandbox, &[], SHOW).stdout, "the same text, only without color");
}

#[test]
fn forced_color_gets_the_terminal_layout_and_errors_are_colored_too() {
    let sandbox = Sandbox::new();
    let status = run(&sandbox, &[("CLICOLOR_FORCE", "1")], &["status"]);
    assert!(status.stdout.contains("0 of 93 skills complete"), "{}", status.stdout);
    assert!(!run(&sandbox, &[], &["status"]).stdout.contains(ESC), "records for scripts otherwise");
    let error = run(&sandbox, &[("CLICOLOR_FORCE", "1")], &["done", "no-such-skill"]);
    assert!(error.stderr.starts_with("\x1b[1m\x1b[31merror:\x1b[0m no skill `no-such-skill`"), "{:?}", error.stderr);
    let error = run(&sandbox, &[("CLICOLOR_FORCE", "1")], &["--no-color", "done", "no-such-skill"]);
    assert!(error.stderr.starts_with("error: no skill"), "{:?}", error.stderr);
}

#[test]
fn clap_help_and_errors_follow_the_same_rules() {
    let sandbox = Sandbox::new();
    assert!(run(&sandbox, &[("CLICOLOR_FORCE", "1")], &["--help"]).stdout.contains(ESC));
    for (vars, args) in [
        (&[("CLICOLOR_FORCE", "1")][..], &["--no-color", "--help"][..]),
        (&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &["--help"]),
        (&[("CLICOLOR_FORCE", "1")], &["--no-color", "frobnicate"]),
    ] {
        let run = run(&sandbox, vars, args);
        assert!(!run.stdout.contains(ESC) && !run.stderr.contains(ESC), "{vars:?} {args:?}: {run:?}");
    }
}

#[test]
fn themes_change_the_palette() {
    let sandbox = Sandbox::new();
    let title = |vars: &[(&str, &str)], theme: Option<&str>| {
        let mut args: Vec<&str> = theme.map_or(vec![], |t| vec!["--theme", t]);
        args.extend_from_slice(SHOW);
        let mut all = vec![("CLICOLOR_FORCE", "1")];
        all.extend_from_slice(vars);
        let out = run(&sandbox, &all, &args).stdout;
        out.lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(title(&[], None), "\x1b[1m\x1b[36mGit basics\x1b[0m", "default: cyan");
    assert_eq!(title(&[], Some("auto")), "\x1b[1m\x1b[36mGit basics\x1b[0m");
    assert_eq!(title(&[], Some("dark")), "\x1b[1m\x1b[96mGit basics\x1b[0m", "dark: bright cyan");
    assert_eq!(title(&[], Some("light")), "\x1b[1m\x1b[34mGit basics\x1b[0m", "light: blue");
    assert_eq!(title(&[("ROADMAP_THEME", "light")], None), "\x1b[1m\x1b[34mGit basics\x1b[0m");
    assert_eq!(title(&[("ROADMAP_THEME", "light")], Some("dark")), "\x1b[1m\x1b[96mGit basics\x1b[0m", "the flag wins");
    assert_eq!(
        title(&[("COLORFGBG", "0;15")], None),
        "\x1b[1m\x1b[34mGit basics\x1b[0m",
        "auto sees a light background"
    );
    assert_eq!(
        title(&[("COLORFGBG", "15;0")], None),
        "\x1b[1m\x1b[96mGit basics\x1b[0m",
        "auto sees a dark background"
    );

    let bad = run(&sandbox, &[("ROADMAP_THEME", "purple")], &["status"]);
    assert_eq!(bad.code, 2);
    assert_eq!(bad.stderr, "error: ROADMAP_THEME=purple is not a theme: use auto, dark or light (or unset it)\n");
    let bad = run(&sandbox, &[], &["--theme", "purple", "status"]);
    assert!(bad.stderr.contains("invalid value 'purple' for '--theme <THEME>'"), "{}", bad.stderr);
}
