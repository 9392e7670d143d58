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

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::app::{App, Pane, Screen, SkillFocus};
use crate::keymap::Mode;
use crate::suggest::SuggestionKind;
use crate::text::wrap;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if !layout::fits(area) {
            too_small(self, area, buf);
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

/// One line that says how small the terminal is and what it needs, in the longest form that
/// fits, so the size it asks for is never cut off.
fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let (w, h, need_w, need_h) = (area.width, area.height, layout::MIN_WIDTH, layout::MIN_HEIGHT);
    let forms = [
        format!("Terminal too small: {w}x{h} (needs {need_w}x{need_h})"),
        format!("Too small: {w}x{h}, needs {need_w}x{need_h}"),
        format!("Needs {need_w}x{need_h}"),
        format!("{need_w}x{need_h}"),
    ];
    let width = usize::from(area.width);
    let notice = forms.iter().find(|form| wrap::width(form) <= width).unwrap_or(&forms[forms.len() - 1]);
    Line::styled(parts::truncate(notice, width), app.theme.warning).render(area, buf);
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
    let overall = app.derived.tally.overall;
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
    let width = usize::from(area.width);
    let line = match &app.message {
        Some(message) => {
            let style = if message.error { theme.error } else { theme.accent };
            Line::styled(parts::truncate(&format!(" {}", message.text), width), style)
        }
        None => Line::styled(fit_hints(&hints(app), width), theme.dim),
    };
    line.render(area, buf);
}

/// As many hints as fit in `width`, whole, in their order; the last (`? help`, or the way
/// out) always stays.
pub fn fit_hints(hints: &[&str], width: usize) -> String {
    let (pinned, rest) = match hints.split_last() {
        Some((last, rest)) => (Some(*last), rest),
        None => (None, hints),
    };
    let reserved = pinned.map_or(0, |p| wrap::width(p) + 3);
    let mut text = String::new();
    for hint in rest {
        let extra = if text.is_empty() { 1 } else { 3 } + wrap::width(hint);
        if wrap::width(&text) + extra + reserved > width {
            break;
        }
        text.push_str(if text.is_empty() { " " } else { " · " });
        text.push_str(hint);
    }
    if let Some(pinned) = pinned {
        text.push_str(if text.is_empty() { " " } else { " · " });
        text.push_str(pinned);
    }
    parts::truncate(&text, width)
}

/// The few keys worth showing at the bottom, most useful first, for the screen and the pane
/// or half that has the keys; `?` lists them all.
fn hints(app: &App) -> Vec<&'static str> {
    match app.mode() {
        Mode::Home => {
            // The key for what the selected step asks.
            let act = match app.home_items().get(app.home_row).map(|s| s.kind) {
                Some(SuggestionKind::Review) => "v reviewed",
                Some(SuggestionKind::Milestone) => "d milestone done",
                _ => "d done",
            };
            vec!["↑↓ select", "Enter open", act, "w weekly hours", "2 roadmap", "/ search", "q quit", "? help"]
        }
        Mode::Roadmap => match app.map.pane {
            Pane::Phases => vec!["↑↓ phase", "→ skills", "m milestone done", "c core", "H hide done", "? help"],
            Pane::Skills => {
                vec!["↑↓ move", "Enter open", "Space status", "←→ panes", "c core", "H hide done", "Esc back", "? help"]
            }
            Pane::Detail => vec!["↑↓ scroll", "Enter open", "← skills", "Space status", "Esc back", "? help"],
        },
        Mode::Skill => match app.skill.focus {
            SkillFocus::Text => {
                vec!["↑↓ scroll", "Tab checkpoints", "Space status", "n note", "Esc back", "? help"]
            }
            SkillFocus::Items => {
                vec!["↑↓ select", "Enter tick/open", "Tab text", "n note", "o open link", "Esc back", "? help"]
            }
        },
        Mode::Search => vec!["type to search", "Enter open", "↑↓ select", "Esc back"],
        Mode::Help => vec!["↑↓ scroll", "g G top, bottom", "Esc close"],
        Mode::Note => vec!["typing a note", "Enter new line", "Esc done (saved)"],
        Mode::Hours => vec!["hours a week", "Enter keep", "Esc cancel"],
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

#[cfg(test)]
mod tests {
    use super::fit_hints;

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole_and_the_last_stays() {
        let hints = ["↑↓ select", "Enter open", "w weekly hours", "? help"];
        assert_eq!(fit_hints(&hints, 80), " ↑↓ select · Enter open · w weekly hours · ? help");
        assert_eq!(fit_hints(&hints, 40), " ↑↓ select · Enter open · ? help");
        assert_eq!(fit_hints(&hints, 12), " ? help");
    }
}
