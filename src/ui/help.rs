//! Help: every key of the screen underneath, read from the keymap tables themselves, under
//! the name of each table, in a box that scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{View, parts};
use crate::geometry::{Scroll, Target};
use crate::keymap::{self, Mode};
use crate::text::wrap;

/// The help box's lines at an inside width of `width`.
fn lines(app: &View, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let mode = app.screen_mode();
    let sections = keymap::help_sections(mode);
    let key_width = sections.iter().flat_map(|(_, rows)| rows).map(|(k, _)| wrap::width(k)).max().unwrap_or(0).min(16);
    let mut lines = Vec::new();
    // Help on Home also says what the roadmap is: the one place it shows at every size.
    if mode == Mode::Home {
        let roadmap = &app.roadmap;
        lines.extend(wrap::wrap_plain(&roadmap.title, theme.title, width));
        lines.extend(wrap::wrap_plain(&roadmap.summary, theme.text, width));
        if !roadmap.audience.trim().is_empty() {
            lines.extend(wrap::wrap_plain(&format!("For: {}", roadmap.audience), theme.text, width));
        }
        lines.push(Line::raw(""));
    }
    lines.extend(wrap::wrap_plain(&format!("Keys for {}", keymap::mode_name(mode)), theme.title, width));
    let section = |name: &str, rows: &[(String, &str)], lines: &mut Vec<Line<'static>>| {
        lines.push(Line::raw(""));
        lines.extend(wrap::wrap_plain(name, theme.subheading, width));
        for (keys, help) in rows {
            let keys = parts::truncate(keys, key_width);
            let pad = " ".repeat(key_width - wrap::width(&keys) + 2);
            let lead = vec![Span::styled(keys, theme.key), Span::raw(pad)];
            lines.extend(wrap::hanging(lead, &[(help.to_string(), theme.text)], width));
        }
    };
    for (name, rows) in &sections {
        section(name, rows, &mut lines);
    }
    if matches!(mode, Mode::Home | Mode::Roadmap | Mode::Skill | Mode::Search) {
        let mouse = [
            ("click".to_string(), "select what is under it, and focus its pane"),
            ("wheel".to_string(), "scroll the list or text under it"),
        ];
        section("Mouse", &mouse, &mut lines);
    }
    lines
}

/// Where the help box goes in `body`, and its lines.
fn layout(app: &View, body: Rect) -> (Rect, Vec<Line<'static>>) {
    let width = body.width.min(72);
    let lines = lines(app, usize::from(width.saturating_sub(4)));
    let height = body.height.min(lines.len() as u16 + 2);
    let area = Rect::new(body.x + (body.width - width) / 2, body.y + (body.height - height) / 2, width, height);
    (area, lines)
}

pub fn render(app: &View, scroll: u16, body: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let (area, lines) = layout(app, body);
    let rows = usize::from(area.height.saturating_sub(2));
    // Scrolling stops at the last line, and a page keeps one line of context.
    let max = lines.len().saturating_sub(rows);
    app.measure(|g| g.help = Scroll { page: rows.saturating_sub(1).max(1), max });
    app.record(area, Target::Help);
    let scroll = scroll.min(max as u16);
    let below = lines.len().saturating_sub(usize::from(scroll) + rows);
    let mut block = parts::block(theme, " Help · Esc closes ", true);
    if let Some(more) = parts::more_title(theme, usize::from(scroll), below) {
        block = block.title_bottom(more);
    }
    Clear.render(area, buf);
    Paragraph::new(lines).block(block).scroll((scroll, 0)).render(area, buf);
}
