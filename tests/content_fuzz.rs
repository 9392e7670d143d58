//! Property tests of the content loader, as an author would break it: generated front matter
//! and markdown, and the real files of `content/` mutated byte by byte and line by line. The
//! loader returns a roadmap or problems, never panics, and every problem names a file of the
//! roadmap and a line inside it (1 up to the file's line count).
//!
//! `ROADMAP_TEST_GENERATED` (default 1000) and `ROADMAP_TEST_MUTATED` (default 500) set the
//! number of inputs, the figures in the README.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{check_located, copy_dir, env_count};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use roadmap_tutor::content::{SKILL_FIELDS, Source, load};

fn runner(cases: usize) -> TestRunner {
    // Failures print the input; no regression files are written into the source tree.
    TestRunner::new(Config { cases: cases as u32, failure_persistence: None, ..Config::default() })
}

fn loads_or_locates(root: &Path) -> Result<(), TestCaseError> {
    let result = load(&Source::Dir(root.to_path_buf()));
    check_located(root, &result).map_err(TestCaseError::fail)
}

// ---- generated files ----------------------------------------------------------------------

/// A YAML value as an author might (mis)write it.
#[derive(Debug, Clone)]
enum Node {
    Scalar(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
    /// Written inline: `[a, b]`, `{a: b}`, or whatever text was generated.
    Inline(String),
}

const SCALARS: &[&str] = &[
    "x",
    "Git basics",
    "core",
    "deep",
    "concept",
    "practice",
    "doc",
    "6",
    "-1",
    "0x1F",
    "1e999",
    ".nan",
    "-.inf",
    "true",
    "null",
    "~",
    "''",
    "\"\"",
    "https://docs.python.org/3/",
    "htps://x",
    "http://",
    "basics/first",
    "basics/second",
    "advanced/third",
    "2026-11-21",
    "&a anchored",
    "*a",
    "*missing",
    "!!int 3",
    "!!binary aGVsbG8=",
    "!custom x",
    "\"esc \\u00e9 \\x41 \\q\"",
    "'it''s'",
    "'unclosed",
    "\"unclosed",
    "a: b",
    "- x",
    "# comment",
    "%",
    "@x",
    "`x`",
    "|",
    ">-",
    "\t",
    "é👩‍💻",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
];

const KEYS: &[&str] = &["url", "kind", "milestone", "description", "phases", "goal", "<<", "? x", "\"quoted\"", "a b"];

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(SCALARS).prop_map(str::to_string),
        2 => "[a-z ]{0,12}",
        1 => "\\PC{0,16}",
        1 => any::<String>().prop_map(|s| s.chars().take(16).collect()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(SKILL_FIELDS).prop_map(str::to_string),
        1 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => "[a-z_]{1,8}",
        1 => "\\PC{1,6}",
    ]
}

fn node() -> impl Strategy<Value = Node> {
    let leaf = prop_oneof![
        4 => scalar().prop_map(Node::Scalar),
        1 => prop::collection::vec(scalar(), 0..4).prop_map(|items| Node::Inline(format!("[{}]", items.join(", ")))),
        1 => prop::collection::vec((key(), scalar()), 0..3).prop_map(|pairs| {
            let pairs: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}: {v}")).collect();
            Node::Inline(format!("{{ {} }}", pairs.join(", ")))
        }),
    ];
    leaf.prop_recursive(4, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Node::List),
            prop::collection::vec((key(), inner), 0..5).prop_map(Node::Map),
        ]
    })
}

/// Block-style YAML with the given indentation step (0 and odd steps are allowed: authors
/// write them too).
fn render(node: &Node, indent: usize, step: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match node {
        Node::Scalar(text) | Node::Inline(text) => {
            out.push(' ');
            out.push_str(text);
            out.push('\n');
        }
        Node::List(items) if items.is_empty() => out.push_str(" []\n"),
        Node::Map(pairs) if pairs.is_empty() => out.push_str(" {}\n"),
        Node::List(items) => {
            out.push('\n');
            for item in items {
                out.push_str(&pad);
                out.push('-');
                render(item, indent + step, step, out);
            }
        }
        Node::Map(pairs) => {
            out.push('\n');
            for (key, value) in pairs {
                out.push_str(&pad);
                out.push_str(key);
                out.push(':');
                render(value, indent + step, step, out);
            }
        }
    }
}

