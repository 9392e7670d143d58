//! The trust question, before another roadmap's checks run for the first time: every shell
//! command they would run, and y or n.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{View, parts};
use crate::app::TrustPrompt;
use crate::geometry::Scroll;
use crate::text::wrap;

pub fn render(app: &View, prompt: TrustPrompt, body: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    let commands = crate::trust::commands(&app.roadmap);
    Clear.render(body, buf);
    let mut block = parts::block(theme, " Trust these checks? ", true);
    let inner = block.inner(body);
    let w = usize::from(inner.width);
    let mut lines = wrap::wrap_plain(
        &format!(
            "{} is not the built-in roadmap: its checks are {} shell commands from its files, run in your project \
             folders. Read them; y trusts them all and runs the checks, n runs nothing. A changed command will ask again.",
            wrap::clean(&format!("{} ({})", app.roadmap.title, app.roadmap.id)),
            commands.len()
        ),
        theme.text,
        w,
    );
    for command in &commands {
        lines.push(Line::raw(""));
        lines.extend(wrap::hanging(
            vec![Span::styled(format!("{}: ", command.owner), theme.dim)],
            &[(command.title.to_string(), theme.text)],
            w,
        ));
        for line in command.run.lines() {
            lines.extend(wrap::hanging(vec![Span::raw("    ")], &[(line.to_string(), theme.accent)], w));
        }
    }
    let rows = usize::from(inner.height);
    let max = lines.len().saturating_sub(rows);
    app.measure(|g| g.trust = Scroll { page: rows.saturating_sub(1).max(1), max });
    let scroll = usize::from(prompt.scroll).min(max);
    if let Some(more) = parts::more_title(theme, scroll, lines.len().saturating_sub(scroll + rows)) {
        block = block.title_bottom(more);
    }
    block.render(body, buf);
    Paragraph::new(lines.into_iter().skip(scroll).take(rows).collect::<Vec<_>>()).render(inner, buf);
}
