//! A content problem is data, not an early return: the loader collects every one it finds.
//! Warnings (files it skipped) are the same shape, kept apart: they never stop a roadmap.

use std::fmt;

/// One thing wrong with a roadmap folder, located at a file and a line in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file as the author would type it (the folder as given, joined with the file).
    pub path: String,
    /// 1-based line in that file; front matter lines are counted from the top of the file.
    pub line: usize,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Problem { path: path.into(), line: line.max(1), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// Every problem found in a roadmap folder, sorted by file and line, and the warnings found
/// along the way (which alone would not have stopped it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Problems {
    pub fn new(problems: Vec<Problem>, warnings: Vec<Problem>) -> Self {
        Problems { problems, warnings }
    }

    pub fn len(&self) -> usize {
        self.problems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter()
    }

    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }
}

/// The problems, one per line; warnings are for `validate` to show.
impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.problems {
            writeln!(f, "{problem}")?;
        }
        Ok(())
    }
}
