//! Whether to color and with which palette: `--no-color`, `NO_COLOR`, `CLICOLOR_FORCE`,
//! `CLICOLOR`, `TERM=dumb`, `--theme` and `ROADMAP_THEME`. The terminal UI asks the same
//! functions, so every part of the program agrees.

use std::ffi::{OsStr, OsString};

use crate::ui::theme::{Theme, ThemeName};

use super::args::Cli;

/// `--theme` as typed (or from `ROADMAP_THEME`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeChoice {
    /// The dark palette when COLORFGBG says the background is dark, the light one when it says
    /// light, else the default palette, readable on both
    #[default]
    Auto,
    /// Bright colors for a dark background
    Dark,
    /// Darker colors for a light background
    Light,
}

/// Whether output bound for a terminal (or not) gets colors, given `--no-color` and the
/// environment as the process sees it.
pub fn use_color(cli: &Cli, terminal: bool) -> bool {
    wants_color(cli.no_color, |name| std::env::var_os(name), terminal)
}

/// The rules, in order: `--no-color` or a non-empty `NO_COLOR` turn color off; a non-empty
/// `CLICOLOR_FORCE` other than `0` turns it on even into a pipe; otherwise only a terminal gets
/// color, unless `CLICOLOR=0` or `TERM=dumb`.
pub fn wants_color(no_color_flag: bool, env: impl Fn(&str) -> Option<OsString>, terminal: bool) -> bool {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    if no_color_flag || set("NO_COLOR").is_some() {
        return false;
    }
    if set("CLICOLOR_FORCE").is_some_and(|value| value != "0") {
        return true;
    }
    let disabled = set("CLICOLOR").is_some_and(|value| value == "0") || set("TERM").is_some_and(|t| t == "dumb");
    terminal && !disabled
}

/// The theme for this run: `--theme`/`ROADMAP_THEME`, with `auto` read from `COLORFGBG`.
pub fn theme(cli: &Cli, color: bool) -> Theme {
    let background = std::env::var_os("COLORFGBG");
    Theme::named(theme_name(cli.theme.unwrap_or_default(), background.as_deref()), color)
}

pub fn theme_name(choice: ThemeChoice, colorfgbg: Option<&OsStr>) -> ThemeName {
    match choice {
        ThemeChoice::Dark => ThemeName::Dark,
        ThemeChoice::Light => ThemeName::Light,
        ThemeChoice::Auto => match colorfgbg.and_then(OsStr::to_str).and_then(dark_background) {
            Some(true) => ThemeName::Dark,
            Some(false) => ThemeName::Light,
            None => ThemeName::Default,
        },
    }
}

/// `COLORFGBG` is `fg;bg` (or `fg;default;bg`), set by rxvt, Konsole, iTerm2 and others: the
/// background is dark for ANSI colors 0-6 and 8, light for 7 and 9-15.
fn dark_background(colorfgbg: &str) -> Option<bool> {
    let background: u8 = colorfgbg.rsplit(';').next()?.trim().parse().ok()?;
    match background {
        0..=6 | 8 => Some(true),
        7 | 9..=15 => Some(false),
        _ => None,
    }
}

/// Whether `--no-color` is among the arguments (before a `--`): clap's own help and errors must
/// honour it too, and they are printed before the arguments are fully parsed.
pub fn no_color_arg(args: &[OsString]) -> bool {
    args.iter().skip(1).take_while(|arg| *arg != "--").any(|arg| arg == "--no-color")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn a_terminal_gets_color_and_a_pipe_does_not() {
        assert!(wants_color(false, env(&[]), true));
        assert!(!wants_color(false, env(&[]), false));
    }

    #[test]
    fn no_color_and_the_flag_win_over_everything() {
        assert!(!wants_color(true, env(&[]), true));
        assert!(!wants_color(false, env(&[("NO_COLOR", "1")]), true));
        assert!(!wants_color(false, env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]), true));
        assert!(!wants_color(true, env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(wants_color(false, env(&[("NO_COLOR", "")]), true), "an empty NO_COLOR is unset");
    }

    #[test]
    fn clicolor_force_colors_a_pipe_unless_empty_or_zero() {
        assert!(wants_color(false, env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(wants_color(false, env(&[("CLICOLOR_FORCE", "yes"), ("TERM", "dumb")]), false));
        assert!(!wants_color(false, env(&[("CLICOLOR_FORCE", "0")]), false));
        assert!(!wants_color(false, env(&[("CLICOLOR_FORCE", "")]), false));
    }

    #[test]
    fn clicolor_zero_and_a_dumb_terminal_turn_color_off() {
        assert!(!wants_color(false, env(&[("CLICOLOR", "0")]), true));
        assert!(!wants_color(false, env(&[("TERM", "dumb")]), true));
        assert!(wants_color(false, env(&[("CLICOLOR", "1"), ("TERM", "xterm-256color")]), true));
    }

    #[test]
    fn auto_follows_colorfgbg_and_falls_back_to_the_default() {
        let auto = |bg: Option<&str>| theme_name(ThemeChoice::Auto, bg.map(OsStr::new));
        assert_eq!(auto(Some("15;0")), ThemeName::Dark);
        assert_eq!(auto(Some("0;default;15")), ThemeName::Light);
        assert_eq!(auto(Some("12;8")), ThemeName::Dark);
        assert_eq!(auto(Some("0;7")), ThemeName::Light);
        assert_eq!(auto(Some("garbage")), ThemeName::Default);
        assert_eq!(auto(Some("0;default")), ThemeName::Default);
        assert_eq!(auto(None), ThemeName::Default);
        assert_eq!(theme_name(ThemeChoice::Light, Some(OsStr::new("15;0"))), ThemeName::Light);
        assert_eq!(theme_name(ThemeChoice::Dark, None), ThemeName::Dark);
    }

    #[test]
    fn the_no_color_flag_is_found_before_a_double_dash_only() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(no_color_arg(&args(&["roadmap", "--no-color", "--help"])));
        assert!(no_color_arg(&args(&["roadmap", "status", "--no-color"])));
        assert!(!no_color_arg(&args(&["roadmap", "show", "--", "--no-color"])));
        assert!(!no_color_arg(&args(&["--no-color"])), "the program name is not a flag");
    }
}
