//! The built-in roadmap's promises, so a later edit cannot quietly break them: five phases in
//! order, 60+ complete skills, four sections each, an acyclic graph where every skill can be
//! reached from a starting skill of Foundations, and hours that fit a 5-8 month plan.

use std::collections::VecDeque;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use roadmap_tutor::content::{Level, Roadmap, Source, load};

fn roadmap() -> Roadmap {
    load(&Source::Builtin).unwrap_or_else(|problems| panic!("the built-in roadmap has problems:\n{problems}"))
}

/// Level-2 headings and the number of words outside code, from the markdown itself (so a
/// `## ` inside a code block is not a heading).
fn outline(markdown: &str) -> (Vec<String>, usize) {
    let mut headings = Vec::new();
    let mut words = 0;
    let mut heading: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level: HeadingLevel::H2, .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => headings.extend(heading.take()),
            Event::Text(text) | Event::Code(text) => {
                words += text.split_whitespace().count();
                if let Some(h) = &mut heading {
                    h.push_str(&text);
                }
            }
            _ => {}
        }
    }
    (headings, words)
}

#[test]
fn five_phases_in_the_documented_order() {
    let ids: Vec<String> = roadmap().phases.iter().map(|p| p.id.clone()).collect();
    assert_eq!(ids, ["foundations", "application-builder", "architecture", "ai-specialization", "job-readiness"]);
}

#[test]
fn every_phase_has_a_goal_an_intro_and_a_milestone() {
    for phase in roadmap().phases {
        assert!(!phase.goal.is_empty(), "{}", phase.id);
        let milestone = phase.milestone.as_ref().unwrap_or_else(|| panic!("{} has no milestone", phase.id));
        assert!(milestone.description.split_whitespace().count() >= 20, "{}: milestone says too little", phase.id);
        let (_, words) = outline(&phase.intro);
        assert!((150..=300).contains(&words), "{}: intro is {words} words", phase.id);
    }
}

#[test]
fn at_least_sixty_skills_weighted_toward_the_application_builder() {
    let roadmap = roadmap();
    assert!(roadmap.skills.len() >= 60, "{} skills", roadmap.skills.len());
    let sizes: Vec<usize> = (0..roadmap.phases.len()).map(|p| roadmap.phase_skills(p).len()).collect();
    let heaviest = sizes.iter().enumerate().max_by_key(|(_, n)| **n).map(|(i, _)| roadmap.phases[i].id.as_str());
    assert_eq!(heaviest, Some("application-builder"), "{sizes:?}");
}

#[test]
fn every_skill_is_complete() {
    let roadmap = roadmap();
    for (index, skill) in roadmap.skills.iter().enumerate() {
        let (id, page) = (&skill.id, roadmap.page(index));
        assert!(!page.summary.is_empty() && !page.tags.is_empty(), "{id}");
        assert!(skill.hours > 0.0, "{id}");
        assert!((2..=4).contains(&page.resources.len()), "{id}: {} resources", page.resources.len());
        assert!((3..=5).contains(&page.checkpoints.len()), "{id}: {} checkpoints", page.checkpoints.len());
        assert_eq!(skill.checkpoint_count, page.checkpoints.len(), "{id}");
        for checkpoint in &page.checkpoints {
            assert!(checkpoint.starts_with("I can "), "{id}: {checkpoint}");
        }
        let (headings, words) = outline(&page.body);
        assert_eq!(headings, ["Why it matters", "When it starts to matter", "Practice", "Pitfalls"], "{id}");
        assert!((250..=600).contains(&words), "{id}: body is {words} words");
        assert!(page.body.contains("Done when"), "{id}: the practice needs a definition of done");
    }
}

#[test]
fn every_skill_is_reachable_from_a_starting_skill_of_foundations() {
    let roadmap = roadmap();
    let roots: Vec<usize> = (0..roadmap.skills.len()).filter(|&i| roadmap.skills[i].requires.is_empty()).collect();
    for &root in &roots {
        assert_eq!(
            roadmap.phases[roadmap.skills[root].phase].id, "foundations",
            "{} has no prerequisites",
            roadmap.skills[root].id
        );
    }
    let mut seen = vec![false; roadmap.skills.len()];
    let mut queue: VecDeque<usize> = roots.into_iter().collect();
    while let Some(skill) = queue.pop_front() {
        if !std::mem::replace(&mut seen[skill], true) {
            queue.extend(roadmap.unlocks(skill));
        }
    }
    let unreachable: Vec<&str> = (0..seen.len()).filter(|&i| !seen[i]).map(|i| roadmap.skills[i].id.as_str()).collect();
    assert!(unreachable.is_empty(), "{unreachable:?}");
}

#[test]
fn no_skill_requires_a_later_phase() {
    let roadmap = roadmap();
    for skill in &roadmap.skills {
        for &required in &skill.requires {
            assert!(
                roadmap.skills[required].phase <= skill.phase,
                "{} requires {}",
                skill.id,
                roadmap.skills[required].id
            );
        }
    }
}

#[test]
fn hours_fit_the_five_to_eight_months_the_seeds_give_a_complete_beginner() {
    let roadmap = roadmap();
    let core: f32 = roadmap.skills.iter().filter(|s| s.level == Level::Core).map(|s| s.hours).sum();
    let all: f32 = roadmap.skills.iter().map(|s| s.hours).sum();
    // Core path at a steady 15-20 hours a week: 5-8 months is about 325-690 hours.
    assert!((325.0..=690.0).contains(&core), "core path is {core} hours");
    assert!(all <= 8.0 * 4.35 * 20.0, "everything is {all} hours");
}

