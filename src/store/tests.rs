use std::fs;

use super::*;
use crate::progress::{Date, Status};

fn today() -> Date {
    Date::new(2026, 11, 21).unwrap()
}

#[test]
fn a_missing_file_is_no_progress_and_saving_creates_folder_file_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/progress.yaml");
    let (mut store, mut progress) = Store::open(&path).unwrap();
    assert_eq!(progress, Progress::default());
    progress.set_status("a/x", Status::Done, today());
    store.save(&progress).unwrap();
    assert!(fs::read_to_string(&path).unwrap().contains("a/x:\n    status: done"));
    assert!(!Store::backup_path(&path).exists(), "nothing to back up before the first save");
    progress.set_status("a/y", Status::Doing, today());
    store.save(&progress).unwrap();
    let backup = fs::read_to_string(Store::backup_path(&path)).unwrap();
    assert!(backup.contains("a/x") && !backup.contains("a/y"), "backup holds the previous file");
}

#[test]
fn a_corrupt_file_is_refused_left_untouched_and_the_backup_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let broken = "version: 1\nskills:\n  a/x:\n    status: finished\n";
    fs::write(&path, broken).unwrap();
    fs::write(Store::backup_path(&path), "version: 1\nskills: {}\n").unwrap();
    let error = Store::open(&path).unwrap_err();
    let message = error.to_string();
    assert!(message.contains(&format!("{}, line 4", path.display())), "{message}");
    assert!(message.contains("progress.yaml.bak"), "{message}");
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn saving_over_a_file_broken_meanwhile_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let (mut store, mut progress) = Store::open(&path).unwrap();
    fs::write(&path, "skills: [\n").unwrap();
    progress.set_status("a/x", Status::Done, today());
    assert!(matches!(store.save(&progress), Err(StoreError::Corrupt { .. })));
    assert_eq!(fs::read_to_string(&path).unwrap(), "skills: [\n");
}

#[test]
fn two_stores_on_one_file_keep_each_others_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let (mut first, mut first_progress) = Store::open(&path).unwrap();
    let (mut second, mut second_progress) = Store::open(&path).unwrap();
    for i in 0..20 {
        first_progress.set_status(&format!("a/first-{i}"), Status::Done, today());
        first_progress = first.save(&first_progress).unwrap();
        second_progress.set_status(&format!("a/second-{i}"), Status::Doing, today());
        second_progress = second.save(&second_progress).unwrap();
    }
    let (_, on_disk) = Store::open(&path).unwrap();
    assert_eq!(on_disk.skills.len(), 40);
    assert_eq!(on_disk.status("a/first-0"), Status::Done);
    assert_eq!(on_disk.status("a/second-19"), Status::Doing);
}

#[test]
fn a_folder_in_place_of_the_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let error = Store::open(dir.path()).unwrap_err();
    assert!(matches!(error, StoreError::IsFolder { .. }), "{error}");
    assert!(error.to_string().contains("is a folder"));
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles-progress.yaml");
    fs::write(&real, "version: 1\nskills: {}\n").unwrap();
    let link = dir.path().join("progress.yaml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (mut store, mut progress) = Store::open(&link).unwrap();
    progress.set_status("a/x", Status::Done, today());
    store.save(&progress).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(fs::read_to_string(&real).unwrap().contains("a/x"));
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_not_there_yet_gets_the_file_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("progress.yaml");
    std::os::unix::fs::symlink("dotfiles/roadmap/progress.yaml", &link).unwrap();
    let (mut store, mut progress) = Store::open(&link).unwrap();
    progress.set_status("a/x", Status::Done, today());
    store.save(&progress).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    let real = dir.path().join("dotfiles/roadmap/progress.yaml");
    assert!(fs::read_to_string(real).unwrap().contains("a/x"));
}

