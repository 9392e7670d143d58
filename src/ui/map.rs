//! The Roadmap screen: phases | skills of the phase | detail of the selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Paragraph, Widget};

use super::layouts::Key;
use super::{View, layout, markdown, parts};
use crate::app::Pane;
use crate::geometry::{Scroll, Target};
use crate::progress::Status;
use crate::text::wrap;

pub fn render(app: &View, area: Rect, buf: &mut Buffer) {
    let areas = layout::map(area);
    if areas.stacked {
        phase_picker(app, areas.phases, buf);
    } else {
        phases(app, areas.phases, buf);
    }
    skills(app, areas.skills, buf);
    detail(app, areas.detail, buf);
}

fn phases(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let focused = app.map.pane == Pane::Phases;
    let mut block = parts::block(theme, " Phases ", focused);
    let inner = block.inner(area);
    let (len, rows) = (app.roadmap.phases.len(), usize::from(inner.height));
    let offset = layout::list_offset(app.map.phase, len, rows);
    if let Some(more) = parts::more_title(theme, offset, len.saturating_sub(offset + rows)) {
        block = block.title_bottom(more);
    }
    block.render(area, buf);
    app.record(area, Target::Phases);
    let rows =
        parts::list(inner, buf, theme, app.roadmap.phases.len(), Some(app.map.phase), focused, |index, width| {
            let phase = &app.roadmap.phases[index];
            let counts = app.derived.tally.phases[index];
            let count = format!("{}/{}", counts.complete(), counts.total);
            // A long name gives way at a word, before the count does.
            let name = parts::truncate_words(&phase.title, width.saturating_sub(wrap::width(&count) + 1));
            parts::spread(vec![Span::raw(name)], vec![Span::styled(count, theme.dim)], width)
        });
    for (row, index) in rows {
        app.record(row, Target::Phase(index));
    }
}

/// Narrow terminals: one line, `◀ Foundations 5/18 ▶`.
fn phase_picker(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let phase = &app.roadmap.phases[app.map.phase];
    let counts = app.derived.tally.phases[app.map.phase];
    let style = if app.map.pane == Pane::Phases { theme.selected } else { theme.title };
    let text = format!("◀ {} {}/{} ▶", wrap::clean(&phase.title), counts.complete(), counts.total);
    Line::styled(parts::truncate(&text, usize::from(area.width)), style).render(area, buf);
    let half = area.width / 2;
    app.record(Rect::new(area.x, area.y, half, area.height), Target::PhasePrevious);
    app.record(Rect::new(area.x + half, area.y, area.width - half, area.height), Target::PhaseNext);
}

fn skills(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let focused = app.map.pane == Pane::Skills;
    let phase = &app.roadmap.phases[app.map.phase];
    let visible = app.visible_skills(app.map.phase);
    // The filters always show in the title, in short words when room is short; the phase's
    // name gives way first.
    let room = usize::from(area.width.saturating_sub(2));
    let active = [(app.map.core_only, "· core only ", "· core "), (app.map.hide_done, "· hiding done ", "· no done ")];
    let active: Vec<(&str, &str)> = active.iter().filter(|f| f.0).map(|f| (f.1, f.2)).collect();
    let long: String = active.iter().map(|f| f.0).collect();
    let filters = if wrap::width(&long) + 10 <= room { long } else { active.iter().map(|f| f.1).collect() };
    let name = parts::truncate_words(&phase.title, room.saturating_sub(wrap::width(&filters) + 2).max(1));
    let title = vec![Span::raw(format!(" {name} ")), Span::styled(filters, theme.accent)];
    let mut block = parts::block(theme, Line::from(title), focused);
    let inner = block.inner(area);
    let rows = usize::from(inner.height);
    // Skills out of sight are counted in the border, as on every list.
    let offset = layout::list_offset(app.map.row, visible.len(), rows);
    if let Some(more) = parts::more_title(theme, offset, visible.len().saturating_sub(offset + rows)) {
        block = block.title_bottom(more);
    }
    block.render(area, buf);
    app.record(area, Target::MapSkills);
    app.measure(|g| g.map_skills_page = rows);
    if visible.is_empty() {
        let why = if phase.skills.is_empty() {
            "This phase has no skills.".to_string()
        } else {
            // Each filter that hides skills here, and the key that shows them again.
            let keys: Vec<&str> =
                [(app.map.core_only, "c shows every level"), (app.map.hide_done, "H shows done ones")]
                    .iter()
                    .filter(|f| f.0)
                    .map(|f| f.1)
                    .collect();
            format!("Nothing left here with these filters: {}.", keys.join(", "))
        };
        parts::lines(wrap::wrap_plain(&why, theme.dim, usize::from(inner.width)), inner, buf);
        return;
    }
    let rows = parts::list(inner, buf, theme, visible.len(), Some(app.map.row), focused, |row, width| {
        let index = visible[row];
        let skill = &app.roadmap.skills[index];
        let status = app.derived.tally.status(index);
        let locked = !status.is_complete() && !app.derived.tally.prerequisites_met(&app.roadmap, index);
        // The level in words at every width: a letter would need a legend.
        let level = skill.level.to_string();
        let mut right = Vec::new();
        if locked {
            right.push(Span::styled("locked ", theme.locked));
        }
        right.push(Span::styled(level, parts::level_style(theme, skill.level)));
        let title_style = if locked { theme.locked } else { parts::status_style(theme, status) };
        let left = vec![
            Span::styled(format!("{} ", parts::status_glyph(status)), parts::status_style(theme, status)),
            Span::styled(skill.title.clone(), title_style),
        ];
        parts::spread(left, right, width)
    });
    for (rect, row) in rows {
        app.record(rect, Target::MapSkill(row));
    }
}

