//! A skill's page: the text, and beside it the items: checkpoints to tick, prerequisites and
//! unlocked skills to jump to, resources, and the note (edited in place).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::layouts::Key;
use super::{View, layout, markdown, parts};
use crate::app::{Item, SkillFocus};
use crate::geometry::{Scroll, Target};
use crate::text::wrap;

/// Where a skill's page goes: the header as tall as its wrapped summary needs (up to a few
/// rows, fewer on short terminals), the text and the items.
pub fn areas(app: &View, index: usize, body: Rect) -> layout::SkillAreas {
    let most = match body.height {
        0..14 => 0,
        14..26 => 2,
        _ => 3,
    };
    let lines = meta_lines(app, index, usize::from(body.width)).len().min(most);
    layout::skill(body, 1 + lines as u16)
}

pub fn render(app: &View, index: usize, body: Rect, buf: &mut Buffer) {
    let areas = areas(app, index, body);
    header(app, index, areas.header, buf);
    text(app, index, areas.text, buf);
    if app.skill.editor.is_some() {
        note_editor(app, areas.items, buf);
    } else {
        items(app, index, areas.items, buf);
    }
}

/// Phase, kind, hours and the summary, wrapped.
fn meta_lines(app: &View, index: usize, width: usize) -> Vec<Line<'static>> {
    let skill = &app.roadmap.skills[index];
    let phase = &app.roadmap.phases[skill.phase].title;
    let meta = format!("{phase} · {} · {} h · {}", skill.kind, skill.hours, app.roadmap.page(index).summary);
    wrap::wrap_plain(&meta, app.theme.dim, width)
}

fn header(app: &View, index: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let skill = &app.roadmap.skills[index];
    let status = app.derived.tally.status(index);
    let width = usize::from(area.width);
    let left = vec![
        Span::styled(format!("{} ", parts::status_glyph(status)), parts::status_style(theme, status)),
        Span::styled(skill.title.clone(), theme.title),
    ];
    let tested_out =
        app.progress.get(&skill.id).is_some_and(|r| r.tested_out && r.status == crate::progress::Status::Done);
    let verified =
        crate::suggest::evidence(&app.roadmap, &app.progress, crate::suggest::Target::Skill(index)).verified();
    let mut right = Vec::new();
    if verified {
        right.push(Span::styled("✓ verified ", theme.done));
    }
    let shown = if tested_out { "tested out".to_string() } else { status.to_string() };
    right.push(Span::styled(format!("{shown} "), parts::status_style(theme, status)));
    right.push(Span::styled(skill.level.to_string(), parts::level_style(theme, skill.level)));
    parts::spread(left, right, width).render(Rect::new(area.x, area.y, area.width, 1), buf);
    let rows = usize::from(area.height.saturating_sub(1));
    let mut meta = meta_lines(app, index, width);
    if meta.len() > rows && rows > 0 {
        meta.truncate(rows);
        let last: String = meta[rows - 1].spans.iter().map(|s| s.content.as_ref()).collect();
        meta[rows - 1] =
            Line::styled(format!("{}…", parts::truncate(last.trim_end(), width.saturating_sub(1))), theme.dim);
    }
    parts::lines(meta, Rect::new(area.x, area.y + 1, area.width, area.height.saturating_sub(1)), buf);
}

fn text(app: &View, index: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let focused = app.skill.focus == SkillFocus::Text && app.skill.editor.is_none();
    let width = layout::inner(area).width;
    // Laid out once per width; a key only picks the rows to show.
    let rendered =
        app.layouts.get(Key::SkillBody(index), width, || markdown::render(&app.roadmap.page(index).body, width, theme));
    let visible = usize::from(area.height.saturating_sub(2));
    let max = rendered.lines.len().saturating_sub(visible);
    app.record(area, Target::SkillText);
    app.measure(|g| g.skill_text = Scroll { page: visible.max(1), max });
    let scroll = usize::from(app.skill.scroll).min(max);
    let position = (scroll * 100).checked_div(max).map(|percent| format!(" {percent}% ")).unwrap_or_default();
    let block = parts::block(theme, " Text ", focused).title_top(Line::styled(position, theme.dim).right_aligned());
    let shown: Vec<Line<'static>> = rendered.lines.iter().skip(scroll).take(visible).cloned().collect();
    Paragraph::new(shown).block(block).render(area, buf);
}

