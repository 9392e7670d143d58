//! `roadmap list`: every skill with its id, status, level and title, by phase; filtered by
//! phase and by status. The place to find an id.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::progress::Status;
use crate::text;
use crate::ui::theme::Theme;

use super::args::StatusFilter;
use super::output::Output;
use super::session::{Failure, Session};

pub fn list(session: &Session, out: &mut Output, phases: &[String], statuses: &[StatusFilter]) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let phases: Vec<usize> = phases.iter().map(|phase| session.find_phase(phase)).collect::<Result<_, _>>()?;
    let rows: Vec<(usize, Status)> = roadmap
        .skills
        .iter()
        .enumerate()
        .filter(|(_, skill)| phases.is_empty() || phases.contains(&skill.phase))
        .map(|(index, skill)| (index, session.progress.status(&skill.id)))
        .filter(|(_, status)| statuses.is_empty() || statuses.iter().any(|wanted| wanted.status() == *status))
        .collect();
    if !out.tty {
        for &(index, status) in &rows {
            let skill = &roadmap.skills[index];
            out.record(&[&skill.id, status.name(), skill.level.name(), &skill.title])?;
        }
        return Ok(());
    }
    let theme = out.painter.theme;
    if rows.is_empty() {
        return Ok(out.line("No skill matches these filters.")?);
    }
    let ids: Vec<_> = rows.iter().map(|&(index, _)| text::one_line(&roadmap.skills[index].id)).collect();
    let id_width = ids.iter().map(|id| text::width(id)).max().unwrap_or(0);
    let mut phase = None;
    for (&(index, status), id) in rows.iter().zip(&ids) {
        let skill = &roadmap.skills[index];
        if phase != Some(skill.phase) {
            if phase.is_some() {
                out.line("")?;
            }
            out.line(Span::styled(roadmap.phases[skill.phase].title.as_str(), theme.heading))?;
            phase = Some(skill.phase);
        }
        let pad = " ".repeat(id_width - text::width(id));
        let lead = vec![
            Span::raw(format!("  {id}{pad}  ")),
            Span::styled(format!("{:<7}", status.name()), status_style(&theme, status)),
            Span::styled(format!(" {:<7} ", skill.level.name()), theme.dim),
        ];
        // Titles wrap under themselves: the id, status and level columns stay clear.
        out.wrapped(lead, 2 + id_width + 2 + 7 + 9, &skill.title)?;
    }
    let count = crate::suggest::words::count(rows.len(), "skill");
    out.line("")?;
    Ok(out.line(Span::styled(format!("{count}. Read one: roadmap show ID; mark one: roadmap done ID"), theme.dim))?)
}

/// How a status is painted in lists.
pub fn status_style(theme: &Theme, status: Status) -> Style {
    match status {
        Status::Done => theme.done,
        Status::Doing => theme.doing,
        Status::Skipped => theme.skipped,
        Status::Todo => theme.dim,
    }
}
