//! The typed roadmap that the rest of the program reads: phases, skills and their links.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use super::index::IdIndex;
pub(crate) use super::pages::Pages;
use super::problem::Problem;

/// A skill's stable id: `<phase-folder>/<file-stem>` unless its front matter sets `id`.
pub type SkillId = String;

/// How much a skill matters for a first job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// On the shortest honest path to a first job.
    Core,
    /// Worth it once the core is in place.
    Stretch,
    /// For those who want to go further.
    Deep,
}

/// What sort of work a skill asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Concept,
    Practice,
    Project,
    Habit,
}

/// What sort of thing a resource link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResourceKind {
    Doc,
    Article,
    Video,
    Book,
    Course,
    Tool,
}

macro_rules! named_enum {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order the format documents them.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The word an author writes in YAML for this value.
            pub fn name(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }

            pub fn from_name(name: &str) -> Option<Self> {
                match name { $($name => Some($ty::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

named_enum!(Level { Core => "core", Stretch => "stretch", Deep => "deep" });
named_enum!(Kind { Concept => "concept", Practice => "practice", Project => "project", Habit => "habit" });
named_enum!(ResourceKind {
    Doc => "doc", Article => "article", Video => "video", Book => "book", Course => "course", Tool => "tool",
});

/// A link worth following for a skill.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    pub title: String,
    pub url: String,
    pub kind: ResourceKind,
}

/// A shell command that tells whether the learner's project does what a skill or milestone
/// asks: it passes when it exits 0, run in the learner's project folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// What passing shows, in a few words ("The tests pass").
    pub title: String,
    pub run: String,
    /// Seconds before the run is stopped and counted as failed: 1 to 3600, 60 unless set.
    pub timeout: u32,
}

/// A retrieval-practice question about a skill: one or several right choices, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question, in Markdown.
    pub q: String,
    /// A snippet shown with the question.
    pub code: Option<String>,
    /// 2 to 6 distinct texts.
    pub choices: Vec<String>,
    /// Indexes into `choices` of every right one, ascending; never all of them.
    pub answers: Vec<usize>,
    /// Why the right answer is right (and the tempting wrong one wrong), in Markdown.
    pub explain: String,
}

/// The project that closes a phase.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub title: String,
    pub description: String,
    pub checks: Vec<Check>,
}

/// One phase of the roadmap, in the order `roadmap.yaml` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    /// The folder name, which is also how `roadmap.yaml` lists it.
    pub id: String,
    pub title: String,
    /// The phase's goal in one sentence.
    pub goal: String,
    pub milestone: Option<Milestone>,
    /// The markdown after `phase.md`'s front matter.
    pub intro: String,
    /// Indexes into `Roadmap::skills`: contiguous, in learning order.
    pub skills: Range<usize>,
}

/// One skill's outline: what the next-step engine, progress and lists need. What it says
/// (summary, tags, resources, body) is its [`Page`], read only when something shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub id: SkillId,
    /// Index into `Roadmap::phases`.
    pub phase: usize,
    pub title: String,
    pub kind: Kind,
    pub level: Level,
    /// The author's estimate of the hours it takes.
    pub hours: f32,
    /// Indexes of prerequisite skills (resolved from ids and aliases).
    pub requires: Vec<usize>,
    /// How many checkpoints its page lists (the engine counts unticked ones).
    pub checkpoint_count: usize,
    /// Former ids whose progress belongs to this skill.
    pub aliases: Vec<String>,
    /// What verifies the learner's practice (the engine needs them without reading the page).
    pub checks: Vec<Check>,
    /// How many questions its page's quiz has.
    pub question_count: usize,
}

/// What a skill says: read when a screen or command shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// One line.
    pub summary: String,
    pub tags: Vec<String>,
    pub resources: Vec<Resource>,
    /// "I can ..." self-checks; progress records ticked ones by index.
    pub checkpoints: Vec<String>,
    /// Retrieval practice; `Skill::question_count` says how many without reading the page.
    pub quiz: Vec<Question>,
    /// The markdown body after the front matter.
    pub body: String,
    /// The file it came from, relative to the roadmap folder.
    pub source: String,
}

/// What `roadmap.yaml` says about the roadmap as a whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
}

/// A whole roadmap: validated, with skills ordered by phase and prerequisites.
#[derive(Debug)]
pub struct Roadmap {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    pub phases: Vec<Phase>,
    pub skills: Vec<Skill>,
    /// Files the loader skipped (`notes.markdown`, a `.md` in a folder inside a phase): worth
    /// telling an author, never a reason to refuse the roadmap. Sorted by file.
    pub warnings: Vec<Problem>,
    /// One per skill, in the same order.
    pages: Pages,
    /// The skills that list skill `i` in `requires` are `unlocked[unlocks_at[i]..unlocks_at[i + 1]]`:
    /// two allocations rather than one per skill.
    unlocks_at: Vec<usize>,
    unlocked: Vec<usize>,
    by_id: IdIndex,
    by_alias: HashMap<String, usize>,
}

