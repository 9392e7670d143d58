//! The state file's text: parsed with serde_yaml (locations for errors), written by hand so
//! the layout is stable, sorted and diff-friendly (`checkpoints: [0, 2]`, one review per line,
//! notes as `|` blocks). Version 1 files (a single `reviewed:` date per skill) load and are
//! written back as version 2.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Deserialize;

use crate::progress::{
    CheckRecord, CheckRecords, CheckResult, Date, Grade, MilestoneProgress, Progress, Review, SkillProgress, Status,
};

/// The format version this build writes; it reads this one and every earlier one.
pub const VERSION: u32 = 2;

/// The file as written on disk.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Format version; files from newer builds are refused rather than misread.
    #[serde(default = "current_version")]
    version: u32,
    /// Planned study hours per week.
    #[serde(default)]
    weekly_hours: Option<f32>,
    /// FSRS's desired retention.
    #[serde(default)]
    retention: Option<f32>,
    /// An entry with no value at all (`id:` and nothing after) is kept as `None` to be
    /// refused: the writer never leaves one, so the file was cut short there.
    #[serde(default, deserialize_with = "unique_keys")]
    skills: Option<BTreeMap<String, Option<SkillEntry>>>,
    #[serde(default, deserialize_with = "unique_keys")]
    milestones: Option<BTreeMap<String, MilestoneEntry>>,
    #[serde(default, deserialize_with = "unique_keys")]
    trusted: Option<BTreeMap<String, String>>,
}

fn current_version() -> u32 {
    VERSION
}

/// A mapping that refuses a key written twice. A hand merge of two copies of the file can
/// leave one; keeping either entry would silently drop what the other holds.
fn unique_keys<'de, D, V>(deserializer: D) -> Result<Option<BTreeMap<String, V>>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Entries<V>(std::marker::PhantomData<V>);

    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
        type Value = Option<BTreeMap<String, V>>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a mapping of ids to entries")
        }

        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
            deserializer.deserialize_map(self)
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if entries.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "`{key}` is listed twice: merge the two entries into one"
                    )));
                }
                let value = map.next_value()?;
                entries.insert(key, value);
            }
            Ok(Some(entries))
        }
    }

    deserializer.deserialize_option(Entries(std::marker::PhantomData))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillEntry {
    #[serde(default)]
    status: Status,
    #[serde(default)]
    tested_out: bool,
    #[serde(default)]
    started: Option<Date>,
    #[serde(default)]
    finished: Option<Date>,
    #[serde(default)]
    checkpoints: BTreeSet<usize>,
    #[serde(default)]
    note: Option<String>,
    /// Version 1: the day of the last review.
    #[serde(default)]
    reviewed: Option<Date>,
    #[serde(default)]
    reviews: Vec<String>,
    #[serde(default)]
    checks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MilestoneEntry {
    #[serde(default)]
    status: Status,
    #[serde(default)]
    started: Option<Date>,
    #[serde(default)]
    finished: Option<Date>,
    #[serde(default)]
    project: Option<String>,
    #[serde(default)]
    checks: Vec<String>,
}

/// Only the version, read leniently, to tell "newer format" apart from "broken".
#[derive(Deserialize)]
struct VersionOnly {
    version: Option<u64>,
}

/// Why the text is not a state file this build can use.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatError {
    /// Broken or of the wrong shape, at a line when known.
    Invalid { line: Option<usize>, message: String },
    /// Written by a newer roadmap-tutor.
    TooNew { version: u64 },
}

pub fn parse(text: &str) -> Result<Progress, FormatError> {
    // Some editors start a UTF-8 file with a byte order mark; it is not part of the YAML.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match canonical::parse(text) {
        Some(progress) => Ok(progress),
        None => parse_yaml(text),
    }
}

