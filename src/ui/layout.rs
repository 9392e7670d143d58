//! Where things go on screen: pure geometry from the terminal size, shared by drawing and by
//! mouse handling so a click lands on what was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the screens cannot be used; a one-line notice is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

/// The title bar, the screen, the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chrome {
    pub top: Rect,
    pub body: Rect,
    pub bottom: Rect,
}

/// Rows the status bar may grow to for a message that does not fit on one: four, so a
/// sentence and a path fit at 40 columns, and never more than a third of the terminal.
pub fn status_rows(area: Rect) -> u16 {
    (area.height / 3).clamp(1, 4)
}

/// The title bar, the screen, and a status bar of `wanted` rows (one for the key hints, more
/// for a long message, so its point is never cut off).
pub fn chrome(area: Rect, wanted: u16) -> Chrome {
    let status = wanted.clamp(1, status_rows(area));
    let [top, body, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(status)]).areas(area);
    Chrome { top, body, bottom }
}

/// Home: progress, the current phase, next steps, and (when there is room) recent activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HomeAreas {
    pub progress: Rect,
    pub now: Rect,
    pub steps: Rect,
    pub activity: Rect,
}

/// `phases` bars in the progress panel; `now_lines` lines the current phase's panel would
/// like and `steps_lines` the list of next steps would (insides, without borders). Where they
/// share a column the space goes by content: each gets what it wants when both fit; else the
/// one wanting less than half gets it whole and the other the rest, or each gets half.
pub fn home(body: Rect, phases: u16, now_lines: u16, steps_lines: u16) -> HomeAreas {
    // Overall and one bar per phase; then a blank, the summary and two lines of pace, or
    // (when short of rows) one line of pace.
    let bars = phases + 1;
    if body.width >= 100 {
        let [left, right] = Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(body);
        let progress = (bars + 6).min(left.height);
        let [progress, activity] = Layout::vertical([Constraint::Length(progress), Constraint::Fill(1)]).areas(left);
        let now = shared(right.height, now_lines, steps_lines);
        let [steps, now] = Layout::vertical([Constraint::Fill(1), Constraint::Length(now)]).areas(right);
        return HomeAreas { progress, now, steps, activity };
    }
    let cap = if body.height < 20 { body.height * 2 / 5 } else { body.height / 2 };
    let progress = if body.height >= 30 { bars + 6 } else { bars + 3 }.min(cap).max(3);
    let activity = match body.height {
        30.. => 8,
        20.. => 5,
        _ => 0,
    };
    let now = if body.height >= 34 {
        shared(body.height.saturating_sub(progress + activity), now_lines, steps_lines)
    } else {
        0
    };
    let [progress, now, steps, activity] = Layout::vertical([
        Constraint::Length(progress),
        Constraint::Length(now),
        Constraint::Fill(1),
        Constraint::Length(activity),
    ])
    .areas(body);
    HomeAreas { progress, now, steps, activity }
}

/// The rows of the current phase's panel, sharing `height` with the next steps above it.
fn shared(height: u16, now_lines: u16, steps_lines: u16) -> u16 {
    /// The list keeps this many rows (a step and its reason, and a second) whatever the phase wants.
    const MIN_STEPS: u16 = 6;
    let (now, steps) = (now_lines.saturating_add(2), steps_lines.saturating_add(2));
    let half = height / 2;
    // When both fit, the list is as tall as it needs and the phase takes the rest: room to
    // spare is better under the phase's text than between the list and its warnings.
    let rows = if now.saturating_add(steps) <= height {
        height - steps
    } else if now <= half {
        now
    } else if steps <= half {
        height - steps
    } else {
        half
    };
    let rows = rows.min(height.saturating_sub(MIN_STEPS));
    // A panel of fewer rows would show a line or two of the goal: none says more.
    if rows < 5 { 0 } else { rows }
}

/// Roadmap: phases | skills | detail. Narrow terminals stack them: a one-line phase picker,
/// the skills, then the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapAreas {
    pub phases: Rect,
    pub skills: Rect,
    pub detail: Rect,
    /// Phases shown as a one-line picker instead of a list.
    pub stacked: bool,
}

pub fn map(body: Rect) -> MapAreas {
    if body.width >= 72 {
        let phases = (body.width / 4).clamp(18, 30);
        let [phases, skills, detail] =
            Layout::horizontal([Constraint::Length(phases), Constraint::Fill(4), Constraint::Fill(3)]).areas(body);
        return MapAreas { phases, skills, detail, stacked: false };
    }
    let detail = (body.height / 3).max(4);
    let [phases, skills, detail] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(detail)]).areas(body);
    MapAreas { phases, skills, detail, stacked: true }
}

/// A skill's page: a header, the text, and the items (checkpoints, links, note).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillAreas {
    pub header: Rect,
    pub text: Rect,
    pub items: Rect,
}

