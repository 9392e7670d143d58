//! The JSON Schemas in `schemas/` agree with `validate`: they accept every file of the built-in
//! roadmap, the valid fixture and the `roadmap new` skeleton, and reject broken ones.

mod common;

use std::path::{Path, PathBuf};

use common::manifest_path;
use roadmap_tutor::yaml::{Limits, Node, Scalar, Value};

struct Checker {
    schemas: boon::Schemas,
    roadmap: boon::SchemaIndex,
    phase: boon::SchemaIndex,
    skill: boon::SchemaIndex,
}

impl Checker {
    fn new() -> Checker {
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V7);
        let mut compile = |name: &str| {
            let path = manifest_path(&format!("schemas/{name}.schema.json"));
            compiler.compile(path.to_str().unwrap(), &mut schemas).unwrap_or_else(|e| panic!("{name}: {e:#}"))
        };
        let (roadmap, phase, skill) = (compile("roadmap"), compile("phase"), compile("skill"));
        Checker { schemas, roadmap, phase, skill }
    }

    /// Every problem the schemas find in a roadmap folder, one line per file.
    fn problems(&self, root: &Path) -> Vec<String> {
        let mut problems = Vec::new();
        for (path, schema) in self.files(root) {
            let text = std::fs::read_to_string(&path).unwrap();
            let yaml = if path.extension().is_some_and(|e| e == "md") { front_matter(&text) } else { text.as_str() };
            if let Err(error) = self.schemas.validate(&to_json(yaml), schema) {
                problems.push(format!("{}: {error}", path.strip_prefix(root).unwrap().display()));
            }
        }
        problems
    }

    /// `roadmap.yaml`, then each phase folder's `phase.md` and skill files.
    fn files(&self, root: &Path) -> Vec<(PathBuf, boon::SchemaIndex)> {
        let mut files = vec![(root.join("roadmap.yaml"), self.roadmap)];
        for dir in sorted(root).into_iter().filter(|p| p.is_dir() && !hidden(p)) {
            for file in sorted(&dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")) {
                let schema = if file.ends_with("phase.md") { self.phase } else { self.skill };
                files.push((file, schema));
            }
        }
        files
    }
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
}

fn hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// The YAML between the opening `---` line and the next `---` line.
fn front_matter(text: &str) -> &str {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("closed front matter");
    &rest[..end + 1]
}

/// The document as the loader reads it (its YAML reader), in JSON for the schema checker.
fn to_json(yaml: &str) -> serde_json::Value {
    let node = roadmap_tutor::yaml::parse(yaml, Limits::default()).expect("YAML");
    node.map_or(serde_json::Value::Null, |node| json(&node))
}

fn json(node: &Node) -> serde_json::Value {
    use serde_json::Value as Json;
    match (&node.value, node.value.scalar()) {
        (Value::List(items), _) => Json::Array(items.iter().map(json).collect()),
        (Value::Map(entries), _) => Json::Object(
            entries
                .iter()
                .map(|(key, value)| (key.value.as_str().expect("text keys").to_string(), json(value)))
                .collect(),
        ),
        (_, Some(Scalar::Null) | None) => Json::Null,
        (_, Some(Scalar::Bool(b))) => Json::Bool(b),
        (_, Some(Scalar::Int(n))) => Json::from(n),
        (_, Some(Scalar::Float(n))) => serde_json::Number::from_f64(n).map_or(Json::Null, Json::Number),
        (_, Some(Scalar::Str(text))) => Json::String(text.to_string()),
    }
}

#[test]
fn the_built_in_roadmap_matches_the_schemas() {
    let checker = Checker::new();
    let root = manifest_path("content");
    assert!(checker.files(&root).len() > 80, "every file is checked");
    assert_eq!(checker.problems(&root), Vec::<String>::new());
}

#[test]
fn the_valid_fixture_and_the_new_skeleton_match_the_schemas() {
    let checker = Checker::new();
    assert_eq!(checker.problems(&manifest_path("tests/fixtures/content/valid")), Vec::<String>::new());

    let sandbox = common::Sandbox::new();
    let dir = sandbox.home.path().join("skeleton");
    assert_eq!(sandbox.run(&["new", dir.to_str().unwrap()]).code, 0);
    assert_eq!(checker.problems(&dir), Vec::<String>::new());
}

