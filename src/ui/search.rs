//! Search: the query box, the results (title, phase, where the words matched, the query's
//! words marked), a preview.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::{View, layout, map, parts};
use crate::app::search::find_ignoring_case;
use crate::geometry::Target;
use crate::text::wrap;

/// The phase column is never narrower than this; a title that leaves less shows no phase.
const MIN_PHASE: usize = 10;

pub fn render(app: &View, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let areas = layout::search(area);
    let count = match app.search.hits.len() {
        1 => "1 skill".to_string(),
        n => format!("{n} skills"),
    };
    let block =
        parts::block(theme, " Search ", true).title_top(Line::styled(format!(" {count} "), theme.dim).right_aligned());
    let mut input = vec![Span::styled("/ ", theme.accent)];
    input.extend(parts::field(theme, &app.search.field));
    Paragraph::new(Line::from(input)).block(block).render(areas.input, buf);

    let mut block = parts::block(theme, " Results ", false);
    let inner = block.inner(areas.results);
    let rows = usize::from(inner.height / 2);
    let len = app.search.hits.len();
    app.record(areas.results, Target::SearchResults);
    app.measure(|g| g.search_page = rows.max(1));
    let offset = layout::list_offset(app.search.selected, len, rows);
    if let Some(more) = parts::more_title(theme, offset, len.saturating_sub(offset + rows)) {
        block = block.title_bottom(more);
    }
    block.render(areas.results, buf);
    if app.search.hits.is_empty() {
        let text = "No skill matches every word. Try fewer or shorter words.";
        parts::lines(wrap::wrap_plain(text, theme.dim, usize::from(inner.width)), inner, buf);
    }
    let width = usize::from(inner.width);
    let terms = app.search.terms();
    // The query's words stand out in what is shown, with or without color.
    let mark = theme.accent.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let shown = offset..len.min(offset + rows);
    let painter = Rows { column: phase_column(app, shown.clone(), width), terms: &terms, mark };
    for (slot, index) in shown.enumerate() {
        let y = inner.y + (slot * 2) as u16;
        painter.render(app, index, Rect::new(inner.x, y, inner.width, 2), buf);
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

/// What every hit's rows share: the phase column, and the query's words to mark.
struct Rows<'a> {
    column: Option<(usize, usize)>,
    terms: &'a [String],
    mark: Style,
}

impl Rows<'_> {
    /// One hit on two rows: its status and title (the query's words marked) with the phase in
    /// its column, then where the words were found, or the skill's tags and summary.
    fn render(&self, app: &View, index: usize, area: Rect, buf: &mut Buffer) {
        let Rows { column, terms, mark } = *self;
        let theme = app.theme;
        let (y, width) = (area.y, usize::from(area.width));
        let hit = &app.search.hits[index];
        let skill = &app.roadmap.skills[hit.skill];
        let status = app.derived.tally.status(hit.skill);
        let first = Rect::new(area.x, y, area.width, 1);
        app.record(area, Target::SearchHit(index));
        // The title comes first, whole; the phase sits in its column when the title leaves it
        // room, so a short title never reads as running into the phase.
        let glyph = format!("{} ", parts::status_glyph(status));
        let title = parts::truncate(&wrap::clean(&skill.title), width.saturating_sub(wrap::width(&glyph)));
        let mut spans = vec![Span::styled(glyph.clone(), parts::status_style(theme, status))];
        spans.extend(marked(&title, terms, theme.subheading, mark));
        let used = wrap::width(&glyph) + wrap::width(&title);
        if let Some((at, phase_width)) = column
            && used + 2 <= at
        {
            let phase = parts::truncate_words(&app.roadmap.phases[skill.phase].title, phase_width);
            spans.push(Span::raw(" ".repeat(at - used)));
            spans.push(Span::styled(phase, theme.dim));
        }
        let mut line = Line::from(spans);
        if index == app.search.selected {
            buf.set_style(first, theme.selected);
            line = line.patch_style(theme.selected);
        }
        line.render(first, buf);
        let room = width.saturating_sub(2);
        let second = app.search.snippet(&app.roadmap, hit, room).unwrap_or_else(|| {
            let page = app.roadmap.page(hit.skill);
            let text = if page.tags.is_empty() {
                page.summary.clone()
            } else {
                format!("{} · {}", page.tags.join(", "), page.summary)
            };
            parts::truncate(&wrap::clean(&text), room)
        });
        let mut spans = vec![Span::raw("  ")];
        spans.extend(marked(&second, terms, theme.dim, mark));
        Line::from(spans).render(Rect::new(area.x, y + 1, area.width, 1), buf);
    }
}

/// Where the phase column starts on the rows shown, and its width: as wide as the longest
/// phase name shown, narrower (down to `MIN_PHASE`) where titles need the room.
fn phase_column(app: &View, shown: std::ops::Range<usize>, width: usize) -> Option<(usize, usize)> {
    let hits = &app.search.hits[shown];
    let skills = || hits.iter().map(|hit| &app.roadmap.skills[hit.skill]);
    let phase = skills().map(|s| wrap::width(&app.roadmap.phases[s.phase].title)).max()?;
    let title = skills().map(|s| wrap::width(&s.title)).max()?;
    let phase_width = phase.min(width.saturating_sub(title + 4).max(MIN_PHASE));
    (width >= phase_width + MIN_PHASE + 4).then(|| (width - phase_width, phase_width))
}

/// `text` in `base` style with every place a query word appears in `mark` style.
fn marked(text: &str, terms: &[String], base: Style, mark: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut rest = 0;
    loop {
        let next = terms
            .iter()
            .filter_map(|term| find_ignoring_case(&text[rest..], term))
            .min_by_key(|found| (found.start, std::cmp::Reverse(found.end)));
        let Some(found) = next.filter(|found| !found.is_empty()) else { break };
        if found.start > 0 {
            spans.push(Span::styled(text[rest..rest + found.start].to_string(), base));
        }
        spans.push(Span::styled(text[rest + found.start..rest + found.end].to_string(), mark));
        rest += found.end;
    }
    if rest < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[rest..].to_string(), base));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_a_word_appears_is_marked_in_any_case() {
        let (base, mark) = (Style::new(), Style::new().add_modifier(Modifier::BOLD));
        let spans = marked("over SSH, inside a Docker container", &["docker".into(), "ssh".into()], base, mark);
        let parts: Vec<(&str, bool)> = spans.iter().map(|s| (s.content.as_ref(), s.style == mark)).collect();
        assert_eq!(
            parts,
            [("over ", false), ("SSH", true), (", inside a ", false), ("Docker", true), (" container", false)]
        );
        assert_eq!(marked("nothing", &[], base, mark).len(), 1);
    }
}
