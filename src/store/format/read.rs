//! The progress file through the YAML reader: any YAML a learner may write (comments, quotes,
//! other spacing, older versions), refused at the line of the first thing wrong with it.

use std::collections::BTreeSet;

use crate::progress::{CheckRecords, Date, Grade, MilestoneProgress, Progress, Review, SkillProgress, Status};
use crate::yaml::{self, ErrorKind, Limits, Node, Scalar, Value};

use super::{FormatError, VERSION, check, review};

type Entries<'n, 'a> = &'n [(Node<'a>, Node<'a>)];

const TOP_FIELDS: &[&str] = &["version", "weekly_hours", "retention", "skills", "milestones", "trusted"];
const SKILL_FIELDS: &[&str] =
    &["status", "tested_out", "started", "finished", "checkpoints", "note", "reviewed", "reviews", "checks"];
const MILESTONE_FIELDS: &[&str] = &["status", "started", "finished", "project", "checks"];

/// A problem at a line, for the caller to name the file.
fn invalid(line: usize, message: impl Into<String>) -> FormatError {
    FormatError::Invalid { line: Some(line), message: message.into() }
}

pub fn parse(text: &str) -> Result<Progress, FormatError> {
    // Nothing limits how many skills a file holds; aliases, which the writer never uses, copy
    // within the reader's budget.
    let root = match yaml::parse(text, Limits::default()) {
        Ok(Some(root)) => root,
        Ok(None) => return Ok(Progress::default()),
        Err(error) => return Err(invalid(error.line, yaml_message(error.kind))),
    };
    if root.value.is_null() {
        return Ok(Progress::default());
    }
    let Value::Map(top) = &root.value else {
        return Err(expected(&root, "", "a progress file (`version: 2`, then `skills:`)"));
    };
    // The version first: a newer file is refused as such, whatever else it holds.
    let version = match get(top, "version") {
        Some(node) => whole(node, "version")?,
        None => u64::from(VERSION),
    };
    if version > u64::from(VERSION) {
        return Err(FormatError::TooNew { version });
    }
    unknown_fields(top, "", TOP_FIELDS)?;
    let mut progress = Progress::default();
    if let Some(node) = get(top, "weekly_hours") {
        let hours = number(node, "weekly_hours")?;
        let range = crate::progress::check_weekly_hours(hours).err();
        progress.weekly_hours = Some(hours);
        if let Some(range) = range {
            return Err(invalid(node.line, format!("weekly_hours must be {range}, not {hours}")));
        }
    }
    if let Some(node) = get(top, "retention") {
        let retention = number(node, "retention")?;
        if let Err(range) = crate::progress::check_retention(retention) {
            return Err(invalid(node.line, format!("retention must be {range}, not {retention}")));
        }
        progress.retention = Some(retention);
    }
    for (id, node, key) in mapping(top, "skills")? {
        let Value::Map(fields) = &node.value else {
            return Err(entry_problem(node, key, "skills", &id, "a skill's fields (`status: done`, ...)"));
        };
        let record = skill(fields, &format!("skills.{id}"), version)?;
        if !record.is_blank() {
            progress.skills.insert(id, record);
        }
    }
    for (id, node, key) in mapping(top, "milestones")? {
        let Value::Map(fields) = &node.value else {
            return Err(entry_problem(node, key, "milestones", &id, "a milestone's fields (`status: done`, ...)"));
        };
        let record = milestone(fields, &format!("milestones.{id}"))?;
        if !record.is_blank() {
            progress.milestones.insert(id, record);
        }
    }
    for (roadmap, node, _) in mapping(top, "trusted")? {
        let digest = node.value.text().ok_or_else(|| expected(node, &format!("trusted.{roadmap}"), "a digest"))?;
        progress.trusted.insert(roadmap, digest.to_string());
    }
    Ok(progress)
}

/// The parser's refusal in the learner's words: a repeated id is the usual leftover of a hand
/// merge, and keeping either entry would silently drop what the other holds.
fn yaml_message(kind: ErrorKind) -> String {
    match kind {
        ErrorKind::Duplicate { key, within, .. } => match within.as_slice() {
            [] => format!("duplicate field `{key}`"),
            [map] => format!("{map}: `{key}` is listed twice: merge the two entries into one"),
            path => format!("{}: duplicate field `{key}`", path.join(".")),
        },
        other => other.to_string(),
    }
}

