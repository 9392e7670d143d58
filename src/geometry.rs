//! Where a frame put things, as plain data: drawing produces it, the loop hands it to
//! `App::update` (as `Action::Drawn`), and keys and clicks use it. So the app never asks the
//! view how big anything is, and the answers always match what is on screen.

use ratatui::layout::{Position, Rect};

/// A scrolling text: how many rows show, and how far it can scroll.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    /// Rows a page key moves.
    pub page: usize,
    /// The furthest scroll: the last line at the bottom of the pane.
    pub max: usize,
}

/// Something a click or the wheel can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A tab in the title bar.
    Tab(Tab),
    /// Home's list of next steps, and one step in it.
    HomeSteps,
    HomeStep(usize),
    /// The Roadmap's panes, and a row in them.
    Phases,
    Phase(usize),
    /// The one-line phase picker of narrow terminals: its left and right halves.
    PhasePrevious,
    PhaseNext,
    MapSkills,
    MapSkill(usize),
    MapDetail,
    /// A skill's page: the text, the items, and one item.
    SkillText,
    SkillItems,
    SkillItem(usize),
    /// Search results, and one result.
    SearchResults,
    SearchHit(usize),
    /// The help box.
    Help,
}

/// The tabs of the title bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Home,
    Roadmap,
    Search,
    Help,
}

/// Everything `update` needs to know about the frame on screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Geometry {
    /// The terminal is big enough to use; below it only quit works.
    pub usable: bool,
    /// What was drawn where, outer parts before the parts inside them.
    pub targets: Vec<(Rect, Target)>,
    /// Rows of the Roadmap's skill list.
    pub map_skills_page: usize,
    pub map_detail: Scroll,
    pub skill_text: Scroll,
    /// Rows of a skill's items list.
    pub skill_items_page: usize,
    /// Columns of the note editor's text, for moving by screen rows.
    pub note_width: usize,
    /// Results a page of search shows.
    pub search_page: usize,
    pub help: Scroll,
    /// The quiz's text (a question, its explanation), when taller than the screen.
    pub quiz: Scroll,
    /// The list of commands in the trust question.
    pub trust: Scroll,
}

impl Geometry {
    /// What lies under a cell, outermost first.
    pub fn at(&self, column: u16, row: u16) -> impl Iterator<Item = Target> + '_ {
        let cell = Position { x: column, y: row };
        self.targets.iter().filter(move |(area, _)| area.contains(cell)).map(|(_, target)| *target)
    }

    pub fn record(&mut self, area: Rect, target: Target) {
        if area.area() > 0 {
            self.targets.push((area, target));
        }
    }
}
