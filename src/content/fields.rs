//! Reading typed fields out of a parsed YAML document, reporting each problem at its line
//! instead of stopping at the first one.

use serde_yaml::{Mapping, Value};

use super::locate::{Locator, Seg};
use super::problem::Problem;
use super::similar::closest;

/// One YAML document being read: where it lives, and the problems found in it so far.
pub struct Doc<'a> {
    /// The file as shown in problems.
    pub path: &'a str,
    /// The file line of the document's first line.
    first_line: usize,
    /// The last file line a problem may point at: the document's last line, or the closing
    /// `---` of front matter (where "the YAML ended too early" belongs).
    last_line: usize,
    locator: Locator<'a>,
    pub problems: Vec<Problem>,
}

impl<'a> Doc<'a> {
    pub fn new(path: &'a str, yaml: &'a str, first_line: usize, last_line: usize) -> Self {
        Doc { path, first_line, last_line, locator: Locator::new(yaml), problems: Vec::new() }
    }

    /// The file line of a path in the document.
    pub fn line(&self, at: &[Seg]) -> usize {
        self.first_line + self.locator.line(at) - 1
    }

    pub fn report(&mut self, at: &[Seg], message: impl Into<String>) {
        let line = self.line(at);
        self.problems.push(Problem::new(self.path, line, message));
    }

    /// Parses the document; a syntax error is reported at serde_yaml's location.
    pub fn parse(&mut self, yaml: &str) -> Option<Value> {
        if let Some(line) = too_deep(yaml) {
            let message = format!(
                "YAML nested more than {MAX_FLOW_DEPTH} levels deep in `[` and `{{`: fields here are flat lists and texts"
            );
            self.problems.push(Problem::new(self.path, self.first_line + line - 1, message));
            return None;
        }
        match serde_yaml::from_str::<Value>(yaml) {
            Ok(value) => Some(value),
            Err(error) => {
                let index = error.location().map(|l| l.index());
                let message = without_locations(&error.to_string());
                let (line, message) = match index.zip(duplicate_key(&message)) {
                    Some((index, key)) => self.duplicate(yaml, index, &key),
                    // At the end of the text serde_yaml counts one line past the last one.
                    None => (index.map_or(1, |i| line_of_index(yaml, i)), format!("YAML syntax: {message}")),
                };
                let line = (self.first_line + line - 1).min(self.last_line);
                self.problems.push(Problem::new(self.path, line, message));
                None
            }
        }
    }

    /// A key written twice in one mapping: serde_yaml gives the mapping's start, but the line
    /// to change is the repetition's, found by the key's indentation (the mapping's own line
    /// when its layout cannot be followed, as in `{ a: 1, a: 2 }`). The line is the document's.
    fn duplicate(&self, yaml: &str, index: usize, key: &str) -> (usize, String) {
        let line = line_of_index(yaml, index);
        let before = &yaml.as_bytes()[..index.min(yaml.len())];
        let column = before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        match self.locator.repeated_key(line, column, key) {
            Some((first, second)) => {
                let first = self.first_line + first - 1;
                (second, format!("duplicate field `{key}` (first at line {first}): remove one of them"))
            }
            None => (line, format!("duplicate field `{key}`: remove one of them")),
        }
    }

