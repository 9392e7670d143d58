//! `roadmap sync` and `roadmap merge-file` with the real git: a bare repository stands for the
//! learner's remote, two clones for two machines, each changed with the real binary. Git's
//! configuration comes only from here (no global or system file), so the machine's own
//! settings cannot change what is tested.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Run, Sandbox, git_env};
use roadmap_tutor::store::{self, merge::NOTE_SEPARATOR};

fn git(dir: &Path, args: &[&str]) -> String {
    let output = git_env(&mut Command::new("git")).arg("-C").arg(dir).args(args).output().expect("git runs");
    assert!(output.status.success(), "git {args:?} in {}: {}", dir.display(), String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// One machine: its own HOME with a clone of the remote, and the day it thinks it is.
struct Machine {
    sandbox: Sandbox,
    repo: PathBuf,
    today: &'static str,
}

impl Machine {
    fn clone_of(remote: &Path, today: &'static str) -> Machine {
        let sandbox = Sandbox::new();
        let repo = sandbox.home.path().join("dotfiles");
        git(sandbox.home.path(), &["clone", "--quiet", &remote.to_string_lossy(), "dotfiles"]);
        Machine { sandbox, repo, today }
    }

    fn state(&self) -> PathBuf {
        self.repo.join("progress.yaml")
    }

    fn roadmap(&self, args: &[&str]) -> Run {
        let mut command = self.sandbox.command();
        git_env(&mut command).env("ROADMAP_TODAY", self.today).arg("--state").arg(self.state()).args(args);
        common::output(&mut command)
    }

    /// Runs the binary and checks it succeeded.
    fn ok(&self, args: &[&str]) -> Run {
        let run = self.roadmap(args);
        assert_eq!(run.code, 0, "roadmap {args:?}: {}", run.stderr);
        run
    }

    fn git(&self, args: &[&str]) -> String {
        git(&self.repo, args)
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.state()).unwrap_or_default()
    }

    /// Writes a note as the tutor's note editor would: the file read, the note set, saved.
    fn set_note(&self, id: &str, note: &str) {
        let mut progress = store::parse(&self.text()).unwrap();
        progress.skills.entry(id.to_string()).or_default().note = note.to_string();
        std::fs::write(self.state(), store::emit(&progress)).unwrap();
    }

    fn subjects(&self) -> Vec<String> {
        self.git(&["log", "--format=%s"]).lines().map(str::to_string).collect()
    }
}

/// A remote with one commit, and two machines that cloned it.
struct World {
    _dir: tempfile::TempDir,
    remote: PathBuf,
}

fn world() -> (World, Machine, Machine) {
    let dir = tempfile::tempdir().unwrap();
    let remote = dir.path().join("remote.git");
    git(dir.path(), &["-c", "init.defaultBranch=main", "init", "--quiet", "--bare", "remote.git"]);
    let seed = dir.path().join("seed");
    git(dir.path(), &["-c", "init.defaultBranch=main", "clone", "--quiet", "remote.git", "seed"]);
    std::fs::write(seed.join("notes.txt"), "my dotfiles\n").unwrap();
    git(&seed, &["add", "notes.txt"]);
    git(&seed, &["commit", "--quiet", "-m", "dotfiles"]);
    git(&seed, &["push", "--quiet", "-u", "origin", "main"]);
    let laptop = Machine::clone_of(&remote, "2026-11-20");
    let desktop = Machine::clone_of(&remote, "2026-11-21");
    (World { _dir: dir, remote }, laptop, desktop)
}

/// Both machines hold the same file, it loads, it has no conflict markers, and it is what
/// the remote holds.
fn assert_in_step(a: &Machine, b: &Machine) -> String {
    let text = a.text();
    assert_eq!(text, b.text(), "both machines end with the same file");
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>") && !text.contains("\n=======\n"), "{text}");
    store::parse(&text).expect("the merged file loads");
    a.ok(&["status"]);
    assert_eq!(a.git(&["status", "--porcelain"]), "", "nothing left uncommitted");
    assert_eq!(a.git(&["rev-parse", "HEAD"]), b.git(&["rev-parse", "HEAD"]));
    text
}

#[test]
fn two_machines_changing_different_skills_both_keep_everything() {
    for laptop_first in [true, false] {
        let (_world, laptop, desktop) = world();
        laptop.ok(&["done", "foundations/git-basics"]);
        desktop.ok(&["start", "foundations/python-setup"]);
        let (first, second) = if laptop_first { (&laptop, &desktop) } else { (&desktop, &laptop) };
        assert_eq!(first.ok(&["sync"]).stdout, "committed and pushed 1 change to origin/main\n");
        assert_eq!(second.ok(&["sync"]).stdout, "committed 1 change, pulled 1 change from origin/main and pushed\n");
        assert_eq!(first.ok(&["sync"]).stdout, "pulled 1 change from origin/main\n");
        assert_eq!(first.ok(&["sync"]).stdout, "already up to date with origin/main\n");
        let text = assert_in_step(&laptop, &desktop);
        let progress = store::parse(&text).unwrap();
        assert_eq!(progress.skills["foundations/git-basics"].status, roadmap_tutor::progress::Status::Done);
        assert_eq!(progress.skills["foundations/python-setup"].status, roadmap_tutor::progress::Status::Doing);
        let subjects = laptop.subjects();
        assert_eq!(subjects.iter().filter(|s| s.starts_with("roadmap sync: 1 change in progress.yaml")).count(), 2);
        assert_eq!(subjects.last().map(String::as_str), Some("dotfiles"));
        let attributes = std::fs::read_to_string(desktop.repo.join(".gitattributes")).unwrap();
        assert_eq!(attributes, "/progress.yaml merge=roadmap-progress\n");
    }
}

#[test]
fn the_same_skill_changed_on_both_machines_keeps_every_change() {
    for laptop_first in [true, false] {
        let (_world, laptop, desktop) = world();
        // A start both machines share: two skills done, synced everywhere.
        laptop.ok(&["done", "foundations/git-basics", "foundations/terminal-basics"]);
        laptop.ok(&["sync"]);
        desktop.ok(&["sync"]);
        // A done on one machine and a note on the other, on one skill.
        laptop.ok(&["done", "foundations/python-setup"]);
        desktop.set_note("foundations/python-setup", "pyenv on the desktop\n");
        // Two different notes on another.
        laptop.set_note("foundations/git-basics", "rebase practice\n");
        desktop.set_note("foundations/git-basics", "bisect practice\n");
        // A review on each machine, on different days.
        laptop.ok(&["review", "foundations/terminal-basics"]);
        desktop.ok(&["review", "foundations/terminal-basics"]);
        let (first, second) = if laptop_first { (&laptop, &desktop) } else { (&desktop, &laptop) };
        first.ok(&["sync"]);
        let said = second.ok(&["sync"]).stdout;
        assert!(said.starts_with("committed 3 changes, pulled 3 changes from origin/main and pushed"), "{said}");
        first.ok(&["sync"]);
        let text = assert_in_step(&laptop, &desktop);
        let progress = store::parse(&text).unwrap();
        let setup = &progress.skills["foundations/python-setup"];
        assert_eq!(
            (setup.status, setup.note.as_str()),
            (roadmap_tutor::progress::Status::Done, "pyenv on the desktop\n")
        );
        let note = &progress.skills["foundations/git-basics"].note;
        assert!(note.contains("rebase practice") && note.contains("bisect practice"), "{note}");
        assert!(note.contains(NOTE_SEPARATOR), "two notes are kept, marked: {note}");
        let reviews: Vec<String> =
            progress.skills["foundations/terminal-basics"].reviews.iter().map(|r| r.date.to_string()).collect();
        assert!(
            reviews.contains(&"2026-11-20".to_string()) && reviews.contains(&"2026-11-21".to_string()),
            "{reviews:?}"
        );
    }
}

#[test]
fn merge_file_refuses_inputs_that_do_not_load_and_leaves_ours_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let ours = "version: 2\nskills:\n  foundations/git-basics:\n    status: done\n    finished: 2026-11-02\n";
    std::fs::write(path("base"), "").unwrap();
    std::fs::write(path("ours"), ours).unwrap();
    std::fs::write(path("theirs"), "version: 2\nskills:\n<<<<<<< HEAD\n  x: 1\n").unwrap();
    let sandbox = Sandbox::new();
    let run = common::output(sandbox.command().arg("merge-file").args([path("base"), path("ours"), path("theirs")]));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let theirs = path("theirs").display().to_string();
    assert!(run.stderr.contains(&format!("the other side (THEIRS) does not load: {theirs}, line ")), "{}", run.stderr);
    assert!(run.stderr.contains("git reports a conflict"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(path("ours")).unwrap(), ours);
    // A missing BASE is no progress: both added the file.
    std::fs::write(path("theirs"), "version: 2\nweekly_hours: 6\n").unwrap();
    let run = common::output(sandbox.command().arg("merge-file").args([path("none"), path("ours"), path("theirs")]));
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""));
    let merged = store::parse(&std::fs::read_to_string(path("ours")).unwrap()).unwrap();
    assert_eq!((merged.weekly_hours, merged.skills.len()), (Some(6.0), 1));
}

