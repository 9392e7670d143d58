//! Every style the program draws with, in the 16 ANSI colors so the terminal's own palette
//! decides the exact shades. Three palettes: the default (readable on dark and light
//! backgrounds), one tuned for dark backgrounds and one for light ones. Without color
//! (`NO_COLOR`, `--no-color`) only bold, italic, underline, reverse and the like remain, so
//! emphasis and selection still show.

use ratatui::style::{Color, Modifier, Style};

use crate::text::highlight::Kind;

/// Which palette to draw with. Choosing one from flags and the environment is the command
/// line's job (`cli::theme`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum ThemeName {
    /// The plain ANSI colors, readable on dark and light backgrounds alike.
    #[default]
    Default,
    /// Bright variants, for dark backgrounds (plain blue is hard to read on black).
    Dark,
    /// No yellow, cyan or bright colors, which wash out on white.
    Light,
}

/// The colors a palette gives each role; the styles around them are the same in every theme.
struct Palette {
    heading: Color,
    code: Color,
    link: Color,
    quote: Color,
    good: Color,
    active: Color,
    warning: Color,
    error: Color,
    core: Color,
    stretch: Color,
    deep: Color,
    /// Highlighted code: reserved words, strings, numbers and built-in values, names being
    /// defined or called, keys, variables.
    keyword: Color,
    string: Color,
    number: Color,
    name: Color,
    key: Color,
    variable: Color,
}

impl ThemeName {
    fn palette(self) -> Palette {
        use Color::*;
        match self {
            // No yellow: the one ANSI color that many palettes make unreadable on white.
            ThemeName::Default => Palette {
                heading: Cyan,
                code: Magenta,
                link: Blue,
                quote: Magenta,
                good: Green,
                active: Magenta,
                warning: Red,
                error: Red,
                core: Cyan,
                stretch: Magenta,
                deep: Blue,
                keyword: Blue,
                string: Green,
                number: Magenta,
                name: Cyan,
                key: Blue,
                variable: Magenta,
            },
            ThemeName::Dark => Palette {
                heading: LightCyan,
                code: LightYellow,
                link: LightBlue,
                quote: LightMagenta,
                good: LightGreen,
                active: LightYellow,
                warning: LightYellow,
                error: LightRed,
                core: LightCyan,
                stretch: LightMagenta,
                deep: LightBlue,
                keyword: LightBlue,
                string: LightGreen,
                number: LightMagenta,
                name: LightCyan,
                key: LightBlue,
                variable: LightMagenta,
            },
            ThemeName::Light => Palette {
                heading: Blue,
                code: Magenta,
                link: Blue,
                quote: DarkGray,
                good: Green,
                active: Magenta,
                warning: Red,
                error: Red,
                core: Blue,
                stretch: Magenta,
                deep: DarkGray,
                keyword: Blue,
                string: Green,
                number: Red,
                name: Magenta,
                key: Blue,
                variable: Magenta,
            },
        }
    }
}

/// Named styles; build with [`Theme::new`] (the default palette) or [`Theme::named`].
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
    /// Highlighted code, a style per kind of piece.
    pub syntax: Syntax,
}

/// How each kind of piece of highlighted code looks. Without color, code is not highlighted:
/// every one of these is plain.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Syntax {
    pub comment: Style,
    pub keyword: Style,
    pub string: Style,
    pub number: Style,
    pub constant: Style,
    pub name: Style,
    pub key: Style,
    pub variable: Style,
    pub prompt: Style,
}

impl Theme {
    /// The default palette: readable on dark and light backgrounds.
    pub fn new(color: bool) -> Theme {
        Theme::named(ThemeName::Default, color)
    }

    pub fn named(name: ThemeName, color: bool) -> Theme {
        let p = name.palette();
        let fg = |c: Color| Style::new().fg(c);
        let bold = Modifier::BOLD;
        let theme = Theme {
            color,
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: fg(p.heading).add_modifier(bold),
            heading: fg(p.heading).add_modifier(bold | Modifier::UNDERLINED),
            subheading: fg(p.heading).add_modifier(bold),
            code: fg(p.code),
            code_block: fg(p.code),
            link: fg(p.link).add_modifier(Modifier::UNDERLINED),
            url: fg(p.link).add_modifier(Modifier::DIM),
            quote: fg(p.quote).add_modifier(Modifier::ITALIC),
            rule: Style::new().add_modifier(Modifier::DIM),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: fg(p.heading),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            todo: Style::new(),
            doing: fg(p.active).add_modifier(bold),
            done: fg(p.good),
            skipped: Style::new().add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
            core: fg(p.core),
            stretch: fg(p.stretch),
            deep: fg(p.deep),
            locked: Style::new().add_modifier(Modifier::DIM),
            gauge: fg(p.good),
            key: fg(p.active).add_modifier(bold),
            warning: fg(p.warning),
            error: fg(p.error).add_modifier(bold),
            accent: fg(p.good).add_modifier(bold),
            syntax: Syntax {
                comment: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
                keyword: fg(p.keyword).add_modifier(bold),
                string: fg(p.string),
                number: fg(p.number),
                constant: fg(p.number),
                name: fg(p.name),
                key: fg(p.key),
                variable: fg(p.variable),
                prompt: fg(p.good).add_modifier(bold),
            },
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
            syntax: Syntax {
                comment: Style::new(),
                keyword: Style::new(),
                string: Style::new(),
                number: Style::new(),
                constant: Style::new(),
                name: Style::new(),
                key: Style::new(),
                variable: Style::new(),
                prompt: Style::new(),
            },
        }
    }

