//! Help: every key of the screen underneath, read from the keymap tables themselves.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{parts, wrap};
use crate::app::App;
use crate::keymap;

pub fn render(app: &App, scroll: u16, body: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mode = app.screen_mode();
    let rows = keymap::help_rows(mode);
    let key_width = rows.iter().map(|(k, _)| wrap::width(k)).max().unwrap_or(0).min(24);
    let width = body.width.min(72);
    let height = body.height.min(rows.len() as u16 + 4);
    let area = Rect::new(body.x + (body.width - width) / 2, body.y + (body.height - height) / 2, width, height);
    Clear.render(area, buf);
    let inner_width = usize::from(width.saturating_sub(4));
    let mut lines = vec![Line::styled(format!("Keys on this screen ({mode:?})"), theme.subheading), Line::raw("")];
    for (keys, help) in rows {
        let keys = parts::truncate(&keys, key_width);
        let pad = " ".repeat(key_width - wrap::width(&keys) + 2);
        let text = parts::truncate(help, inner_width.saturating_sub(key_width + 2));
        lines.push(Line::from(vec![Span::styled(keys, theme.key), Span::raw(pad), Span::raw(text)]));
    }
    let max = (lines.len() as u16).saturating_sub(height.saturating_sub(2));
    let block = parts::block(theme, " Help · Esc closes ", true);
    Paragraph::new(lines).block(block).scroll((scroll.min(max), 0)).render(area, buf);
}
