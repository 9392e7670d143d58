//! Search: the query box, the results (title, phase, where the words matched), a preview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{View, layout, map, parts};
use crate::geometry::Target;
use crate::text::wrap;

pub fn render(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let areas = layout::search(area);
    let count = match app.search.hits.len() {
        1 => "1 skill".to_string(),
        n => format!("{n} skills"),
    };
    let block =
        parts::block(theme, " Search ", true).title_top(Line::styled(format!(" {count} "), theme.dim).right_aligned());
    let input = Line::from(vec![
        Span::styled("/ ", theme.accent),
        Span::raw(app.search.query.clone()),
        Span::styled(" ", theme.selected),
    ]);
    Paragraph::new(input).block(block).render(areas.input, buf);

    let mut block = parts::block(theme, " Results ", false);
    let inner = block.inner(areas.results);
    let rows = usize::from(inner.height / 2);
    let len = app.search.hits.len();
    app.record(areas.results, Target::SearchResults);
    app.measure(|g| g.search_page = rows.max(1));
    let offset = layout::list_offset(app.search.selected, len, rows);
    if let Some(more) = parts::more_title(theme, offset, len.saturating_sub(offset + rows)) {
        block = block.title_bottom(more);
    }
    block.render(areas.results, buf);
    if app.search.hits.is_empty() {
        let text = "No skill matches every word. Try fewer or shorter words.";
        parts::lines(wrap::wrap_plain(text, theme.dim, usize::from(inner.width)), inner, buf);
    }
    let width = usize::from(inner.width);
    for (slot, index) in (offset..app.search.hits.len().min(offset + rows)).enumerate() {
        let hit = &app.search.hits[index];
        let skill = &app.roadmap.skills[hit.skill];
        let status = app.derived.tally.status(hit.skill);
        let y = inner.y + (slot * 2) as u16;
        let first = Rect::new(inner.x, y, inner.width, 1);
        app.record(Rect::new(inner.x, y, inner.width, 2), Target::SearchHit(index));
        // The title comes first; the phase gets what room is left, or none.
        let glyph = format!("{} ", parts::status_glyph(status));
        let room = width.saturating_sub(wrap::width(&glyph) + wrap::width(&skill.title) + 1);
        let phase = &app.roadmap.phases[skill.phase].title;
        let phase = if room >= wrap::width(phase).min(10) { parts::truncate_words(phase, room) } else { String::new() };
        let mut line = parts::spread(
            vec![
                Span::styled(glyph, parts::status_style(theme, status)),
                Span::styled(skill.title.clone(), theme.subheading),
            ],
            vec![Span::styled(phase, theme.dim)],
            width,
        );
        if index == app.search.selected {
            buf.set_style(first, theme.selected);
            line = line.patch_style(theme.selected);
        }
        line.render(first, buf);
        let second = app.search.snippet(hit).unwrap_or_else(|| {
            let page = app.roadmap.page(hit.skill);
            if page.tags.is_empty() {
                page.summary.clone()
            } else {
                format!("{} · {}", page.tags.join(", "), page.summary)
            }
        });
        Line::styled(parts::truncate(&format!("  {second}"), width), theme.dim)
            .render(Rect::new(inner.x, y + 1, inner.width, 1), buf);
    }

    if areas.preview.area() > 0 {
        let block = parts::block(theme, " Preview ", false);
        let width = layout::inner(areas.preview).width;
        let text = match app.search.hits.get(app.search.selected) {
            Some(hit) => map::skill_text(app, hit.skill, width),
            None => "".into(),
        };
        Paragraph::new(text).block(block).render(areas.preview, buf);
    }
}