#[test]
fn a_save_removes_temp_files_left_by_a_killed_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(dir.path().join(".progress.yaml.k1LLed.tmp"), "version: 1\nski").unwrap();
    fs::write(dir.path().join(".progress.yaml.bak.k1LLed.tmp"), "").unwrap();
    let (mut store, mut progress) = Store::open(&path).unwrap();
    progress.set_status("a/x", Status::Done, today());
    store.save(&progress).unwrap();
    let mut names: Vec<String> =
        fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["progress.yaml", "progress.yaml.lock"]);
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_huge_file_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe.yaml");
    let c_path = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let error = Store::open(&pipe).unwrap_err().to_string();
    assert!(
        error.starts_with(&format!("{} is not a progress file: it is a device or a pipe", pipe.display())),
        "{error}"
    );

    let huge = dir.path().join("huge.yaml");
    fs::File::create(&huge).unwrap().set_len(MAX_STATE_BYTES + 1).unwrap();
    let error = Store::open(&huge).unwrap_err().to_string();
    assert!(error.contains("is not a progress file: it is 64 MiB, far more than any progress file"), "{error}");
    assert!(error.contains("Move it away, or point --state at your progress file."), "{error}");
}

#[test]
fn the_restore_command_can_be_pasted_into_a_shell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my progress's.yaml");
    fs::write(&path, "skills: [\n").unwrap();
    fs::write(Store::backup_path(&path), "version: 1\nskills: {}\n").unwrap();
    let error = Store::open(&path).unwrap_err().to_string();
    let quoted = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', "'\\''"));
    let expected = format!("    cp {} {}", quoted(&Store::backup_path(&path)), quoted(&path));
    assert!(error.ends_with(&expected), "{error}");
}

#[test]
fn a_save_by_another_instance_is_taken_in_and_unsaved_changes_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let (mut tutor, mut shown) = Store::open(&path).unwrap();
    assert_eq!(tutor.refresh(&shown).unwrap(), None, "nothing changed yet");
    // The CLI marks a skill done while the tutor holds an unsaved note on the same skill.
    let (mut cli, mut cli_progress) = Store::open(&path).unwrap();
    cli_progress.set_status("a/x", Status::Done, today());
    cli.save(&cli_progress).unwrap();
    shown.set_note("a/x", "typed in the tutor").unwrap();
    let refreshed = tutor.refresh(&shown).unwrap().expect("the CLI's save is seen");
    assert_eq!(refreshed.status("a/x"), Status::Done);
    assert_eq!(refreshed.get("a/x").unwrap().note, "typed in the tutor");
    assert_eq!(tutor.refresh(&refreshed).unwrap(), None, "seen once");
    // The note is still to be saved, and saving it keeps the CLI's done.
    assert!(!tutor.holds(&refreshed));
    tutor.save(&refreshed).unwrap();
    let (_, on_disk) = Store::open(&path).unwrap();
    assert_eq!(on_disk.status("a/x"), Status::Done);
    assert_eq!(on_disk.get("a/x").unwrap().note, "typed in the tutor");
}

#[test]
fn a_save_that_would_write_a_file_the_reader_refuses_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let (mut store, mut progress) = Store::open(&path).unwrap();
    progress.set_status("a/x", Status::Done, today());
    store.save(&progress).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    let note = "x".repeat(crate::progress::MAX_NOTE_BYTES - 1) + "\n";
    for i in 0..(MAX_STATE_BYTES as usize / note.len() + 1) {
        progress.set_note(&format!("a/note-{i:04}"), &note).unwrap();
    }
    let error = store.save(&progress).unwrap_err();
    assert!(matches!(error, StoreError::TooLarge { .. }), "{error}");
    assert!(error.to_string().contains("more than the 64 MiB a progress file may hold"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn a_note_longer_than_the_cap_is_refused_while_still_in_hand() {
    let mut progress = Progress::default();
    let long = "y".repeat(crate::progress::MAX_NOTE_BYTES + 1);
    let error = progress.set_note("a/x", &long).unwrap_err();
    assert_eq!(error.to_string(), "the note is 257 KiB, more than the 256 KiB a note can hold");
    assert!(progress.skills.is_empty());
}
