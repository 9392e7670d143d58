//! Every style the program draws with, in the 16 ANSI colors so any terminal theme stays
//! readable. Without color (`NO_COLOR`, `--no-color`) only bold, italic, underline, reverse
//! and the like remain, so emphasis and selection still show.

use ratatui::style::{Color, Modifier, Style};

/// Named styles; build with [`Theme::new`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub subheading: Style,
    pub code: Style,
    pub code_block: Style,
    pub link: Style,
    pub url: Style,
    pub quote: Style,
    pub rule: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub todo: Style,
    pub doing: Style,
    pub done: Style,
    pub skipped: Style,
    pub core: Style,
    pub stretch: Style,
    pub deep: Style,
    pub locked: Style,
    pub gauge: Style,
    pub key: Style,
    pub warning: Style,
    pub error: Style,
    pub accent: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        let bold = Modifier::BOLD;
        let theme = Theme {
            color,
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: fg(Color::Cyan).add_modifier(bold),
            heading: fg(Color::Cyan).add_modifier(bold | Modifier::UNDERLINED),
            subheading: fg(Color::Cyan).add_modifier(bold),
            code: fg(Color::Yellow),
            code_block: fg(Color::Yellow),
            link: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            url: fg(Color::Blue).add_modifier(Modifier::DIM),
            quote: fg(Color::Magenta).add_modifier(Modifier::ITALIC),
            rule: Style::new().add_modifier(Modifier::DIM),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: fg(Color::Cyan),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            todo: Style::new(),
            doing: fg(Color::Yellow).add_modifier(bold),
            done: fg(Color::Green),
            skipped: Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
            core: fg(Color::Cyan),
            stretch: fg(Color::Magenta),
            deep: fg(Color::Blue),
            locked: Style::new().add_modifier(Modifier::DIM),
            gauge: fg(Color::Green),
            key: fg(Color::Yellow).add_modifier(bold),
            warning: fg(Color::Yellow),
            error: fg(Color::Red).add_modifier(bold),
            accent: fg(Color::Green).add_modifier(bold),
        };
        if color { theme } else { theme.without_color() }
    }

    fn without_color(self) -> Theme {
        let strip = |s: Style| Style { fg: None, bg: None, underline_color: None, ..s };
        Theme {
            color: false,
            text: strip(self.text),
            dim: strip(self.dim),
            title: strip(self.title),
            heading: strip(self.heading),
            subheading: strip(self.subheading),
            code: strip(self.code),
            code_block: strip(self.code_block),
            link: strip(self.link),
            url: strip(self.url),
            quote: strip(self.quote),
            rule: strip(self.rule),
            border: strip(self.border),
            border_focused: strip(self.border_focused).add_modifier(Modifier::BOLD),
            selected: strip(self.selected),
            todo: strip(self.todo),
            doing: strip(self.doing),
            done: strip(self.done),
            skipped: strip(self.skipped),
            core: strip(self.core).add_modifier(Modifier::BOLD),
            stretch: strip(self.stretch),
            deep: strip(self.deep).add_modifier(Modifier::ITALIC),
            locked: strip(self.locked),
            gauge: strip(self.gauge),
            key: strip(self.key),
            warning: strip(self.warning),
            error: strip(self.error),
            accent: strip(self.accent),
        }
    }
}