#[test]
fn outside_a_repository_sync_says_so_and_changes_nothing() {
    let sandbox = Sandbox::new();
    let mut command = sandbox.command();
    git_env(&mut command).arg("--state").arg(sandbox.state());
    sandbox.run(&["done", "foundations/git-basics"]);
    let before = sandbox.state_text();
    let run = common::output(command.arg("sync"));
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("is not in a git repository"), "{}", run.stderr);
    assert!(run.stderr.contains("git init"), "says what to do: {}", run.stderr);
    assert_eq!(sandbox.state_text(), before);
}

#[test]
fn without_an_upstream_sync_says_how_to_set_one() {
    let sandbox = Sandbox::new();
    let repo = sandbox.home.path();
    git(repo, &["-c", "init.defaultBranch=main", "init", "--quiet"]);
    let sync = || {
        let mut command = sandbox.command();
        git_env(&mut command).arg("--state").arg(sandbox.state()).arg("sync");
        common::output(&mut command)
    };
    sandbox.run(&["done", "foundations/git-basics"]);
    let run = sync();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("has no upstream"), "{}", run.stderr);
    assert!(run.stderr.contains("git remote add origin URL"), "{}", run.stderr);
    git(repo, &["remote", "add", "origin", "/nowhere/remote.git"]);
    let run = sync();
    assert!(run.stderr.contains("Set one with `git push -u origin main`"), "{}", run.stderr);
    assert_eq!(git(repo, &["status", "--porcelain", "--untracked-files=no"]), "", "nothing staged");
}

