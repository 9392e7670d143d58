//! Search across all phases: live, fuzzy on titles, plain on tags, ids and text. The index
//! (the text of every skill, as written and lowercased) is built the first time search opens;
//! a letter typed onto the query looks only through the skills that matched before it.

use std::collections::HashSet;
use std::num::NonZeroU32;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::field::{Edit, Field};
use super::map::moved;
use super::{Action, App, Effect, Screen};
use crate::content::Roadmap;
use crate::text::wrap;

/// One result: a skill, how well it matched, and which term matched only in its text. Small,
/// since a query keeps one list per letter typed (sixteen bytes a skill).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub skill: usize,
    pub score: u32,
    /// Which of the query's terms (counting from one) was found only in the body, for a
    /// snippet around it. The hits shown are always those of the query in the box.
    body_term: Option<NonZeroU32>,
}

/// The search box and its results.
#[derive(Debug, Default)]
pub struct SearchState {
    /// The query, as typed; it opens selected, so typing starts a new search.
    pub field: Field,
    pub hits: Vec<Hit>,
    pub selected: usize,
    index: Option<Index>,
    /// The results of each shorter query typed on the way to this one, so Backspace is
    /// instant and each new letter searches only what still matched.
    earlier: Vec<(String, Vec<Hit>)>,
}

impl SearchState {
    pub fn query(&self) -> &str {
        self.field.text()
    }

    /// The query's words, lowercased, as they are matched.
    pub fn terms(&self) -> Vec<String> {
        terms(self.query())
    }

    /// The skill's text around the term it matched, as written, in at most `width` columns,
    /// when only its text matched. Worked out from the page for the rows on screen, not kept
    /// for every skill: the index holds the text once, lowercased.
    pub fn snippet(&self, roadmap: &Roadmap, hit: &Hit, width: usize) -> Option<String> {
        let terms = self.terms();
        let term = terms.get(hit.body_term?.get() as usize - 1)?;
        Some(snippet(&plain_text(&roadmap.page(hit.skill).body), term, width))
    }
}

/// What is searched, per skill, lowercased once.
#[derive(Debug)]
struct Entry {
    title: String,
    tags: Vec<String>,
    id: String,
    summary: String,
    /// The body's words without markup (`plain_text`), each once (`distinct_words`).
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
                body: distinct_words(&plain_text(&page.body).to_lowercase()),
            });
        });
        Index(entries)
    }
}

/// The distinct words of `text` (split at whitespace), each once, one to a line. A term without
/// whitespace (a query's terms never hold any) is in the result exactly when it is in `text`:
/// every place it appears lies inside one word. Prose repeats its words, so this keeps the
/// index of every skill's text in far less memory than the text.
fn distinct_words(text: &str) -> String {
    let mut seen = HashSet::new();
    let mut words = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if seen.insert(word) {
            if !words.is_empty() {
                words.push('\n');
            }
            words.push_str(word);
        }
    }
    words.shrink_to_fit();
    words
}

/// The words of a markdown body without its markup: each paragraph, list item, heading,
/// table row and code line on a line of its own (so a snippet never runs two together), a
/// table's cells separated by ` · `.
fn plain_text(markdown: &str) -> String {
    fn new_line(text: &mut String) {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
    }
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::TableCell) if !text.is_empty() && !text.ends_with('\n') => text.push_str(" · "),
            Event::Start(Tag::TableCell | Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. })
            | Event::End(
                TagEnd::TableCell | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            ) => {}
            Event::Start(_) | Event::End(_) | Event::Rule => new_line(&mut text),
            _ => {}
        }
    }
    text
}

/// The query's words, lowercased.
fn terms(query: &str) -> Vec<String> {
    query.split_whitespace().map(str::to_lowercase).collect()
}

