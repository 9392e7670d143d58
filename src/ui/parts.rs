//! Small pieces every screen uses: status glyphs, level badges, progress bars, blocks, and
//! lists that build only their visible rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use super::layout;
use super::theme::Theme;
use crate::app::Field;
use crate::content::Level;
use crate::progress::{Counts, Status};
use crate::text::wrap;

/// A glyph per status, distinct without color.
pub fn status_glyph(status: Status) -> &'static str {
    match status {
        Status::Todo => "○",
        Status::Doing => "◐",
        Status::Done => "●",
        Status::Skipped => "⊘",
    }
}

pub fn status_style(theme: &Theme, status: Status) -> Style {
    match status {
        Status::Todo => theme.todo,
        Status::Doing => theme.doing,
        Status::Done => theme.done,
        Status::Skipped => theme.skipped,
    }
}

pub fn level_style(theme: &Theme, level: Level) -> Style {
    match level {
        Level::Core => theme.core,
        Level::Stretch => theme.stretch,
        Level::Deep => theme.deep,
    }
}

/// A bar of `cells` cells, filled in proportion; `█` and `░` read without color too.
pub fn bar(theme: &Theme, counts: &Counts, cells: usize) -> Vec<Span<'static>> {
    let filled = ((counts.ratio() * cells as f64).round() as usize).min(cells);
    vec![Span::styled("█".repeat(filled), theme.gauge), Span::styled("░".repeat(cells - filled), theme.dim)]
}

/// A bordered block; the focused one stands out (color, or bold double lines without color).
pub fn block<'a>(theme: &Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let (style, kind) =
        if focused { (theme.border_focused, BorderType::Thick) } else { (theme.border, BorderType::Plain) };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(title)
        .padding(ratatui::widgets::Padding::horizontal(1))
}

pub use crate::text::wrap::truncate;

/// Shortens `text` to `width` columns, at a word boundary when that keeps most of it, so
/// "Architecture and production readiness" reads "Architecture and…".
pub fn truncate_words(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    if cut == text {
        return cut;
    }
    let kept = cut.trim_end_matches('…');
    match kept.rfind(' ') {
        Some(space) if wrap::width(&kept[..space]) * 3 >= width * 2 => format!("{}…", kept[..space].trim_end()),
        _ => cut,
    }
}

/// A one-line box's text: its old value shown selected (typing replaces it), else the text
/// with the cursor on the character it is before (a block after the end).
pub fn field(theme: &Theme, field: &Field) -> Vec<Span<'static>> {
    let text = wrap::clean(field.text()).into_owned();
    if field.is_selected() {
        return vec![Span::styled(text, theme.selected), Span::raw(" ")];
    }
    let chars: Vec<char> = text.chars().collect();
    let at = field.cursor().min(chars.len());
    let before: String = chars[..at].iter().collect();
    let under = chars.get(at).map_or(" ".to_string(), char::to_string);
    let after: String = chars.get(at + 1..).map_or(String::new(), |rest| rest.iter().collect());
    vec![Span::styled(before, theme.accent), Span::styled(under, theme.selected), Span::styled(after, theme.accent)]
}

/// A block's bottom title saying how much of a list is out of sight, if any is.
pub fn more_title(theme: &Theme, above: usize, below: usize) -> Option<Line<'static>> {
    let text = match (above, below) {
        (0, 0) => return None,
        (0, below) => format!(" ↓ {below} more "),
        (above, 0) => format!(" ↑ {above} more "),
        (above, below) => format!(" ↑ {above} · ↓ {below} more "),
    };
    Some(Line::styled(text, theme.dim).right_aligned())
}

/// Draws a one-line-per-row list in `area` (inside its border), building only the rows that
/// show. `row(i, width)` makes row `i`; the selected row is highlighted. Returns where each
/// shown row went.
pub fn list(
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    len: usize,
    selected: Option<usize>,
    focused: bool,
    row: impl Fn(usize, usize) -> Line<'static>,
) -> Vec<(Rect, usize)> {
    let rows = usize::from(area.height);
    let offset = layout::list_offset(selected.unwrap_or(0), len, rows);
    let mut drawn = Vec::with_capacity(rows.min(len));
    for (y, index) in (offset..len.min(offset + rows)).enumerate() {
        let line_area = Rect::new(area.x, area.y + y as u16, area.width, 1);
        drawn.push((line_area, index));
        let mut line = row(index, usize::from(area.width));
        if Some(index) == selected {
            let highlight =
                if focused { theme.selected } else { theme.selected.add_modifier(ratatui::style::Modifier::DIM) };
            line = line.patch_style(highlight);
            buf.set_style(line_area, highlight);
        }
        line.render(line_area, buf);
    }
    drawn
}

/// Draws `lines` into `area` from its top, one per row, as many as fit.
pub fn lines(lines: impl IntoIterator<Item = Line<'static>>, area: Rect, buf: &mut Buffer) {
    for (y, line) in lines.into_iter().take(usize::from(area.height)).enumerate() {
        line.render(Rect::new(area.x, area.y + y as u16, area.width, 1), buf);
    }
}

/// Left text and right text on one line of `width`, the left shortened if they collide.
pub fn spread(left: Vec<Span<'static>>, right: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let right_width: usize = right.iter().map(|s| wrap::width(&s.content)).sum();
    let room = width.saturating_sub(right_width + 1);
    let mut used = 0;
    let mut spans = Vec::new();
    for span in left {
        let w = wrap::width(&span.content);
        if used + w > room {
            spans.push(Span::styled(truncate(&span.content, room.saturating_sub(used)), span.style));
            used = room;
            break;
        }
        used += w;
        spans.push(span);
    }
    if right_width > 0 && width > right_width {
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used + right_width))));
        spans.extend(right);
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_prefers_word_boundaries() {
        assert_eq!(truncate_words("Architecture and production readiness", 19), "Architecture and…");
        assert_eq!(truncate_words("Application builder", 19), "Application builder");
        assert_eq!(truncate_words("Supercalifragilistic word", 10), "Supercali…");
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
    }
}
