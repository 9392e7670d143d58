//! What the learner can ask for (an `Action`, produced by the keymap) and what the event loop
//! must do about it (an `Effect`, returned by `App::update`).

use crate::progress::Status;

/// Something the learner asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Set the hours a week you plan to study.
    EditHours,
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
}
