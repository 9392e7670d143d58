//! A skill's quiz, one question at a time: pick by number or with the arrows, see right or
//! wrong with the explanation, then the next; at the end the score and the review grade it
//! suggests, which the learner may change before it is recorded. From Home, a review session
//! runs the quiz of every skill due, oldest due first.

use crate::content::Question;
use crate::progress::{Grade, Review, Status};
use crate::quiz::{Chosen, Score, is_right};

use super::{Action, App, Effect};

/// Where a learner is in a quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    pub skill: usize,
    pub questions: Vec<Question>,
    /// Index of the question shown.
    pub current: usize,
    /// The choice the arrows point at.
    pub cursor: usize,
    /// The choices picked for the question shown.
    pub picked: Chosen,
    /// Whether each answered question was right, in order.
    pub results: Vec<bool>,
    /// After the last question: the grade to record (the suggested one until changed).
    pub grade: Option<Grade>,
    /// Rows the question's text is scrolled (it may be taller than the screen).
    pub scroll: u16,
    /// A review session: the skills still to quiz after this one, and those done.
    pub session: Option<Session>,
}

/// A review session's queue and what it recorded.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    pub queue: Vec<usize>,
    pub reviewed: Vec<(usize, Grade)>,
}

impl QuizState {
    fn new(skill: usize, questions: Vec<Question>, session: Option<Session>) -> QuizState {
        QuizState {
            skill,
            questions,
            current: 0,
            cursor: 0,
            picked: Chosen::new(),
            results: Vec::new(),
            grade: None,
            scroll: 0,
            session,
        }
    }

    /// Whether the question shown has been answered (its explanation is showing).
    pub fn answered(&self) -> bool {
        self.results.len() > self.current
    }

    pub fn finished(&self) -> bool {
        self.grade.is_some()
    }

    pub fn question(&self) -> &Question {
        &self.questions[self.current.min(self.questions.len() - 1)]
    }

    pub fn score(&self) -> Score {
        Score { right: self.results.iter().filter(|&&r| r).count(), total: self.questions.len() }
    }
}

impl App {
    /// Opens a skill's quiz, if it has one.
    pub(super) fn start_quiz(&mut self, skill: usize, session: Option<Session>) {
        let questions = self.roadmap.page(skill).quiz.clone();
        if questions.is_empty() {
            self.say(format!("{} has no quiz", self.roadmap.skills[skill].title));
            return;
        }
        self.quiz = Some(QuizState::new(skill, questions, session));
    }

    /// Home's review session: the quiz of every skill due for review, oldest due first.
    pub(super) fn start_review_session(&mut self) {
        let scheduler = crate::suggest::scheduler(&self.progress);
        let mut due: Vec<(crate::progress::Date, usize)> = Vec::new();
        for (index, skill) in self.roadmap.skills.iter().enumerate() {
            let Some(record) = self.progress.get(&skill.id) else { continue };
            if skill.question_count == 0 {
                continue;
            }
            if let Some(memory) = crate::suggest::memory(&scheduler, record).filter(|m| m.is_due(self.today)) {
                due.push((memory.due, index));
            }
        }
        due.sort_unstable();
        let mut queue: Vec<usize> = due.into_iter().map(|(_, skill)| skill).collect();
        if queue.is_empty() {
            let next = self
                .next_review_due()
                .map_or(String::new(), |(date, title)| format!("; the next falls on {date} ({title})"));
            self.say(format!("No quiz is due for review{next}"));
            return;
        }
        let first = queue.remove(0);
        self.start_quiz(first, Some(Session { queue, reviewed: Vec::new() }));
    }

    /// The soonest review after today, with the skill's title.
    fn next_review_due(&self) -> Option<(crate::progress::Date, String)> {
        let scheduler = crate::suggest::scheduler(&self.progress);
        self.roadmap
            .skills
            .iter()
            .filter_map(|skill| {
                let memory = crate::suggest::memory(&scheduler, self.progress.get(&skill.id)?)?;
                Some((memory.due, skill.title.clone()))
            })
            .min()
    }