    /// The document (or a nested value) as a mapping, reporting anything else.
    pub fn mapping<'v>(&mut self, value: &'v Value, at: &[Seg], what: &str) -> Option<&'v Mapping> {
        match value {
            Value::Mapping(map) => Some(map),
            Value::Null if at.is_empty() => {
                self.report(at, format!("{what} is empty: it needs fields like `title: ...`"));
                None
            }
            other => {
                self.report(at, format!("{what} must be a mapping of fields, not {}", describe(other)));
                None
            }
        }
    }

    /// Reports unknown fields (with the closest known one) and missing required ones. `owner`
    /// names a nested mapping (`milestone`, `resource 2`) at the start of each message, since a
    /// missing field is reported at the mapping's first line; it is empty at the top.
    pub fn check_keys(&mut self, map: &Mapping, at: &[Seg], owner: &str, known: &[&str], required: &[&str]) {
        let said = |message: String| if owner.is_empty() { message } else { format!("{owner}: {message}") };
        for key in map.keys() {
            let Some(name) = key.as_str() else {
                self.report(at, said(format!("field names must be text, not {}", describe(key))));
                continue;
            };
            if !known.contains(&name) {
                let path = [at, &[Seg::Key(name)]].concat();
                let hint = match closest(name, known.iter().copied(), 1).first() {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!("known fields: {}", known.join(", ")),
                };
                self.report(&path, said(format!("unknown field `{name}` ({hint})")));
            }
        }
        for name in required {
            if !map.contains_key(*name) {
                self.report(at, said(format!("missing field `{name}`")));
            }
        }
    }

    /// A text field; `None` when absent or wrong. Empty text is reported for required fields.
    pub fn text(&mut self, map: &Mapping, at: &[Seg], key: &str, required: bool) -> Option<String> {
        let path = [at, &[Seg::Key(key)]].concat();
        match map.get(key)? {
            Value::String(text) if text.trim().is_empty() && required => {
                self.report(&path, format!("`{key}` is empty"));
                None
            }
            Value::String(text) => Some(text.trim().to_string()),
            Value::Null if required => {
                self.report(&path, format!("`{key}` is empty"));
                None
            }
            Value::Null => None,
            other => {
                self.report(&path, format!("`{key}` must be text, not {}", describe(other)));
                None
            }
        }
    }

    /// One of a fixed set of words (`level: core`).
    pub fn choice<T: Copy>(
        &mut self,
        map: &Mapping,
        at: &[Seg],
        key: &str,
        options: &[T],
        name: impl Fn(T) -> &'static str,
    ) -> Option<T> {
        let path = [at, &[Seg::Key(key)]].concat();
        let value = map.get(key)?;
        let found = value.as_str().and_then(|word| options.iter().copied().find(|o| name(*o) == word));
        if found.is_none() {
            let names: Vec<&str> = options.iter().map(|o| name(*o)).collect();
            let shown = match value.as_str() {
                Some(word) => format!("`{word}`"),
                None => describe(value),
            };
            self.report(&path, format!("`{key}` must be one of {}, not {shown}", names.join(", ")));
        }
        found
    }

    /// A number of hours: finite, not negative.
    pub fn hours(&mut self, map: &Mapping, at: &[Seg], key: &str) -> Option<f32> {
        let path = [at, &[Seg::Key(key)]].concat();
        let value = map.get(key)?;
        match value.as_f64() {
            Some(hours) if hours.is_finite() && (0.0..=100_000.0).contains(&hours) => Some(hours as f32),
            Some(hours) => {
                self.report(&path, format!("`{key}` must be between 0 and 100000, not {hours}"));
                None
            }
            None => {
                self.report(&path, format!("`{key}` must be a number, not {}", describe(value)));
                None
            }
        }
    }

    /// The items of a list field with each item's file line; an absent or empty field is `[]`.
    pub fn list<'v>(&mut self, map: &'v Mapping, at: &[Seg], key: &str) -> Vec<(&'v Value, usize)> {
        let path = [at, &[Seg::Key(key)]].concat();
        match map.get(key) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Sequence(items)) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (item, self.line(&[&path[..], &[Seg::Index(i)]].concat())))
                .collect(),
            Some(other) => {
                self.report(
                    &path,
                    format!("`{key}` must be a list (`[a, b]` or `- a` lines), not {}", describe(other)),
                );
                Vec::new()
            }
        }
    }

    /// A list of non-empty texts, each with its line.
    pub fn text_list(&mut self, map: &Mapping, at: &[Seg], key: &str) -> Vec<(String, usize)> {
        let items = self.list(map, at, key);
        let mut texts = Vec::with_capacity(items.len());
        for (item, line) in items {
            match item {
                Value::String(text) if !text.trim().is_empty() => texts.push((text.trim().to_string(), line)),
                Value::String(_) | Value::Null => {
                    self.problems.push(Problem::new(self.path, line, format!("`{key}` has an empty item")))
                }
                other => self.problems.push(Problem::new(
                    self.path,
                    line,
                    format!("`{key}` items must be text, not {}", describe(other)),
                )),
            }
        }
        texts
    }
}

/// Flow collections (`[`, `{`) nested deeper than this are refused before parsing: libyaml's
/// time grows with the square of the depth (1 MiB of `[` takes minutes), and a roadmap needs
/// two or three levels.
const MAX_FLOW_DEPTH: usize = 64;

/// The 1-based line where brackets first nest deeper than [`MAX_FLOW_DEPTH`]. Brackets inside
/// quotes and comments count too: a document with 64 unclosed ones in its text is not one an
/// author wrote, and counting them all means no quoting trick gets past the check.
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 1;
    for byte in yaml.bytes() {
        match byte {
            b'\n' => line += 1,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(line);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The 1-based line of a byte index, counting `\n` only. libyaml's own line numbers also
/// count a lone `\r`, U+0085 and U+2028 as line breaks, which no editor shows as new lines.
fn line_of_index(text: &str, index: usize) -> usize {
    let before = &text.as_bytes()[..index.min(text.len())];
    1 + before.iter().filter(|&&b| b == b'\n').count()
}

/// The key of serde_yaml's `duplicate entry with key "x"` (a number or `true` unquoted), after
/// the path it may start with; `None` for other errors and keys that are not plain text.
fn duplicate_key(message: &str) -> Option<String> {
    const SAID: &str = "duplicate entry with key ";
    let key = &message[message.find(SAID)? + SAID.len()..];
    let key = match key.strip_prefix(['"', '`']) {
        Some(quoted) => quoted.strip_suffix(['"', '`'])?,
        None => key,
    };
    // Escapes (`\"`, `\n`) mean a key no author types as a field name.
    (!key.is_empty() && !key.contains(['\\', '`'])).then(|| key.to_string())
}

/// How a value reads in a message: "a list", "the number 6", "true/false".
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) if s.chars().count() > 40 => "text".to_string(),
        Value::String(s) => format!("the text \"{s}\""),
        Value::Sequence(_) => "a list".to_string(),
        Value::Mapping(_) => "a mapping".to_string(),
        Value::Tagged(t) => format!("a value tagged {}", t.tag),
    }
}

