//! The UI's state and the one place it changes: `update(Action) -> Option<Effect>`. Nothing
//! here draws or writes files; the event loop performs the effects (save, quit, suspend) and
//! hands back what it learns (a frame's geometry, a save's result) as actions too.

mod checks;
mod derived;
mod editor;
mod field;
mod home;
mod map;
mod mouse;
mod quiz;
pub mod search;
mod skill;

use ratatui::layout::Rect;

pub use crate::action::{Action, CheckReport, EditorOutcome, Effect, Mode};
pub use checks::{ChecksRun, TrustPrompt};
pub use derived::Derived;
pub use editor::Editor;
pub use field::{Edit, Field};
pub use map::{MapState, Pane};
pub use quiz::{QuizState, Session as ReviewSession};
pub use search::{Hit, SearchState};
pub use skill::{Item, SkillFocus, SkillState};

use crate::content::Roadmap;
use crate::geometry::Geometry;
use crate::progress::{Date, Grade, MilestoneProgress, Progress, Review, SkillProgress, Status};

/// How many screens Esc can go back through.
const MAX_HISTORY: usize = 100;

/// The screens, as the learner moves between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Roadmap,
    /// One skill, by index into `Roadmap::skills`.
    Skill(usize),
    Search,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What part of a skill's record a change touched, so undo can say what it took back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Touched {
    Status,
    Checkpoint,
    Note,
    Review,
}

/// A change that `u` can take back: the record as it was before.
#[derive(Debug, Clone, PartialEq)]
enum Change {
    Skill { id: String, touched: Touched, before: Option<SkillProgress> },
    Milestone { phase: String, before: Option<MilestoneProgress> },
    Hours { before: Option<f32> },
}

/// Everything the screens show, and where the learner is.
#[derive(Debug)]
pub struct App {
    pub roadmap: Roadmap,
    pub progress: Progress,
    pub today: Date,
    pub screen: Screen,
    /// Where Esc goes back to, with the place on a skill's page (scroll, selected item).
    pub history: Vec<(Screen, SkillState)>,
    pub help: Option<u16>,
    /// The selected next step on Home.
    pub home_row: usize,
    pub map: MapState,
    pub skill: SkillState,
    pub search: SearchState,
    /// The weekly hours being typed on Home.
    pub hours_input: Option<Field>,
    pub message: Option<Message>,
    /// Counts, advice, pace and activity for the current progress.
    pub derived: Derived,
    /// Review logs already replayed, so working the advice out again after a change replays
    /// only the log that changed.
    pub memo: std::sync::Arc<crate::schedule::Memo>,
    /// The terminal's size.
    pub area: Rect,
    /// Where the last frame put things: pages, scroll ends, what a click lands on.
    pub geometry: Geometry,
    /// The quiz being answered, over the screen.
    pub quiz: Option<QuizState>,
    /// The last run of checks (under way, or finished and still shown).
    pub checks: Option<ChecksRun>,
    /// Asking whether to trust the roadmap's checks.
    pub trust_prompt: Option<TrustPrompt>,
    /// The built-in roadmap, whose checks run without the trust question.
    pub builtin: bool,
    next_run: u64,
    undo: Vec<Change>,
    /// A skill marked done by this action: once the advice is worked out again, any warning
    /// about it is said at once.
    done_now: Option<usize>,
}

impl App {
    pub fn new(roadmap: Roadmap, progress: Progress, today: Date) -> App {
        App::remembering(roadmap, progress, today, std::sync::Arc::default())
    }

    /// An app whose review replays go through `memo`, read from an earlier run (and shared
    /// with the caller, which may keep it for the next).
    pub fn remembering(
        roadmap: Roadmap,
        progress: Progress,
        today: Date,
        memo: std::sync::Arc<crate::schedule::Memo>,
    ) -> App {
        let mut app = App {
            roadmap,
            progress,
            today,
            screen: Screen::Home,
            history: Vec::new(),
            help: None,
            home_row: 0,
            map: MapState::default(),
            skill: SkillState::default(),
            search: SearchState::default(),
            hours_input: None,
            message: None,
            derived: Derived::default(),
            memo,
            area: Rect::new(0, 0, 80, 24),
            geometry: Geometry { usable: true, ..Geometry::default() },
            quiz: None,
            checks: None,
            trust_prompt: None,
            // Until told otherwise, a roadmap's checks ask to be trusted.
            builtin: false,
            next_run: 0,
            undo: Vec::new(),
            done_now: None,
        };
        app.refresh();
        app
    }

    /// Which key table applies now.
    pub fn mode(&self) -> Mode {
        if self.help.is_some() { Mode::Help } else { self.screen_mode() }
    }

