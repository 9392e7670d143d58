//! Cross-file checks and assembly: phases against folders, ids, prerequisites, cycles, and
//! the learning order of skills within each phase.

use std::collections::{HashMap, HashSet};

use super::model::{Header, Page, Phase, Roadmap, Skill};
use super::pages::Pages;
use super::parse::{self, PhaseDraft, RoadmapDraft, SkillDraft};
use super::problem::{Problem, Problems};
use super::source::{RawDir, RawFile, RawTree, join};

/// A parsed skill file waiting for its id to be checked and its prerequisites resolved.
struct Entry {
    id: String,
    id_line: usize,
    path: String,
    /// The file relative to the roadmap folder.
    rel: String,
    phase: usize,
    draft: SkillDraft,
}

pub(super) fn assemble(root: &str, mut tree: RawTree) -> Result<Roadmap, Problems> {
    let mut problems = std::mem::take(&mut tree.problems);
    let mut warnings = std::mem::take(&mut tree.warnings);
    let roadmap_path = join(root, "roadmap.yaml");
    let draft = roadmap_draft(root, &tree, &mut problems, &mut warnings);
    let phase_dirs = match_phase_dirs(&draft, &tree.dirs, &roadmap_path, &mut problems);
    // Folders whose skills were not read, each with a problem of its own that explains why:
    // a prerequisite in one of them is not unknown, only unseen.
    let unread: HashSet<&str> = tree
        .dirs
        .iter()
        .filter(|d| d.cannot_list || !phase_dirs.iter().any(|(name, _)| *name == d.name))
        .map(|d| d.name.as_str())
        .collect();

    let mut phases = Vec::new();
    let mut jobs: Vec<(usize, &RawFile)> = Vec::new();
    // Ids of skill files that are broken: already reported, so requiring them is not a second problem.
    let mut broken: HashSet<String> = HashSet::new();
    // Ids that files the loader skips would have: requiring one is a problem that names the file.
    let mut skipped: HashMap<String, &str> = HashMap::new();
    for (index, (name, dir)) in phase_dirs.iter().enumerate() {
        let parsed = phase_of(root, name, dir, &mut problems);
        phases.push((name.clone(), parsed.unwrap_or_default()));
        broken.extend(dir.unreadable.iter().map(|rel| derived_id(name, rel)));
        skipped.extend(dir.ignored.iter().map(|rel| (unread_id(name, rel), rel.as_str())));
        jobs.extend(dir.files.iter().filter(|f| !f.rel.ends_with("/phase.md")).map(|f| (index, f)));
    }

    let parsed = crate::par::map(&jobs, |&(phase, file)| {
        let path = join(root, &file.rel);
        let (draft, found) = parse::skill(&path, &file.text);
        (phase, file.rel.clone(), path, draft, found)
    });
    let mut entries = Vec::with_capacity(parsed.len());
    for (phase, rel, path, draft, found) in parsed {
        problems.extend(found);
        let Some(draft) = draft else {
            broken.insert(derived_id(&phases[phase].0, &rel));
            continue;
        };
        let (id, id_line) = match &draft.id {
            Some((id, line)) => (id.clone(), *line),
            None => (derived_id(&phases[phase].0, &rel), 1),
        };
        if let Err(why) = check_id(&id) {
            let message = match draft.id {
                Some(_) => format!("id `{id}` {why}"),
                None => format!("the file name makes the id `{id}`, which {why}: rename the file or set `id`"),
            };
            problems.push(Problem::new(&path, id_line, message));
            continue;
        }
        entries.push(Entry { id, id_line, path, rel, phase, draft });
    }

    let index = index_ids(&entries, &mut problems);
    let known = Known { index: &index, broken: &broken, unread: &unread, skipped: &skipped };
    let requires = resolve_requires(&entries, &known, &mut problems);
    report_cycles(&entries, &requires, &mut problems);

    warnings.sort();
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(Problems::new(problems, warnings));
    }
    Ok(build(draft, phases, entries, requires, warnings))
}