/// An entry of `skills` or `milestones` that is not a mapping; nothing at all after the id
/// means the file was cut short there.
fn entry_problem(node: &Node, key: &Node, map: &str, id: &str, what: &str) -> FormatError {
    if node.value.is_null() {
        return invalid(key.line, format!("{map}.{id}: the entry has no fields (was the file cut short here?)"));
    }
    expected(node, &format!("{map}.{id}"), what)
}

fn skill(fields: Entries, at: &str, version: u64) -> Result<SkillProgress, FormatError> {
    unknown_fields(fields, at, SKILL_FIELDS)?;
    let field = |name: &str| get(fields, name).map(|node| (node, format!("{at}.{name}")));
    let mut reviews = Vec::new();
    if let Some((node, path)) = field("reviews") {
        for item in list(node, &path)? {
            let text = item_text(item, &path)?;
            reviews.push(review(text).map_err(|why| invalid(item.line, format!("{at}: {why}")))?);
        }
    }
    let status = field("status").map(|(node, path)| status(node, &path)).transpose()?.unwrap_or_default();
    let finished = field("finished").map(|(node, path)| date(node, &path)).transpose()?;
    let reviewed = field("reviewed").map(|(node, path)| date(node, &path).map(|date| (node, date))).transpose()?;
    match reviewed {
        Some((node, _)) if version >= 2 => {
            let message = "`reviewed` is a version 1 field: in version 2, list reviews under `reviews:`";
            return Err(invalid(node.line, format!("{at}: {message}")));
        }
        _ if version < 2 => reviews.extend(version_1_reviews(status, finished, reviewed.map(|(_, date)| date))),
        _ => {}
    }
    // A hand merge may leave them out of order: sorted, never refused.
    reviews.sort_by_key(|r| r.date);
    Ok(SkillProgress {
        status,
        started: field("started").map(|(node, path)| date(node, &path)).transpose()?,
        finished,
        tested_out: field("tested_out").map(|(node, path)| boolean(node, &path)).transpose()?.unwrap_or_default(),
        checkpoints: field("checkpoints").map(|(node, path)| indexes(node, &path)).transpose()?.unwrap_or_default(),
        note: field("note").map(|(node, path)| optional_text(node, &path)).transpose()?.flatten().unwrap_or_default(),
        reviews,
        checks: field("checks").map(|(node, _)| checks(node, at)).transpose()?.unwrap_or_default(),
    })
}

fn milestone(fields: Entries, at: &str) -> Result<MilestoneProgress, FormatError> {
    unknown_fields(fields, at, MILESTONE_FIELDS)?;
    let field = |name: &str| get(fields, name).map(|node| (node, format!("{at}.{name}")));
    let project = field("project").map(|(node, path)| optional_text(node, &path)).transpose()?.flatten();
    Ok(MilestoneProgress {
        status: field("status").map(|(node, path)| status(node, &path)).transpose()?.unwrap_or_default(),
        started: field("started").map(|(node, path)| date(node, &path)).transpose()?,
        finished: field("finished").map(|(node, path)| date(node, &path)).transpose()?,
        project: project.filter(|p| !p.is_empty()),
        checks: field("checks").map(|(node, _)| checks(node, at)).transpose()?.unwrap_or_default(),
    })
}

/// What a version 1 record meant, as a review log: finishing was the first review, and
/// `reviewed` the last one.
fn version_1_reviews(status: Status, finished: Option<Date>, reviewed: Option<Date>) -> Vec<Review> {
    let good = |date| Review { date, grade: Grade::Good };
    let finished = finished.filter(|_| status == Status::Done);
    finished.into_iter().chain(reviewed).map(good).collect()
}

/// `1 pass 2026-11-10 3fa2c1d09b7e4a65` lines, each number once.
fn checks(node: &Node, at: &str) -> Result<CheckRecords, FormatError> {
    let path = format!("{at}.checks");
    let mut records = CheckRecords::new();
    for item in list(node, &path)? {
        let (number, record) =
            check(item_text(item, &path)?).map_err(|why| invalid(item.line, format!("{at}: {why}")))?;
        if records.insert(number, record).is_some() {
            return Err(invalid(item.line, format!("{at}: check {number} is listed twice: keep one")));
        }
    }
    Ok(records)
}

/// The value of a field written as plain text, if present.
fn get<'n, 'a>(entries: Entries<'n, 'a>, name: &str) -> Option<&'n Node<'a>> {
    // The written text first: only a key that reads `name` needs to be read for its meaning.
    let named = |key: &Node| key.value.text() == Some(name) && key.value.as_str() == Some(name);
    entries.iter().find(|(key, _)| named(key)).map(|(_, value)| value)
}

