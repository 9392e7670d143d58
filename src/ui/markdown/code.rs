//! Code blocks: their lines, highlighted when the theme has color and the language has a
//! highlighter, and how a line too long for the pane is broken into rows.
//!
//! A long line is wrapped, not scrolled sideways: scrolling would need a position per block
//! in the app's state and a key to move it, and would hide the end of every long line until
//! the learner goes looking for it. Instead each row after the first is a continuation, drawn
//! with a `↪` in the gutter and indented under the line's code, so it cannot be read as a
//! line of its own; output meant for copying (piped `show`) keeps every line whole.

use std::borrow::Cow;

use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use crate::text::highlight::{Lang, highlight};
use crate::text::wrap::{self, Frag};
use crate::ui::theme::Theme;

/// The gutter before a code line's first row, and before each continuation.
pub const GUTTER: &str = "▏";
pub const CONTINUATION: &str = "↪";

/// Each line of `code` as styled fragments: tabs expanded to 4-column stops, every character
/// made safe to print. `base` styles code that is not highlighted.
pub fn lines(code: &str, lang: Option<Lang>, theme: &Theme, base: Style) -> Vec<Vec<Frag>> {
    let code = code.strip_suffix('\n').unwrap_or(code);
    let code: Cow<str> = if code.contains('\r') { Cow::Owned(code.replace("\r\n", "\n")) } else { Cow::Borrowed(code) };
    let pieces: Vec<(Style, &str)> = match lang {
        Some(lang) if theme.color => {
            highlight(lang, &code).into_iter().map(|(kind, t)| (theme.token(kind), t)).collect()
        }
        _ => vec![(base, &code)],
    };
    let mut lines: Vec<Vec<Frag>> = vec![Vec::new()];
    let mut column = 0;
    for (style, text) in pieces {
        for (index, part) in text.split('\n').enumerate() {
            if index > 0 {
                lines.push(Vec::new());
                column = 0;
            }
            if part.is_empty() {
                continue;
            }
            let expanded = expand_tabs(part, &mut column);
            if let Some(line) = lines.last_mut() {
                line.push((wrap::clean(&expanded).into_owned(), style));
            }
        }
    }
    lines
}

/// `text` with each tab turned into spaces up to the next 4-column stop, `column` being where
/// it starts (and, after, where it ends).
fn expand_tabs(text: &str, column: &mut usize) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' {
            let spaces = 4 - *column % 4;
            out.extend(std::iter::repeat_n(' ', spaces));
            *column += spaces;
        } else {
            out.push(c);
            *column += c.width().unwrap_or(0);
        }
    }
    out
}

/// Breaks one line into rows of at most `width` columns (each row holds at least one
/// character). A row ends after a space, else after punctuation, when one falls in its second
/// half; else where the width runs out. Rows after the first start with the indentation they are drawn at: the
/// line's own and two more, at most half the width.
pub fn rows(line: &[Frag], width: usize) -> Vec<Vec<Frag>> {
    let width = width.max(1);
    let cells: Vec<(char, usize, Style)> =
        line.iter().flat_map(|(text, style)| text.chars().map(move |c| (c, c.width().unwrap_or(0), *style))).collect();
    let indent = cells.iter().take_while(|(c, _, _)| *c == ' ').count();
    let hang = (indent + 2).min(width / 2);
    let mut rows = Vec::new();
    let mut start = 0;
    while start < cells.len() || rows.is_empty() {
        let first = rows.is_empty();
        let room = if first { width } else { width - hang };
        let mut end = start;
        let mut used = 0;
        while end < cells.len() && (end == start || used + cells[end].1 <= room) {
            used += cells[end].1;
            end += 1;
        }
        if end < cells.len() && cells[end].0 != ' ' {
            end =
                better_break(&cells[start..end], if first { indent } else { 0 }, room).map_or(end, |at| start + at + 1);
        }
        let mut row: Vec<Frag> = if first { Vec::new() } else { vec![(" ".repeat(hang), Style::new())] };
        for &(c, _, style) in &cells[start..end] {
            match row.last_mut() {
                Some((text, last)) if *last == style => text.push(c),
                _ => row.push((c.to_string(), style)),
            }
        }
        rows.push(row);
        start = end;
    }
    rows
}

/// Where in `row` (full, and going on after) to end it instead: after its last space, else
/// after its last bracket or punctuation, not before `earliest` (the indentation) and keeping
/// the row at least half full.
fn better_break(row: &[(char, usize, Style)], earliest: usize, room: usize) -> Option<usize> {
    let mut columns: usize = row.iter().map(|cell| cell.1).sum();
    let mut punctuation = None;
    for (at, &(c, width, _)) in row.iter().enumerate().rev() {
        if columns < room / 2 || at < earliest {
            break;
        }
        if c == ' ' {
            return Some(at);
        }
        if punctuation.is_none() && matches!(c, '(' | '[' | '{' | ',' | '.' | ';' | '=' | '/' | '|') {
            punctuation = Some(at);
        }
        columns -= width;
    }
    punctuation
}
