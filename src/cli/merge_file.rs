//! `roadmap merge-file BASE OURS THEIRS [NAME]`: git's merge driver for the progress file (git
//! passes `%O %A %B %P`). The store's own three-way merge, by date: the result replaces OURS
//! and the exit status is 0. An input that does not load leaves OURS as git gave it and exits
//! 1, so git reports a conflict; no conflict markers are ever written.

use std::path::Path;

use anyhow::anyhow;

use super::session::Failure;
use crate::store::{self, MAX_STATE_BYTES, Policy, Store, StoreError};

/// The three versions git hands over, by the part each plays.
const ROLES: [&str; 3] = ["the common ancestor (BASE)", "this side (OURS)", "the other side (THEIRS)"];

pub fn merge_file(base: &Path, ours: &Path, theirs: &Path, name: Option<&Path>) -> Result<(), Failure> {
    let shown = name.unwrap_or(ours).display().to_string();
    // A missing or empty file (BASE, when both sides added the file) is no progress.
    let load = |path: &Path, role: &str| Store::open(path).map_err(|error| refused(&shown, role, path, &error));
    let (_, base) = load(base, ROLES[0])?;
    let (ours_store, ours) = load(ours, ROLES[1])?;
    let (_, theirs) = load(theirs, ROLES[2])?;
    let merged = store::merge(&base, &ours, &theirs, Policy::ByDate);
    let text = store::emit(&merged);
    // The guard: what is written must load again, as the same progress, and within the size
    // the loader accepts; otherwise git is told of a conflict and OURS stays as it was.
    let reloaded = store::parse(&text);
    if text.len() as u64 > MAX_STATE_BYTES || reloaded.as_ref() != Ok(&merged) {
        return Err(Failure::Other(anyhow!(
            "cannot merge {shown}: the merged file would not load again ({}); \
             nothing was written, and git reports a conflict to resolve by hand",
            match reloaded {
                Err(error) => format!("{error:?}"),
                Ok(_) if text.len() as u64 > MAX_STATE_BYTES => format!("over {} MiB", MAX_STATE_BYTES >> 20),
                Ok(_) => "it reads back differently".to_string(),
            }
        )));
    }
    let target = ours_store.path();
    crate::atomic::write(target, text.as_bytes())
        .map_err(|error| Failure::Other(anyhow!("cannot merge {shown}: cannot write {}: {error}", target.display())))
}

/// Why one input does not load, naming the file git gave and the line.
fn refused(shown: &str, role: &str, path: &Path, error: &StoreError) -> Failure {
    let why = match error {
        StoreError::Corrupt { line: Some(line), message, .. } => format!("{}, line {line}: {message}", path.display()),
        StoreError::Corrupt { line: None, message, .. } => format!("{}: {message}", path.display()),
        StoreError::TooNew { version, .. } => format!(
            "{}: written by a newer roadmap-tutor (format version {version}); upgrade roadmap-tutor here",
            path.display()
        ),
        other => other.to_string().lines().next().unwrap_or_default().to_string(),
    };
    Failure::Other(anyhow!(
        "cannot merge {shown}: {role} does not load: {why}\n\
         Nothing was written; git reports a conflict in {shown} to resolve by hand."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn each_sides_changes_land_in_ours_and_an_empty_base_is_no_progress() {
        let dir = tempfile::tempdir().unwrap();
        let base = write(dir.path(), "base", "");
        let ours =
            write(dir.path(), "ours", "version: 2\nskills:\n  a/one:\n    status: done\n    finished: 2026-11-02\n");
        let theirs =
            write(dir.path(), "theirs", "version: 2\nskills:\n  a/two:\n    status: doing\n    started: 2026-11-03\n");
        merge_file(&base, &ours, &theirs, Some(Path::new("progress.yaml"))).unwrap();
        let merged = store::parse(&std::fs::read_to_string(&ours).unwrap()).unwrap();
        assert_eq!(merged.skills.keys().collect::<Vec<_>>(), ["a/one", "a/two"]);
    }

    #[test]
    fn an_input_that_does_not_load_is_named_with_its_line_and_ours_is_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let base = write(dir.path(), "base", "");
        let ours_text = "version: 2\nskills:\n  a/one:\n    status: done\n";
        let ours = write(dir.path(), "ours", ours_text);
        let theirs = write(dir.path(), "theirs", "version: 2\nskills:\n  a/one:\n    status: finished\n");
        let error = merge_file(&base, &ours, &theirs, Some(Path::new("progress.yaml"))).unwrap_err().to_string();
        assert!(error.starts_with("cannot merge progress.yaml: the other side (THEIRS) does not load: "), "{error}");
        assert!(error.contains(&format!("{}, line 4: ", theirs.display())), "{error}");
        assert_eq!(std::fs::read_to_string(&ours).unwrap(), ours_text);
    }
}
