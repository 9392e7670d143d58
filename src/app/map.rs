//! The Roadmap screen: phases | skills of the phase | detail, with filters.

use super::{Action, App, Effect, Screen};
use crate::content::Level;

/// Which of the three panes has the keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Pane {
    Phases,
    #[default]
    Skills,
    Detail,
}

/// Where the learner is on the Roadmap screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MapState {
    pub phase: usize,
    /// Row in the phase's visible (filtered) skills.
    pub row: usize,
    pub pane: Pane,
    pub core_only: bool,
    pub hide_done: bool,
    pub detail_scroll: u16,
}

impl App {
    /// The skills of a phase that pass the filters, in learning order.
    pub fn visible_skills(&self, phase: usize) -> Vec<usize> {
        self.roadmap.phases[phase]
            .skills
            .clone()
            .filter(|&i| {
                let skill = &self.roadmap.skills[i];
                (!self.map.core_only || skill.level == Level::Core)
                    && (!self.map.hide_done || !self.derived.tally.status(i).is_complete())
            })
            .collect()
    }

    pub fn map_selected_skill(&self) -> Option<usize> {
        self.visible_skills(self.map.phase).get(self.map.row).copied()
    }

    /// Points the Roadmap screen at a skill (when it is opened from elsewhere).
    pub(super) fn sync_map_to(&mut self, skill: usize) {
        self.map.phase = self.roadmap.skills[skill].phase;
        if let Some(row) = self.visible_skills(self.map.phase).iter().position(|&i| i == skill) {
            self.map.row = row;
        }
    }

    pub(super) fn map_update(&mut self, action: Action) -> Option<Effect> {
        let phases = self.roadmap.phases.len();
        let rows = self.visible_skills(self.map.phase).len();
        let page = self.geometry.map_skills_page.max(1);
        let pane = self.map.pane;
        match (pane, action) {
            // On a phase, Enter goes to its skills; elsewhere it opens the selected skill.
            (Pane::Phases, Action::Open) => self.set_pane(Pane::Skills),
            (_, Action::Open) => {
                if let Some(skill) = self.map_selected_skill() {
                    self.open_skill(skill);
                }
            }
            (Pane::Phases, Action::CycleStatus | Action::SetStatus(_)) => {
                self.say("Status keys change a skill: press → to pick one (m marks the milestone)".to_string());
            }
            (_, Action::ToggleMilestone) => return self.toggle_milestone(self.map.phase),
            (_, Action::ToggleCoreOnly) => {
                self.refilter(|map| map.core_only = !map.core_only);
                let shown = if self.map.core_only { "core skills only" } else { "all skills" };
                self.say(format!("Showing {shown}"));
            }
            (_, Action::ToggleHideDone) => {
                self.refilter(|map| map.hide_done = !map.hide_done);
                let shown = if self.map.hide_done { "Hiding done and skipped skills" } else { "Showing done skills" };
                self.say(shown.to_string());
            }
            (_, Action::NextPane) => self.set_pane(next_pane(pane, true)),
            (_, Action::PrevPane) => self.set_pane(next_pane(pane, false)),
            (Pane::Phases, Action::Right) => self.set_pane(Pane::Skills),
            (Pane::Skills, Action::Left) => self.set_pane(Pane::Phases),
            (Pane::Skills, Action::Right) => self.set_pane(Pane::Detail),
            (Pane::Detail, Action::Left) => self.set_pane(Pane::Skills),
            (Pane::Phases, motion) => {
                let phase = moved(self.map.phase, phases, &motion, 3);
                if phase != self.map.phase {
                    self.map.phase = phase;
                    self.map.row = 0;
                    self.map.detail_scroll = 0;
                }
            }
            (Pane::Skills, motion) => {
                let row = moved(self.map.row, rows, &motion, page);
                if row != self.map.row {
                    self.map.row = row;
                    self.map.detail_scroll = 0;
                }
            }
            (Pane::Detail, motion) => {
                let crate::geometry::Scroll { page, max } = self.geometry.map_detail;
                let scroll = usize::from(self.map.detail_scroll).min(max);
                self.map.detail_scroll = moved(scroll, max + 1, &motion, page.max(1)) as u16;
            }
        }
        None
    }

    /// Focuses a pane; the detail starts from its top when it shows something else.
    pub(super) fn set_pane(&mut self, pane: Pane) {
        if (pane == Pane::Phases) != (self.map.pane == Pane::Phases) {
            self.map.detail_scroll = 0;
        }
        self.map.pane = pane;
    }

    /// Changes a filter, keeping the same skill selected when it is still shown.
    fn refilter(&mut self, change: impl FnOnce(&mut super::MapState)) {
        let selected = self.map_selected_skill();
        change(&mut self.map);
        let visible = self.visible_skills(self.map.phase);
        self.map.row = selected
            .and_then(|s| visible.iter().position(|&i| i == s))
            .unwrap_or(self.map.row.min(visible.len().saturating_sub(1)));
    }

    /// Opens a skill's page, remembering the current screen for Esc.
    pub fn open_skill(&mut self, skill: usize) {
        self.go(Screen::Skill(skill));
        self.skill = super::SkillState::default();
        self.sync_map_to(skill);
    }
}

fn next_pane(pane: Pane, forward: bool) -> Pane {
    match (pane, forward) {
        (Pane::Phases, true) | (Pane::Detail, false) => Pane::Skills,
        (Pane::Skills, true) => Pane::Detail,
        (Pane::Detail, true) | (Pane::Skills, false) => Pane::Phases,
        (Pane::Phases, false) => Pane::Detail,
    }
}

/// A list position after a motion key; other actions leave it.
pub(super) fn moved(position: usize, len: usize, motion: &Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match motion {
        Action::Up => position.saturating_sub(1),
        Action::Down => (position + 1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => position.saturating_sub(page),
        Action::PageDown => (position + page).min(last),
        _ => position,
    }
}