#[test]
fn an_unreachable_remote_changes_nothing() {
    let (world, laptop, _) = world();
    laptop.ok(&["done", "foundations/git-basics"]);
    let before = (laptop.text(), laptop.subjects());
    std::fs::rename(&world.remote, world.remote.with_extension("moved")).unwrap();
    let run = laptop.roadmap(&["sync"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("fetching from origin failed, so nothing was changed"), "{}", run.stderr);
    assert_eq!((laptop.text(), laptop.subjects()), before);
    assert!(!laptop.repo.join(".gitattributes").exists());
}

#[test]
fn a_conflict_in_another_file_is_reported_and_everything_put_back() {
    let (_world, laptop, desktop) = world();
    laptop.ok(&["sync"]);
    desktop.ok(&["sync"]);
    // Both machines change the learner's own file, differently; the laptop pushes first.
    std::fs::write(laptop.repo.join("notes.txt"), "laptop\n").unwrap();
    laptop.git(&["commit", "--quiet", "-am", "laptop notes"]);
    laptop.ok(&["done", "foundations/git-basics"]);
    assert_eq!(laptop.ok(&["sync"]).stdout, "committed 1 change and pushed 2 commits to origin/main\n");
    std::fs::write(desktop.repo.join("notes.txt"), "desktop\n").unwrap();
    desktop.git(&["commit", "--quiet", "-am", "desktop notes"]);
    desktop.ok(&["start", "foundations/python-setup"]);
    let before = (desktop.text(), desktop.git(&["rev-parse", "HEAD"]), desktop.git(&["status", "--porcelain"]));
    let run = desktop.roadmap(&["sync"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("conflicts in notes.txt (not the progress file)"), "{}", run.stderr);
    assert!(run.stderr.contains("`git pull`"), "says what to do: {}", run.stderr);
    let after = (desktop.text(), desktop.git(&["rev-parse", "HEAD"]), desktop.git(&["status", "--porcelain"]));
    assert_eq!(after, before, "the progress file, the branch and the work tree as they were");
    assert!(!desktop.repo.join(".git/rebase-merge").exists(), "no rebase left under way");
}

#[test]
fn other_staged_files_are_never_committed() {
    let (_world, laptop, _) = world();
    laptop.ok(&["done", "foundations/git-basics"]);
    std::fs::write(laptop.repo.join("notes.txt"), "half done\n").unwrap();
    laptop.git(&["add", "notes.txt"]);
    let run = laptop.roadmap(&["sync"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("other files are staged"), "{}", run.stderr);
    assert!(run.stderr.contains("notes.txt"), "{}", run.stderr);
    assert_eq!(laptop.subjects(), ["dotfiles"]);
    assert_eq!(laptop.git(&["diff", "--cached", "--name-only"]), "notes.txt\n", "the index as it was");
}

#[test]
fn a_dry_run_prints_the_git_commands_and_changes_nothing() {
    let (_world, laptop, _) = world();
    laptop.ok(&["done", "foundations/git-basics"]);
    let config = laptop.git(&["config", "--list", "--local"]);
    let run = laptop.ok(&["sync", "--dry-run"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("roadmap sync --dry-run: nothing changed; in "), "{}", run.stdout);
    for expected in [
        "  git config merge.roadmap-progress.name 'roadmap-tutor progress file'",
        "  echo '/progress.yaml merge=roadmap-progress' >> .git/info/attributes",
        "  git fetch --quiet origin",
        "  git add -- progress.yaml",
        "  git commit --quiet -m 'roadmap sync: 1 change in progress.yaml' -- progress.yaml",
        "  git rebase --quiet refs/remotes/origin/main    # if origin/main has commits this branch lacks",
        "  echo '/progress.yaml merge=roadmap-progress' >> .gitattributes    # unless the pull brought it",
        "  git push --quiet origin HEAD:refs/heads/main    # if this branch has commits origin/main lacks",
    ] {
        assert!(lines.contains(&expected), "no `{expected}` in:\n{}", run.stdout);
    }
    let driver = lines.iter().find(|l| l.contains("merge.roadmap-progress.driver")).unwrap();
    assert!(driver.ends_with(" merge-file %O %A %B %P'"), "{driver}");
    assert_eq!(laptop.git(&["config", "--list", "--local"]), config);
    assert_eq!(laptop.git(&["status", "--porcelain"]), "?? progress.yaml\n?? progress.yaml.lock\n");
    assert_eq!(laptop.subjects(), ["dotfiles"]);
}

#[test]
fn pull_rebase_false_merges_and_the_driver_merges_there_too() {
    let (_world, laptop, desktop) = world();
    desktop.git(&["config", "pull.rebase", "false"]);
    laptop.ok(&["sync"]);
    laptop.set_note("foundations/git-basics", "laptop\n");
    laptop.ok(&["sync"]);
    desktop.set_note("foundations/git-basics", "desktop\n");
    assert_eq!(desktop.ok(&["sync"]).stdout, "committed 1 change, pulled 1 change from origin/main and pushed\n");
    laptop.ok(&["sync"]);
    let text = assert_in_step(&laptop, &desktop);
    assert!(text.contains("laptop") && text.contains("desktop") && text.contains(NOTE_SEPARATOR), "{text}");
    let parents = desktop.git(&["log", "-1", "--format=%p"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge commit, as pull.rebase=false asks");
}

#[test]
fn a_progress_file_reached_through_a_symlink_syncs_where_it_lives() {
    let (_world, laptop, desktop) = world();
    // The progress file in a folder of the repository, the default path a link to it.
    std::fs::create_dir(laptop.repo.join("roadmap")).unwrap();
    let link = laptop.sandbox.home.path().join("progress-link.yaml");
    std::os::unix::fs::symlink(laptop.repo.join("roadmap/progress.yaml"), &link).unwrap();
    let run = |args: &[&str]| {
        let mut command = laptop.sandbox.command();
        git_env(&mut command).env("ROADMAP_STATE", &link).args(args);
        common::output(&mut command)
    };
    assert_eq!(run(&["done", "foundations/git-basics"]).code, 0);
    let said = run(&["sync"]);
    assert_eq!(
        (said.code, said.stdout.as_str()),
        (0, "committed and pushed 1 change to origin/main\n"),
        "{}",
        said.stderr
    );
    assert!(link.is_symlink(), "the link stays a link");
    assert_eq!(
        std::fs::read_to_string(laptop.repo.join(".gitattributes")).unwrap(),
        "/roadmap/progress.yaml merge=roadmap-progress\n"
    );
    desktop.ok(&["sync"]);
    assert!(desktop.repo.join("roadmap/progress.yaml").is_file());
    assert_eq!(laptop.git(&["status", "--porcelain"]), "");
}

#[test]
fn an_ignored_progress_file_is_refused_before_anything_changes() {
    let (_world, laptop, _) = world();
    std::fs::write(laptop.repo.join(".gitignore"), "*.yaml\n").unwrap();
    laptop.ok(&["done", "foundations/git-basics"]);
    let run = laptop.roadmap(&["sync"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("git ignores progress.yaml"), "{}", run.stderr);
    assert!(!laptop.repo.join(".gitattributes").exists());
    assert_eq!(laptop.subjects(), ["dotfiles"]);
}

#[test]
fn a_progress_file_from_the_upstream_that_does_not_load_stops_the_sync_cleanly() {
    let (_world, laptop, desktop) = world();
    laptop.ok(&["done", "foundations/git-basics"]);
    laptop.ok(&["sync"]);
    desktop.ok(&["sync"]);
    // A hand edit gone wrong, committed and pushed with git itself.
    std::fs::write(laptop.state(), "version: 2\nskills:\n  foundations/git-basics:\n    status: finished\n").unwrap();
    laptop.git(&["commit", "--quiet", "-am", "by hand"]);
    laptop.git(&["push", "--quiet"]);
    desktop.ok(&["start", "foundations/python-setup"]);
    let before = (desktop.text(), desktop.git(&["rev-parse", "HEAD"]));
    let run = desktop.roadmap(&["sync"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("git could not merge progress.yaml with the one from origin/main"), "{}", run.stderr);
    assert!(
        run.stderr.contains("the other side (THEIRS) does not load")
            || run.stderr.contains("this side (OURS) does not load"),
        "the driver's reason: {}",
        run.stderr
    );
    assert!(run.stderr.contains("line 4"), "{}", run.stderr);
    assert_eq!((desktop.text(), desktop.git(&["rev-parse", "HEAD"])), before);
    assert!(!desktop.text().contains("<<<<<<<"));
}
