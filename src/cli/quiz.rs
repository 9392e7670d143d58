//! `roadmap quiz ID`: a skill's questions, asked on a terminal (or graded at once from
//! `--answers`), each followed by its explanation; then the score, the review grade it
//! suggests, and the review recorded (a done skill) or the skill tested out (one not started,
//! every answer right).

use std::io::{BufRead, IsTerminal, Write};

use ratatui::text::{Line, Span};

use super::output::Output;
use super::session::{Failure, Session};
use crate::progress::{Grade, Review, Status};
use crate::quiz::{Chosen, Score, is_right, parse_answers};

pub fn quiz(
    session: &mut Session,
    out: &mut Output,
    skill: usize,
    answers: Option<&str>,
    grade: Option<Grade>,
    test_out: bool,
) -> Result<(), Failure> {
    let id = session.roadmap.skills[skill].id.clone();
    let questions = session.roadmap.page(skill).quiz.clone();
    if questions.is_empty() {
        return Err(Failure::Usage(format!("{id} has no quiz")));
    }
    let interactive = answers.is_none();
    if interactive && !(out.tty && std::io::stdin().is_terminal()) {
        return Err(Failure::Usage(format!(
            "`roadmap quiz {id}` asks on a terminal; give `--answers` (one index per question, from 0) to grade without asking"
        )));
    }
    let given = answers.map(|text| parse_answers(text, &questions)).transpose().map_err(Failure::Usage)?;
    if out.tty {
        let title = &session.roadmap.skills[skill].title;
        out.line(Line::styled(format!("Quiz: {title} ({} questions)", questions.len()), out.painter.theme.title))?;
    }
    let mut chosen: Vec<Chosen> = Vec::with_capacity(questions.len());
    for (i, question) in questions.iter().enumerate() {
        if out.tty {
            ask_question(out, i, questions.len(), question)?;
        }
        let pick = match &given {
            Some(given) => given[i].clone(),
            None => match read_choice(question.choices.len())? {
                Some(pick) => pick,
                None => return Err(Failure::Reported("the quiz was left before its end: nothing was recorded".into())),
            },
        };
        let right = is_right(question, &pick);
        if out.tty {
            tell(out, question, &pick, right)?;
        } else {
            out.record(&[&id, &(i + 1).to_string(), if right { "right" } else { "wrong" }, &question.explain])?;
        }
        chosen.push(pick);
    }
    let score = Score::of(&questions, &chosen);
    let suggested = score.grade();
    if out.tty {
        let wrong = score.total - score.right;
        let why = match wrong {
            0 => "every answer right".to_string(),
            1 => "one wrong".to_string(),
            n => format!("{n} wrong"),
        };
        out.line("")?;
        out.line(Line::styled(
            format!("{} of {} right: the grade is {suggested} ({why})", score.right, score.total),
            out.painter.theme.title,
        ))?;
    }
    record(session, out, skill, score, grade.unwrap_or(suggested), grade.is_none() && interactive, test_out)
}

/// Records what the quiz means for the skill's schedule, and says so.
fn record(
    session: &mut Session,
    out: &mut Output,
    skill: usize,
    score: Score,
    grade: Grade,
    may_change_grade: bool,
    test_out: bool,
) -> Result<(), Failure> {
    let id = session.roadmap.skills[skill].id.clone();
    let status = session.progress.status(&id);
    let interactive = may_change_grade;
    let outcome = match status {
        Status::Done => {
            let grade = if interactive { ask_grade(grade)? } else { grade };
            session.progress.add_review(&id, Review { date: session.today, grade });
            ("reviewed", grade)
        }
        Status::Todo if score.all_right() => {
            let known = test_out
                || (interactive
                    && ask_yes(
                        "Every answer right on a skill you have not started. Mark it known (tested out)? [y/N] ",
                    )?);
            if !known {
                let hint = format!("every answer right: `roadmap quiz {id} --test-out` marks it known");
                return finish(out, &id, "practice", grade, None, &hint);
            }
            session.progress.test_out(&id, session.today, grade);
            ("tested-out", grade)
        }
        _ => {
            let why = format!("not recorded: the schedule is kept for done skills, and {id} is {status}");
            return finish(out, &id, "practice", grade, None, &why);
        }
    };
    session.save()?;
    let next = crate::suggest::next_review(&session.progress, &id).map(|m| m.due);
    let said = match outcome.0 {
        "tested-out" => format!("Tested out: {id} counts as done"),
        _ => format!("Recorded a {} review of {id}", outcome.1),
    };
    let said = match next {
        Some(date) => format!("{said}; next review on {date}"),
        None => said,
    };
    finish(out, &id, outcome.0, outcome.1, next, &said)
}

