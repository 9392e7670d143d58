//! Styled text for the command line: ANSI colors on a terminal, plain text otherwise.

use std::io::{self, Write};

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Text;

use crate::ui::theme::Theme;

/// Turns styles into escape codes, or into nothing when color is off.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    pub color: bool,
    pub theme: Theme,
}

impl Painter {
    /// The default theme, colored or not.
    pub fn new(color: bool) -> Painter {
        Painter::with_theme(Theme::new(color))
    }

    pub fn with_theme(theme: Theme) -> Painter {
        Painter { color: theme.color, theme }
    }

    pub fn paint(&self, text: &str, style: Style) -> String {
        if !self.color || text.is_empty() {
            return text.to_string();
        }
        let codes = sgr(style);
        if codes.is_empty() { text.to_string() } else { format!("\x1b[{codes}m{text}\x1b[0m") }
    }

    /// Writes rendered text line by line.
    pub fn write_text(&self, out: &mut dyn Write, text: &Text) -> io::Result<()> {
        for line in &text.lines {
            let mut rendered = String::new();
            for span in &line.spans {
                rendered.push_str(&self.paint(&span.content, line.style.patch(span.style)));
            }
            writeln!(out, "{}", rendered.trim_end())?;
        }
        Ok(())
    }
}

fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    let modifiers = [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ];
    for (modifier, code) in modifiers {
        if style.add_modifier.contains(modifier) {
            codes.push(code.to_string());
        }
    }
    if let Some(color) = style.fg.and_then(ansi_color) {
        codes.push(color.to_string());
    }
    codes.join(";")
}

fn ansi_color(color: Color) -> Option<u8> {
    Some(match color {
        Color::Black => 30,
        Color::Red => 31,
        Color::Green => 32,
        Color::Yellow => 33,
        Color::Blue => 34,
        Color::Magenta => 35,
        Color::Cyan => 36,
        Color::Gray => 37,
        Color::DarkGray => 90,
        Color::LightRed => 91,
        Color::LightGreen => 92,
        Color::LightYellow => 93,
        Color::LightBlue => 94,
        Color::LightMagenta => 95,
        Color::LightCyan => 96,
        Color::White => 97,
        _ => return None,
    })
}