/// `roadmap.yaml` read, or the problem of its absence; files named almost like it are warned
/// about when it is there (they are not read).
fn roadmap_draft(root: &str, tree: &RawTree, problems: &mut Vec<Problem>, warnings: &mut Vec<Problem>) -> RoadmapDraft {
    let roadmap_path = join(root, "roadmap.yaml");
    let draft = match &tree.roadmap_yaml {
        Some(file) => {
            let (draft, found) = parse::roadmap(&roadmap_path, &file.text);
            problems.extend(found);
            draft
        }
        None => {
            if !problems.iter().any(|p| p.path == roadmap_path) {
                problems.push(missing_roadmap_yaml(root, &tree.misnamed));
            }
            None
        }
    };
    if tree.roadmap_yaml.is_some() {
        let why = "not read: the roadmap is `roadmap.yaml`; remove this file, or start its name with `.`";
        warnings.extend(tree.misnamed.iter().map(|name| Problem::new(join(root, name), 1, why)));
    }
    draft.unwrap_or_default()
}

/// No `roadmap.yaml`: a file named almost like it is the likely reason.
fn missing_roadmap_yaml(root: &str, misnamed: &[String]) -> Problem {
    match misnamed.first() {
        Some(name) => Problem::new(
            join(root, name),
            1,
            "did you mean `roadmap.yaml`? The roadmap is read from `roadmap.yaml` only: rename this file",
        ),
        None => Problem::new(
            join(root, "roadmap.yaml"),
            1,
            "missing roadmap.yaml: a roadmap folder starts with one (id, title, phases)",
        ),
    }
}

/// A phase folder's `phase.md`, parsed; a missing one is a problem unless the folder or the
/// file already has one of its own (cannot be listed, cannot be read).
fn phase_of(root: &str, name: &str, dir: &RawDir, problems: &mut Vec<Problem>) -> Option<PhaseDraft> {
    let phase_path = join(root, &format!("{name}/phase.md"));
    if let Some(file) = dir.files.iter().find(|f| f.rel.ends_with("/phase.md")) {
        let (parsed, found) = parse::phase(&phase_path, &file.text);
        problems.extend(found);
        return parsed;
    }
    if dir.cannot_list || dir.unreadable.iter().any(|rel| rel.ends_with("/phase.md")) {
        return None;
    }
    let why = "missing phase.md: each phase folder needs one (title, goal, milestone)";
    let message = match dir.ignored.iter().find(|rel| unread_id(name, rel) == format!("{name}/phase")) {
        Some(rel) => format!("{why}; `{rel}` is not read: {}", how_to_read(name, rel)),
        None => why.to_string(),
    };
    problems.push(Problem::new(&phase_path, 1, message));
    None
}

/// What makes the loader read a markdown file it skips: the `.md` name, or a place directly
/// in the phase folder.
fn how_to_read(phase: &str, rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if rel.matches('/').count() > 1 {
        format!("move it up into `{phase}/`")
    } else {
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        format!("rename it to `{stem}.md`")
    }
}

/// The folders of the listed phases, in order; reports unlisted folders and missing ones.
fn match_phase_dirs<'t>(
    draft: &RoadmapDraft,
    dirs: &'t [RawDir],
    roadmap_path: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(String, &'t RawDir)> {
    let listed: HashSet<&str> = draft.phases.iter().map(|(name, _)| name.as_str()).collect();
    let unlisted: Vec<&str> = dirs.iter().map(|d| d.name.as_str()).filter(|name| !listed.contains(name)).collect();
    let mut seen = HashSet::new();
    let mut matched = Vec::new();
    // Folders a misspelled phase points at: the one problem there says all.
    let mut suggested = HashSet::new();
    for (name, line) in &draft.phases {
        if !seen.insert(name.as_str()) {
            problems.push(Problem::new(roadmap_path, *line, format!("phase `{name}` is listed twice")));
            continue;
        }
        match dirs.iter().find(|d| &d.name == name) {
            Some(dir) => matched.push((name.clone(), dir)),
            None => {
                // A misspelled name leaves its folder unlisted: point from one to the other.
                let message = match super::similar::closest(name, unlisted.iter().copied(), 1).first() {
                    Some(folder) => {
                        suggested.insert(*folder);
                        format!("phase `{name}` has no folder (did you mean `{folder}`?)")
                    }
                    None => {
                        format!("phase `{name}` has no folder: create `{name}/phase.md`, or remove it from `phases`")
                    }
                };
                problems.push(Problem::new(roadmap_path, *line, message));
            }
        }
    }
    // Without a `phases` list (roadmap.yaml missing, broken or incomplete, already reported)
    // every folder would look unlisted, and those problems would bury the real one.
    if !draft.phases.is_empty() {
        for name in unlisted.iter().filter(|name| !suggested.contains(*name)) {
            problems.push(Problem::new(
                roadmap_path,
                draft.phases_line,
                format!("folder `{name}/` is not listed in `phases`: add it, or move it out of the roadmap"),
            ));
        }
    }
    matched
}

