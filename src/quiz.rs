//! Grading a quiz: the learner's choices against each question's right ones, the score, and
//! the review grade it suggests (every answer right is `good`, one wrong `hard`, more
//! `again`). Pure; the TUI and `roadmap quiz` share it.

use std::collections::BTreeSet;

use crate::content::Question;
use crate::progress::Grade;

/// The choices picked for one question, by index into its `choices`.
pub type Chosen = BTreeSet<usize>;

/// Whether `chosen` is exactly the question's right choices (all of them, nothing else).
pub fn is_right(question: &Question, chosen: &Chosen) -> bool {
    chosen.len() == question.answers.len() && question.answers.iter().all(|a| chosen.contains(a))
}

/// How a quiz went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub right: usize,
    pub total: usize,
}

impl Score {
    pub fn of(questions: &[Question], answers: &[Chosen]) -> Score {
        let right = questions.iter().zip(answers).filter(|(q, chosen)| is_right(q, chosen)).count();
        Score { right, total: questions.len() }
    }

    pub fn all_right(&self) -> bool {
        self.total > 0 && self.right == self.total
    }

    /// The review grade the score suggests: all right `good`, one wrong `hard`, more (or the
    /// only question of a one- or two-question quiz wrong) `again`. The learner may change it.
    pub fn grade(&self) -> Grade {
        match self.total - self.right {
            0 => Grade::Good,
            1 if self.total >= 3 => Grade::Hard,
            _ => Grade::Again,
        }
    }
}

/// Answers as scripts give them: one entry per question, separated by commas, each the index
/// of a choice as the content file counts them (from 0), with `+` between several (`1,0+2,2`).
pub fn parse_answers(text: &str, questions: &[Question]) -> Result<Vec<Chosen>, String> {
    let entries: Vec<&str> = text.split(',').map(str::trim).collect();
    if entries.len() != questions.len() {
        let n = questions.len();
        return Err(format!(
            "{} answers for {n} question{}: give one per question, separated by commas (`+` between several choices)",
            entries.len(),
            if n == 1 { "" } else { "s" }
        ));
    }
    entries
        .iter()
        .zip(questions)
        .enumerate()
        .map(|(q, (entry, question))| {
            let mut chosen = Chosen::new();
            for part in entry.split('+').map(str::trim) {
                let count = question.choices.len();
                let index = part.parse::<usize>().ok().filter(|&i| i < count).ok_or_else(|| {
                    format!("answer {} is `{part}`: question {} has choices 0 to {}", q + 1, q + 1, count - 1)
                })?;
                chosen.insert(index);
            }
            Ok(chosen)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(choices: usize, answers: &[usize]) -> Question {
        Question {
            q: "?".into(),
            code: None,
            choices: (0..choices).map(|i| format!("choice {i}")).collect(),
            answers: answers.to_vec(),
            explain: "because".into(),
        }
    }

    fn set(items: &[usize]) -> Chosen {
        items.iter().copied().collect()
    }

    #[test]
    fn a_question_is_right_only_with_every_right_choice_and_no_other() {
        let several = question(4, &[0, 2]);
        assert!(is_right(&several, &set(&[2, 0])));
        assert!(!is_right(&several, &set(&[0])), "half of the right choices");
        assert!(!is_right(&several, &set(&[0, 1, 2])), "a wrong one besides");
    }

    #[test]
    fn the_grade_follows_the_number_wrong() {
        let grade = |right, total| Score { right, total }.grade();
        assert_eq!(grade(4, 4), Grade::Good);
        assert_eq!(grade(3, 4), Grade::Hard);
        assert_eq!(grade(2, 4), Grade::Again);
        assert_eq!(grade(0, 1), Grade::Again, "the only question wrong is not `hard`");
        assert_eq!(grade(1, 2), Grade::Again);
    }

    #[test]
    fn script_answers_are_checked_against_the_questions() {
        let quiz = [question(4, &[1]), question(3, &[0, 2]), question(2, &[1])];
        assert_eq!(parse_answers("1,0+2,1", &quiz), Ok(vec![set(&[1]), set(&[0, 2]), set(&[1])]));
        assert_eq!(Score::of(&quiz, &parse_answers("1, 0+2 ,0", &quiz).unwrap()), Score { right: 2, total: 3 });
        assert_eq!(
            parse_answers("1,0", &quiz),
            Err("2 answers for 3 questions: give one per question, separated by commas (`+` between several choices)"
                .into())
        );
        assert_eq!(parse_answers("1,3,0", &quiz), Err("answer 2 is `3`: question 2 has choices 0 to 2".into()));
        assert_eq!(parse_answers("1,x,0", &quiz), Err("answer 2 is `x`: question 2 has choices 0 to 2".into()));
    }
}
