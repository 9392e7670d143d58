//! `roadmap check ID|PHASE [--in DIR] [--watch]`: runs a skill's or a milestone's checks in
//! the learner's project folder, prints each result, records them, and with `--watch` runs
//! them again whenever a file in the folder changes, until Ctrl-C.

use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::text::{Line, Span};

use super::output::Output;
use super::session::{Failure, Session};
use crate::checks::{self, Cancel, Verdict};
use crate::progress::{CheckRecord, CheckResult};
use crate::suggest::Target;
use crate::suggest::evidence;

/// Lines of a failing check's output shown under it.
const OUTPUT_LINES: usize = 8;

pub fn check(
    session: &mut Session,
    out: &mut Output,
    what: &str,
    dir: Option<&Path>,
    watch: bool,
) -> Result<(), Failure> {
    let target = target(session, what)?;
    let label = label(session, target);
    if evidence::checks(&session.roadmap, target).is_empty() {
        return Err(Failure::Usage(format!("{label} has no checks: nothing to run")));
    }
    if !crate::trust::trusted(&session.roadmap, &session.progress, session.builtin) {
        let count = crate::trust::commands(&session.roadmap).len();
        return Err(Failure::Reported(format!(
            "nothing was run: the checks of {} are shell commands from its files, and you have not trusted them yet. \
             Run `roadmap trust` to read all {count} and trust them (a changed command needs trust again)",
            session.roadmap.title
        )));
    }
    let (folder, why) = folder(session, target, dir);
    let folder = checks::project_folder(&folder).map_err(|error| Failure::Reported(format!("{error}: {why}")))?;
    // Ctrl-C stops the check under way (its whole process group) rather than the program,
    // so nothing is left running and what finished is still recorded.
    let cancel = Cancel::new();
    signal_hook::flag::register(signal_hook::consts::SIGINT, cancel.flag())?;
    if out.tty {
        out.line(Line::styled(format!("Checking {label}"), out.painter.theme.title))?;
        out.line(Span::styled(format!("in {} ({why})", folder.display()), out.painter.theme.dim))?;
    }
    let mut passed = run_all(session, out, target, &folder, &cancel)?;
    if watch && !cancel.is_cancelled() {
        let watcher = checks::Watch::new(&folder).map_err(|error| Failure::Reported(error.to_string()))?;
        if out.tty {
            out.line("")?;
            out.line(Span::styled(
                format!("Watching {} for changes; Ctrl-C stops", folder.display()),
                out.painter.theme.dim,
            ))?;
        }
        let mut failure = None;
        watcher
            .run(&cancel, |_changed| {
                if failure.is_some() {
                    return;
                }
                if out.tty {
                    let _ = out.line("");
                    let _ = out.line(Span::styled("A file changed: checking again", out.painter.theme.dim));
                }
                match run_all(session, out, target, &folder, &cancel) {
                    Ok(all) => passed = all,
                    Err(error) => failure = Some(error),
                }
            })
            .map_err(|error| Failure::Reported(error.to_string()))?;
        if let Some(error) = failure {
            return Err(error);
        }
    }
    if cancel.is_cancelled() && !watch {
        return Err(Failure::Reported("stopped with Ctrl-C".into()));
    }
    if passed { Ok(()) } else { Err(Failure::Silent) }
}

/// A phase's milestone, or a skill: a phase id (in any case) names the milestone.
fn target(session: &Session, what: &str) -> Result<Target, Failure> {
    let phases = &session.roadmap.phases;
    if let Some(phase) = phases.iter().position(|p| p.id.eq_ignore_ascii_case(what)) {
        if phases[phase].milestone.is_none() {
            return Err(Failure::Usage(format!("phase {} has no milestone, so no checks", phases[phase].id)));
        }
        return Ok(Target::Milestone(phase));
    }
    session.find(what).map(Target::Skill)
}

fn label(session: &Session, target: Target) -> String {
    let roadmap = &session.roadmap;
    match target {
        Target::Skill(skill) => format!("{} ({})", roadmap.skills[skill].title, roadmap.skills[skill].id),
        Target::Milestone(phase) => {
            format!("the milestone of {} ({})", roadmap.phases[phase].title, roadmap.phases[phase].id)
        }
    }
}

