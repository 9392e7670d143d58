//! The commands that change progress: start/done/skip/reset, tick, review, milestone. Each
//! saves once, then says what changed and, on a terminal, what is next.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::progress::{Grade, Status};
use crate::suggest;

use super::args::MilestoneAction;
use super::next::next_line;
use super::output::Output;
use super::session::{Failure, Session};

/// Moves each skill to `status` and saves once, then says what changed and, on a terminal,
/// what is next. A skill marked done while a prerequisite is open gets its warning at once: on
/// a terminal with the rest, piped on standard error (the records stay one per skill).
pub fn set_status(session: &mut Session, out: &mut Output, skills: &[usize], status: Status) -> Result<(), Failure> {
    let before: Vec<Status> = skills.iter().map(|&i| session.progress.status(&session.roadmap.skills[i].id)).collect();
    for &index in skills {
        session.progress.set_status(&session.roadmap.skills[index].id, status, session.today);
    }
    session.save()?;
    let warnings: Vec<String> = if status == Status::Done {
        let advice = suggest::advise_at_most(&session.roadmap, &session.progress, session.today, 0);
        let about_these = |w: &&suggest::Warning| w.skill.is_some_and(|skill| skills.contains(&skill));
        advice.warnings.iter().filter(about_these).map(|w| w.message.clone()).collect()
    } else {
        Vec::new()
    };
    let theme = out.painter.theme;
    if !out.tty {
        for &index in skills {
            out.record(&[&session.roadmap.skills[index].id, status.name()])?;
        }
        for warning in &warnings {
            out.warn(Line::from(vec![Span::styled("warning:", theme.warning), Span::raw(format!(" {warning}"))]))?;
        }
        return Ok(());
    }
    for (&index, &before) in skills.iter().zip(&before) {
        let skill = &session.roadmap.skills[index];
        let unchanged = if before == status { " (it already was)" } else { "" };
        out.line(vec![verb(out, status), Span::raw(format!(": {} ({}){unchanged}", skill.title, skill.id))])?;
    }
    for warning in &warnings {
        out.wrapped(vec![Span::styled("Warning:", theme.warning), Span::raw(" ")], 9, warning)?;
    }
    if status == Status::Done
        && let Some(line) = next_line(session)
    {
        out.wrapped("", 6, &line)?;
    }
    Ok(())
}

fn verb(out: &Output, status: Status) -> Span<'static> {
    let theme = out.painter.theme;
    let (verb, style) = match status {
        Status::Todo => ("Back to todo", theme.text),
        Status::Doing => ("Started", theme.doing),
        Status::Done => ("Done", theme.done),
        Status::Skipped => ("Skipped", theme.text),
    };
    Span::styled(verb, style.add_modifier(Modifier::BOLD))
}

/// Ticks (or, with `tick` false, unticks) the numbered checkpoints, saves if that changed
/// anything, and lists them all; with no numbers, only lists them. Ticking a ticked checkpoint
/// leaves it ticked, so a script can run the same command twice. Numbers are 1-based, as
/// `show` prints them.
pub fn tick(
    session: &mut Session,
    out: &mut Output,
    index: usize,
    numbers: &[usize],
    tick: bool,
) -> Result<(), Failure> {
    let skill = &session.roadmap.skills[index];
    let (id, count) = (skill.id.clone(), skill.checkpoint_count);
    if let Some(bad) = numbers.iter().find(|&&n| n == 0 || n > count) {
        let range = if count == 0 { "it has none".to_string() } else { format!("choose from 1 to {count}") };
        return Err(Failure::Usage(format!("{id} has no checkpoint {bad}: {range} (`roadmap tick {id}` lists them)")));
    }
    let is_ticked = |session: &Session, i: usize| session.progress.get(&id).is_some_and(|r| r.checkpoints.contains(&i));
    let mut changed = false;
    for &number in numbers {
        if is_ticked(session, number - 1) != tick {
            session.progress.toggle_checkpoint(&id, number - 1);
            changed = true;
        }
    }
    if changed {
        session.save()?;
    }
    for (i, text) in session.roadmap.page(index).checkpoints.iter().enumerate() {
        let done = is_ticked(session, i);
        if out.tty {
            let mark = if done { Span::styled("[x]", out.painter.theme.done) } else { Span::raw("[ ]") };
            out.wrapped_markdown(vec![Span::raw(format!("{:>3}. ", i + 1)), mark, Span::raw(" ")], 9, text)?;
        } else {
            out.record(&[&id, &(i + 1).to_string(), if done { "ticked" } else { "open" }, text])?;
        }
    }
    Ok(())
}

