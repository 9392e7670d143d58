//! A fast reader for the exact layout `emit` writes, so a progress file of thousands of
//! entries (and their review logs) loads in a fraction of the YAML reader's time. It accepts
//! only lines it fully understands and returns `None` for anything else (comments, quotes,
//! notes, other spacing, older versions), which the YAML reader then reads: for every text it
//! accepts, the result is what the YAML reader would give (a property test holds it to that).

use std::collections::BTreeMap;
use std::iter::Peekable;

use crate::progress::{CheckRecords, Date, MilestoneProgress, Progress, Review, SkillProgress, Status};

pub fn parse(text: &str) -> Option<Progress> {
    if text.contains('\r') {
        return None;
    }
    let mut lines = Split(text.strip_suffix('\n').unwrap_or(text)).peekable();
    if lines.next()? != "version: 2" {
        return None;
    }
    let mut progress = Progress::default();
    if let Some(hours) = lines.peek().and_then(|line| line.strip_prefix("weekly_hours: ")) {
        progress.weekly_hours = Some(number(hours).filter(|&h| crate::progress::check_weekly_hours(h).is_ok())?);
        lines.next();
    }
    if let Some(retention) = lines.peek().and_then(|line| line.strip_prefix("retention: ")) {
        progress.retention = Some(number(retention).filter(|&r| crate::progress::check_retention(r).is_ok())?);
        lines.next();
    }
    match lines.next()? {
        "skills: {}" => {}
        "skills:" => progress.skills = entries(&mut lines, skill_field)?,
        _ => return None,
    }
    if lines.next_if_eq(&"milestones:").is_some() {
        progress.milestones = entries(&mut lines, milestone_field)?;
    }
    if lines.next_if_eq(&"trusted:").is_some() {
        progress.trusted = trusted(&mut lines)?;
    }
    if lines.next().is_some() {
        return None;
    }
    progress.skills.retain(|_, record| !record.is_blank());
    progress.milestones.retain(|_, record| !record.is_blank());
    Some(progress)
}

type Lines<'a> = Peekable<Split<'a>>;

/// The lines of a text, found by `memchr`: a long review log is most of a big file, in lines of
/// two dozen bytes, where the standard library's general search costs more than the parsing.
#[derive(Clone)]
struct Split<'a>(&'a str);

impl<'a> Iterator for Split<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.0.is_empty() {
            return None;
        }
        match memchr::memchr(b'\n', self.0.as_bytes()) {
            Some(at) => {
                let line = &self.0[..at];
                self.0 = &self.0[at + 1..];
                Some(line)
            }
            None => Some(std::mem::take(&mut self.0)),
        }
    }
}

/// How many spaces a line starts with, counting to five at most (all the layout uses).
fn indent(line: &str) -> usize {
    line.bytes().take(5).take_while(|&b| b == b' ').count()
}

/// `  <id>:` lines, each followed by its `    field: value` lines (and a list field's
/// `      - item` lines), until a line at the left margin. The writer sorts entries by id:
/// anything else is left to the YAML reader, and the sorted entries build the map in one pass.
fn entries<'a, T: Default>(
    lines: &mut Lines<'a>,
    field: impl Fn(&mut T, &str, &str, &mut Lines<'a>, &mut u8) -> Option<()>,
) -> Option<BTreeMap<String, T>> {
    let mut sorted: Vec<(String, T)> = Vec::new();
    while let Some(line) = lines.next_if(|line| line.starts_with(' ')) {
        let key = line.strip_prefix("  ")?.strip_suffix(':')?;
        if !plain_key(key) || sorted.last().is_some_and(|(last, _)| last.as_str() >= key) {
            return None;
        }
        let mut record = T::default();
        // Each field once, as the YAML reader insists; an entry with none is left to it to refuse.
        let mut seen = 0u8;
        while let Some(line) = lines.next_if(|line| indent(line) == 4) {
            let body = &line[4..];
            let colon = body.find(':')?;
            field(&mut record, &body[..colon], &body[colon + 1..], lines, &mut seen)?;
        }
        if seen == 0 {
            return None;
        }
        sorted.push((key.to_string(), record));
    }
    Some(sorted.into_iter().collect())
}

fn skill_field<'a>(
    record: &mut SkillProgress,
    name: &str,
    value: &str,
    rest: &mut Lines<'a>,
    seen: &mut u8,
) -> Option<()> {
    match name {
        "status" => record.status = once(seen, 1, status(value.strip_prefix(' ')?))?,
        "tested_out" => record.tested_out = once(seen, 2, (value == " true").then_some(true))?,
        "started" => record.started = Some(once(seen, 4, date(value.strip_prefix(' ')?))?),
        "finished" => record.finished = Some(once(seen, 8, date(value.strip_prefix(' ')?))?),
        "checkpoints" => record.checkpoints = once(seen, 16, indexes(value.strip_prefix(' ')?))?,
        "reviews" if value.is_empty() => record.reviews = once(seen, 32, reviews(rest))?,
        "checks" if value.is_empty() => record.checks = once(seen, 64, checks(rest))?,
        _ => return None,
    }
    Some(())
}

