//! YAML text into a tree whose every node knows its line: the one reader behind roadmap files
//! and the progress file, so a problem is reported where the thing it names was written (a
//! quoted or escaped key, a `? complex` key, an item of a flow list) and never guessed.
//!
//! Built on granit-parser's events (pure Rust, no unsafe, fuzzed not to panic), which carry a
//! span each; its nesting limits bound the depth. Keys written twice and aliases copying too
//! much are refused here, at the line of the repetition or the alias.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use granit_parser::{Event, Marker, Parser, ScalarStyle, ScanError, StructureStyle, Tag};

mod scalar;
#[cfg(test)]
mod tests;

/// One value and the 1-based line (of the text given to [`parse`]) where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    pub line: usize,
    pub value: Value<'a>,
}

/// What a node holds. Scalars keep their text (borrowed from the document unless escapes or
/// folding made it new); what a plain one means is worked out when asked ([`Value::scalar`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// Quoted, a `|` or `>` block, or tagged `!!str`: text whatever it looks like.
    Str(Cow<'a, str>),
    /// Unquoted: `~` is nothing, `true` a boolean, `8` a number, the rest text.
    Plain(Cow<'a, str>),
    List(Vec<Node<'a>>),
    /// Entries in the order written; keys are unique (a repetition is an [`Error`]).
    Map(Vec<(Node<'a>, Node<'a>)>),
}

/// What a scalar means, as the YAML 1.2 core schema reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'s> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(&'s str),
}

impl<'a> Value<'a> {
    /// What a scalar means; `None` for a list or a mapping.
    pub fn scalar(&self) -> Option<Scalar<'_>> {
        match self {
            Value::Str(text) => Some(Scalar::Str(text)),
            Value::Plain(text) => Some(scalar::resolve(text)),
            Value::List(_) | Value::Map(_) => None,
        }
    }

    /// The value when it is text in YAML's meaning (`8` is a number, `"8"` text).
    pub fn as_str(&self) -> Option<&str> {
        match self.scalar()? {
            Scalar::Str(text) => Some(text),
            _ => None,
        }
    }

    /// A scalar's text as written, whatever it means: what a field that only takes text reads
    /// (a note `42`, a folder `2026`).
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Str(text) | Value::Plain(text) => Some(text),
            Value::List(_) | Value::Map(_) => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.scalar() == Some(Scalar::Null)
    }

    /// How a value reads in a message: "a list", "the number 6", "`true`".
    pub fn describe(&self) -> String {
        match (self, self.scalar()) {
            (_, Some(Scalar::Null)) => "nothing".to_string(),
            (Value::Plain(text), Some(Scalar::Bool(_))) => format!("`{text}`"),
            (Value::Plain(text), Some(Scalar::Int(_) | Scalar::Float(_))) => format!("the number {text}"),
            (_, Some(Scalar::Str(text))) if text.chars().count() > 40 => "text".to_string(),
            (_, Some(Scalar::Str(text))) => format!("the text \"{text}\""),
            (Value::List(_), _) => "a list".to_string(),
            _ => "a mapping".to_string(),
        }
    }
}

/// Bounds on what one document may make the reader build.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Collections inside collections, flow (`[`, `{`) and block alike.
    pub depth: usize,
    /// Values that aliases (`*name`) may copy in all: an alias bomb asks for billions.
    pub copies: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { depth: 64, copies: 10_000 }
    }
}

/// Why a text is not a YAML document this reader gives a tree for, at a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The parser's own words for broken syntax, and the flow collection (its bracket and
    /// line) still open there when it started on an earlier line: a missing `]` is the
    /// likely cause, though the parser stumbles only further on.
    Syntax { message: String, unclosed: Option<(char, usize)> },
    /// A tab where YAML wants spaces.
    Tab,
    /// Nested deeper than [`Limits::depth`].
    TooDeep(usize),
    /// A key written a second time in one mapping; `first` is the line of the first, and
    /// `within` the keys (or list positions, from 0) that lead to the mapping.
    Duplicate { key: String, first: usize, within: Vec<String> },
    /// Aliases would copy more than [`Limits::copies`] values.
    TooManyCopies(usize),
    /// A tag other than the standard ones (`!!str`, `!!int`, ...).
    Tag(String),
    /// A second document (`---`) after the first.
    SecondDocument,
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorKind::Syntax { message, unclosed: None } => write!(f, "YAML syntax: {message}"),
            ErrorKind::Syntax { message, unclosed: Some((open, line)) } => {
                let close = if *open == '[' { ']' } else { '}' };
                write!(f, "YAML syntax: {message} (is the `{open}` on line {line} missing its `{close}`?)")
            }
            ErrorKind::Tab => f.write_str("YAML does not allow tabs for indentation: use spaces"),
            ErrorKind::TooDeep(depth) => write!(f, "YAML nested more than {depth} levels deep"),
            ErrorKind::Duplicate { key, first, .. } => write!(f, "`{key}` is written twice (first at line {first})"),
            ErrorKind::TooManyCopies(limit) => {
                write!(f, "YAML aliases here copy more than {limit} values: write the values out")
            }
            ErrorKind::Tag(tag) => write!(f, "YAML tag `{tag}` is not used here: remove it"),
            ErrorKind::SecondDocument => f.write_str("a second YAML document (`---`): the file holds one"),
        }
    }
}

