//! Styled text for the command line: ANSI colors on a terminal, plain text otherwise. Every
//! piece of text is made inert (`text::clean`) before its colors are put around it, so the
//! only escape codes written are the ones made here. anstyle renders them; anstream is not
//! used: whether to color is decided before anything is written (`color.rs`, shared with the
//! TUI, and it also picks the layout), so a stream stripping codes afterwards would add work
//! and a second place that decides.

use std::fmt::Write as _;
use std::io::{self, Write};

use anstyle::{AnsiColor, Effects};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::text::{self, Breaks};
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

    /// One line: each span's text made inert, then colored; trailing blanks dropped.
    pub fn write_line(&self, out: &mut dyn Write, line: &Line) -> io::Result<()> {
        let mut rendered = String::new();
        for span in &line.spans {
            let content = text::inert(&span.content, Breaks::Lines);
            let style = ansi(line.style.patch(span.style));
            if !self.color || content.is_empty() || style.is_plain() {
                rendered.push_str(&content);
            } else {
                // Writing to a String cannot fail.
                let _ = write!(rendered, "{style}{content}{style:#}");
            }
        }
        writeln!(out, "{}", rendered.trim_end())
    }
}

/// The escape codes for a style: effects and a foreground color from the 16 ANSI colors (the
/// themes use no others; anything else is left to the terminal's default).
fn ansi(style: Style) -> anstyle::Style {
    let effects = [
        (Modifier::BOLD, Effects::BOLD),
        (Modifier::DIM, Effects::DIMMED),
        (Modifier::ITALIC, Effects::ITALIC),
        (Modifier::UNDERLINED, Effects::UNDERLINE),
        (Modifier::REVERSED, Effects::INVERT),
        (Modifier::CROSSED_OUT, Effects::STRIKETHROUGH),
    ]
    .into_iter()
    .filter(|(modifier, _)| style.add_modifier.contains(*modifier))
    .fold(Effects::new(), |all, (_, effect)| all | effect);
    anstyle::Style::new().effects(effects).fg_color(style.fg.and_then(ansi_color).map(anstyle::Color::Ansi))
}

fn ansi_color(color: Color) -> Option<AnsiColor> {
    Some(match color {
        Color::Black => AnsiColor::Black,
        Color::Red => AnsiColor::Red,
        Color::Green => AnsiColor::Green,
        Color::Yellow => AnsiColor::Yellow,
        Color::Blue => AnsiColor::Blue,
        Color::Magenta => AnsiColor::Magenta,
        Color::Cyan => AnsiColor::Cyan,
        Color::Gray => AnsiColor::White,
        Color::DarkGray => AnsiColor::BrightBlack,
        Color::LightRed => AnsiColor::BrightRed,
        Color::LightGreen => AnsiColor::BrightGreen,
        Color::LightYellow => AnsiColor::BrightYellow,
        Color::LightBlue => AnsiColor::BrightBlue,
        Color::LightMagenta => AnsiColor::BrightMagenta,
        Color::LightCyan => AnsiColor::BrightCyan,
        Color::White => AnsiColor::BrightWhite,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Span;

    fn written(painter: Painter, line: Line) -> String {
        let mut out = Vec::new();
        painter.write_line(&mut out, &line).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn colors_go_around_inert_text_and_only_when_asked_for() {
        let bold_cyan = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let line = Line::from(vec![Span::styled("T\u{1b}[41mitle", bold_cyan), Span::raw(" end  ")]);
        let painter = Painter::new(true);
        assert_eq!(written(painter, line.clone()), "\u{1b}[1m\u{1b}[36mT␛[41mitle\u{1b}[0m end\n");
        assert_eq!(written(Painter { color: false, ..painter }, line), "T␛[41mitle end\n");
    }
}
