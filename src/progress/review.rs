//! The review log: each time the learner recalled a skill (a quiz, a review, finishing it),
//! with how well. The schedule is replayed from it, so two merged logs give one schedule.

use std::fmt;

use super::Date;

/// How well the learner recalled a skill, as FSRS and Anki name the four answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Forgotten: the skill needs relearning.
    Again,
    /// Recalled, with real effort or a mistake.
    Hard,
    /// Recalled.
    Good,
    /// Recalled without effort.
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The word in the progress file and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    pub fn from_name(name: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.name() == name)
    }

    /// FSRS's rating: 1 (again) to 4 (easy).
    pub fn rating(self) -> u8 {
        self as u8 + 1
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One entry of a skill's review log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Review {
    pub date: Date,
    pub grade: Grade,
}