/// `header` rows for the title and, under it, the wrapped summary line.
pub fn skill(body: Rect, header: u16) -> SkillAreas {
    let [header, rest] = Layout::vertical([Constraint::Length(header), Constraint::Fill(1)]).areas(body);
    if rest.width >= 90 {
        let items = (rest.width * 2 / 5).clamp(34, 60);
        let [text, items] = Layout::horizontal([Constraint::Fill(1), Constraint::Length(items)]).areas(rest);
        return SkillAreas { header, text, items };
    }
    let items = (rest.height * 2 / 5).max(4);
    let [text, items] = Layout::vertical([Constraint::Fill(1), Constraint::Length(items)]).areas(rest);
    SkillAreas { header, text, items }
}

/// Search: the query, the results, and a preview when there is room.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchAreas {
    pub input: Rect,
    pub results: Rect,
    pub preview: Rect,
}

pub fn search(body: Rect) -> SearchAreas {
    let [input, rest] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(body);
    if rest.width >= 100 {
        let [results, preview] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(rest);
        return SearchAreas { input, results, preview };
    }
    SearchAreas { input, results: rest, preview: Rect::default() }
}

/// The inside of a bordered block (one column of padding on each side, as `parts::block`).
pub fn inner(area: Rect) -> Rect {
    area.inner(ratatui::layout::Margin::new(2, 1))
}

/// The first row to show so that `selected` is visible: it stays near the middle of long
/// lists, and the window never runs past the end.
pub fn list_offset(selected: usize, len: usize, rows: usize) -> usize {
    if rows == 0 || len <= rows {
        return 0;
    }
    selected.saturating_sub(rows / 2).min(len - rows)
}

/// The first of a list of items of different heights to show in `rows` rows so that
/// `selected` is visible: as many items before it as fit.
pub fn first_shown(heights: &[usize], selected: usize, rows: usize) -> usize {
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

/// How many items, from `first`, fit whole in `rows` rows (at least one, which may be cut).
pub fn shown_count(heights: &[usize], first: usize, rows: usize) -> usize {
    let mut used = 0;
    let mut count = 0;
    for height in heights.iter().skip(first) {
        if count > 0 && used + height > rows {
            break;
        }
        used += height;
        count += 1;
    }
    count
}

/// Whether a cell lies in a rectangle.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    area.contains(ratatui::layout::Position { x: column, y: row })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_offset_keeps_the_selection_visible_and_the_window_full() {
        assert_eq!(list_offset(0, 100, 10), 0);
        assert_eq!(list_offset(50, 100, 10), 45);
        assert_eq!(list_offset(99, 100, 10), 90);
        assert_eq!(list_offset(3, 5, 10), 0);
        for selected in 0..100 {
            let offset = list_offset(selected, 100, 7);
            assert!(offset <= selected && selected < offset + 7);
        }
    }

    #[test]
    fn the_selected_item_is_always_inside_the_window() {
        let heights = [1, 3, 2, 1, 4, 1];
        for selected in 0..heights.len() {
            for rows in 4..12 {
                let start = first_shown(&heights, selected, rows);
                assert!(start <= selected);
                assert!(heights[start..=selected].iter().sum::<usize>() <= rows.max(heights[selected]));
                assert!(start + shown_count(&heights, start, rows) > selected);
            }
        }
    }

    #[test]
    fn home_shares_a_column_by_what_each_panel_wants() {
        let cases = [
            ("both fit: the list what it wants, the phase the rest", 40, 13, 10, 28),
            ("a short list leaves the phase the rest", 40, 50, 6, 32),
            ("a short phase keeps its size", 40, 8, 50, 10),
            ("both long: halves", 40, 50, 50, 20),
            ("the list keeps its rows", 10, 50, 2, 0),
        ];
        for (name, height, now, steps, expected) in cases {
            assert_eq!(shared(height, now, steps), expected, "{name}");
        }
    }

    #[test]
    fn every_layout_stays_inside_the_body_at_every_size() {
        for width in [1, 20, 40, 72, 80, 99, 100, 120, 500] {
            for height in [1, 5, 12, 24, 40, 200] {
                let area = Rect::new(0, 0, width, height);
                let body = chrome(area, 1).body;
                let home = home(body, 5, 12, 20);
                let map = map(body);
                let skill = skill(body, 3);
                let search = search(body);
                for rect in [
                    home.progress,
                    home.now,
                    home.steps,
                    home.activity,
                    map.phases,
                    map.skills,
                    map.detail,
                    skill.header,
                    skill.text,
                    skill.items,
                    search.input,
                    search.results,
                    search.preview,
                ] {
                    assert!(rect.area() == 0 || body.union(rect) == body, "{rect:?} outside {body:?}");
                }
            }
        }
    }
}
