//! `roadmap sync`: commits the progress file in the git repository that holds it, takes in the
//! upstream's commits (git merging the progress file with `roadmap merge-file`), and pushes.
//! It commits nothing but the progress file (and the `.gitattributes` line it adds), checks
//! everything it can before it changes anything, and puts back what it did when a step fails.

mod diff;
mod git;
mod repo;
mod setup;

use std::path::Path;

use anyhow::anyhow;

use crate::cli::args::Cli;
use crate::cli::output::Output;
use crate::cli::session::{self, Failure};
use crate::progress::Progress;
use crate::store::{self, Store};
use crate::suggest::words::count;
use git::command_line;
use repo::{Integrate, Repo};
use setup::{Setup, Undo};

pub fn sync(cli: &Cli, dry_run: bool, out: &mut Output) -> Result<(), Failure> {
    // Opened as every command opens it: symlinks resolved, and a file that does not load is
    // refused here rather than committed.
    let (store, _) = Store::open(session::state_path(cli)?)?;
    let repo = Repo::find(store.path())?;
    let program = std::env::current_exe()
        .map_err(|e| Failure::Other(anyhow!("cannot tell where this roadmap program is ({e}), for git to run it")))?;
    let setup = Setup::plan(&repo, &program)?;
    if let Some(what) = repo.operation_under_way() {
        return Err(Failure::Other(anyhow!(
            "cannot sync: {what} is under way in {}.\nFinish it or abort it (`git status` says how), then sync again.",
            repo.root().display()
        )));
    }
    let (staged, unstaged) = repo.other_changes(&[&repo.rel])?;
    if !staged.is_empty() {
        return Err(Failure::Other(anyhow!(
            "cannot sync: other files are staged in {} ({}).\nroadmap sync commits only the progress file: \
             commit those first, or unstage them (`git restore --staged FILE`), then sync again.",
            repo.root().display(),
            listed(&staged)
        )));
    }
    let paths = paths(&repo, &setup, store.path());
    let to_commit = changed_on_disk(&repo, store.path())?;
    if dry_run {
        return show_steps(&repo, &setup, to_commit.as_deref(), &paths, out);
    }
    fetch(&repo)?;
    let integrate = repo.integrate()?;
    let tracking = repo.upstream.tracking.clone();
    let (upstream_exists, has_head) = (repo.has_upstream_commits()?, repo.has_head()?);
    let behind = match (upstream_exists, has_head) {
        (false, _) => 0,
        (true, true) => repo.commits(&format!("HEAD..{tracking}"))?,
        (true, false) => repo.commits(&tracking)?,
    };
    if behind > 0 && integrate != Integrate::Merge && !unstaged.is_empty() {
        return Err(Failure::Other(anyhow!(
            "cannot sync: {} has uncommitted changes to {}, and taking in {} rebases.\n\
             Commit or stash them (`git stash`, and `git stash pop` after the sync), then sync again.",
            repo.root().display(),
            listed(&unstaged),
            repo.upstream.name
        )));
    }
    let earlier = ahead(&repo, upstream_exists)?;
    // Held while git rewrites the file, so a save by a running tutor waits rather than lands
    // between two git commands; not held over the network.
    let held = lock(store.path())?;
    let undo = setup.apply(&repo)?;
    let committed = if !paths.is_empty() && (to_commit.is_some() || undo.is_some()) {
        Some(commit(&repo, &paths, to_commit.as_deref().unwrap_or_default(), undo.is_some())?)
    } else {
        None
    };
    let pulled = if behind > 0 {
        if !repo.has_head()? {
            return Err(Failure::Other(anyhow!(
                "cannot sync: branch {} has no commit yet while {} has some: run `git pull` once, then sync again",
                repo.branch,
                repo.upstream.name
            )));
        }
        match take_in(&repo, integrate, store.path()) {
            Ok(changes) => Some(changes),
            Err(failure) => {
                put_back(&repo, committed.is_some(), undo);
                return Err(failure);
            }
        }
    } else {
        None
    };
    drop(held);
    let pushed = ahead(&repo, repo.has_upstream_commits()?)?;
    if pushed > 0 {
        push(&repo, committed.is_some())?;
    }
    let report = Report { committed, pulled: pulled.map(|p| (p, behind)), pushed, earlier };
    out.line(report.line(&repo.upstream.name))?;
    Ok(())
}

