//! The quiz, over the screen: one question (its Markdown and code), the choices by number;
//! once answered, right or wrong and the explanation; at the end the score, the grade to
//! record and when each grade would bring the skill back.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::{View, markdown, parts};
use crate::geometry::Scroll;
use crate::progress::{Grade, Status};
use crate::text::wrap;

pub fn render(app: &View, body: Rect, buf: &mut Buffer) {
    let Some(quiz) = &app.quiz else { return };
    let theme = app.theme;
    let skill = &app.roadmap.skills[quiz.skill];
    let title = match &quiz.session {
        Some(session) => {
            let done = session.reviewed.len() + 1;
            format!(" Review {done} of {}: {} ", done + session.queue.len(), wrap::clean(&skill.title))
        }
        None => format!(" Quiz: {} ", wrap::clean(&skill.title)),
    };
    Clear.render(body, buf);
    let mut block = parts::block(theme, title, true);
    let inner = block.inner(body);
    let width = inner.width.max(1);
    let lines = if quiz.finished() { finish_lines(app, width) } else { question_lines(app, width) };
    let rows = usize::from(inner.height);
    let max = lines.len().saturating_sub(rows);
    app.measure(|g| g.quiz = Scroll { page: rows.saturating_sub(1).max(1), max });
    let scroll = usize::from(quiz.scroll).min(max);
    if let Some(more) = parts::more_title(theme, scroll, lines.len().saturating_sub(scroll + rows)) {
        block = block.title_bottom(more);
    }
    block.render(body, buf);
    let shown: Vec<Line<'static>> = lines.into_iter().skip(scroll).take(rows).collect();
    Paragraph::new(shown).render(inner, buf);
}

fn question_lines(app: &View, width: u16) -> Vec<Line<'static>> {
    let Some(quiz) = &app.quiz else { return Vec::new() };
    let theme = app.theme;
    let question = quiz.question();
    let w = usize::from(width);
    let mut lines = vec![Line::styled(format!("Question {} of {}", quiz.current + 1, quiz.questions.len()), theme.dim)];
    lines.extend(markdown::render(&question.q, width, theme).lines);
    if let Some(code) = &question.code {
        lines.extend(markdown::render(&format!("```python\n{code}\n```"), width, theme).lines);
    }
    let several = question.answers.len() > 1;
    if several {
        lines.push(Line::styled("Several are right: pick each one, then Enter.", theme.accent));
    }
    lines.push(Line::raw(""));
    let answered = quiz.answered();
    for (i, choice) in question.choices.iter().enumerate() {
        let picked = quiz.picked.contains(&i);
        let right = question.answers.contains(&i);
        let mark = match (several, picked) {
            (true, true) => "[x]",
            (true, false) => "[ ]",
            (false, true) => "(•)",
            (false, false) => "( )",
        };
        let (verdict, style) = match (answered, right, picked) {
            (true, true, _) => (" ✓", theme.done),
            (true, false, true) => (" ✗", theme.error),
            (true, false, false) => ("  ", theme.dim),
            (false, _, _) if i == quiz.cursor => ("  ", theme.selected),
            (false, _, _) => ("  ", theme.text),
        };
        let lead = vec![Span::styled(format!("{verdict}{} {mark} ", i + 1), style)];
        let mut choice_lines = wrap::hanging(lead, &markdown::inline(choice, style, theme), w);
        if !answered && i == quiz.cursor {
            for line in &mut choice_lines {
                *line = line.clone().patch_style(theme.selected);
            }
        }
        lines.extend(choice_lines);
    }
    if answered {
        lines.push(Line::raw(""));
        let right = quiz.results.last().copied().unwrap_or(false);
        let verdict = if right { ("Right.", theme.done) } else { ("Not quite.", theme.error) };
        lines.push(Line::styled(verdict.0, verdict.1));
        lines.extend(markdown::render(&question.explain, width, theme).lines);
        lines.push(Line::raw(""));
        let next = if quiz.current + 1 == quiz.questions.len() { "Enter: the score" } else { "Enter: next question" };
        lines.push(Line::styled(next, theme.dim));
    }
    lines
}

fn finish_lines(app: &View, width: u16) -> Vec<Line<'static>> {
    let Some(quiz) = &app.quiz else { return Vec::new() };
    let theme = app.theme;
    let w = usize::from(width);
    let score = quiz.score();
    let id = &app.roadmap.skills[quiz.skill].id;
    let status = app.progress.status(id);
    let mut lines = wrap::wrap_plain(&format!("{} of {} right.", score.right, score.total), theme.title, w);
    let chosen = quiz.grade.unwrap_or(Grade::Good);
    if status == Status::Done {
        lines.extend(wrap::wrap_plain(
            &format!("The score suggests {}. Change it if it felt different, then Enter records it:", score.grade()),
            theme.text,
            w,
        ));
        lines.push(Line::raw(""));
        let record = app.progress.get(id).map(|r| r.reviews.clone()).unwrap_or_default();
        let scheduler = crate::suggest::scheduler(&app.progress);
        let dates = scheduler.intervals(&record, app.today);
        for (grade, date) in Grade::ALL.into_iter().zip(dates) {
            let key = &grade.name()[..1];
            let days = date.days_after(app.today);
            let when = if days == 1 { "tomorrow".to_string() } else { format!("in {days} days ({date})") };
            let style = if grade == chosen { theme.selected } else { theme.text };
            let marker = if grade == chosen { "▶" } else { " " };
            lines.push(Line::styled(format!(" {marker} {key}  {:<5}  next review {when}", grade.name()), style));
        }
    } else if score.all_right() && status == Status::Todo {
        lines.extend(wrap::wrap_plain(
            "Every answer right on a skill you have not started: t marks it known (tested out, it counts as done); Enter leaves it as it is.",
            theme.text,
            w,
        ));
    } else {
        lines.extend(wrap::wrap_plain(
            &format!("This skill is {status}: the quiz was practice, nothing is recorded. Enter closes it."),
            theme.dim,
            w,
        ));
    }
    let wrong: Vec<usize> = quiz.results.iter().enumerate().filter(|(_, r)| !**r).map(|(i, _)| i + 1).collect();
    if !wrong.is_empty() {
        lines.push(Line::raw(""));
        let list: Vec<String> = wrong.iter().map(ToString::to_string).collect();
        let list: Vec<&str> = list.iter().map(String::as_str).collect();
        let noun = if list.len() == 1 { "question" } else { "questions" };
        let text = format!("To read again: {noun} {}.", crate::suggest::words::and_list(&list));
        lines.extend(wrap::wrap_plain(&text, theme.dim, w));
    }
    lines
}

/// The keys worth showing in the quiz's footer.
pub fn hints(app: &View) -> Vec<&'static str> {
    let Some(quiz) = &app.quiz else { return vec!["Esc leave"] };
    if quiz.finished() {
        if app.quiz_may_test_out() {
            vec!["t tested out", "Enter leave as it is", "Esc leave"]
        } else {
            vec!["a h g e grade", "←→ change", "Enter record", "Esc leave"]
        }
    } else if quiz.answered() {
        vec!["Enter next", "PgDn more", "Esc leave"]
    } else {
        vec!["1-6 pick", "↑↓ move", "Space pick", "Enter answer", "Esc leave"]
    }
}
