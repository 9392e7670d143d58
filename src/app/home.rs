//! The Home screen: the next steps are a list the learner can open.

use super::map::moved;
use super::{Action, App, Effect};
use crate::suggest::{self, Suggestion};

/// How many next steps Home lists.
pub const HOME_STEPS: usize = 8;

impl App {
    /// The next steps shown on Home.
    pub fn home_steps(&self) -> Vec<Suggestion> {
        let mut steps = suggest::next_steps(&self.roadmap, &self.progress, self.today);
        steps.truncate(HOME_STEPS);
        steps
    }

    pub(super) fn home_selected_skill(&self) -> Option<usize> {
        self.home_steps().get(self.home_row).map(|s| s.skill)
    }

    pub(super) fn home_update(&mut self, action: Action) -> Option<Effect> {
        let steps = self.home_steps().len();
        match action {
            Action::Open => {
                if let Some(skill) = self.home_selected_skill() {
                    self.open_skill(skill);
                }
            }
            Action::EditHours => {
                let current = self.progress.weekly_hours.map(|h| h.to_string()).unwrap_or_default();
                self.hours_input = Some(current);
            }
            motion => self.home_row = moved(self.home_row, steps, motion, steps.max(1)),
        }
        None
    }
}
