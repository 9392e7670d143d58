use std::time::Duration;

use super::*;
use crate::content::load;

const ROADMAP: &str = "id: t\ntitle: T\nphases: [basics]\n";
const PHASE: &str = "---\ntitle: Basics\ngoal: Learn.\n---\nIntro.\n";

fn skill(title: &str) -> String {
    format!("---\ntitle: {title}\nsummary: S.\nkind: concept\nlevel: core\nhours: 2\n---\n## Why it matters\nBody.\n")
}

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("roadmap.yaml"), ROADMAP).unwrap();
    fs::create_dir(dir.path().join("basics")).unwrap();
    fs::write(dir.path().join("basics/phase.md"), PHASE).unwrap();
    fs::write(dir.path().join("basics/first.md"), skill("Alpha")).unwrap();
    dir
}

fn cached_files(cache: &tempfile::TempDir) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(cache.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn the_builtin_roadmap_comes_back_from_the_cache_unchanged() {
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(cache_dir.path());
    let fresh = load(&Source::Builtin).unwrap();
    assert!(cache.load(&Source::Builtin).unwrap() == fresh);
    assert_eq!(cached_files(&cache_dir), ["builtin.bin"]);
    assert!(cache.load(&Source::Builtin).unwrap() == fresh);
}

#[test]
fn an_edit_is_seen_even_when_size_and_mtime_stay_the_same() {
    let dir = tree();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(cache_dir.path().join("nested"));
    let source = Source::Dir(dir.path().to_path_buf());

    // Just written: a second edit could still hide inside the same timestamp, so no cache.
    assert_eq!(cache.load(&source).unwrap().skills[0].title, "Alpha");
    assert!(!cache_dir.path().join("nested").exists());

    std::thread::sleep(SETTLED + Duration::from_millis(100));
    assert!(cache.load(&source).unwrap() == load(&source).unwrap());
    let written = fs::read_dir(cache_dir.path().join("nested")).unwrap().count();
    assert_eq!(written, 1, "a settled tree is cached");
    assert_eq!(cache.load(&source).unwrap().skills[0].title, "Alpha");

    // Same length, and the modification time put back: the change time still moves.
    let file = dir.path().join("basics/first.md");
    let modified = fs::metadata(&file).unwrap().modified().unwrap();
    fs::write(&file, skill("Omega")).unwrap();
    fs::File::options().write(true).open(&file).unwrap().set_modified(modified).unwrap();
    assert_eq!(cache.load(&source).unwrap().skills[0].title, "Omega");

    // A new file is a new tree.
    fs::write(dir.path().join("basics/second.md"), skill("Beta")).unwrap();
    let titles: Vec<String> = cache.load(&source).unwrap().skills.into_iter().map(|s| s.title).collect();
    assert_eq!(titles, ["Omega", "Beta"]);
}

#[test]
fn broken_content_is_reported_every_time_and_a_damaged_cache_is_ignored() {
    let dir = tree();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(cache_dir.path());
    let source = Source::Dir(dir.path().to_path_buf());
    fs::write(dir.path().join("basics/first.md"), "no front matter\n").unwrap();
    for _ in 0..2 {
        let problems = cache.load(&source).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems}");
    }
    assert!(cached_files(&cache_dir).is_empty());

    // Garbage where the builtin cache should be: parsed again and rewritten.
    fs::write(cache_dir.path().join("builtin.bin"), b"RTCACHE4 garbage").unwrap();
    assert!(cache.load(&Source::Builtin).unwrap() == load(&Source::Builtin).unwrap());
    assert!(cache.load(&Source::Builtin).unwrap() == load(&Source::Builtin).unwrap());
}

#[test]
fn markdown_put_in_a_folder_inside_a_phase_is_still_warned_about_after_caching() {
    let dir = tree();
    fs::create_dir(dir.path().join("basics/images")).unwrap();
    fs::write(dir.path().join("basics/images/logo.png"), b"png").unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(cache_dir.path());
    let source = Source::Dir(dir.path().to_path_buf());
    std::thread::sleep(SETTLED + Duration::from_millis(100));
    assert!(cache.load(&source).is_ok());
    assert_eq!(cached_files(&cache_dir).len(), 1);
    // Only the inner folder's times move: the phase folder's names cannot be taken on trust.
    fs::write(dir.path().join("basics/images/draft.md"), skill("Draft")).unwrap();
    let warnings = cache.load(&source).unwrap().warnings;
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].message.starts_with("a folder inside a phase is not read"), "{warnings:?}");
    // Settled, the roadmap with its warning is cached; gone again, so is the warning.
    std::thread::sleep(SETTLED + Duration::from_millis(100));
    assert_eq!(cache.load(&source).unwrap().warnings.len(), 1);
    fs::remove_file(dir.path().join("basics/images/draft.md")).unwrap();
    assert_eq!(cache.load(&source).unwrap().warnings, []);
}

#[test]
fn a_renamed_or_removed_skill_file_is_seen() {
    let dir = tree();
    fs::write(dir.path().join("basics/second.md"), skill("Beta")).unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(cache_dir.path());
    let source = Source::Dir(dir.path().to_path_buf());
    std::thread::sleep(SETTLED + Duration::from_millis(100));
    assert_eq!(cache.load(&source).unwrap().skills.len(), 2);
    fs::rename(dir.path().join("basics/second.md"), dir.path().join("basics/third.md")).unwrap();
    let ids: Vec<String> = cache.load(&source).unwrap().skills.into_iter().map(|s| s.id).collect();
    assert_eq!(ids, ["basics/first", "basics/third"]);
    fs::remove_file(dir.path().join("basics/third.md")).unwrap();
    assert_eq!(cache.load(&source).unwrap().skills.len(), 1);
}