/// What the detail pane shows: the phase (while the phase list has the keys, or when no
/// skill is shown), else the selected skill.
fn detail_text(app: &View, width: u16) -> (&'static str, Text<'static>) {
    match (app.map.pane, app.map_selected_skill()) {
        (Pane::Phases, _) | (_, None) => (" Phase ", phase_text(app, width)),
        (_, Some(skill)) => (" Detail ", skill_text(app, skill, width)),
    }
}

fn detail(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let focused = app.map.pane == Pane::Detail;
    let (title, text) = detail_text(app, layout::inner(area).width);
    let visible = usize::from(area.height.saturating_sub(2));
    let last = text.lines.len().saturating_sub(visible);
    app.record(area, Target::MapDetail);
    app.measure(|g| g.map_detail = Scroll { page: visible.saturating_sub(1).max(1), max: last });
    let scroll = usize::from(app.map.detail_scroll).min(last);
    let mut block = parts::block(theme, title, focused);
    if let Some(percent) = (scroll * 100).checked_div(last) {
        block = block.title_top(Line::styled(format!(" {percent}% "), theme.dim).right_aligned());
    }
    Paragraph::new(text).block(block).scroll((scroll as u16, 0)).render(area, buf);
}

/// The selected phase: its goal, milestone, and intro.
fn phase_text(app: &View, width: u16) -> Text<'static> {
    let theme = app.theme;
    let phase = &app.roadmap.phases[app.map.phase];
    let mut lines = wrap::wrap_plain(&phase.title, theme.title, usize::from(width));
    lines.extend(wrap::wrap_plain(&phase.goal, theme.text, usize::from(width)));
    if let Some(milestone) = &phase.milestone {
        let status = app.progress.milestone_status(&phase.id);
        lines.push(Line::raw(""));
        let mark = if status == Status::Done { "★ done" } else { "m: mark done" };
        let heading = [("Milestone ".to_string(), theme.subheading), (mark.to_string(), theme.dim)];
        lines.extend(wrap::wrap(&heading, usize::from(width)).into_iter().map(wrap::to_line));
        lines.extend(wrap::wrap_plain(&milestone.title, theme.accent, usize::from(width)));
        lines.extend(
            app.layouts
                .get(Key::Milestone(app.map.phase), width, || markdown::render(&milestone.description, width, theme))
                .lines
                .iter()
                .cloned(),
        );
        if !milestone.checks.is_empty() {
            let target = crate::suggest::Target::Milestone(app.map.phase);
            lines.push(Line::raw(""));
            let heading = super::checks::summary(app, target).unwrap_or_default();
            lines.extend(wrap::wrap_plain(&heading, theme.subheading, usize::from(width)));
            for index in 0..milestone.checks.len() {
                lines.extend(super::checks::lines(app, target, index, usize::from(width)));
            }
        }
    }
    lines.push(Line::raw(""));
    let intro = app.layouts.get(Key::PhaseIntro(app.map.phase), width, || markdown::render(&phase.intro, width, theme));
    lines.extend(intro.lines.iter().cloned());
    Text::from(lines)
}

/// A skill in brief: summary, level, prerequisites and what it unlocks.
pub fn skill_text(app: &View, index: usize, width: u16) -> Text<'static> {
    let theme = app.theme;
    let w = usize::from(width);
    let skill = &app.roadmap.skills[index];
    let record = app.progress.get(&skill.id).cloned().unwrap_or_default();
    let mut lines = wrap::wrap_plain(&skill.title, theme.title, w);
    lines.extend(wrap::wrap_plain(&app.roadmap.page(index).summary, theme.text, w));
    let status = if record.tested_out && record.status == crate::progress::Status::Done {
        "done (tested out)".to_string()
    } else {
        record.status.to_string()
    };
    let mut meta = format!("{} · {} · {} h · {status}", skill.level, skill.kind, skill.hours);
    if let Some(date) = record.finished {
        meta.push_str(&format!(" {date}"));
    } else if let Some(date) = record.started {
        meta.push_str(&format!(" since {date}"));
    }
    lines.extend(wrap::wrap_plain(&meta, theme.dim, w));
    let linked = |label: &str, ids: &[usize], lines: &mut Vec<Line<'static>>| {
        if ids.is_empty() {
            return;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(label.to_string(), theme.subheading));
        for &other in ids {
            let status = app.derived.tally.status(other);
            let text = format!("{} {}", parts::status_glyph(status), app.roadmap.skills[other].title);
            lines.extend(wrap::wrap_plain(&text, parts::status_style(theme, status), w));
        }
    };
    linked("Requires", &skill.requires, &mut lines);
    linked("Unlocks", app.roadmap.unlocks(index), &mut lines);
    if let Some(checks) = super::checks::summary(app, crate::suggest::Target::Skill(index)) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(checks, theme.subheading));
    }
    if skill.checkpoint_count > 0 {
        lines.push(Line::raw(""));
        let ticked = record.checkpoints.iter().filter(|&&c| c < skill.checkpoint_count).count();
        lines.push(Line::styled(format!("Checkpoints {ticked}/{}", skill.checkpoint_count), theme.subheading));
    }
    if !record.note.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Note", theme.subheading));
        lines.extend(wrap::wrap_plain(&record.note, theme.text, w));
    }
    lines.push(Line::raw(""));
    lines.extend(wrap::wrap_plain("Enter: open the full page", theme.dim, w));
    Text::from(lines)
}
