//! A skill's page: the text, and beside it the items: checkpoints to tick, prerequisites and
//! unlocked skills to jump to, resources, and the note (edited in place).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{layout, markdown, parts, wrap};
use crate::app::{App, Item, SkillFocus};

pub fn render(app: &App, index: usize, body: Rect, buf: &mut Buffer) {
    let areas = layout::skill(body);
    header(app, index, areas.header, buf);
    text(app, index, areas.text, buf);
    if app.skill.editor.is_some() {
        note_editor(app, areas.items, buf);
    } else {
        items(app, index, areas.items, buf);
    }
}

fn header(app: &App, index: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let skill = &app.roadmap.skills[index];
    let status = app.progress.status(&skill.id);
    let width = usize::from(area.width);
    let left = vec![
        Span::styled(format!("{} ", parts::status_glyph(status)), parts::status_style(theme, status)),
        Span::styled(skill.title.clone(), theme.title),
    ];
    let right = vec![
        Span::styled(format!("{status} "), parts::status_style(theme, status)),
        Span::styled(skill.level.to_string(), parts::level_style(theme, skill.level)),
    ];
    parts::spread(left, right, width).render(Rect::new(area.x, area.y, area.width, 1), buf);
    let phase = &app.roadmap.phases[skill.phase].title;
    let meta = format!("{phase} · {} · {} h · {}", skill.kind, skill.hours, app.roadmap.page(index).summary);
    Line::styled(parts::truncate(&meta, width), theme.dim).render(Rect::new(area.x, area.y + 1, area.width, 1), buf);
}

/// How many lines the skill's text takes at this width.
pub fn text_lines(app: &App, index: usize, width: u16) -> usize {
    markdown::render(&app.roadmap.page(index).body, width, &app.theme).lines.len()
}

fn text(app: &App, index: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.skill.focus == SkillFocus::Text && app.skill.editor.is_none();
    let width = layout::inner(area).width;
    let rendered = markdown::render(&app.roadmap.page(index).body, width, theme);
    let visible = usize::from(area.height.saturating_sub(2));
    let max = rendered.lines.len().saturating_sub(visible);
    let scroll = usize::from(app.skill.scroll).min(max);
    let position = (scroll * 100).checked_div(max).map(|percent| format!(" {percent}% ")).unwrap_or_default();
    let block = parts::block(theme, " Text ", focused).title_top(Line::styled(position, theme.dim).right_aligned());
    Paragraph::new(rendered).block(block).scroll((scroll as u16, 0)).render(area, buf);
}

/// The lines of one item row, wrapped to `width` with a hanging indent.
fn item_lines(app: &App, skill: usize, item: Item, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let s = &app.roadmap.skills[skill];
    let record = app.progress.get(&s.id);
    let (lead, text, style) = match item {
        Item::Checkpoint(i) => {
            let ticked = record.is_some_and(|r| r.checkpoints.contains(&i));
            let style = if ticked { theme.done } else { theme.text };
            (if ticked { "[x] " } else { "[ ] " }.to_string(), app.roadmap.page(skill).checkpoints[i].clone(), style)
        }
        Item::Requires(other) | Item::Unlocks(other) => {
            let arrow = if matches!(item, Item::Requires(_)) { "needs " } else { "opens " };
            let status = app.progress.status(&app.roadmap.skills[other].id);
            let lead = format!("{arrow}{} ", parts::status_glyph(status));
            (lead, app.roadmap.skills[other].title.clone(), parts::status_style(theme, status))
        }
        Item::Resource(i) => {
            let resource = &app.roadmap.page(skill).resources[i];
            ("↗ ".to_string(), format!("{} ({}) {}", resource.title, resource.kind, resource.url), theme.link)
        }
        Item::Note => {
            let note = record.map(|r| r.note.trim()).unwrap_or_default();
            if note.is_empty() {
                ("✎ ".to_string(), "Add a note (Enter or n)".to_string(), theme.dim)
            } else {
                ("✎ ".to_string(), note.to_string(), theme.text)
            }
        }
    };
    let hang = wrap::width(&lead);
    let mut lines = wrap::wrap_plain(&text, style, width.saturating_sub(hang).max(1));
    for (i, line) in lines.iter_mut().enumerate() {
        let prefix = if i == 0 { lead.clone() } else { " ".repeat(hang) };
        line.spans.insert(0, Span::styled(prefix, theme.accent));
    }
    lines
}