#[test]
fn the_core_path_stops_at_the_specialization() {
    let roadmap = roadmap();
    let ai = roadmap.phases.iter().position(|p| p.id == "ai-specialization").unwrap();
    assert!(
        roadmap.phase_skills(ai).iter().all(|s| s.level != Level::Core),
        "AI is a specialization, not the core path"
    );
}

#[test]
fn the_core_path_needs_nothing_outside_the_core() {
    // Core is the shortest honest path to a first job, so finishing it cannot depend on a
    // stretch or deep skill.
    let roadmap = roadmap();
    for skill in roadmap.skills.iter().filter(|s| s.level == Level::Core) {
        for &required in &skill.requires {
            let prerequisite = &roadmap.skills[required];
            assert_eq!(prerequisite.level, Level::Core, "{} is core but requires {}", skill.id, prerequisite.id);
        }
    }
}

#[test]
fn the_application_builder_carries_the_most_hours() {
    let roadmap = roadmap();
    let hours: Vec<f32> =
        (0..roadmap.phases.len()).map(|p| roadmap.phase_skills(p).iter().map(|s| s.hours).sum()).collect();
    let heaviest = (0..hours.len()).max_by(|&a, &b| hours[a].total_cmp(&hours[b])).unwrap();
    assert_eq!(roadmap.phases[heaviest].id, "application-builder", "{hours:?}");
}

#[test]
fn every_milestone_says_what_done_looks_like() {
    for phase in roadmap().phases {
        let milestone = phase.milestone.unwrap_or_else(|| panic!("{} has no milestone", phase.id));
        assert!(milestone.description.contains("Done when"), "{}: the milestone needs a definition of done", phase.id);
    }
}

#[test]
fn resources_are_https_links() {
    let roadmap = roadmap();
    for (index, skill) in roadmap.skills.iter().enumerate() {
        for resource in &roadmap.page(index).resources {
            assert!(resource.url.starts_with("https://"), "{}: {}", skill.id, resource.url);
        }
    }
}

/// A learner who always takes the first next step (marking milestones done as they come) until
/// every skill is done: the order they meet the skills in.
fn order_followed() -> Vec<String> {
    use roadmap_tutor::progress::{Date, Progress, Status};
    use roadmap_tutor::suggest::{Target, advise};
    let roadmap = roadmap();
    let today = Date::new(2026, 12, 1).unwrap();
    let mut progress = Progress::default();
    let mut order = Vec::new();
    for _ in 0..roadmap.skills.len() * 2 + roadmap.phases.len() {
        let advice = advise(&roadmap, &progress, today);
        let Some(step) = advice.next.first() else { break };
        match step.target {
            Target::Skill(skill) => {
                order.push(roadmap.skills[skill].id.clone());
                progress.set_status(&roadmap.skills[skill].id, Status::Done, today);
            }
            Target::Milestone(phase) => progress.set_milestone(&roadmap.phases[phase].id, Status::Done, today),
        }
    }
    order
}

#[test]
fn following_next_meets_every_skill_after_what_it_needs() {
    let roadmap = roadmap();
    let order = order_followed();
    assert_eq!(order.len(), roadmap.skills.len(), "every skill is suggested once: {order:?}");
    let at = |id: &str| order.iter().position(|o| o == id).unwrap_or_else(|| panic!("{id} never suggested"));
    for skill in &roadmap.skills {
        for &required in &skill.requires {
            assert!(
                at(&roadmap.skills[required].id) < at(&skill.id),
                "{} before {}",
                skill.id,
                roadmap.skills[required].id
            );
        }
    }
    // The order the review of late 2026 asked for: the framework before the database layer
    // that plugs into it, hints and idioms before the framework, API tests before the project.
    for (first, then) in [
        ("application-builder/framework-in-depth", "application-builder/orm"),
        ("application-builder/framework-in-depth", "application-builder/migrations"),
        ("application-builder/framework-in-depth", "application-builder/transactions"),
        ("application-builder/framework-in-depth", "application-builder/indexes"),
        ("application-builder/type-hints", "application-builder/choosing-a-framework"),
        ("application-builder/python-idioms", "application-builder/choosing-a-framework"),
        ("application-builder/schema-design", "application-builder/joins-and-queries"),
        ("application-builder/postgresql", "application-builder/joins-and-queries"),
        ("application-builder/api-tests", "application-builder/crud-api-project"),
        ("ai-specialization/cost-and-latency", "ai-specialization/ai-feature-project"),
    ] {
        assert!(at(first) < at(then), "{first} should come before {then}");
    }
}

#[test]
fn every_skill_has_a_quiz_that_teaches_and_core_practice_has_checks() {
    use roadmap_tutor::content::Kind;
    let roadmap = roadmap();
    let mut positions = [0usize; 6];
    for (index, skill) in roadmap.skills.iter().enumerate() {
        let quiz = &roadmap.page(index).quiz;
        let least = if skill.level == Level::Core { 4 } else { 3 };
        assert!(quiz.len() >= least, "{}: {} questions", skill.id, quiz.len());
        for question in quiz {
            assert!(question.explain.split_whitespace().count() >= 15, "{}: a short explanation", skill.id);
            for &answer in &question.answers {
                positions[answer] += 1;
            }
        }
        if skill.level == Level::Core && matches!(skill.kind, Kind::Practice | Kind::Project) {
            assert!(!skill.checks.is_empty(), "{} is a core {} skill without checks", skill.id, skill.kind);
        }
    }
    let total: usize = positions.iter().sum();
    for (position, count) in positions.iter().enumerate() {
        assert!(count * 100 <= total * 40, "right answers at position {position}: {count} of {total}");
    }
    for phase in &roadmap.phases {
        let milestone = phase.milestone.as_ref().unwrap();
        assert!(milestone.checks.len() >= 3, "{}: the milestone has {} checks", phase.id, milestone.checks.len());
    }
}
