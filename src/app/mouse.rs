//! Mouse: a click selects what is under it; the wheel scrolls the list or text under it.

use super::{Action, App, Effect, Pane, Screen, SkillFocus};
use crate::ui::{home as home_view, layout, skill as skill_view};

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        if self.help.is_some() || self.hours_input.is_some() || self.skill.editor.is_some() {
            return None;
        }
        let body = layout::chrome(self.area).body;
        match self.screen {
            Screen::Home => {
                if let Some(index) = home_view::step_at(self, body, column, row) {
                    self.home_row = index;
                }
            }
            Screen::Roadmap => {
                let areas = layout::map(body);
                if layout::contains(areas.phases, column, row) {
                    self.map.pane = Pane::Phases;
                    if areas.stacked {
                        let half = areas.phases.x + areas.phases.width / 2;
                        let motion = if column < half { Action::Up } else { Action::Down };
                        return self.map_update(motion);
                    }
                    if let Some(index) = list_row(areas.phases, row, self.map.phase, self.roadmap.phases.len())
                        && index != self.map.phase
                    {
                        self.map.phase = index;
                        self.map.row = 0;
                    }
                } else if layout::contains(areas.skills, column, row) {
                    self.map.pane = Pane::Skills;
                    let len = self.visible_skills(self.map.phase).len();
                    if let Some(index) = list_row(areas.skills, row, self.map.row, len) {
                        self.map.row = index;
                    }
                } else if layout::contains(areas.detail, column, row) {
                    self.map.pane = Pane::Detail;
                }
            }
            Screen::Skill(skill) => {
                let areas = skill_view::areas(self, skill, body);
                if layout::contains(areas.text, column, row) {
                    self.skill.focus = SkillFocus::Text;
                } else if layout::contains(areas.items, column, row) {
                    self.skill.focus = SkillFocus::Items;
                    let inner = layout::inner(areas.items);
                    if let Some(item) = skill_view::item_at(self, skill, inner, row) {
                        self.skill.item = item;
                    }
                }
            }
            Screen::Search => {
                let results = layout::search(body).results;
                let len = self.search.hits.len();
                let inner = layout::inner(results);
                if layout::contains(inner, column, row) {
                    let rows = usize::from(inner.height / 2);
                    let offset = layout::list_offset(self.search.selected, len, rows);
                    let index = offset + usize::from(row - inner.y) / 2;
                    if index < len {
                        self.search.selected = index;
                    }
                }
            }
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
        let body = layout::chrome(self.area).body;
        match self.screen {
            Screen::Roadmap => {
                let areas = layout::map(body);
                let pane = if layout::contains(areas.phases, column, row) {
                    Pane::Phases
                } else if layout::contains(areas.detail, column, row) {
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
                let areas = skill_view::areas(self, skill, body);
                let keep = self.skill.focus;
                self.skill.focus =
                    if layout::contains(areas.items, column, row) { SkillFocus::Items } else { SkillFocus::Text };
                self.skill_update(skill, motion);
                self.skill.focus = keep;
            }
            Screen::Home | Screen::Search => return self.dispatch(motion),
        }
        None
    }
}

/// The list index under a clicked row of a bordered list drawn with `layout::list_offset`.
fn list_row(area: ratatui::layout::Rect, row: u16, selected: usize, len: usize) -> Option<usize> {
    let inner = layout::inner(area);
    if row < inner.y || row >= inner.y + inner.height {
        return None;
    }
    let offset = layout::list_offset(selected, len, usize::from(inner.height));
    let index = offset + usize::from(row - inner.y);
    (index < len).then_some(index)
}
