//! Finding the line of a field inside a YAML document, so a problem can name it.
//!
//! serde_yaml gives locations for syntax errors only; a parsed `Value` has none. Block-style
//! YAML (what authors write) puts each key and list item at the start of a line, so a scan by
//! indentation finds them. When a path cannot be followed (flow style, odd layout) the line
//! of the deepest part that was found is used, which still points at the right field.

/// One step of a path into a document: a mapping key or a list index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

#[derive(Debug, Clone)]
struct Line<'a> {
    /// 1-based line number in the document.
    number: usize,
    /// Columns before the first character (the dash for list items).
    indent: usize,
    dash: bool,
    /// Borrowed from the document: thousands of files are scanned, one key per line.
    key: Option<&'a str>,
    /// Column of the key (after `- ` on a list item line).
    key_indent: usize,
}

/// The layout of a YAML document: its non-blank, non-comment lines.
#[derive(Debug, Clone, Default)]
pub struct Locator<'a> {
    lines: Vec<Line<'a>>,
}

impl<'a> Locator<'a> {
    pub fn new(yaml: &'a str) -> Self {
        let lines = yaml.lines().enumerate().filter_map(|(i, text)| scan_line(i + 1, text)).collect();
        Locator { lines }
    }

    /// The 1-based line of `path`, or of the deepest prefix of it that exists (1 for none).
    pub fn line(&self, path: &[Seg]) -> usize {
        let mut range = 0..self.lines.len();
        let mut best = self.lines.first().map_or(1, |l| l.number);
        for seg in path {
            let found = match *seg {
                Seg::Key(key) => self.find_key(range.clone(), key),
                Seg::Index(index) => self.find_item(range.clone(), index),
            };
            match found {
                Some((line, children)) => {
                    best = self.lines[line].number;
                    range = children;
                }
                None => break,
            }
        }
        best
    }

    /// The lines of the first two `key`s of the block mapping whose first key is at `line`
    /// (1-based) and `column` (0-based): where a key is written twice.
    pub fn repeated_key(&self, line: usize, column: usize, key: &str) -> Option<(usize, usize)> {
        let start = self.lines.iter().position(|l| l.number >= line)?;
        let mut found = self.lines[start..]
            .iter()
            .enumerate()
            // The mapping ends at the first line left of its keys (its own first line may
            // start with the `- ` of a list item).
            .take_while(|(i, l)| *i == 0 || l.indent >= column)
            .filter(|(_, l)| l.key_indent == column && l.key == Some(key))
            .map(|(_, l)| l.number);
        Some((found.next()?, found.next()?))
    }

    /// The key at the shallowest key indentation of `range`, and the lines of its value.
    fn find_key(&self, range: std::ops::Range<usize>, key: &str) -> Option<(usize, std::ops::Range<usize>)> {
        let lines = &self.lines[range.clone()];
        let level = lines.iter().filter(|l| l.key.is_some()).map(|l| l.key_indent).min()?;
        let at = lines.iter().position(|l| l.key_indent == level && l.key == Some(key))?;
        let at = range.start + at;
        let owner = &self.lines[at];
        // A block list may sit at the same indentation as its key; anything else must be deeper.
        let end = (at + 1..range.end)
            .find(|&i| {
                let l = &self.lines[i];
                l.indent < owner.key_indent || (l.indent == owner.key_indent && !l.dash)
            })
            .unwrap_or(range.end);
        Some((at, at + 1..end))
    }

    /// The `index`-th item of the list whose dashes are the shallowest in `range`.
    fn find_item(&self, range: std::ops::Range<usize>, index: usize) -> Option<(usize, std::ops::Range<usize>)> {
        let lines = &self.lines[range.clone()];
        let level = lines.iter().filter(|l| l.dash).map(|l| l.indent).min()?;
        let at = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.dash && l.indent == level)
            .nth(index)
            .map(|(i, _)| range.start + i)?;
        let end = (at + 1..range.end).find(|&i| self.lines[i].indent <= level).unwrap_or(range.end);
        Some((at, at..end))
    }
}

fn scan_line(number: usize, text: &str) -> Option<Line<'_>> {
    let trimmed = text.trim_start_matches(' ');
    let indent = text.len() - trimmed.len();
    let content = trimmed.trim_end();
    if content.is_empty() || content.starts_with('#') {
        return None;
    }
    let (dash, rest, key_indent) = match content.strip_prefix('-') {
        Some(after) if after.is_empty() || after.starts_with([' ', '\t']) => {
            let item = after.trim_start();
            (true, item, indent + (content.len() - item.len()))
        }
        _ => (false, content, indent),
    };
    Some(Line { number, indent, dash, key: key_of(rest), key_indent })
}

/// The key of a `key: value` line, quoted or plain.
fn key_of(text: &str) -> Option<&str> {
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote) {
            let close = inner.find(quote)?;
            let after = inner[close + 1..].trim_start();
            return after.starts_with(':').then(|| &inner[..close]);
        }
    }
    if text.starts_with(['[', '{', '&', '*', '!', '|', '>', '?']) {
        return None;
    }
    let colon = text.find(": ").or_else(|| text.strip_suffix(':').map(|k| k.len()))?;
    Some(text[..colon].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
title: Git
# a comment
requires:
  - a/b
  - a/c
resources:
- title: Pro Git
  url: https://git-scm.com/book
- { title: Docs, url: x }
milestone:
  title: M
  description: >-
    folded text
    key: not a key
tags: [a, b]
";

    fn line(path: &[Seg]) -> usize {
        Locator::new(DOC).line(path)
    }

    #[test]
    fn finds_top_level_keys() {
        assert_eq!(line(&[Seg::Key("title")]), 1);
        assert_eq!(line(&[Seg::Key("requires")]), 3);
        assert_eq!(line(&[Seg::Key("tags")]), 15);
    }

    #[test]
    fn finds_list_items_indented_or_not() {
        assert_eq!(line(&[Seg::Key("requires"), Seg::Index(1)]), 5);
        assert_eq!(line(&[Seg::Key("resources"), Seg::Index(0)]), 7);
        assert_eq!(line(&[Seg::Key("resources"), Seg::Index(0), Seg::Key("url")]), 8);
        assert_eq!(line(&[Seg::Key("resources"), Seg::Index(1)]), 9);
    }

    #[test]
    fn finds_nested_keys_and_ignores_lookalikes_in_text() {
        assert_eq!(line(&[Seg::Key("milestone"), Seg::Key("description")]), 12);
        assert_eq!(line(&[Seg::Key("key")]), 1, "a line inside folded text is not a field");
    }

    #[test]
    fn finds_a_key_written_twice_in_its_own_mapping() {
        let yaml = "title: a\nresources:\n  - title: b\n    kind: doc\n    kind: book\n  - kind: x\nkind: y\nnotes: |\n  kind: z\nkind: w\n";
        let locator = Locator::new(yaml);
        assert_eq!(locator.repeated_key(3, 4, "kind"), Some((4, 5)), "inside the first resource only");
        assert_eq!(locator.repeated_key(1, 0, "kind"), Some((7, 10)), "at the top, not in text or lists");
        assert_eq!(locator.repeated_key(6, 4, "kind"), None);
        assert_eq!(locator.repeated_key(1, 0, "title"), None);
    }

    #[test]
    fn falls_back_to_the_deepest_part_found() {
        assert_eq!(line(&[Seg::Key("tags"), Seg::Index(1)]), 15);
        assert_eq!(line(&[Seg::Key("resources"), Seg::Index(1), Seg::Key("url")]), 9);
        assert_eq!(line(&[Seg::Key("missing")]), 1);
    }
}
