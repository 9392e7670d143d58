//! Writes a synthetic roadmap of N skills in the content format, plus a progress file with
//! 40% of the skills done, for benchmarks and for trying the tutor at scale:
//!
//! ```sh
//! cargo run --release --example synth -- 10000 /tmp/big
//! roadmap --content /tmp/big --state /tmp/big/progress.yaml status
//! ```
//!
//! The same N always gives the same files (a fixed-seed generator), so numbers compare
//! across runs and machines.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use roadmap_tutor::progress::Date;

const PHASES: [(&str, &str); 5] = [
    ("foundations", "Foundations"),
    ("application-builder", "Application builder"),
    ("architecture", "Architecture"),
    ("ai-specialization", "AI specialization"),
    ("job-readiness", "Job readiness"),
];

/// How the skills spread over the phases, like the built-in roadmap (in percent).
const SHARE: [usize; 5] = [24, 30, 20, 13, 13];

const WORDS: &[&str] = &[
    "request",
    "schema",
    "index",
    "query",
    "commit",
    "branch",
    "function",
    "module",
    "test",
    "fixture",
    "cache",
    "queue",
    "token",
    "session",
    "handler",
    "router",
    "model",
    "migration",
    "container",
    "deploy",
    "metric",
    "trace",
    "log",
    "error",
    "retry",
    "timeout",
    "budget",
    "prompt",
    "embedding",
    "vector",
    "review",
    "design",
    "contract",
    "version",
    "client",
    "server",
    "database",
    "transaction",
    "lock",
    "worker",
    "pipeline",
];

const TAGS: &[&str] =
    &["python", "web", "sql", "git", "testing", "http", "security", "ops", "ai", "career", "design", "data"];

#[allow(dead_code)] // The benchmarks include this file for `write_roadmap` alone.
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("usage: synth SKILLS DIR   (for example: synth 10000 /tmp/big)");
        return ExitCode::from(2);
    };
    match write_roadmap(count, Path::new(dir)) {
        Ok(()) => {
            println!("wrote {count} skills to {dir} and {dir}/progress.yaml (40% done)");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("synth: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A small fixed-seed xorshift generator: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(self.word());
        }
        let mut chars = text.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('A');
        format!("{first}{}.", chars.as_str())
    }
}

/// Writes the roadmap and its progress file into `dir`, which must be empty or missing.
pub fn write_roadmap(count: usize, dir: &Path) -> std::io::Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(std::io::Error::other(format!("{} is not empty: pick a new folder", dir.display())));
    }
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let phase_list: Vec<&str> = PHASES.iter().map(|(id, _)| *id).collect();
    std::fs::write(
        dir.join("roadmap.yaml"),
        format!(
            "id: synthetic\ntitle: Synthetic roadmap\nsummary: {count} generated skills for benchmarks.\n\
             audience: Benchmarks.\nphases: [{}]\n",
            phase_list.join(", ")
        ),
    )?;
    let mut ids: Vec<String> = Vec::with_capacity(count);
    let mut next = 0;
    for (phase, (phase_id, title)) in PHASES.iter().enumerate() {
        let phase_dir = dir.join(phase_id);
        std::fs::create_dir_all(&phase_dir)?;
        std::fs::write(phase_dir.join("phase.md"), phase_file(title, &mut rng))?;
        let in_phase = if phase == PHASES.len() - 1 { count - next } else { count * SHARE[phase] / 100 };
        for _ in 0..in_phase {
            let id = format!("{phase_id}/skill-{next:05}");
            let file: PathBuf = phase_dir.join(format!("skill-{next:05}.md"));
            std::fs::write(file, skill_file(next, &ids, &mut rng))?;
            ids.push(id);
            next += 1;
        }
    }
    std::fs::write(dir.join("progress.yaml"), progress_file(&ids, &mut rng))
}

fn phase_file(title: &str, rng: &mut Rng) -> String {
    format!(
        "---\ntitle: {title}\ngoal: {}\nmilestone:\n  title: {title} project\n  description: {}\n---\n{}\n\n{}\n",
        rng.sentence(10),
        rng.sentence(20),
        rng.sentence(60),
        rng.sentence(60)
    )
}