/// What the commit holds: the progress file (when there is one: a missing file is no
/// progress, never a deletion to commit), and `.gitattributes` when the setup adds a line.
fn paths(repo: &Repo, setup: &Setup, file: &Path) -> Vec<String> {
    let mut paths = Vec::new();
    if file.is_file() {
        paths.push(repo.rel.clone());
    }
    if setup.shared_line.is_some() {
        paths.push(".gitattributes".to_string());
    }
    paths
}

/// The changes the progress file holds beyond its last commit, or `None` when git sees none.
fn changed_on_disk(repo: &Repo, file: &Path) -> Result<Option<Vec<String>>, Failure> {
    if !file.is_file() {
        return Ok(None);
    }
    let status = repo.git.ok(&["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", &repo.rel])?;
    if status.is_empty() {
        return Ok(None);
    }
    let committed = repo.git.run(&["show", &format!("HEAD:{}", repo.rel)])?;
    let before = if committed.ok { store::parse(&committed.stdout).unwrap_or_default() } else { Progress::default() };
    Ok(Some(diff::changed(&before, &read_progress(file)?)))
}

/// Commits on HEAD that the upstream lacks (all of them while it has none).
fn ahead(repo: &Repo, upstream_exists: bool) -> Result<usize, Failure> {
    match (upstream_exists, repo.has_head()?) {
        (_, false) => Ok(0),
        (true, true) => repo.commits(&format!("{}..HEAD", repo.upstream.tracking)),
        (false, true) => repo.commits("HEAD"),
    }
}

fn read_progress(file: &Path) -> Result<Progress, Failure> {
    Ok(Store::open(file)?.1)
}

fn fetch(repo: &Repo) -> Result<(), Failure> {
    let remote = &repo.upstream.remote;
    if remote == "." {
        return Ok(());
    }
    let ran = repo.git.run(&["fetch", "--quiet", remote])?;
    if ran.ok {
        return Ok(());
    }
    Err(Failure::Other(anyhow!(
        "cannot sync: fetching from {remote} failed, so nothing was changed:\n{}\n\
         Check the network and that `git fetch {remote}` works in {}, then sync again.",
        ran.said(),
        repo.root().display()
    )))
}

fn commit(repo: &Repo, paths: &[String], changes: &[String], attributes: bool) -> Result<usize, Failure> {
    let (subject, mut body) = diff::commit_message(&repo.rel, changes);
    if changes.is_empty() {
        body.clear();
    }
    let subject = if changes.is_empty() { format!("roadmap sync: {}", repo.rel) } else { subject };
    if attributes {
        body.push_str(&format!("\n\n.gitattributes: git merges {} with `roadmap merge-file`", repo.rel));
    }
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let mut add = vec!["add", "--"];
    add.extend(&paths);
    repo.git.ok(&add)?;
    let body = body.trim().to_string();
    let mut commit = vec!["commit", "--quiet", "-m", &subject];
    if !body.is_empty() {
        commit.extend(["-m", &body]);
    }
    commit.push("--");
    commit.extend(&paths);
    repo.git.ok(&commit)?;
    Ok(changes.len())
}

