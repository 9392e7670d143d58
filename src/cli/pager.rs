//! Long output on a terminal goes through a pager, as git does: `$PAGER`, else `less` with
//! `LESS=FRX` (colors shown, no screen switch, short output just printed). Never into a pipe,
//! never with `--no-pager`, and not when `PAGER` is empty or `cat`.

use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// The pager command to run, if any; `var` reads the environment.
pub fn pager(wanted: bool, terminal: bool, var: impl Fn(&str) -> Option<OsString>) -> Option<OsString> {
    if !wanted || !terminal {
        return None;
    }
    let command = var("PAGER").unwrap_or_else(|| "less".into());
    let trimmed = command.to_string_lossy();
    (!matches!(trimmed.trim(), "" | "cat")).then_some(command)
}

/// Shows `text` through `pager`. A pager that cannot be started is no reason to lose the
/// output: it is written to standard output instead.
pub fn page(pager: &OsStr, text: &[u8]) -> io::Result<()> {
    let mut command = shell(pager);
    command.stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    if std::env::var_os("LV").is_none() {
        command.env("LV", "-c");
    }
    let Ok(mut child) = command.spawn() else {
        return io::stdout().lock().write_all(text);
    };
    // Ctrl-C while paging is the pager's to handle (less stops a search with it); the pager
    // shares the terminal, and ending here first would hand the shell a terminal the pager
    // still uses. A handler that only sets a flag keeps the default (ending) from happening.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::new(AtomicBool::new(false)));
    let written = child.stdin.take().map_or(Ok(()), |mut stdin| stdin.write_all(text));
    // 127 is the shell's "command not found": nothing was shown, so show it here.
    if child.wait()?.code() == Some(127) {
        return io::stdout().lock().write_all(text);
    }
    match written {
        // The reader quit before the end (`q` in less): nothing is wrong.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// The pager as a shell command, so `PAGER='less -S'` works as it does for git.
#[cfg(unix)]
fn shell(pager: &OsStr) -> Command {
    let mut command = Command::new("sh");
    command.arg("-c").arg(pager);
    command
}

#[cfg(not(unix))]
fn shell(pager: &OsStr) -> Command {
    let text = pager.to_string_lossy().into_owned();
    let mut words = text.split_whitespace();
    let mut command = Command::new(words.next().unwrap_or("more"));
    command.args(words);
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn only_a_terminal_that_asked_for_it_gets_a_pager() {
        assert_eq!(pager(true, true, env(&[])), Some("less".into()));
        assert_eq!(pager(true, true, env(&[("PAGER", "most -s")])), Some("most -s".into()));
        assert_eq!(pager(true, false, env(&[("PAGER", "most")])), None, "never into a pipe");
        assert_eq!(pager(false, true, env(&[])), None, "--no-pager");
        assert_eq!(pager(true, true, env(&[("PAGER", "")])), None);
        assert_eq!(pager(true, true, env(&[("PAGER", "cat")])), None);
    }
}
