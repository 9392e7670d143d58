//! The repository that holds the progress file, as `roadmap sync` needs it: its root, the
//! file's path inside it, the branch and the upstream it syncs with, and whether it is in a
//! state where a commit and a pull can be made without touching anything else.

use std::path::{Path, PathBuf};

use anyhow::anyhow;

use super::git::{Git, quoted};
use crate::cli::session::Failure;

pub struct Repo {
    /// Runs in the work tree's root.
    pub git: Git,
    /// The progress file's path from the root, with `/` between folders (as git names it).
    pub rel: String,
    /// The repository's own folder (`.git`, or a worktree's folder inside it).
    pub git_dir: PathBuf,
    pub branch: String,
    pub upstream: Upstream,
}

/// Where the branch pulls from and pushes to.
pub struct Upstream {
    pub remote: String,
    /// The branch on the remote, in full: `refs/heads/main`.
    pub merge: String,
    /// Its remote-tracking ref here: `refs/remotes/origin/main`.
    pub tracking: String,
    /// How people say it: `origin/main`.
    pub name: String,
}

/// How the branch takes in the upstream's commits, as `git pull` would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integrate {
    Rebase,
    /// `pull.rebase = merges`: local merge commits are kept.
    RebaseMerges,
    Merge,
}

impl Repo {
    /// The repository holding `file`, with a branch that has an upstream, or why it cannot sync.
    pub fn find(file: &Path) -> Result<Repo, Failure> {
        let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let not_a_repo = || {
            Failure::Other(anyhow!(
                "cannot sync {}: {} is not in a git repository.\n\
                 Keep the progress file in one (your dotfiles, say) and point ROADMAP_STATE or --state at it, \
                 or run `git init` there and add a remote.",
                file.display(),
                dir.display()
            ))
        };
        if !dir.is_dir() {
            return Err(not_a_repo());
        }
        let ran = Git::new(dir).run(&["rev-parse", "--show-toplevel", "--show-prefix", "--absolute-git-dir"])?;
        let mut lines = ran.stdout.lines();
        let (Some(root), Some(prefix), Some(git_dir)) = (lines.next(), lines.next(), lines.next()) else {
            return Err(not_a_repo());
        };
        if !ran.ok {
            return Err(not_a_repo());
        }
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let git = Git::new(root);
        let branch = git.query(&["symbolic-ref", "--quiet", "--short", "HEAD"])?.ok_or_else(|| {
            Failure::Other(anyhow!(
                "cannot sync: HEAD is detached in {root} (no branch is checked out).\n\
                 Check out the branch to sync first (`git switch main`), then sync again."
            ))
        })?;
        let upstream = upstream(&git, &branch)?;
        Ok(Repo { rel: format!("{prefix}{name}"), git, git_dir: PathBuf::from(git_dir), branch, upstream })
    }

    pub fn root(&self) -> &Path {
        self.git.dir()
    }

    /// `git pull`'s choice for this branch: `branch.NAME.rebase`, else `pull.rebase`; rebase
    /// when neither is set (a linear history of progress commits).
    pub fn integrate(&self) -> Result<Integrate, Failure> {
        let key = format!("branch.{}.rebase", self.branch);
        let value = match self.git.query(&["config", "--get", &key])? {
            Some(value) => Some(value),
            None => self.git.query(&["config", "--get", "pull.rebase"])?,
        };
        Ok(match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
            Some("false" | "no" | "off" | "0") => Integrate::Merge,
            Some("merges" | "m") => Integrate::RebaseMerges,
            _ => Integrate::Rebase,
        })
    }

    /// A merge, rebase, cherry-pick or revert the learner left unfinished.
    pub fn operation_under_way(&self) -> Option<&'static str> {
        let under_way = [
            ("MERGE_HEAD", "a merge"),
            ("rebase-merge", "a rebase"),
            ("rebase-apply", "a rebase"),
            ("CHERRY_PICK_HEAD", "a cherry-pick"),
            ("REVERT_HEAD", "a revert"),
        ];
        under_way.into_iter().find(|(name, _)| self.git_dir.join(name).exists()).map(|(_, what)| what)
    }

    /// Tracked files other than `ours` with changes: (staged ones, changed but unstaged ones).
    pub fn other_changes(&self, ours: &[&str]) -> Result<(Vec<String>, Vec<String>), Failure> {
        let status = self.git.ok(&["status", "--porcelain=v1", "-z", "--untracked-files=no"])?;
        let (mut staged, mut unstaged) = (Vec::new(), Vec::new());
        let mut entries = status.split('\0').filter(|e| !e.is_empty());
        while let Some(entry) = entries.next() {
            let (code, path) = entry.split_at(entry.len().min(3));
            let (index, tree) = (code.as_bytes().first().copied(), code.as_bytes().get(1).copied());
            // A rename or copy names its old path in the next entry.
            if matches!(index, Some(b'R' | b'C')) {
                entries.next();
            }
            if ours.contains(&path) {
                continue;
            }
            if index.is_some_and(|c| c != b' ') {
                staged.push(path.to_string());
            } else if tree.is_some_and(|c| c != b' ') {
                unstaged.push(path.to_string());
            }
        }
        Ok((staged, unstaged))
    }

    /// Whether git ignores `path` and does not track it: such a file is never committed.
    pub fn ignores_untracked(&self, path: &str) -> Result<bool, Failure> {
        let tracked = self.git.run(&["ls-files", "--error-unmatch", "--", path])?.ok;
        Ok(!tracked && self.git.run(&["check-ignore", "--quiet", "--", path])?.ok)
    }

    /// Whether the tracking ref exists (a remote branch that was never pushed has none).
    pub fn has_upstream_commits(&self) -> Result<bool, Failure> {
        Ok(self.git.query(&["rev-parse", "--verify", "--quiet", &self.upstream.tracking])?.is_some())
    }

    /// How many commits `git rev-list RANGE` lists.
    pub fn commits(&self, range: &str) -> Result<usize, Failure> {
        let text = self.git.ok(&["rev-list", "--count", range])?;
        Ok(text.trim().parse().unwrap_or(0))
    }

    /// Whether HEAD has a commit yet (a fresh repository's branch has none).
    pub fn has_head(&self) -> Result<bool, Failure> {
        Ok(self.git.query(&["rev-parse", "--verify", "--quiet", "HEAD"])?.is_some())
    }
}

fn upstream(git: &Git, branch: &str) -> Result<Upstream, Failure> {
    let remote = git.query(&["config", "--get", &format!("branch.{branch}.remote")])?;
    let merge = git.query(&["config", "--get", &format!("branch.{branch}.merge")])?;
    let (Some(remote), Some(merge)) = (remote, merge) else {
        let remotes = git.ok(&["remote"])?;
        let root = git.dir().display();
        let advice = match remotes.lines().next() {
            None => format!(
                "{root} has no remote yet: add one with `git remote add origin URL`, then `git push -u origin {}`.",
                quoted(branch)
            ),
            Some(remote) => format!("Set one with `git push -u {} {}`.", quoted(remote), quoted(branch)),
        };
        return Err(Failure::Other(anyhow!(
            "cannot sync: branch {branch} of {root} has no upstream to pull from and push to.\n{advice}"
        )));
    };
    let short = merge.strip_prefix("refs/heads/").unwrap_or(&merge).to_string();
    let tracking = if remote == "." { merge.clone() } else { format!("refs/remotes/{remote}/{short}") };
    let name = if remote == "." { short } else { format!("{remote}/{short}") };
    Ok(Upstream { remote, merge, tracking, name })
}
