//! The variables that stand in for flags: `ROADMAP_CONTENT`, `ROADMAP_STATE`, `ROADMAP_THEME`.
//! Read here rather than by clap, so a bad value is blamed on the variable the user set, not
//! on a flag they never typed. A flag on the command line wins over its variable.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::ValueEnum;

use super::args::Cli;
use super::color::ThemeChoice;
use super::session::Failure;

pub const CONTENT: &str = "ROADMAP_CONTENT";
pub const STATE: &str = "ROADMAP_STATE";
pub const THEME: &str = "ROADMAP_THEME";

/// Fills in what the command line left open from the environment (`var` reads it).
pub fn apply(cli: &mut Cli, var: impl Fn(&str) -> Option<OsString>) -> Result<(), Failure> {
    if cli.content.is_none()
        && let Some(dir) = var(CONTENT)
    {
        // Set but empty is most often `ROADMAP_CONTENT=$DIR` with DIR unset: using the
        // built-in roadmap instead would hide the mistake.
        if dir.is_empty() {
            return Err(Failure::Usage(format!(
                "{CONTENT} is set but empty: set it to a roadmap folder, or unset it to use the built-in roadmap"
            )));
        }
        cli.content = Some(PathBuf::from(dir));
        cli.content_from_env = true;
    }
    if cli.state.is_none()
        && let Some(file) = var(STATE)
    {
        // As above, and worse: progress would go to another file without a word.
        if file.is_empty() {
            return Err(Failure::Usage(format!(
                "{STATE} is set but empty: set it to a progress file, or unset it to use the default one"
            )));
        }
        cli.state = Some(PathBuf::from(file));
    }
    // An empty theme is no choice, as an empty NO_COLOR is none: `auto`.
    if cli.theme.is_none()
        && let Some(theme) = var(THEME).filter(|value| !value.is_empty())
    {
        let text = theme.to_string_lossy();
        let choice = ThemeChoice::from_str(text.trim(), true).map_err(|_| {
            Failure::Usage(format!("{THEME}={text} is not a theme: use {} (or unset it)", theme_names()))
        })?;
        cli.theme = Some(choice);
    }
    Ok(())
}

/// `auto, dark or light`, from the values `--theme` takes.
fn theme_names() -> String {
    let names: Vec<String> = ThemeChoice::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn applied(args: &[&str], vars: &[(&str, &str)]) -> Result<Cli, String> {
        let mut cli = Cli::try_parse_from(std::iter::once("roadmap").chain(args.iter().copied())).unwrap();
        let var = |name: &str| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| OsString::from(v));
        apply(&mut cli, var).map(|()| cli).map_err(|failure| failure.to_string())
    }

    #[test]
    fn variables_fill_in_what_the_flags_left_open() {
        let cli = applied(&[], &[(CONTENT, "my-roadmap"), (STATE, "p.yaml"), (THEME, "Light")]).unwrap();
        assert_eq!(cli.content, Some(PathBuf::from("my-roadmap")));
        assert!(cli.content_from_env);
        assert_eq!(cli.state, Some(PathBuf::from("p.yaml")));
        assert_eq!(cli.theme, Some(ThemeChoice::Light));
        let cli = applied(&["--content", "flag", "--theme", "dark"], &[(CONTENT, ""), (THEME, "bogus")]).unwrap();
        assert_eq!(
            (cli.content, cli.content_from_env, cli.theme),
            (Some("flag".into()), false, Some(ThemeChoice::Dark))
        );
    }

    #[test]
    fn a_bad_value_names_the_variable() {
        assert_eq!(
            applied(&[], &[(CONTENT, "")]).unwrap_err(),
            "ROADMAP_CONTENT is set but empty: set it to a roadmap folder, or unset it to use the built-in roadmap"
        );
        assert!(applied(&[], &[(STATE, "")]).unwrap_err().starts_with("ROADMAP_STATE is set but empty"));
        assert_eq!(
            applied(&[], &[(THEME, "bogus")]).unwrap_err(),
            "ROADMAP_THEME=bogus is not a theme: use auto, dark or light (or unset it)"
        );
        assert_eq!(applied(&[], &[(THEME, "")]).unwrap().theme, None, "empty is no choice");
    }
}
