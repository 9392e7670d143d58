//! `roadmap sync`: commits the progress file in the git repository that holds it, takes in the
//! upstream's commits (git merging the progress file with `roadmap merge-file`), and pushes.
//! It commits nothing but the progress file (and the `.gitattributes` line it adds, alone),
//! checks everything it can before it changes anything, and puts back what it did when a step
//! fails.

mod diff;
mod git;
mod repo;
mod report;
mod setup;

use std::path::Path;

use anyhow::anyhow;

use crate::cli::args::Cli;
use crate::cli::output::Output;
use crate::cli::session::{self, Failure};
use crate::progress::Progress;
use crate::store::{self, Store};
use git::command_line;
use repo::{Integrate, Repo};
use report::Report;
use setup::Setup;

pub fn sync(cli: &Cli, dry_run: bool, out: &mut Output) -> Result<(), Failure> {
    // Opened as every command opens it: symlinks resolved, and a file that does not load is
    // refused here rather than committed.
    let (store, _) = Store::open(session::state_path(cli)?)?;
    let file = store.path();
    let repo = Repo::find(file)?;
    let program = std::env::current_exe()
        .map_err(|e| Failure::Other(anyhow!("cannot tell where this roadmap program is ({e}), for git to run it")))?;
    let setup = Setup::plan(&repo, &program)?;
    let unstaged = preflight(&repo, &setup)?;
    let changes = changed_on_disk(&repo, file)?;
    if dry_run {
        return show_steps(&repo, &setup, changes.as_deref(), out);
    }
    fetch(&repo)?;
    let integrate = repo.integrate()?;
    let behind = behind(&repo)?;
    if behind > 0 && integrate != Integrate::Merge && !unstaged.is_empty() {
        return Err(Failure::Other(anyhow!(
            "cannot sync: {} has uncommitted changes to {}, and taking in {} rebases.\n\
             Commit or stash them (`git stash`, and `git stash pop` after the sync), then sync again.",
            repo.root().display(),
            listed(&unstaged),
            repo.upstream.name
        )));
    }
    let earlier = ahead(&repo)?;
    // Held while git rewrites the file, so a save by a running tutor waits rather than lands
    // between two git commands; not held over the network.
    let held = lock(file)?;
    setup.apply_local(&repo)?;
    let committed = match &changes {
        Some(changes) => {
            let (subject, body) = diff::commit_message(&repo.rel, changes);
            commit(&repo, &repo.rel, &subject, &body)?;
            Some(changes.len())
        }
        None => None,
    };
    let pulled = if behind > 0 { Some(take_in(&repo, integrate, file, committed.is_some())?) } else { None };
    // After the pull, which may have brought the line from another clone: two clones adding
    // it each before pulling would conflict in .gitattributes.
    let shared = share_setup(&repo, &setup)?;
    drop(held);
    let pushed = ahead(&repo)?;
    if pushed > 0 {
        push(&repo, committed.is_some())?;
    }
    let committed = committed.or(shared.then_some(0));
    let report = Report { committed, pulled: pulled.map(|p| (p, behind)), pushed, earlier };
    out.line(report.line(&repo.upstream.name))?;
    Ok(())
}

/// Everything that stops a sync before it changes anything, but the network; the tracked
/// files with unstaged changes, which stop it only when it must rebase.
fn preflight(repo: &Repo, setup: &Setup) -> Result<Vec<String>, Failure> {
    let root = repo.root().display();
    if let Some(what) = repo.operation_under_way() {
        return Err(Failure::Other(anyhow!(
            "cannot sync: {what} is under way in {root}.\nFinish it or abort it (`git status` says how), then sync again."
        )));
    }
    let (staged, unstaged) = repo.other_changes(&[&repo.rel])?;
    if !staged.is_empty() {
        return Err(Failure::Other(anyhow!(
            "cannot sync: other files are staged in {root} ({}).\nroadmap sync commits only the progress file: \
             commit those first, or unstage them (`git restore --staged FILE`), then sync again.",
            listed(&staged)
        )));
    }
    if setup.shared_line(repo).is_some() && unstaged.iter().any(|path| path == ".gitattributes") {
        return Err(Failure::Other(anyhow!(
            "cannot sync: .gitattributes has uncommitted changes in {root}, and sync adds a line to it.\n\
             Commit or undo them first, then sync again."
        )));
    }
    if repo.ignores_untracked(&repo.rel)? {
        return Err(Failure::Other(anyhow!(
            "cannot sync: git ignores {} in {root} (`git check-ignore -v {}` shows which line).\n\
             Take it out of the ignore file, then sync again.",
            repo.rel,
            git::quoted(&repo.rel)
        )));
    }
    Ok(unstaged)
}

/// Commits the upstream has that HEAD lacks (all of them on a branch with no commit yet).
fn behind(repo: &Repo) -> Result<usize, Failure> {
    let tracking = &repo.upstream.tracking;
    match (repo.has_upstream_commits()?, repo.has_head()?) {
        (false, _) => Ok(0),
        (true, true) => repo.commits(&format!("HEAD..{tracking}")),
        (true, false) => repo.commits(tracking),
    }
}

