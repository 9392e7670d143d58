//! `roadmap new DIR`: a small roadmap that passes `validate`, for an author to grow. It only
//! ever writes into a new or empty folder, so nothing of the author's can be overwritten.

use std::fs;
use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;
use ratatui::text::Span;

use super::output::Output;
use super::session::Failure;

/// The skeleton: (path in the new folder, text). `{{id}}` and `{{title}}` are filled in.
const FILES: &[(&str, &str)] = &[
    ("roadmap.yaml", include_str!("scaffold/roadmap.yaml")),
    ("first-steps/phase.md", include_str!("scaffold/first-steps/phase.md")),
    ("first-steps/first-skill.md", include_str!("scaffold/first-steps/first-skill.md")),
    ("first-steps/second-skill.md", include_str!("scaffold/first-steps/second-skill.md")),
];

/// The JSON Schemas, copied so `roadmap.yaml`'s modeline finds one beside it. A folder whose
/// name starts with `.` is not a phase, so `validate` ignores it.
pub const SCHEMAS: &[(&str, &str)] = &[
    (".schemas/roadmap.schema.json", include_str!("../../schemas/roadmap.schema.json")),
    (".schemas/phase.schema.json", include_str!("../../schemas/phase.schema.json")),
    (".schemas/skill.schema.json", include_str!("../../schemas/skill.schema.json")),
];

pub fn new_roadmap(dir: &Path, out: &mut Output) -> Result<(), Failure> {
    check_target(dir)?;
    let (id, title) = names_for(dir);
    let shown = |rel: &str| dir.join(rel).display().to_string();
    let create = || -> anyhow::Result<()> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        for (rel, text) in FILES.iter().chain(SCHEMAS) {
            let text = text.replace("{{id}}", &id).replace("{{title}}", &title);
            write_new(&dir.join(rel), &text).with_context(|| format!("cannot write {}", shown(rel)))?;
        }
        Ok(())
    };
    create()?;
    let theme = out.painter.theme;
    let created =
        vec![Span::raw("Created a roadmap in "), Span::styled(dir.display().to_string(), theme.title), Span::raw(":")];
    out.line(created)?;
    for (rel, _) in FILES {
        out.line(format!("  {}", shown(rel)))?;
    }
    out.line(vec![
        Span::raw(format!("  {}  ", shown(".schemas/"))),
        Span::styled("(JSON Schemas for editors)", theme.dim),
    ])?;
    let arg = shell_word(&dir.display().to_string());
    out.line(format!("Next: edit the files, check them with `roadmap validate {arg}`, and try them with"))?;
    out.line(format!("`roadmap --content {arg}`. Every field is explained in docs/authoring.md of roadmap-tutor."))?;
    Ok(())
}

/// Only a new or empty folder: refusing is a usage error (exit 2), before anything is written.
fn check_target(dir: &Path) -> Result<(), Failure> {
    if dir.as_os_str().is_empty() {
        return Err(Failure::Usage("`roadmap new` needs a folder name".into()));
    }
    match fs::metadata(dir) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(Failure::Other(anyhow::Error::new(error).context(format!("cannot use {}", dir.display())))),
        Ok(metadata) if !metadata.is_dir() => {
            Err(Failure::Usage(format!("{} is a file: `roadmap new` needs a new or empty folder", dir.display())))
        }
        Ok(_) => {
            let mut entries = fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
            if entries.next().is_some() {
                return Err(Failure::Usage(format!(
                    "{} is not empty: `roadmap new` only writes into a new or empty folder, so nothing \
                     in it is overwritten; pick another name",
                    dir.display()
                )));
            }
            Ok(())
        }
    }
}

/// Creates a file that must not exist yet (a race with another writer fails instead of
/// overwriting).
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// The roadmap's id and title from the folder's name: `data-engineer/` gives
/// `data-engineer` and "Data engineer".
fn names_for(dir: &Path) -> (String, String) {
    let name = dir
        .file_name()
        .map(ToOwned::to_owned)
        .or_else(|| fs::canonicalize(dir).ok().and_then(|p| p.file_name().map(ToOwned::to_owned)))
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = match id.trim_end_matches('-') {
        "" => "my-roadmap".to_string(),
        trimmed => trimmed.to_string(),
    };
    let spaced = id.replace('-', " ");
    let mut chars = spaced.chars();
    let title = chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default();
    (id, title)
}

/// A path as it can be pasted into a POSIX shell.
fn shell_word(text: &str) -> String {
    if !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || "-_./~".contains(c)) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_name_gives_the_id_and_title() {
        let names = |dir: &str| names_for(Path::new(dir));
        assert_eq!(names("roadmaps/data-engineer"), ("data-engineer".into(), "Data engineer".into()));
        assert_eq!(names("My Roadmap!"), ("my-roadmap".into(), "My roadmap".into()));
        assert_eq!(names("Équipe_Data"), ("équipe-data".into(), "Équipe data".into()));
        assert_eq!(names("2026"), ("2026".into(), "2026".into()));
        assert_eq!(names("---"), ("my-roadmap".into(), "My roadmap".into()));
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(shell_word("my-roadmap"), "my-roadmap");
        assert_eq!(shell_word("../a b"), "'../a b'");
        assert_eq!(shell_word("it's"), r"'it'\''s'");
    }
}
