//! The Skill screen: the text (scrolling), and the items beside it: checkpoints to tick,
//! prerequisites and unlocked skills to jump to, resources, and the note.

use super::map::moved;
use super::{Action, App, Editor, Effect, Touched};
use crate::ui::{layout, skill as skill_view};

/// Which half of the Skill screen has the keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SkillFocus {
    #[default]
    Text,
    Items,
}

/// One row of the items list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Checkpoint(usize),
    /// A prerequisite, by skill index.
    Requires(usize),
    /// A skill this one unlocks, by skill index.
    Unlocks(usize),
    Resource(usize),
    Note,
}

/// Where the learner is on a skill's page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SkillState {
    pub scroll: u16,
    pub focus: SkillFocus,
    /// Selected row of the items list.
    pub item: usize,
    /// The note being edited, if it is.
    pub editor: Option<Editor>,
}

impl App {
    /// The items beside a skill's text, in the order they are listed.
    pub fn skill_items(&self, skill: usize) -> Vec<Item> {
        let s = &self.roadmap.skills[skill];
        let mut items: Vec<Item> = (0..s.checkpoint_count).map(Item::Checkpoint).collect();
        items.extend(s.requires.iter().map(|&r| Item::Requires(r)));
        items.extend(self.roadmap.unlocks(skill).iter().map(|&u| Item::Unlocks(u)));
        items.extend((0..self.roadmap.page(skill).resources.len()).map(Item::Resource));
        items.push(Item::Note);
        items
    }

    pub(super) fn skill_update(&mut self, index: usize, action: Action) -> Option<Effect> {
        let areas = skill_view::areas(self, index, layout::chrome(self.area).body);
        let page = usize::from(areas.text.height.saturating_sub(2)).max(1);
        match (self.skill.focus, action) {
            (_, Action::NextPane | Action::PrevPane) => {
                self.skill.focus = match self.skill.focus {
                    SkillFocus::Text => SkillFocus::Items,
                    SkillFocus::Items => SkillFocus::Text,
                };
            }
            (_, Action::Left) => self.skill.focus = SkillFocus::Text,
            (_, Action::Right) => self.skill.focus = SkillFocus::Items,
            (_, Action::EditNote) => self.start_note(index),
            (_, Action::EditNoteInEditor) => {
                let note =
                    self.progress.get(&self.roadmap.skills[index].id).map(|r| r.note.clone()).unwrap_or_default();
                return Some(Effect::EditNote { skill: index, note });
            }
            (_, Action::OpenResource) => return self.open_resource(index),
            (_, Action::ToggleCheckpoint) => {
                if let Some(Item::Checkpoint(checkpoint)) = self.selected_item(index) {
                    return self.toggle_checkpoint(index, checkpoint);
                }
                self.say("Select a checkpoint in the items list (Tab), then press t".to_string());
            }
            (SkillFocus::Text, Action::Open) => self.skill.focus = SkillFocus::Items,
            (SkillFocus::Items, Action::Open) => return self.open_item(index),
            (SkillFocus::Text, motion) => {
                let width = layout::inner(areas.text).width;
                let lines = skill_view::text_lines(self, index, width);
                let max = lines.saturating_sub(usize::from(areas.text.height.saturating_sub(2)));
                self.skill.scroll = moved(usize::from(self.skill.scroll), max + 1, motion, page) as u16;
            }
            (SkillFocus::Items, motion) => {
                let len = self.skill_items(index).len();
                self.skill.item = moved(self.skill.item, len, motion, page);
            }
        }
        None
    }

    pub fn selected_item(&self, skill: usize) -> Option<Item> {
        self.skill_items(skill).get(self.skill.item).copied()
    }

    fn open_item(&mut self, skill: usize) -> Option<Effect> {
        match self.selected_item(skill)? {
            Item::Checkpoint(checkpoint) => return self.toggle_checkpoint(skill, checkpoint),
            Item::Requires(other) | Item::Unlocks(other) => self.open_skill(other),
            Item::Resource(resource) => {
                return Some(Effect::Open { url: self.roadmap.page(skill).resources[resource].url.clone() });
            }
            Item::Note => self.start_note(skill),
        }
        None
    }

