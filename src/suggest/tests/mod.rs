//! Scenario tests of the engine on small roadmaps written to a temp folder and loaded with the
//! real loader, so ids, order and links are exactly what an author would get.

mod pace;
mod review;
mod scenarios;

use std::fmt::Write as _;

use crate::content::{self, Roadmap, Source};
use crate::progress::{Date, Progress, Status};

use super::{Advice, Suggestion, advise};

pub fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// Today in every scenario, as in the CLI tests.
pub fn today() -> Date {
    date("2026-11-21")
}

/// A roadmap folder written file by file; skills go into the phase added last.
pub struct Build {
    dir: tempfile::TempDir,
    phases: Vec<String>,
}

impl Build {
    pub fn new() -> Build {
        Build { dir: tempfile::tempdir().unwrap(), phases: Vec::new() }
    }

    pub fn phase(mut self, id: &str, title: &str, milestone: Option<&str>) -> Build {
        std::fs::create_dir(self.dir.path().join(id)).unwrap();
        let mut text = format!("---\ntitle: {title}\ngoal: Learn {title}.\n");
        if let Some(milestone) = milestone {
            let _ = write!(text, "milestone:\n  title: {milestone}\n  description: Build it.\n");
        }
        text.push_str("---\nIntro.\n");
        std::fs::write(self.dir.path().join(id).join("phase.md"), text).unwrap();
        self.phases.push(id.to_string());
        self
    }

    pub fn skill(self, name: &str, title: &str, level: &str, hours: f32, requires: &[&str]) -> Build {
        self.skill_with_checkpoints(name, title, level, hours, requires, 0)
    }

    pub fn skill_with_checkpoints(
        self,
        name: &str,
        title: &str,
        level: &str,
        hours: f32,
        requires: &[&str],
        checkpoints: usize,
    ) -> Build {
        let phase = self.phases.last().expect("a phase before its skills");
        let mut text = format!(
            "---\ntitle: {title}\nsummary: About {title}.\nkind: concept\nlevel: {level}\nhours: {hours}\nrequires: [{}]\n",
            requires.join(", ")
        );
        if checkpoints > 0 {
            let list: Vec<String> = (1..=checkpoints).map(|n| format!("\"I can do part {n}.\"")).collect();
            let _ = writeln!(text, "checkpoints: [{}]", list.join(", "));
        }
        text.push_str("---\n## Why it matters\nBecause.\n");
        std::fs::write(self.dir.path().join(phase).join(format!("{name}.md")), text).unwrap();
        self
    }

    pub fn load(self) -> Roadmap {
        let yaml = format!("id: test\ntitle: Test\nsummary: A test roadmap.\nphases: [{}]\n", self.phases.join(", "));
        std::fs::write(self.dir.path().join("roadmap.yaml"), yaml).unwrap();
        match content::load(&Source::Dir(self.dir.path().to_path_buf())) {
            Ok(roadmap) => roadmap,
            Err(problems) => panic!("test roadmap does not load:\n{problems}"),
        }
    }
}

/// The roadmap most scenarios share. Unlocks: Setup 1, Syntax 3 (Loops, Style, SQL),
/// Thinking 2 (Loops, API), Loops 2 (Internals, HTTP).
pub fn school() -> Roadmap {
    Build::new()
        .phase("basics", "Basics", Some("A tiny tool"))
        .skill_with_checkpoints("setup", "Setup", "core", 4.0, &[], 2)
        .skill("syntax", "Syntax", "core", 6.0, &["basics/setup"])
        .skill_with_checkpoints("thinking", "Thinking", "core", 3.0, &[], 1)
        .skill("loops", "Loops", "core", 5.0, &["basics/syntax", "basics/thinking"])
        .skill("style", "Style", "stretch", 2.0, &["basics/syntax"])
        .skill("internals", "Internals", "deep", 8.0, &["basics/loops"])
        .phase("web", "Web", Some("A small API"))
        .skill("http", "HTTP", "core", 6.0, &["basics/loops"])
        .skill("sql", "SQL", "core", 8.0, &["basics/syntax"])
        .skill("api", "API", "core", 10.0, &["web/http", "web/sql", "basics/thinking"])
        .skill("cache", "Caching", "stretch", 4.0, &["web/api"])
        .load()
}

/// Progress from short lines: `id status [date] [reviewed date] [ticked 0,1]`, where the date
/// is when a skill was started (doing) or finished (done); `milestone PHASE status [date]`.
pub fn progress(lines: &[&str]) -> Progress {
    let mut progress = Progress::default();
    for line in lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let ["milestone", phase, status, rest @ ..] = words.as_slice() {
            let when = rest.first().map_or(today(), |d| date(d));
            progress.set_milestone(phase, status_named(status), when);
            continue;
        }
        let [id, status, rest @ ..] = words.as_slice() else { panic!("bad progress line {line}") };
        let when = rest.first().filter(|w| w.contains('-')).map_or(today(), |d| date(d));
        progress.set_status(id, status_named(status), when);
        for pair in rest.windows(2) {
            match pair {
                ["reviewed", day] => progress
                    .add_review(id, crate::progress::Review { date: date(day), grade: crate::progress::Grade::Good }),
                ["ticked", list] => list.split(',').for_each(|n| progress.toggle_checkpoint(id, n.parse().unwrap())),
                _ => {}
            }
        }
    }
    progress
}

fn status_named(name: &str) -> Status {
    *Status::ALL.iter().find(|s| s.name() == name).unwrap_or_else(|| panic!("no status {name}"))
}

/// `kind id: reason`, as a scenario expects it.
fn suggestion_line(roadmap: &Roadmap, suggestion: &Suggestion) -> String {
    format!("{} {}: {}", suggestion.kind.name(), suggestion.target.id(roadmap), suggestion.reason)
}

/// What the learner would see, in order: next steps, warnings (`id: message`, `-` for none),
/// reviews.
pub struct Seen {
    pub next: Vec<String>,
    pub warnings: Vec<String>,
    pub reviews: Vec<String>,
}

pub fn seen(roadmap: &Roadmap, advice: &Advice) -> Seen {
    Seen {
        next: advice.next.iter().map(|s| suggestion_line(roadmap, s)).collect(),
        warnings: advice
            .warnings
            .iter()
            .map(|w| format!("{}: {}", w.skill.map_or("-", |i| roadmap.skills[i].id.as_str()), w.message))
            .collect(),
        reviews: advice.reviews.iter().map(|s| suggestion_line(roadmap, s)).collect(),
    }
}

/// Runs the engine twice (same input, same output) and compares every list exactly.
pub fn check(roadmap: &Roadmap, progress: &Progress, next: &[&str], warnings: &[&str], reviews: &[&str]) {
    let advice = advise(roadmap, progress, today());
    assert_eq!(advice, advise(roadmap, progress, today()), "same input, same output");
    let seen = seen(roadmap, &advice);
    assert_eq!(seen.next, next, "next steps");
    assert_eq!(seen.warnings, warnings, "warnings");
    assert_eq!(seen.reviews, reviews, "reviews");
}