fn skill_file(n: usize, earlier: &[String], rng: &mut Rng) -> String {
    let mut out = String::with_capacity(2048);
    let level = ["core", "core", "stretch", "deep"][rng.below(4)];
    let kind = ["concept", "practice", "project", "habit"][rng.below(4)];
    let _ = writeln!(out, "---\ntitle: {} {} {n}", capitalized(rng.word()), rng.word());
    let _ = writeln!(out, "summary: {}", rng.sentence(12));
    let _ = writeln!(out, "kind: {kind}\nlevel: {level}\nhours: {}", 2 + rng.below(12));
    // Prerequisites point backwards, mostly at recent skills, so the graph stays acyclic and
    // has long chains as well as wide fans.
    let mut requires: Vec<&str> = Vec::new();
    for _ in 0..rng.below(4).min(earlier.len()) {
        let back = 1 + rng.below(earlier.len().min(200));
        let id = earlier[earlier.len() - back].as_str();
        if !requires.contains(&id) {
            requires.push(id);
        }
    }
    let _ = writeln!(out, "requires: [{}]", requires.join(", "));
    let _ = writeln!(out, "tags: [{}, {}]", TAGS[rng.below(TAGS.len())], TAGS[rng.below(TAGS.len())]);
    out.push_str("resources:\n");
    for (i, kind) in ["doc", "article", "video"].iter().enumerate() {
        let _ = writeln!(
            out,
            "  - {{ title: \"{} guide {i}\", url: \"https://example.org/{n}/{i}\", kind: {kind} }}",
            capitalized(rng.word())
        );
    }
    out.push_str("checkpoints:\n");
    for _ in 0..4 {
        let _ = writeln!(out, "  - I can {} the {} {}.", rng.word(), rng.word(), rng.word());
    }
    // Checks on practice and projects, and a quiz of four questions on every skill, as the
    // built-in roadmap has.
    if matches!(kind, "practice" | "project") {
        out.push_str("checks:\n");
        for _ in 0..2 {
            let _ = writeln!(out, "  - title: The {} {}\n    run: test -f {}.py", rng.word(), rng.word(), rng.word());
        }
    }
    out.push_str("quiz:\n");
    for _ in 0..4 {
        let _ = writeln!(out, "  - q: {}\n    choices:", rng.sentence(14));
        for _ in 0..4 {
            let _ = writeln!(out, "      - {} `{}`", rng.sentence(5), rng.word());
        }
        let _ = writeln!(out, "    answer: {}\n    explain: {}", rng.below(4), rng.sentence(30));
    }
    out.push_str("---\n");
    for section in ["Why it matters", "When it starts to matter", "Practice", "Pitfalls"] {
        let _ = write!(out, "## {section}\n\n{}\n\n", rng.sentence(30));
    }
    let _ = write!(out, "```python\ndef {}(x):\n    return x\n```\n", rng.word());
    out
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// How many reviews each done skill's log holds: `ROADMAP_SYNTH_REVIEWS`, 20 by default.
fn reviews() -> usize {
    std::env::var("ROADMAP_SYNTH_REVIEWS").ok().and_then(|n| n.parse().ok()).unwrap_or(20)
}

/// Where the benchmarks keep a generated roadmap of `skills` skills, under `target/`; `v3`
/// names what this file writes (with quizzes and checks), so an older tree is not reused.
/// scripts/bench.sh names it the same way.
#[allow(dead_code)] // Used by the benchmarks, not by `main`.
pub fn bench_dir(skills: usize) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/bench-roadmaps/{skills}-r{}-v3", reviews()))
}

/// The first 40% of the skills done (prerequisites always point backwards, so none is done
/// before what it requires) with a 20-review log each (`ROADMAP_SYNTH_REVIEWS` sets another
/// length; 0 leaves the log out), a few after them in progress, as a learner part-way through.
fn progress_file(ids: &[String], rng: &mut Rng) -> String {
    let reviews = reviews();
    let done = ids.len() * 2 / 5;
    let doing = (ids.len() / 100).max(1);
    let mut records: Vec<(&String, String)> = Vec::new();
    for (n, id) in ids.iter().enumerate().take(done + doing) {
        let record = if n < done {
            let ticked = ["[0, 1, 2, 3]", "[0, 1, 2, 3]", "[0, 1, 2, 3]", "[0, 2]"][rng.below(4)];
            // Finished early in 2025, then reviewed 19 more times: a 20-review log, more than
            // a learner a year and a half in would have.
            let finished = Date::new(2025, 1, 1 + rng.below(9) as u8).expect("a date");
            let mut log = if reviews == 0 { String::new() } else { "    reviews:\n".to_string() };
            if reviews > 0 {
                let _ = writeln!(log, "      - {finished} good");
            }
            let mut day = finished;
            for _ in 1..reviews {
                day = day.add_days(1 + rng.below(30) as i64);
                let grade = ["good", "good", "good", "hard", "easy", "again"][rng.below(6)];
                let _ = writeln!(log, "      - {day} {grade}");
            }
            format!(
                "    status: done\n    started: {finished}\n    finished: {finished}\n    checkpoints: {ticked}\n{log}"
            )
        } else {
            format!("    status: doing\n    started: 2026-11-0{}\n", 1 + rng.below(9))
        };
        records.push((id, record));
    }
    records.sort();
    let mut out = String::from("version: 2\nweekly_hours: 10\nskills:\n");
    for (id, record) in records {
        let _ = write!(out, "  {id}:\n{record}");
    }
    out
}
