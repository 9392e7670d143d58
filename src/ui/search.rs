//! Search: the query box, the results (title, phase, where the words matched), a preview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{layout, map, parts};
use crate::app::App;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
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

    let block = parts::block(theme, " Results ", false);
    let inner = block.inner(areas.results);
    block.render(areas.results, buf);
    if app.search.hits.is_empty() {
        Line::styled("No skill matches every word. Try fewer or shorter words.", theme.dim).render(inner, buf);
    }
    let rows = usize::from(inner.height / 2);
    let offset = layout::list_offset(app.search.selected, app.search.hits.len(), rows);
    let width = usize::from(inner.width);
    for (slot, index) in (offset..app.search.hits.len().min(offset + rows)).enumerate() {
        let hit = &app.search.hits[index];
        let skill = &app.roadmap.skills[hit.skill];
        let status = app.progress.status(&skill.id);
        let y = inner.y + (slot * 2) as u16;
        let first = Rect::new(inner.x, y, inner.width, 1);
        let phase = &app.roadmap.phases[skill.phase].title;
        let mut line = parts::spread(
            vec![
                Span::styled(format!("{} ", parts::status_glyph(status)), parts::status_style(theme, status)),
                Span::styled(skill.title.clone(), theme.subheading),
            ],
            vec![Span::styled(phase.clone(), theme.dim)],
            width,
        );
        if index == app.search.selected {
            buf.set_style(first, theme.selected);
            line = line.patch_style(theme.selected);
        }
        line.render(first, buf);
        let second = hit.snippet.clone().unwrap_or_else(|| {
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
