//! Running a skill's or a milestone's checks from the TUI: another roadmap's commands are shown
//! for the learner to trust first; the run happens on a worker thread (each result comes back
//! as an action), and every result is recorded as it arrives, so the screen never freezes and
//! nothing is lost if the learner quits halfway.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::checks::Job;
use crate::progress::CheckRecord;
use crate::suggest::Target;
use crate::suggest::evidence;

use super::{Action, App, CheckReport, Effect};

/// A run of checks, under way or finished.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecksRun {
    /// Which run this is: reports of an earlier, cancelled run are ignored.
    pub run: u64,
    pub target: Target,
    /// The check running now (index from 0).
    pub running: Option<usize>,
    /// What each finished check said ("failed (exit 1)", "cannot check: pytest not found") and
    /// the last lines of its output, by index.
    pub said: BTreeMap<usize, (String, String)>,
    pub finished: bool,
}

/// The trust question shown before another roadmap's checks run for the first time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustPrompt {
    pub target: Target,
    pub scroll: u16,
}

impl App {
    /// Runs the checks of `target`, after the trust question if the roadmap needs it.
    pub(super) fn run_checks(&mut self, target: Target) -> Option<Effect> {
        let label = self.target_label(target);
        let checks = evidence::checks(&self.roadmap, target);
        if checks.is_empty() {
            self.say(format!("{label} has no checks"));
            return None;
        }
        if let Some(run) = self.checks.as_ref().filter(|run| !run.finished) {
            let run = run.run;
            self.say("Checks stopped".to_string());
            return Some(Effect::CancelChecks { run });
        }
        if !crate::trust::trusted(&self.roadmap, &self.progress, self.builtin) {
            self.trust_prompt = Some(TrustPrompt { target, scroll: 0 });
            return None;
        }
        let jobs = checks
            .iter()
            .map(|c| Job { run: c.run.clone(), timeout: Duration::from_secs(u64::from(c.timeout)) })
            .collect();
        self.next_run += 1;
        let run = self.next_run;
        self.checks = Some(ChecksRun { run, target, running: None, said: BTreeMap::new(), finished: false });
        let folder = self.progress.project(&self.roadmap.phases[self.target_phase(target)].id).map(str::to_string);
        let place = folder.clone().unwrap_or_else(|| "the folder the tutor started in".to_string());
        self.say(format!("Checking {label} in {place} (R stops)"));
        Some(Effect::RunChecks { run, folder, jobs })
    }

    pub(super) fn trust_update(&mut self, action: Action) -> Option<Effect> {
        let prompt = self.trust_prompt?;
        match action {
            Action::TrustChecks => {
                self.trust_prompt = None;
                crate::trust::trust(&mut self.progress, &self.roadmap);
                self.run_checks(prompt.target)
            }
            Action::Back => {
                self.trust_prompt = None;
                self.say("Not trusted: nothing ran".to_string());
                None
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom => {
                let crate::geometry::Scroll { page, max } = self.geometry.trust;
                let scroll = super::map::moved(usize::from(prompt.scroll), max + 1, &action, page.max(1));
                self.trust_prompt = Some(TrustPrompt { scroll: scroll as u16, ..prompt });
                None
            }
            _ => None,
        }
    }

    /// A report from the worker: shown, and each result recorded.
    pub(super) fn check_report(&mut self, run: u64, report: CheckReport) -> Option<Effect> {
        let target = {
            let checks = self.checks.as_mut().filter(|c| c.run == run)?;
            match &report {
                CheckReport::Started(index) => checks.running = Some(*index),
                CheckReport::Finished { index, said, tail, .. } => {
                    checks.running = None;
                    checks.said.insert(*index, (said.clone(), tail.clone()));
                }
                CheckReport::Failed(_) | CheckReport::Done => {
                    checks.running = None;
                    checks.finished = true;
                }
            }
            checks.target
        };
        match report {
            CheckReport::Finished { index, result: Some(result), .. } => {
                let check = &evidence::checks(&self.roadmap, target)[index];
                let record = CheckRecord { result, date: self.today, digest: crate::checks::digest(&check.run) };
                self.record_check(target, index + 1, record);
                Some(Effect::Save)
            }
            CheckReport::Failed(why) => {
                self.warn(format!("The checks could not run: {why}"));
                None
            }
            CheckReport::Done => {
                let found = evidence::evidence(&self.roadmap, &self.progress, target);
                let label = self.target_label(target);
                if found.verified() {
                    self.say(format!("{label}: every check passed, verified"));
                } else {
                    let mut said = format!("{label}: {} of {} checks passed", found.passed, found.total);
                    if found.cannot > 0 {
                        said.push_str(&format!("; {} could not run", found.cannot));
                    }
                    self.warn(said);
                }
                // The trust just given, if any, is saved with the results.
                Some(Effect::Save)
            }
            _ => None,
        }
    }

    fn record_check(&mut self, target: Target, number: usize, record: CheckRecord) {
        match target {
            Target::Skill(skill) => {
                let id = self.roadmap.skills[skill].id.clone();
                self.progress.record_check(&id, number, record);
            }
            Target::Milestone(phase) => {
                let id = self.roadmap.phases[phase].id.clone();
                self.progress.update_milestone(&id, |m| {
                    m.checks.insert(number, record);
                });
            }
        }
        self.refresh();
    }

    fn target_phase(&self, target: Target) -> usize {
        match target {
            Target::Skill(skill) => self.roadmap.skills[skill].phase,
            Target::Milestone(phase) => phase,
        }
    }

    /// How messages name a skill or a milestone.
    pub fn target_label(&self, target: Target) -> String {
        match target {
            Target::Skill(skill) => self.roadmap.skills[skill].title.clone(),
            Target::Milestone(phase) => format!("the milestone of {}", self.roadmap.phases[phase].title),
        }
    }
}