#[test]
fn broken_skills_are_rejected_like_validate_rejects_them() {
    let checker = Checker::new();
    // Every fixture but those whose mistake needs more than one field to see (an answer past
    // the last of 4 choices, every choice right).
    for name in [
        "unknown-field",
        "misspelled-field",
        "missing-field",
        "wrong-type",
        "bad-level",
        "malformed-url",
        "empty-title",
        "check-not-a-list",
        "check-missing-run",
        "check-empty-run",
        "check-unknown-field",
        "check-timeout-out-of-range",
        "quiz-duplicate-choice",
        "quiz-empty-choice",
        "quiz-missing-explain",
        "quiz-unknown-field",
        "quiz-wrong-type",
        "quiz-too-few-choices",
        "quiz-answer-twice",
    ] {
        let problems = checker.problems(&manifest_path(&format!("tests/fixtures/content/{name}")));
        assert_eq!(problems.len(), 1, "{name}: {problems:#?}");
        assert!(problems[0].starts_with("basics/second.md: "), "{name}: {problems:#?}");
    }
}

#[test]
fn each_rule_of_a_skill_is_checked() {
    let checker = Checker::new();
    let check = |yaml: &str| checker.schemas.validate(&to_json(yaml), checker.skill).map_err(|e| format!("{e:#}"));
    let good = "title: T\nsummary: S\nkind: habit\nlevel: deep\nhours: 1.5\n";
    assert_eq!(check(good), Ok(()));
    assert_eq!(check(&format!("{good}requires:\ntags:\nid: a/b.c_d-e\naliases: [x/y, é/ü]\n")), Ok(()));
    let practice = "checks:\n  - {title: T, run: pytest, timeout: 3600}\n  - {title: U, run: ls}\n\
                    quiz:\n  - {q: Q, choices: [a, b], answer: 1, explain: E}\n  - {q: Q, code: x, choices: [a, b, c], answer: [0, 2], explain: E}\n";
    assert_eq!(check(&format!("{good}{practice}")), Ok(()));
    for broken in [
        "title: T\nsummary: S\nkind: habit\nlevel: deep\n",
        "title: ' '\nsummary: S\nkind: habit\nlevel: deep\nhours: 1\n",
        &format!("{good}hours_per_week: 3\n"),
        &format!("{good}requires: [a/b, a/b]\n"),
        &format!("{good}requires: [a/.hidden]\n"),
        &format!("{good}id: has space\n"),
        &format!("{good}checkpoints: ['']\n"),
        &format!("{good}resources: [{{title: D, url: 'https://exa mple.com', kind: doc}}]\n"),
        &format!("{good}resources: [{{title: D, url: 'https://x.org', kind: podcast}}]\n"),
        &format!("{good}resources: [{{title: D, url: 'https://x.org'}}]\n"),
        &format!("{good}checks: [{{title: T, run: ' '}}]\n"),
        &format!("{good}checks: [{{title: T, run: r, timeout: 0}}]\n"),
        &format!("{good}checks: [{{title: T, run: r, timeout: 1.5}}]\n"),
        &format!("{good}quiz: [{{q: Q, choices: [a, b], answer: 0}}]\n"),
        &format!("{good}quiz: [{{q: Q, choices: [a, b, c, d, e, f, g], answer: 0, explain: E}}]\n"),
        &format!("{good}quiz: [{{q: Q, choices: [a, b], answer: '1', explain: E}}]\n"),
        &format!("{good}quiz: [{{q: Q, choices: [a, b], answer: [], explain: E}}]\n"),
        &format!("{good}quiz: [{{q: Q, choices: [a, b], answer: -1, explain: E}}]\n"),
    ] {
        assert!(check(broken).is_err(), "accepted:\n{broken}");
    }
    assert!(check("title: T\nsummary: S\nkind: habit\nlevel: deep\nhours: -1\n").is_err());
    assert!(check("title: T\nsummary: S\nkind: habit\nlevel: deep\nhours: six\n").is_err());
}

#[test]
fn roadmap_and_phase_rules_are_checked() {
    let checker = Checker::new();
    let roadmap = |yaml: &str| checker.schemas.validate(&to_json(yaml), checker.roadmap).is_ok();
    assert!(roadmap("id: a\ntitle: A\nphases: [one, two]\nsummary:\n"));
    assert!(!roadmap("id: a\ntitle: A\nphases: []\n"));
    assert!(!roadmap("id: a\ntitle: A\nphases: [one, one]\n"));
    assert!(!roadmap("id: a\nphases: [one]\n"));
    let phase = |yaml: &str| checker.schemas.validate(&to_json(yaml), checker.phase).is_ok();
    assert!(phase("title: P\ngoal: G\nmilestone:\n"));
    assert!(phase("title: P\ngoal: G\nmilestone: {title: M, description: D}\n"));
    assert!(phase("title: P\ngoal: G\nmilestone: {title: M, description: D, checks: [{title: T, run: r}]}\n"));
    assert!(!phase("title: P\ngoal: G\nmilestone: {title: M, description: D, checks: [{title: T}]}\n"));
    assert!(!phase("title: P\ngoal: G\nmilestone: {title: M}\n"));
    assert!(!phase("title: P\n"));
}
