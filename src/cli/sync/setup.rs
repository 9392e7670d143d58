//! The one-time setup that has git merge the progress file with `roadmap merge-file`: the
//! merge attribute (in `.gitattributes`, shared through the commit, and in `.git/info/attributes`),
//! the driver in the repository's config, and the store's side files kept out of `git status`.

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
    /// The line `.gitattributes` lacks, when the attribute is not in effect for the file.
    pub shared_line: Option<String>,
    /// Lines files of `.git/info` lack. The attribute goes there too: a rebase checks out the
    /// upstream's tree first, and when that predates the shared line, only this one makes git
    /// use the driver.
    pub local_lines: Vec<(PathBuf, String)>,
}

/// `.gitattributes` as it was before the setup added its line, to put back if the sync fails.
pub struct Undo {
    path: PathBuf,
    before: Option<Vec<u8>>,
}

impl Setup {
    /// What `repo` still needs for `program` (the running `roadmap`) to merge its progress file.
    pub fn plan(repo: &Repo, program: &Path) -> Result<Setup, Failure> {
        let pattern = pattern(&repo.rel)?;
        let line = format!("{pattern} merge={DRIVER}");
        let driver = format!("{} merge-file %O %A %B %P", quoted(&program.to_string_lossy()));
        let mut config = Vec::new();
        for (key, value) in [("name", "roadmap-tutor progress file".to_string()), ("driver", driver)] {
            let key = format!("merge.{DRIVER}.{key}");
            if repo.git.query(&["config", "--get", &key])?.as_deref() != Some(value.as_str()) {
                config.push((key, value));
            }
        }
        let shared_line = (attribute(repo)?.as_deref() != Some(DRIVER)).then(|| line.clone());
        let info = repo.git_dir.join("info");
        let mut local_lines = Vec::new();
        for (file, wanted) in [
            ("attributes", line),
            ("exclude", format!("/{}.bak", repo.rel)),
            ("exclude", format!("/{}.lock", repo.rel)),
        ] {
            let path = info.join(file);
            let text = fs::read_to_string(&path).unwrap_or_default();
            if !text.lines().any(|l| l.trim() == wanted) {
                local_lines.push((path, wanted));
            }
        }
        Ok(Setup { config, shared_line, local_lines })
    }

    /// The commands and file edits, as `--dry-run` shows them.
    pub fn steps(&self) -> Vec<String> {
        let mut steps: Vec<String> =
            self.config.iter().map(|(key, value)| super::git::command_line(&["config", key, value])).collect();
        if let Some(line) = &self.shared_line {
            steps.push(format!("echo {} >> .gitattributes", quoted(line)));
        }
        steps
    }

    /// Makes the setup. The config and `.git/info` lines stay whatever happens next (they
    /// change nothing until a merge); `.gitattributes` can be put back with the returned undo.
    pub fn apply(&self, repo: &Repo) -> Result<Option<Undo>, Failure> {
        for (key, value) in &self.config {
            repo.git.ok(&["config", key, value])?;
        }
        for (path, line) in &self.local_lines {
            append_line(path, line)?;
        }
        let Some(line) = &self.shared_line else { return Ok(None) };
        let path = repo.root().join(".gitattributes");
        let before = fs::read(&path).ok();
        append_line(&path, line)?;
        if attribute(repo)?.as_deref() != Some(DRIVER) {
            return Err(Failure::Other(anyhow!(
                "cannot set up git to merge {}: a line in {} sets its merge attribute otherwise",
                repo.rel,
                path.display()
            )));
        }
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
