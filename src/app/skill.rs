//! The Skill screen: the text (scrolling), and the items beside it: checkpoints to tick,
//! prerequisites and unlocked skills to jump to, resources, and the note.

use super::map::moved;
use super::{Action, App, Editor, EditorOutcome, Effect, Touched};

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
    /// One of the skill's checks, by index.
    Check(usize),
    /// A prerequisite, by skill index.
    Requires(usize),
    /// A skill this one unlocks, by skill index.
    Unlocks(usize),
    Resource(usize),
    /// A web link written in the skill's text, by index into [`App::text_links`].
    TextLink(usize),
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
        items.extend((0..s.checks.len()).map(Item::Check));
        items.extend(s.requires.iter().map(|&r| Item::Requires(r)));
        items.extend(self.roadmap.unlocks(skill).iter().map(|&u| Item::Unlocks(u)));
        items.extend((0..self.roadmap.page(skill).resources.len()).map(Item::Resource));
        items.extend((0..self.text_links(skill).len()).map(Item::TextLink));
        items.push(Item::Note);
        items
    }

    pub(super) fn skill_update(&mut self, index: usize, action: Action) -> Option<Effect> {
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
                let crate::geometry::Scroll { page, max } = self.geometry.skill_text;
                let scroll = usize::from(self.skill.scroll).min(max);
                self.skill.scroll = moved(scroll, max + 1, &motion, page.max(1)) as u16;
            }
            (SkillFocus::Items, motion) => {
                let len = self.skill_items(index).len();
                self.skill.item = moved(self.skill.item, len, &motion, self.geometry.skill_items_page.max(1));
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
            Item::Check(_) => return self.run_checks(crate::suggest::Target::Skill(skill)),
            Item::Requires(other) | Item::Unlocks(other) => self.open_skill(other),
            Item::TextLink(link) => {
                let (_, url) = self.text_links(skill).swap_remove(link);
                return Some(Effect::Open { url });
            }
            Item::Resource(resource) => {
                return Some(Effect::Open { url: self.roadmap.page(skill).resources[resource].url.clone() });
            }
            Item::Note => self.start_note(skill),
        }
        None
    }

    /// The selected resource, or the skill's first one.
    fn open_resource(&mut self, skill: usize) -> Option<Effect> {
        if let Some(Item::TextLink(link)) = self.selected_item(skill) {
            let (_, url) = self.text_links(skill).swap_remove(link);
            return Some(Effect::Open { url });
        }
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

    /// The web links written in a skill's text (`[words](https://...)`), as (words, URL), in
    /// order and once each; the skill's resources are not repeated. Only http and https:
    /// nothing else is ever opened.
    pub fn text_links(&self, skill: usize) -> Vec<(String, String)> {
        use pulldown_cmark::{Event, Parser, Tag, TagEnd};
        let page = self.roadmap.page(skill);
        let mut links: Vec<(String, String)> = Vec::new();
        let mut open: Option<(String, String)> = None;
        for event in Parser::new(&page.body) {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) => open = Some((String::new(), dest_url.to_string())),
                Event::Text(text) | Event::Code(text) => {
                    if let Some((words, _)) = open.as_mut() {
                        words.push_str(&text);
                    }
                }
                Event::End(TagEnd::Link) => {
                    let Some((words, url)) = open.take() else { continue };
                    let web = url.starts_with("https://") || url.starts_with("http://");
                    let known = links.iter().any(|(_, u)| *u == url) || page.resources.iter().any(|r| r.url == url);
                    if web && !known {
                        links.push((if words.trim().is_empty() { url.clone() } else { words }, url));
                    }
                }
                _ => {}
            }
        }
        links
    }

    /// The note as the learner's editor left it; saved if it changed. What cannot be kept as
    /// it was (bytes that are not UTF-8, a note too long) is said, and the editor's file kept.
    pub(super) fn note_from_editor(&mut self, skill: usize, outcome: EditorOutcome) -> Option<Effect> {
        let (text, replaced, kept) = match outcome {
            EditorOutcome::Text { text, replaced, kept } => (text, replaced, kept),
            EditorOutcome::Failed(why) => {
                self.warn(format!("{why}; the note is unchanged"));
                return None;
            }
            EditorOutcome::NotSet => {
                self.start_note(skill);
                self.say("No $VISUAL or $EDITOR set: editing here (Esc keeps the note)".to_string());
                return None;
            }
        };
        let id = self.roadmap.skills[skill].id.clone();
        let before = self.progress.get(&id).map(|r| r.note.clone()).unwrap_or_default();
        let text = Editor::new(&text).text();
        let copy = kept.map(|path| format!("; your text is also in {path}")).unwrap_or_default();
        if text == before {
            self.say(format!("Note unchanged{copy}"));
            return None;
        }
        self.record_skill_change(&id, Touched::Note);
        if let Err(error) = self.progress.set_note(&id, &text) {
            self.undo.pop();
            self.warn(format!("Note not saved: {error}{copy}"));
            return None;
        }
        if replaced > 0 {
            let bytes = if replaced == 1 { "1 byte that was" } else { "bytes that were" };
            self.warn(format!("Note saved, but {bytes} not UTF-8 became \u{fffd}{copy}"));
        } else {
            self.say(format!("Note saved{copy}"));
        }
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
        let width = self.geometry.note_width.max(1);
        let editor = self.skill.editor.as_mut()?;
        // Typing stops at the cap, so a note the file could not hold is never typed.
        let full = editor.bytes() + 4 > crate::progress::MAX_NOTE_BYTES;
        if full && matches!(action, Action::Insert(_) | Action::Newline) {
            let limit = crate::progress::MAX_NOTE_BYTES / 1024;
            self.warn(format!("The note is at its limit of {limit} KiB: shorten it, or keep notes elsewhere"));
            return None;
        }
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
            // Unreachable while typing is capped; kept so a note is never dropped silently.
            self.undo.pop();
            self.skill.editor = Some(editor);
            self.warn(format!("Note not saved: {error}"));
            return None;
        }
        self.say("Note saved".to_string());
        Some(Effect::Save)
    }
}