impl PartialEq for Roadmap {
    fn eq(&self, other: &Roadmap) -> bool {
        (&self.id, &self.title, &self.summary, &self.audience, &self.phases, &self.skills, &self.warnings)
            == (&other.id, &other.title, &other.summary, &other.audience, &other.phases, &other.skills, &other.warnings)
            && (0..self.skills.len()).all(|i| self.page(i) == other.page(i))
    }
}

impl Roadmap {
    /// Builds the lookup tables; `skills` must already be grouped by phase as `phases` say,
    /// and `pages` hold one page per skill.
    pub(crate) fn new(
        header: Header,
        phases: Vec<Phase>,
        skills: Vec<Skill>,
        pages: Pages,
        warnings: Vec<Problem>,
    ) -> Self {
        let Header { id, title, summary, audience } = header;
        let mut unlocks_at = vec![0; skills.len() + 1];
        for skill in &skills {
            for &required in &skill.requires {
                unlocks_at[required + 1] += 1;
            }
        }
        for i in 1..unlocks_at.len() {
            unlocks_at[i] += unlocks_at[i - 1];
        }
        let mut unlocked = vec![0; unlocks_at[skills.len()]];
        let mut filled = unlocks_at.clone();
        for (index, skill) in skills.iter().enumerate() {
            for &required in &skill.requires {
                unlocked[filled[required]] = index;
                filled[required] += 1;
            }
        }
        let by_id = IdIndex::new(&skills, |s| &s.id);
        let by_alias =
            skills.iter().enumerate().flat_map(|(i, s)| s.aliases.iter().map(move |a| (a.clone(), i))).collect();
        Roadmap { id, title, summary, audience, phases, skills, warnings, pages, unlocks_at, unlocked, by_id, by_alias }
    }

    /// What a skill says. A roadmap from the cache reads a page when it is first asked for.
    pub fn page(&self, skill: usize) -> &Page {
        self.pages.get(skill)
    }

    /// Every skill's page in order, for a pass over all of them (search): pages not read yet
    /// stream through without staying in memory.
    pub fn each_page(&self, f: impl FnMut(usize, &Page)) {
        self.pages.each(f);
    }

    /// The index of the skill with this exact id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(&self.skills, |s| &s.id, id)
    }

    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.index_of(id).map(|i| &self.skills[i])
    }

    /// The skill an old id now belongs to, through `aliases`.
    pub fn alias_target(&self, alias: &str) -> Option<usize> {
        self.by_alias.get(alias).copied()
    }

    /// Resolves what a learner typed, trying in turn: the id or an alias as written; the id in
    /// any case; the unique skill whose id ends in `/<query>` (`git-basics` finds
    /// `foundations/git-basics`); the unique skill whose title has every word of the query
    /// (`linux` finds "The Linux command line"). `Err` holds the candidates when several fit
    /// at the first step that found any, and is empty when nothing fits.
    pub fn find(&self, query: &str) -> Result<usize, Vec<usize>> {
        if let Some(index) = self.index_of(query).or_else(|| self.alias_target(query)) {
            return Ok(index);
        }
        let folded = fold(query);
        let suffix = format!("/{folded}");
        let wanted: Vec<String> = words(query).collect();
        let steps: [&dyn Fn(&Skill) -> bool; 3] =
            [&|s| fold(&s.id) == folded, &|s| fold(&s.id).ends_with(&suffix), &|s| {
                !wanted.is_empty() && wanted.iter().all(|w| words(&s.title).any(|t| t == *w))
            }];
        for fits in steps {
            let found: Vec<usize> = (0..self.skills.len()).filter(|&i| fits(&self.skills[i])).collect();
            match found.len() {
                0 => continue,
                1 => return Ok(found[0]),
                _ => return Err(found),
            }
        }
        Err(Vec::new())
    }

    /// Up to `n` ids close to a mistyped one, closest first.
    pub fn closest_ids(&self, query: &str, n: usize) -> Vec<&str> {
        super::similar::closest(query, self.skills.iter().map(|s| s.id.as_str()), n)
    }

    /// Skills that list this one in `requires`.
    pub fn unlocks(&self, skill: usize) -> &[usize] {
        &self.unlocked[self.unlocks_at[skill]..self.unlocks_at[skill + 1]]
    }

    /// The skills of one phase, in learning order.
    pub fn phase_skills(&self, phase: usize) -> &[Skill] {
        &self.skills[self.phases[phase].skills.clone()]
    }
}

/// Text compared without regard to case.
fn fold(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// The words of a title or a query, case folded: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(fold)
}
