//! Everything a command needs before it runs: the roadmap (refused if broken), the state file
//! (refused if unreadable), today's date. Also where the errors that end a run are defined.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::content::{self, Problems, Roadmap, Source};
use crate::progress::{Date, Progress};
use crate::store::{Store, StoreError};

use super::args::Cli;

/// Why a command stopped; the exit code follows from it.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Bad arguments: exit 2.
    #[error("{0}")]
    Usage(String),
    /// Broken content: every problem, then a summary; exit 1.
    #[error("{problems}{} in {root}: fix {} and run `roadmap validate {root}` to check", count(.problems.len()), if .problems.len() == 1 { "it" } else { "them" })]
    Content { root: String, problems: Problems },
    /// Already printed in full; only this summary is left to say. Exit 1.
    #[error("{0}")]
    Reported(String),
    /// Already said in the output (a check that failed, a quiz abandoned): nothing more to
    /// print, exit 1.
    #[error("")]
    Silent,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0:#}")]
    Other(#[from] anyhow::Error),
}

fn count(n: usize) -> String {
    crate::suggest::words::count(n, "problem")
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::Other(error.into())
    }
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Usage(_) => 2,
            _ => 1,
        }
    }
}

/// The roadmap a run uses: `--content`/`ROADMAP_CONTENT`, or the built-in one.
pub fn source(cli: &Cli) -> Result<Source, Failure> {
    match &cli.content {
        Some(dir) if cli.content_from_env => folder_source(dir, &format!("ROADMAP_CONTENT={}", dir.display())),
        Some(dir) => folder_source(dir, &format!("--content {}", dir.display())),
        None => Ok(Source::Builtin),
    }
}

/// A folder given on the command line (`shown` as the user gave it: `--content DIR`), refused
/// early when it is plainly not a usable folder: a file or nothing is bad usage (exit 2); a
/// folder that cannot be read is a problem of the folder (exit 1), said once rather than as a
/// `file:line` report.
pub fn folder_source(dir: &Path, shown: &str) -> Result<Source, Failure> {
    if dir.as_os_str().is_empty() {
        return Err(Failure::Usage(format!("{shown}: needs a folder, got an empty path")));
    }
    let unreadable = |error: std::io::Error| {
        Failure::Other(anyhow::anyhow!(
            "{shown}: cannot read this folder ({error}): check its permissions, or use another folder"
        ))
    };
    match std::fs::metadata(dir) {
        Ok(metadata) if metadata.is_dir() => match std::fs::read_dir(dir) {
            Ok(_) => Ok(Source::Dir(dir.to_path_buf())),
            Err(error) => Err(unreadable(error)),
        },
        Ok(_) => Err(Failure::Usage(format!("{shown} is a file; it must be a roadmap folder (one with roadmap.yaml)"))),
        Err(error) if matches!(error.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            Err(Failure::Usage(format!("{shown}: no such folder")))
        }
        Err(error) => Err(unreadable(error)),
    }
}

/// Parses a roadmap afresh, as `validate` must.
pub fn load_roadmap(source: &Source) -> Result<Roadmap, Failure> {
    content::load(source).map_err(|problems| Failure::Content { root: source.display_root(), problems })
}

/// The variable naming the folder for parsed roadmaps; set but empty, nothing is cached.
pub const CACHE_VAR: &str = "ROADMAP_CACHE_DIR";

/// Loads a roadmap through the content cache (`<cache dir>/roadmap-tutor/`), so a large
/// roadmap is parsed once rather than on every run.
pub fn cached_roadmap(source: &Source) -> Result<Roadmap, Failure> {
    let Some(dir) = cache_dir() else { return load_roadmap(source) };
    content::Cache::new(dir).load(source).map_err(|problems| Failure::Content { root: source.display_root(), problems })
}

/// `<cache dir>/roadmap-tutor`, or `ROADMAP_CACHE_DIR`; `None` when that is set empty.
pub fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os(CACHE_VAR) {
        Some(dir) if dir.is_empty() => None,
        Some(dir) => Some(PathBuf::from(dir)),
        None => directories::ProjectDirs::from("", "", "roadmap-tutor").map(|dirs| dirs.cache_dir().to_path_buf()),
    }
}

pub fn state_path(cli: &Cli) -> Result<PathBuf, Failure> {
    match &cli.state {
        Some(path) if path.as_os_str().is_empty() => Err(Failure::Usage("--state needs a file path".into())),
        Some(path) => Ok(path.clone()),
        None => Store::default_path().ok_or_else(|| {
            Failure::Other(anyhow::anyhow!(
                "cannot find a config folder for the progress file (is HOME set?); use --state FILE"
            ))
        }),
    }
}

pub fn today() -> Result<Date, Failure> {
    crate::clock::today().map_err(Failure::Usage)
}

/// A loaded roadmap with the learner's progress.
pub struct Session {
    pub roadmap: Roadmap,
    pub store: Store,
    pub progress: Progress,
    pub today: Date,
    /// Ids in the state file that this roadmap does not have (kept, mentioned once).
    pub orphans: Vec<String>,
    /// The roadmap is the built-in one, whose checks run without being trusted first.
    pub builtin: bool,
}

impl Session {
    pub fn open(cli: &Cli) -> Result<Session, Failure> {
        let today = today()?;
        let (source, state) = (source(cli)?, state_path(cli)?);
        // Independent, and each mostly waiting on the system: the progress file is read while
        // the roadmap loads. Broken content is still reported before a broken state file.
        let (roadmap, opened) = std::thread::scope(|scope| {
            let opened = scope.spawn(|| Store::open(state));
            (cached_roadmap(&source), opened.join())
        });
        let roadmap = roadmap?;
        let (store, mut progress) = opened.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        let orphans = progress.adopt_aliases(&roadmap);
        let builtin = source == Source::Builtin;
        Ok(Session { roadmap, store, progress, today, orphans, builtin })
    }

