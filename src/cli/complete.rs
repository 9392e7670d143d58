//! Completion that knows the roadmap: skill ids and phase ids, read from the roadmap in use
//! (`--content` on the line being completed, else `ROADMAP_CONTENT`, else the built-in one)
//! through the content cache. clap_complete's dynamic completion calls back into the binary
//! (`COMPLETE=bash roadmap -- roadmap done foundations/gi`); the script each shell sources
//! only makes that call, so commands, options and values never drift from the binary.

use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
use clap_complete::{CompleteEnv, Shell};

use super::args::Cli;
use super::session;
use crate::content::{Roadmap, Source};

/// The variable that asks the binary to complete rather than run (clap_complete's default).
pub const VAR: &str = "COMPLETE";
/// The installed binary's name.
const BIN: &str = "roadmap";

/// Answers a completion request and exits when the shell made one; returns otherwise. Called
/// first thing, before anything is printed.
pub fn answer_if_asked() {
    CompleteEnv::with_factory(|| Cli::command().bin_name(BIN)).var(VAR).complete();
}

/// The script a shell sources to complete `roadmap`: it calls the binary back on each Tab.
pub fn write_registration(shell: Shell, w: &mut dyn Write) -> io::Result<()> {
    let completer = completer();
    let adapter: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Elvish => &Elvish,
        Shell::Fish => &Fish,
        Shell::PowerShell => &Powershell,
        Shell::Zsh => &Zsh,
        // `Shell` is non-exhaustive; a shell added later gets a clear error, not a panic.
        _ => return Err(io::Error::other(format!("no completion for {shell} yet"))),
    };
    adapter.write_registration(VAR, BIN, BIN, &completer, w)?;
    if shell == Shell::Zsh {
        // Autoloaded from fpath as `_roadmap`, the file runs as that function on the first Tab:
        // complete then too, not only from the second Tab on.
        writeln!(w, "if [[ \"${{funcstack[1]}}\" == \"_{BIN}\" ]]; then _clap_dynamic_completer_{BIN} \"$@\"; fi")?;
    }
    Ok(())
}

/// How the script calls the binary: by name when it was run by name (found on PATH, as after
/// `cargo install`), else by its absolute path.
fn completer() -> String {
    let first = std::env::args_os().next().map(PathBuf::from).unwrap_or_else(|| PathBuf::from(BIN));
    if first.components().count() > 1 {
        let absolute = std::env::current_dir().map(|dir| dir.join(&first)).unwrap_or(first);
        // `./target/release/roadmap` from a clone: without the `.`, for a tidy script.
        let tidy: PathBuf = absolute.components().filter(|c| *c != std::path::Component::CurDir).collect();
        return tidy.to_string_lossy().into_owned();
    }
    first.to_string_lossy().into_owned()
}

/// Skill ids that start with what was typed, in the roadmap's order, each with its title; a
/// word without a slash also matches the part after it (`git-b` gives `git-basics`), when
/// that part names one skill only, as `roadmap done` accepts it.
pub fn skill_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((roadmap, typed)) = roadmap_and(current) else { return Vec::new() };
    let mut candidates = Vec::new();
    let short_too = !typed.is_empty() && !typed.contains('/');
    for (index, skill) in roadmap.skills.iter().enumerate() {
        let title = || Some(crate::text::one_line(&skill.title).into_owned().into());
        if starts_with(&skill.id, &typed) {
            candidates.push(CompletionCandidate::new(skill.id.clone()).help(title()));
        } else if let Some((_, short)) = skill.id.split_once('/').filter(|_| short_too)
            && starts_with(short, &typed)
            // Only where the short form finds this very skill (not another's alias, not two).
            && roadmap.find(short) == Ok(index)
        {
            candidates.push(CompletionCandidate::new(short.to_string()).help(title()));
        }
    }
    candidates
}

/// Phase ids that start with what was typed, each with its title.
/// Phase ids (for a milestone), then skill ids: what `roadmap check` takes.
pub fn check_targets(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut candidates = phase_ids(current);
    candidates.extend(skill_ids(current));
    candidates
}

pub fn phase_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some((roadmap, typed)) = roadmap_and(current) else { return Vec::new() };
    roadmap
        .phases
        .iter()
        .filter(|phase| starts_with(&phase.id, &typed))
        .map(|phase| {
            let title = crate::text::one_line(&phase.title).into_owned();
            CompletionCandidate::new(phase.id.clone()).help(Some(title.into()))
        })
        .collect()
}

/// Ids are matched in any case, as the commands take them.
fn starts_with(id: &str, typed: &str) -> bool {
    id.get(..typed.len()).is_some_and(|head| head.eq_ignore_ascii_case(typed))
}

/// The roadmap in use, and the word being completed; `None` (no candidates) when the roadmap
/// does not load: a Tab is no place for an error message.
fn roadmap_and(current: &OsStr) -> Option<(Roadmap, String)> {
    let typed = current.to_str()?.to_string();
    let source = source(std::env::args_os(), |name| std::env::var_os(name))?;
    Some((session::cached_roadmap(&source).ok()?, typed))
}

/// Where the roadmap comes from, as the command being completed would find it: its own
/// `--content DIR` (the words after `--` are the command line), else `ROADMAP_CONTENT`.
fn source(args: impl Iterator<Item = OsString>, var: impl Fn(&str) -> Option<OsString>) -> Option<Source> {
    let words: Vec<OsString> = args.skip_while(|arg| arg != "--").skip(1).collect();
    let mut from_line = None;
    for (i, word) in words.iter().enumerate() {
        let Some(text) = word.to_str() else { continue };
        if text == "--content" {
            from_line = words.get(i + 1).cloned();
        } else if let Some(dir) = text.strip_prefix("--content=") {
            from_line = Some(dir.into());
        }
    }
    match from_line.or_else(|| var(super::env::CONTENT)) {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => {
            let dir = PathBuf::from(dir);
            dir.is_dir().then_some(Source::Dir(dir))
        }
        None => Some(Source::Builtin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> impl Iterator<Item = OsString> {
        line.split(' ').map(OsString::from).collect::<Vec<_>>().into_iter()
    }

    #[test]
    fn the_roadmap_is_the_one_the_completed_line_names() {
        let none = |_: &str| None;
        let env = |_: &str| Some(OsString::from("tests"));
        assert_eq!(source(words("roadmap -- roadmap done x"), none), Some(Source::Builtin));
        assert_eq!(source(words("roadmap -- roadmap done x"), env), Some(Source::Dir("tests".into())));
        let line = "roadmap -- roadmap --content src done x";
        assert_eq!(source(words(line), env), Some(Source::Dir("src".into())), "the flag wins");
        assert_eq!(source(words("roadmap -- roadmap --content=src done"), none), Some(Source::Dir("src".into())));
        assert_eq!(source(words("roadmap -- roadmap --content no-such-dir done"), none), None);
    }
}
