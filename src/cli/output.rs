//! Where a command writes: a terminal gets aligned, colored text; a pipe gets plain,
//! tab-separated lines that scripts can split. Every write goes through here, and everything
//! written here is made inert first (`text::safe`): a title, a note, a typed id or a file name
//! cannot write an escape sequence, on a terminal or into a pipe.

use std::io::{self, Write};

use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};

use crate::text::{self, Breaks, wrap};

use super::paint::Painter;

pub struct Output<'w> {
    /// Private, so no command can write around the cleaning.
    out: &'w mut dyn Write,
    pub painter: Painter,
    /// Human layout (a terminal) rather than tab-separated lines (a pipe).
    pub tty: bool,
    /// Whether the output really is shown on a terminal (directly or through the pager), not
    /// only laid out for a person: code is wrapped to the width only there.
    pub terminal: bool,
    /// Columns available for wrapped text.
    pub width: usize,
    /// How warnings are painted on standard error (which may be a terminal when this is not).
    pub warnings: Painter,
}

impl<'w> Output<'w> {
    pub fn new(out: &'w mut dyn Write, painter: Painter, tty: bool, width: usize) -> Output<'w> {
        Output { out, painter, tty, terminal: tty, width, warnings: painter }
    }

    /// One line of plain or styled pieces.
    pub fn line<'a>(&mut self, line: impl Into<Line<'a>>) -> io::Result<()> {
        self.painter.write_line(self.out, &line.into())
    }

    /// Lines as the text wrapper or the Markdown renderer made them.
    pub fn text(&mut self, text: impl Into<Text<'static>>) -> io::Result<()> {
        for line in &text.into().lines {
            self.painter.write_line(self.out, line)?;
        }
        Ok(())
    }

    /// `text` in `style`, wrapped to the width.
    pub fn paragraph(&mut self, text: &str, style: Style) -> io::Result<()> {
        self.text(wrap::wrap_plain(text, style, self.width))
    }

    /// `text` wrapped to the width after `lead`, continuation lines `indent` columns in.
    pub fn wrapped<'a>(&mut self, lead: impl Into<Line<'a>>, indent: usize, text: &str) -> io::Result<()> {
        let lines = wrap::wrap_plain(text, Style::new(), self.width.saturating_sub(indent));
        self.behind(lead.into(), indent, lines)
    }

    /// As `wrapped`, with `text` read as one line of inline Markdown (a checkpoint, a quiz
    /// choice): code spans and emphasis show as such rather than as backticks and stars.
    pub fn wrapped_markdown<'a>(&mut self, lead: impl Into<Line<'a>>, indent: usize, text: &str) -> io::Result<()> {
        let frags = crate::ui::markdown::inline(text, Style::new(), &self.painter.theme);
        let lines = wrap::wrap(&frags, self.width.saturating_sub(indent)).into_iter().map(wrap::to_line).collect();
        self.behind(lead.into(), indent, lines)
    }

    /// `lines` after `lead`, each further line indented by `indent` columns.
    fn behind(&mut self, lead: Line<'_>, indent: usize, lines: Vec<Line<'static>>) -> io::Result<()> {
        for (i, line) in lines.into_iter().enumerate() {
            let mut spans = if i == 0 { lead.spans.clone() } else { vec![Span::raw(" ".repeat(indent))] };
            spans.extend(line.spans);
            self.line(spans)?;
        }
        Ok(())
    }

    /// `text` wrapped after `lead`, continuing under the text rather than under the lead.
    pub fn hanging(&mut self, lead: &str, text: &str) -> io::Result<()> {
        self.wrapped(lead.to_string(), wrap::width(lead), text)
    }

    /// One tab-separated record: each field on one line, without tabs, and inert.
    pub fn record(&mut self, fields: &[&str]) -> io::Result<()> {
        let cleaned: Vec<_> = fields.iter().map(|field| text::one_line(field)).collect();
        writeln!(self.out, "{}", cleaned.join("\t"))
    }

    /// A document written whole (an export, a completion script, the man page): its line
    /// breaks and tabs are kept, anything a terminal would act on is not.
    pub fn document(&mut self, document: &str) -> io::Result<()> {
        self.out.write_all(text::inert(document, Breaks::Document).as_bytes())
    }

    /// A warning on standard error, so piped records on standard output stay one per item.
    pub fn warn(&self, line: Line) -> io::Result<()> {
        self.warnings.write_line(&mut io::stderr().lock(), &line)
    }
}
