//! Handing the terminal to the learner's `$VISUAL`/`$EDITOR` for a note, and taking it back.
//! Whatever the editor does, the learner's text is not lost: a file that is not UTF-8 is read
//! lossily and kept, a note too long to save is kept where the learner can find it, and an
//! editor that fails or removes its file leaves the note as it was.

use std::io::{self, Read};
use std::path::Path;

use super::{Tutor, terminal};
use crate::action::EditorOutcome;
use crate::progress::MAX_NOTE_BYTES;

/// Reading more than this back from an editor is pointless: the note is refused anyway.
const MOST_READ: u64 = 64 * 1024 * 1024;

/// Runs the editor on `note` in a temporary file; returns what came back and whether the
/// terminal could be taken back (the outcome is good either way, and is applied first).
pub fn edit(tutor: &mut Tutor, note: &str) -> (EditorOutcome, io::Result<()>) {
    let file = match tempfile::Builder::new().prefix("roadmap-note-").suffix(".md").tempfile() {
        Ok(file) => file,
        Err(error) => {
            return (EditorOutcome::Failed(format!("Could not make a file for the editor ({error})")), Ok(()));
        }
    };
    if let Err(error) = std::fs::write(file.path(), note) {
        return (EditorOutcome::Failed(format!("Could not write the note for the editor ({error})")), Ok(()));
    }
    let Some(mut command) = crate::launch::editor_command(file.path(), |name| std::env::var_os(name)) else {
        return (EditorOutcome::NotSet, Ok(()));
    };
    terminal::give_back();
    tutor.owned = false;
    let status = command.status();
    let outcome = match status {
        Ok(status) if status.success() => read_back(file),
        Ok(status) => {
            // A failing editor (`:cq`) means "don't use this"; a changed text is still kept.
            let kept = changed(file.path(), note).then(|| keep(file)).flatten();
            let copy = kept.map(|path| format!(" (what it wrote is in {path})")).unwrap_or_default();
            EditorOutcome::Failed(format!("The editor exited with {status}{copy}"))
        }
        Err(error) => EditorOutcome::Failed(format!("Could not start the editor ({error})")),
    };
    let resumed = terminal::resume(&mut tutor.terminal).map(|()| tutor.owned = true);
    (outcome, resumed)
}

/// The editor's text, however it was left.
fn read_back(file: tempfile::NamedTempFile) -> EditorOutcome {
    let mut bytes = Vec::new();
    // Read through a fresh handle: editors often replace the file rather than write into it.
    let read = std::fs::File::open(file.path()).and_then(|f| f.take(MOST_READ).read_to_end(&mut bytes));
    match read {
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            return EditorOutcome::Failed("The editor removed or moved the note's file".to_string());
        }
        Err(error) => return EditorOutcome::Failed(format!("Could not read the note back ({error})")),
    }
    let replaced: usize = bytes.utf8_chunks().map(|chunk| chunk.invalid().len()).sum();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    // Text that cannot be saved as it was written stays on disk, and the message names it.
    let kept = if replaced > 0 || text.len() > MAX_NOTE_BYTES { keep(file) } else { None };
    EditorOutcome::Text { text, replaced, kept }
}

fn changed(path: &Path, note: &str) -> bool {
    std::fs::read(path).is_ok_and(|bytes| bytes != note.as_bytes())
}

/// Keeps the temporary file instead of deleting it; its path, for the message.
fn keep(file: tempfile::NamedTempFile) -> Option<String> {
    file.keep().ok().map(|(_, path)| path.display().to_string())
}
