//! Python (and its `>>>` console) and SQL.

use super::Kind;
use super::scan::{Scanner, by_line, is_word};

const PYTHON_KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
];
const PYTHON_CONSTANTS: &[&str] = &["True", "False", "None", "NotImplemented", "Ellipsis", "__name__", "__file__"];
const PYTHON_BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bool",
    "bytes",
    "callable",
    "dict",
    "dir",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "open",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "sorted",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "classmethod",
    "staticmethod",
];

/// Python source.
pub fn python(s: &mut Scanner) {
    let mut defining = false;
    while let Some(c) = s.peek() {
        let start = s.pos();
        match c {
            '#' => {
                s.eat_line();
                s.mark(Kind::Comment, start);
            }
            '"' | '\'' => python_string(s, start),
            '@' if s.at_line_start() => {
                s.bump();
                s.eat_while(|c| is_word(c) || c == '.');
                s.mark(Kind::Name, start);
            }
            c if c.is_alphabetic() || c == '_' => {
                let word = s.eat_while(is_word);
                if matches!(s.peek(), Some('"' | '\'')) && is_string_prefix(word) {
                    python_string(s, start);
                    continue;
                }
                let kind = if defining {
                    Kind::Name
                } else if PYTHON_KEYWORDS.contains(&word) {
                    Kind::Keyword
                } else if PYTHON_CONSTANTS.contains(&word) {
                    Kind::Constant
                } else if PYTHON_BUILTINS.contains(&word)
                    && s.peek() == Some('(')
                    && !s.text_before(start).ends_with('.')
                {
                    // `print(`, but not a method of the same name: `rows.all()`.
                    Kind::Name
                } else {
                    Kind::Plain
                };
                defining = matches!(word, "def" | "class");
                s.mark(kind, start);
            }
            _ if s.number() => defining = false,
            c => {
                s.bump();
                defining &= c == ' ';
            }
        }
    }
}

/// `r`, `b`, `f`, `rb`, `fr`... before a quote.
fn is_string_prefix(word: &str) -> bool {
    word.len() <= 2 && word.chars().all(|c| matches!(c.to_ascii_lowercase(), 'r' | 'b' | 'u' | 'f' | 't'))
}

fn python_string(s: &mut Scanner, start: usize) {
    let quote = if s.rest().starts_with("\"\"\"") {
        "\"\"\""
    } else if s.rest().starts_with("'''") {
        "'''"
    } else if s.peek() == Some('"') {
        "\""
    } else {
        "'"
    };
    s.eat(quote);
    // Even in a raw string a backslash keeps the quote after it from ending the string.
    s.quoted(quote, true, false, quote.len() == 3);
    s.mark(Kind::String, start);
}

/// A Python console: `>>> ` and `... ` lines are code, the others what it printed.
pub fn python_console(s: &mut Scanner) {
    by_line(s, |s| {
        let start = s.pos();
        s.eat_while(|c| c == ' ' || c == '\t');
        if s.eat(">>>") || s.eat("...") {
            s.mark(Kind::Prompt, start);
            python(s);
        }
    });
}

const SQL_KEYWORDS: &[&str] = &[
    "add",
    "all",
    "alter",
    "analyze",
    "and",
    "as",
    "asc",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "check",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "database",
    "default",
    "delete",
    "desc",
    "distinct",
    "do",
    "drop",
    "else",
    "end",
    "except",
    "exists",
    "explain",
    "foreign",
    "from",
    "full",
    "generated",
    "grant",
    "group",
    "having",
    "identity",
    "if",
    "ilike",
    "in",
    "index",
    "inner",
    "insert",
    "intersect",
    "into",
    "is",
    "join",
    "key",
    "left",
    "like",
    "limit",
    "lock",
    "materialized",
    "not",
    "nothing",
    "offset",
    "on",
    "or",
    "order",
    "outer",
    "over",
    "partition",
    "primary",
    "references",
    "returning",
    "revoke",
    "right",
    "rollback",
    "savepoint",
    "schema",
    "select",
    "set",
    "table",
    "then",
    "to",
    "transaction",
    "trigger",
    "truncate",
    "union",
    "unique",
    "update",
    "using",
    "values",
    "view",
    "when",
    "where",
    "window",
    "with",
    "always",
    "bigint",
    "bigserial",
    "boolean",
    "bool",
    "char",
    "date",
    "decimal",
    "double",
    "float",
    "int",
    "integer",
    "interval",
    "json",
    "jsonb",
    "numeric",
    "real",
    "serial",
    "smallint",
    "text",
    "time",
    "timestamp",
    "timestamptz",
    "uuid",
    "varchar",
    "precision",
    "zone",
    "isolation",
    "level",
    "read",
    "committed",
    "serializable",
    "repeatable",
];

/// SQL, keywords in any case.
pub fn sql(s: &mut Scanner) {
    while let Some(c) = s.peek() {
        let start = s.pos();
        match c {
            '-' if s.rest().starts_with("--") => {
                s.eat_line();
                s.mark(Kind::Comment, start);
            }
            '/' if s.rest().starts_with("/*") => {
                s.eat("/*");
                s.eat_through("*/");
                s.mark(Kind::Comment, start);
            }
            '\'' => {
                s.bump();
                s.quoted("'", false, true, true);
                s.mark(Kind::String, start);
            }
            // A quoted name: one piece, so no keyword is found inside it.
            '"' => {
                s.bump();
                s.quoted("\"", false, true, false);
                s.mark(Kind::Plain, start);
            }
            '$' => sql_dollar(s),
            ':' if s.prev() != Some(':') && s.peek_second().is_some_and(|c| c.is_alphabetic() || c == '_') => {
                s.bump();
                s.eat_while(is_word);
                s.mark(Kind::Variable, start);
            }
            c if c.is_alphabetic() || c == '_' => {
                let word = s.eat_while(is_word);
                let lower = word.to_ascii_lowercase();
                let kind = if matches!(lower.as_str(), "true" | "false" | "null") {
                    Kind::Constant
                } else if SQL_KEYWORDS.contains(&lower.as_str()) {
                    Kind::Keyword
                } else if s.peek() == Some('(') {
                    Kind::Name
                } else {
                    Kind::Plain
                };
                s.mark(kind, start);
            }
            _ if s.number() => {}
            _ => s.bump(),
        }
    }
}

/// `$1` (a parameter) or a dollar-quoted string, `$$...$$` or `$tag$...$tag$`.
fn sql_dollar(s: &mut Scanner) {
    let start = s.pos();
    s.bump();
    if s.peek().is_some_and(|c| c.is_ascii_digit()) {
        s.eat_while(|c| c.is_ascii_digit());
        s.mark(Kind::Variable, start);
        return;
    }
    let tag = s.eat_while(is_word);
    if !s.eat("$") {
        return;
    }
    let delimiter = format!("${tag}$");
    s.eat_through(&delimiter);
    s.mark(Kind::String, start);
}
