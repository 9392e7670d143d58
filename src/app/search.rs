//! Search across all phases: live, fuzzy on titles, plain on tags, ids and text. The index
//! (lowercased text of every skill) is built the first time search opens; a letter typed
//! onto the query looks only through the skills that matched before it.

use pulldown_cmark::{Event, Parser};

use super::map::moved;
use super::{Action, App, Effect, Screen};
use crate::content::Roadmap;

/// One result: a skill, how well it matched, and which term matched only in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub skill: usize,
    pub score: u32,
    /// The query term found only in the body, for a snippet around it.
    body_term: Option<String>,
}

/// The search box and its results.
#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    index: Option<Index>,
    /// The results of each shorter query typed on the way to this one, so Backspace is
    /// instant and each new letter searches only what still matched.
    earlier: Vec<(String, Vec<Hit>)>,
}

impl SearchState {
    /// About 60 characters of the skill's text around the term it matched, when only its text
    /// matched. Worked out for the rows on screen, not for every hit.
    pub fn snippet(&self, hit: &Hit) -> Option<String> {
        let (index, term) = (self.index.as_ref()?, hit.body_term.as_ref()?);
        Some(snippet(&index.0[hit.skill].body, term))
    }
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
    /// One pass over every page; pages not read yet stream through and are not kept.
    fn build(roadmap: &Roadmap) -> Index {
        let mut entries = Vec::with_capacity(roadmap.skills.len());
        roadmap.each_page(|index, page| {
            let skill = &roadmap.skills[index];
            entries.push(Entry {
                title: skill.title.to_lowercase(),
                tags: page.tags.iter().map(|t| t.to_lowercase()).collect(),
                id: skill.id.to_lowercase(),
                summary: page.summary.to_lowercase(),
                body: plain_text(&page.body).to_lowercase(),
            });
        });
        Index(entries)
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

/// The skills matching every term of `query`, best first, looking only at `among` (a
/// query's results include those of any longer query that starts with it).
fn search(index: &Index, query: &str, among: Option<&[Hit]>) -> Vec<Hit> {
    let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let score = |skill: usize| {
        let entry = &index.0[skill];
        let mut score = 0;
        let mut body_term = None;
        for term in &terms {
            let (points, in_body) = score_term(term, entry)?;
            score += points;
            if in_body && body_term.is_none() {
                body_term = Some(term.clone());
            }
        }
        Some(Hit { skill, score, body_term })
    };
    let mut hits: Vec<Hit> = match among {
        Some(earlier) => earlier.iter().filter_map(|hit| score(hit.skill)).collect(),
        None => (0..index.0.len()).filter_map(score).collect(),
    };
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
            self.search.hits = search(index, &self.search.query, None);
        }
        self.search.earlier.clear();
        self.search.selected = 0;
    }

    /// A letter more: only the skills that matched before can match now.
    fn narrow_search(&mut self, c: char) {
        let state = &mut self.search;
        let previous = state.query.clone();
        state.query.push(c);
        if let Some(index) = &state.index {
            let hits = search(index, &state.query, Some(&state.hits));
            state.earlier.push((previous, std::mem::replace(&mut state.hits, hits)));
        }
        state.selected = 0;
    }

    /// A letter less: the results this query had on the way in, or a fresh search.
    fn widen_search(&mut self) {
        self.search.query.pop();
        match self.search.earlier.pop() {
            Some((query, hits)) if query == self.search.query => {
                self.search.hits = hits;
                self.search.selected = 0;
            }
            _ => self.rerun_search(),
        }
    }

    pub(super) fn search_update(&mut self, action: Action) -> Option<Effect> {
        let page = self.geometry.search_page.max(1);
        match action {
            Action::Insert(c) => self.narrow_search(c),
            Action::DeleteBack => self.widen_search(),
            Action::Open => {
                if let Some(hit) = self.search.hits.get(self.search.selected) {
                    let skill = hit.skill;
                    self.open_skill(skill);
                }
            }
            Action::Back => self.back(),
            motion => self.search.selected = moved(self.search.selected, self.search.hits.len(), &motion, page),
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

    fn skills(query: &str) -> Vec<usize> {
        search(&index(), query, None).iter().map(|h| h.skill).collect()
    }

    #[test]
    fn titles_beat_tags_beat_body_text() {
        assert_eq!(skills("git"), [0, 1]);
        let state = SearchState { hits: search(&index(), "commit", None), index: Some(index()), ..Default::default() };
        assert_eq!(state.hits.iter().map(|h| h.skill).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(state.snippet(&state.hits[1]).as_deref(), Some("images and commit layers"));
        let titles = SearchState { hits: search(&index(), "git", None), index: Some(index()), ..Default::default() };
        assert_eq!(titles.snippet(&titles.hits[0]), None, "a title match needs no snippet");
    }

    #[test]
    fn fuzzy_on_titles_and_every_term_must_match() {
        assert_eq!(skills("dckr"), [2]);
        assert_eq!(skills("git requests"), [1]);
        assert!(skills("kubernetes").is_empty());
        assert_eq!(skills("").len(), 3, "an empty query lists everything");
    }

    #[test]
    fn narrowing_by_each_letter_finds_what_a_fresh_search_finds() {
        for query in ["git", "git r", "gi co", "dckr", "commit", "c", "kub"] {
            let mut hits = search(&index(), "", None);
            for end in 1..=query.len() {
                hits = search(&index(), &query[..end], Some(&hits));
            }
            assert_eq!(hits, search(&index(), query, None), "{query}");
        }
    }
}