/// The document in `text`, `None` when it holds none (empty, or only comments).
pub fn parse<'a>(text: &'a str, limits: Limits) -> Result<Option<Node<'a>>, Error> {
    let mut options = granit_parser::Options::default();
    options.flow_nesting_limit = limits.depth;
    options.block_nesting_limit = limits.depth;
    options.set_emit_comments(false);
    let mut builder = Builder { lines: Lines::new(text), limits, ..Builder::default() };
    for next in Parser::new_from_str_with_options(text, options) {
        let (event, span) = next.map_err(|error| builder.scan_error(&error))?;
        let line = builder.lines.at(&span.start);
        builder.event(event, line)?;
    }
    Ok(builder.root)
}

/// A collection being filled, with what it needs to refuse a repeated key.
struct Open<'a> {
    node: Node<'a>,
    anchor: usize,
    /// A key read whose value has not come yet.
    key: Option<Node<'a>>,
    /// Hashes of the keys so far, once a mapping is too large to compare keys one by one.
    seen: Option<HashSet<u64>>,
    /// The opening bracket of a flow collection (`[`, `{`); `None` in block style.
    flow: Option<char>,
}

#[derive(Default)]
struct Builder<'a> {
    lines: Lines<'a>,
    limits: Limits,
    stack: Vec<Open<'a>>,
    anchors: HashMap<usize, Node<'a>>,
    copied: usize,
    documents: usize,
    root: Option<Node<'a>>,
}

impl<'a> Builder<'a> {
    fn event(&mut self, event: Event<'a>, line: usize) -> Result<(), Error> {
        let (node, anchor) = match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(Error { line, kind: ErrorKind::SecondDocument });
                }
                return Ok(());
            }
            Event::Scalar(text, style, anchor, tag) => {
                let value = match tag.as_deref() {
                    None if style == ScalarStyle::Plain => Value::Plain(text),
                    None => Value::Str(text),
                    Some(tag) => scalar::tagged(text, tag).map_err(|kind| Error { line, kind })?,
                };
                (Node { line, value }, anchor)
            }
            Event::SequenceStart(style, anchor, tag) => {
                let flow = (style == StructureStyle::Flow).then_some('[');
                return self.open(flow, Value::List(Vec::new()), anchor, tag.as_deref(), line);
            }
            Event::MappingStart(style, anchor, tag) => {
                let flow = (style == StructureStyle::Flow).then_some('{');
                return self.open(flow, Value::Map(Vec::new()), anchor, tag.as_deref(), line);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                // The parser pairs every end with its start.
                let Some(open) = self.stack.pop() else { return Ok(()) };
                (open.node, open.anchor)
            }
            Event::Alias(id) => {
                let copy = self.copy(id, line)?;
                (copy, 0)
            }
            _ => return Ok(()),
        };
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        self.place(node)
    }

    /// Starts a list or a mapping; only the standard tag for its kind is allowed on it.
    fn open(
        &mut self,
        flow: Option<char>,
        value: Value<'a>,
        anchor: usize,
        tag: Option<&Tag>,
        line: usize,
    ) -> Result<(), Error> {
        if let Some(tag) = tag {
            let expected = if matches!(value, Value::List(_)) { "seq" } else { "map" };
            if tag.core_suffix() != Some(expected) {
                return Err(Error { line, kind: ErrorKind::Tag(scalar::shown_tag(tag)) });
            }
        }
        self.stack.push(Open { node: Node { line, value }, anchor, key: None, seen: None, flow });
        Ok(())
    }

    /// Puts a finished node into the collection being filled, or makes it the document.
    fn place(&mut self, node: Node<'a>) -> Result<(), Error> {
        let Some(open) = self.stack.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        match &mut open.node.value {
            Value::List(items) => items.push(node),
            Value::Map(entries) => match open.key.take() {
                None => {
                    if let Some(first) = repeated(entries, &mut open.seen, &node) {
                        let key = node.value.text().unwrap_or_default().to_string();
                        let within = self.path();
                        return Err(Error { line: node.line, kind: ErrorKind::Duplicate { key, first, within } });
                    }
                    open.key = Some(node);
                }
                Some(key) => entries.push((key, node)),
            },
            _ => {}
        }
        Ok(())
    }

    /// The keys (or list positions) that lead to the collection being filled.
    fn path(&self) -> Vec<String> {
        let parents = &self.stack[..self.stack.len().saturating_sub(1)];
        parents
            .iter()
            .map(|open| match &open.node.value {
                Value::List(items) => items.len().to_string(),
                _ => open.key.as_ref().and_then(|key| key.value.text()).unwrap_or_default().to_string(),
            })
            .collect()
    }

    /// The anchored node an alias names, copied, within the copy budget.
    fn copy(&mut self, id: usize, line: usize) -> Result<Node<'a>, Error> {
        let too_many = Error { line, kind: ErrorKind::TooManyCopies(self.limits.copies) };
        // The parser refuses aliases to anchors it has not seen; an anchor still open (an
        // alias inside its own node) has no node yet.
        let Some(anchored) = self.anchors.get(&id) else {
            let message = "an alias to a value that contains it".to_string();
            return Err(Error { line, kind: ErrorKind::Syntax { message, unclosed: None } });
        };
        let left = self.limits.copies.saturating_sub(self.copied);
        let size = size_within(anchored, left).ok_or(too_many)?;
        self.copied += size;
        Ok(Node { line, value: anchored.value.clone() })
    }

    fn scan_error(&mut self, error: &ScanError) -> Error {
        use granit_parser::ErrorKind as Kind;
        let line = self.lines.at(error.marker());
        let kind = match error.kind() {
            Kind::TabNotAllowed
            | Kind::TabInBlockIndentation
            | Kind::TabAtBlockScalarStart
            | Kind::TabInIndentation
            | Kind::TabInPlainScalar => {
                // The parser may stop on the line before the tab (a scalar that could have
                // gone on): the line to fix is the first from there indented with a tab.
                let indented =
                    |text: &str| text.trim_start_matches([' ', '\t']).len() < text.trim_start_matches(' ').len();
                let tabbed = self.lines.text.split('\n').skip(line - 1).position(indented);
                return Error { line: line + tabbed.unwrap_or(0), kind: ErrorKind::Tab };
            }
            Kind::RecursionLimitExceeded => ErrorKind::TooDeep(self.limits.depth),
            other => {
                let open = self.stack.last().and_then(|open| Some((open.flow?, open.node.line)));
                let unclosed = open.filter(|&(_, opened)| opened < line);
                ErrorKind::Syntax { message: other.to_string(), unclosed }
            }
        };
        Error { line, kind }
    }
}