    /// The selected resource, or the skill's first one.
    fn open_resource(&mut self, skill: usize) -> Option<Effect> {
        let resources = &self.roadmap.page(skill).resources;
        let chosen = match self.selected_item(skill) {
            Some(Item::Resource(resource)) => Some(resource),
            _ => (!resources.is_empty()).then_some(0),
        };
        match chosen {
            Some(resource) => Some(Effect::Open { url: resources[resource].url.clone() }),
            None => {
                self.say("This skill lists no resources".to_string());
                None
            }
        }
    }

    /// The note as the learner's editor left it; saved if it changed.
    pub fn note_from_editor(&mut self, skill: usize, text: &str) -> Option<Effect> {
        let id = self.roadmap.skills[skill].id.clone();
        let before = self.progress.get(&id).map(|r| r.note.clone()).unwrap_or_default();
        let text = Editor::new(text).text();
        if text == before {
            self.say("Note unchanged".to_string());
            return None;
        }
        self.record_skill_change(&id, Touched::Note);
        if let Err(error) = self.progress.set_note(&id, &text) {
            self.undo.pop();
            self.message = Some(super::Message { text: format!("Note not saved: {error}"), error: true });
            return None;
        }
        self.refresh();
        self.say("Note saved".to_string());
        Some(Effect::Save)
    }

    fn toggle_checkpoint(&mut self, skill: usize, checkpoint: usize) -> Option<Effect> {
        let id = self.roadmap.skills[skill].id.clone();
        self.record_skill_change(&id, Touched::Checkpoint);
        self.progress.toggle_checkpoint(&id, checkpoint);
        let ticked = self.progress.get(&id).is_some_and(|r| r.checkpoints.contains(&checkpoint));
        self.say(if ticked { "Checkpoint ticked" } else { "Checkpoint unticked" }.to_string());
        Some(Effect::Save)
    }

    fn start_note(&mut self, skill: usize) {
        let note = self.progress.get(&self.roadmap.skills[skill].id).map(|r| r.note.clone()).unwrap_or_default();
        self.skill.editor = Some(Editor::new(&note));
        self.skill.focus = SkillFocus::Items;
        self.skill.item = self.skill_items(skill).len() - 1;
    }

    pub(super) fn note_update(&mut self, action: Action) -> Option<Effect> {
        let super::Screen::Skill(skill) = self.screen else { return None };
        let items = skill_view::areas(self, skill, layout::chrome(self.area).body).items;
        let width = usize::from(layout::inner(items).width);
        let editor = self.skill.editor.as_mut()?;
        match action {
            Action::Insert(c) => editor.insert(c),
            Action::Newline => editor.newline(),
            Action::DeleteBack => editor.delete_back(),
            Action::DeleteForward => editor.delete_forward(),
            Action::Left => editor.left(),
            Action::Right => editor.right(),
            Action::Up => editor.up(width),
            Action::Down => editor.down(width),
            Action::LineStart => editor.line_start(),
            Action::LineEnd => editor.line_end(),
            Action::Finish | Action::Back => return self.finish_note(),
            _ => {}
        }
        None
    }

    /// Closes the note editor and keeps what was typed.
    pub(super) fn finish_note(&mut self) -> Option<Effect> {
        let editor = self.skill.editor.take()?;
        let super::Screen::Skill(skill) = self.screen else { return None };
        let id = self.roadmap.skills[skill].id.clone();
        let text = editor.text();
        let before = self.progress.get(&id).map(|r| r.note.clone()).unwrap_or_default();
        if text == before {
            return None;
        }
        self.record_skill_change(&id, Touched::Note);
        if let Err(error) = self.progress.set_note(&id, &text) {
            self.undo.pop();
            self.message = Some(super::Message { text: format!("Note not saved: {error}"), error: true });
            return None;
        }
        self.say("Note saved".to_string());
        Some(Effect::Save)
    }
}