fn finish(
    out: &mut Output,
    id: &str,
    what: &str,
    grade: Grade,
    next: Option<crate::progress::Date>,
    said: &str,
) -> Result<(), Failure> {
    if out.tty {
        out.line(Span::styled(said.to_string(), out.painter.theme.done))?;
    } else {
        out.record(&[id, what, grade.name(), &next.map(|d| d.to_string()).unwrap_or_default()])?;
    }
    Ok(())
}

fn ask_question(
    out: &mut Output,
    index: usize,
    total: usize,
    question: &crate::content::Question,
) -> std::io::Result<()> {
    let theme = out.painter.theme;
    out.line("")?;
    out.line(Span::styled(format!("Question {} of {total}", index + 1), theme.subheading))?;
    let width = out.width.min(u16::MAX as usize) as u16;
    out.text(crate::ui::markdown::render(&question.q, width, &theme))?;
    if let Some(code) = &question.code {
        out.text(crate::ui::markdown::render(&format!("```python\n{code}\n```"), width, &theme))?;
    }
    if question.answers.len() > 1 {
        out.line(Span::styled("(several are right: give them all, like 1,3)", theme.dim))?;
    }
    for (n, choice) in question.choices.iter().enumerate() {
        out.wrapped_markdown(vec![Span::styled(format!("  {}) ", n + 1), theme.key)], 5, choice)?;
    }
    Ok(())
}

/// Reads a choice (or several) by number from the terminal; `None` at the end of input.
fn read_choice(count: usize) -> std::io::Result<Option<Chosen>> {
    let stdin = std::io::stdin();
    loop {
        prompt(&format!("Your answer (1-{count}): "))?;
        let mut line = String::new();
        if stdin.lock().read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let picks: Option<Chosen> = line
            .split([',', ' ', '+'])
            .filter(|part| !part.trim().is_empty())
            .map(|part| part.trim().parse::<usize>().ok().filter(|n| (1..=count).contains(n)).map(|n| n - 1))
            .collect();
        match picks {
            Some(picks) if !picks.is_empty() => return Ok(Some(picks)),
            _ => prompt(&format!("Type a number from 1 to {count} (several: 1,3), then Enter.\n"))?,
        }
    }
}

/// Right or not, and why: the explanation is where the teaching happens.
fn tell(out: &mut Output, question: &crate::content::Question, chosen: &Chosen, right: bool) -> std::io::Result<()> {
    let theme = out.painter.theme;
    if right {
        out.line(Span::styled("✓ Right.", theme.done))?;
    } else {
        let answers: Vec<String> =
            question.answers.iter().map(|&a| format!("{}) {}", a + 1, question.choices[a])).collect();
        let picked: Vec<String> = chosen.iter().map(|c| (c + 1).to_string()).collect();
        out.wrapped_markdown(
            vec![Span::styled("✗ Not quite: ", theme.error)],
            4,
            &format!("you chose {}; the answer is {}", picked.join(", "), answers.join(" and ")),
        )?;
    }
    let width = out.width.min(u16::MAX as usize) as u16;
    out.text(crate::ui::markdown::render(&question.explain, width, &theme))
}

fn ask_grade(suggested: Grade) -> std::io::Result<Grade> {
    loop {
        prompt(&format!("Grade it [{suggested}]: again, hard, good or easy (Enter keeps {suggested}): "))?;
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line)? == 0 {
            return Ok(suggested);
        }
        let word = line.trim().to_lowercase();
        if word.is_empty() {
            return Ok(suggested);
        }
        if let Some(grade) = Grade::ALL.into_iter().find(|g| g.name() == word || g.name().starts_with(&word)) {
            return Ok(grade);
        }
    }
}

fn ask_yes(question: &str) -> std::io::Result<bool> {
    prompt(question)?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(matches!(line.trim().to_lowercase().as_str(), "y" | "yes"))
}

fn prompt(text: &str) -> std::io::Result<()> {
    let mut stderr = std::io::stderr().lock();
    write!(stderr, "{text}")?;
    stderr.flush()
}
