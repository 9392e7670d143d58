//! Markdown (CommonMark + tables, strikethrough, task lists, footnotes) into ratatui `Text`,
//! wrapped to a width. Every visible character of the source survives: raw HTML is shown as
//! text, link targets are printed after the link, code is never reflowed (and is highlighted,
//! see `code.rs`).

mod code;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Text};

use super::theme::Theme;
use crate::text::highlight::Lang;
use crate::text::wrap::{self, Frag};

/// How code blocks are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeLines {
    /// Behind a `▏` gutter, a line wider than the width broken into rows, each continuation
    /// marked `↪` and indented under the code: for screens.
    Wrapped,
    /// Every line whole and nothing in front of it, so the code copies and runs as it is: for
    /// output going into a pipe or a file.
    Whole,
}

/// Renders `markdown` to lines no wider than `width` columns, for a screen: a milestone's
/// description, a phase's introduction, a skill's page.
pub fn render(markdown: &str, width: u16, theme: &Theme) -> Text<'static> {
    render_with(markdown, width, theme, CodeLines::Wrapped)
}

/// Renders `markdown` with its prose wrapped to `width` columns and its code laid out as
/// `code` says.
pub fn render_with(markdown: &str, width: u16, theme: &Theme, code: CodeLines) -> Text<'static> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES;
    let mut renderer = Renderer::new(usize::from(width).max(1), theme, code);
    for event in Parser::new_ext(markdown, options) {
        renderer.event(event);
    }
    renderer.finish()
}

/// One line of inline Markdown (a checkpoint, a quiz choice) as styled pieces on `base`, for
/// the caller to wrap behind its own mark: code spans, emphasis and links render, and text
/// that would read as a block (`# 1`, `- x`, `> y`) is kept as written.
pub fn inline(text: &str, base: Style, theme: &Theme) -> Vec<Frag> {
    let events: Vec<Event> = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).collect();
    let one_paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
        && events[1..events.len() - 1].iter().all(|event| match event {
            Event::Start(tag) => is_inline(tag),
            Event::End(tag) => !matches!(tag, TagEnd::Paragraph),
            Event::Rule | Event::TaskListMarker(_) | Event::Html(_) => false,
            _ => true,
        });
    if !one_paragraph {
        return vec![(wrap::clean(text).into_owned(), base)];
    }
    let mut renderer = Renderer::new(usize::MAX / 2, theme, CodeLines::Wrapped);
    renderer.styles = vec![base];
    for event in events.into_iter().skip(1) {
        if event != Event::End(TagEnd::Paragraph) {
            renderer.event(event);
        }
    }
    renderer.inline
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// A block-level indent: list bullets, quote bars, footnote labels.
struct Prefix {
    first: String,
    rest: String,
    style: Style,
    used: bool,
}

struct Table {
    alignments: Vec<Alignment>,
    rows: Vec<Vec<Vec<Frag>>>,
    row: Vec<Vec<Frag>>,
    header_rows: usize,
}

struct Renderer<'t> {
    theme: &'t Theme,
    width: usize,
    lines: Vec<Line<'static>>,
    prefixes: Vec<Prefix>,
    inline: Vec<Frag>,
    styles: Vec<Style>,
    /// The next number of each open list (`None` for bullets).
    lists: Vec<Option<u64>>,
    links: Vec<String>,
    /// The code block being read, with its language when it has a highlighter.
    code: Option<(String, Option<Lang>)>,
    code_lines: CodeLines,
    table: Option<Table>,
    blank_before_next: bool,
    /// Levels of nesting beyond `MAX_DEPTH`, not drawn.
    hidden_depth: usize,
}

/// How many levels of quotes and lists are drawn as indents.
const MAX_DEPTH: usize = 16;

