//! The scriptable commands: status, next, show, start/done/skip/reset, validate.

use std::io;

use crate::content::Skill;
use crate::progress::{Counts, Status};
use crate::suggest::{self, SuggestionKind};
use crate::ui::{markdown, wrap};

use super::output::Output;
use super::session::{Failure, Session};

pub fn status(session: &Session, out: &mut Output) -> io::Result<()> {
    let roadmap = &session.roadmap;
    let overall = session.progress.counts(&roadmap.skills);
    if !out.tty {
        out.record(&[
            "all",
            &overall.complete().to_string(),
            &overall.total.to_string(),
            &overall.percent().to_string(),
            &roadmap.title,
        ])?;
        for (index, phase) in roadmap.phases.iter().enumerate() {
            let counts = session.progress.counts(roadmap.phase_skills(index));
            let fields = [
                phase.id.as_str(),
                &counts.complete().to_string(),
                &counts.total.to_string(),
                &counts.percent().to_string(),
                &phase.title,
            ];
            out.record(&fields)?;
        }
        return Ok(());
    }
    let theme = out.painter.theme;
    let heading = out.paint(&roadmap.title, theme.title);
    out.line(format!("{heading}: {}", summary(&overall)))?;
    out.line("")?;
    let name_width = roadmap.phases.iter().map(|p| wrap::width(&p.title)).max().unwrap_or(0);
    for (index, phase) in roadmap.phases.iter().enumerate() {
        let counts = session.progress.counts(roadmap.phase_skills(index));
        let pad = " ".repeat(name_width - wrap::width(&phase.title));
        let bar = bar(&counts, 20);
        let filled = out.paint(&bar.0, theme.gauge);
        let empty = out.paint(&bar.1, theme.dim);
        let doing = if counts.doing > 0 { format!(", {} in progress", counts.doing) } else { String::new() };
        out.line(format!(
            "  {}{pad}  {filled}{empty} {:>3}/{:<3} {:>3}%{doing}",
            phase.title,
            counts.complete(),
            counts.total,
            counts.percent()
        ))?;
    }
    Ok(())
}

fn summary(counts: &Counts) -> String {
    let mut text = format!("{} of {} skills complete ({}%)", counts.complete(), counts.total, counts.percent());
    if counts.doing > 0 {
        text.push_str(&format!(", {} in progress", counts.doing));
    }
    if counts.skipped > 0 {
        text.push_str(&format!(", {} skipped", counts.skipped));
    }
    text
}

fn bar(counts: &Counts, cells: usize) -> (String, String) {
    let filled = (counts.ratio() * cells as f64).round() as usize;
    ("█".repeat(filled), "░".repeat(cells - filled.min(cells)))
}

pub fn next(session: &Session, out: &mut Output, limit: Option<usize>) -> io::Result<()> {
    let roadmap = &session.roadmap;
    let steps = suggest::next_steps(roadmap, &session.progress, session.today);
    let shown = &steps[..limit.unwrap_or(steps.len()).min(steps.len())];
    if !out.tty {
        for step in shown {
            let skill = &roadmap.skills[step.skill];
            out.record(&[kind_name(step.kind), &skill.id, &skill.title, &step.reason])?;
        }
        return Ok(());
    }
    let theme = out.painter.theme;
    if shown.is_empty() {
        let overall = session.progress.counts(&roadmap.skills);
        let message = if overall.complete() == overall.total {
            "Every skill is done or skipped. Well done!"
        } else {
            "Nothing can be started right now: finish or skip what the open skills require."
        };
        return out.line(message);
    }
    out.line(out.paint("Next steps", theme.title))?;
    for (rank, step) in shown.iter().enumerate() {
        let skill = &roadmap.skills[step.skill];
        let title = out.paint(&skill.title, theme.subheading);
        let id = out.paint(&skill.id, theme.dim);
        out.line(format!("{:>3}. {title}  {id}", rank + 1))?;
        let reason = format!("{}: {}", kind_label(step.kind), step.reason);
        for line in wrap::wrap_plain(&reason, ratatui::style::Style::new(), out.width.saturating_sub(5)) {
            out.line(format!("     {}", line.spans.iter().map(|s| s.content.as_ref()).collect::<String>()))?;
        }
    }
    if steps.len() > shown.len() {
        out.line(out.paint(&format!("     … {} more: roadmap next --all", steps.len() - shown.len()), theme.dim))?;
    }
    Ok(())
}

fn kind_name(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::Continue => "continue",
        SuggestionKind::Start => "start",
    }
}

fn kind_label(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::Continue => "Continue",
        SuggestionKind::Start => "Start",
    }
}

