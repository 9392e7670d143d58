//! The Home screen: the next steps and reviews due are a list the learner can open; a
//! selected milestone takes `d` (done) and `r` (open again); `p` shows the current phase
//! whole; `w` opens the weekly-hours prompt over it.

use super::map::moved;
use super::{Action, App, Effect, Pane, Screen};
use crate::progress::Status;
use crate::suggest::{Suggestion, Target};

/// How many next steps Home suggests: the best few, as `roadmap next` does. Reviews due are
/// all listed, since each is a thing to do, not a suggestion among many.
pub const HOME_STEPS: usize = 8;

impl App {
    /// The rows of Home's list: the best next steps, then every review due. The list
    /// scrolls, so each one can be reached.
    pub fn home_items(&self) -> Vec<&Suggestion> {
        let next = self.derived.advice.next.iter().take(HOME_STEPS);
        next.chain(&self.derived.advice.reviews).collect()
    }

    fn home_target(&self) -> Option<Target> {
        self.home_items().get(self.home_row).map(|s| s.target)
    }

    pub fn home_selected_skill(&self) -> Option<usize> {
        match self.home_target()? {
            Target::Skill(skill) => Some(skill),
            Target::Milestone(_) => None,
        }
    }

    /// What follows from the progress is worked out once per change, not on every key or
    /// frame.
    pub(crate) fn refresh(&mut self) {
        let selected = self.home_target();
        self.derived = super::Derived::new(&self.roadmap, &self.progress, self.today, &self.memo);
        // The step stays selected when the list reorders around it; one that left the list
        // (done) gives its row to the step after it.
        if let Some(row) = selected.and_then(|target| self.home_items().iter().position(|s| s.target == target)) {
            self.home_row = row;
        }
    }

    /// A phase on the Roadmap with the phase list focused, so the detail pane shows all of
    /// it: goal, milestone, introduction.
    fn show_phase(&mut self, phase: usize) {
        self.go(Screen::Roadmap);
        self.map.phase = phase;
        self.map.row = 0;
        self.map.detail_scroll = 0;
        self.map.pane = Pane::Phases;
    }

    pub(super) fn home_update(&mut self, action: Action) -> Option<Effect> {
        let rows = self.home_items().len();
        match (action, self.home_target()) {
            (Action::Open, Some(Target::Skill(skill))) => self.open_skill(skill),
            (Action::Open, Some(Target::Milestone(phase))) => self.show_phase(phase),
            (Action::ShowPhase, _) => match self.derived.current_phase {
                Some(phase) => self.show_phase(phase),
                None => self.say("Every phase is complete: 2 shows them all".to_string()),
            },
            (Action::SetStatus(status @ (Status::Done | Status::Todo)), Some(Target::Milestone(phase))) => {
                let is_done = self.progress.milestone_status(&self.roadmap.phases[phase].id) == Status::Done;
                if is_done != (status == Status::Done) {
                    return self.toggle_milestone(phase);
                }
            }
            (Action::EditHours, _) => {
                let current = self.progress.weekly_hours.map(|h| h.to_string()).unwrap_or_default();
                self.hours_input = Some(super::Field::selected(&current));
            }
            (motion, _) => self.home_row = moved(self.home_row, rows, &motion, rows.max(1)),
        }
        None
    }

    /// The weekly-hours prompt: a box of digits; a number out of range keeps it open.
    pub(super) fn hours_update(&mut self, action: Action) -> Option<Effect> {
        let field = self.hours_input.as_mut()?;
        match action {
            Action::Back => self.hours_input = None,
            // A number out of range keeps the prompt open, to be corrected.
            Action::Finish => {
                let typed = field.text().to_string();
                match typed.parse::<f32>().map_err(|_| "a number").and_then(crate::progress::check_weekly_hours) {
                    Ok(hours) => {
                        self.hours_input = None;
                        self.undo.push(super::Change::Hours { before: self.progress.weekly_hours });
                        self.progress.weekly_hours = Some(hours);
                        self.say(format!("Planning with {hours} hours a week"));
                        return Some(Effect::Save);
                    }
                    Err(_) if typed.is_empty() => {
                        self.warn("Type your hours a week, from 0.5 to 168 (Esc cancels)".to_string());
                    }
                    Err(_) => self.warn(format!("Hours a week go from 0.5 to 168, not {typed} (Esc cancels)")),
                }
            }
            // Only what an amount of hours is written with types; a second point would not parse.
            Action::Insert(c) if !(c.is_ascii_digit() || c == '.') => {
                self.warn("Weekly hours: digits, and a point for a half (2.5)".to_string());
            }
            Action::Insert('.') if !field.is_selected() && field.text().contains('.') => {}
            Action::Insert(_) if !field.is_selected() && field.text().len() >= 6 => {}
            edit => {
                field.edit(&edit);
            }
        }
        None
    }
}
