//! `roadmap next`: the ranked next steps, then warnings, then reviews due.

use std::io;

use ratatui::text::Span;

use crate::suggest::{self, Advice, Suggestion, SuggestionKind, Target};

use super::output::Output;
use super::session::Session;

pub fn next(session: &Session, out: &mut Output, limit: Option<usize>) -> io::Result<()> {
    let advice = advice(session, limit.unwrap_or(usize::MAX));
    let shown = |list: &[Suggestion]| limit.unwrap_or(list.len()).min(list.len());
    if !out.tty {
        return records(session, out, &advice, shown(&advice.next), shown(&advice.reviews));
    }
    let theme = out.painter.theme;
    if advice.next.is_empty() {
        let overall = crate::progress::Counts::of(session.progress.statuses(&session.roadmap));
        let message = if overall.complete() == overall.total {
            "Every skill is done or skipped. Well done!"
        } else {
            "Nothing can be started right now: finish or skip what the open skills require."
        };
        out.line(message)?;
    } else {
        out.line(Span::styled("Next steps", theme.title))?;
        list(session, out, &advice.next, shown(&advice.next))?;
        if advice.next.iter().any(|s| s.kind == SuggestionKind::Milestone) {
            hint(out, "When you start or finish a milestone: roadmap milestone PHASE start|done")?;
        }
    }
    if !advice.warnings.is_empty() {
        out.line("")?;
        out.line(Span::styled("Warnings", theme.warning))?;
        let warnings = limit.unwrap_or(advice.warnings.len()).min(advice.warnings.len());
        for warning in &advice.warnings[..warnings] {
            let lead = vec![Span::raw("  "), Span::styled("!", theme.warning), Span::raw(" ")];
            out.wrapped(lead, 4, &warning.message)?;
        }
        let more = advice.warnings.len() - warnings;
        if more > 0 {
            hint(out, &format!("and {} more: roadmap next --all", crate::suggest::words::count(more, "warning")))?;
        }
    }
    if !advice.reviews.is_empty() {
        out.line("")?;
        out.line(Span::styled("Reviews due", theme.title))?;
        list(session, out, &advice.reviews, shown(&advice.reviews))?;
        hint(
            out,
            "Look again with roadmap show ID; tick what you can do with roadmap tick ID N; then roadmap review ID",
        )?;
    }
    Ok(())
}

/// One tab-separated record per suggestion, warning and review.
fn records(session: &Session, out: &mut Output, advice: &Advice, next: usize, reviews: usize) -> io::Result<()> {
    let roadmap = &session.roadmap;
    for step in &advice.next[..next] {
        out.record(&[step.kind.name(), step.target.id(roadmap), step.target.title(roadmap), &step.reason])?;
    }
    for warning in &advice.warnings {
        let id = warning.skill.map_or("", |i| roadmap.skills[i].id.as_str());
        out.record(&["warning", id, "", &warning.message])?;
    }
    for step in &advice.reviews[..reviews] {
        out.record(&[step.kind.name(), step.target.id(roadmap), step.target.title(roadmap), &step.reason])?;
    }
    Ok(())
}

/// Numbered entries: title and id, then the kind and the reason, wrapped under the title.
fn list(session: &Session, out: &mut Output, steps: &[Suggestion], shown: usize) -> io::Result<()> {
    let theme = out.painter.theme;
    let roadmap = &session.roadmap;
    for (rank, step) in steps[..shown].iter().enumerate() {
        let title = Span::styled(step.target.title(roadmap), theme.subheading);
        let id = match step.target {
            Target::Skill(_) => step.target.id(roadmap).to_string(),
            Target::Milestone(phase) => format!("milestone of {}", roadmap.phases[phase].id),
        };
        out.line(vec![Span::raw(format!("{:>3}. ", rank + 1)), title, Span::raw("  "), Span::styled(id, theme.dim)])?;
        out.wrapped("     ", 5, &format!("{}: {}", label(step.kind), step.reason))?;
    }
    if steps.len() > shown {
        hint(out, &format!("… {} more: roadmap next --all", steps.len() - shown))?;
    }
    Ok(())
}

fn hint(out: &mut Output, text: &str) -> io::Result<()> {
    out.line(Span::styled(format!("     {text}"), out.painter.theme.dim))
}

fn label(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::Continue => "Continue",
        SuggestionKind::Start => "Start",
        SuggestionKind::Milestone => "Milestone",
        SuggestionKind::Review => "Review",
    }
}

/// `Next: Git basics (foundations/git-basics): …`, the line a change ends with.
pub fn next_line(session: &Session) -> Option<String> {
    let advice = advice(session, 1);
    let step = advice.next.first()?;
    let roadmap = &session.roadmap;
    let what = match step.target {
        Target::Skill(_) => step.target.id(roadmap).to_string(),
        Target::Milestone(phase) => format!("milestone of {}", roadmap.phases[phase].title),
    };
    Some(format!("Next: {} ({what}): {}", step.target.title(roadmap), step.reason))
}

/// The advice with at most `limit` steps and reviews, the review logs replayed through the
/// memo of earlier runs (kept for the next one).
fn advice(session: &Session, limit: usize) -> Advice {
    let memo = super::memo::load(session.store.path());
    let limits = suggest::Limits { steps: limit, reviews: limit };
    let advice = suggest::advise_remembering(&session.roadmap, &session.progress, session.today, limits, &memo);
    super::memo::save(session.store.path(), &memo);
    advice
}