/// The lines of one item row, wrapped to `width` with a hanging indent.
fn item_lines(app: &View, skill: usize, item: Item, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let s = &app.roadmap.skills[skill];
    let record = app.progress.get(&s.id);
    let (lead, text, style) = match item {
        Item::Check(i) => return super::checks::lines(app, crate::suggest::Target::Skill(skill), i, width),
        Item::Checkpoint(i) => {
            let ticked = record.is_some_and(|r| r.checkpoints.contains(&i));
            let style = if ticked { theme.done } else { theme.text };
            (if ticked { "[x] " } else { "[ ] " }.to_string(), app.roadmap.page(skill).checkpoints[i].clone(), style)
        }
        Item::Requires(other) | Item::Unlocks(other) => {
            let arrow = if matches!(item, Item::Requires(_)) { "needs " } else { "opens " };
            let status = app.derived.tally.status(other);
            let lead = format!("{arrow}{} ", parts::status_glyph(status));
            (lead, app.roadmap.skills[other].title.clone(), parts::status_style(theme, status))
        }
        Item::TextLink(i) => {
            let (words, url) = app.text_links(skill).swap_remove(i);
            ("↗ ".to_string(), format!("{words} (in the text) {url}"), theme.link)
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
    let room = width.saturating_sub(hang).max(1);
    let mut lines = if matches!(item, Item::Checkpoint(_)) {
        wrap::wrap(&markdown::inline(&text, style, theme), room).into_iter().map(wrap::to_line).collect()
    } else {
        wrap::wrap_plain(&text, style, room)
    };
    for (i, line) in lines.iter_mut().enumerate() {
        let prefix = if i == 0 { lead.clone() } else { " ".repeat(hang) };
        line.spans.insert(0, Span::styled(prefix, theme.accent));
    }
    lines
}

fn items(app: &View, skill: usize, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let focused = app.skill.focus == SkillFocus::Items;
    let title = if app.roadmap.skills[skill].checks.is_empty() {
        " Checkpoints · links · note "
    } else {
        " Checkpoints · checks · links · note "
    };
    let mut block = parts::block(theme, title, focused);
    let inner = block.inner(area);
    let items = app.skill_items(skill);
    let width = usize::from(inner.width);
    let rendered: Vec<Vec<Line>> = items.iter().map(|&item| item_lines(app, skill, item, width)).collect();
    let heights: Vec<usize> = rendered.iter().map(Vec::len).collect();
    let first = layout::first_shown(&heights, app.skill.item, usize::from(inner.height));
    let shown = layout::shown_count(&heights, first, usize::from(inner.height));
    if let Some(more) = parts::more_title(theme, first, items.len() - first - shown) {
        block = block.title_bottom(more);
    }
    block.render(area, buf);
    app.record(area, Target::SkillItems);
    app.measure(|g| g.skill_items_page = usize::from(inner.height).max(1));
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    for (index, lines) in rendered.into_iter().enumerate().skip(first) {
        let rows = (lines.len() as u16).min(bottom.saturating_sub(y));
        app.record(Rect::new(inner.x, y, inner.width, rows), Target::SkillItem(index));
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

fn note_editor(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let Some(editor) = &app.skill.editor else { return };
    let block = parts::block(theme, " Note · Esc keeps it ", true);
    let inner = block.inner(area);
    block.render(area, buf);
    app.measure(|g| g.note_width = usize::from(inner.width));
    // Lines wrap as they are typed; the rows shown follow the cursor.
    let width = usize::from(inner.width);
    let rows = editor.screen_rows(width);
    let (cursor_row, cursor_x) = editor.cursor(width);
    let height = usize::from(inner.height);
    let first = cursor_row.saturating_sub(height.saturating_sub(1));
    for (y, &(line, start, end)) in rows.iter().skip(first).take(height).enumerate() {
        let shown: String = wrap::clean(&editor.lines[line]).chars().skip(start).take(end - start).collect();
        let row = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
        Line::raw(shown).render(row, buf);
        if first + y == cursor_row {
            buf.set_style(Rect::new(inner.x + cursor_x as u16, row.y, 1, 1), theme.selected);
        }
    }
}