impl<'t> Renderer<'t> {
    fn new(width: usize, theme: &'t Theme, code_lines: CodeLines) -> Self {
        Renderer {
            theme,
            width,
            lines: Vec::new(),
            prefixes: Vec::new(),
            inline: Vec::new(),
            styles: vec![theme.text],
            lists: Vec::new(),
            links: Vec::new(),
            code: None,
            code_lines,
            table: None,
            blank_before_next: false,
            hidden_depth: 0,
        }
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn push_style(&mut self, patch: Style) {
        self.styles.push(self.style().patch(patch));
    }

    fn text(&mut self, text: &str, style: Style) {
        if let Some((code, _)) = &mut self.code {
            code.push_str(text);
        } else {
            self.inline.push((wrap::clean(text).into_owned(), style));
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text, self.style()),
            Event::Code(code) => self.text(&code, self.style().patch(self.theme.code)),
            Event::InlineMath(math) | Event::DisplayMath(math) => self.text(&math, self.style().patch(self.theme.code)),
            Event::Html(html) | Event::InlineHtml(html) => self.text(&html, self.style().patch(self.theme.dim)),
            Event::FootnoteReference(name) => self.text(&format!("[{name}]"), self.style().patch(self.theme.link)),
            Event::SoftBreak => self.text(" ", self.style()),
            Event::HardBreak => self.inline.push(("\n".to_string(), self.style())),
            Event::Rule => {
                self.flush();
                self.block_start();
                let rule = "─".repeat(self.content_width());
                self.emit(vec![(rule, self.theme.rule)]);
                self.blank_before_next = true;
            }
            Event::TaskListMarker(done) => {
                self.text(if done { "[x] " } else { "[ ] " }, self.style().patch(self.theme.accent));
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.block_start();
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.block_start();
                let style = if level <= HeadingLevel::H2 { self.theme.heading } else { self.theme.subheading };
                self.push_style(style);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.block_start();
                self.indent(Prefix { first: "│ ".into(), rest: "│ ".into(), style: self.theme.quote, used: false });
                self.push_style(self.theme.quote);
            }
            Tag::CodeBlock(kind) => self.open_code_block(&kind),
            Tag::HtmlBlock => {
                self.flush();
                self.block_start();
                self.code = Some((String::new(), None));
            }
            Tag::List(start) => {
                self.flush();
                if self.lists.is_empty() {
                    self.block_start();
                }
                self.lists.push(start);
            }
            Tag::Item => self.item(),
            Tag::FootnoteDefinition(name) => {
                self.flush();
                self.block_start();
                let label = format!("[{}]: ", wrap::clean(&name));
                let rest = " ".repeat(wrap::width(&label));
                self.indent(Prefix { first: label, rest, style: self.theme.link, used: false });
            }
            Tag::Table(alignments) => {
                self.flush();
                self.block_start();
                self.table = Some(Table { alignments, rows: Vec::new(), row: Vec::new(), header_rows: 0 });
            }
            Tag::TableHead | Tag::TableRow => {}
            Tag::TableCell => self.inline.clear(),
            Tag::Emphasis => self.push_style(Style::new().add_modifier(Modifier::ITALIC)),
            Tag::Strong => self.push_style(Style::new().add_modifier(Modifier::BOLD)),
            Tag::Strikethrough => self.push_style(Style::new().add_modifier(Modifier::CROSSED_OUT)),
            Tag::Superscript | Tag::Subscript => self.push_style(Style::new()),
            Tag::Link { dest_url, .. } => {
                self.links.push(dest_url.to_string());
                self.push_style(self.theme.link);
            }
            Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.to_string());
                self.text("[image: ", self.theme.dim);
                self.push_style(self.theme.link);
            }
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition | Tag::MetadataBlock(_) => {
                self.flush();
                self.block_start();
            }
        }
    }

    /// A code block opens: its language as a dim label, then its text gathered until it ends.
    fn open_code_block(&mut self, kind: &CodeBlockKind) {
        self.flush();
        self.block_start();
        if let CodeBlockKind::Fenced(lang) = kind
            && !lang.is_empty()
        {
            let label = vec![(wrap::clean(lang).into_owned(), self.theme.dim)];
            for line in wrap::wrap(&label, self.content_width()) {
                self.emit(line);
            }
        }
        let lang = match kind {
            CodeBlockKind::Fenced(info) => Lang::from_info(info),
            CodeBlockKind::Indented => None,
        };
        self.code = Some((String::new(), lang));
    }

    /// A list item opens: its number or bullet (by depth) hangs, the text aligns after it.
    fn item(&mut self) {
        self.flush();
        let depth = self.lists.len().saturating_sub(1);
        let marker = match self.lists.last_mut() {
            Some(Some(number)) => {
                let marker = format!("{number}. ");
                *number += 1;
                marker
            }
            _ => format!("{} ", ["•", "◦", "▪"][depth % 3]),
        };
        let rest = " ".repeat(wrap::width(&marker));
        self.indent(Prefix { first: marker, rest, style: self.theme.accent, used: false });
        self.blank_before_next = false;
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => self.end_block(),
            TagEnd::Heading(_) => {
                self.styles.pop();
                self.end_block();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.styles.pop();
                self.outdent();
                self.blank_before_next = true;
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                let (code, lang) = self.code.take().unwrap_or_default();
                if tag == TagEnd::CodeBlock {
                    self.code_block(&code, lang, self.theme.code_block, true);
                } else {
                    self.code_block(&code, None, self.theme.dim, false);
                }
                self.blank_before_next = true;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                self.blank_before_next = true;
            }
            TagEnd::Item => {
                self.flush();
                if let Some(prefix) = self.outdent()
                    && !prefix.used
                {
                    // An empty item still shows its bullet.
                    self.prefixes.push(prefix);
                    self.emit(Vec::new());
                    self.prefixes.pop();
                }
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                self.outdent();
                self.blank_before_next = true;
            }
            TagEnd::Table => self.end_table(),
            TagEnd::TableHead => {
                self.end_row();
                if let Some(table) = &mut self.table {
                    table.header_rows = table.rows.len();
                }
            }
            TagEnd::TableRow => self.end_row(),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inline);
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {
                self.styles.pop();
            }
            TagEnd::Link | TagEnd::Image => {
                self.styles.pop();
                if tag == TagEnd::Image {
                    self.text("]", self.theme.dim);
                }
                let url = self.links.pop().unwrap_or_default();
                self.link_target(&url);
            }
            TagEnd::DefinitionList | TagEnd::MetadataBlock(_) => self.end_block(),
        }
    }

    /// Prints where a link goes, unless its text already says it.
    fn link_target(&mut self, url: &str) {
        if url.is_empty() {
            return;
        }
        let mut recent: Vec<&str> = self.inline.iter().rev().take(4).map(|(t, _)| t.as_str()).collect();
        recent.reverse();
        let shown = recent.concat();
        let bare = url.strip_prefix("mailto:").unwrap_or(url);
        if !shown.ends_with(bare) {
            self.text(&format!(" ({url})"), self.theme.url);
        }
    }

    /// Indents for a quote, list item or footnote. Past `MAX_DEPTH` levels the indent stops
    /// growing (the text stays readable), and a file nested thousands deep cannot make every
    /// line pay for every level.
    fn indent(&mut self, prefix: Prefix) {
        if self.prefixes.len() >= MAX_DEPTH {
            self.hidden_depth += 1;
        } else {
            self.prefixes.push(prefix);
        }
    }

    fn outdent(&mut self) -> Option<Prefix> {
        if self.hidden_depth > 0 {
            self.hidden_depth -= 1;
            None
        } else {
            self.prefixes.pop()
        }
    }

    fn end_block(&mut self) {
        self.flush();
        self.blank_before_next = true;
    }

    /// A blank line between blocks (kept inside quotes, with the quote bar).
    fn block_start(&mut self) {
        if self.blank_before_next && !self.lines.is_empty() {
            let bars: String =
                self.prefixes.iter().map(|p| if p.first.starts_with('│') { "│ " } else { "  " }).collect();
            let bars = bars.trim_end().to_string();
            self.lines.push(Line::styled(bars, self.theme.quote));
        }
        self.blank_before_next = false;
    }

    fn prefix_width(&self) -> usize {
        self.prefixes.iter().map(|p| wrap::width(if p.used { &p.rest } else { &p.first })).sum()
    }

    /// Width left for content after the indents; never below a few columns, so deep nesting in
    /// a narrow pane still shows its words.
    fn content_width(&self) -> usize {
        self.width.saturating_sub(self.prefix_width()).max(self.width.min(8))
    }

    /// Writes one line with the current indents in front.
    fn emit(&mut self, content: Vec<Frag>) {
        let budget = self.width - self.content_width().min(self.width);
        let mut frags: Vec<Frag> = Vec::new();
        let mut room = budget;
        for prefix in self.prefixes.iter().rev() {
            let text = if prefix.used { &prefix.rest } else { &prefix.first };
            let kept = keep_right(text, room);
            room -= wrap::width(&kept);
            frags.insert(0, (kept, prefix.style));
        }
        for prefix in &mut self.prefixes {
            prefix.used = true;
        }
        frags.extend(content);
        self.lines.push(wrap::to_line(frags));
    }

    /// Wraps and writes the pending inline text.
    fn flush(&mut self) {
        if self.inline.is_empty() || self.table.is_some() {
            return;
        }
        let inline = std::mem::take(&mut self.inline);
        if inline.iter().all(|(t, _)| t.trim().is_empty()) {
            return;
        }
        for line in wrap::wrap(&inline, self.content_width()) {
            self.emit(line);
        }
    }

    /// Code (behind a gutter) and raw HTML (without one): verbatim, highlighted when it can
    /// be, laid out as `code_lines` says.
    fn code_block(&mut self, code: &str, lang: Option<Lang>, base: Style, gutter: bool) {
        let lines = code::lines(code, lang, self.theme, base);
        if self.code_lines == CodeLines::Whole {
            for line in lines {
                self.emit(line);
            }
            return;
        }
        // Raw HTML has no gutter, but its continuations are marked all the same.
        let marks = usize::from(gutter).max(1);
        let width = self.content_width().saturating_sub(marks).max(1);
        for line in lines {
            for (index, row) in code::rows(&line, width).into_iter().enumerate() {
                let mark = match (index, gutter) {
                    (0, true) => (code::GUTTER, self.theme.dim),
                    (0, false) => ("", self.theme.dim),
                    _ => (code::CONTINUATION, self.theme.accent),
                };
                let mut frags = vec![(mark.0.to_string(), mark.1)];
                frags.extend(row);
                self.emit(frags);
            }
        }
    }

    fn end_row(&mut self) {
        if let Some(table) = &mut self.table {
            let row = std::mem::take(&mut table.row);
            table.rows.push(row);
        }
    }

    fn end_table(&mut self) {
        let Some(table) = self.table.take() else { return };
        let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0).max(table.alignments.len());
        if columns == 0 {
            return;
        }
        let natural: Vec<usize> = (0..columns)
            .map(|c| {
                let cells = table.rows.iter().filter_map(|r| r.get(c));
                cells.map(|cell| cell.iter().map(|(t, _)| wrap::width(t)).sum::<usize>()).max().unwrap_or(0).max(1)
            })
            .collect();
        let available = self.content_width();
        if columns + 3 * (columns - 1) > available {
            // Too many columns to draw side by side: one wrapped line per row keeps every word.
            for (index, row) in table.rows.iter().enumerate() {
                let mut frags = Vec::new();
                for (c, cell) in row.iter().enumerate() {
                    if c > 0 {
                        frags.push((" │ ".to_string(), self.theme.border));
                    }
                    let bold = index < table.header_rows;
                    frags.extend(
                        cell.iter().map(|(t, s)| (t.clone(), if bold { s.add_modifier(Modifier::BOLD) } else { *s })),
                    );
                }
                for line in wrap::wrap(&frags, available) {
                    self.emit(line);
                }
            }
            self.blank_before_next = true;
            return;
        }
        let widths = fit_columns(natural, available.saturating_sub(3 * (columns - 1)));
        let separator = (" │ ".to_string(), self.theme.border);
        for (index, row) in table.rows.iter().enumerate() {
            let header = index < table.header_rows;
            let wrapped: Vec<Vec<Vec<Frag>>> = (0..columns)
                .map(|c| {
                    let cell = row.get(c).cloned().unwrap_or_default();
                    let cell: Vec<Frag> = if header {
                        cell.into_iter().map(|(t, s)| (t, s.add_modifier(Modifier::BOLD))).collect()
                    } else {
                        cell
                    };
                    wrap::wrap(&cell, widths[c])
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            for line in 0..height {
                let mut frags = Vec::new();
                for (c, cell) in wrapped.iter().enumerate() {
                    if c > 0 {
                        frags.push(separator.clone());
                    }
                    let content = cell.get(line).cloned().unwrap_or_default();
                    let used: usize = content.iter().map(|(t, _)| wrap::width(t)).sum();
                    let pad = widths[c].saturating_sub(used);
                    let (left, right) = match table.alignments.get(c) {
                        Some(Alignment::Right) => (pad, 0),
                        Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                        _ => (0, pad),
                    };
                    frags.push((" ".repeat(left), Style::new()));
                    frags.extend(content);
                    if c + 1 < columns {
                        frags.push((" ".repeat(right), Style::new()));
                    }
                }
                self.emit(frags);
            }
            if header && index + 1 == table.header_rows {
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                self.emit(vec![(rule.join("─┼─"), self.theme.border)]);
            }
        }
        self.blank_before_next = true;
    }

    fn finish(mut self) -> Text<'static> {
        self.flush();
        if let Some((code, lang)) = self.code.take() {
            self.code_block(&code, lang, self.theme.code_block, true);
        }
        if self.table.is_some() {
            self.end_table();
        }
        Text::from(self.lines)
    }
}

/// The rightmost part of `text` that fits in `columns`.
fn keep_right(text: &str, columns: usize) -> String {
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > columns {
            break;
        }
        used += w;
        kept.push(c);
    }
    kept.into_iter().rev().collect()
}

/// Narrows the widest columns first until the table fits `available` columns.
fn fit_columns(mut widths: Vec<usize>, available: usize) -> Vec<usize> {
    let available = available.max(widths.len());
    while widths.iter().sum::<usize>() > available {
        let Some(widest) = widths.iter().enumerate().max_by_key(|(_, w)| **w).map(|(i, _)| i) else { break };
        if widths[widest] <= 1 {
            break;
        }
        widths[widest] -= 1;
    }
    widths
}

/// The rendered text as plain strings, one per line (for tests and plain output).
pub fn plain_lines(text: &Text) -> Vec<String> {
    text.lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
}

#[cfg(test)]
mod tests;
