//! Search across all phases: live, fuzzy on titles, plain on tags, ids and text. The index
//! (lowercased text of every skill) is built the first time search opens.

use pulldown_cmark::{Event, Parser};

use super::map::moved;
use super::{Action, App, Effect, Screen};
use crate::content::Roadmap;

/// One result: a skill, how well it matched, and where in the text (for a snippet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub skill: usize,
    pub score: u32,
    /// A short excerpt of the body around the first match, when the match was in the body.
    pub snippet: Option<String>,
}

/// The search box and its results.
#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    index: Option<Index>,
}

/// What is searched, per skill, lowercased once.
#[derive(Debug)]
struct Entry {
    title: String,
    tags: Vec<String>,
    id: String,
    summary: String,
    body: String,
}

#[derive(Debug)]
struct Index(Vec<Entry>);

impl Index {
    fn build(roadmap: &Roadmap) -> Index {
        Index(
            roadmap
                .skills
                .iter()
                .enumerate()
                .map(|(index, skill)| {
                    let page = roadmap.page(index);
                    Entry {
                        title: skill.title.to_lowercase(),
                        tags: page.tags.iter().map(|t| t.to_lowercase()).collect(),
                        id: skill.id.to_lowercase(),
                        summary: page.summary.to_lowercase(),
                        body: plain_text(&page.body).to_lowercase(),
                    }
                })
                .collect(),
        )
    }
}

/// The words of a markdown body, without its markup.
fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(&t);
            text.push(' ');
        }
    }
    text
}

/// Whether the characters of `needle` appear in order in `haystack` (the fuzzy match).
fn subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|c| rest.any(|h| h == c))
}

fn score_term(term: &str, entry: &Entry) -> Option<(u32, bool)> {
    let word_start = entry.title.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(term));
    let score = if word_start {
        100
    } else if entry.title.contains(term) {
        80
    } else if entry.tags.iter().any(|t| t == term) {
        60
    } else if entry.tags.iter().any(|t| t.contains(term)) || entry.id.contains(term) {
        40
    } else if term.chars().count() >= 2 && subsequence(term, &entry.title) {
        30
    } else if entry.summary.contains(term) {
        20
    } else if entry.body.contains(term) {
        return Some((10, true));
    } else {
        return None;
    };
    Some((score, false))
}

fn search(index: &Index, query: &str) -> Vec<Hit> {
    let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut hits: Vec<Hit> = index
        .0
        .iter()
        .enumerate()
        .filter_map(|(skill, entry)| {
            let mut score = 0;
            let mut body_term = None;
            for term in &terms {
                let (points, in_body) = score_term(term, entry)?;
                score += points;
                if in_body && body_term.is_none() {
                    body_term = Some(term.as_str());
                }
            }
            let snippet = body_term.map(|term| snippet(&entry.body, term));
            Some(Hit { skill, score, snippet })
        })
        .collect();
    // Best first; equal scores keep roadmap order.
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.skill.cmp(&b.skill)));
    hits
}

/// About 60 characters of `text` around the first `term`.
fn snippet(text: &str, term: &str) -> String {
    let at = text.find(term).unwrap_or(0);
    let start = text[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let end = text[at..].char_indices().nth(term.chars().count() + 30).map_or(text.len(), |(i, _)| at + i);
    let mut excerpt: String = text[start..end].split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        excerpt.insert(0, '…');
    }
    if end < text.len() {
        excerpt.push('…');
    }
    excerpt
}

impl App {
    pub(super) fn open_search(&mut self) {
        self.go(Screen::Search);
        if self.search.index.is_none() {
            self.search.index = Some(Index::build(&self.roadmap));
        }
        self.rerun_search();
    }

    fn rerun_search(&mut self) {
        if let Some(index) = &self.search.index {
            self.search.hits = search(index, &self.search.query);
        }
        self.search.selected = 0;
    }

    pub(super) fn search_update(&mut self, action: Action) -> Option<Effect> {
        let page = usize::from(self.area.height.saturating_sub(6)).max(1);
        match action {
            Action::Insert(c) => {
                self.search.query.push(c);
                self.rerun_search();
            }
            Action::DeleteBack => {
                self.search.query.pop();
                self.rerun_search();
            }
            Action::Open => {
                if let Some(hit) = self.search.hits.get(self.search.selected) {
                    let skill = hit.skill;
                    self.open_skill(skill);
                }
            }
            Action::Back => self.back(),
            motion => self.search.selected = moved(self.search.selected, self.search.hits.len(), motion, page),
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, tags: &[&str], body: &str) -> Entry {
        Entry {
            title: title.to_lowercase(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            id: format!("p/{}", title.to_lowercase().replace(' ', "-")),
            summary: String::new(),
            body: body.to_lowercase(),
        }
    }

    fn index() -> Index {
        Index(vec![
            entry("Git basics", &["git"], "commit small changes"),
            entry("GitHub workflow", &["git", "collaboration"], "pull requests"),
            entry("Docker", &["containers"], "images and commit layers"),
        ])
    }

    #[test]
    fn titles_beat_tags_beat_body_text() {
        let hits = search(&index(), "git");
        assert_eq!(hits.iter().map(|h| h.skill).collect::<Vec<_>>(), [0, 1]);
        let hits = search(&index(), "commit");
        assert_eq!(hits.iter().map(|h| h.skill).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(hits[1].snippet.as_deref(), Some("images and commit layers"));
    }

    #[test]
    fn fuzzy_on_titles_and_every_term_must_match() {
        assert_eq!(search(&index(), "dckr").iter().map(|h| h.skill).collect::<Vec<_>>(), [2]);
        assert_eq!(search(&index(), "git requests").iter().map(|h| h.skill).collect::<Vec<_>>(), [1]);
        assert!(search(&index(), "kubernetes").is_empty());
        assert_eq!(search(&index(), "").len(), 3, "an empty query lists everything");
    }
}
