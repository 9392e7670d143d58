//! The `git` program, run in the repository that holds the progress file: every call's output
//! captured, and a failure turned into a message that says which command failed and what git
//! said. The program rather than a git library: it is what the learner's own git commands run,
//! with their configuration, credentials and hooks.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::anyhow;

use crate::cli::session::Failure;

/// A repository's work tree, where each command runs (`git -C DIR`).
pub struct Git {
    dir: PathBuf,
}

/// What one command printed, and whether it succeeded.
pub struct Ran {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// What git said on failure: its standard error, or its output when that is empty.
    pub fn said(&self) -> &str {
        let stderr = self.stderr.trim();
        if stderr.is_empty() { self.stdout.trim() } else { stderr }
    }
}

impl Git {
    pub fn new(dir: impl Into<PathBuf>) -> Git {
        Git { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Runs `git ARGS`; only a git that cannot be started at all is an error here.
    pub fn run(&self, args: &[&str]) -> Result<Ran, Failure> {
        let output = Command::new("git")
            .arg("-C")
            .arg(&self.dir)
            .args(args)
            // Nothing here asks for a message: a merge commit takes git's own.
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("GIT_EDITOR", "true")
            // Prompts for credentials go to the terminal itself (/dev/tty), not through here.
            .stdin(Stdio::null())
            .output()
            .map_err(|error| {
                Failure::Other(anyhow!("cannot run git ({error}): roadmap sync needs git installed and on PATH"))
            })?;
        Ok(Ran {
            ok: output.status.success(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        })
    }

    /// Runs `git ARGS` and returns its output; a failure names the command and what git said.
    pub fn ok(&self, args: &[&str]) -> Result<String, Failure> {
        let ran = self.run(args)?;
        if ran.ok {
            Ok(ran.stdout)
        } else {
            Err(Failure::Other(anyhow!("`{}` failed in {}:\n{}", command_line(args), self.dir.display(), ran.said())))
        }
    }

    /// The first line of what `git ARGS` prints, or `None` when it fails (an unset config
    /// value, a missing ref).
    pub fn query(&self, args: &[&str]) -> Result<Option<String>, Failure> {
        let ran = self.run(args)?;
        Ok(ran.ok.then(|| ran.stdout.lines().next().unwrap_or_default().to_string()))
    }
}

/// `git ARGS` as it can be pasted into a shell.
pub fn command_line(args: &[&str]) -> String {
    std::iter::once("git".to_string()).chain(args.iter().map(|arg| quoted(arg))).collect::<Vec<_>>().join(" ")
}

/// A word as a POSIX shell reads it back: as it is when it holds nothing special, otherwise
/// in single quotes.
pub fn quoted(word: &str) -> String {
    let plain = word.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+:@%,=".contains(c));
    if plain && !word.is_empty() { word.to_string() } else { format!("'{}'", word.replace('\'', "'\\''")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_only_when_a_shell_would_read_them_otherwise() {
        assert_eq!(quoted("refs/heads/main"), "refs/heads/main");
        assert_eq!(quoted("%O"), "%O");
        assert_eq!(quoted(""), "''");
        assert_eq!(quoted("/opt/my tools/roadmap"), "'/opt/my tools/roadmap'");
        assert_eq!(quoted("it's"), "'it'\\''s'");
        assert_eq!(quoted("~/x"), "'~/x'", "a tilde would expand");
        assert_eq!(command_line(&["commit", "-m", "a b"]), "git commit -m 'a b'");
    }
}
