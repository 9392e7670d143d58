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
