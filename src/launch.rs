//! Programs the learner's system provides: their text editor, and the opener for links. The
//! terminal UI suspends itself around the editor and starts the opener in the background; the
//! commands are built here so both rules live in one tested place.

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, Stdio};

/// The command that edits `file` in `$VISUAL`, else `$EDITOR` (`var` reads the environment);
/// `None` when neither is set, and the UI falls back to its inline editor. On Unix the
/// variable goes through `sh`, as git does, so `code --wait` or a quoted path with spaces work.
pub fn editor_command(file: &Path, var: impl Fn(&str) -> Option<OsString>) -> Option<Command> {
    let editor = ["VISUAL", "EDITOR"].into_iter().filter_map(var).find(|v| !v.to_string_lossy().trim().is_empty())?;
    #[cfg(unix)]
    {
        let mut script = editor;
        script.push(" \"$@\"");
        let mut command = Command::new("sh");
        command.arg("-c").arg(script).arg("editor").arg(file);
        Some(command)
    }
    #[cfg(not(unix))]
    {
        let text = editor.to_string_lossy().into_owned();
        let mut words = text.split_whitespace();
        let mut command = Command::new(words.next()?);
        command.args(words).arg(file);
        Some(command)
    }
}

/// The command that opens `url` with the system's default handler (xdg-open, open, or the
/// Windows URL handler), with no input and its output discarded so it cannot garble the
/// screen.
#[allow(unsafe_code)]
pub fn opener_command(url: &str) -> Command {
    let mut command = if cfg!(target_os = "macos") {
        Command::new("open")
    } else if cfg!(windows) {
        // Not `cmd /c start`: cmd would split the URL at `&`.
        let mut command = Command::new("rundll32");
        command.arg("url.dll,FileProtocolHandler");
        command
    } else {
        Command::new("xdg-open")
    };
    command.arg(url).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // A session of its own has no controlling terminal, so a handler that opens /dev/tty
        // (some do, to ask or to complain) cannot write over the tutor's screen either.
        // SAFETY: setsid is async-signal-safe and touches nothing of the parent's.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
    }
    command
}

/// Starts the opener without waiting for it; a thread waits instead, so no zombie process is
/// left behind. An error means the opener could not be started at all (not installed).
pub fn open_in_background(url: &str) -> std::io::Result<()> {
    let mut child = opener_command(url).spawn()?;
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn visual_comes_before_editor_and_empty_values_do_not_count() {
        let file = Path::new("note.md");
        assert!(editor_command(file, env(&[])).is_none());
        assert!(editor_command(file, env(&[("EDITOR", " ")])).is_none());
        let script = |vars| {
            let command = editor_command(file, env(vars)).unwrap();
            command.get_args().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>()
        };
        if cfg!(unix) {
            assert_eq!(script(&[("VISUAL", "vim"), ("EDITOR", "nano")]), ["-c", "vim \"$@\"", "editor", "note.md"]);
            assert_eq!(script(&[("VISUAL", ""), ("EDITOR", "code --wait")])[1], "code --wait \"$@\"");
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_gets_the_file_as_one_argument_even_with_spaces() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("my note.md");
        let out = dir.path().join("args");
        let editor = format!("printf '[%s]' >'{}'", out.display());
        let status = editor_command(&file, env(&[("EDITOR", &editor)])).unwrap().status().unwrap();
        assert!(status.success());
        assert_eq!(std::fs::read_to_string(out).unwrap(), format!("[{}]", file.display()));
    }

    #[test]
    fn the_opener_is_the_platform_one_and_gets_the_url_last() {
        let command = opener_command("https://docs.python.org/3/?a=1&b=2");
        let program = command.get_program().to_string_lossy().into_owned();
        let expected = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "rundll32"
        } else {
            "xdg-open"
        };
        assert_eq!(program, expected);
        assert_eq!(command.get_args().last().unwrap(), "https://docs.python.org/3/?a=1&b=2");
    }
}