/// The whole file through serde_yaml: any YAML a learner may write, with the line of
/// whatever is wrong.
fn parse_yaml(text: &str) -> Result<Progress, FormatError> {
    if text.trim().is_empty() {
        return Ok(Progress::default());
    }
    let file = match serde_yaml::from_str::<Option<File>>(text) {
        Ok(file) => file,
        Err(error) => {
            if let Ok(Some(VersionOnly { version: Some(version) })) = serde_yaml::from_str::<Option<VersionOnly>>(text)
                && version > u64::from(VERSION)
            {
                return Err(FormatError::TooNew { version });
            }
            let message = message_of(&error);
            // serde_yaml puts a repeated key at the start of its mapping; the second one is
            // the line to fix.
            let line =
                repeated_key_line(text, &message).or_else(|| error.location().map(|l| line_of_index(text, l.index())));
            return Err(FormatError::Invalid { line, message });
        }
    };
    let Some(file) = file else { return Ok(Progress::default()) };
    if file.version > VERSION {
        return Err(FormatError::TooNew { version: u64::from(file.version) });
    }
    let top_line = |key: &str| text.lines().position(|l| l.starts_with(key)).map(|i| i + 1);
    if let Some(hours) = file.weekly_hours
        && let Err(range) = crate::progress::check_weekly_hours(hours)
    {
        let message = format!("weekly_hours must be {range}, not {hours}");
        return Err(FormatError::Invalid { line: top_line("weekly_hours"), message });
    }
    if let Some(retention) = file.retention
        && let Err(range) = crate::progress::check_retention(retention)
    {
        let message = format!("retention must be {range}, not {retention}");
        return Err(FormatError::Invalid { line: top_line("retention"), message });
    }
    let mut skills = BTreeMap::new();
    for (id, entry) in file.skills.unwrap_or_default() {
        let Some(e) = entry else {
            let message = format!("skills.{id}: the entry has no fields (was the file cut short here?)");
            return Err(FormatError::Invalid { line: line_of_key(text, &id), message });
        };
        let at = |item: &str, message: String| FormatError::Invalid {
            line: line_of_item(text, &id, item),
            message: format!("skills.{id}: {message}"),
        };
        let mut reviews = Vec::with_capacity(e.reviews.len() + 2);
        for item in &e.reviews {
            reviews.push(review(item).map_err(|why| at(item, why))?);
        }
        if file.version < 2 {
            reviews.extend(version_1_reviews(e.status, e.finished, e.reviewed));
        } else if e.reviewed.is_some() {
            let message = "`reviewed` is a version 1 field: in version 2, list reviews under `reviews:`".to_string();
            return Err(at("reviewed:", message));
        }
        // A hand merge may leave them out of order: sorted, never refused.
        reviews.sort_by_key(|r| r.date);
        let mut checks = CheckRecords::new();
        for item in &e.checks {
            let (number, record) = check(item).map_err(|why| at(item, why))?;
            if checks.insert(number, record).is_some() {
                return Err(at(item, format!("check {number} is listed twice: keep one")));
            }
        }
        let record = SkillProgress {
            status: e.status,
            started: e.started,
            finished: e.finished,
            tested_out: e.tested_out,
            checkpoints: e.checkpoints,
            note: e.note.unwrap_or_default(),
            reviews,
            checks,
        };
        if !record.is_blank() {
            skills.insert(id, record);
        }
    }
    let mut milestones = BTreeMap::new();
    for (id, m) in file.milestones.unwrap_or_default() {
        let mut checks = CheckRecords::new();
        for item in &m.checks {
            let at = |message: String| FormatError::Invalid {
                line: line_of_item(text, &id, item),
                message: format!("milestones.{id}: {message}"),
            };
            let (number, record) = check(item).map_err(at)?;
            checks.insert(number, record);
        }
        let record = MilestoneProgress {
            status: m.status,
            started: m.started,
            finished: m.finished,
            project: m.project.filter(|p| !p.is_empty()),
            checks,
        };
        if !record.is_blank() {
            milestones.insert(id, record);
        }
    }
    Ok(Progress {
        weekly_hours: file.weekly_hours,
        skills,
        milestones,
        retention: file.retention,
        trusted: file.trusted.unwrap_or_default(),
    })
}

/// What a version 1 record meant, as a review log: finishing was the first review, and
/// `reviewed` the last one.
fn version_1_reviews(status: Status, finished: Option<Date>, reviewed: Option<Date>) -> Vec<Review> {
    let good = |date| Review { date, grade: Grade::Good };
    let finished = finished.filter(|_| status == Status::Done);
    finished.into_iter().chain(reviewed).map(good).collect()
}

/// `2026-11-09 good`.
pub(super) fn review(item: &str) -> Result<Review, String> {
    let bad = || {
        format!(
            "review `{item}`: expected a date and a grade, like `2026-11-09 good` (grades: again, hard, good, easy)"
        )
    };
    let (date, grade) = item.trim().split_once(' ').ok_or_else(bad)?;
    let date = date.parse::<Date>().map_err(|_| bad())?;
    let grade = Grade::from_name(grade.trim()).ok_or_else(bad)?;
    Ok(Review { date, grade })
}

