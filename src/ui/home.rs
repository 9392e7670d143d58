//! Home: overall and per-phase progress with the pace projection, the next steps with their
//! reasons, the phase you are in with its milestone, recent activity. Text wraps rather than
//! being cut: a reason or a warning is the point of the line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::HomeAreas;
use super::{View, layout, parts};
use crate::geometry::Target as Hit;
use crate::progress::{Counts, Status};
use crate::suggest::{SuggestionKind, Target};
use crate::text::wrap;

/// A bar shorter than this says little; names give way before it does.
const MIN_BAR: usize = 8;
/// Rows the list of next steps keeps for itself before warnings take any.
const MIN_STEP_ROWS: usize = 4;

/// Where Home's panels go: the geometry of `layout::home`, with the current phase's panel
/// as tall as its text wants at the width it gets.
pub fn areas(app: &View, body: Rect) -> HomeAreas {
    let phases = app.roadmap.phases.len() as u16;
    let probe = layout::home(body, phases, u16::MAX / 2);
    if probe.now.area() == 0 {
        return probe;
    }
    let wanted = now_text(app, usize::from(layout::inner(probe.now).width)).1.len();
    layout::home(body, phases, wanted.min(usize::from(u16::MAX / 2)) as u16)
}

pub fn render(app: &View, area: Rect, buf: &mut Buffer) {
    let areas = areas(app, area);
    progress(app, areas.progress, buf);
    if areas.now.height > 2 {
        now(app, areas.now, buf);
    }
    steps(app, areas.steps, buf);
    if areas.activity.height > 2 {
        activity(app, areas.activity, buf);
    }
}

fn progress(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let block = parts::block(theme, " Progress ", false);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let overall = app.derived.tally.overall;
    let bars = bar_rows(app, overall, width);
    let current = current_phase(app);
    let (long, short) = pace_text(app, current);
    let long = wrap::wrap_plain(&long, theme.accent, width);
    let one_line = if long.len() == 1 {
        long[0].clone()
    } else {
        let short = short.iter().find(|s| wrap::width(s) <= width).unwrap_or(&short[short.len() - 1]);
        Line::styled(parts::truncate(short, width), theme.accent)
    };
    let lines: Vec<Line> = if rows >= bars.len() {
        let room = rows - bars.len();
        let mut lines = bars;
        if room >= long.len() + 2 {
            lines.push(Line::raw(""));
            lines.push(summary(app, overall));
            lines.extend(long);
        } else if room >= long.len() {
            lines.extend(long);
        } else if room > 0 {
            lines.push(one_line);
        }
        lines
    } else if rows >= 2 {
        // Not every phase fits: Overall, the phases from the current one on, and the pace.
        let phases = bars.len() - 1;
        let shown = rows - 2;
        let start = current.unwrap_or(0).min(phases - shown.min(phases));
        let mut rows_of_bars = bars.into_iter();
        let mut lines: Vec<Line> = rows_of_bars.next().into_iter().collect();
        lines.extend(rows_of_bars.skip(start).take(shown));
        lines.push(one_line);
        lines
    } else {
        bars.into_iter().take(rows).collect()
    };
    parts::lines(lines, inner, buf);
}

/// Overall, then one bar per phase: name, bar, done/total, percent, and ★ for a milestone
/// done. Names get the room they need; bars take what is left, down to `MIN_BAR` cells.
fn bar_rows(app: &View, overall: Counts, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let phases = &app.roadmap.phases;
    let digits = overall.total.to_string().len();
    let numbers_width = 2 * digits + 6;
    let marker_width = if phases.iter().any(|p| p.milestone.is_some()) { 2 } else { 0 };
    let longest = phases.iter().map(|p| wrap::width(&p.title)).max().unwrap_or(0).max("Overall".len());
    let name_width = longest.min(width.saturating_sub(numbers_width + marker_width + 2 + MIN_BAR)).max(7);
    let cells = width.saturating_sub(name_width + numbers_width + marker_width + 2).max(3);
    let row = |name: &str, counts: Counts, style: Style, done: bool| {
        let name = parts::truncate_words(name, name_width);
        let pad = " ".repeat(name_width.saturating_sub(wrap::width(&name)));
        let mut spans = vec![Span::styled(format!("{name}{pad} "), style)];
        spans.extend(parts::bar(theme, &counts, cells));
        let (complete, total, percent) = (counts.complete(), counts.total, counts.percent());
        spans.push(Span::raw(format!(" {complete:>digits$}/{total:<digits$} {percent:>3}%")));
        if marker_width > 0 {
            spans.push(Span::styled(if done { " ★" } else { "  " }, theme.done));
        }
        Line::from(spans)
    };
    let mut lines = vec![row("Overall", overall, theme.title, false)];
    for (index, phase) in phases.iter().enumerate() {
        let counts = app.derived.tally.phases[index];
        let done = app.progress.milestone_status(&phase.id) == Status::Done;
        lines.push(row(&phase.title, counts, theme.text, done));
    }
    lines
}

