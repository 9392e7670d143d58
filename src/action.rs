//! Everything that changes the app's state, as one type: what the learner asks for (produced
//! by the keymap) and what the event loop learns (a frame drawn, a save done, an editor
//! closed, another instance's save). `App::update` takes them; it answers with an `Effect`
//! for the loop to perform. This module sits below both `app` and `keymap`.

use crate::checks::Job;
use crate::geometry::Geometry;
use crate::progress::{CheckResult, Grade, Progress, Status};

/// Which key table applies: the screen, or the field being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    Roadmap,
    Skill,
    Search,
    Help,
    /// Answering a quiz.
    Quiz,
    /// Deciding whether to trust another roadmap's checks.
    Trust,
    /// Editing a skill's note.
    Note,
    /// Typing the weekly hours.
    Hours,
}

/// Something the learner asked for, or something the loop learned.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the program.
    Quit,
    /// Suspend to the shell; `fg` brings the tutor back.
    Suspend,
    /// Go back to where you came from, or close what is open.
    Back,
    /// Show the Home screen: progress and next steps.
    GoHome,
    /// Show the Roadmap screen: phases, skills, detail.
    GoRoadmap,
    /// Search titles, tags and text across all phases.
    GoSearch,
    /// Show or hide the keys of this screen.
    ToggleHelp,
    /// Move the selection up, or scroll up.
    Up,
    /// Move the selection down, or scroll down.
    Down,
    /// Move to the pane on the left.
    Left,
    /// Move to the pane on the right.
    Right,
    /// Jump to the top.
    Top,
    /// Jump to the bottom.
    Bottom,
    /// Up by a page.
    PageUp,
    /// Down by a page.
    PageDown,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the selection, or act on the selected item.
    Open,
    /// Step the selected skill's status: todo, doing, done, skipped.
    CycleStatus,
    /// Set the selected skill's status.
    SetStatus(Status),
    /// Record a review of the selected done skill today (the next review moves on).
    MarkReviewed,
    /// Undo the last change.
    Undo,
    /// Show only core skills, or all.
    ToggleCoreOnly,
    /// Hide done and skipped skills, or show them.
    ToggleHideDone,
    /// Mark the selected phase's milestone project done, or open again.
    ToggleMilestone,
    /// Tick or untick the selected checkpoint.
    ToggleCheckpoint,
    /// Write or edit the note of this skill.
    EditNote,
    /// Edit the note in `$VISUAL` or `$EDITOR` (the inline editor when neither is set).
    EditNoteInEditor,
    /// Open the selected resource (or the first) with the system's opener.
    OpenResource,
    /// Run the checks of the selected skill or milestone (or stop them while they run).
    RunChecks,
    /// Trust the roadmap's checks, as shown, and run them.
    TrustChecks,
    /// Answer the quiz of the selected skill; on Home, every quiz due for review.
    Practice,
    /// Pick a quiz choice by its number (from 0).
    Pick(usize),
    /// Pick or unpick the quiz choice the cursor is on.
    ToggleChoice,
    /// The grade to record at the end of a quiz.
    SetGrade(Grade),
    /// Mark the skill known: every answer right on a skill not started.
    TestOut,
    /// Set the hours a week you plan to study.
    EditHours,
    /// Show the phase you are in on the Roadmap: its goal, milestone and introduction.
    ShowPhase,
    /// Type a character into the field being edited.
    Insert(char),
    /// Start a new line in the note.
    Newline,
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Move the cursor to the start of the line.
    LineStart,
    /// Move the cursor to the end of the line.
    LineEnd,
    /// Delete everything before the cursor (the whole box when the cursor is at its end).
    ClearToStart,
    /// Delete the word before the cursor.
    DeleteWordBack,
    /// Keep what was typed and close the field.
    Finish,
    /// A mouse click at a cell.
    Click { column: u16, row: u16 },
    /// The mouse wheel, up, over a cell.
    ScrollUp { column: u16, row: u16 },
    /// The mouse wheel, down, over a cell.
    ScrollDown { column: u16, row: u16 },
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// A frame was drawn: where everything went, for the keys and clicks that follow.
    Drawn(Geometry),
    /// The progress was saved; this is what the file now holds (other instances' changes
    /// merged in).
    Saved(Progress),
    /// Saving failed: the change stays here, and the next change tries again.
    SaveFailed(String),
    /// Looking for another instance's saves failed (the file broke meanwhile): nothing here
    /// changes, and saving will refuse to overwrite the broken file.
    ReloadFailed(String),
    /// Another instance saved: the progress with its changes merged into ours.
    ProgressChanged(Progress),
    /// The learner's editor closed on a skill's note.
    NoteEdited { skill: usize, outcome: EditorOutcome },
    /// The opener for a link was started, or could not be.
    Opened { url: String, error: Option<String> },
    /// What the worker running checks says (`run` tells which run it belongs to).
    CheckReport { run: u64, report: CheckReport },
}

impl Action {
    /// Whether this reports something that happened outside (a frame drawn, a save, another
    /// instance, the editor, a check) rather than something the learner asked for.
    pub fn is_news(&self) -> bool {
        matches!(
            self,
            Action::Resize { .. }
                | Action::Drawn(_)
                | Action::Saved(_)
                | Action::SaveFailed(_)
                | Action::ReloadFailed(_)
                | Action::ProgressChanged(_)
                | Action::NoteEdited { .. }
                | Action::Opened { .. }
                | Action::CheckReport { .. }
        )
    }
}

/// What the worker running a skill's or milestone's checks says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckReport {
    Started(usize),
    /// `result` is `None` when the check was stopped before it ended.
    Finished {
        index: usize,
        result: Option<CheckResult>,
        said: String,
        tail: String,
    },
    /// The checks could not run at all (the project folder is missing, say).
    Failed(String),
    Done,
}

/// What came back from the learner's editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorOutcome {
    /// The editor exited well and left this text.
    Text {
        text: String,
        /// How many bytes were not UTF-8 and were replaced with U+FFFD.
        replaced: usize,
        /// Where the file the editor wrote was kept, when its text could not be used as it
        /// was (not UTF-8, or too long).
        kept: Option<String>,
    },
    /// The editor could not start, failed, or left no file: the note stays as it was.
    Failed(String),
    /// Neither `$VISUAL` nor `$EDITOR` is set: the note is edited in place instead.
    NotSet,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the progress now (through the store: atomic, merged, backed up).
    Save,
    /// Restore the terminal and exit.
    Quit,
    /// Restore the terminal, stop the process, and redraw when it continues.
    Suspend,
    /// Hand the terminal to the learner's editor for this skill's note, then take it back.
    EditNote { skill: usize, note: String },
    /// Open a link with the system's opener, in the background.
    Open { url: String },
    /// Run these checks on a worker thread, in the project folder (the current folder when
    /// none is set), and report each result as `Action::CheckReport`.
    RunChecks { run: u64, folder: Option<String>, jobs: Vec<Job> },
    /// Stop the checks of that run: the worker kills what is running.
    CancelChecks { run: u64 },
}