/// Rebases onto (or merges) the upstream; the changes to the progress that came in, or the
/// failure, with the rebase or merge aborted.
fn take_in(repo: &Repo, integrate: Integrate, file: &Path) -> Result<usize, Failure> {
    let before = read_progress(file)?;
    let tracking = repo.upstream.tracking.as_str();
    let args: &[&str] = match integrate {
        Integrate::Rebase => &["rebase", "--quiet", tracking],
        Integrate::RebaseMerges => &["rebase", "--quiet", "--rebase-merges", tracking],
        Integrate::Merge => &["merge", "--quiet", "--no-edit", tracking],
    };
    let ran = repo.git.run(args)?;
    if ran.ok {
        return Ok(diff::changed(&before, &read_progress(file)?).len());
    }
    let conflicted = repo.git.ok(&["diff", "--name-only", "--diff-filter=U", "-z"]).unwrap_or_default();
    let conflicted: Vec<String> = conflicted.split('\0').filter(|p| !p.is_empty()).map(str::to_string).collect();
    let under_way = repo.operation_under_way().is_some();
    if under_way {
        let abort: &[&str] = if integrate == Integrate::Merge { &["merge", "--abort"] } else { &["rebase", "--abort"] };
        repo.git.ok(abort)?;
    }
    let up = &repo.upstream.name;
    let what = if conflicted.contains(&repo.rel) {
        format!("git could not merge {} with the one from {up}:\n{}", repo.rel, ran.said())
    } else if !conflicted.is_empty() {
        format!("taking in {up} conflicts in {} (not the progress file)", listed(&conflicted))
    } else {
        format!("taking in {up} failed:\n{}", ran.said())
    };
    Err(Failure::Other(anyhow!(
        "cannot sync: {what}\nNothing was changed: the {} was stopped and your commit taken back. \
         Take in {up} yourself (`git pull`), then sync again.",
        if integrate == Integrate::Merge { "merge" } else { "rebase" }
    )))
}

/// Takes back what the sync did before its pull failed: its commit (the progress file stays
/// as it is on disk, uncommitted) and its `.gitattributes` line.
fn put_back(repo: &Repo, committed: bool, undo: Option<Undo>) {
    if committed && matches!(repo.git.query(&["rev-parse", "--verify", "--quiet", "HEAD~1"]), Ok(Some(_))) {
        let _ = repo.git.ok(&["reset", "--quiet", "HEAD~1"]);
    }
    if let Some(undo) = undo {
        undo.undo();
    }
}

fn push(repo: &Repo, committed: bool) -> Result<(), Failure> {
    let Repo { upstream, .. } = repo;
    let target = format!("HEAD:{}", upstream.merge);
    let ran = repo.git.run(&["push", "--quiet", &upstream.remote, &target])?;
    if ran.ok {
        return Ok(());
    }
    let done = if committed { "Your progress is committed in" } else { "Your commits are safe in" };
    Err(Failure::Other(anyhow!(
        "cannot push to {}:\n{}\n{done} {}; run `roadmap sync` again to push.",
        upstream.name,
        ran.said(),
        repo.root().display()
    )))
}

/// Takes the store's lock, as a save does, so no save happens while git changes the file.
fn lock(file: &Path) -> Result<std::fs::File, Failure> {
    let path = Store::lock_path(file);
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path);
    let lock = lock.map_err(|e| anyhow!("cannot open {}: {e}", path.display()))?;
    lock.lock().map_err(|e| anyhow!("cannot lock {}: {e}", path.display()))?;
    Ok(lock)
}

fn show_steps(
    repo: &Repo,
    setup: &Setup,
    to_commit: Option<&[String]>,
    paths: &[String],
    out: &mut Output,
) -> Result<(), Failure> {
    let up = &repo.upstream;
    let mut steps = setup.steps();
    for (path, line) in &setup.local_lines {
        let shown = path.strip_prefix(repo.root()).unwrap_or(path);
        steps.push(format!("echo {} >> {}", git::quoted(line), git::quoted(&shown.to_string_lossy())));
    }
    if up.remote != "." {
        steps.push(command_line(&["fetch", "--quiet", &up.remote]));
    }
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    if !paths.is_empty() && (to_commit.is_some() || setup.shared_line.is_some()) {
        let changes = to_commit.unwrap_or_default();
        let (subject, _) = diff::commit_message(&repo.rel, changes);
        steps.push(command_line(&[&["add", "--"][..], &paths].concat()));
        steps.push(command_line(&[&["commit", "--quiet", "-m", &subject, "--"][..], &paths].concat()));
    }
    let pull = match repo.integrate()? {
        Integrate::Rebase => command_line(&["rebase", "--quiet", &up.tracking]),
        Integrate::RebaseMerges => command_line(&["rebase", "--quiet", "--rebase-merges", &up.tracking]),
        Integrate::Merge => command_line(&["merge", "--quiet", "--no-edit", &up.tracking]),
    };
    steps.push(format!("{pull}    # if {} has commits this branch lacks", up.name));
    steps.push(format!(
        "{}    # if this branch has commits {} lacks",
        command_line(&["push", "--quiet", &up.remote, &format!("HEAD:{}", up.merge)]),
        up.name
    ));
    out.line(format!("roadmap sync --dry-run: nothing changed; in {} it would run:", repo.root().display()))?;
    for step in steps {
        out.line(format!("  {step}"))?;
    }
    Ok(())
}