/// `1 pass 2026-11-10 0123456789abcdef`: the check's number, its result, the day, the digest of
/// the command that ran.
pub(super) fn check(item: &str) -> Result<(usize, CheckRecord), String> {
    let bad = || {
        format!(
            "check result `{item}`: expected a number, a result (pass, fail, cannot), a date and a digest, like `1 pass 2026-11-10 3fa2c1d09b7e4a65`"
        )
    };
    let mut words = item.split_whitespace();
    let (Some(number), Some(result), Some(date), Some(digest), None) =
        (words.next(), words.next(), words.next(), words.next(), words.next())
    else {
        return Err(bad());
    };
    let number = number.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(bad)?;
    let result = CheckResult::from_name(result).ok_or_else(bad)?;
    let date = date.parse::<Date>().map_err(|_| bad())?;
    if !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    Ok((number, CheckRecord { result, date, digest: digest.to_string() }))
}

/// serde_yaml's message without its trailing location (the error carries the line), in
/// the learner's words rather than the program's type names.
fn message_of(error: &serde_yaml::Error) -> String {
    const PLAIN: &[(&str, &str)] = &[
        ("expected struct File", "expected a progress file (`version: 2`, then `skills:`)"),
        ("expected struct SkillEntry", "expected a skill's fields (`status: done`, ...)"),
        ("expected struct MilestoneEntry", "expected a milestone's fields (`status: done`, ...)"),
        ("expected u32", "expected a whole number"),
        ("unknown variant ``", "no value"),
        ("invalid type: sequence", "found a list"),
        ("invalid type: map", "found a mapping"),
        ("invalid type: unit value", "found nothing"),
        ("invalid type: string", "found the text"),
        ("invalid type: integer", "found the number"),
        ("invalid type: floating point", "found the number"),
        ("invalid type: boolean", "found"),
    ];
    let text = error.to_string();
    let mut message = match text.find(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    };
    for (from, to) in PLAIN {
        message = message.replace(from, to);
    }
    message
}