fn unknown_fields(entries: Entries, at: &str, known: &[&str]) -> Result<(), FormatError> {
    for (key, _) in entries {
        let name = key.value.text().unwrap_or_default();
        if !known.contains(&name) {
            let expected: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            let message = format!("unknown field `{name}`, expected one of {}", expected.join(", "));
            return Err(invalid(key.line, prefixed(at, message)));
        }
    }
    Ok(())
}

/// The entries of a top-level mapping (`skills`, `milestones`, `trusted`) by their ids, each
/// with its key node; absent or empty, none.
fn mapping<'n, 'a>(top: Entries<'n, 'a>, name: &str) -> Result<Vec<(String, &'n Node<'a>, &'n Node<'a>)>, FormatError> {
    let Some(node) = get(top, name) else { return Ok(Vec::new()) };
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .map(|(key, value)| match key.value.text() {
                Some(id) => Ok((id.to_string(), value, key)),
                None => Err(expected(key, name, "an id")),
            })
            .collect(),
        value if value.is_null() => Ok(Vec::new()),
        _ => Err(expected(node, name, "a mapping of ids to entries")),
    }
}

fn list<'n, 'a>(node: &'n Node<'a>, path: &str) -> Result<&'n [Node<'a>], FormatError> {
    match &node.value {
        Value::List(items) => Ok(items),
        value if value.is_null() => Ok(&[]),
        _ => Err(expected(node, path, "a list (`- ...` lines)")),
    }
}

fn item_text<'n>(item: &'n Node, path: &str) -> Result<&'n str, FormatError> {
    item.value.text().ok_or_else(|| expected(item, path, "one line of text"))
}

fn optional_text(node: &Node, path: &str) -> Result<Option<String>, FormatError> {
    if node.value.is_null() {
        return Ok(None);
    }
    node.value.text().map(|text| Some(text.to_string())).ok_or_else(|| expected(node, path, "text"))
}

fn status(node: &Node, path: &str) -> Result<Status, FormatError> {
    let word = node.value.text().filter(|_| !node.value.is_null());
    match word.and_then(|word| Status::ALL.into_iter().find(|s| s.name() == word)) {
        Some(status) => Ok(status),
        None => {
            let names: Vec<String> = Status::ALL.iter().map(|s| format!("`{s}`")).collect();
            let found = match word {
                Some(word) => format!("unknown status `{word}`"),
                None if node.value.is_null() => "no value".to_string(),
                None => format!("found {}", node.value.describe()),
            };
            Err(invalid(node.line, format!("{path}: {found}, expected one of {}", names.join(", "))))
        }
    }
}

fn date(node: &Node, path: &str) -> Result<Date, FormatError> {
    let text = node.value.text().filter(|_| !node.value.is_null());
    let text = text.ok_or_else(|| expected(node, path, "a date like 2026-11-02"))?;
    text.parse::<Date>().map_err(|bad| invalid(node.line, format!("{path}: {bad}")))
}

fn boolean(node: &Node, path: &str) -> Result<bool, FormatError> {
    match node.value.scalar() {
        Some(Scalar::Bool(value)) => Ok(value),
        _ => Err(expected(node, path, "true or false")),
    }
}

fn whole(node: &Node, path: &str) -> Result<u64, FormatError> {
    match node.value.scalar() {
        Some(Scalar::Int(n)) if n >= 0 => Ok(n as u64),
        _ => Err(expected(node, path, "a whole number")),
    }
}

fn number(node: &Node, path: &str) -> Result<f32, FormatError> {
    match node.value.scalar() {
        Some(Scalar::Int(n)) => Ok(n as f32),
        Some(Scalar::Float(n)) => Ok(n as f32),
        _ => Err(expected(node, path, "a number")),
    }
}

fn indexes(node: &Node, path: &str) -> Result<BTreeSet<usize>, FormatError> {
    let mut set = BTreeSet::new();
    for item in list(node, path)? {
        set.insert(whole(item, path)? as usize);
    }
    Ok(set)
}

/// `path: found ..., expected ...`, at the node.
fn expected(node: &Node, path: &str, what: &str) -> FormatError {
    invalid(node.line, prefixed(path, format!("found {}, expected {what}", node.value.describe())))
}

fn prefixed(path: &str, message: String) -> String {
    if path.is_empty() { message } else { format!("{path}: {message}") }
}
