//! Shell scripts (bash, sh, zsh), and consoles: commands after a prompt, and their output.

use super::Kind;
use super::scan::{Scanner, by_line, is_name, is_word};

const SHELL_KEYWORDS: &[&str] = &[
    "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "in",
    "function", "time", "{", "}", "[[", "]]", "!",
];

/// A shell script.
pub fn shell(s: &mut Scanner) {
    let mut command = true;
    shell_words(s, &mut command);
}

/// Shell code up to the limit; `command` is whether the next word is a command's name.
pub fn shell_words(s: &mut Scanner, command: &mut bool) {
    while let Some(c) = s.peek() {
        let start = s.pos();
        match c {
            '\n' => {
                s.bump();
                *command = true;
            }
            '#' if s.prev().is_none_or(|p| p.is_whitespace() || matches!(p, ';' | '|' | '&' | '(')) => {
                s.eat_line();
                s.mark(Kind::Comment, start);
            }
            '\'' | '"' => {
                s.bump();
                s.quoted(if c == '"' { "\"" } else { "'" }, c == '"', false, true);
                s.mark(Kind::String, start);
                // `NAME="value" command`: the command is still to come.
                *command &= s.text_before(start).ends_with('=');
            }
            '$' => shell_variable(s, command),
            // An escaped character, or a line continued (the command goes on).
            '\\' => {
                s.bump();
                s.bump();
            }
            ';' | '|' | '&' | '(' | '`' => {
                s.bump();
                *command = true;
            }
            // Redirections: `2>&1` does not start a command.
            '<' | '>' => {
                s.bump();
                s.eat("&");
            }
            c if c.is_whitespace() || c == ')' => s.bump(),
            _ => shell_word(s, command),
        }
    }
}

fn shell_word(s: &mut Scanner, command: &mut bool) {
    let start = s.pos();
    let word = s.eat_while(|c| {
        !c.is_whitespace() && !matches!(c, ';' | '|' | '&' | '(' | ')' | '<' | '>' | '\'' | '"' | '`' | '$' | '\\')
    });
    if word.is_empty() {
        s.bump();
        return;
    }
    if !*command {
        s.mark(if word.bytes().all(|b| b.is_ascii_digit()) { Kind::Number } else { Kind::Plain }, start);
        return;
    }
    if let Some(eq) = word.find('=')
        && is_name(&word[..eq])
    {
        // `NAME=value` before a command: the command is still to come.
        s.mark_part(Kind::Key, start, start + eq);
        return;
    }
    if SHELL_KEYWORDS.contains(&word) {
        s.mark(Kind::Keyword, start);
        *command = matches!(word, "if" | "then" | "else" | "elif" | "while" | "until" | "do" | "time" | "{" | "!");
        return;
    }
    s.mark(Kind::Name, start);
    *command = false;
}

/// `$NAME`, `${...}`, `$1`, `$?`; `$(` starts a command.
fn shell_variable(s: &mut Scanner, command: &mut bool) {
    let start = s.pos();
    s.bump();
    match s.peek() {
        Some('{') => {
            s.skip_to(s.pos() + braced(s.rest()));
            s.mark(Kind::Variable, start);
        }
        Some('(') => {
            s.bump();
            *command = true;
        }
        Some(c) if c.is_alphabetic() || c == '_' => {
            s.eat_while(is_word);
            s.mark(Kind::Variable, start);
        }
        Some(c) if c.is_ascii_digit() || matches!(c, '@' | '#' | '?' | '$' | '!' | '*' | '-') => {
            s.bump();
            s.mark(Kind::Variable, start);
        }
        _ => {}
    }
}

/// How far `${...}`'s braces run in `rest` (from its `{`): to the `}`, or to the end of the
/// line when there is none. Never further than that, so each is looked at once.
pub fn braced(rest: &str) -> usize {
    match rest.find(['}', '\n']) {
        Some(at) if rest[at..].starts_with('}') => at + 1,
        Some(at) => at,
        None => rest.len(),
    }
}

/// A console: lines after a prompt (`$ `, `% `, `user@host:~$ `) are commands, the others what
/// they printed; a command ending in `\` goes on on the next line.
pub fn console(s: &mut Scanner) {
    let mut continued = false;
    by_line(s, |s| {
        let line = s.line();
        if !continued {
            let Some(prompt) = prompt_len(line) else { return };
            let start = s.pos();
            s.skip_to(start + prompt);
            s.mark(Kind::Prompt, start);
        }
        let mut command = !continued;
        shell_words(s, &mut command);
        continued = line.trim_end().ends_with('\\');
    });
}

/// How long a prompt at the start of `line` is, with its space.
fn prompt_len(line: &str) -> Option<usize> {
    let first = line.split(' ').next()?;
    let short = matches!(first, "$" | "%" | "❯");
    let long = first.len() > 1 && first.ends_with(['$', '%', '#']) && first.contains(['@', ':']);
    ((short || long) && line.len() > first.len()).then_some(first.len() + 1)
}