/// Where `term` (lowercase) first appears in `text` in any case, as a byte range of `text`.
pub fn find_ignoring_case(text: &str, term: &str) -> Option<std::ops::Range<usize>> {
    let term: Vec<char> = term.chars().collect();
    let first = *term.first()?;
    text.char_indices().find_map(|(start, c)| {
        if !c.to_lowercase().any(|l| l == first) {
            return None;
        }
        // Compare lowercased character by character; a match ends after the character whose
        // lowercase finishes the term.
        let mut matched = 0;
        for (offset, c) in text[start..].char_indices() {
            for l in c.to_lowercase() {
                if matched == term.len() {
                    break;
                }
                if l != term[matched] {
                    return None;
                }
                matched += 1;
            }
            if matched == term.len() {
                return Some(start..start + offset + c.len_utf8());
            }
        }
        None
    })
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
    let terms = terms(query);
    let score = |skill: usize| {
        let entry = &index.0[skill];
        let mut score = 0;
        let mut body_term = None;
        for (position, term) in terms.iter().enumerate() {
            let (points, in_body) = score_term(term, entry)?;
            score += points;
            if in_body && body_term.is_none() {
                body_term = u32::try_from(position + 1).ok().and_then(NonZeroU32::new);
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

/// The line of `text` where `term` first appears, as written (runs of spaces made one), cut
/// to `width` columns around the match: a third of the room before it, the rest after, with
/// `…` where text was left out.
fn snippet(text: &str, term: &str, width: usize) -> String {
    let Some(found) = find_ignoring_case(text, term) else { return String::new() };
    let start = text[..found.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[found.end..].find('\n').map_or(text.len(), |i| found.end + i);
    let squeeze = |part: &str| {
        let words = part.split_whitespace().collect::<Vec<_>>().join(" ");
        let lead = if part.starts_with(char::is_whitespace) && !words.is_empty() { " " } else { "" };
        let tail = if part.ends_with(char::is_whitespace) && !words.is_empty() { " " } else { "" };
        format!("{lead}{words}{tail}")
    };
    let before = squeeze(&text[start..found.start]);
    let matched = &text[found.clone()];
    let after = squeeze(&text[found.end..end]);
    let before = before.trim_start();
    let after = after.trim_end();
    let room = width.saturating_sub(wrap::width(matched));
    // The words just before the match, as many as a third of the room holds (all of them when
    // what follows is short).
    let wanted_after = wrap::width(after).min(room - room / 3);
    let before_room = room.saturating_sub(wanted_after);
    let before = if wrap::width(before) <= before_room {
        before.to_string()
    } else {
        let mut kept: Vec<char> = Vec::new();
        let mut used = 1;
        for c in before.chars().rev() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > before_room {
                break;
            }
            used += w;
            kept.push(c);
        }
        let kept: String = kept.into_iter().rev().collect();
        // Start at a word when one begins in what is kept.
        let kept = match kept.find(' ') {
            Some(space) if space + 1 < kept.len() => kept[space + 1..].trim_start(),
            _ => kept.as_str(),
        };
        format!("…{kept}")
    };
    let after_room = width.saturating_sub(wrap::width(&before) + wrap::width(matched));
    let mut cut = wrap::truncate(after, after_room);
    if cut != after {
        // End at a whole word when one fits: "inside a…", not "inside a Doc…".
        cut.pop();
        let word_cut = !after[cut.len()..].starts_with(char::is_whitespace);
        if let Some(space) = cut.rfind(char::is_whitespace).filter(|&space| word_cut && space > 0) {
            cut.truncate(space);
        }
        cut = format!("{}…", cut.trim_end());
    }
    format!("{before}{matched}{cut}")
}

impl App {
    /// Opens search with the last query selected: Enter or the arrows go back to its results,
    /// and the first letter typed starts a new search.
    pub(super) fn open_search(&mut self) {
        self.go(Screen::Search);
        if self.search.index.is_none() {
            self.search.index = Some(Index::build(&self.roadmap));
        }
        self.search.field = Field::selected(self.search.query());
        self.rerun_search();
    }

    fn rerun_search(&mut self) {
        if let Some(index) = &self.search.index {
            self.search.hits = search(index, self.search.query(), None);
        }
        self.search.earlier.clear();
        self.search.selected = 0;
    }

    /// A letter more at the end: only the skills that matched before can match now.
    fn narrow_search(&mut self, previous: String) {
        let state = &mut self.search;
        if let Some(index) = &state.index {
            let hits = search(index, state.field.text(), Some(&state.hits));
            state.earlier.push((previous, std::mem::replace(&mut state.hits, hits)));
        }
        state.selected = 0;
    }

    /// A letter less at the end: the results this query had on the way in, or a fresh search.
    fn widen_search(&mut self) {
        match self.search.earlier.pop() {
            Some((query, hits)) if query == self.search.query() => {
                self.search.hits = hits;
                self.search.selected = 0;
            }
            _ => self.rerun_search(),
        }
    }

    pub(super) fn search_update(&mut self, action: Action) -> Option<Effect> {
        let page = self.geometry.search_page.max(1);
        let previous = self.search.query().to_string();
        if let Some(edit) = self.search.field.edit(&action) {
            match edit {
                Edit::Appended => self.narrow_search(previous),
                Edit::Popped => self.widen_search(),
                Edit::Changed => self.rerun_search(),
                Edit::Moved => {}
            }
            return None;
        }
        match action {
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
            body: distinct_words(&body.to_lowercase()),
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
        let hits = search(&index(), "commit", None);
        assert_eq!(hits.iter().map(|h| h.skill).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(hits[1].body_term, NonZeroU32::new(1), "Docker matched in its text: a snippet shows it");
        let titles = search(&index(), "git", None);
        assert_eq!(titles[0].body_term, None, "a title match needs no snippet");
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

    const BODY: &str = "\
## Why it matters

Backend code runs on machines you never sit in front of. You reach them through a shell: over \
SSH, inside a Docker container, in a CI log.

- `ls` lists a folder
- `cd` changes it

| Command | What it does |
|---|---|
| `pwd` | prints the folder |

```sh
    docker   ps -a
```
";

    #[test]
    fn the_text_keeps_its_case_and_each_block_on_its_own_line() {
        assert_eq!(
            plain_text(BODY),
            "Why it matters\nBackend code runs on machines you never sit in front of. You reach them through a \
             shell: over SSH, inside a Docker container, in a CI log.\nls lists a folder\ncd changes it\n\
             Command · What it does\npwd · prints the folder\n    docker   ps -a\n"
        );
    }

    #[test]
    fn snippets_show_the_line_as_written_around_the_match() {
        let text = plain_text(BODY);
        let cases = [
            ("docker", 60, "…a shell: over SSH, inside a Docker container, in a CI log."),
            ("docker", 40, "…inside a Docker container, in a CI log."),
            ("shell", 30, "…a shell: over SSH, inside a…"),
            ("reach", 30, "…You reach them through a…"),
            ("lists", 60, "ls lists a folder"),
            ("changes", 60, "cd changes it"),
            ("prints", 60, "pwd · prints the folder"),
            ("ps", 60, "docker ps -a"),
            ("matters", 8, "…matters"),
        ];
        for (term, width, expected) in cases {
            let found = snippet(&text, term, width);
            assert_eq!(found, expected, "{term} in {width}");
            assert!(wrap::width(&found) <= width, "{found:?} is wider than {width}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_distinct_words_hold_every_term_the_text_holds(
            text in "[a-c \n\t,.é]{0,60}",
            term in "[a-c,.é]{1,4}",
        ) {
            proptest::prop_assert_eq!(distinct_words(&text).contains(&term), text.contains(&term));
        }
    }

    #[test]
    fn the_index_keeps_each_word_of_a_text_once() {
        assert_eq!(distinct_words("the cat, the  hat\nand the cat,"), "the\ncat,\nhat\nand");
        assert_eq!(distinct_words(" \n "), "");
    }

    #[test]
    fn matches_ignore_case_and_report_where_they_are_in_the_text() {
        assert_eq!(find_ignoring_case("over SSH, inside", "ssh"), Some(5..8));
        assert_eq!(find_ignoring_case("İstanbul", "i̇s"), Some(0..3), "a letter lowercasing to two");
        assert_eq!(find_ignoring_case("Straße", "straße"), Some(0..7));
        assert_eq!(find_ignoring_case("nothing", "docker"), None);
        assert_eq!(find_ignoring_case("anything", ""), None);
    }
}
