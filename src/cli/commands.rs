//! The commands that read: status and show.

use std::io;

use ratatui::text::Span;

use crate::progress::{Counts, Tally};
use crate::text;
use crate::ui::markdown::{self, CodeLines};

use super::output::Output;
use super::session::Session;

pub fn status(session: &Session, out: &mut Output) -> io::Result<()> {
    let roadmap = &session.roadmap;
    let tally = Tally::new(roadmap, &session.progress);
    let phase_counts = |index: usize| tally.phases[index];
    let overall = tally.overall;
    if !out.tty {
        out.record(&[
            "all",
            &overall.complete().to_string(),
            &overall.total.to_string(),
            &overall.percent().to_string(),
            &roadmap.title,
        ])?;
        for (index, phase) in roadmap.phases.iter().enumerate() {
            let counts = phase_counts(index);
            let fields = [
                phase.id.as_str(),
                &counts.complete().to_string(),
                &counts.total.to_string(),
                &counts.percent().to_string(),
                &phase.title,
                phase.milestone.as_ref().map_or("", |_| session.progress.milestone_status(&phase.id).name()),
            ];
            out.record(&fields)?;
        }
        return Ok(());
    }
    let theme = out.painter.theme;
    out.line(vec![Span::styled(roadmap.title.as_str(), theme.title), Span::raw(format!(": {}", summary(&overall)))])?;
    out.line("")?;
    let titles: Vec<_> = roadmap.phases.iter().map(|p| text::one_line(&p.title)).collect();
    let name_width = titles.iter().map(|t| text::width(t)).max().unwrap_or(0);
    for (index, title) in titles.iter().enumerate() {
        let counts = phase_counts(index);
        let pad = " ".repeat(name_width - text::width(title));
        let (filled, empty) = bar(&counts, 20);
        let doing = if counts.doing > 0 { format!(", {} in progress", counts.doing) } else { String::new() };
        out.line(vec![
            Span::raw(format!("  {title}{pad}  ")),
            Span::styled(filled, theme.gauge),
            Span::styled(empty, theme.dim),
            Span::raw(format!(" {:>3}/{:<3} {:>3}%{doing}", counts.complete(), counts.total, counts.percent())),
        ])?;
    }
    milestones(session, out)
}

