//! Drawing: one file per screen, the theme, and the markdown renderer. Nothing here changes
//! state: `impl Widget for &App` draws whatever the app holds.

pub mod help;
pub mod home;
pub mod layout;
pub mod map;
pub mod markdown;
pub mod parts;
mod search;
pub mod skill;
pub mod theme;
pub mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::app::{App, Screen};
use crate::keymap::Mode;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if !layout::fits(area) {
            let notice = format!(
                "Terminal too small: {}x{} (needs {}x{})",
                area.width,
                area.height,
                layout::MIN_WIDTH,
                layout::MIN_HEIGHT
            );
            Line::styled(parts::truncate(&notice, usize::from(area.width)), self.theme.warning).render(area, buf);
            return;
        }
        let chrome = layout::chrome(area);
        title_bar(self, chrome.top, buf);
        match self.screen {
            Screen::Home => home::render(self, chrome.body, buf),
            Screen::Roadmap => map::render(self, chrome.body, buf),
            Screen::Skill(index) => skill::render(self, index, chrome.body, buf),
            Screen::Search => search::render(self, chrome.body, buf),
        }
        status_bar(self, chrome.bottom, buf);
        if let Some(input) = &self.hours_input {
            hours_prompt(self, input, chrome.body, buf);
        }
        if let Some(scroll) = self.help {
            help::render(self, scroll, chrome.body, buf);
        }
    }
}

fn title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let tab = |key: &str, name: &str, active: bool| {
        let style = if active { theme.selected.add_modifier(Modifier::BOLD) } else { theme.dim };
        vec![Span::styled(format!(" {key} {name} "), style), Span::raw(" ")]
    };
    let screen = app.screen;
    let mut right: Vec<Span> = Vec::new();
    right.extend(tab("1", "Home", screen == Screen::Home));
    right.extend(tab("2", "Roadmap", matches!(screen, Screen::Roadmap | Screen::Skill(_))));
    right.extend(tab("/", "Search", screen == Screen::Search));
    right.extend(tab("?", "Help", app.help.is_some()));
    let overall = app.progress.counts(&app.roadmap.skills);
    let left = vec![
        Span::styled(format!(" {} ", app.roadmap.title), theme.title),
        Span::styled(format!("{}% ", overall.percent()), theme.accent),
    ];
    let width = usize::from(area.width);
    let right_width: usize = right.iter().map(|s| wrap::width(&s.content)).sum();
    let line = if right_width + 12 > width { Line::from(right) } else { parts::spread(left, right, width) };
    line.render(area, buf);
}

fn status_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let line = match &app.message {
        Some(message) if message.error => Line::styled(format!(" {}", message.text), theme.error),
        Some(message) => Line::styled(format!(" {}", message.text), theme.accent),
        None => Line::styled(format!(" {}", hints(app.mode())), theme.dim),
    };
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    Line::styled(parts::truncate(&text, usize::from(area.width)), line.style).render(area, buf);
}

/// The few keys worth showing at the bottom of each screen; `?` lists them all.
fn hints(mode: Mode) -> &'static str {
    match mode {
        Mode::Home => "↑↓ select · Enter open · d done · w weekly hours · 2 roadmap · / search · ? help · q quit",
        Mode::Roadmap => "←→ panes · ↑↓ move · Enter open · Space status · c core · H hide done · ? help",
        Mode::Skill => "↑↓ scroll · Tab items · Enter tick/follow · Space status · n note · Esc back · ? help",
        Mode::Search => "type to search · ↑↓ select · Enter open · Esc back",
        Mode::Help => "↑↓ scroll · Esc close",
        Mode::Note => "typing a note · Enter new line · Esc done (saved)",
        Mode::Hours => "hours a week · Enter keep · Esc cancel",
    }
}

fn hours_prompt(app: &App, input: &str, body: Rect, buf: &mut Buffer) {
    let width = body.width.min(50);
    let area = Rect::new(body.x + (body.width - width) / 2, body.y + body.height / 3, width, 5.min(body.height));
    Clear.render(area, buf);
    let block = parts::block(&app.theme, " Weekly study hours ", true);
    let text = vec![
        Line::from(vec![
            Span::raw("Hours a week: "),
            Span::styled(input.to_string(), app.theme.accent),
            Span::styled(" ", app.theme.selected),
        ]),
        Line::styled("Enter keep · Esc cancel", app.theme.dim),
    ];
    Paragraph::new(text).block(block).wrap(Wrap { trim: false }).render(area, buf);
}
