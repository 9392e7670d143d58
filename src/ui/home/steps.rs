//! Home's list: the next steps and every review due, each with its reason, scrolling with
//! markers for what is out of sight; the warnings at its foot under a rule, never in the place
//! of a reason.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::geometry::Target as Hit;
use crate::suggest::{SuggestionKind, Target};
use crate::text::wrap;
use crate::ui::{View, layout, parts};

/// Rows the list of next steps keeps for itself before warnings take any.
const MIN_STEP_ROWS: usize = 4;

/// The next steps as drawn in a panel's inside: each item's lines, the warnings at the foot,
/// and which items show.
struct Steps {
    items: Vec<StepLines>,
    /// A rule, then the warnings that fit (and how many did not), at the foot.
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

/// Each item of Home's list wrapped to `width`: its title with the level, and its reason.
fn step_items(app: &View, width: usize) -> Vec<StepLines> {
    let theme = app.theme;
    app.home_items()
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
        .collect()
}

/// Each warning wrapped to `width`, under a `⚠`.
fn warning_lines(app: &View, width: usize) -> Vec<Vec<Line<'static>>> {
    let theme = app.theme;
    let lead = || vec![Span::styled("⚠ ", theme.warning)];
    app.derived
        .advice
        .warnings
        .iter()
        .map(|w| wrap::hanging(lead(), &[(w.message.clone(), theme.warning)], width))
        .collect()
}

/// The rows inside the list's panel that show every item and every warning.
pub(super) fn steps_wanted(app: &View, width: usize) -> usize {
    let items: usize = step_items(app, width).iter().map(StepLines::height).sum();
    let warnings: usize = warning_lines(app, width).iter().map(Vec::len).sum();
    items.max(1) + if warnings > 0 { warnings + 1 } else { 0 }
}

fn step_lines(app: &View, inner: Rect) -> Steps {
    let theme = app.theme;
    let width = usize::from(inner.width);
    let items = step_items(app, width);
    // Warnings sit at the foot under a rule, whole, as many as leave the list its rows; a
    // last line counts those left out. They never take the place of an item's reason.
    let rows = usize::from(inner.height);
    let keep =
        if items.is_empty() { 1 } else { items.get(app.home_row).map_or(0, StepLines::height).max(MIN_STEP_ROWS) };
    let all = warning_lines(app, width);
    let mut warnings: Vec<Line<'static>> = Vec::new();
    let room = rows.saturating_sub(keep);
    let mut shown = 0;
    for (index, lines) in all.iter().enumerate() {
        // Room for the rule, these lines, and (if more follow) the line that counts them.
        let counted = usize::from(index + 1 < all.len());
        if 1 + warnings.len() + lines.len() + counted > room {
            break;
        }
        warnings.extend(lines.iter().cloned());
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
    let heights: Vec<usize> = items.iter().map(StepLines::height).collect();
    let first = layout::first_shown(&heights, app.home_row, list_rows);
    let count = layout::shown_count(&heights, first, list_rows);
    let used: usize = heights[first..first + count].iter().sum();
    // A title without its reason shows only against the border, where the marker says more
    // follow; above the warnings it would read as if a warning were its reason.
    let peek = warnings.is_empty() && items.get(first + count).is_some_and(|next| used + next.title.len() <= list_rows);
    Steps { items, warnings, first, count, peek }
}

pub(super) fn steps(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let inner = parts::block(theme, "", true).inner(area);
    let steps = step_lines(app, inner);
    // An item whose reason does not show counts as hidden: the marker says more follow.
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
