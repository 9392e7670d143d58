//! The one-time setup that has git merge the progress file with `roadmap merge-file`: the
//! merge attribute (in `.git/info/attributes` for this clone, and in `.gitattributes`, shared
//! through a commit), the driver in the repository's config, and the store's side files kept
//! out of `git status`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::anyhow;

use super::git::quoted;
use super::repo::Repo;
use crate::cli::session::Failure;

/// The merge driver's name in `.gitattributes` and in the config.
pub const DRIVER: &str = "roadmap-progress";

/// What is missing, to be done (or, for `--dry-run`, shown).
pub struct Setup {
    /// `git config KEY VALUE` to run.
    pub config: Vec<(String, String)>,
    /// Lines files of `.git/info` lack: the attribute (so that this clone's merges and rebases
    /// use the driver whatever the other side's `.gitattributes` says: a rebase checks out the
    /// upstream's tree first) and the store's side files for `exclude`.
    pub local_lines: Vec<(PathBuf, String)>,
    /// The attribute line for `.gitattributes`, shared through a commit so every clone has it.
    line: String,
}

/// `.gitattributes` as it was before the setup added its line, to put back if its commit fails.
pub struct Undo {
    path: PathBuf,
    before: Option<Vec<u8>>,
}

impl Setup {
    /// What `repo` still needs for `program` (the running `roadmap`) to merge its progress file.
    pub fn plan(repo: &Repo, program: &Path) -> Result<Setup, Failure> {
        let line = format!("{} merge={DRIVER}", pattern(&repo.rel)?);
        let driver = format!("{} merge-file %O %A %B %P", quoted(&program.to_string_lossy()));
        let mut config = Vec::new();
        for (key, value) in [("name", "roadmap-tutor progress file".to_string()), ("driver", driver)] {
            let key = format!("merge.{DRIVER}.{key}");
            if repo.git.query(&["config", "--get", &key])?.as_deref() != Some(value.as_str()) {
                config.push((key, value));
            }
        }
        let info = repo.git_dir.join("info");
        let mut local_lines = Vec::new();
        for (file, wanted) in [
            ("attributes", line.clone()),
            ("exclude", format!("/{}.bak", repo.rel)),
            ("exclude", format!("/{}.lock", repo.rel)),
        ] {
            let path = info.join(file);
            if lacks(&path, &wanted) {
                local_lines.push((path, wanted));
            }
        }
        Ok(Setup { config, local_lines, line })
    }

    /// The line `.gitattributes` lacks now, if it does.
    pub fn shared_line(&self, repo: &Repo) -> Option<&str> {
        lacks(&repo.root().join(".gitattributes"), &self.line).then_some(self.line.as_str())
    }

    /// The config commands and `.git/info` edits, as `--dry-run` shows them.
    pub fn local_steps(&self, repo: &Repo) -> Vec<String> {
        let mut steps: Vec<String> =
            self.config.iter().map(|(key, value)| super::git::command_line(&["config", key, value])).collect();
        for (path, line) in &self.local_lines {
            let shown = path.strip_prefix(repo.root()).unwrap_or(path);
            steps.push(format!("echo {} >> {}", quoted(line), quoted(&shown.to_string_lossy())));
        }
        steps
    }

    /// Sets up this clone: the config and the `.git/info` lines. They stay whatever happens
    /// next: they change nothing until a merge, and then they are what makes it work.
    pub fn apply_local(&self, repo: &Repo) -> Result<(), Failure> {
        for (key, value) in &self.config {
            repo.git.ok(&["config", key, value])?;
        }
        for (path, line) in &self.local_lines {
            append_line(path, line)?;
        }
        if attribute(repo)?.as_deref() != Some(DRIVER) {
            return Err(Failure::Other(anyhow!(
                "cannot set up git to merge {}: its merge attribute is still not {DRIVER} after adding `{}` to {}",
                repo.rel,
                self.line,
                repo.git_dir.join("info/attributes").display()
            )));
        }
        Ok(())
    }

    /// Adds the line to `.gitattributes` when it still lacks it (after taking in the upstream,
    /// which may have brought it from another clone); the undo puts the file back.
    pub fn share(&self, repo: &Repo) -> Result<Option<Undo>, Failure> {
        let Some(line) = self.shared_line(repo) else { return Ok(None) };
        let path = repo.root().join(".gitattributes");
        let before = fs::read(&path).ok();
        append_line(&path, line)?;
        Ok(Some(Undo { path, before }))
    }
}

impl Undo {
    /// Puts `.gitattributes` back as it was.
    pub fn undo(self) {
        let _ = match self.before {
            Some(bytes) => fs::write(&self.path, bytes),
            None => fs::remove_file(&self.path),
        };
    }
}

/// Whether the file at `path` (perhaps missing) has no line `wanted`.
fn lacks(path: &Path, wanted: &str) -> bool {
    !fs::read_to_string(path).unwrap_or_default().lines().any(|l| l.trim() == wanted)
}

/// The file's merge attribute as git sees it now (`None`: unspecified).
fn attribute(repo: &Repo) -> Result<Option<String>, Failure> {
    let out = repo.git.ok(&["check-attr", "-z", "merge", "--", &repo.rel])?;
    // `PATH\0merge\0VALUE\0`
    let value = out.split('\0').nth(2).unwrap_or_default();
    Ok((!value.is_empty() && value != "unspecified").then(|| value.to_string()))
}

/// The path as a `.gitattributes` pattern that matches only it: as it is, or in double quotes
/// when it holds spaces. Glob characters would need escapes that git reads differently by
/// version, so such names are refused.
fn pattern(rel: &str) -> Result<String, Failure> {
    if rel.contains(['*', '?', '[', '\\', '"']) || rel.chars().any(char::is_control) {
        return Err(Failure::Other(anyhow!(
            "cannot set up git to merge {rel}: its path holds characters a .gitattributes pattern cannot \
             match exactly (* ? [ \\ \"); rename it"
        )));
    }
    let pattern = format!("/{rel}");
    Ok(if rel.contains(char::is_whitespace) { format!("\"{pattern}\"") } else { pattern })
}

/// Adds `line` at the end of `path` (a newline first if the file lacks its last one).
fn append_line(path: &Path, line: &str) -> Result<(), Failure> {
    let mut text = fs::read_to_string(path).unwrap_or_default();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(line);
    text.push('\n');
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| anyhow!("cannot create {}: {e}", dir.display()))?;
    }
    crate::atomic::Replace::DOCUMENT
        .write(path, text.as_bytes())
        .map_err(|e| Failure::Other(anyhow!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_matches_the_file_from_the_root_and_only_it() {
        assert_eq!(pattern("progress.yaml").unwrap(), "/progress.yaml");
        assert_eq!(pattern("roadmap/progress.yaml").unwrap(), "/roadmap/progress.yaml");
        assert_eq!(pattern("my notes/progress.yaml").unwrap(), "\"/my notes/progress.yaml\"");
        assert!(pattern("a*b/progress.yaml").unwrap_err().to_string().contains("rename it"));
    }
}
