//! Drawing: one file per screen, the theme, and the markdown renderer. Nothing here changes
//! the app's state: a frame is drawn from a [`View`] of it, and drawing yields the frame's
//! [`Geometry`] (what is where, page sizes, scroll ends) for the loop to hand back to `update`.

mod checks;
pub mod help;
pub mod home;
pub mod layout;
mod layouts;
pub mod map;
pub mod markdown;
pub mod parts;
mod quiz;
mod search;
pub mod skill;
pub mod theme;
mod trust;

use std::cell::RefCell;
use std::ops::Deref;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::action::Action;
use crate::app::{App, Pane, Screen, SkillFocus};
use crate::geometry::{Geometry, Tab, Target};
use crate::keymap::Mode;
use crate::suggest::SuggestionKind;
use crate::text::wrap;
pub use layouts::Layouts;
use theme::Theme;

/// The drawing side of the tutor: the theme, and text laid out once per width (a skill's
/// Markdown is rendered when it is first shown at a width, not on every key).
#[derive(Debug)]
pub struct Ui {
    pub theme: Theme,
    layouts: Layouts,
}

impl Ui {
    pub fn new(theme: Theme) -> Ui {
        Ui { theme, layouts: Layouts::default() }
    }

    /// Draws the app into a frame; returns where everything went.
    pub fn draw(&self, app: &App, frame: &mut Frame) -> Geometry {
        let area = frame.area();
        self.render(app, area, frame.buffer_mut())
    }

    /// What the event loop does for one action, without a terminal (tests and benchmarks):
    /// draws the frame the learner sees at the app's size, hands its geometry to the app, then
    /// applies the action.
    pub fn step(&self, app: &mut App, action: Action) -> Option<crate::action::Effect> {
        let mut buffer = Buffer::empty(app.area);
        let geometry = self.render(app, app.area, &mut buffer);
        app.update(Action::Drawn(geometry));
        app.update(action)
    }

    /// Draws the app into a buffer (tests and benchmarks use it without a terminal).
    pub fn render(&self, app: &App, area: Rect, buf: &mut Buffer) -> Geometry {
        let view = View { app, theme: &self.theme, layouts: &self.layouts, geometry: RefCell::default() };
        if !layout::fits(area) {
            too_small(&view, area, buf);
            return Geometry { usable: false, ..Geometry::default() };
        }
        let status = status_lines(&view, usize::from(area.width), usize::from(layout::status_rows(area)));
        let chrome = layout::chrome(area, status.len() as u16);
        title_bar(&view, chrome.top, buf);
        match app.screen {
            Screen::Home => home::render(&view, chrome.body, buf),
            Screen::Roadmap => map::render(&view, chrome.body, buf),
            Screen::Skill(index) => skill::render(&view, index, chrome.body, buf),
            Screen::Search => search::render(&view, chrome.body, buf),
        }
        parts::lines(status, chrome.bottom, buf);
        if let Some(input) = &app.hours_input {
            hours_prompt(&view, input, chrome.body, buf);
        }
        if app.quiz.is_some() {
            quiz::render(&view, chrome.body, buf);
        }
        if let Some(prompt) = app.trust_prompt {
            trust::render(&view, prompt, chrome.body, buf);
        }
        if let Some(scroll) = app.help {
            help::render(&view, scroll, chrome.body, buf);
        }
        inert_cells(buf, area);
        Geometry { usable: true, ..view.geometry.into_inner() }
    }
}

/// The last line of defence for outside text on screen: whatever a screen drew, no cell holds
/// a character a terminal would act on (an escape, a carriage return, a bidi override). Screens
/// make titles and text inert when they lay them out (`text::clean`); this pass catches any
/// that slipped through, at the cost of one look at each cell of a frame.
fn inert_cells(buf: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if !cell.symbol().chars().any(crate::text::safe::acts_on_terminal) {
                continue;
            }
            // Zero-width ones (combining onto this cell) are dropped; one that is the whole
            // cell becomes its visible stand-in, which takes the cell's one column.
            let kept: String = cell.symbol().chars().filter(|&c| !crate::text::safe::acts_on_terminal(c)).collect();
            if kept.is_empty() {
                let first = cell.symbol().chars().next().map(|c| c.to_string()).unwrap_or_default();
                let shown = crate::text::inert(&first, crate::text::Breaks::Spaces).into_owned();
                cell.set_symbol(if shown.trim().is_empty() { " " } else { &shown });
            } else {
                cell.set_symbol(&kept);
            }
        }
    }
}

