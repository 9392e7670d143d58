//! Home: overall and per-phase progress with the pace projection, the next steps with their
//! reasons, the phase you are in with its milestone, recent activity. Text wraps rather than
//! being cut: a reason or a warning is the point of the line.

mod steps;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use self::steps::{steps, steps_wanted};
use super::layout::HomeAreas;
use super::layouts::Key;
use super::{View, layout, markdown, parts};
use crate::progress::{Counts, Status};
use crate::text::wrap;

/// A bar shorter than this says little; names give way before it does.
const MIN_BAR: usize = 8;

/// Where Home's panels go: the geometry of `layout::home`, with the current phase's panel
/// and the list of next steps sharing their column by how many lines each wants at the width
/// it gets.
pub fn areas(app: &View, body: Rect) -> HomeAreas {
    let phases = app.roadmap.phases.len() as u16;
    let tall = u16::MAX / 2;
    let probe = layout::home(body, phases, tall, 0);
    if probe.now.area() == 0 {
        return probe;
    }
    let width = usize::from(layout::inner(probe.now).width);
    let lines = |n: usize| n.min(usize::from(tall)) as u16;
    let now = lines(now_text(app, width).1.len());
    layout::home(body, phases, now, lines(steps_wanted(app, width, usize::from(body.height))))
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
    // Rows to spare (a tall terminal) show the phase's introduction too, as the Roadmap does.
    if let Some(index) = current_phase(app)
        && rows >= lines.len() + 3
    {
        let phase = &app.roadmap.phases[index];
        let intro = app
            .layouts
            .get(Key::PhaseIntro(index), width as u16, || markdown::render(&phase.intro, width as u16, theme));
        if !intro.lines.is_empty() {
            lines.push(Line::raw(""));
            lines.extend(intro.lines.iter().cloned());
        }
    }
    let mut block = parts::block(theme, title, false);
    if lines.len() > rows && rows > 0 {
        // Cut: say so on the last line, and where the whole text is.
        lines.truncate(rows);
        while lines.len() > 1 && lines.last().is_some_and(|l| l.width() == 0) {
            lines.pop();
        }
        if let Some(last) = lines.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = last.spans.last().map_or(theme.dim, |s| s.style);
            *last = Line::styled(parts::truncate(&format!("{}…", text.trim_end()), width), style);
        }
        // What is hidden, and the key that shows it all (on the Roadmap's phase pane).
        let forms = [" o shows the rest of this phase ", " more: o "];
        let room = usize::from(area.width.saturating_sub(2));
        let hint = forms.iter().find(|f| wrap::width(f) <= room).unwrap_or(&forms[forms.len() - 1]);
        block = block.title_bottom(Line::styled(*hint, theme.dim).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    parts::lines(lines, inner, buf);
}

fn activity(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    if app.derived.activity.is_empty() {
        welcome(app, area, buf);
        return;
    }
    let block = parts::block(theme, " Recent activity ", false);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height);
    let events = &app.derived.activity[..rows.min(app.derived.activity.len())];
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

/// Before anything is done (a first run): what the roadmap is and who it is for, where the
/// activity will be, and how to begin.
fn welcome(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let block = parts::block(theme, format!(" Welcome to {} ", wrap::clean(&app.roadmap.title)), false);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let roadmap = &app.roadmap;
    let mut lines = wrap::wrap_plain(&roadmap.summary, theme.text, width);
    if !roadmap.audience.trim().is_empty() {
        let audience = [("For: ".to_string(), theme.subheading), (roadmap.audience.clone(), theme.text)];
        lines.extend(wrap::hanging(Vec::new(), &audience, width));
    }
    let hint = "Begin with the first next step: Enter opens it, s starts it, d marks it done.";
    let hint = wrap::wrap_plain(hint, theme.dim, width);
    if lines.len() + 1 + hint.len() <= usize::from(inner.height) {
        lines.push(Line::raw(""));
        lines.extend(hint);
    }
    parts::lines(lines, inner, buf);
}