/// A whole front matter: mostly the fields a skill has, plus generated ones.
fn front_matter() -> impl Strategy<Value = String> {
    let field = (key(), node());
    (prop::collection::vec(field, 0..10), 0usize..5, any::<bool>()).prop_map(|(fields, step, crlf)| {
        let mut out = String::new();
        for (key, value) in fields {
            out.push_str(&key);
            out.push(':');
            render(&value, step, step, &mut out);
        }
        if crlf { out.replace('\n', "\r\n") } else { out }
    })
}

const MARKDOWN: &[&str] = &[
    "## Why it matters\n",
    "## When it starts to matter\n",
    "# Title\n",
    "Some *emphasis* and **strong** text.\n",
    "- item\n  - nested\n",
    "1. first\n2. second\n",
    "> quoted\n> > deeper\n",
    "```python\nprint('hi')\n",
    "```\n",
    "    indented code\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "[link](https://example.com) and <https://example.com>\n",
    "<div>html</div>\n",
    "---\n",
    "...\n",
    "\n",
    "\t tab\n",
    "é👩‍💻 wide 中文\n",
];

fn markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![4 => prop::sample::select(MARKDOWN).prop_map(str::to_string), 1 => "\\PC{0,40}\n"];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// Which file of the fixture roadmap the generated text replaces.
#[derive(Debug, Clone, Copy)]
enum Target {
    NewSkill,
    Skill,
    Phase,
    RoadmapYaml,
}

impl Target {
    fn path(self) -> &'static str {
        match self {
            Target::NewSkill => "basics/generated.md",
            Target::Skill => "basics/second.md",
            Target::Phase => "advanced/phase.md",
            Target::RoadmapYaml => "roadmap.yaml",
        }
    }
}

fn generated_file() -> impl Strategy<Value = (Target, Vec<u8>)> {
    let target = prop_oneof![
        3 => Just(Target::NewSkill),
        2 => Just(Target::Skill),
        1 => Just(Target::Phase),
        1 => Just(Target::RoadmapYaml),
    ];
    let text = prop_oneof![
        6 => (front_matter(), markdown()).prop_map(|(yaml, body)| format!("---\n{yaml}---\n{body}").into_bytes()),
        1 => (front_matter(), markdown()).prop_map(|(yaml, body)| format!("---\n{yaml}{body}").into_bytes()),
        1 => front_matter().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..300),
    ];
    (target, text)
}

