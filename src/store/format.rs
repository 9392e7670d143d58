//! The state file's text: read by the writer's own fast reader or, for anything else a learner
//! may write, through the YAML reader (`read.rs`, every mistake at its line); written by hand
//! so the layout is stable, sorted and diff-friendly (`checkpoints: [0, 2]`, one review per
//! line, notes as `|` blocks). Version 1 files (a single `reviewed:` date per skill) load and
//! are written back as version 2.

use std::fmt::Write as _;

use crate::progress::{CheckRecord, CheckRecords, CheckResult, Date, Grade, Progress, Review};

/// The format version this build writes; it reads this one and every earlier one.
pub const VERSION: u32 = 2;

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
        None => read::parse(text),
    }
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
    if plain_is_safe(text) { text.to_string() } else { double_quoted(text) }
}

/// Text that reads back as itself unquoted, in a key or after `key: `, here and in other YAML
/// readers: text in the core schema's meaning (not `~`, `true`, `12`), and not one of the
/// YAML 1.1 words older readers take for booleans; no indicator first, no `: ` or ` #` inside,
/// no blank at either end.
fn plain_is_safe(text: &str) -> bool {
    const WORDS: &[&str] = &["yes", "no", "on", "off", "y", "n"];
    let Some(first) = text.chars().next() else { return false };
    !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && !text.ends_with(':')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.chars().any(|c| is_special(c) || c == '\t')
        && !WORDS.iter().any(|word| text.eq_ignore_ascii_case(word))
        && matches!(crate::yaml::Value::Plain(text.into()).scalar(), Some(crate::yaml::Scalar::Str(_)))
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
mod read;
#[cfg(test)]
mod tests;
