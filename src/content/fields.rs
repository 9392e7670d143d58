//! Reading typed fields out of a parsed YAML document, reporting each problem at the line of
//! the thing it names (a key, an item) instead of stopping at the first one.

use std::fmt;

use crate::yaml::{self, ErrorKind, Limits, Node, Scalar, Value};

use super::problem::Problem;
use super::similar::closest;

/// Whose fields a message is about: nothing at the top of a file, else `milestone` or
/// `resource 2` (items counted from 1, as an author counts them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    name: &'static str,
    number: Option<usize>,
}

impl Owner {
    pub const TOP: Owner = Owner { name: "", number: None };

    pub const fn named(name: &'static str) -> Owner {
        Owner { name, number: None }
    }

    /// The item at `index` (from 0) of a list, shown counted from 1.
    pub const fn item(name: &'static str, index: usize) -> Owner {
        Owner { name, number: Some(index + 1) }
    }

    /// `message`, after `owner: ` unless at the top.
    fn says(self, message: impl fmt::Display) -> String {
        if self.name.is_empty() { message.to_string() } else { format!("{self}: {message}") }
    }
}

impl fmt::Display for Owner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.number {
            Some(number) => write!(f, "{} {number}", self.name),
            None => f.write_str(self.name),
        }
    }
}

/// A mapping being read: its entries, the line where what it lacks is reported (its key's,
/// or its own first line), and whose it is.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'n, 'a> {
    entries: &'n [(Node<'a>, Node<'a>)],
    pub line: usize,
    pub owner: Owner,
}

impl<'n, 'a> Fields<'n, 'a> {
    /// The key and value of a field written as plain text.
    pub fn get(&self, key: &str) -> Option<&'n (Node<'a>, Node<'a>)> {
        // The written text first: only a key that reads `key` needs to be read for its meaning.
        self.entries.iter().find(|(k, _)| k.value.text() == Some(key) && k.value.as_str() == Some(key))
    }
}

/// One YAML document being read: where it lives, and the problems found in it so far.
pub struct Doc<'p> {
    /// The file as shown in problems.
    pub path: &'p str,
    /// The file line of the document's first line.
    first_line: usize,
    /// The last file line a problem may point at: the document's last line, or the closing
    /// `---` of front matter (where "the YAML ended too early" belongs).
    last_line: usize,
    pub problems: Vec<Problem>,
}

impl<'p> Doc<'p> {
    pub fn new(path: &'p str, first_line: usize, last_line: usize) -> Self {
        Doc { path, first_line, last_line, problems: Vec::new() }
    }

    /// The file line of a document line.
    pub fn line(&self, line: usize) -> usize {
        (self.first_line + line.max(1) - 1).min(self.last_line)
    }

    pub fn report(&mut self, line: usize, message: impl Into<String>) {
        let line = self.line(line);
        self.problems.push(Problem::new(self.path, line, message));
    }

