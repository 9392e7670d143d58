//! The practice fields of a skill: `checks` (also in a phase's milestone), commands that verify
//! the learner's project, and `quiz`, questions for retrieval practice. Every mistake is
//! reported at the line of the item or key it is about.

use crate::yaml::{Node, Scalar, Value};

use super::fields::{Doc, Fields, Owner};
use super::model::{Check, Question};

const CHECK_FIELDS: &[&str] = &["title", "run", "timeout"];
const CHECK_REQUIRED: &[&str] = &["title", "run"];
/// Seconds a check may run when its author does not say.
pub const DEFAULT_TIMEOUT: u32 = 60;
/// The longest a check may be allowed to run: an hour.
const MAX_TIMEOUT: i64 = 3600;

const QUESTION_FIELDS: &[&str] = &["q", "choices", "answer", "explain", "code"];
const QUESTION_REQUIRED: &[&str] = &["q", "choices", "answer", "explain"];
/// How many choices a question offers, at least and at most.
const CHOICES: std::ops::RangeInclusive<usize> = 2..=6;

/// The `checks` list of a skill or a milestone; `name` is how messages call one ("check", or
/// "milestone check" in a phase.md).
pub fn checks(doc: &mut Doc, map: Fields, name: &'static str) -> Vec<Check> {
    let items = doc.list(map, "checks");
    let mut checks = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let owner = Owner::item(name, index);
        let Some(fields) = doc.mapping(item, item.line, owner, &owner.to_string()) else { continue };
        doc.check_keys(fields, CHECK_FIELDS, CHECK_REQUIRED);
        let title = doc.text(fields, "title", true);
        let run = doc.text(fields, "run", true);
        let timeout = match fields.get("timeout") {
            None => Some(DEFAULT_TIMEOUT),
            Some(_) => doc.whole(fields, "timeout", 1..=MAX_TIMEOUT, "seconds").map(|n| n as u32),
        };
        if let (Some(title), Some(run), Some(timeout)) = (title, run, timeout) {
            checks.push(Check { title, run, timeout });
        }
    }
    checks
}

/// The `quiz` list of a skill.
pub fn quiz(doc: &mut Doc, map: Fields) -> Vec<Question> {
    let items = doc.list(map, "quiz");
    let mut questions = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let owner = Owner::item("question", index);
        let Some(fields) = doc.mapping(item, item.line, owner, &owner.to_string()) else { continue };
        doc.check_keys(fields, QUESTION_FIELDS, QUESTION_REQUIRED);
        let q = doc.text(fields, "q", true);
        let code = doc.text_as_written(fields, "code", false);
        let choices = choices(doc, fields);
        let answers = answers(doc, fields, choices.as_ref().map(Vec::len));
        let explain = doc.text(fields, "explain", true);
        if let (Some(q), Some(choices), Some(answers), Some(explain)) = (q, choices, answers, explain) {
            questions.push(Question { q, code, choices, answers, explain });
        }
    }
    questions
}

/// 2 to 6 different, non-empty texts.
fn choices(doc: &mut Doc, fields: Fields) -> Option<Vec<String>> {
    let (key, _) = fields.get("choices")?;
    let items = doc.list(fields, "choices");
    let problems = doc.problems.len();
    let mut choices: Vec<String> = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match item.value.scalar() {
            Some(Scalar::Str(text)) if !text.trim().is_empty() => {
                let text = text.trim();
                if let Some(earlier) = choices.iter().position(|earlier| earlier == text) {
                    let message = format!(
                        "{}: the choice at index {index} repeats the one at index {earlier}: make every choice different",
                        fields.owner
                    );
                    doc.report(item.line, message);
                }
                choices.push(text.to_string());
            }
            Some(Scalar::Str(_) | Scalar::Null) => {
                doc.report(item.line, format!("{}: the choice at index {index} is empty", fields.owner))
            }
            _ => doc.report(
                item.line,
                format!("{}: choices must be text, not {} (put it in quotes)", fields.owner, item.value.describe()),
            ),
        }
    }
    if doc.problems.len() > problems {
        return None;
    }
    if !CHOICES.contains(&choices.len()) {
        let (low, high) = (CHOICES.start(), CHOICES.end());
        let message =
            format!("{}: `choices` has {}: a question needs {low} to {high}", fields.owner, count(choices.len()));
        doc.report(key.line, message);
        return None;
    }
    Some(choices)
}

/// The index of the right choice, or a list of them, ascending; checked against how many
/// choices there are when that is known.
fn answers(doc: &mut Doc, fields: Fields, choices: Option<usize>) -> Option<Vec<usize>> {
    let (key, value) = fields.get("answer")?;
    let owner = fields.owner;
    let nodes: Vec<&Node> = match &value.value {
        Value::List(items) if items.is_empty() => {
            doc.report(key.line, format!("{owner}: `answer` lists no choice: give the index of the right one"));
            return None;
        }
        Value::List(items) => items.iter().collect(),
        _ => vec![value],
    };
    let problems = doc.problems.len();
    let mut answers = Vec::with_capacity(nodes.len());
    for node in nodes {
        let index = match node.value.scalar() {
            Some(Scalar::Int(n)) if n >= 0 => n as usize,
            _ => {
                let message = format!(
                    "{owner}: `answer` must be the index of the right choice (from 0), or a list of them, not {}",
                    node.value.describe()
                );
                doc.report(node.line, message);
                continue;
            }
        };
        if let Some(count) = choices
            && index >= count
        {
            let message =
                format!("{owner}: `answer` {index} is out of range: the choices are numbered 0 to {}", count - 1);
            doc.report(node.line, message);
        } else if answers.contains(&index) {
            doc.report(node.line, format!("{owner}: `answer` lists {index} twice"));
        } else {
            answers.push(index);
        }
    }
    if doc.problems.len() > problems {
        return None;
    }
    if choices == Some(answers.len()) {
        let message = format!("{owner}: every choice is marked right: a question needs a wrong one to choose against");
        doc.report(key.line, message);
        return None;
    }
    answers.sort_unstable();
    Some(answers)
}

fn count(n: usize) -> String {
    if n == 1 { "1 choice".to_string() } else { format!("{n} choices") }
}