/// The 1-based line of a byte index, counting `\n` only as editors do (libyaml also breaks
/// lines at a lone `\r`), and never past the last line (libyaml puts an error at the end of
/// the text one line further).
fn line_of_index(text: &str, index: usize) -> usize {
    let before = &text.as_bytes()[..index.min(text.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    line.min(text.lines().count().max(1))
}

/// For "`id` is listed twice" (an entry) or "duplicate field `name`" (a top-level field), the
/// line of the second occurrence.
fn repeated_key_line(text: &str, message: &str) -> Option<usize> {
    let quoted = |at: usize| message[at..].split('`').nth(1);
    if let Some(at) = message.find("duplicate field `") {
        let field = format!("{}:", quoted(at)?);
        return text.lines().enumerate().filter(|(_, l)| l.starts_with(&field)).nth(1).map(|(i, _)| i + 1);
    }
    message.find("` is listed twice")?;
    let key = message.split('`').nth(1)?;
    let forms = [format!("{key}:"), format!("\"{key}\":"), format!("'{key}':")];
    let is_key = |line: &str| line.starts_with(' ') && forms.iter().any(|f| line.trim_start().starts_with(f.as_str()));
    text.lines().enumerate().filter(|(_, l)| is_key(l)).nth(1).map(|(i, _)| i + 1)
}

/// The line of a skill's key, as the writer puts it (`  id:`, maybe quoted).
fn line_of_key(text: &str, id: &str) -> Option<usize> {
    let forms = [format!("{id}:"), format!("\"{id}\":"), format!("'{id}':")];
    text.lines().position(|line| forms.iter().any(|form| line.trim_start().starts_with(form.as_str()))).map(|i| i + 1)
}

/// The line of a list item (a review, a check result) under an entry's key.
fn line_of_item(text: &str, id: &str, item: &str) -> Option<usize> {
    let start = line_of_key(text, id).unwrap_or(1);
    text.lines()
        .enumerate()
        .skip(start)
        .find(|(_, line)| line.contains(item.trim()))
        .map(|(i, _)| i + 1)
        .or(Some(start))
}

pub fn emit(progress: &Progress) -> String {
    let mut out = String::with_capacity(64 + progress.skills.len() * 96);
    let _ = writeln!(out, "version: {VERSION}");
    if let Some(hours) = progress.weekly_hours {
        let _ = writeln!(out, "weekly_hours: {hours}");
    }
    if let Some(retention) = progress.retention {
        let _ = writeln!(out, "retention: {retention}");
    }
    if progress.skills.is_empty() {
        out.push_str("skills: {}\n");
    } else {
        out.push_str("skills:\n");
    }
    for (id, record) in &progress.skills {
        let _ = writeln!(out, "  {}:", scalar(id));
        let _ = writeln!(out, "    status: {}", record.status);
        if record.tested_out {
            out.push_str("    tested_out: true\n");
        }
        write_date(&mut out, "started", record.started);
        write_date(&mut out, "finished", record.finished);
        if !record.checkpoints.is_empty() {
            let ticked: Vec<String> = record.checkpoints.iter().map(ToString::to_string).collect();
            let _ = writeln!(out, "    checkpoints: [{}]", ticked.join(", "));
        }
        if !record.reviews.is_empty() {
            out.push_str("    reviews:\n");
            for review in &record.reviews {
                let _ = writeln!(out, "      - {} {}", review.date, review.grade);
            }
        }
        write_checks(&mut out, &record.checks);
        if !record.note.is_empty() {
            write_note(&mut out, &record.note);
        }
    }
    if !progress.milestones.is_empty() {
        out.push_str("milestones:\n");
        for (phase, record) in &progress.milestones {
            let _ = writeln!(out, "  {}:", scalar(phase));
            let _ = writeln!(out, "    status: {}", record.status);
            write_date(&mut out, "started", record.started);
            write_date(&mut out, "finished", record.finished);
            if let Some(project) = &record.project {
                let _ = writeln!(out, "    project: {}", scalar(project));
            }
            write_checks(&mut out, &record.checks);
        }
    }
    if !progress.trusted.is_empty() {
        out.push_str("trusted:\n");
        for (roadmap, digest) in &progress.trusted {
            let _ = writeln!(out, "  {}: {}", scalar(roadmap), scalar(digest));
        }
    }
    out
}

fn write_date(out: &mut String, key: &str, date: Option<Date>) {
    if let Some(date) = date {
        let _ = writeln!(out, "    {key}: {date}");
    }
}

fn write_checks(out: &mut String, checks: &CheckRecords) {
    if checks.is_empty() {
        return;
    }
    out.push_str("    checks:\n");
    for (number, record) in checks {
        let _ = writeln!(out, "      - {number} {} {} {}", record.result, record.date, record.digest);
    }
}

/// Characters YAML treats as line breaks, or may not hold literally in a file.
fn is_special(c: char) -> bool {
    c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// A single-line YAML scalar, quoted only when YAML needs it.
fn scalar(text: &str) -> String {
    // Ids and phase names are almost always plain: no need to ask serde_yaml.
    if canonical::plain_key(text) {
        return text.to_string();
    }
    // serde_yaml writes some texts (a lone line break) as a block scalar, whose header alone
    // would read back as an empty text: only its one-line answers are used.
    if !text.chars().any(is_special)
        && let Ok(yaml) = serde_yaml::to_string(text)
    {
        let yaml = yaml.trim_end_matches('\n');
        if !yaml.contains('\n') && !yaml.starts_with(['|', '>']) {
            return yaml.to_string();
        }
    }
    double_quoted(text)
}

/// A YAML double-quoted scalar holding `text` exactly, whatever characters it has.
fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // YAML allows only printable characters literally; the rest go as \uXXXX.
            c if is_special(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Multi-line notes as a literal block, exactly as typed; anything a block cannot hold
/// verbatim (control characters, unusual line breaks) falls back to a quoted scalar.
fn write_note(out: &mut String, note: &str) {
    let block_safe = note.contains('\n')
        && note.chars().any(|c| !c.is_whitespace())
        && !note.chars().any(|c| is_special(c) && c != '\n' && c != '\t')
        && !note.lines().any(|l| l.starts_with('\t') || l.trim().is_empty() && !l.is_empty());
    if !block_safe {
        let _ = writeln!(out, "    note: {}", scalar(note));
        return;
    }
    let trailing = note.len() - note.trim_end_matches('\n').len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let first = note.lines().find(|l| !l.is_empty()).unwrap_or_default();
    let indent_hint = if first.starts_with(' ') { "2" } else { "" };
    let _ = writeln!(out, "    note: |{indent_hint}{chomp}");
    let body = note.strip_suffix('\n').unwrap_or(note);
    for line in body.split('\n') {
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "      {line}");
        }
    }
}

mod canonical;
#[cfg(test)]
mod tests;
