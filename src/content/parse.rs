//! Per-file parsing: `roadmap.yaml`, `phase.md` and skill files into drafts that still carry
//! the lines needed for cross-file checks. Each function is pure over one file's text.

use super::fields::{Doc, Fields, Owner};
use super::frontmatter;
use super::model::{Check, Kind, Level, Milestone, Question, Resource, ResourceKind};
use super::practice;
use super::problem::Problem;
use super::url::check_url;

/// A text value and the file line it was written on.
pub type Located = (String, usize);

/// `roadmap.yaml`, parsed.
#[derive(Debug, Default)]
pub struct RoadmapDraft {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub audience: String,
    pub phases: Vec<Located>,
    /// Line of the `phases:` key, where problems about the list as a whole are reported.
    pub phases_line: usize,
}

/// A `phase.md`, parsed.
#[derive(Debug, Default)]
pub struct PhaseDraft {
    pub title: String,
    pub goal: String,
    pub milestone: Option<Milestone>,
    pub intro: String,
}

/// A skill file, parsed.
#[derive(Debug)]
pub struct SkillDraft {
    /// The id set in front matter, if any.
    pub id: Option<Located>,
    pub title: String,
    pub summary: String,
    pub kind: Kind,
    pub level: Level,
    pub hours: f32,
    pub requires: Vec<Located>,
    pub tags: Vec<String>,
    pub resources: Vec<Resource>,
    pub checkpoints: Vec<String>,
    pub aliases: Vec<Located>,
    pub checks: Vec<Check>,
    pub quiz: Vec<Question>,
    pub body: String,
}

const ROADMAP_FIELDS: &[&str] = &["id", "title", "summary", "audience", "phases"];
const PHASE_FIELDS: &[&str] = &["title", "goal", "milestone"];
const MILESTONE_FIELDS: &[&str] = &["title", "description", "checks"];
const MILESTONE_REQUIRED: &[&str] = &["title", "description"];
pub const SKILL_FIELDS: &[&str] = &[
    "id",
    "title",
    "summary",
    "kind",
    "level",
    "hours",
    "requires",
    "tags",
    "resources",
    "checkpoints",
    "aliases",
    "checks",
    "quiz",
];
const SKILL_REQUIRED: &[&str] = &["title", "summary", "kind", "level", "hours"];
const RESOURCE_FIELDS: &[&str] = &["title", "url", "kind"];

pub fn roadmap(path: &str, text: &str) -> (Option<RoadmapDraft>, Vec<Problem>) {
    let mut doc = Doc::new(path, 1, text.lines().count().max(1));
    let draft = doc.parse(text).and_then(|root| {
        let map = doc.mapping(&root, root.line, Owner::TOP, "roadmap.yaml")?;
        doc.check_keys(map, ROADMAP_FIELDS, &["id", "title", "phases"]);
        let id = doc.text(map, "id", true);
        let title = doc.text(map, "title", true);
        let phases = doc.text_list(map, "phases");
        let phases_line = doc.line(map.get("phases").map_or(map.line, |(key, _)| key.line));
        if map.get("phases").is_some() && phases.is_empty() && doc.problems.iter().all(|p| p.line != phases_line) {
            doc.problems.push(Problem::new(
                path,
                phases_line,
                "`phases` lists no phases: name each phase folder in order",
            ));
        }
        Some(RoadmapDraft {
            id: id.unwrap_or_default(),
            title: title.unwrap_or_default(),
            summary: doc.text(map, "summary", false).unwrap_or_default(),
            audience: doc.text(map, "audience", false).unwrap_or_default(),
            phases,
            phases_line,
        })
    });
    (draft, doc.problems)
}

pub fn phase(path: &str, text: &str) -> (Option<PhaseDraft>, Vec<Problem>) {
    let fm = match frontmatter::split(text) {
        Ok(fm) => fm,
        Err(missing) => return (None, vec![Problem::new(path, 1, missing.message())]),
    };
    let mut doc = Doc::new(path, fm.yaml_first_line, fm.closing_line());
    let draft = doc.parse(fm.yaml).and_then(|root| {
        let map = doc.mapping(&root, root.line, Owner::TOP, "front matter")?;
        doc.check_keys(map, PHASE_FIELDS, &["title", "goal"]);
        let title = doc.text(map, "title", true);
        let goal = doc.text(map, "goal", true);
        let milestone = milestone(&mut doc, map);
        Some(PhaseDraft {
            title: title.unwrap_or_default(),
            goal: goal.unwrap_or_default(),
            milestone,
            intro: fm.body.to_string(),
        })
    });
    (draft, doc.problems)
}