/// Records a review of a done skill today and says when the next one is due.
pub fn review(session: &mut Session, out: &mut Output, index: usize, grade: Grade) -> Result<(), Failure> {
    let skill = &session.roadmap.skills[index];
    let (id, title) = (skill.id.clone(), skill.title.clone());
    let status = session.progress.status(&id);
    if status != Status::Done {
        return Err(Failure::Usage(format!(
            "{id} is {status}, not done: only done skills are reviewed (mark it with `roadmap done {id}`)"
        )));
    }
    session.progress.add_review(&id, crate::progress::Review { date: session.today, grade });
    session.save()?;
    let next = suggest::next_review(&session.progress, &id);
    if !out.tty {
        let date = next.map(|memory| memory.due.to_string()).unwrap_or_default();
        return Ok(out.record(&[&id, "reviewed", &date])?);
    }
    let then = match next {
        Some(memory) => format!("next review on {}", memory.due),
        None => "no review scheduled".to_string(),
    };
    let reviewed = Span::styled("Reviewed", out.painter.theme.done.add_modifier(Modifier::BOLD));
    Ok(out.line(vec![reviewed, Span::raw(format!(": {title} ({id}); {then}"))])?)
}

/// Shows a phase's milestone, or moves it to started, done or back to todo.
pub fn milestone(
    session: &mut Session,
    out: &mut Output,
    phase: usize,
    action: Option<MilestoneAction>,
) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let (phase_id, phase_title) = (roadmap.phases[phase].id.clone(), roadmap.phases[phase].title.clone());
    let Some(project) = roadmap.phases[phase].milestone.clone() else {
        return Err(Failure::Usage(format!("phase {phase_id} ({phase_title}) has no milestone project")));
    };
    let Some(action) = action else { return show_milestone(session, out, phase) };
    let status = match action {
        MilestoneAction::Start => Status::Doing,
        MilestoneAction::Done => Status::Done,
        MilestoneAction::Reset => Status::Todo,
    };
    let before = session.progress.milestone_status(&phase_id);
    session.progress.set_milestone(&phase_id, status, session.today);
    session.save()?;
    if !out.tty {
        return Ok(out.record(&[&phase_id, status.name()])?);
    }
    let unchanged = if before == status { " (it already was)" } else { "" };
    let what = format!(": milestone of {phase_title}: {}{unchanged}", project.title);
    out.line(vec![verb(out, status), Span::raw(what)])?;
    if status == Status::Done
        && let Some(line) = next_line(session)
    {
        out.wrapped("", 6, &line)?;
    }
    Ok(())
}

fn show_milestone(session: &Session, out: &mut Output, phase: usize) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    let phase_id = &roadmap.phases[phase].id;
    let Some(project) = &roadmap.phases[phase].milestone else { return Ok(()) };
    let status = session.progress.milestone_status(phase_id);
    if !out.tty {
        return Ok(out.record(&[phase_id, status.name(), &project.title])?);
    }
    let theme = out.painter.theme;
    out.line(Span::styled(project.title.as_str(), theme.title))?;
    out.line(Span::styled(format!("milestone of {} · status: {status}", roadmap.phases[phase].title), theme.dim))?;
    super::commands::markdown(out, &project.description)?;
    let steps_only = suggest::Limits { steps: usize::MAX, reviews: 0 };
    let advice =
        suggest::advise_remembering(roadmap, &session.progress, session.today, steps_only, &Default::default());
    if let Some(step) = advice.next.iter().find(|s| s.target == suggest::Target::Milestone(phase)) {
        out.line("")?;
        out.line(format!("Suggested now: {}", step.reason))?;
    }
    out.line("")?;
    Ok(out.line(Span::styled(format!("Mark it: roadmap milestone {phase_id} start|done|reset"), theme.dim))?)
}