/// Nodes in `node`, counting itself, if at most `limit`.
fn size_within(node: &Node, limit: usize) -> Option<usize> {
    let mut count = 1;
    let check = |child: &Node, count: &mut usize| -> Option<()> {
        *count += size_within(child, limit.checked_sub(*count)?)?;
        Some(())
    };
    match &node.value {
        Value::List(items) => items.iter().try_for_each(|item| check(item, &mut count))?,
        Value::Map(entries) => entries.iter().try_for_each(|(key, value)| {
            check(key, &mut count)?;
            check(value, &mut count)
        })?,
        _ => {}
    }
    (count <= limit).then_some(count)
}

/// Mappings larger than this keep a set of key hashes rather than compare every pair: the
/// progress file has one key per skill.
const COMPARED_KEYS: usize = 16;

/// The line of an earlier key equal to `key`, if any.
fn repeated(entries: &[(Node, Node)], seen: &mut Option<HashSet<u64>>, key: &Node) -> Option<usize> {
    let same = || entries.iter().find(|(k, _)| same_key(&k.value, &key.value)).map(|(k, _)| k.line);
    if entries.len() < COMPARED_KEYS {
        return same();
    }
    let seen = seen.get_or_insert_with(|| entries.iter().filter_map(|(k, _)| key_hash(&k.value)).collect());
    let hash = key_hash(&key.value)?;
    if seen.insert(hash) {
        return None;
    }
    // Two keys with one hash: compare them to be sure.
    same()
}

/// Scalars compare by what they mean (`1` and `"1"` differ, `~` and `null` do not);
/// collections as keys are rare enough that they are never taken for repetitions.
fn same_key(a: &Value, b: &Value) -> bool {
    match (a.scalar(), b.scalar()) {
        (Some(Scalar::Float(x)), Some(Scalar::Float(y))) => x.to_bits() == y.to_bits(),
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn key_hash(value: &Value) -> Option<u64> {
    let mut hasher = DefaultHasher::new();
    match value.scalar()? {
        Scalar::Null => 0u8.hash(&mut hasher),
        Scalar::Bool(b) => (1u8, b).hash(&mut hasher),
        Scalar::Int(n) => (2u8, n).hash(&mut hasher),
        Scalar::Float(x) => (3u8, x.to_bits()).hash(&mut hasher),
        Scalar::Str(s) => (4u8, s).hash(&mut hasher),
    }
    Some(hasher.finish())
}

/// Lines as editors count them: only `\n` ends one (YAML also breaks at a lone `\r`, which no
/// editor shows as a new line). Events come mostly in order, so counting goes on from the
/// last place asked about.
#[derive(Default)]
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines { text, offset: 0, line: 1 }
    }

    fn at(&mut self, marker: &Marker) -> usize {
        let bytes = self.text.as_bytes();
        // A reader from a string always gives byte offsets; a character index is the fallback.
        let offset = marker
            .byte_offset()
            .unwrap_or_else(|| self.text.char_indices().nth(marker.index()).map_or(bytes.len(), |(i, _)| i))
            .min(bytes.len());
        let newlines = |range: &[u8]| range.iter().filter(|&&b| b == b'\n').count();
        self.line = if offset >= self.offset {
            self.line + newlines(&bytes[self.offset..offset])
        } else {
            1 + newlines(&bytes[..offset])
        };
        self.offset = offset;
        self.line
    }
}
