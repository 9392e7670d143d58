//! Home: overall and per-phase progress, the next steps with their reasons, recent activity.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{layout, parts, wrap};
use crate::app::App;
use crate::progress::{Date, Status};
use crate::suggest::{self, SuggestionKind, Target};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let areas = layout::home(area, app.roadmap.phases.len() as u16);
    progress(app, areas.progress, buf);
    if areas.now.height > 2 {
        now(app, areas.now, buf);
    }
    steps(app, areas.steps, buf);
    if areas.activity.height > 2 {
        activity(app, areas.activity, buf);
    }
}

fn progress(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let block = parts::block(theme, " Progress ", false);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let name_width = app.roadmap.phases.iter().map(|p| wrap::width(&p.title)).max().unwrap_or(0).min(width / 3).max(7);
    let row = |name: &str, counts: crate::progress::Counts, bold: bool, marker: &str| {
        let numbers = format!(" {:>3}/{:<3} {:>3}%", counts.complete(), counts.total, counts.percent());
        let cells = width.saturating_sub(name_width + wrap::width(&numbers) + 3).max(3);
        let name = parts::truncate(name, name_width);
        let pad = " ".repeat(name_width - wrap::width(&name));
        let style = if bold { theme.title } else { theme.text };
        let mut spans = vec![Span::styled(format!("{name}{pad} "), style)];
        spans.extend(parts::bar(theme, &counts, cells));
        spans.push(Span::raw(numbers));
        spans.push(Span::styled(format!(" {marker}"), theme.done));
        Line::from(spans)
    };
    let overall = app.progress.counts(&app.roadmap.skills);
    let mut lines = vec![row("Overall", overall, true, "")];
    for (index, phase) in app.roadmap.phases.iter().enumerate() {
        let counts = app.progress.counts(app.roadmap.phase_skills(index));
        let milestone_done = app.progress.milestone_status(&phase.id) == Status::Done;
        lines.push(row(&phase.title, counts, false, if milestone_done { "★" } else { "" }));
    }
    lines.push(Line::raw(""));
    lines.push(summary(app, overall));
    for (y, line) in lines.into_iter().take(usize::from(inner.height)).enumerate() {
        line.render(Rect::new(inner.x, inner.y + y as u16, inner.width, 1), buf);
    }
}

fn summary(app: &App, counts: crate::progress::Counts) -> Line<'static> {
    let mut text = format!("{} of {} complete", counts.complete(), counts.total);
    if counts.doing > 0 {
        text.push_str(&format!(" · {} in progress", counts.doing));
    }
    Line::styled(text, app.theme.dim)
}

/// The phase the learner is in: the earliest with open core skills, else any open skill.
fn current_phase(app: &App) -> Option<usize> {
    suggest::current_phase(&app.roadmap, &app.progress).or_else(|| {
        (0..app.roadmap.phases.len())
            .find(|&p| app.roadmap.phase_skills(p).iter().any(|s| !app.progress.status(&s.id).is_complete()))
    })
}

fn now(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(index) = current_phase(app) else {
        let block = parts::block(theme, " Now ", false);
        Paragraph::new("Every phase is complete. Time to apply!").block(block).render(area, buf);
        return;
    };
    let phase = &app.roadmap.phases[index];
    let block = parts::block(theme, format!(" Now: {} ", phase.title), false);
    let width = usize::from(layout::inner(area).width);
    let mut lines = wrap::wrap_plain(&phase.goal, theme.text, width);
    match suggest::pace(&app.roadmap, &app.progress, app.today) {
        Some(pace) => {
            let phase_end = pace.phases.iter().find(|p| p.phase == index).map(|p| p.finish);
            let mut text = format!("At {} h a week:", pace.weekly_hours);
            if let Some(date) = phase_end {
                text.push_str(&format!(" {} by {date},", phase.title));
            }
            text.push_str(&format!(" the core path by {}.", pace.core_finish));
            lines.extend(wrap::wrap_plain(&text, theme.accent, width));
        }
        None => lines.push(Line::styled("Press w to set your weekly hours and see finish dates.", theme.dim)),
    }
    if let Some(milestone) = &phase.milestone {
        let done = app.progress.milestone_status(&phase.id) == Status::Done;
        lines.push(Line::styled(if done { "Milestone done ★" } else { "Milestone" }, theme.subheading));
        lines.extend(wrap::wrap_plain(&milestone.title, theme.accent, width));
        lines.extend(wrap::wrap_plain(&milestone.description, theme.dim, width));
    }
    Paragraph::new(lines).block(block).render(area, buf);
}