    /// The style of a piece of highlighted code; plain pieces look like the text around them.
    pub fn token(&self, kind: Kind) -> Style {
        let syntax = &self.syntax;
        match kind {
            Kind::Plain => self.text,
            Kind::Comment => syntax.comment,
            Kind::Keyword => syntax.keyword,
            Kind::String => syntax.string,
            Kind::Number => syntax.number,
            Kind::Constant => syntax.constant,
            Kind::Name => syntax.name,
            Kind::Key => syntax.key,
            Kind::Variable => syntax.variable,
            Kind::Prompt => syntax.prompt,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [ThemeName; 3] = [ThemeName::Default, ThemeName::Dark, ThemeName::Light];

    fn colors(theme: &Theme) -> Vec<Color> {
        let styles = [
            theme.text,
            theme.dim,
            theme.title,
            theme.heading,
            theme.subheading,
            theme.code,
            theme.code_block,
            theme.link,
            theme.url,
            theme.quote,
            theme.rule,
            theme.border,
            theme.border_focused,
            theme.selected,
            theme.todo,
            theme.doing,
            theme.done,
            theme.skipped,
            theme.core,
            theme.stretch,
            theme.deep,
            theme.locked,
            theme.gauge,
            theme.key,
            theme.warning,
            theme.error,
            theme.accent,
        ];
        let syntax = theme.syntax;
        let code = [
            syntax.comment,
            syntax.keyword,
            syntax.string,
            syntax.number,
            syntax.constant,
            syntax.name,
            syntax.key,
            syntax.variable,
            syntax.prompt,
        ];
        let styles = styles.iter().chain(&code);
        styles.flat_map(|s| [s.fg, s.bg]).flatten().collect()
    }

    #[test]
    fn new_is_the_default_palette_in_plain_ansi_colors() {
        assert_eq!(Theme::new(true), Theme::named(ThemeName::Default, true));
        let theme = Theme::new(true);
        assert_eq!(theme.title, Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD));
        assert_eq!(theme.code, Style::new().fg(Color::Magenta));
        assert_eq!(theme.done, Style::new().fg(Color::Green));
        // Plain ANSI colors, and no yellow, which washes out on many light backgrounds.
        let basic = [Color::Red, Color::Green, Color::Blue, Color::Magenta, Color::Cyan];
        assert!(colors(&theme).iter().all(|c| basic.contains(c)), "{:?}", colors(&theme));
    }

    #[test]
    fn light_avoids_colors_that_wash_out_on_white_and_dark_those_lost_on_black() {
        let light = colors(&Theme::named(ThemeName::Light, true));
        for washed_out in [Color::Yellow, Color::Cyan, Color::White, Color::LightYellow, Color::LightCyan] {
            assert!(!light.contains(&washed_out), "{washed_out:?} in the light theme");
        }
        let dark = colors(&Theme::named(ThemeName::Dark, true));
        for lost in [Color::Blue, Color::Black, Color::DarkGray] {
            assert!(!dark.contains(&lost), "{lost:?} in the dark theme");
        }
    }

    #[test]
    fn code_is_highlighted_with_color_and_plain_without() {
        use crate::text::highlight::Kind::*;
        let kinds = [Comment, Keyword, String, Number, Constant, Name, Key, Variable, Prompt];
        for name in NAMES {
            let colored = Theme::named(name, true);
            assert!(kinds.iter().all(|&kind| colored.token(kind) != colored.text), "{name:?}");
            let plain = Theme::named(name, false);
            assert!(kinds.iter().all(|&kind| plain.token(kind) == Style::new()), "{name:?}");
        }
    }

    #[test]
    fn without_color_every_theme_is_the_same_and_has_no_colors() {
        for name in NAMES {
            let theme = Theme::named(name, false);
            assert_eq!(theme, Theme::new(false), "{name:?}");
            assert!(colors(&theme).is_empty(), "{name:?}");
        }
    }
}
