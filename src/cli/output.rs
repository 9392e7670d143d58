//! Where a command writes: a terminal gets aligned, colored text; a pipe gets plain,
//! tab-separated lines that scripts can split.

use std::io::{self, Write};

use ratatui::style::Style;

use super::paint::Painter;

pub struct Output<'w> {
    pub out: &'w mut dyn Write,
    pub painter: Painter,
    /// Human layout (a terminal) rather than tab-separated lines (a pipe).
    pub tty: bool,
    /// Columns available for wrapped text.
    pub width: usize,
}

impl Output<'_> {
    pub fn paint(&self, text: &str, style: Style) -> String {
        self.painter.paint(text, style)
    }

    pub fn line(&mut self, text: impl AsRef<str>) -> io::Result<()> {
        writeln!(self.out, "{}", text.as_ref())
    }

    /// `text` wrapped to the width after `lead`, continuation lines `indent` columns in.
    pub fn wrapped(&mut self, lead: &str, indent: usize, text: &str) -> io::Result<()> {
        let lines = crate::text::wrap::wrap_plain(text, Style::new(), self.width.saturating_sub(indent));
        for (i, line) in lines.iter().enumerate() {
            let content: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let lead = if i == 0 { lead.to_string() } else { " ".repeat(indent) };
            self.line(format!("{lead}{content}"))?;
        }
        Ok(())
    }

    /// `text` wrapped after `lead`, continuing under the text rather than under the lead.
    pub fn hanging(&mut self, lead: &str, text: &str) -> io::Result<()> {
        self.wrapped(lead, crate::text::wrap::width(lead), text)
    }

    /// One tab-separated record, with tabs and newlines inside fields replaced by spaces.
    pub fn record(&mut self, fields: &[&str]) -> io::Result<()> {
        let cleaned: Vec<String> = fields.iter().map(|f| f.replace(['\t', '\n', '\r'], " ")).collect();
        writeln!(self.out, "{}", cleaned.join("\t"))
    }
}
