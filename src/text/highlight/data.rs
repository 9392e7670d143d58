//! Data and protocol formats: YAML, TOML, JSON, HTTP messages, Dockerfiles.

use super::Kind;
use super::scan::{Scanner, by_line, is_name, is_word};
use super::shell::{braced, shell_words};

/// YAML, line by line: keys, scalars, comments, anchors and tags, block scalars.
pub fn yaml(s: &mut Scanner) {
    // The indentation a block scalar's lines are deeper than, while one runs.
    let mut block: Option<usize> = None;
    by_line(s, |s| {
        let line = s.line();
        let indent = line.len() - line.trim_start_matches(' ').len();
        // Inside a block scalar: blank lines and lines deeper than its key are its text.
        if block.is_some_and(|outer| line.trim().is_empty() || indent > outer) {
            let start = s.pos();
            s.eat_line();
            s.mark(Kind::String, start);
            return;
        }
        // The block (if any) ended on this line; the line may start another.
        block = yaml_line(s);
    });
}

/// One line; when a block scalar (`|`, `>-`) starts at its end, returns the column its lines
/// must be deeper than: the column of the line's key.
fn yaml_line(s: &mut Scanner) -> Option<usize> {
    let line_start = s.pos();
    s.eat_while(|c| c == ' ' || c == '\t');
    let start = s.pos();
    let rest = s.rest();
    if s.at_line_start() && s.prev().is_none_or(|c| c == '\n') && (rest.starts_with("---") || rest.starts_with("...")) {
        s.skip_to(start + 3);
        s.mark(Kind::Keyword, start);
    }
    while s.rest().starts_with("- ") || s.rest() == "-" {
        s.bump();
        s.eat_while(|c| c == ' ');
    }
    let column = s.pos() - line_start;
    yaml_key(s);
    yaml_values(s).then_some(column)
}

/// A key here (plain or quoted, then `:` and a space or the end of the line) is marked.
fn yaml_key(s: &mut Scanner) {
    let rest = s.rest();
    let len = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].find(q).map_or(0, |i| i + 2),
        Some(c) if !"[]{},#&*!|>%@`-?:".contains(c) && !c.is_whitespace() => {
            rest.find([':', ',', '[', ']', '{', '}', '#']).unwrap_or(0)
        }
        _ => 0,
    };
    let after = &rest[len..];
    if len > 0 && after.starts_with(':') && after[1..].chars().next().is_none_or(char::is_whitespace) {
        let start = s.pos();
        s.skip_to(start + len);
        s.mark_part(Kind::Key, start, start + rest[..len].trim_end().len());
    }
}

/// The values on the rest of a line; returns whether it ends with a block scalar indicator.
fn yaml_values(s: &mut Scanner) -> bool {
    let mut block = false;
    while let Some(c) = s.peek() {
        let start = s.pos();
        let token_start = s.prev().is_none_or(|p| p.is_whitespace() || matches!(p, '[' | '{' | ','));
        match c {
            '#' if s.prev().is_none_or(char::is_whitespace) => {
                s.eat_line();
                s.mark(Kind::Comment, start);
            }
            '"' | '\'' => {
                s.bump();
                let quote = if c == '"' { "\"" } else { "'" };
                s.quoted(quote, c == '"', c == '\'', false);
                s.mark(Kind::String, start);
            }
            '&' | '*' | '!' if token_start => {
                s.eat_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'));
                s.mark(Kind::Variable, start);
            }
            '|' | '>' if token_start && block_indicator(s.rest()) => {
                s.eat_while(|c| !c.is_whitespace());
                s.mark(Kind::Keyword, start);
                block = true;
            }
            '{' | ',' | '[' => {
                s.bump();
                s.eat_while(char::is_whitespace);
                yaml_key(s);
            }
            c if c.is_whitespace() || matches!(c, ']' | '}') => s.bump(),
            _ => {
                let word = s.eat_while(|c| !c.is_whitespace() && !matches!(c, ',' | '[' | ']' | '{' | '}'));
                let kind = if is_yaml_constant(word) {
                    Kind::Constant
                } else if is_number(word) {
                    Kind::Number
                } else {
                    Kind::Plain
                };
                s.mark(kind, start);
            }
        }
    }
    block
}