    /// Parses the document; what the parser refuses is reported at its line. An empty
    /// document reads as nothing, for [`Doc::mapping`] to report.
    pub fn parse<'a>(&mut self, yaml: &'a str) -> Option<Node<'a>> {
        match yaml::parse(yaml, Limits::default()) {
            Ok(node) => Some(node.unwrap_or(Node { line: 1, value: Value::Plain("".into()) })),
            Err(error) => {
                let message = match error.kind {
                    ErrorKind::Duplicate { key, first, .. } => {
                        format!("duplicate field `{key}` (first at line {}): remove one of them", self.line(first))
                    }
                    ErrorKind::TooDeep(depth) => {
                        format!("YAML nested more than {depth} levels deep: fields here are flat lists and texts")
                    }
                    ErrorKind::Syntax { message, unclosed: Some((open, line)) } => {
                        let kind = ErrorKind::Syntax { message, unclosed: Some((open, self.line(line))) };
                        kind.to_string()
                    }
                    other => other.to_string(),
                };
                self.report(error.line, message);
                None
            }
        }
    }

    /// A node as a mapping of fields, reporting anything else at `line`. `what` names it when
    /// it is not one ("front matter", "`milestone`").
    pub fn mapping<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        line: usize,
        owner: Owner,
        what: &str,
    ) -> Option<Fields<'n, 'a>> {
        match &node.value {
            Value::Map(entries) => Some(Fields { entries, line, owner }),
            other if other.is_null() && owner == Owner::TOP => {
                self.report(line, format!("{what} is empty: it needs fields like `title: ...`"));
                None
            }
            other => {
                self.report(line, format!("{what} must be a mapping of fields, not {}", other.describe()));
                None
            }
        }
    }

    /// Reports unknown fields (with the closest known one) and missing required ones. A
    /// required field that an unknown one looks like a misspelling of is not also missing:
    /// `titel:` is one mistake.
    pub fn check_keys(&mut self, fields: Fields, known: &[&str], required: &[&str]) {
        let owner = fields.owner;
        let mut misspelled = Vec::new();
        for (key, _) in fields.entries {
            let Some(name) = key.value.as_str() else {
                let message = format!("field names must be text, not {}", key.value.describe());
                self.report(key.line, owner.says(message));
                continue;
            };
            if !known.contains(&name) {
                let best = closest(name, known.iter().copied(), 1).first().copied().or_else(|| swapped(name, known));
                let hint = match best {
                    Some(best) => {
                        misspelled.push(best);
                        format!("did you mean `{best}`?")
                    }
                    None => format!("known fields: {}", known.join(", ")),
                };
                self.report(key.line, owner.says(format!("unknown field `{name}` ({hint})")));
            }
        }
        for name in required {
            if fields.get(name).is_none() && !misspelled.contains(name) {
                self.report(fields.line, owner.says(format!("missing field `{name}`")));
            }
        }
    }

    /// A text field, trimmed; `None` when absent or wrong. Empty text is reported for
    /// required fields.
    pub fn text(&mut self, fields: Fields, key: &str, required: bool) -> Option<String> {
        self.text_as_written(fields, key, required).map(|text| text.trim().to_string())
    }

    /// A text field as written, but for the line breaks a block scalar ends with: code keeps
    /// its indentation.
    pub fn text_as_written(&mut self, fields: Fields, key: &str, required: bool) -> Option<String> {
        let (at, value) = fields.get(key)?;
        match value.value.scalar() {
            Some(Scalar::Str(text)) if !text.trim().is_empty() => Some(text.trim_end_matches(['\n', '\r']).to_string()),
            Some(Scalar::Str(_) | Scalar::Null) if required => {
                self.report(at.line, fields.owner.says(format!("`{key}` is empty")));
                None
            }
            Some(Scalar::Str(_) | Scalar::Null) => None,
            _ => {
                let message = format!("`{key}` must be text, not {}", value.value.describe());
                self.report(at.line, fields.owner.says(message));
                None
            }
        }
    }

    /// One of a fixed set of words (`level: core`).
    pub fn choice<T: Copy>(
        &mut self,
        fields: Fields,
        key: &str,
        options: &[T],
        name: impl Fn(T) -> &'static str,
    ) -> Option<T> {
        let (at, value) = fields.get(key)?;
        let word = value.value.as_str();
        let found = word.and_then(|word| options.iter().copied().find(|o| name(*o) == word));
        if found.is_none() {
            let names: Vec<&str> = options.iter().map(|o| name(*o)).collect();
            let shown = match word {
                Some(word) => format!("`{word}`"),
                None => value.value.describe(),
            };
            let message = format!("`{key}` must be one of {}, not {shown}", names.join(", "));
            self.report(at.line, fields.owner.says(message));
        }
        found
    }

    /// A number of hours: finite, not negative.
    pub fn hours(&mut self, fields: Fields, key: &str) -> Option<f32> {
        let (at, value) = fields.get(key)?;
        let hours = match value.value.scalar() {
            Some(Scalar::Int(n)) => n as f64,
            Some(Scalar::Float(n)) => n,
            _ => {
                let message = format!("`{key}` must be a number, not {}", value.value.describe());
                self.report(at.line, fields.owner.says(message));
                return None;
            }
        };
        if hours.is_finite() && (0.0..=100_000.0).contains(&hours) {
            return Some(hours as f32);
        }
        self.report(at.line, fields.owner.says(format!("`{key}` must be between 0 and 100000, not {hours}")));
        None
    }

    /// A whole number within `range` (`timeout: 120`); `None` when absent or wrong.
    pub fn whole(
        &mut self,
        fields: Fields,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
        unit: &str,
    ) -> Option<i64> {
        let (at, value) = fields.get(key)?;
        match value.value.scalar() {
            Some(Scalar::Int(n)) if range.contains(&n) => Some(n),
            _ => {
                let (low, high) = (range.start(), range.end());
                let message =
                    format!("`{key}` must be whole {unit} from {low} to {high}, not {}", value.value.describe());
                self.report(at.line, fields.owner.says(message));
                None
            }
        }
    }

    /// The items of a list field; an absent or empty field has none.
    pub fn list<'n, 'a>(&mut self, fields: Fields<'n, 'a>, key: &str) -> &'n [Node<'a>] {
        match fields.get(key) {
            None => &[],
            Some((_, Node { value: Value::List(items), .. })) => items,
            Some((_, node)) if node.value.is_null() => &[],
            Some((at, other)) => {
                let message =
                    format!("`{key}` must be a list (`[a, b]` or `- a` lines), not {}", other.value.describe());
                self.report(at.line, fields.owner.says(message));
                &[]
            }
        }
    }

    /// A list of non-empty texts, each with its file line.
    pub fn text_list(&mut self, fields: Fields, key: &str) -> Vec<(String, usize)> {
        let items = self.list(fields, key);
        let mut texts = Vec::with_capacity(items.len());
        for item in items {
            match item.value.scalar() {
                Some(Scalar::Str(text)) if !text.trim().is_empty() => {
                    texts.push((text.trim().to_string(), self.line(item.line)))
                }
                Some(Scalar::Str(_) | Scalar::Null) => {
                    self.report(item.line, fields.owner.says(format!("`{key}` has an empty item")))
                }
                _ => {
                    let message = format!("`{key}` items must be text, not {}", item.value.describe());
                    self.report(item.line, fields.owner.says(message));
                }
            }
        }
        texts
    }
}