/// serde_yaml appends "at line L column C" (sometimes twice); the problem carries the line.
fn without_locations(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find(" at line ") {
        out.push_str(&rest[..start]);
        let after = &rest[start + " at line ".len()..];
        let digits = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        let after = &after[digits..];
        rest = match after.strip_prefix(" column ") {
            Some(col) => &col[col.find(|c: char| !c.is_ascii_digit()).unwrap_or(col.len())..],
            None => after,
        };
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_every_location_from_yaml_messages() {
        assert_eq!(
            without_locations(
                "did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1"
            ),
            "did not find expected key, while parsing a block mapping"
        );
    }

    #[test]
    fn an_error_at_the_end_of_the_text_points_at_its_last_line() {
        let yaml = "id: x\nphases: [a, b\n";
        let mut doc = Doc::new("roadmap.yaml", yaml, 1, 2);
        assert!(doc.parse(yaml).is_none());
        assert_eq!(doc.problems[0].line, 2, "{:?}", doc.problems);
    }

    #[test]
    fn a_repeated_key_is_reported_at_the_repetition() {
        let problems = |yaml: &str| {
            let mut doc = Doc::new("a.md", yaml, 2, 20);
            assert!(doc.parse(yaml).is_none());
            doc.problems.iter().map(ToString::to_string).collect::<Vec<_>>()
        };
        assert_eq!(
            problems("title: a\nhours: 1\ntags: [x]\nhours: 2\n"),
            ["a.md:5: duplicate field `hours` (first at line 3): remove one of them"]
        );
        let nested =
            "title: a\nresources:\n  - title: b\n    kind: doc\n    url: u\n    kind: book\nmilestone:\n  title: m\n";
        assert_eq!(problems(nested), ["a.md:7: duplicate field `kind` (first at line 5): remove one of them"]);
        assert_eq!(
            problems("milestone:\n  title: m\n  1: x\n  1: y\n"),
            ["a.md:5: duplicate field `1` (first at line 4): remove one of them"]
        );
        assert_eq!(
            problems("title: a\nmilestone: { title: m, title: n }\n"),
            ["a.md:3: duplicate field `title`: remove one of them"]
        );
        assert_eq!(problems("~: a\nnull: b\n"), ["a.md:2: YAML syntax: duplicate entry with null key"]);
    }

    #[test]
    fn lines_are_counted_as_editors_count_them() {
        for yaml in ["a: 1\rb: 2\nc: d: e\n", "a: 1\u{85}b: 2\nc: d: e\n", "a: 'x\u{2028}y'\nc: d: e\n"] {
            let mut doc = Doc::new("a.md", yaml, 2, 4);
            assert!(doc.parse(yaml).is_none());
            assert_eq!(doc.problems[0].line, 3, "{yaml:?}: {:?}", doc.problems);
        }
    }

    #[test]
    fn deep_brackets_are_refused_before_the_parser_sees_them() {
        let yaml = format!("title: x\ntags: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
        let mut doc = Doc::new("a.md", &yaml, 2, 4);
        assert!(doc.parse(&yaml).is_none());
        assert_eq!(doc.problems.len(), 1);
        assert_eq!(doc.problems[0].line, 3);
        assert!(doc.problems[0].message.starts_with("YAML nested more than 64 levels"), "{:?}", doc.problems);
        let fine = format!("tags: {}a{}\n", "[".repeat(20), "]".repeat(20));
        assert!(Doc::new("a.md", &fine, 2, 3).parse(&fine).is_some());
    }

    #[test]
    fn reports_unknown_missing_and_mistyped_fields_at_their_lines() {
        let yaml = "title: 5\ntittle: x\nhours: many\n";
        let mut doc = Doc::new("a.md", yaml, 2, 5);
        let value = doc.parse(yaml).unwrap();
        let map = doc.mapping(&value, &[], "front matter").unwrap().clone();
        doc.check_keys(&map, &[], "", &["title", "hours", "summary"], &["title", "summary"]);
        doc.text(&map, &[], "title", true);
        doc.hours(&map, &[], "hours");
        let shown: Vec<String> = doc.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "a.md:3: unknown field `tittle` (did you mean `title`?)",
                "a.md:2: missing field `summary`",
                "a.md:2: `title` must be text, not the number 5",
                "a.md:4: `hours` must be a number, not the text \"many\"",
            ]
        );
    }
}
