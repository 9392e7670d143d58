//! Syntax highlighting for code blocks: the code cut into consecutive pieces, each saying what
//! it is (a keyword, a string, a comment...), for the languages roadmaps use. The theme gives
//! each kind its style; nothing here knows about colors or screens.
//!
//! Written here rather than taken from syntect or tree-sitter, on measurement: syntect with
//! fancy-regex (no C build) added 3.2 MB to a release binary (this one is 5.5 MB) and spent
//! 33-60 ms compiling the Python grammar's regexes before the first Python block, more than
//! the tutor's whole first-frame budget; tree-sitter grammars are C and larger still. The
//! tutor needs a handful of token kinds in 16 colors, not editor-grade scopes. Each scanner
//! here moves forward on every step and looks ahead only within the token it is on, so any
//! input, however odd, ends in time linear in its length, and every byte of the code lands in
//! exactly one piece.

mod code;
mod data;
mod scan;
mod shell;

use scan::Scanner;

/// What a piece of code is, as far as coloring goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Anything not singled out: names, operators, spaces, a console's output.
    Plain,
    Comment,
    /// A language's reserved words, a TOML table header, an HTTP method, a Dockerfile
    /// instruction.
    Keyword,
    String,
    Number,
    /// Built-in values: `True`, `None`, `null`, `false`.
    Constant,
    /// A name being defined or called: a `def`'s name, a decorator, a shell command, a builtin.
    Name,
    /// A key of YAML, TOML or JSON, an HTTP header's name, a variable being assigned.
    Key,
    /// A shell or SQL variable (`$HOME`, `:id`), a YAML anchor, alias or tag.
    Variable,
    /// A console prompt: `$ ` before a command, `>>> ` before Python.
    Prompt,
}

/// A language with a highlighter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Python,
    /// bash, sh, zsh: a script; a block that starts with a `$ ` prompt is read as a console.
    Shell,
    /// Commands after prompts, and what they printed.
    Console,
    Yaml,
    Toml,
    Json,
    Sql,
    Dockerfile,
    Http,
}

impl Lang {
    /// The language a fence's info string names (` ```python `, ` ```sh title="x" `,
    /// ` ```{.yaml} `), if it is one with a highlighter; `text` and unknown languages are not.
    pub fn from_info(info: &str) -> Option<Lang> {
        let word = info.split(|c: char| c.is_whitespace() || matches!(c, ',' | '{' | '}')).find(|w| !w.is_empty())?;
        let word = word.trim_start_matches('.').to_ascii_lowercase();
        Some(match word.as_str() {
            "python" | "py" | "python3" | "py3" | "pycon" | "pyi" => Lang::Python,
            "bash" | "sh" | "shell" | "zsh" | "ksh" => Lang::Shell,
            "console" | "shell-session" | "shellsession" | "terminal" => Lang::Console,
            "yaml" | "yml" => Lang::Yaml,
            "toml" => Lang::Toml,
            "json" | "jsonc" | "json5" | "jsonl" | "ndjson" => Lang::Json,
            "sql" | "postgresql" | "postgres" | "psql" | "plpgsql" | "sqlite" | "mysql" => Lang::Sql,
            "dockerfile" | "docker" | "containerfile" => Lang::Dockerfile,
            "http" => Lang::Http,
            _ => return None,
        })
    }
}

/// `code` as consecutive pieces that, put together, are exactly `code`.
pub fn highlight(lang: Lang, code: &str) -> Vec<(Kind, &str)> {
    let mut scanner = Scanner::new(code);
    match lang {
        Lang::Python if first_line_starts_with(code, ">>>") => code::python_console(&mut scanner),
        Lang::Python => code::python(&mut scanner),
        Lang::Shell if !first_line_starts_with(code, "$ ") => shell::shell(&mut scanner),
        Lang::Shell | Lang::Console => shell::console(&mut scanner),
        Lang::Sql => code::sql(&mut scanner),
        Lang::Yaml => data::yaml(&mut scanner),
        Lang::Toml => data::toml(&mut scanner),
        Lang::Json => data::json(&mut scanner),
        Lang::Dockerfile => data::dockerfile(&mut scanner),
        Lang::Http => data::http(&mut scanner),
    }
    scanner.finish()
}

fn first_line_starts_with(code: &str, prompt: &str) -> bool {
    code.lines().find(|line| !line.trim().is_empty()).is_some_and(|line| line.trim_start().starts_with(prompt))
}

#[cfg(test)]
mod tests;