/// Each phase's milestone with its status: `  done   Foundations: A command-line tool`.
fn milestones(session: &Session, out: &mut Output) -> io::Result<()> {
    let theme = out.painter.theme;
    let phases: Vec<_> = session.roadmap.phases.iter().filter(|p| p.milestone.is_some()).collect();
    if phases.is_empty() {
        return Ok(());
    }
    out.line("")?;
    out.line(Span::styled("Milestones", theme.title))?;
    for phase in phases {
        let Some(milestone) = &phase.milestone else { continue };
        let status = session.progress.milestone_status(&phase.id);
        let name = Span::styled(format!("{:<7}", status.name()), super::list::status_style(&theme, status));
        out.line(vec![Span::raw("  "), name, Span::raw(format!(" {}: {}", phase.title, milestone.title))])?;
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

pub fn show(session: &Session, out: &mut Output, index: usize) -> io::Result<()> {
    let roadmap = &session.roadmap;
    let skill = &roadmap.skills[index];
    let page = roadmap.page(index);
    let theme = out.painter.theme;
    let record = session.progress.get(&skill.id).cloned().unwrap_or_default();
    out.line(Span::styled(skill.title.as_str(), theme.title))?;
    out.paragraph(&page.summary, theme.text)?;
    let phase = &roadmap.phases[skill.phase].title;
    let hours = format_hours(skill.hours);
    let meta = format!(
        "{} · {phase} · {} · {} · {hours} · status: {}",
        skill.id,
        skill.level,
        skill.kind,
        status_words(&record)
    );
    out.paragraph(&meta, theme.dim)?;
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
        out.hanging("Requires: ", &names(&skill.requires))?;
    }
    if !roadmap.unlocks(index).is_empty() {
        out.hanging("Unlocks: ", &names(roadmap.unlocks(index)))?;
    }
    out.line("")?;
    self::markdown(out, &page.body)?;
    if !page.resources.is_empty() {
        out.line("")?;
        out.line(Span::styled("Resources", theme.heading))?;
        for resource in &page.resources {
            out.hanging("  - ", &format!("{} ({})", resource.title, resource.kind))?;
            // Unbroken, so terminals and scripts still see one clickable URL.
            out.line(vec![Span::raw("    "), Span::styled(text::one_line(&resource.url), theme.url)])?;
        }
    }
    if !page.checkpoints.is_empty() {
        out.line("")?;
        out.line(Span::styled("Checkpoints", theme.heading))?;
        for (i, checkpoint) in page.checkpoints.iter().enumerate() {
            let mark = if record.checkpoints.contains(&i) { "[x]" } else { "[ ]" };
            let lead = format!("{:>3}. {mark} ", i + 1);
            out.wrapped_markdown(lead.clone(), crate::text::wrap::width(&lead), checkpoint)?;
        }
    }
    checks(session, out, index)?;
    if !page.quiz.is_empty() {
        out.line("")?;
        out.line(Span::styled("Quiz", theme.heading))?;
        let count = crate::suggest::words::count(page.quiz.len(), "question");
        out.hanging("  ", &format!("{count}: `roadmap quiz {}` asks them", skill.id))?;
    }
    if !record.note.is_empty() {
        out.line("")?;
        out.line(Span::styled("Note", theme.heading))?;
        for line in record.note.lines() {
            out.hanging("  ", line)?;
        }
    }
    Ok(())
}

/// The status as a learner reads it: `done (tested out)` for a skill known from its quiz.
fn status_words(record: &crate::progress::SkillProgress) -> String {
    if record.tested_out && record.status == crate::progress::Status::Done {
        "done (tested out)".to_string()
    } else {
        record.status.to_string()
    }
}

/// A skill's checks, each with its last result on the command as it is now.
fn checks(session: &Session, out: &mut Output, index: usize) -> io::Result<()> {
    use crate::progress::CheckResult;
    use crate::suggest::{Target, evidence};
    let target = Target::Skill(index);
    let checks = evidence::checks(&session.roadmap, target);
    if checks.is_empty() {
        return Ok(());
    }
    let theme = out.painter.theme;
    let found = evidence::evidence(&session.roadmap, &session.progress, target);
    out.line("")?;
    let summary = if found.verified() {
        format!("Checks: all {} passed, verified", found.total)
    } else {
        format!("Checks: {} of {} checks passed", found.passed, found.total)
    };
    out.line(Span::styled(summary, theme.heading))?;
    let records = evidence::records(&session.roadmap, &session.progress, target);
    for (i, check) in checks.iter().enumerate() {
        let (mark, when) = match evidence::current(check, i + 1, records) {
            Some(r) if r.result == CheckResult::Pass => ("✓", format!("passed {}", r.date)),
            Some(r) if r.result == CheckResult::Fail => ("✗", format!("failed {}", r.date)),
            Some(r) => ("?", format!("could not run {}", r.date)),
            None => ("·", "not run yet".to_string()),
        };
        out.hanging(&format!("  {mark} "), &format!("{} ({when})", check.title))?;
    }
    out.hanging("  ", &format!("`roadmap check {}` runs them in your project folder", session.roadmap.skills[index].id))
}

/// Markdown as `show` and `milestone` print it: on a terminal, wrapped to its width with long
/// code lines broken into marked rows; anywhere else (a pipe, a file) with every code line
/// whole and no gutter, so the code pastes and runs.
pub(super) fn markdown(out: &mut Output, text: &str) -> io::Result<()> {
    let code = if out.terminal { CodeLines::Wrapped } else { CodeLines::Whole };
    let width = out.width.min(usize::from(u16::MAX)) as u16;
    let theme = out.painter.theme;
    out.text(markdown::render_with(text, width, &theme, code))
}

fn format_hours(hours: f32) -> String {
    if hours == 1.0 { "1 hour".into() } else { format!("{hours} hours") }
}