    /// Saves the progress (merged with other instances' changes) and keeps the merged result.
    pub fn save(&mut self) -> Result<(), Failure> {
        self.progress = self.store.save(&self.progress)?;
        Ok(())
    }

    /// Finds a skill by what the user typed, or explains which skills it could be.
    pub fn find(&self, query: &str) -> Result<usize, Failure> {
        match self.roadmap.find(query) {
            Ok(index) => Ok(index),
            Err(several) if !several.is_empty() => Err(ambiguous(&self.roadmap, query, &several)),
            Err(_) => Err(unknown_id(&self.roadmap, query)),
        }
    }

    /// Finds a phase by its id, or explains which phase ids are close.
    pub fn find_phase(&self, query: &str) -> Result<usize, Failure> {
        let phases = &self.roadmap.phases;
        if let Some(index) = phases.iter().position(|p| p.id == query || p.id.eq_ignore_ascii_case(query)) {
            return Ok(index);
        }
        let close = content::similar::closest(query, phases.iter().map(|p| p.id.as_str()), 3);
        let quoted = |ids: Vec<&str>| ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ");
        let hint = if close.is_empty() {
            format!("the phases are {}", quoted(phases.iter().map(|p| p.id.as_str()).collect()))
        } else {
            format!("did you mean {}?", quoted(close))
        };
        Err(Failure::Usage(format!("no phase `{query}` in {}: {hint}", self.roadmap.title)))
    }

    /// The note about kept progress for unknown ids: said once for each set of such ids in a
    /// progress file (a marker in the cache folder remembers it), not on every command.
    pub fn orphan_note(&self) -> Option<String> {
        if self.orphans.is_empty() || !first_mention(self.store.path(), &self.orphans) {
            return None;
        }
        let shown: Vec<&str> = self.orphans.iter().take(5).map(String::as_str).collect();
        let more = self.orphans.len().saturating_sub(shown.len());
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        Some(format!(
            "note: {} keeps progress for {} this roadmap does not have ({}{more}); it is kept, not shown",
            self.store.path().display(),
            if self.orphans.len() == 1 { "1 skill".to_string() } else { format!("{} skills", self.orphans.len()) },
            shown.join(", ")
        ))
    }
}

/// Whether these orphaned ids of this progress file have not been mentioned yet; remembers
/// that they now have. Without a cache folder every run mentions them.
fn first_mention(state: &Path, orphans: &[String]) -> bool {
    use std::hash::{Hash, Hasher};
    let Some(dir) = cache_dir() else { return true };
    let digest = |value: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        value(&mut hasher);
        format!("{:016x}", hasher.finish())
    };
    let marker = dir.join(format!("mentioned-{}", digest(&|h| state.hash(h))));
    let seen = digest(&|h| orphans.hash(h));
    if std::fs::read_to_string(&marker).is_ok_and(|text| text == seen) {
        return false;
    }
    let _ = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&marker, &seen));
    true
}

pub fn unknown_id(roadmap: &Roadmap, query: &str) -> Failure {
    let example = roadmap.skills.first().map_or("phase/skill", |s| s.id.as_str());
    if query.trim().is_empty() {
        return Failure::Usage(format!("no skill id given: name one like `{example}` (`roadmap list` shows every id)"));
    }
    let close = roadmap.closest_ids(query, 3);
    let hint = if close.is_empty() {
        "run `roadmap list` to see every id".to_string()
    } else {
        format!("did you mean {}?", close.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", "))
    };
    Failure::Usage(format!("no skill `{query}` in {}: {hint}", roadmap.title))
}

/// What the user typed fits several skills: name them (a few) so the next try can be exact.
fn ambiguous(roadmap: &Roadmap, query: &str, skills: &[usize]) -> Failure {
    const SHOWN: usize = 5;
    let named: Vec<String> = skills
        .iter()
        .take(SHOWN)
        .map(|&i| format!("`{}` ({})", roadmap.skills[i].id, roadmap.skills[i].title))
        .collect();
    let more = match skills.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more (`roadmap list` shows them)"),
    };
    Failure::Usage(format!("`{query}` could be {}{more}: give the id", or_list(&named)))
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_content_path_that_is_not_a_folder_is_bad_usage() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("roadmap.yaml");
        std::fs::write(&file, "id: x\n").unwrap();
        for (path, says) in [
            (file.clone(), "is a file"),
            (dir.path().join("none"), "no such folder"),
            (file.join("x"), "no such folder"),
        ] {
            let failure = folder_source(&path, &format!("--content {}", path.display())).unwrap_err();
            assert_eq!(failure.exit_code(), 2, "{failure}");
            assert!(failure.to_string().contains(says), "{failure}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_cannot_be_read_is_said_once_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let looped = dir.path().join("loop");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let failure = folder_source(&looped, &format!("--content {}", looped.display())).unwrap_err();
        assert_eq!(failure.exit_code(), 1);
        let message = failure.to_string();
        assert!(
            message.starts_with(&format!("--content {}: cannot read this folder (", looped.display())),
            "{message}"
        );
        assert!(message.ends_with("): check its permissions, or use another folder"), "{message}");
    }

    #[test]
    fn an_empty_id_or_one_like_no_other_is_explained() {
        let roadmap = crate::content::load(&Source::Builtin).unwrap();
        let message = |query: &str| unknown_id(&roadmap, query).to_string();
        assert_eq!(
            message("  "),
            "no skill id given: name one like `foundations/problem-decomposition` (`roadmap list` shows every id)"
        );
        assert!(message("zzzzzzzzzzzz").ends_with("run `roadmap list` to see every id"));
    }
}