fn milestone(doc: &mut Doc, map: Fields) -> Option<Milestone> {
    let (key, value) = map.get("milestone")?;
    if value.value.is_null() {
        return None;
    }
    let inner = doc.mapping(value, key.line, Owner::named("milestone"), "`milestone`")?;
    doc.check_keys(inner, MILESTONE_FIELDS, MILESTONE_REQUIRED);
    let title = doc.text(inner, "title", true);
    let description = doc.text(inner, "description", true);
    let checks = practice::checks(doc, inner, "milestone check");
    Some(Milestone { title: title?, description: description?, checks })
}

pub fn skill(path: &str, text: &str) -> (Option<SkillDraft>, Vec<Problem>) {
    let fm = match frontmatter::split(text) {
        Ok(fm) => fm,
        Err(missing) => return (None, vec![Problem::new(path, 1, missing.message())]),
    };
    let mut doc = Doc::new(path, fm.yaml_first_line, fm.closing_line());
    let Some(root) = doc.parse(fm.yaml) else { return (None, doc.problems) };
    let Some(map) = doc.mapping(&root, root.line, Owner::TOP, "front matter") else { return (None, doc.problems) };
    doc.check_keys(map, SKILL_FIELDS, SKILL_REQUIRED);
    let id = doc.text(map, "id", false).map(|id| (id, map.get("id").map_or(1, |(key, _)| doc.line(key.line))));
    let title = doc.text(map, "title", true);
    let summary = doc.text(map, "summary", true);
    let kind = doc.choice(map, "kind", Kind::ALL, Kind::name);
    let level = doc.choice(map, "level", Level::ALL, Level::name);
    let hours = doc.hours(map, "hours");
    let requires = doc.text_list(map, "requires");
    let tags = doc.text_list(map, "tags").into_iter().map(|(tag, _)| tag).collect();
    let resources = resources(&mut doc, map);
    let checkpoints = doc.text_list(map, "checkpoints").into_iter().map(|(c, _)| c).collect();
    let aliases = doc.text_list(map, "aliases");
    let checks = practice::checks(&mut doc, map, "check");
    let quiz = practice::quiz(&mut doc, map);
    // Missing or wrong fields are already reported; a draft with defaults still lets the
    // cross-file checks (ids, prerequisites, cycles) report what else is wrong.
    let draft = SkillDraft {
        id,
        title: title.unwrap_or_default(),
        summary: summary.unwrap_or_default(),
        kind: kind.unwrap_or(Kind::Concept),
        level: level.unwrap_or(Level::Core),
        hours: hours.unwrap_or_default(),
        requires,
        tags,
        resources,
        checkpoints,
        aliases,
        checks,
        quiz,
        body: fm.body.to_string(),
    };
    (Some(draft), doc.problems)
}

fn resources(doc: &mut Doc, map: Fields) -> Vec<Resource> {
    let items = doc.list(map, "resources");
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let owner = Owner::item("resource", index);
        let Some(fields) = doc.mapping(item, item.line, owner, &owner.to_string()) else { continue };
        doc.check_keys(fields, RESOURCE_FIELDS, RESOURCE_FIELDS);
        let title = doc.text(fields, "title", true);
        let url = doc.text(fields, "url", true);
        let kind = doc.choice(fields, "kind", ResourceKind::ALL, ResourceKind::name);
        if let (Some(url), Some((at, _))) = (&url, fields.get("url"))
            && let Err(why) = check_url(url)
        {
            doc.report(at.line, format!("{owner}: {why}"));
        }
        if let (Some(title), Some(url), Some(kind)) = (title, url, kind) {
            out.push(Resource { title, url, kind });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKILL: &str = "---
title: Git basics
summary: Commit small, named changes.
kind: practice
level: core
hours: 8
requires: [foundations/terminal-basics]
tags: [git]
resources:
  - { title: Pro Git, url: \"https://git-scm.com/book\", kind: book }
checkpoints:
  - I can commit.
---
## Why it matters
";

    #[test]
    fn parses_a_complete_skill() {
        let (draft, problems) = skill("s.md", SKILL);
        assert!(problems.is_empty(), "{problems:?}");
        let draft = draft.unwrap();
        assert_eq!(draft.title, "Git basics");
        assert_eq!(draft.level, Level::Core);
        assert_eq!(draft.requires, vec![("foundations/terminal-basics".to_string(), 7)]);
        assert_eq!(draft.resources[0].kind, ResourceKind::Book);
        assert_eq!(draft.body, "## Why it matters\n");
    }

    #[test]
    fn yaml_syntax_errors_are_counted_from_the_top_of_the_file() {
        let text = "---\ntitle: a\nsummary: [unclosed\nkind: concept\n---\n";
        let (draft, problems) = skill("s.md", text);
        assert!(draft.is_none());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].line >= 3, "{problems:?}");
        assert!(problems[0].message.starts_with("YAML syntax: "), "{problems:?}");
    }
}
