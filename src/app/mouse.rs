//! Mouse: a click selects what is under it and focuses its pane; the wheel scrolls the list
//! or text under it. What is where comes from the last frame's geometry.

use super::{Action, App, Effect, Pane, Screen, SkillFocus};
use crate::geometry::{Tab, Target};

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        let targets: Vec<Target> = self.geometry.at(column, row).collect();
        if let Some(Target::Tab(tab)) = targets.first() {
            return self.tab(*tab);
        }
        if self.help.is_some() || self.hours_input.is_some() || self.skill.editor.is_some() {
            return None;
        }
        for target in targets {
            match target {
                Target::HomeStep(index) => self.home_row = index,
                Target::Phases => self.set_pane(Pane::Phases),
                Target::Phase(index) if index != self.map.phase => {
                    self.map.phase = index;
                    self.map.row = 0;
                    self.map.detail_scroll = 0;
                }
                Target::PhasePrevious | Target::PhaseNext => {
                    self.set_pane(Pane::Phases);
                    let motion = if target == Target::PhaseNext { Action::Down } else { Action::Up };
                    return self.map_update(motion);
                }
                Target::MapSkills => self.set_pane(Pane::Skills),
                Target::MapSkill(index) => self.map.row = index,
                Target::MapDetail => self.set_pane(Pane::Detail),
                Target::SkillText => self.skill.focus = SkillFocus::Text,
                Target::SkillItems => self.skill.focus = SkillFocus::Items,
                Target::SkillItem(index) => self.skill.item = index,
                Target::SearchHit(index) => self.search.selected = index,
                _ => {}
            }
        }
        None
    }

    /// A click on a tab of the title bar: the screen it names.
    fn tab(&mut self, tab: Tab) -> Option<Effect> {
        if self.skill.editor.is_some() || self.hours_input.is_some() {
            return None;
        }
        self.help = None;
        match tab {
            Tab::Home => self.go(Screen::Home),
            Tab::Roadmap => self.go(Screen::Roadmap),
            Tab::Search => self.open_search(),
            Tab::Help => self.help = Some(0),
        }
        None
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) -> Option<Effect> {
        let motion = if down { Action::Down } else { Action::Up };
        if self.help.is_some() {
            return self.dispatch(motion);
        }
        if self.hours_input.is_some() || self.skill.editor.is_some() {
            return None;
        }
        let under: Vec<Target> = self.geometry.at(column, row).collect();
        match self.screen {
            Screen::Roadmap => {
                let pane = if under.contains(&Target::Phases) || under.contains(&Target::PhaseNext) {
                    Pane::Phases
                } else if under.contains(&Target::MapDetail) {
                    Pane::Detail
                } else {
                    Pane::Skills
                };
                let keep = self.map.pane;
                self.map.pane = pane;
                self.map_update(motion);
                self.map.pane = keep;
            }
            Screen::Skill(skill) => {
                let keep = self.skill.focus;
                self.skill.focus =
                    if under.contains(&Target::SkillItems) { SkillFocus::Items } else { SkillFocus::Text };
                self.skill_update(skill, motion);
                self.skill.focus = keep;
            }
            Screen::Home | Screen::Search => return self.dispatch(motion),
        }
        None
    }
}