/// What a sync did, for its one line.
struct Report {
    /// Changes committed, if a commit was made (none: only the `.gitattributes` line).
    committed: Option<usize>,
    /// Changes to the progress taken in, and the commits they came in.
    pulled: Option<(usize, usize)>,
    /// Commits pushed.
    pushed: usize,
    /// Of those, commits that were here before this sync.
    earlier: usize,
}

impl Report {
    fn line(&self, up: &str) -> String {
        let pushed_all_ours = self.pushed > 0 && self.earlier == 0;
        match (self.committed, self.pulled, self.pushed) {
            (None, None, 0) => format!("already up to date with {up}"),
            (Some(n), None, _) if pushed_all_ours && n > 0 => {
                format!("committed and pushed {} to {up}", count(n, "change"))
            }
            _ => {
                let mut parts = Vec::new();
                match self.committed {
                    Some(0) => parts.push("committed .gitattributes (the merge setup)".to_string()),
                    Some(n) => parts.push(format!("committed {}", count(n, "change"))),
                    None => {}
                }
                match self.pulled {
                    Some((0, commits)) => parts
                        .push(format!("pulled {} from {up} (no change to your progress)", count(commits, "commit"))),
                    Some((changes, _)) => parts.push(format!("pulled {} from {up}", count(changes, "change"))),
                    None => {}
                }
                if self.pushed > 0 {
                    let what =
                        if pushed_all_ours { String::new() } else { format!(" {}", count(self.pushed, "commit")) };
                    let place = if self.pulled.is_some() { String::new() } else { format!(" to {up}") };
                    parts.push(format!("pushed{what}{place}"));
                }
                and_list(parts)
            }
        }
    }
}

fn and_list(parts: Vec<String>) -> String {
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    }
}

/// A few paths for a message.
fn listed(paths: &[String]) -> String {
    let shown: Vec<&str> = paths.iter().take(5).map(String::as_str).collect();
    let more = paths.len().saturating_sub(shown.len());
    if more > 0 { format!("{} and {more} more", shown.join(", ")) } else { shown.join(", ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_says_what_happened_in_one_line() {
        let line =
            |committed, pulled, pushed, earlier| Report { committed, pulled, pushed, earlier }.line("origin/main");
        assert_eq!(line(None, None, 0, 0), "already up to date with origin/main");
        assert_eq!(line(Some(3), None, 1, 0), "committed and pushed 3 changes to origin/main");
        assert_eq!(line(None, Some((2, 1)), 0, 0), "pulled 2 changes from origin/main");
        assert_eq!(
            line(Some(1), Some((2, 2)), 1, 0),
            "committed 1 change, pulled 2 changes from origin/main and pushed"
        );
        assert_eq!(line(None, Some((0, 3)), 0, 0), "pulled 3 commits from origin/main (no change to your progress)");
        assert_eq!(line(None, None, 2, 2), "pushed 2 commits to origin/main");
        assert_eq!(line(Some(1), None, 3, 2), "committed 1 change and pushed 3 commits to origin/main");
        assert_eq!(line(Some(0), None, 1, 0), "committed .gitattributes (the merge setup) and pushed to origin/main");
    }
}
