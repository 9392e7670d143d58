//! Home's list: the next steps and every review due, each with its reason, scrolling with
//! markers for what is out of sight; the warnings at its foot under a rule, never in the place
//! of a reason. Only the items and warnings near what shows are wrapped, so a learner with
//! thousands of reviews due gets a frame as quick as one with five.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::geometry::Target as Hit;
use crate::suggest::{Suggestion, SuggestionKind, Target, Warning};
use crate::text::wrap;
use crate::ui::{View, layout, parts};

/// Rows the list of next steps keeps for itself before warnings take any.
const MIN_STEP_ROWS: usize = 4;

/// The next steps as drawn in a panel's inside: the items around the selection, wrapped, the
/// warnings at the foot, and which items show.
struct Steps {
    /// How many items the list has in all.
    len: usize,
    /// The index of `items[0]` in the whole list.
    window: usize,
    items: Vec<StepLines>,
    /// A rule, then the warnings that fit (and how many did not), at the foot.
    warnings: Vec<Line<'static>>,
    /// The first item shown, in the whole list.
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

/// One item of Home's list wrapped to `width`: its title with the level, and its reason.
fn step_item(app: &View, item: &Suggestion, width: usize) -> StepLines {
    let theme = app.theme;
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
}

/// A warning wrapped to `width`, under a `⚠`.
fn warning(app: &View, warning: &Warning, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    wrap::hanging(vec![Span::styled("⚠ ", theme.warning)], &[(warning.message.clone(), theme.warning)], width)
}

/// The rows inside the list's panel that show every item and every warning, counted up to
/// `limit` (more than that is as good as endless).
pub(super) fn steps_wanted(app: &View, width: usize, limit: usize) -> usize {
    let mut rows = 0;
    for item in app.home_items() {
        rows += step_item(app, item, width).height();
        if rows > limit {
            return rows;
        }
    }
    let mut warnings = 0;
    for w in &app.derived.advice.warnings {
        warnings += warning(app, w, width).len();
        if rows + warnings > limit {
            break;
        }
    }
    rows.max(1) + if warnings > 0 { warnings + 1 } else { 0 }
}

fn step_lines(app: &View, inner: Rect) -> Steps {
    let theme = app.theme;
    let width = usize::from(inner.width);
    let suggestions = app.home_items();
    let len = suggestions.len();
    let selected = suggestions.get(app.home_row).map(|item| step_item(app, item, width));
    // Warnings sit at the foot under a rule, whole, as many as leave the list its rows; a
    // last line counts those left out. They never take the place of an item's reason.
    let rows = usize::from(inner.height);
    let keep = if len == 0 { 1 } else { selected.as_ref().map_or(0, StepLines::height).max(MIN_STEP_ROWS) };
    let all = &app.derived.advice.warnings;
    let mut warnings: Vec<Line<'static>> = Vec::new();
    let room = rows.saturating_sub(keep);
    let mut shown = 0;
    for (index, w) in all.iter().enumerate() {
        // Room for the rule, these lines, and (if more follow) the line that counts them.
        let lines = warning(app, w, width);
        let counted = usize::from(index + 1 < all.len());
        if 1 + warnings.len() + lines.len() + counted > room {
            break;
        }
        warnings.extend(lines);
        shown += 1;
    }
    let left_out = all.len() - shown;
    if left_out > 0 && room >= 2 {
        let noun = if left_out == 1 { "warning" } else { "warnings" };
        let text = if shown == 0 { format!("{left_out} {noun}") } else { format!("{left_out} more {noun}") };
        let text = format!("{text}: roadmap next lists them");
        let lead = vec![Span::styled("⚠ ", theme.warning)];
        let line = wrap::hanging(lead, &[(text, theme.warning)], width).into_iter().next();
        warnings.extend(line);
    }
    if !warnings.is_empty() {
        warnings.insert(0, Line::styled("┄".repeat(width), theme.dim));
    }
    let list_rows = rows - warnings.len().min(rows);
    // Every item takes two rows or more, so half a page of items before and after the
    // selection (and one more, its title peeking) are all that can show.
    let row = app.home_row.min(len.saturating_sub(1));
    let window = row.saturating_sub(list_rows / 2);
    let end = (row + list_rows / 2 + 2).min(len);
    let items: Vec<StepLines> = suggestions[window..end].iter().map(|item| step_item(app, item, width)).collect();
    let heights: Vec<usize> = items.iter().map(StepLines::height).collect();
    let first = window + layout::first_shown(&heights, row - window, list_rows);
    let count = layout::shown_count(&heights, first - window, list_rows);
    let used: usize = heights[first - window..first - window + count].iter().sum();
    // A title without its reason shows only against the border, where the marker says more
    // follow; above the warnings it would read as if a warning were its reason.
    let next = items.get(first - window + count);
    let peek = warnings.is_empty() && next.is_some_and(|next| used + next.title.len() <= list_rows);
    Steps { len, window, items, warnings, first, count, peek }
}

pub(super) fn steps(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let inner = parts::block(theme, "", true).inner(area);
    let steps = step_lines(app, inner);
    // An item whose reason does not show counts as hidden: the marker says more follow.
    let hidden_below = steps.len.saturating_sub(steps.first + steps.count);
    let mut block = parts::block(theme, " Next steps ", true);
    if let Some(more) = parts::more_title(theme, steps.first, hidden_below) {
        block = block.title_bottom(more);
    }
    block.render(area, buf);
    let warnings_top = inner.y + inner.height - steps.warnings.len() as u16;
    parts::lines(steps.warnings, Rect::new(inner.x, warnings_top, inner.width, inner.bottom() - warnings_top), buf);
    if steps.len == 0 {
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
    let window = steps.window;
    for (index, item) in steps.items.into_iter().enumerate().map(|(i, item)| (window + i, item)) {
        if index < steps.first || index >= steps.first + shown {
            continue;
        }
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