/// The known field `name` is with two neighbouring letters swapped (`titel`): the commonest
/// slip of typing a field name, which `closest` counts as two edits and, in a short word,
/// too many to suggest.
fn swapped<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let name: Vec<char> = name.chars().collect();
    known.iter().copied().find(|field| {
        let field: Vec<char> = field.chars().collect();
        let differ: Vec<usize> = (0..name.len()).filter(|&i| field.get(i) != name.get(i)).collect();
        field.len() == name.len()
            && matches!(differ[..], [i, j] if j == i + 1 && name[i] == field[j] && name[j] == field[i])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(yaml: &str, read: impl FnOnce(&mut Doc, Fields)) -> Vec<String> {
        let mut doc = Doc::new("a.md", 2, 40);
        let root = doc.parse(yaml);
        if let Some(root) = &root
            && let Some(fields) = doc.mapping(root, 1, Owner::TOP, "front matter")
        {
            read(&mut doc, fields);
        }
        doc.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reports_unknown_missing_and_mistyped_fields_at_their_lines() {
        let shown = problems("title: 5\ntittle: x\nhours: many\n", |doc, fields| {
            doc.check_keys(fields, &["title", "hours", "summary"], &["title", "summary"]);
            doc.text(fields, "title", true);
            doc.hours(fields, "hours");
        });
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

    #[test]
    fn a_misspelled_required_field_is_one_problem() {
        let shown = problems("titel: Git\nsumary: x\n", |doc, fields| {
            doc.check_keys(fields, &["title", "summary", "kind"], &["title", "summary", "kind"]);
        });
        assert_eq!(
            shown,
            [
                "a.md:2: unknown field `titel` (did you mean `title`?)",
                "a.md:3: unknown field `sumary` (did you mean `summary`?)",
                "a.md:2: missing field `kind`",
            ]
        );
    }

    #[test]
    fn quoted_escaped_and_complex_keys_are_reported_where_they_are_written() {
        let yaml = "title: a\n\n\n\n\n'what''s next': 1\n\"tit\\x6ces\": x\n? complex\n: value\n? [a, b]\n: c\n";
        let shown = problems(yaml, |doc, fields| doc.check_keys(fields, &["title"], &[]));
        assert_eq!(
            shown,
            [
                "a.md:7: unknown field `what's next` (known fields: title)",
                "a.md:8: unknown field `titles` (did you mean `title`?)",
                "a.md:9: unknown field `complex` (known fields: title)",
                "a.md:11: field names must be text, not a list",
            ]
        );
    }

    #[test]
    fn syntax_errors_and_repetitions_are_counted_from_the_top_of_the_file() {
        assert_eq!(
            problems("title: a\nhours: 1\ntags: [x]\nhours: 2\n", |_, _| {}),
            ["a.md:5: duplicate field `hours` (first at line 3): remove one of them"]
        );
        assert_eq!(
            problems("title: a\nmilestone:\n\ttitle: b\n", |_, _| {}),
            ["a.md:4: YAML does not allow tabs for indentation: use spaces"]
        );
        let deep = format!("tags: {}{}\n", "[".repeat(200_000), "]".repeat(200_000));
        assert_eq!(
            problems(&deep, |_, _| {}),
            ["a.md:2: YAML nested more than 64 levels deep: fields here are flat lists and texts"]
        );
    }

    #[test]
    fn items_of_flow_lists_are_reported_at_their_own_lines() {
        let shown = problems("tags: [a,\n  '',\n  3]\n", |doc, fields| {
            doc.text_list(fields, "tags");
        });
        assert_eq!(shown, ["a.md:3: `tags` has an empty item", "a.md:4: `tags` items must be text, not the number 3"]);
    }
}