/// Ids are keys in the learner's progress file, so they stay plain.
fn check_id(id: &str) -> Result<(), &'static str> {
    let part_ok = |part: &str| {
        !part.is_empty() && !part.starts_with('.') && part.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c))
    };
    if id.split('/').all(part_ok) {
        Ok(())
    } else {
        Err("may only use letters, digits, `-`, `_`, `.` and `/` between parts")
    }
}

/// Maps ids and aliases to entries, reporting duplicates with both places.
fn index_ids(entries: &[Entry], problems: &mut Vec<Problem>) -> HashMap<String, usize> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(entries.len());
    let mut place: HashMap<String, (String, usize)> = HashMap::new();
    let names = entries.iter().enumerate().flat_map(|(i, e)| {
        let aliases = e.draft.aliases.iter().map(move |(a, line)| (i, a.clone(), *line, true));
        std::iter::once((i, e.id.clone(), e.id_line, false)).chain(aliases)
    });
    let mut names: Vec<_> = names.collect();
    // Ids claim their names before aliases, so an alias clashing with an id is the one reported.
    names.sort_by_key(|(i, _, _, alias)| (*alias, *i));
    for (i, name, line, alias) in names {
        let entry = &entries[i];
        if let Some((other_path, other_line)) = place.get(&name) {
            let what = if alias { "alias" } else { "id" };
            problems.push(Problem::new(
                &entry.path,
                line,
                format!("duplicate {what} `{name}`: already used at {other_path}:{other_line}"),
            ));
            continue;
        }
        if alias && check_id(&name).is_err() {
            problems.push(Problem::new(&entry.path, line, format!("alias `{name}` is not a valid id")));
        }
        place.insert(name.clone(), (entry.path.clone(), line));
        index.insert(name, i);
    }
    index
}

/// `<phase>/<file stem>`: a skill's id unless its front matter sets one.
fn derived_id(phase: &str, rel: &str) -> String {
    let stem = rel.rsplit('/').next().unwrap_or(rel).trim_end_matches(".md");
    format!("{phase}/{stem}")
}

/// The id a markdown file that is not read (`x.markdown`, `x.MD`, `sub/x.md`) would have once
/// renamed or moved up as its problem says.
fn unread_id(phase: &str, rel: &str) -> String {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    derived_id(phase, &format!("{}.md", name.rsplit_once('.').map_or(name, |(stem, _)| stem)))
}

/// What a prerequisite may name besides a skill that loaded.
struct Known<'k> {
    index: &'k HashMap<String, usize>,
    /// Skill files already reported as broken.
    broken: &'k HashSet<String>,
    /// Folders not read as phases (each reported).
    unread: &'k HashSet<&'k str>,
    /// Ids of files the loader skips, and those files.
    skipped: &'k HashMap<String, &'k str>,
}