fn summary(app: &View, counts: Counts) -> Line<'static> {
    let mut text = format!("{} of {} complete", counts.complete(), counts.total);
    if counts.doing > 0 {
        text.push_str(&format!(" · {} in progress", counts.doing));
    }
    Line::styled(text, app.theme.dim)
}

/// The pace projection: a sentence, and shorter forms (longest first) for a single line.
fn pace_text(app: &View, current: Option<usize>) -> (String, Vec<String>) {
    let Some(pace) = &app.derived.pace else {
        let long = "Press w to set your weekly hours and see finish dates.";
        return (
            long.to_string(),
            vec!["w: weekly hours, for finish dates".to_string(), "w: weekly hours".to_string()],
        );
    };
    let hours = pace.weekly_hours;
    let date = pace.core_finish;
    let (core, short) = if pace.core_remaining_hours > 0.0 {
        let short = vec![
            format!("At {hours} h/week: core path by {date}"),
            format!("{hours} h/week: core path by {date}"),
            format!("Core path by {date}"),
        ];
        (format!("the core path by {date}"), short)
    } else {
        ("the core path is done".to_string(), vec!["Core path done".to_string()])
    };
    let phase = current.and_then(|index| {
        let phase = pace.phases.iter().find(|p| p.phase == index && p.remaining_hours > 0.0)?;
        Some(format!("{} by {}, ", app.roadmap.phases[index].title, phase.finish))
    });
    (format!("At {hours} h a week: {}{core}.", phase.unwrap_or_default()), short)
}

/// The phase the learner is in: the earliest with open core skills, else any open skill.
fn current_phase(app: &View) -> Option<usize> {
    app.derived.current_phase
}

/// The current phase's panel: its title, and its goal and milestone wrapped to `width`.
fn now_text(app: &View, width: usize) -> (String, Vec<Line<'static>>) {
    let theme = app.theme;
    let Some(index) = current_phase(app) else {
        return (" Now ".to_string(), wrap::wrap_plain("Every phase is complete. Time to apply!", theme.text, width));
    };
    let phase = &app.roadmap.phases[index];
    let mut lines = wrap::wrap_plain(&phase.goal, theme.text, width);
    if let Some(milestone) = &phase.milestone {
        let done = app.progress.milestone_status(&phase.id) == Status::Done;
        lines.push(Line::styled(if done { "Milestone done ★" } else { "Milestone" }, theme.subheading));
        lines.extend(wrap::wrap_plain(&milestone.title, theme.accent, width));
        lines.extend(
            app.layouts
                .get(super::layouts::Key::Milestone(index), width as u16, || {
                    super::markdown::render(&milestone.description, width as u16, theme)
                })
                .lines
                .iter()
                .cloned(),
        );
    }
    (format!(" Now: {} ", phase.title), lines)
}

