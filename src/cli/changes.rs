//! The commands that change progress: start/done/skip/reset, review, milestone. Each saves,
//! then says what changed and, on a terminal, what is next.

use ratatui::style::Modifier;

use crate::progress::Status;
use crate::suggest;

use super::args::MilestoneAction;
use super::next::next_line;
use super::output::Output;
use super::session::{Failure, Session};

/// Moves a skill to `status`, saves, and tells the learner what changed and what is next.
pub fn set_status(session: &mut Session, out: &mut Output, index: usize, status: Status) -> Result<(), Failure> {
    let skill = &session.roadmap.skills[index];
    let (id, title) = (skill.id.clone(), skill.title.clone());
    let before = session.progress.status(&id);
    session.progress.set_status(&id, status, session.today);
    session.save()?;
    if !out.tty {
        return Ok(out.record(&[&id, status.name()])?);
    }
    let unchanged = if before == status { " (it already was)" } else { "" };
    out.line(format!("{}: {title} ({id}){unchanged}", verb(out, status)))?;
    if status == Status::Done {
        let advice = suggest::advise_at_most(&session.roadmap, &session.progress, session.today, 0);
        for warning in advice.warnings.iter().filter(|w| w.skill == Some(index)) {
            let lead = format!("{} ", out.paint("Warning:", out.painter.theme.warning));
            out.wrapped(&lead, 9, &warning.message)?;
        }
        if let Some(line) = next_line(session) {
            out.wrapped("", 6, &line)?;
        }
    }
    Ok(())
}

fn verb(out: &Output, status: Status) -> String {
    let theme = out.painter.theme;
    let (verb, style) = match status {
        Status::Todo => ("Back to todo", theme.text),
        Status::Doing => ("Started", theme.doing),
        Status::Done => ("Done", theme.done),
        Status::Skipped => ("Skipped", theme.text),
    };
    out.paint(verb, style.add_modifier(Modifier::BOLD))
}

/// Ticks (or unticks) the numbered checkpoints, saves, and lists them all; with no numbers, only
/// lists them. Numbers are 1-based, as `show` prints them.
pub fn tick(session: &mut Session, out: &mut Output, index: usize, numbers: &[usize]) -> Result<(), Failure> {
    let skill = &session.roadmap.skills[index];
    let (id, count) = (skill.id.clone(), skill.checkpoint_count);
    if let Some(bad) = numbers.iter().find(|&&n| n == 0 || n > count) {
        let range = if count == 0 { "it has none".to_string() } else { format!("choose from 1 to {count}") };
        return Err(Failure::Usage(format!("{id} has no checkpoint {bad}: {range} (`roadmap tick {id}` lists them)")));
    }
    if !numbers.is_empty() {
        for &number in numbers {
            session.progress.toggle_checkpoint(&id, number - 1);
        }
        session.save()?;
    }
    let ticked = session.progress.get(&id).map(|r| r.checkpoints.clone()).unwrap_or_default();
    for (i, text) in session.roadmap.page(index).checkpoints.iter().enumerate() {
        let done = ticked.contains(&i);
        if out.tty {
            let mark = if done { out.paint("[x]", out.painter.theme.done) } else { "[ ]".to_string() };
            out.wrapped(&format!("{:>3}. {mark} ", i + 1), 9, text)?;
        } else {
            out.record(&[&id, &(i + 1).to_string(), if done { "ticked" } else { "open" }, text])?;
        }
    }
    Ok(())
}

/// Records a review of a done skill today and says when the next one is due.
pub fn review(session: &mut Session, out: &mut Output, index: usize) -> Result<(), Failure> {
    let skill = &session.roadmap.skills[index];
    let (id, title) = (skill.id.clone(), skill.title.clone());
    let status = session.progress.status(&id);
    if status != Status::Done {
        return Err(Failure::Usage(format!(
            "{id} is {status}, not done: only done skills are reviewed (mark it with `roadmap done {id}`)"
        )));
    }
    session
        .progress
        .add_review(&id, crate::progress::Review { date: session.today, grade: crate::progress::Grade::Good });
    session.save()?;
    let next = session.progress.get(&id).and_then(suggest::next_review);
    if !out.tty {
        let date = next.map(|due| due.date.to_string()).unwrap_or_default();
        return Ok(out.record(&[&id, "reviewed", &date])?);
    }
    let then = match next {
        Some(due) => format!("next review on {} ({} days after finishing)", due.date, due.after_days),
        None => "no more reviews scheduled".to_string(),
    };
    let reviewed = out.paint("Reviewed", out.painter.theme.done.add_modifier(Modifier::BOLD));
    Ok(out.line(format!("{reviewed}: {title} ({id}); {then}"))?)
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
    out.line(format!("{}: milestone of {phase_title}: {}{unchanged}", verb(out, status), project.title))?;
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
    out.line(out.paint(&project.title, theme.title))?;
    out.line(out.paint(&format!("milestone of {} · status: {status}", roadmap.phases[phase].title), theme.dim))?;
    for line in crate::text::wrap::wrap_plain(&project.description, theme.text, out.width) {
        out.painter.write_text(out.out, &line.into())?;
    }
    let advice = suggest::advise(roadmap, &session.progress, session.today);
    if let Some(step) = advice.next.iter().find(|s| s.target == suggest::Target::Milestone(phase)) {
        out.line("")?;
        out.line(format!("Suggested now: {}", step.reason))?;
    }
    out.line("")?;
    Ok(out.line(out.paint(&format!("Mark it: roadmap milestone {phase_id} start|done|reset"), theme.dim))?)
}