fn resolve_requires(entries: &[Entry], known: &Known, problems: &mut Vec<Problem>) -> Vec<Vec<usize>> {
    let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    entries
        .iter()
        .map(|entry| {
            let mut resolved = Vec::with_capacity(entry.draft.requires.len());
            for (wanted, line) in &entry.draft.requires {
                let mut report = |message: String| problems.push(Problem::new(&entry.path, *line, message));
                match known.index.get(wanted) {
                    Some(&target) if resolved.contains(&target) => {
                        report(format!("prerequisite `{wanted}` is listed twice"))
                    }
                    Some(&target) => resolved.push(target),
                    None if known.broken.contains(wanted) => {}
                    None if wanted.split_once('/').is_some_and(|(folder, _)| known.unread.contains(folder)) => {}
                    None => match known.skipped.get(wanted) {
                        Some(rel) => {
                            let phase = rel.split('/').next().unwrap_or(rel);
                            let how = how_to_read(phase, rel);
                            report(format!("unknown prerequisite `{wanted}`: its file `{rel}` is not read ({how})"));
                        }
                        None => {
                            // Never the skill itself: a skill cannot require itself.
                            let others = ids.iter().copied().filter(|id| *id != entry.id);
                            let hint = match super::similar::closest(wanted, others, 1).first() {
                                Some(best) => format!("did you mean `{best}`?"),
                                None => "no skill has a similar id".to_string(),
                            };
                            report(format!("unknown prerequisite `{wanted}` ({hint})"));
                        }
                    },
                }
            }
            resolved
        })
        .collect()
}

/// One problem per strongly connected component, printing a shortest cycle through it.
fn report_cycles(entries: &[Entry], requires: &[Vec<usize>], problems: &mut Vec<Problem>) {
    for component in super::graph::strongly_connected(requires) {
        let start = *component.iter().min().unwrap_or(&0);
        let self_loop = requires[start].contains(&start);
        if component.len() < 2 && !self_loop {
            continue;
        }
        let cycle = super::graph::shortest_cycle(requires, start, &component);
        let shown: Vec<&str> = cycle.iter().map(|&i| entries[i].id.as_str()).collect();
        let entry = &entries[start];
        let next = &entries[cycle[1]].id;
        let line = entry.draft.requires.iter().find(|(id, _)| id == next).map_or(1, |(_, l)| *l);
        problems.push(Problem::new(&entry.path, line, format!("prerequisite cycle: {}", shown.join(" -> "))));
    }
}

fn build(
    draft: RoadmapDraft,
    phases: Vec<(String, PhaseDraft)>,
    entries: Vec<Entry>,
    requires: Vec<Vec<usize>>,
    warnings: Vec<Problem>,
) -> Roadmap {
    // Within a phase, a skill comes after the skills it requires; ties keep file-name order.
    let mut order = Vec::with_capacity(entries.len());
    let mut ranges = Vec::with_capacity(phases.len());
    for phase in 0..phases.len() {
        let start = order.len();
        let members: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].phase == phase).collect();
        order.extend(super::graph::topological(&members, &requires));
        ranges.push(start..order.len());
    }
    let mut new_index = vec![0; entries.len()];
    for (position, &old) in order.iter().enumerate() {
        new_index[old] = position;
    }
    let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
    let (skills, pages): (Vec<Skill>, Vec<Page>) = order
        .iter()
        .map(|&old| {
            let Entry { id, phase, draft, rel, .. } = slots[old].take().expect("each skill is placed once");
            let skill = Skill {
                id,
                phase,
                title: draft.title,
                kind: draft.kind,
                level: draft.level,
                hours: draft.hours,
                requires: requires[old].iter().map(|&r| new_index[r]).collect(),
                checkpoint_count: draft.checkpoints.len(),
                aliases: draft.aliases.into_iter().map(|(a, _)| a).collect(),
                checks: draft.checks,
                question_count: draft.quiz.len(),
            };
            let page = Page {
                summary: draft.summary,
                tags: draft.tags,
                resources: draft.resources,
                checkpoints: draft.checkpoints,
                quiz: draft.quiz,
                body: draft.body,
                source: rel,
            };
            (skill, page)
        })
        .unzip();
    let phases = phases
        .into_iter()
        .zip(ranges)
        .map(|((id, p), skills)| Phase {
            id,
            title: p.title,
            goal: p.goal,
            milestone: p.milestone,
            intro: p.intro,
            skills,
        })
        .collect();
    let header = Header { id: draft.id, title: draft.title, summary: draft.summary, audience: draft.audience };
    Roadmap::new(header, phases, skills, Pages::loaded(pages), warnings)
}
