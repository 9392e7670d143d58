//! A check's verdict from its exit status, and which program was missing when the shell said
//! "not found" (exit 127): a learner without the tool yet cannot be checked, which is not a
//! failure.

use std::fmt;

/// How one check ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The command exited 0.
    Pass,
    /// The command exited with another code; a shell killed by signal N counts as 128 + N, as
    /// shells report it.
    Fail { code: i32 },
    /// The command exited 127: `program` is not installed (or not on `PATH`). Taken from the
    /// shell's message, so raw text: print it through [`crate::text`].
    Cannot { program: String },
    /// The time limit passed; the check's processes were killed.
    TimedOut,
    /// Cancelled (Ctrl-C, quit) before it ended; its processes were killed.
    Cancelled,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        *self == Verdict::Pass
    }

    /// The verdict of a shell that exited with `code` after running `run` and printing
    /// `output`.
    pub(crate) fn of_exit(code: i32, run: &str, output: &str) -> Verdict {
        match code {
            0 => Verdict::Pass,
            127 => Verdict::Cannot { program: missing_program(output, run) },
            code => Verdict::Fail { code },
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Pass => write!(f, "passed"),
            Verdict::Fail { code } => write!(f, "failed (exit {code})"),
            Verdict::Cannot { program } => write!(f, "cannot check: {program} not found"),
            Verdict::TimedOut => write!(f, "timed out"),
            Verdict::Cancelled => write!(f, "cancelled"),
        }
    }
}

/// The program named by the last line of `output` in the shapes shells use (dash `sh: 1: X:
/// not found`, busybox `sh: X: not found`, bash `bash: line 1: X: command not found`, zsh
/// `zsh: command not found: X`); failing that, the first word of `run` after any `NAME=value`
/// assignments.
fn missing_program(output: &str, run: &str) -> String {
    let last = output.trim_end().rsplit('\n').next().unwrap_or_default().trim();
    named_in(last).unwrap_or_else(|| first_command_word(run)).to_string()
}

fn named_in(line: &str) -> Option<&str> {
    const ZSH: &str = "command not found: ";
    let name = if let Some(at) = line.find(ZSH) {
        &line[at + ZSH.len()..]
    } else {
        let rest = line.strip_suffix(": command not found").or_else(|| line.strip_suffix(": not found"))?;
        rest.rsplit(": ").next()?
    };
    let name = name.trim();
    (!name.is_empty()).then_some(name)
}

fn first_command_word(run: &str) -> &str {
    let is_assignment = |word: &str| {
        word.split_once('=')
            .is_some_and(|(name, _)| !name.is_empty() && name.chars().all(|c| c == '_' || c.is_ascii_alphanumeric()))
    };
    run.split_whitespace().find(|word| !is_assignment(word)).unwrap_or("sh")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_make_the_verdict() {
        assert_eq!(Verdict::of_exit(0, "true", ""), Verdict::Pass);
        assert_eq!(Verdict::of_exit(1, "false", ""), Verdict::Fail { code: 1 });
        assert_eq!(Verdict::of_exit(2, "x", "sh: 1: x: not found\n"), Verdict::Fail { code: 2 });
    }

    #[test]
    fn the_missing_program_comes_from_each_shells_message() {
        let cases = [
            ("sh: 1: pytest: not found\n", "pytest"),
            ("sh: ruff: not found", "ruff"),
            ("pytest: not found", "pytest"),
            ("bash: line 1: uv: command not found\n\n", "uv"),
            ("uv: command not found", "uv"),
            ("zsh: command not found: poetry", "poetry"),
            ("zsh:1: command not found: poetry", "poetry"),
            ("collected 3 items\nsh: 1: ./run.sh: not found\n", "./run.sh"),
        ];
        for (output, program) in cases {
            assert_eq!(
                Verdict::of_exit(127, "something else", output),
                Verdict::Cannot { program: program.to_string() },
                "{output:?}"
            );
        }
    }

    #[test]
    fn without_such_a_message_the_program_is_the_first_word_of_the_command() {
        let cannot = |run: &str, output: &str| Verdict::of_exit(127, run, output).to_string();
        assert_eq!(cannot("python -m pytest -q", "some other message\n"), "cannot check: python not found");
        assert_eq!(cannot("  NO_COLOR=1 A_B=2 ruff check .", ""), "cannot check: ruff not found");
        assert_eq!(cannot("x=1", "sh: 1: : not found"), "cannot check: sh not found");
        assert_eq!(cannot("", ""), "cannot check: sh not found");
    }

    #[test]
    fn verdicts_read_as_sentences() {
        assert_eq!(Verdict::Pass.to_string(), "passed");
        assert_eq!(Verdict::Fail { code: 3 }.to_string(), "failed (exit 3)");
        assert_eq!(Verdict::TimedOut.to_string(), "timed out");
        assert_eq!(Verdict::Cancelled.to_string(), "cancelled");
        assert!(Verdict::Pass.passed() && !Verdict::TimedOut.passed());
    }
}