/// Commits on HEAD that the upstream lacks (all of them while it has none).
fn ahead(repo: &Repo) -> Result<usize, Failure> {
    match (repo.has_upstream_commits()?, repo.has_head()?) {
        (_, false) => Ok(0),
        (true, true) => repo.commits(&format!("{}..HEAD", repo.upstream.tracking)),
        (false, true) => repo.commits("HEAD"),
    }
}

/// Adds and commits the `.gitattributes` line when the file still lacks it; whether it did.
fn share_setup(repo: &Repo, setup: &Setup) -> Result<bool, Failure> {
    let Some(undo) = setup.share(repo)? else { return Ok(false) };
    let subject = format!("roadmap sync: git merges {} with `roadmap merge-file`", repo.rel);
    match commit(repo, ".gitattributes", &subject, "") {
        Ok(()) => Ok(true),
        Err(failure) => {
            undo.undo();
            Err(failure)
        }
    }
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

/// Commits one path alone (`git commit -- PATH` leaves anything else in the index alone).
fn commit(repo: &Repo, path: &str, subject: &str, body: &str) -> Result<(), Failure> {
    repo.git.ok(&["add", "--", path])?;
    let mut commit = vec!["commit", "--quiet", "-m", subject];
    if !body.is_empty() {
        commit.extend(["-m", body]);
    }
    repo.git.ok(&[&commit[..], &["--", path]].concat())?;
    Ok(())
}

/// Rebases onto (or merges) the upstream; the changes to the progress that came in, or the
/// failure, with the rebase or merge aborted and the sync's own commit taken back.
fn take_in(repo: &Repo, integrate: Integrate, file: &Path, committed: bool) -> Result<usize, Failure> {
    if !repo.has_head()? {
        return Err(Failure::Other(anyhow!(
            "cannot sync: branch {} has no commit yet while {} has some: run `git pull` once, then sync again",
            repo.branch,
            repo.upstream.name
        )));
    }
    let result = pull(repo, integrate, file, committed);
    let has_parent = || matches!(repo.git.query(&["rev-parse", "--verify", "--quiet", "HEAD~1"]), Ok(Some(_)));
    if result.is_err() && committed && has_parent() {
        // The progress file stays as it is on disk, uncommitted, as before the sync.
        let _ = repo.git.ok(&["reset", "--quiet", "HEAD~1"]);
    }
    result
}

fn pull(repo: &Repo, integrate: Integrate, file: &Path, committed: bool) -> Result<usize, Failure> {
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
    let stopped = match (under_way, integrate) {
        (false, _) => "",
        (true, Integrate::Merge) => " the merge was aborted,",
        (true, _) => " the rebase was aborted,",
    };
    let taken_back = if committed { " the sync's commit taken back," } else { "" };
    Err(Failure::Other(anyhow!(
        "cannot sync: {what}\nNothing was changed:{stopped}{taken_back} your files are as they were. \
         Take in {up} yourself (`git pull`), then sync again."
    )))
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

fn show_steps(repo: &Repo, setup: &Setup, changes: Option<&[String]>, out: &mut Output) -> Result<(), Failure> {
    let up = &repo.upstream;
    let mut steps = setup.local_steps(repo);
    if up.remote != "." {
        steps.push(command_line(&["fetch", "--quiet", &up.remote]));
    }
    if let Some(changes) = changes {
        let (subject, _) = diff::commit_message(&repo.rel, changes);
        steps.push(command_line(&["add", "--", &repo.rel]));
        steps.push(command_line(&["commit", "--quiet", "-m", &subject, "--", &repo.rel]));
    }
    let pull = match repo.integrate()? {
        Integrate::Rebase => command_line(&["rebase", "--quiet", &up.tracking]),
        Integrate::RebaseMerges => command_line(&["rebase", "--quiet", "--rebase-merges", &up.tracking]),
        Integrate::Merge => command_line(&["merge", "--quiet", "--no-edit", &up.tracking]),
    };
    steps.push(format!("{pull}    # if {} has commits this branch lacks", up.name));
    if let Some(line) = setup.shared_line(repo) {
        let unless = "# unless the pull brought it";
        steps.push(format!("echo {} >> .gitattributes    {unless}", git::quoted(line)));
        let subject = format!("roadmap sync: git merges {} with `roadmap merge-file`", repo.rel);
        steps.push(format!("{}    {unless}", command_line(&["add", "--", ".gitattributes"])));
        steps.push(format!(
            "{}    {unless}",
            command_line(&["commit", "--quiet", "-m", &subject, "--", ".gitattributes"])
        ));
    }
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

/// A few paths for a message.
fn listed(paths: &[String]) -> String {
    let shown: Vec<&str> = paths.iter().take(5).map(String::as_str).collect();
    let more = paths.len().saturating_sub(shown.len());
    if more > 0 { format!("{} and {more} more", shown.join(", ")) } else { shown.join(", ") }
}