#[test]
fn generated_front_matter_and_markdown_load_or_give_located_problems() {
    let cases = env_count("ROADMAP_TEST_GENERATED", 1000);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("roadmap");
    let fixture = common::manifest_path(&common::fixture("valid"));
    copy_dir(&fixture, &root);
    runner(cases)
        .run(&generated_file(), |(target, bytes)| {
            let path = root.join(target.path());
            fs::write(&path, &bytes).unwrap();
            let outcome = loads_or_locates(&root);
            match target {
                Target::NewSkill => fs::remove_file(&path).unwrap(),
                _ => fs::copy(fixture.join(target.path()), &path).map(drop).unwrap(),
            }
            outcome
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    eprintln!("{cases} generated files");
}

// ---- mutated real files -------------------------------------------------------------------

/// Text that means something to YAML or markdown, or breaks an id, a date or UTF-8.
const SNIPPETS: &[&str] = &[
    "---\n",
    "...\n",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!str ",
    "|\n",
    ">-\n",
    "'",
    "\"",
    "#",
    "\t",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{85}",
    "\u{2028}",
    "\u{0}",
    "? ",
    "%YAML 1.2\n",
    "<<: *a\n",
    "~",
    "\n  ",
    "é",
    "👩‍💻",
    "1e999",
    "2026-13-45",
    "id: foundations/git-basics\n",
    "requires: [job-readiness/mock-interviews]\n",
    "aliases: [foundations/python-basics]\n",
    "requires: [foundations/nope]\n",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    /// At a byte offset; a snippet or generated text.
    Insert(usize, String),
    DeleteBytes(usize, usize),
    /// May break UTF-8 on purpose.
    SetByte(usize, u8),
    /// Adds spaces (positive) or removes them (negative) at the start of a line, or a tab.
    Indent(usize, i8),
    Truncate(usize),
    /// Replaces what follows the first `: ` on a line.
    ReplaceValue(usize, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    let text = prop_oneof![3 => prop::sample::select(SNIPPETS).prop_map(str::to_string), 1 => scalar()];
    prop_oneof![
        2 => at.prop_map(Mutation::DeleteLine),
        1 => at.prop_map(Mutation::DuplicateLine),
        1 => (at, at).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        4 => (at, text.clone()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        1 => (at, 1usize..40).prop_map(|(a, n)| Mutation::DeleteBytes(a, n)),
        1 => (at, any::<u8>()).prop_map(|(a, b)| Mutation::SetByte(a, b)),
        2 => (at, -4i8..5).prop_map(|(a, n)| Mutation::Indent(a, n)),
        1 => at.prop_map(Mutation::Truncate),
        3 => (at, text).prop_map(|(a, t)| Mutation::ReplaceValue(a, t)),
    ]
}

/// Line spans (start, end including the line break) of `bytes`.
fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            spans.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        spans.push((start, bytes.len()));
    }
    spans
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let spans = lines(bytes);
    let line = |i: usize| spans[i % spans.len()];
    if bytes.is_empty() {
        if let Mutation::Insert(_, text) | Mutation::ReplaceValue(_, text) = mutation {
            bytes.extend_from_slice(text.as_bytes());
        }
        return;
    }
    match mutation {
        Mutation::DeleteLine(i) => {
            let (start, end) = line(*i);
            bytes.drain(start..end);
        }
        Mutation::DuplicateLine(i) => {
            let (start, end) = line(*i);
            let copy = bytes[start..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::SwapLines(a, b) => {
            let (first, second) = (line(*a).min(line(*b)), line(*a).max(line(*b)));
            if first != second {
                let mut out = bytes[..first.0].to_vec();
                out.extend_from_slice(&bytes[second.0..second.1]);
                out.extend_from_slice(&bytes[first.1..second.0]);
                out.extend_from_slice(&bytes[first.0..first.1]);
                out.extend_from_slice(&bytes[second.1..]);
                *bytes = out;
            }
        }
        Mutation::Insert(at, text) => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, text.bytes());
        }
        Mutation::DeleteBytes(at, n) => {
            let at = at % bytes.len();
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::SetByte(at, byte) => {
            let at = at % bytes.len();
            bytes[at] = *byte;
        }
        Mutation::Indent(i, n) => {
            let (start, end) = line(*i);
            match *n {
                0 => bytes.insert(start, b'\t'),
                n if n > 0 => {
                    bytes.splice(start..start, std::iter::repeat_n(b' ', n as usize));
                }
                n => {
                    let spaces = bytes[start..end].iter().take_while(|&&b| b == b' ').count();
                    bytes.drain(start..start + spaces.min(n.unsigned_abs() as usize));
                }
            }
        }
        Mutation::Truncate(at) => bytes.truncate(at % bytes.len()),
        Mutation::ReplaceValue(i, text) => {
            let (start, end) = line(*i);
            let content_end = if bytes[end - 1] == b'\n' { end - 1 } else { end };
            let value = bytes[start..content_end].windows(2).position(|w| w == b": ").map(|p| start + p + 2);
            let from = value.unwrap_or(content_end);
            bytes.splice(from..content_end, text.bytes());
        }
    }
}

/// Every file of the built-in roadmap, relative to `content/`.
fn real_files(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("roadmap.yaml")];
    for phase in fs::read_dir(root).unwrap() {
        let phase = phase.unwrap();
        if phase.file_type().unwrap().is_dir() {
            for file in fs::read_dir(phase.path()).unwrap() {
                files.push(file.unwrap().path().strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn mutated_real_content_loads_or_gives_located_problems() {
    let cases = env_count("ROADMAP_TEST_MUTATED", 500);
    let content = common::manifest_path("content");
    let files = real_files(&content);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    copy_dir(&content, &root);
    let input = (0..files.len(), prop::collection::vec(mutation(), 1..5));
    runner(cases)
        .run(&input, |(index, mutations)| {
            let rel = &files[index];
            let original = fs::read(content.join(rel)).unwrap();
            let mut bytes = original.clone();
            for mutation in &mutations {
                apply(&mut bytes, mutation);
            }
            fs::write(root.join(rel), &bytes).unwrap();
            let outcome = loads_or_locates(&root).map_err(|e| {
                TestCaseError::fail(format!("{}: {e}\n{}", rel.display(), String::from_utf8_lossy(&bytes)))
            });
            fs::write(root.join(rel), &original).unwrap();
            outcome
        })
        .unwrap_or_else(|failure| panic!("{failure}"));
    eprintln!("{cases} mutated files");
}