fn steps(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let block = parts::block(theme, " Next steps ", true);
    let inner = block.inner(area);
    block.render(area, buf);
    let items = app.home_items();
    let width = usize::from(inner.width);
    // Warnings sit at the foot of the list, one line each, as many as leave two rows of steps.
    let warnings: Vec<Line> = app
        .advice
        .warnings
        .iter()
        .take(usize::from(inner.height.saturating_sub(4)))
        .map(|w| Line::styled(parts::truncate(&format!("⚠ {}", w.message), width), theme.warning))
        .collect();
    let list_height = inner.height - warnings.len() as u16;
    for (y, line) in warnings.into_iter().enumerate() {
        line.render(Rect::new(inner.x, inner.y + list_height + y as u16, inner.width, 1), buf);
    }
    if items.is_empty() {
        let done = app.progress.counts(&app.roadmap.skills);
        let text = if done.complete() == done.total {
            "Every skill is done or skipped. Well done!"
        } else {
            "Nothing can be started now: finish or skip what open skills require."
        };
        Line::styled(text, theme.dim).render(inner, buf);
        return;
    }
    let rows = usize::from(list_height / 2);
    let offset = layout::list_offset(app.home_row, items.len(), rows);
    for (slot, index) in (offset..items.len().min(offset + rows)).enumerate() {
        let item = items[index];
        let y = inner.y + (slot * 2) as u16;
        let title_area = Rect::new(inner.x, y, inner.width, 1);
        let (glyph, glyph_style, badge) = match item.target {
            Target::Skill(skill) => {
                let skill = &app.roadmap.skills[skill];
                let status = app.progress.status(&skill.id);
                let badge = Span::styled(format!("  {}", skill.level), parts::level_style(theme, skill.level));
                (parts::status_glyph(status), parts::status_style(theme, status), badge)
            }
            Target::Milestone(_) => ("★", theme.accent, Span::styled("  milestone", theme.accent)),
        };
        let mut title = Line::from(vec![
            Span::styled(format!("{glyph} "), glyph_style),
            Span::styled(parts::truncate(item.target.title(&app.roadmap), width.saturating_sub(14)), theme.subheading),
            badge,
        ]);
        if index == app.home_row {
            buf.set_style(title_area, theme.selected);
            title = title.patch_style(theme.selected);
        }
        title.render(title_area, buf);
        let kind = match item.kind {
            SuggestionKind::Continue => "Continue",
            SuggestionKind::Start => "Start",
            SuggestionKind::Milestone => "Build",
            SuggestionKind::Review => "Review",
        };
        let reason = parts::truncate(&format!("  {kind}: {}", item.reason), width);
        Line::styled(reason, theme.dim).render(Rect::new(inner.x, y + 1, inner.width, 1), buf);
    }
}

/// The latest dated changes: finishing and starting skills, newest first.
pub fn recent(app: &App, limit: usize) -> Vec<(Date, &'static str, usize)> {
    let mut events: Vec<(Date, &'static str, usize)> = Vec::new();
    for (index, skill) in app.roadmap.skills.iter().enumerate() {
        let Some(record) = app.progress.get(&skill.id) else { continue };
        if let (Status::Done, Some(date)) = (record.status, record.finished) {
            events.push((date, "done", index));
        }
        // A skill started and finished the same day shows once, as done.
        let same_day = record.status == Status::Done && record.finished == record.started;
        if let Some(date) = record.started.filter(|_| record.status != Status::Todo && !same_day) {
            events.push((date, "started", index));
        }
        if let Some(date) = record.reviewed {
            events.push((date, "reviewed", index));
        }
    }
    events.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
    events.truncate(limit);
    events
}

fn activity(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let block = parts::block(theme, " Recent activity ", false);
    let inner = block.inner(area);
    block.render(area, buf);
    let events = recent(app, usize::from(inner.height));
    if events.is_empty() {
        Line::styled("Nothing yet: start a skill with s, finish it with d.", theme.dim).render(inner, buf);
        return;
    }
    for (y, (date, verb, skill)) in events.into_iter().enumerate() {
        let title = &app.roadmap.skills[skill].title;
        let line = Line::from(vec![
            Span::styled(format!("{date}  "), theme.dim),
            Span::styled(format!("{verb:<9}"), theme.accent),
            Span::raw(parts::truncate(title, usize::from(inner.width).saturating_sub(22))),
        ]);
        line.render(Rect::new(inner.x, inner.y + y as u16, inner.width, 1), buf);
    }
}
