//! Sync's one line: what it committed, pulled and pushed, in words.

use crate::suggest::words::count;

/// What a sync did, for its one line.
pub struct Report {
    /// Changes committed, if a commit was made (none: only the `.gitattributes` line).
    pub committed: Option<usize>,
    /// Changes to the progress taken in, and the commits they came in.
    pub pulled: Option<(usize, usize)>,
    /// Commits pushed.
    pub pushed: usize,
    /// Of those, commits that were here before this sync.
    pub earlier: usize,
}

impl Report {
    pub fn line(&self, up: &str) -> String {
        let pushed_all_ours = self.pushed > 0 && self.earlier == 0;
        match (self.committed, self.pulled, self.pushed) {
            (None, None, 0) => format!("already up to date with {up}"),
            (Some(n), None, _) if pushed_all_ours && n > 0 => {
                format!("committed and pushed {} to {up}", count(n, "change"))
            }
            _ => {
                let mut parts = Vec::new();
                match self.committed {
                    Some(0) => parts.push("committed .gitattributes (the merge setup)".to_string()),
                    Some(n) => parts.push(format!("committed {}", count(n, "change"))),
                    None => {}
                }
                match self.pulled {
                    Some((0, commits)) => parts
                        .push(format!("pulled {} from {up} (no change to your progress)", count(commits, "commit"))),
                    Some((changes, _)) => parts.push(format!("pulled {} from {up}", count(changes, "change"))),
                    None => {}
                }
                if self.pushed > 0 {
                    let what =
                        if pushed_all_ours { String::new() } else { format!(" {}", count(self.pushed, "commit")) };
                    let place = if self.pulled.is_some() { String::new() } else { format!(" to {up}") };
                    parts.push(format!("pushed{what}{place}"));
                }
                and_list(parts)
            }
        }
    }
}

fn and_list(parts: Vec<String>) -> String {
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_says_what_happened_in_one_line() {
        let line =
            |committed, pulled, pushed, earlier| Report { committed, pulled, pushed, earlier }.line("origin/main");
        assert_eq!(line(None, None, 0, 0), "already up to date with origin/main");
        assert_eq!(line(Some(3), None, 1, 0), "committed and pushed 3 changes to origin/main");
        assert_eq!(line(None, Some((2, 1)), 0, 0), "pulled 2 changes from origin/main");
        assert_eq!(
            line(Some(1), Some((2, 2)), 1, 0),
            "committed 1 change, pulled 2 changes from origin/main and pushed"
        );
        assert_eq!(line(None, Some((0, 3)), 0, 0), "pulled 3 commits from origin/main (no change to your progress)");
        assert_eq!(line(None, None, 2, 2), "pushed 2 commits to origin/main");
        assert_eq!(line(Some(1), None, 3, 2), "committed 1 change and pushed 3 commits to origin/main");
        assert_eq!(line(Some(0), None, 1, 0), "committed .gitattributes (the merge setup) and pushed to origin/main");
    }
}