/// What one frame is drawn from: the app's state (through `Deref`, so screens read
/// `view.roadmap` as they would `app.roadmap`), the theme, the cached layouts, and the
/// geometry being recorded.
pub struct View<'a> {
    app: &'a App,
    pub theme: &'a Theme,
    pub layouts: &'a Layouts,
    geometry: RefCell<Geometry>,
}

impl Deref for View<'_> {
    type Target = App;

    fn deref(&self) -> &App {
        self.app
    }
}

impl View<'_> {
    /// Notes that `target` was drawn in `area`.
    pub fn record(&self, area: Rect, target: Target) {
        self.geometry.borrow_mut().record(area, target);
    }

    /// Sets the page sizes and scroll ends of what was drawn.
    pub fn measure(&self, change: impl FnOnce(&mut Geometry)) {
        change(&mut self.geometry.borrow_mut());
    }
}

/// One line that says how small the terminal is and what it needs, in the longest form that
/// fits, so the size it asks for is never cut off.
fn too_small(app: &View, area: Rect, buf: &mut Buffer) {
    let (w, h, need_w, need_h) = (area.width, area.height, layout::MIN_WIDTH, layout::MIN_HEIGHT);
    let forms = [
        format!("Terminal too small: {w}x{h} (needs {need_w}x{need_h}); keys wait, q quits"),
        format!("Terminal too small: {w}x{h} (needs {need_w}x{need_h})"),
        format!("Too small: {w}x{h}, needs {need_w}x{need_h}"),
        format!("Needs {need_w}x{need_h}"),
        format!("{need_w}x{need_h}"),
    ];
    let width = usize::from(area.width);
    let notice = forms.iter().find(|form| wrap::width(form) <= width).unwrap_or(&forms[forms.len() - 1]);
    Line::styled(parts::truncate(notice, width), app.theme.warning).render(area, buf);
}

fn title_bar(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let screen = app.screen;
    let tabs = [
        (Tab::Home, " 1 Home ", screen == Screen::Home),
        (Tab::Roadmap, " 2 Roadmap ", matches!(screen, Screen::Roadmap | Screen::Skill(_))),
        (Tab::Search, " / Search ", screen == Screen::Search),
        (Tab::Help, " ? Help ", app.help.is_some()),
    ];
    let mut right: Vec<Span> = Vec::new();
    for (_, label, active) in tabs {
        let style = if active { theme.selected.add_modifier(Modifier::BOLD) } else { theme.dim };
        right.push(Span::styled(label, style));
        right.push(Span::raw(" "));
    }
    let overall = app.derived.tally.overall;
    let left = vec![
        Span::styled(format!(" {} ", wrap::clean(&app.roadmap.title)), theme.title),
        Span::styled(format!("{}% ", overall.percent()), theme.accent),
    ];
    let width = usize::from(area.width);
    let right_width: usize = right.iter().map(|s| wrap::width(&s.content)).sum();
    let alone = right_width + 12 > width;
    let line = if alone { Line::from(right) } else { parts::spread(left, right, width) };
    line.render(area, buf);
    // Each tab is a click target where it was drawn.
    let mut x = if alone { area.x } else { area.x + area.width.saturating_sub(right_width as u16) };
    for (tab, label, _) in tabs {
        let label_width = wrap::width(label) as u16;
        let end = (x + label_width).min(area.right());
        app.record(Rect::new(x, area.y, end.saturating_sub(x), 1), Target::Tab(tab));
        x = end.saturating_add(1);
    }
}

/// The status bar: the message answering the last key, wrapped to as many rows as it needs
/// (up to `most`, the last cut with `…` beyond that), or the key hints.
fn status_lines(app: &View, width: usize, most: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let Some(message) = &app.message else {
        return vec![Line::styled(fit_hints(&hints(app), width), theme.dim)];
    };
    let style = if message.error { theme.error } else { theme.accent };
    let mut lines = wrap::hanging(vec![Span::raw(" ")], &[(message.text.clone(), style)], width);
    if lines.len() > most {
        // Too long to wrap at words (a path, a link): fill every row to its end instead.
        lines = filled(&wrap::clean(&message.text), width.saturating_sub(1).max(1))
            .into_iter()
            .map(|row| Line::styled(format!(" {row}"), style))
            .collect();
    }
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(parts::truncate(&format!("{}…", text.trim_end()), width), style);
        }
    }
    lines
}