    /// The key table of the screen (or field) under any help overlay.
    pub fn screen_mode(&self) -> Mode {
        if self.trust_prompt.is_some() {
            Mode::Trust
        } else if self.quiz.is_some() {
            Mode::Quiz
        } else if self.skill.editor.is_some() && matches!(self.screen, Screen::Skill(_)) {
            Mode::Note
        } else if self.hours_input.is_some() {
            Mode::Hours
        } else {
            match self.screen {
                Screen::Home => Mode::Home,
                Screen::Roadmap => Mode::Roadmap,
                Screen::Skill(_) => Mode::Skill,
                Screen::Search => Mode::Search,
            }
        }
    }

    /// Applies one action; returns what the event loop must do, if anything.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // What the loop learned changes the state without being an answer to the learner.
        if action.is_news() {
            return self.learn(action);
        }
        // Below the smallest usable size only a notice shows: a key must not act unseen.
        if !self.geometry.usable && action != Action::Quit {
            return None;
        }
        // A message answers the last action; the next one replaces or clears it.
        self.message = None;
        let effect = self.dispatch(action);
        if matches!(effect, Some(Effect::Save)) {
            self.refresh();
            if let Some(skill) = self.done_now.take() {
                self.warn_about(skill);
            }
        }
        self.done_now = None;
        self.settle();
        effect
    }

    /// Keeps every selection inside its list after a change shortened it.
    fn settle(&mut self) {
        let last = |len: usize| len.saturating_sub(1);
        self.home_row = self.home_row.min(last(self.home_items().len()));
        self.map.phase = self.map.phase.min(last(self.roadmap.phases.len()));
        self.map.row = self.map.row.min(last(self.visible_skills(self.map.phase).len()));
        if let Screen::Skill(skill) = self.screen {
            self.skill.item = self.skill.item.min(last(self.skill_items(skill).len()));
        }
        self.search.selected = self.search.selected.min(last(self.search.hits.len()));
    }

    /// Actions that report what happened outside (a frame, a save, another instance, the
    /// editor, a check).
    fn learn(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                None
            }
            Action::Drawn(geometry) => {
                self.geometry = geometry;
                self.clamp_scrolls();
                None
            }
            Action::Saved(merged) => {
                if merged != self.progress {
                    self.progress = merged;
                    self.refresh();
                    self.settle();
                }
                None
            }
            Action::ProgressChanged(merged) => {
                self.progress = merged;
                self.refresh();
                self.settle();
                None
            }
            Action::SaveFailed(error) => {
                self.warn(format!("Not saved: {}", cause_first(&error, &["cannot save progress to "])));
                None
            }
            Action::ReloadFailed(error) => {
                let cause = cause_first(&error, &["cannot load progress from ", "cannot read "]);
                self.warn(format!("Could not read another save: {cause}"));
                None
            }
            Action::NoteEdited { skill, outcome } => {
                self.message = None;
                let effect = self.note_from_editor(skill, outcome);
                if effect.is_some() {
                    self.refresh();
                }
                effect
            }
            Action::CheckReport { run, report } => {
                let effect = self.check_report(run, report);
                self.settle();
                effect
            }
            // The link comes first: it is what the learner needs when the opener fails.
            Action::Opened { url, error } => {
                self.message = Some(match error {
                    None => Message { text: format!("Opening {url}"), error: false },
                    Some(error) => {
                        Message { text: format!("Open it yourself: {url} (no opener: {error})"), error: true }
                    }
                });
                None
            }
            _ => None,
        }
    }

    /// After a frame: scroll positions kept inside what that frame could show.
    fn clamp_scrolls(&mut self) {
        let geometry = &self.geometry;
        if let Some(help) = self.help.as_mut() {
            *help = (*help).min(geometry.help.max as u16);
        }
        if matches!(self.screen, Screen::Skill(_)) {
            self.skill.scroll = self.skill.scroll.min(geometry.skill_text.max as u16);
        }
        if self.screen == Screen::Roadmap {
            self.map.detail_scroll = self.map.detail_scroll.min(geometry.map_detail.max as u16);
        }
    }

    fn dispatch(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => return self.quit(),
            Action::Suspend => return Some(Effect::Suspend),
            // In the search box `?` opens help only before anything is typed; then it types.
            Action::ToggleHelp if self.mode() == Mode::Search && !self.search.field.untouched() => {
                return self.search_update(Action::Insert('?'));
            }
            Action::ToggleHelp => {
                self.help = if self.help.is_some() { None } else { Some(0) };
                return None;
            }
            Action::Click { column, row } => return self.click(column, row),
            Action::ScrollUp { column, row } => return self.wheel(column, row, false),
            Action::ScrollDown { column, row } => return self.wheel(column, row, true),
            _ => {}
        }
        match self.mode() {
            Mode::Help => self.help_update(action),
            Mode::Quiz => self.quiz_update(action),
            Mode::Trust => self.trust_update(action),
            Mode::Note => self.note_update(action),
            Mode::Hours => self.hours_update(action),
            Mode::Search => self.search_update(action),
            Mode::Home | Mode::Roadmap | Mode::Skill => self.screen_update(action),
        }
    }

    /// Quitting from the note editor keeps the note: the loop saves once more before exiting.
    fn quit(&mut self) -> Option<Effect> {
        if self.skill.editor.is_some() {
            self.finish_note();
        }
        Some(Effect::Quit)
    }

    fn screen_update(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::GoHome => self.go(Screen::Home),
            Action::GoRoadmap => self.go(Screen::Roadmap),
            Action::GoSearch => self.open_search(),
            Action::Back => self.back(),
            // Without a selected skill (a milestone on Home), the screen decides.
            Action::CycleStatus => {
                if let Some(skill) = self.selected_skill() {
                    let next = self.progress.status(&self.roadmap.skills[skill].id).cycled();
                    return self.set_status(skill, next);
                }
            }
            Action::SetStatus(status) => {
                if let Some(skill) = self.selected_skill() {
                    return self.set_status(skill, status);
                }
            }
            Action::MarkReviewed => {
                if let Some(skill) = self.selected_skill() {
                    return self.mark_reviewed(skill);
                }
            }
            Action::RunChecks => {
                if let Some(target) = self.selected_target() {
                    return self.run_checks(target);
                }
                self.say("Select a skill or a phase to run its checks".to_string());
            }
            Action::Practice => {
                match (self.screen, self.selected_skill()) {
                    (Screen::Home, _) => self.start_review_session(),
                    (_, Some(skill)) => self.start_quiz(skill, None),
                    (_, None) => self.say("Select a skill to answer its quiz".to_string()),
                }
                return None;
            }
            Action::Undo => return self.undo(),
            _ => {}
        }
        match self.screen {
            Screen::Home => self.home_update(action),
            Screen::Roadmap => self.map_update(action),
            Screen::Skill(index) => self.skill_update(index, action),
            Screen::Search => None,
        }
    }

    /// Moves to a screen, remembering where we were.
    fn go(&mut self, screen: Screen) {
        if self.screen != screen {
            let place =
                if matches!(self.screen, Screen::Skill(_)) { self.skill.clone() } else { SkillState::default() };
            self.history.push((self.screen, place));
            // Back goes a long way, not forever: switching screens all day keeps no list of it.
            if self.history.len() > MAX_HISTORY {
                self.history.remove(0);
            }
            self.screen = screen;
        }
    }

    fn back(&mut self) {
        if let Some((previous, place)) = self.history.pop() {
            self.screen = previous;
            if let Screen::Skill(index) = previous {
                self.skill = place;
                self.sync_map_to(index);
            }
        } else if self.screen != Screen::Home {
            self.screen = Screen::Home;
        }
    }

    /// The skill the status keys act on, on the current screen: none while the phase list
    /// has the keys, though a skill is still marked in the list beside it.
    pub fn selected_skill(&self) -> Option<usize> {
        match self.screen {
            Screen::Home => self.home_selected_skill(),
            Screen::Roadmap if self.map.pane == Pane::Phases => None,
            Screen::Roadmap => self.map_selected_skill(),
            Screen::Skill(index) => Some(index),
            Screen::Search => self.search.hits.get(self.search.selected).map(|h| h.skill),
        }
    }

    /// What the check key acts on: the selected skill, or a phase's milestone (the phase list
    /// on the Roadmap, a milestone step on Home).
    pub fn selected_target(&self) -> Option<crate::suggest::Target> {
        use crate::suggest::Target;
        match self.screen {
            Screen::Roadmap if self.map.pane == Pane::Phases => Some(Target::Milestone(self.map.phase)),
            Screen::Home => self.home_items().get(self.home_row).map(|s| s.target),
            _ => self.selected_skill().map(Target::Skill),
        }
    }

    /// Changes a skill's status, remembering the old record for undo.
    fn set_status(&mut self, skill: usize, status: Status) -> Option<Effect> {
        let id = self.roadmap.skills[skill].id.clone();
        if self.progress.status(&id) == status {
            self.say(format!("{} is already {status}", self.roadmap.skills[skill].title));
            return None;
        }
        self.record_skill_change(&id, Touched::Status);
        self.progress.set_status(&id, status, self.today);
        let title = &self.roadmap.skills[skill].title;
        self.say(format!("{title}: {status}"));
        if status == Status::Done {
            self.done_now = Some(skill);
        }
        Some(Effect::Save)
    }

    /// A skill just marked done with a prerequisite still open: its warning (the one `roadmap
    /// next` gives) shows at once, as the command line's `done` does.
    fn warn_about(&mut self, skill: usize) {
        let warning = self.derived.advice.warnings.iter().find(|w| w.skill == Some(skill));
        if let Some(warning) = warning {
            let text = format!("{} (u undoes)", warning.message);
            self.warn(text);
        }
    }

    /// Records a review of a done skill today, as `roadmap review` does.
    fn mark_reviewed(&mut self, skill: usize) -> Option<Effect> {
        let id = self.roadmap.skills[skill].id.clone();
        let title = self.roadmap.skills[skill].title.clone();
        let status = self.progress.status(&id);
        if status != Status::Done {
            self.say(format!("{title} is {status}: only done skills are reviewed"));
            return None;
        }
        self.record_skill_change(&id, Touched::Review);
        self.progress.add_review(&id, Review { date: self.today, grade: Grade::Good });
        let then = crate::suggest::next_review(&self.progress, &id)
            .map_or(String::new(), |memory| format!("; next review on {}", memory.due));
        self.say(format!("{title}: reviewed today{then}"));
        Some(Effect::Save)
    }

    fn record_skill_change(&mut self, id: &str, touched: Touched) {
        self.undo.push(Change::Skill { id: id.to_string(), touched, before: self.progress.get(id).cloned() });
    }

    fn undo(&mut self) -> Option<Effect> {
        let Some(change) = self.undo.pop() else {
            self.say("Nothing to undo".to_string());
            return None;
        };
        match change {
            Change::Skill { id, touched, before } => {
                let title = self.roadmap.skill(&id).map_or(id.clone(), |s| s.title.clone());
                let status = before.as_ref().map_or(Status::Todo, |r| r.status);
                self.progress.replace(&id, before);
                self.say(match touched {
                    Touched::Status => format!("Undone: {title} is {status} again"),
                    Touched::Checkpoint => format!("Undone: the checkpoint of {title}"),
                    Touched::Note => format!("Undone: the note of {title} is as it was"),
                    Touched::Review => format!("Undone: the review of {title}"),
                });
            }
            Change::Milestone { phase, before } => {
                match before {
                    Some(record) => self.progress.milestones.insert(phase, record),
                    None => self.progress.milestones.remove(&phase),
                };
                self.say("Undone: milestone".to_string());
            }
            Change::Hours { before } => {
                self.progress.weekly_hours = before;
                self.say("Undone: weekly hours".to_string());
            }
        }
        Some(Effect::Save)
    }

    pub(super) fn toggle_milestone(&mut self, phase: usize) -> Option<Effect> {
        let id = self.roadmap.phases[phase].id.clone();
        let Some(milestone) = &self.roadmap.phases[phase].milestone else {
            self.say(format!("{} has no milestone project", self.roadmap.phases[phase].title));
            return None;
        };
        let title = milestone.title.clone();
        let next = if self.progress.milestone_status(&id) == Status::Done { Status::Todo } else { Status::Done };
        self.undo.push(Change::Milestone { phase: id.clone(), before: self.progress.milestones.get(&id).cloned() });
        self.progress.set_milestone(&id, next, self.today);
        self.say(format!("Milestone \u{201c}{title}\u{201d}: {next}"));
        Some(Effect::Save)
    }

    pub fn say(&mut self, text: String) {
        self.message = Some(Message { text, error: false });
    }

    pub fn warn(&mut self, text: String) {
        self.message = Some(Message { text, error: true });
    }

    fn help_update(&mut self, action: Action) -> Option<Effect> {
        let crate::geometry::Scroll { page, max: last } = self.geometry.help;
        let page = page.max(1);
        let scroll = self.help.get_or_insert(0);
        match action {
            Action::Back => self.help = None,
            motion => *scroll = map::moved(usize::from(*scroll).min(last), last + 1, &motion, page) as u16,
        }
        None
    }
}

/// The store's first line with the cause first and the file after it, without the words the
/// message already says: `cannot save progress to PATH: CAUSE` becomes `CAUSE (PATH)`, so the
/// point survives when a narrow status bar cuts the end.
fn cause_first(error: &str, prefixes: &[&str]) -> String {
    let first = error.lines().next().unwrap_or(error);
    let Some(rest) = prefixes.iter().find_map(|prefix| first.strip_prefix(prefix)) else {
        return first.to_string();
    };
    match rest.rsplit_once(": ") {
        Some((file, cause)) => format!("{cause} ({file})"),
        None => rest.to_string(),
    }
}