pub fn show(session: &Session, out: &mut Output, index: usize) -> io::Result<()> {
    let roadmap = &session.roadmap;
    let skill = &roadmap.skills[index];
    let theme = out.painter.theme;
    let record = session.progress.get(&skill.id).cloned().unwrap_or_default();
    let width = out.width;
    out.line(out.paint(&wrap::clean(&skill.title), theme.title))?;
    for line in wrap::wrap_plain(&skill.summary, theme.text, width) {
        out.painter.write_text(out.out, &line.into())?;
    }
    let phase = &roadmap.phases[skill.phase].title;
    let hours = format_hours(skill.hours);
    let meta =
        format!("{} · {phase} · {} · {} · {hours} · status: {}", skill.id, skill.level, skill.kind, record.status);
    for line in wrap::wrap_plain(&meta, theme.dim, width) {
        out.painter.write_text(out.out, &line.into())?;
    }
    let names = |ids: &[usize]| -> String {
        ids.iter()
            .map(|&i| {
                let other = &roadmap.skills[i];
                format!("{} ({})", other.id, session.progress.status(&other.id))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !skill.requires.is_empty() {
        indented(out, "Requires: ", &names(&skill.requires))?;
    }
    if !roadmap.unlocks(index).is_empty() {
        indented(out, "Unlocks: ", &names(roadmap.unlocks(index)))?;
    }
    out.line("")?;
    let body = markdown::render(&skill.body, width.min(u16::MAX as usize) as u16, &theme);
    out.painter.write_text(out.out, &body)?;
    if !skill.resources.is_empty() {
        out.line("")?;
        out.line(out.paint("Resources", theme.heading))?;
        for resource in &skill.resources {
            indented(out, "  - ", &format!("{} ({})", resource.title, resource.kind))?;
            // Unbroken, so terminals and scripts still see one clickable URL.
            out.line(format!("    {}", out.paint(&wrap::clean(&resource.url), theme.url)))?;
        }
    }
    if !skill.checkpoints.is_empty() {
        out.line("")?;
        out.line(out.paint("Checkpoints", theme.heading))?;
        for (i, checkpoint) in skill.checkpoints.iter().enumerate() {
            let mark = if record.checkpoints.contains(&i) { "  [x] " } else { "  [ ] " };
            indented(out, mark, checkpoint)?;
        }
    }
    if !record.note.is_empty() {
        out.line("")?;
        out.line(out.paint("Note", theme.heading))?;
        for line in record.note.lines() {
            indented(out, "  ", line)?;
        }
    }
    Ok(())
}

/// Wraps `text` after `lead`, continuing under the text rather than under the lead.
fn indented(out: &mut Output, lead: &str, text: &str) -> io::Result<()> {
    let hang = wrap::width(lead);
    let lines = wrap::wrap_plain(text, ratatui::style::Style::new(), out.width.saturating_sub(hang));
    for (i, line) in lines.iter().enumerate() {
        let content: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let lead = if i == 0 { lead.to_string() } else { " ".repeat(hang) };
        out.line(format!("{lead}{content}"))?;
    }
    Ok(())
}

fn format_hours(hours: f32) -> String {
    if hours == 1.0 { "1 hour".into() } else { format!("{hours} hours") }
}

/// Moves a skill to `status`, saves, and tells the learner what changed and what is next.
pub fn set_status(session: &mut Session, out: &mut Output, index: usize, status: Status) -> Result<(), Failure> {
    let skill: &Skill = &session.roadmap.skills[index];
    let id = skill.id.clone();
    let title = skill.title.clone();
    let before = session.progress.status(&id);
    session.progress.set_status(&id, status, session.today);
    session.save()?;
    let theme = out.painter.theme;
    let verb = match status {
        Status::Todo => "Back to todo",
        Status::Doing => "Started",
        Status::Done => "Done",
        Status::Skipped => "Skipped",
    };
    let unchanged = if before == status { " (it already was)" } else { "" };
    if out.tty {
        let style = match status {
            Status::Done => theme.done,
            Status::Doing => theme.doing,
            _ => theme.text,
        };
        out.line(format!(
            "{}: {title} ({id}){unchanged}",
            out.paint(verb, style.add_modifier(ratatui::style::Modifier::BOLD))
        ))?;
        if status == Status::Done
            && let Some(step) = suggest::next_steps(&session.roadmap, &session.progress, session.today).first()
        {
            let next = &session.roadmap.skills[step.skill];
            out.line(format!("Next: {} ({}): {}", next.title, next.id, step.reason))?;
        }
    } else {
        out.record(&[&id, status.name()])?;
    }
    Ok(())
}