/// `text` in rows of `width` columns, at spaces, but a word longer than what is left of a row
/// (a path, a link) starts on it and goes on to the next rather than leaving the row short.
fn filled(text: &str, width: usize) -> Vec<String> {
    let mut rows = vec![String::new()];
    let mut used = 0;
    for word in text.split(' ') {
        let word_width = wrap::width(word);
        let gap = usize::from(used > 0);
        if used > 0 && used + gap + word_width > width && word_width <= width {
            rows.push(String::new());
            used = 0;
        } else if used > 0 {
            rows.last_mut().into_iter().for_each(|row| row.push(' '));
            used += 1;
        }
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width {
                rows.push(String::new());
                used = 0;
            }
            rows.last_mut().into_iter().for_each(|row| row.push(c));
            used += w;
        }
    }
    rows
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
fn hints(app: &View) -> Vec<&'static str> {
    match app.mode() {
        Mode::Home => {
            // The keys for what the selected step asks.
            let act: &[&'static str] = match app.home_items().get(app.home_row).map(|s| s.kind) {
                Some(SuggestionKind::Review) => &["p review quizzes", "v reviewed"],
                Some(SuggestionKind::Milestone) => &["d milestone done"],
                Some(SuggestionKind::Start) => &["s start", "d done"],
                _ => &["d done"],
            };
            let mut hints = vec!["↑↓ select", "Enter open"];
            hints.extend(act);
            hints.extend(["w weekly hours", "2 roadmap", "/ search", "q quit", "? help"]);
            hints
        }
        Mode::Roadmap => match app.map.pane {
            Pane::Phases => vec!["↑↓ phase", "→ skills", "m milestone done", "c core", "H hide done", "? help"],
            Pane::Skills => {
                vec!["↑↓ move", "Enter open", "Space status", "←→ panes", "c core", "H hide done", "Esc back", "? help"]
            }
            Pane::Detail => vec!["↑↓ scroll", "Enter open", "← skills", "Space status", "Esc back", "? help"],
        },
        Mode::Skill => {
            let index = match app.screen {
                crate::app::Screen::Skill(index) => index,
                _ => 0,
            };
            let skill = &app.roadmap.skills[index];
            let mut hints = match app.skill.focus {
                SkillFocus::Text => vec!["↑↓ scroll", "Tab items", "Space status"],
                SkillFocus::Items => vec!["↑↓ select", "Enter tick/open", "Tab text"],
            };
            if skill.question_count > 0 {
                hints.push("p quiz");
            }
            if !skill.checks.is_empty() {
                hints.push("R run checks");
            }
            hints.extend(["n note", "o open link", "Esc back", "? help"]);
            hints
        }
        // `?` is help only until something is typed; then it types, and Esc is the way out.
        Mode::Search if app.search.field.untouched() => {
            vec!["type to search", "Enter open", "↑↓ select", "Ctrl-U clear", "Esc back", "? help"]
        }
        Mode::Search => vec!["Enter open", "↑↓ select", "Ctrl-U clear", "Ctrl-W word", "Esc back"],
        Mode::Help => vec!["↑↓ scroll", "g G top, bottom", "Esc close"],
        Mode::Quiz => quiz::hints(app),
        Mode::Trust => vec!["y trust and run", "↑↓ scroll", "n or Esc: do not trust"],
        Mode::Note => vec!["typing a note", "Enter new line", "Esc done (saved)"],
        Mode::Hours => vec!["hours a week, 0.5 to 168", "Enter keep", "Esc cancel"],
    }
}

fn hours_prompt(app: &View, input: &crate::app::Field, body: Rect, buf: &mut Buffer) {
    let width = body.width.min(50);
    let area = Rect::new(body.x + (body.width - width) / 2, body.y + body.height / 3, width, 5.min(body.height));
    Clear.render(area, buf);
    let block = parts::block(app.theme, " Weekly study hours ", true);
    let mut field = vec![Span::raw("Hours a week: ")];
    field.extend(parts::field(app.theme, input));
    // Until a key is pressed the old value is selected: say that typing replaces it.
    let hint =
        if input.is_selected() { "type to replace · Enter keep · Esc cancel" } else { "Enter keep · Esc cancel" };
    let text = vec![Line::from(field), Line::styled(hint, app.theme.dim)];
    Paragraph::new(text).block(block).wrap(Wrap { trim: false }).render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::fit_hints;

    #[test]
    fn a_long_message_fills_its_rows_breaking_only_long_words() {
        let rows = super::filled("Not saved: Permission denied (/home/learner/.local/share/progress.yaml)", 20);
        assert_eq!(rows, ["Not saved:", "Permission denied (/", "home/learner/.local/", "share/progress.yaml)"]);
    }

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole_and_the_last_stays() {
        let hints = ["↑↓ select", "Enter open", "w weekly hours", "? help"];
        assert_eq!(fit_hints(&hints, 80), " ↑↓ select · Enter open · w weekly hours · ? help");
        assert_eq!(fit_hints(&hints, 40), " ↑↓ select · Enter open · ? help");
        assert_eq!(fit_hints(&hints, 12), " ? help");
    }
}
