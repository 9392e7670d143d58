//! A content problem is data, not an early return: the loader collects every one it finds.

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

/// Every problem found in a roadmap folder, sorted by file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Problem> {
        self.0.iter()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for problem in &self.0 {
            writeln!(f, "{problem}")?;
        }
        Ok(())
    }
}