fn now(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let width = usize::from(layout::inner(area).width);
    let (title, mut lines) = now_text(app, width);
    let rows = usize::from(area.height.saturating_sub(2));
    let mut block = parts::block(theme, title, false);
    if lines.len() > rows && rows > 0 {
        // Cut: say so on the last line, and where the whole text is.
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = last.spans.last().map_or(theme.dim, |s| s.style);
            *last = Line::styled(format!("{}…", parts::truncate(text.trim_end(), width.saturating_sub(1))), style);
        }
        block = block.title_bottom(Line::styled(" more: 2 Roadmap, h ", theme.dim).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    parts::lines(lines, inner, buf);
}

/// The next steps as drawn in a panel's inside: each item's lines, the warnings at the foot,
/// and which items show.
struct Steps {
    items: Vec<StepLines>,
    warnings: Vec<Line<'static>>,
    first: usize,
    /// Items shown whole.
    count: usize,
    /// Whether the title of the item after them fits too (its reason does not).
    peek: bool,
}

struct StepLines {
    title: Vec<Line<'static>>,
    reason: Vec<Line<'static>>,
}

impl StepLines {
    fn height(&self) -> usize {
        self.title.len() + self.reason.len()
    }
}

fn step_lines(app: &View, inner: Rect) -> Steps {
    let theme = app.theme;
    let width = usize::from(inner.width);
    let items: Vec<StepLines> = app
        .home_items()
        .into_iter()
        .map(|item| {
            let (glyph, glyph_style, badge) = match item.target {
                Target::Skill(skill) => {
                    let skill = &app.roadmap.skills[skill];
                    let status = app.progress.status(&skill.id);
                    let badge = (format!("  {}", skill.level), parts::level_style(theme, skill.level));
                    (parts::status_glyph(status), parts::status_style(theme, status), badge)
                }
                Target::Milestone(_) => ("★", theme.accent, ("  milestone".to_string(), theme.accent)),
            };
            let title = (item.target.title(&app.roadmap).to_string(), theme.subheading);
            let mut title = wrap::hanging(vec![Span::styled(format!("{glyph} "), glyph_style)], &[title], width);
            // The badge follows the title, on a line of its own if it must.
            let badge = Span::styled(badge.0, badge.1);
            match title.last_mut() {
                Some(last) if last.width() + badge.width() <= width => last.spans.push(badge),
                _ => title.push(Line::from(vec![Span::raw(" "), badge])),
            }
            let kind = match item.kind {
                SuggestionKind::Continue => "Continue",
                SuggestionKind::Start => "Start",
                SuggestionKind::Milestone => "Build",
                SuggestionKind::Review => "Review",
            };
            let reason = (format!("{kind}: {}", item.reason), theme.dim);
            let reason = wrap::hanging(vec![Span::raw("  ")], &[reason], width);
            StepLines { title, reason }
        })
        .collect();
    // Warnings sit at the foot, whole, as many as leave the list its rows.
    let rows = usize::from(inner.height);
    let keep =
        if items.is_empty() { 1 } else { items.get(app.home_row).map_or(0, StepLines::height).max(MIN_STEP_ROWS) };
    let mut warnings = Vec::new();
    for warning in &app.derived.advice.warnings {
        let lines =
            wrap::hanging(vec![Span::styled("⚠ ", theme.warning)], &[(warning.message.clone(), theme.warning)], width);
        if warnings.len() + lines.len() + keep > rows {
            break;
        }
        warnings.extend(lines);
    }
    let list_rows = rows - warnings.len();
    let heights: Vec<usize> = items.iter().map(StepLines::height).collect();
    let first = layout::first_shown(&heights, app.home_row, list_rows);
    let count = layout::shown_count(&heights, first, list_rows);
    let used: usize = heights[first..first + count].iter().sum();
    let peek = items.get(first + count).is_some_and(|next| used + next.title.len() <= list_rows);
    Steps { items, warnings, first, count, peek }
}

fn steps(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let inner = parts::block(theme, "", true).inner(area);
    let steps = step_lines(app, inner);
    let hidden_below = steps.items.len().saturating_sub(steps.first + steps.count);
    let mut block = parts::block(theme, " Next steps ", true);
    if let Some(more) = parts::more_title(theme, steps.first, hidden_below) {
        block = block.title_bottom(more);
    }
    block.render(area, buf);
    let warnings_top = inner.y + inner.height - steps.warnings.len() as u16;
    parts::lines(steps.warnings, Rect::new(inner.x, warnings_top, inner.width, inner.bottom() - warnings_top), buf);
    if steps.items.is_empty() {
        let done = app.derived.tally.overall;
        let text = if done.complete() == done.total {
            "Every skill is done or skipped. Well done!"
        } else {
            "Nothing can be started now: finish or skip what open skills require."
        };
        parts::lines(wrap::wrap_plain(text, theme.dim, usize::from(inner.width)), inner, buf);
        return;
    }
    app.record(inner, Hit::HomeSteps);
    let mut y = inner.y;
    let shown = steps.count + usize::from(steps.peek);
    for (index, item) in steps.items.into_iter().enumerate().skip(steps.first).take(shown) {
        let selected = index == app.home_row;
        let whole = index < steps.first + steps.count;
        let height = if whole { item.height() } else { item.title.len() };
        let rows = (height as u16).min(warnings_top.saturating_sub(y));
        app.record(Rect::new(inner.x, y, inner.width, rows), Hit::HomeStep(index));
        for line in item.title {
            if y >= warnings_top {
                return;
            }
            let row = Rect::new(inner.x, y, inner.width, 1);
            if selected {
                buf.set_style(row, theme.selected);
                line.patch_style(theme.selected).render(row, buf);
            } else {
                line.render(row, buf);
            }
            y += 1;
        }
        // A reason shows whole or not at all.
        for line in item.reason.into_iter().filter(|_| whole) {
            if y >= warnings_top {
                return;
            }
            line.render(Rect::new(inner.x, y, inner.width, 1), buf);
            y += 1;
        }
    }
}

fn activity(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let block = parts::block(theme, " Recent activity ", false);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let events = &app.derived.activity[..rows.min(app.derived.activity.len())];
    if events.is_empty() {
        let hint = "Nothing yet: start a skill with s, finish it with d.";
        parts::lines(wrap::wrap_plain(hint, theme.dim, width), inner, buf);
        return;
    }
    // Titles wrap under themselves; only whole events are drawn.
    let mut lines: Vec<Line> = Vec::new();
    for &(date, verb, skill) in events {
        let lead = vec![Span::styled(format!("{date}  "), theme.dim), Span::styled(format!("{verb:<9}"), theme.accent)];
        let title = (app.roadmap.skills[skill].title.clone(), theme.text);
        let event = wrap::hanging(lead, &[title], width);
        if !lines.is_empty() && lines.len() + event.len() > rows {
            break;
        }
        lines.extend(event);
    }
    parts::lines(lines, inner, buf);
}