fn milestone_field<'a>(
    record: &mut MilestoneProgress,
    name: &str,
    value: &str,
    rest: &mut Lines<'a>,
    seen: &mut u8,
) -> Option<()> {
    match name {
        "status" => record.status = once(seen, 1, status(value.strip_prefix(' ')?))?,
        "started" => record.started = Some(once(seen, 2, date(value.strip_prefix(' ')?))?),
        "finished" => record.finished = Some(once(seen, 4, date(value.strip_prefix(' ')?))?),
        "project" => record.project = Some(once(seen, 8, path(value.strip_prefix(' ')?))?),
        "checks" if value.is_empty() => record.checks = once(seen, 16, checks(rest))?,
        _ => return None,
    }
    Some(())
}

/// `      - <item>` lines.
fn items<'a>(rest: &mut Lines<'a>) -> Vec<&'a str> {
    let mut found = Vec::new();
    while let Some(item) = rest.next_if(|line| item(line).is_some()).and_then(item) {
        found.push(item);
    }
    found
}

fn item(line: &str) -> Option<&str> {
    // A fixed-size compare, which compiles to one load rather than a call.
    (line.as_bytes().first_chunk::<8>() == Some(b"      - ")).then(|| &line[8..])
}

/// `2026-11-02 good` lines: a date of ten bytes, a space, a grade.
fn reviews<'a>(rest: &mut Lines<'a>) -> Option<Vec<Review>> {
    // Counted first (the lines are found again, cheaply) so the log is allocated once.
    let count = rest.clone().take_while(|line| item(line).is_some()).count();
    let mut log = Vec::with_capacity(count);
    while let Some(item) = rest.next_if(|line| item(line).is_some()).and_then(item) {
        let (day, grade) = (item.get(..10)?, item.get(10..)?.strip_prefix(' ')?);
        let grade = crate::progress::Grade::from_name(grade)?;
        let review = Review { date: date(day)?, grade };
        // The writer keeps the log sorted; anything else is sorted by the slow path.
        if log.last().is_some_and(|last: &Review| last.date > review.date) {
            return None;
        }
        log.push(review);
    }
    (!log.is_empty()).then_some(log)
}

fn checks<'a>(rest: &mut Lines<'a>) -> Option<CheckRecords> {
    let found = items(rest);
    if found.is_empty() {
        return None;
    }
    let mut records = CheckRecords::new();
    for item in found {
        let (number, record) = super::check(item).ok()?;
        if item != format!("{number} {} {} {}", record.result, record.date, record.digest) {
            return None;
        }
        if records.insert(number, record).is_some() {
            return None;
        }
    }
    Some(records)
}

/// `  <roadmap id>: <digest>` lines.
fn trusted(lines: &mut Lines<'_>) -> Option<BTreeMap<String, String>> {
    let mut map = BTreeMap::new();
    while let Some(line) = lines.next_if(|line| line.starts_with(' ')) {
        let (key, digest) = line.strip_prefix("  ")?.split_once(": ")?;
        // A digest YAML reads as text: lowercase hex with a letter other than `e` in it (digits
        // alone, or with an `e`, could read as a number, and are left to the YAML reader).
        let hex = digest.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !plain_key(key) || !hex || !digest.bytes().any(|b| b"abcdf".contains(&b)) {
            return None;
        }
        if map.last_key_value().is_some_and(|(last, _): (&String, _)| last.as_str() >= key) {
            return None;
        }
        map.insert(key.to_string(), digest.to_string());
    }
    Some(map)
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

/// A project path as `emit` writes it unquoted: one that starts with `/` or `~` and holds only
/// characters that never need quoting; anything else is left to the YAML reader.
fn path(value: &str) -> Option<String> {
    let plain = value.starts_with(['/', '~'])
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"/._-+@~".contains(&b))
        && !value.contains("//");
    plain.then(|| value.to_string())
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

/// `8` or `7.5`, read as the YAML reader reads an f32 (through f64); the range is checked by the
/// caller.
fn number(value: &str) -> Option<f32> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || (whole.len() > 1 && whole.starts_with('0')) {
        return None;
    }
    let value = value.parse::<f64>().ok()? as f32;
    value.is_finite().then_some(value)
}