    pub(super) fn quiz_update(&mut self, action: Action) -> Option<Effect> {
        let quiz = self.quiz.as_mut()?;
        if action == Action::Back {
            let reviewed = quiz.session.as_ref().map_or(0, |s| s.reviewed.len());
            self.quiz = None;
            self.say(if reviewed > 0 {
                format!("Review session left: {reviewed} recorded, this one not")
            } else {
                "Quiz left: nothing recorded".to_string()
            });
            return None;
        }
        if quiz.finished() {
            return self.quiz_finish_update(action);
        }
        let choices = quiz.question().choices.len();
        let several = quiz.question().answers.len() > 1;
        match action {
            Action::PageUp => quiz.scroll = quiz.scroll.saturating_sub(self.geometry.quiz.page as u16),
            Action::PageDown => {
                let page = self.geometry.quiz.page.max(1) as u16;
                quiz.scroll = (quiz.scroll + page).min(self.geometry.quiz.max as u16);
            }
            Action::Open | Action::Right | Action::Pick(_) | Action::ToggleChoice if quiz.answered() => {
                quiz.current += 1;
                quiz.cursor = 0;
                quiz.picked.clear();
                quiz.scroll = 0;
                if quiz.current == quiz.questions.len() {
                    quiz.current -= 1;
                    quiz.grade = Some(quiz.score().grade());
                }
            }
            _ if quiz.answered() => {}
            Action::Up => quiz.cursor = quiz.cursor.saturating_sub(1),
            Action::Down => quiz.cursor = (quiz.cursor + 1).min(choices - 1),
            Action::Pick(n) if n < choices => {
                quiz.cursor = n;
                toggle(&mut quiz.picked, n, several);
            }
            Action::Pick(_) => self.warn(format!("Pick a choice from 1 to {choices}")),
            Action::ToggleChoice => toggle(&mut quiz.picked, quiz.cursor, several),
            Action::Open => {
                if quiz.picked.is_empty() {
                    // Enter on an unpicked single-answer question answers with the choice
                    // under the cursor, as a list's Enter would.
                    if several {
                        self.warn("Pick every right choice (number keys or Space), then Enter".to_string());
                        return None;
                    }
                    quiz.picked.insert(quiz.cursor);
                }
                let right = is_right(quiz.question(), &quiz.picked);
                quiz.results.push(right);
                quiz.scroll = 0;
            }
            _ => {}
        }
        None
    }

    /// The end of a quiz: change the grade, record it (or test out), move on.
    fn quiz_finish_update(&mut self, action: Action) -> Option<Effect> {
        let quiz = self.quiz.as_mut()?;
        match action {
            Action::SetGrade(grade) => {
                quiz.grade = Some(grade);
                None
            }
            Action::Left | Action::Right => {
                let now = quiz.grade.unwrap_or(Grade::Good);
                let at = Grade::ALL.iter().position(|g| *g == now).unwrap_or(2);
                let at = if action == Action::Left { at.saturating_sub(1) } else { (at + 1).min(3) };
                quiz.grade = Some(Grade::ALL[at]);
                None
            }
            Action::TestOut => self.test_out_from_quiz(),
            Action::Open => self.record_quiz(),
            _ => None,
        }
    }

    /// Whether the quiz just finished may mark its skill known: every answer right, and the
    /// skill not started.
    pub fn quiz_may_test_out(&self) -> bool {
        self.quiz.as_ref().is_some_and(|q| {
            q.finished()
                && q.score().all_right()
                && self.progress.status(&self.roadmap.skills[q.skill].id) == Status::Todo
        })
    }

    fn test_out_from_quiz(&mut self) -> Option<Effect> {
        if !self.quiz_may_test_out() {
            self.warn("Testing out needs every answer right on a skill not started yet".to_string());
            return None;
        }
        let quiz = self.quiz.take()?;
        let id = self.roadmap.skills[quiz.skill].id.clone();
        self.record_skill_change(&id, super::Touched::Status);
        self.progress.test_out(&id, self.today, quiz.grade.unwrap_or(Grade::Good));
        self.say(format!("{}: tested out, it counts as done", self.roadmap.skills[quiz.skill].title));
        Some(Effect::Save)
    }

    /// Records the grade (a done skill's review) and goes on with the session, if any.
    fn record_quiz(&mut self) -> Option<Effect> {
        let mut quiz = self.quiz.take()?;
        let skill = quiz.skill;
        let id = self.roadmap.skills[skill].id.clone();
        let title = self.roadmap.skills[skill].title.clone();
        let grade = quiz.grade.unwrap_or(Grade::Good);
        let effect = if self.progress.status(&id) == Status::Done {
            self.record_skill_change(&id, super::Touched::Review);
            self.progress.add_review(&id, Review { date: self.today, grade });
            Some(Effect::Save)
        } else {
            None
        };
        let recorded = effect.is_some();
        if let Some(session) = quiz.session.as_mut() {
            if recorded {
                session.reviewed.push((skill, grade));
            }
            if !session.queue.is_empty() {
                let next = session.queue.remove(0);
                let session = quiz.session.take();
                self.start_quiz(next, session);
                return effect;
            }
            let count = session.reviewed.len();
            let next = self.soonest_review();
            self.say(format!("Review session done: {count} reviewed{next}"));
            return effect;
        }
        if recorded {
            let next = self.soonest_review();
            self.say(format!("{title}: reviewed today ({grade}){next}"));
        } else {
            let status = self.progress.status(&id);
            self.say(format!("{title} is {status}: practice only, the schedule is kept for done skills"));
        }
        effect
    }

    /// "; the next review falls on DATE (TITLE)": the soonest review by the progress as it
    /// is now.
    fn soonest_review(&self) -> String {
        self.next_review_due()
            .map_or(String::new(), |(date, title)| format!("; the next review falls on {date} ({title})"))
    }
}

/// Picks a choice: for a question with one right answer, the choice; with several, it is
/// added or taken away.
fn toggle(picked: &mut Chosen, choice: usize, several: bool) {
    if several {
        if !picked.remove(&choice) {
            picked.insert(choice);
        }
    } else {
        picked.clear();
        picked.insert(choice);
    }
}
