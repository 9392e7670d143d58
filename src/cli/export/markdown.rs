//! The portfolio report: a Markdown page a learner can keep in a repository or send to a
//! mentor. Titles and summaries are the author's plain text, so they are escaped; the learner's
//! notes are theirs, so their Markdown is kept.

use std::fmt::Write as _;

use crate::progress::{Date, Status};

use super::report::{MilestoneReport, PhaseReport, Report, SkillReport, Totals};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: progress report\n", escape(&report.roadmap.title));
    if !report.roadmap.summary.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&report.roadmap.summary));
    }
    render_summary(&mut out, report);
    for phase in &report.phases {
        render_phase(&mut out, phase);
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn render_summary(out: &mut String, report: &Report) {
    let t = &report.totals;
    let _ = writeln!(out, "As of {}:\n", report.as_of);
    let skipped = if t.skipped > 0 { format!(", {} of them skipped", t.skipped) } else { String::new() };
    let _ = writeln!(out, "- **Skills complete:** {} of {} ({}%){skipped}", t.complete, t.skills, t.percent);
    if t.doing > 0 {
        let _ = writeln!(out, "- **In progress:** {}", plural(t.doing, "skill"));
    }
    if t.milestones > 0 {
        let _ = writeln!(out, "- **Milestone projects done:** {} of {}", t.milestones_done, t.milestones);
    }
    if t.checkpoints > 0 {
        let _ = writeln!(out, "- **Checkpoints met:** {} of {}", t.checkpoints_met, t.checkpoints);
    }
    let _ = writeln!(out, "- **Estimated study time in done skills:** {} of {} hours\n", t.hours_done, t.hours);

    out.push_str("| Phase | Skills complete | Milestone project |\n| --- | --- | --- |\n");
    for phase in &report.phases {
        let milestone = phase.milestone.as_ref().map_or("none", |m| status_words(m.status));
        let _ = writeln!(
            out,
            "| {} | {} of {} | {milestone} |",
            escape(&phase.title),
            phase.totals.complete,
            phase.totals.skills
        );
    }
    out.push('\n');
}

fn render_phase(out: &mut String, phase: &PhaseReport) {
    let _ = writeln!(out, "## {}\n", escape(&phase.title));
    if !phase.goal.is_empty() {
        let _ = writeln!(out, "*{}*\n", escape(&phase.goal));
    }
    let _ = writeln!(out, "{}\n", phase_line(&phase.totals));
    if let Some(milestone) = &phase.milestone {
        render_milestone(out, milestone);
    }
    let group = |status: Status| phase.skills.iter().filter(move |s| s.status == status);
    for (status, heading) in [(Status::Done, "Done"), (Status::Doing, "In progress")] {
        if group(status).next().is_none() {
            continue;
        }
        let _ = writeln!(out, "### {heading}\n");
        for skill in group(status) {
            render_skill(out, skill);
        }
        out.push('\n');
    }
    if group(Status::Skipped).next().is_some() {
        out.push_str("### Skipped\n\n");
        for skill in group(Status::Skipped) {
            let _ = writeln!(out, "- **{}**: {}", escape(&skill.title), escape(&skill.summary));
        }
        out.push('\n');
    }
    if phase.totals.todo > 0 {
        let _ = writeln!(out, "Still to do: {}.\n", plural(phase.totals.todo, "skill"));
    }
}

fn phase_line(totals: &Totals) -> String {
    let mut line = format!("{} of {} complete ({}%)", totals.complete, plural(totals.skills, "skill"), totals.percent);
    if totals.checkpoints > 0 {
        let _ = write!(line, " · {} of {} met", totals.checkpoints_met, plural(totals.checkpoints, "checkpoint"));
    }
    line
}

fn render_milestone(out: &mut String, milestone: &MilestoneReport) {
    let _ = writeln!(out, "### Milestone project: {}\n", escape(&milestone.title));
    let _ = writeln!(out, "{}\n", escape(&milestone.description));
    let when = match milestone.status {
        Status::Done => dated("Done", milestone.finished, milestone.started),
        Status::Doing => since("In progress", milestone.started),
        Status::Skipped => "Skipped".to_string(),
        Status::Todo => "Not started".to_string(),
    };
    let _ = writeln!(out, "Status: {when}.\n");
    if milestone.verified {
        let _ = writeln!(out, "Verified: all {} of its checks passed.\n", milestone.checks.len());
    }
}

fn render_skill(out: &mut String, skill: &SkillReport) {
    let _ = writeln!(out, "- **{}**: {}\\", escape(&skill.title), escape(&skill.summary));
    let mut facts = vec![match skill.status {
        Status::Done if skill.tested_out => dated("Tested out", skill.finished, skill.started),
        Status::Done => dated("Done", skill.finished, skill.started),
        _ => since("In progress", skill.started),
    }];
    if skill.verified {
        facts.push(format!("verified by {}", plural(skill.checks.len(), "check")));
    }
    if let Some(reviewed) = skill.reviewed {
        facts.push(format!("reviewed {reviewed}"));
    }
    if !skill.checkpoints.is_empty() {
        facts.push(format!("{} of {}", skill.checkpoints_met, plural(skill.checkpoints.len(), "checkpoint")));
    }
    let _ = writeln!(out, "  {}", facts.join(" · "));
    // What the learner can now do, in their own checklist's words: the portfolio's substance.
    for checkpoint in skill.checkpoints.iter().filter(|c| c.met) {
        let _ = writeln!(out, "  - [x] {}", escape(&checkpoint.text));
    }
    if let Some(note) = &skill.note {
        for line in note.trim_end().lines() {
            let line = line.trim_end();
            let _ = writeln!(out, "  >{}{line}", if line.is_empty() { "" } else { " " });
        }
    }
}

/// "Done 2026-10-04 (started 2026-10-01)", with whichever dates are known.
fn dated(word: &str, finished: Option<Date>, started: Option<Date>) -> String {
    let mut text = word.to_string();
    if let Some(finished) = finished {
        let _ = write!(text, " {finished}");
    }
    if let Some(started) = started.filter(|s| Some(*s) != finished) {
        let _ = write!(text, " (started {started})");
    }
    text
}

fn since(word: &str, started: Option<Date>) -> String {
    match started {
        Some(started) => format!("{word} since {started}"),
        None => word.to_string(),
    }
}

fn status_words(status: Status) -> &'static str {
    match status {
        Status::Todo => "not started",
        Status::Doing => "in progress",
        Status::Done => "done",
        Status::Skipped => "skipped",
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// Author text as literal Markdown: characters that would start emphasis, links, HTML or a
/// table cell are escaped, and line breaks become spaces. Backticks in pairs stay, with their
/// insides untouched: authors write `code` that way, and a code span cannot run into the
/// markup around it.
fn escape(text: &str) -> String {
    let paired_backticks = text.matches('`').count().is_multiple_of(2);
    let mut in_code = false;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '`' if paired_backticks => {
                in_code = !in_code;
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if in_code => out.push(c),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_text_cannot_turn_into_markup() {
        assert_eq!(escape("C++ *and* `Rust` | <b>"), "C++ \\*and\\* `Rust` \\| \\<b\\>");
        assert_eq!(escape("a ` b_c"), "a \\` b\\_c", "a lone backtick could open a span across the page");
        assert_eq!(escape("run `git log --oneline *_x`"), "run `git log --oneline *_x`");
        assert_eq!(escape("two\nlines"), "two lines");
    }

    #[test]
    fn dates_read_naturally() {
        let date = |s: &str| s.parse::<Date>().ok();
        assert_eq!(dated("Done", date("2026-10-04"), date("2026-10-01")), "Done 2026-10-04 (started 2026-10-01)");
        assert_eq!(dated("Done", date("2026-10-04"), date("2026-10-04")), "Done 2026-10-04");
        assert_eq!(dated("Done", None, None), "Done");
        assert_eq!(since("In progress", date("2026-11-02")), "In progress since 2026-11-02");
    }
}