/// `|`, `>`, `|-`, `>+2`... with nothing after it but a comment.
fn block_indicator(rest: &str) -> bool {
    let after = rest.trim_start_matches(['|', '>', '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // Only the spaces after it are looked at, so a line of many `|` stays one pass.
    let tail = after.trim_start();
    rest.len() - after.len() <= 3 && (tail.is_empty() || tail.starts_with('#'))
}

fn is_yaml_constant(word: &str) -> bool {
    matches!(
        word,
        "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "null"
            | "Null"
            | "NULL"
            | "~"
            | "yes"
            | "no"
            | "on"
            | "off"
    )
}

/// An integer or a decimal number, as YAML, TOML and JSON write them.
fn is_number(word: &str) -> bool {
    let digits = word.strip_prefix(['-', '+']).unwrap_or(word);
    let starts = digits.starts_with(|c: char| c.is_ascii_digit())
        || (digits.starts_with('.') && digits[1..].starts_with(|c: char| c.is_ascii_digit()));
    starts
        && (digits.replace('_', "").parse::<f64>().is_ok()
            || (digits.starts_with("0x") && digits.len() > 2 && digits[2..].chars().all(|c| c.is_ascii_hexdigit())))
}

/// TOML: tables, keys, strings, numbers and dates, booleans, comments.
pub fn toml(s: &mut Scanner) {
    while let Some(c) = s.peek() {
        let start = s.pos();
        match c {
            '[' if s.at_line_start() => {
                let header = s.line().find(']').map_or(s.line().len(), |i| i + 1);
                s.skip_to(start + header);
                s.eat("]");
                s.mark(Kind::Keyword, start);
            }
            '#' => {
                s.eat_line();
                s.mark(Kind::Comment, start);
            }
            '"' | '\'' => {
                let quote = match (c, s.rest().starts_with("\"\"\""), s.rest().starts_with("'''")) {
                    (_, true, _) => "\"\"\"",
                    (_, _, true) => "'''",
                    ('"', _, _) => "\"",
                    _ => "'",
                };
                s.eat(quote);
                s.quoted(quote, c == '"', false, quote.len() == 3);
                s.mark(if s.followed_by_assignment() { Kind::Key } else { Kind::String }, start);
            }
            c if c.is_alphanumeric() || matches!(c, '_' | '-' | '+') => {
                let word = s.eat_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.' | ':'));
                let kind = if s.followed_by_assignment() {
                    Kind::Key
                } else if matches!(word, "true" | "false") {
                    Kind::Constant
                } else if word.trim_start_matches(['+', '-']).starts_with(|c: char| c.is_ascii_digit())
                    || matches!(word.trim_start_matches(['+', '-']), "inf" | "nan")
                {
                    Kind::Number
                } else {
                    Kind::Plain
                };
                s.mark(kind, start);
            }
            _ => s.bump(),
        }
    }
}

/// JSON (comments allowed, as in JSONC): keys, strings, numbers, `true`, `false`, `null`.
pub fn json(s: &mut Scanner) {
    while let Some(c) = s.peek() {
        let start = s.pos();
        match c {
            '"' => {
                s.bump();
                s.quoted("\"", true, false, false);
                s.mark(if s.followed_by_colon() { Kind::Key } else { Kind::String }, start);
            }
            '/' if s.rest().starts_with("//") => {
                s.eat_line();
                s.mark(Kind::Comment, start);
            }
            '/' if s.rest().starts_with("/*") => {
                s.eat("/*");
                s.eat_through("*/");
                s.mark(Kind::Comment, start);
            }
            '-' | '0'..='9' if c != '-' || s.peek_second().is_some_and(|c| c.is_ascii_digit()) => {
                s.bump();
                s.eat_while(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
                s.mark(Kind::Number, start);
            }
            c if c.is_alphabetic() => {
                let word = s.eat_while(char::is_alphanumeric);
                s.mark(if matches!(word, "true" | "false" | "null") { Kind::Constant } else { Kind::Plain }, start);
            }
            _ => s.bump(),
        }
    }
}

const DOCKER_INSTRUCTIONS: &[&str] = &[
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

/// A Dockerfile: instructions, comments, `RUN` lines as shell, the others' arguments.
pub fn dockerfile(s: &mut Scanner) {
    // How the line that a `\` continues is read: as shell, or as arguments.
    let mut continued: Option<bool> = None;
    by_line(s, |s| {
        let line = s.line();
        let shell = match continued {
            Some(shell) => shell,
            None => {
                s.eat_while(char::is_whitespace);
                let start = s.pos();
                if s.peek() == Some('#') {
                    s.eat_line();
                    s.mark(Kind::Comment, start);
                    return;
                }
                let word = s.eat_while(|c| c.is_ascii_alphabetic()).to_ascii_uppercase();
                if DOCKER_INSTRUCTIONS.contains(&word.as_str()) {
                    s.mark(Kind::Keyword, start);
                }
                matches!(word.as_str(), "RUN" | "CMD" | "ENTRYPOINT" | "SHELL")
                    && !s.rest().trim_start().starts_with('[')
            }
        };
        if shell {
            let mut command = continued.is_none();
            shell_words(s, &mut command);
        } else {
            docker_arguments(s);
        }
        continued = line.trim_end().ends_with('\\').then_some(shell);
    });
}

/// `FROM image AS name`, `ENV KEY=value`, `EXPOSE 8000`, `CMD ["a", "b"]`.
fn docker_arguments(s: &mut Scanner) {
    while let Some(c) = s.peek() {
        let start = s.pos();
        match c {
            '"' | '\'' => {
                s.bump();
                s.quoted(if c == '"' { "\"" } else { "'" }, true, false, false);
                s.mark(Kind::String, start);
            }
            '$' => {
                s.bump();
                if s.peek() == Some('{') {
                    s.skip_to(s.pos() + braced(s.rest()));
                } else {
                    s.eat_while(is_word);
                }
                s.mark(Kind::Variable, start);
            }
            c if c.is_whitespace() || matches!(c, '[' | ']' | ',') => s.bump(),
            _ => {
                let word = s.eat_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '$' | ',' | ']'));
                if word.eq_ignore_ascii_case("as") {
                    s.mark(Kind::Keyword, start);
                } else if let Some(eq) = word.find('=')
                    && !word.starts_with('-')
                    && is_name(&word[..eq])
                {
                    s.mark_part(Kind::Key, start, start + eq);
                } else if word.starts_with(|c: char| c.is_ascii_digit()) {
                    s.mark(Kind::Number, start);
                }
            }
        }
    }
}

const HTTP_METHODS: &[&str] = &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"];

/// HTTP messages: request and status lines, headers, then a body (read as JSON) after the
/// blank line, until the next message starts.
pub fn http(s: &mut Scanner) {
    let mut body = false;
    by_line(s, |s| {
        let line = s.line();
        let starts_message =
            line.starts_with("HTTP/") || line.split(' ').next().is_some_and(|word| HTTP_METHODS.contains(&word));
        if starts_message {
            body = false;
        }
        if line.trim().is_empty() {
            body = true;
        } else if body {
            json(s);
        } else {
            http_head(s);
        }
    });
}

/// A request, status or header line (or two side by side): methods, versions, status codes,
/// header names, quoted values.
fn http_head(s: &mut Scanner) {
    while let Some(c) = s.peek() {
        let start = s.pos();
        if c.is_whitespace() {
            s.bump();
            continue;
        }
        if c == '"' {
            s.bump();
            s.quoted("\"", true, false, false);
            s.mark(Kind::String, start);
            continue;
        }
        let word = s.eat_while(|c| !c.is_whitespace() && c != '"');
        let kind = if HTTP_METHODS.contains(&word) {
            Kind::Keyword
        } else if word.starts_with("HTTP/") {
            Kind::Constant
        } else if word.len() == 3 && word.bytes().all(|b| b.is_ascii_digit()) {
            Kind::Number
        } else if let Some(name) = word.strip_suffix(':')
            && !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            s.mark_part(Kind::Key, start, start + name.len());
            continue;
        } else {
            Kind::Plain
        };
        s.mark(kind, start);
    }
}