/// The first item shown so the selected one is visible, given each item's height.
fn first_shown(heights: &[usize], selected: usize, rows: usize) -> usize {
    if heights.iter().sum::<usize>() <= rows || selected >= heights.len() {
        return 0;
    }
    let mut start = selected;
    let mut used = heights[selected];
    while start > 0 && used + heights[start - 1] <= rows {
        start -= 1;
        used += heights[start];
    }
    start
}

/// The item drawn at screen row `row` inside `inner`, for mouse clicks.
pub fn item_at(app: &App, skill: usize, inner: Rect, row: u16) -> Option<usize> {
    let items = app.skill_items(skill);
    let width = usize::from(inner.width);
    let heights: Vec<usize> = items.iter().map(|&item| item_lines(app, skill, item, width).len()).collect();
    let mut y = usize::from(inner.y);
    for (index, height) in
        heights.iter().enumerate().skip(first_shown(&heights, app.skill.item, usize::from(inner.height)))
    {
        if (y..y + height).contains(&usize::from(row)) {
            return Some(index);
        }
        y += height;
    }
    None
}

fn items(app: &App, skill: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let focused = app.skill.focus == SkillFocus::Items;
    let block = parts::block(theme, " Checkpoints · links · note ", focused);
    let inner = block.inner(area);
    block.render(area, buf);
    let items = app.skill_items(skill);
    let width = usize::from(inner.width);
    let rendered: Vec<Vec<Line>> = items.iter().map(|&item| item_lines(app, skill, item, width)).collect();
    let heights: Vec<usize> = rendered.iter().map(Vec::len).collect();
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    for (index, lines) in
        rendered.into_iter().enumerate().skip(first_shown(&heights, app.skill.item, usize::from(inner.height)))
    {
        for line in lines {
            if y >= bottom {
                return;
            }
            let row = Rect::new(inner.x, y, inner.width, 1);
            if index == app.skill.item {
                let style =
                    if focused { theme.selected } else { theme.selected.add_modifier(ratatui::style::Modifier::DIM) };
                buf.set_style(row, style);
                line.patch_style(style).render(row, buf);
            } else {
                line.render(row, buf);
            }
            y += 1;
        }
    }
}

fn note_editor(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(editor) = &app.skill.editor else { return };
    let block = parts::block(theme, " Note · Esc keeps it ", true);
    let inner = block.inner(area);
    block.render(area, buf);
    // Long lines are shown from where the cursor is, so typing stays visible.
    let rows = usize::from(inner.height);
    let first = editor.row.saturating_sub(rows.saturating_sub(1));
    let width = usize::from(inner.width);
    for (y, (index, line)) in editor.lines.iter().enumerate().skip(first).take(rows).enumerate() {
        let chars: Vec<char> = wrap::clean(line).chars().collect();
        let start = if index == editor.row { editor.col.saturating_sub(width.saturating_sub(1)) } else { 0 };
        let shown: String = chars.iter().skip(start).collect();
        let row = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
        Line::raw(parts::truncate(&shown, width)).render(row, buf);
        if index == editor.row {
            let before: String = chars[start..editor.col.min(chars.len())].iter().collect();
            let x = inner.x + (wrap::width(&before) as u16).min(inner.width.saturating_sub(1));
            buf.set_style(Rect::new(x, row.y, 1, 1), theme.selected);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_shown;

    #[test]
    fn the_selected_item_is_always_inside_the_window() {
        let heights = [1, 3, 2, 1, 4, 1];
        for selected in 0..heights.len() {
            for rows in 4..12 {
                let start = first_shown(&heights, selected, rows);
                assert!(start <= selected);
                assert!(heights[start..=selected].iter().sum::<usize>() <= rows.max(heights[selected]));
            }
        }
    }
}
