//! A fast reader for the exact layout `emit` writes, so a progress file of thousands of
//! entries loads in a fraction of serde_yaml's time. It accepts only lines it fully
//! understands and returns `None` for anything else (comments, quotes, notes, other
//! spacing), which the full YAML parser then reads: for every text it accepts, the result is
//! what serde_yaml would give (a property test holds it to that).

use std::collections::BTreeMap;

use crate::progress::{Date, MilestoneProgress, Progress, SkillProgress, Status};

pub fn parse(text: &str) -> Option<Progress> {
    if text.contains('\r') {
        return None;
    }
    let mut lines = text.strip_suffix('\n').unwrap_or(text).split('\n').peekable();
    if lines.next()? != "version: 1" {
        return None;
    }
    let mut progress = Progress::default();
    if let Some(hours) = lines.peek().and_then(|line| line.strip_prefix("weekly_hours: ")) {
        progress.weekly_hours = Some(weekly_hours(hours)?);
        lines.next();
    }
    match lines.next()? {
        "skills: {}" => {}
        "skills:" => progress.skills = entries(&mut lines, skill_field)?,
        _ => return None,
    }
    if let Some(line) = lines.next() {
        if line != "milestones:" {
            return None;
        }
        progress.milestones = entries(&mut lines, milestone_field)?;
    }
    if lines.next().is_some() {
        return None;
    }
    progress.skills.retain(|_, record| !record.is_blank());
    Some(progress)
}

/// `  <id>:` lines, each followed by its `    field: value` lines, until a line at the left
/// margin. The writer sorts entries by id: anything else is left to serde_yaml, and the sorted
/// entries build the map in one pass.
fn entries<'a, T: Default>(
    lines: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>,
    field: impl Fn(&mut T, &str, &str, &mut u8) -> Option<()>,
) -> Option<BTreeMap<String, T>> {
    let mut sorted: Vec<(String, T)> = Vec::new();
    while let Some(line) = lines.next_if(|line| line.starts_with(' ')) {
        let key = line.strip_prefix("  ")?.strip_suffix(':')?;
        if !plain_key(key) || sorted.last().is_some_and(|(last, _)| last.as_str() >= key) {
            return None;
        }
        let mut record = T::default();
        // Each field once, as serde would insist; an entry with none is left to serde to refuse.
        let mut seen = 0u8;
        while let Some(line) = lines.next_if(|line| line.starts_with("    ")) {
            let rest = &line[4..];
            let colon = rest.find(':')?;
            let value = rest[colon + 1..].strip_prefix(' ')?;
            field(&mut record, &rest[..colon], value, &mut seen)?;
        }
        if seen == 0 {
            return None;
        }
        sorted.push((key.to_string(), record));
    }
    Some(sorted.into_iter().collect())
}

fn skill_field(record: &mut SkillProgress, name: &str, value: &str, seen: &mut u8) -> Option<()> {
    match name {
        "status" => record.status = once(seen, 1, status(value))?,
        "started" => record.started = Some(once(seen, 2, date(value))?),
        "finished" => record.finished = Some(once(seen, 4, date(value))?),
        "checkpoints" => record.checkpoints = once(seen, 8, indexes(value))?,
        "reviewed" => record.reviewed = Some(once(seen, 16, date(value))?),
        _ => return None,
    }
    Some(())
}

fn milestone_field(record: &mut MilestoneProgress, name: &str, value: &str, seen: &mut u8) -> Option<()> {
    match name {
        "status" => record.status = once(seen, 1, status(value))?,
        "started" => record.started = Some(once(seen, 2, date(value))?),
        "finished" => record.finished = Some(once(seen, 4, date(value))?),
        _ => return None,
    }
    Some(())
}

fn once<T>(seen: &mut u8, bit: u8, value: Option<T>) -> Option<T> {
    if *seen & bit != 0 {
        return None;
    }
    *seen |= bit;
    value
}

/// A key YAML reads as this very text: letters, digits and `._/-`, starting with a letter
/// or digit, and never one of the words YAML reads as true, false or null.
pub(super) fn plain_key(key: &str) -> bool {
    let starts_well = key.starts_with(|c: char| c.is_ascii_alphabetic());
    let chars_ok = key.bytes().all(|b| b.is_ascii_alphanumeric() || b"._/-".contains(&b));
    const WORDS: &[&str] = &["true", "false", "null", "yes", "no", "on", "off", "y", "n"];
    starts_well && chars_ok && (key.contains('/') || !WORDS.iter().any(|w| key.eq_ignore_ascii_case(w)))
}

fn status(value: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|s| s.name() == value)
}

/// `2026-11-02`, exactly as `Date` prints it.
fn date(value: &str) -> Option<Date> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0u16, |n, &c| c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0')))
    };
    Date::new(i32::from(number(0..4)?), number(5..7)? as u8, number(8..10)? as u8)
}

/// `[0, 2]`: plain decimal numbers without leading zeros, as `emit` writes them.
fn indexes(value: &str) -> Option<std::collections::BTreeSet<usize>> {
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    if inner.is_empty() {
        return Some(Default::default());
    }
    inner
        .split(", ")
        .map(|n| {
            let plain = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'));
            if plain { n.parse().ok() } else { None }
        })
        .collect()
}

/// `8` or `7.5`, read as serde_yaml reads an f32 (through f64); the range is checked by the
/// caller's slow path, so out-of-range values go there.
fn weekly_hours(value: &str) -> Option<f32> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || (whole.len() > 1 && whole.starts_with('0')) {
        return None;
    }
    let hours = value.parse::<f64>().ok()? as f32;
    (hours.is_finite() && hours > 0.0 && hours <= 168.0).then_some(hours)
}