/// Where the checks run, and why there: `--in`, the phase's project folder, or here.
fn folder(session: &Session, target: Target, dir: Option<&Path>) -> (PathBuf, String) {
    let phase = match target {
        Target::Skill(skill) => session.roadmap.skills[skill].phase,
        Target::Milestone(phase) => phase,
    };
    let phase = &session.roadmap.phases[phase];
    match (dir, session.progress.project(&phase.id)) {
        (Some(dir), _) => (dir.to_path_buf(), "given with --in".to_string()),
        (None, Some(project)) => (PathBuf::from(project), format!("the project folder of {}", phase.title)),
        (None, None) => {
            (PathBuf::from("."), format!("the current folder; `roadmap project {} DIR` remembers another", phase.id))
        }
    }
}

/// Runs every check once, prints and records each result; whether all passed.
fn run_all(
    session: &mut Session,
    out: &mut Output,
    target: Target,
    folder: &Path,
    cancel: &Cancel,
) -> Result<bool, Failure> {
    let checks: Vec<crate::content::Check> = evidence::checks(&session.roadmap, target).to_vec();
    let id = match target {
        Target::Skill(skill) => session.roadmap.skills[skill].id.clone(),
        Target::Milestone(phase) => session.roadmap.phases[phase].id.clone(),
    };
    let (mut passed, mut failed, mut cannot) = (0, 0, 0);
    for (i, check) in checks.iter().enumerate() {
        let number = i + 1;
        let job_timeout = Duration::from_secs(u64::from(check.timeout));
        let outcome =
            checks::run(folder, &check.run, job_timeout, cancel).map_err(|e| Failure::Reported(e.to_string()))?;
        let result = match &outcome.verdict {
            Verdict::Pass => CheckResult::Pass,
            Verdict::Cannot { .. } => CheckResult::Cannot,
            Verdict::Cancelled => break,
            Verdict::Fail { .. } | Verdict::TimedOut => CheckResult::Fail,
        };
        match result {
            CheckResult::Pass => passed += 1,
            CheckResult::Fail => failed += 1,
            CheckResult::Cannot => cannot += 1,
        }
        let record = CheckRecord { result, date: session.today, digest: checks::digest(&check.run) };
        match target {
            Target::Skill(_) => session.progress.record_check(&id, number, record),
            Target::Milestone(_) => session.progress.update_milestone(&id, |m| {
                m.checks.insert(number, record);
            }),
        }
        print_result(out, &id, number, check, &outcome)?;
    }
    session.save()?;
    if out.tty && !cancel.is_cancelled() {
        let total = checks.len();
        let mut summary = format!("{passed} of {total} checks passed");
        if failed > 0 {
            summary.push_str(&format!("; {failed} failed"));
        }
        if cannot > 0 {
            summary.push_str(&format!("; {cannot} could not run"));
        }
        let style = if passed == total { out.painter.theme.done } else { out.painter.theme.warning };
        out.line("")?;
        out.line(Span::styled(if passed == total { format!("{summary}: verified") } else { summary }, style))?;
    }
    Ok(passed == checks.len())
}

fn print_result(
    out: &mut Output,
    id: &str,
    number: usize,
    check: &crate::content::Check,
    outcome: &checks::Outcome,
) -> std::io::Result<()> {
    let word = match outcome.verdict {
        Verdict::Pass => "pass",
        Verdict::Cannot { .. } => "cannot",
        _ => "fail",
    };
    if !out.tty {
        return out.record(&[id, &number.to_string(), word, &check.title]);
    }
    let theme = out.painter.theme;
    let (mark, style) = match outcome.verdict {
        Verdict::Pass => ("✓", theme.done),
        Verdict::Cannot { .. } => ("?", theme.dim),
        _ => ("✗", theme.error),
    };
    let mut line = vec![Span::styled(format!("  {mark} "), style), Span::raw(check.title.clone())];
    match &outcome.verdict {
        Verdict::Pass => {}
        Verdict::Cannot { .. } | Verdict::TimedOut => line.push(Span::styled(format!(": {}", outcome.verdict), style)),
        Verdict::Fail { code } => line.push(Span::styled(format!(" (exit {code})"), theme.dim)),
        Verdict::Cancelled => {}
    }
    out.line(line)?;
    if matches!(outcome.verdict, Verdict::Fail { .. } | Verdict::TimedOut) {
        for text in outcome.output.last_lines(OUTPUT_LINES).lines() {
            out.line(Span::styled(format!("      {text}"), theme.dim))?;
        }
    }
    Ok(())
}
