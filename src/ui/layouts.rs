//! Text laid out once per width: a skill's Markdown (or a phase's introduction) is rendered
//! when first shown at a width and kept, so scrolling it or pressing a key redraws from what
//! is kept instead of rendering the Markdown again. Content does not change while the tutor
//! runs; a new width is a new entry.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ratatui::text::Text;

/// What a kept layout is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A skill's body, by index.
    SkillBody(usize),
    /// A phase's introduction, by index.
    PhaseIntro(usize),
    /// A phase's milestone description, by the phase's index.
    Milestone(usize),
}

/// Kept layouts, a few dozen at most.
#[derive(Debug, Default)]
pub struct Layouts {
    // A lock only so the tutor's state can move between threads (the signal thread draws
    // after Ctrl-Z); one thread draws at a time.
    kept: Mutex<HashMap<(Key, u16), Arc<Text<'static>>>>,
}

/// More than a learner moves between in a session at one or two widths; when it is reached
/// everything is dropped and laid out again as shown.
const MOST: usize = 64;

impl Layouts {
    /// The layout of `key` at `width`, made by `lay_out` the first time.
    pub fn get(&self, key: Key, width: u16, lay_out: impl FnOnce() -> Text<'static>) -> Arc<Text<'static>> {
        let mut kept = self.kept.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(text) = kept.get(&(key, width)) {
            return Arc::clone(text);
        }
        let text = Arc::new(lay_out());
        if kept.len() >= MOST {
            kept.clear();
        }
        kept.insert((key, width), Arc::clone(&text));
        text
    }
}
