//! Concurrent writers: several writers change progress in one state file at the same time,
//! each on its own skills. After every acknowledged change the writer reads the file and finds
//! all of its changes still there (none reverted by another writer's save); at the end every
//! writer's last change to every skill is in the file.
//!
//! A writer is anything that saves progress: today the command line, one process per change.
//! Another kind (the TUI driven in a pseudo-terminal) implements [`Writer`] and is added to
//! [`writers`]. `ROADMAP_TEST_WRITERS` (default 4) and `ROADMAP_TEST_CHANGES` (changes per
//! writer, default 200) set the figures in the README.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Sandbox, env_count};
use roadmap_tutor::progress::Status;
use roadmap_tutor::store::Store;

/// The statuses a skill goes through, one per change; each skill starts at its own offset so
/// the final file holds a mix.
const CYCLE: [Status; 4] = [Status::Doing, Status::Done, Status::Skipped, Status::Todo];
/// Skills per writer: each writer changes its own, so all changes can be checked exactly.
const SKILLS_EACH: usize = 8;

/// One change to the state file.
struct Change {
    id: String,
    status: Status,
}

/// Something that saves progress to the shared state file.
trait Writer: Send {
    /// What the failure messages call this writer.
    fn name(&self) -> String;
    /// Makes the change and returns once it is acknowledged (saved, as the writer reports).
    fn apply(&mut self, change: &Change);
    /// Called once all its changes are made.
    fn finish(&mut self) {}
}

/// `roadmap done|start|skip|reset ID`, one process per change.
struct CliWriter<'a> {
    number: usize,
    sandbox: &'a Sandbox,
    content: PathBuf,
}

impl Writer for CliWriter<'_> {
    fn name(&self) -> String {
        format!("cli writer {}", self.number)
    }

    fn apply(&mut self, change: &Change) {
        let verb = match change.status {
            Status::Todo => "reset",
            Status::Doing => "start",
            Status::Done => "done",
            Status::Skipped => "skip",
        };
        let mut command = self.sandbox.command();
        command.arg("--content").arg(&self.content).arg("--state").arg(self.sandbox.state()).args([verb, &change.id]);
        let run = common::output(&mut command);
        assert_eq!(run.code, 0, "{}: {verb} {}: {}", self.name(), change.id, run.stderr);
        assert_eq!(run.stdout, format!("{}\t{}\n", change.id, change.status.name()), "{}", self.name());
    }
}

/// The tutor in a pseudo-terminal, kept open for all its changes: it goes to the skill on the
/// Roadmap screen and presses the status key. A change is acknowledged when the status bar
/// says so: the loop saves before it draws the next frame.
struct TuiWriter {
    number: usize,
    tui: common::pty::Tui,
    /// What this writer last set each of its skills to: setting a skill to its status again
    /// is no change, and the tutor (rightly) says nothing about it.
    current: BTreeMap<String, Status>,
}

impl TuiWriter {
    fn open(number: usize, sandbox: &Sandbox, content: &Path) -> TuiWriter {
        let state = sandbox.state();
        let args = ["--content", content.to_str().unwrap(), "--state", state.to_str().unwrap()];
        let tui = common::pty::Tui::spawn(&args, &[("HOME", sandbox.home.path().to_str().unwrap())], 100, 30);
        tui.wait_for("Next steps");
        tui.send("2");
        tui.wait_for("Work");
        TuiWriter { number, tui, current: BTreeMap::new() }
    }
}

impl Writer for TuiWriter {
    fn name(&self) -> String {
        format!("tui writer {}", self.number)
    }

    fn apply(&mut self, change: &Change) {
        let before = self.current.insert(change.id.clone(), change.status).unwrap_or(Status::Todo);
        if before == change.status {
            return;
        }
        // Skills are listed in id order: `work/s012` is row 12.
        let row: usize = change.id.trim_start_matches("work/s").parse().unwrap();
        let key = match change.status {
            Status::Todo => 'r',
            Status::Doing => 's',
            Status::Done => 'd',
            Status::Skipped => 'x',
        };
        self.tui.send(&format!("g{}{key}", "j".repeat(row)));
        self.tui.wait_for(&format!(" Skill {row}: {}", change.status.name()));
    }

    fn finish(&mut self) {
        self.tui.send("q");
        assert_eq!(self.tui.wait_exit(), 0, "{}", self.name());
    }
}

/// The writers of a run: `ROADMAP_TEST_WRITERS` command-line writers (default 4) and
/// `ROADMAP_TEST_TUI_WRITERS` tutors in pseudo-terminals (default 1), numbered on from them.
fn writers<'a>(sandbox: &'a Sandbox, content: &Path) -> Vec<Box<dyn Writer + 'a>> {
    let cli = env_count("ROADMAP_TEST_WRITERS", 4);
    let tui = env_count("ROADMAP_TEST_TUI_WRITERS", 1);
    let mut writers: Vec<Box<dyn Writer + 'a>> = (0..cli)
        .map(|number| Box::new(CliWriter { number, sandbox, content: content.to_path_buf() }) as Box<dyn Writer>)
        .collect();
    writers
        .extend((cli..cli + tui).map(|number| Box::new(TuiWriter::open(number, sandbox, content)) as Box<dyn Writer>));
    writers
}

/// A roadmap of one phase with `skills` small skills, `work/s000` and on, none requiring another.
fn write_roadmap(dir: &Path, skills: usize) {
    std::fs::create_dir_all(dir.join("work")).unwrap();
    std::fs::write(dir.join("roadmap.yaml"), "id: load\ntitle: Load\nphases: [work]\n").unwrap();
    std::fs::write(dir.join("work/phase.md"), "---\ntitle: Work\ngoal: Change many skills.\n---\n").unwrap();
    for i in 0..skills {
        let skill = format!(
            "---\ntitle: Skill {i}\nsummary: One of many.\nkind: practice\nlevel: core\nhours: 1\n---\n## Why it matters\n"
        );
        std::fs::write(dir.join(format!("work/s{i:03}.md")), skill).unwrap();
    }
}

fn statuses(path: &Path) -> BTreeMap<String, Status> {
    let (_, progress) = Store::open(path).unwrap_or_else(|e| panic!("{e}"));
    progress.skills.iter().map(|(id, record)| (id.clone(), record.status)).collect()
}

#[test]
fn writers_at_the_same_time_lose_no_change() {
    let changes = env_count("ROADMAP_TEST_CHANGES", 200);
    let sandbox = Sandbox::new();
    let content = sandbox.home.path().join("roadmap");
    let count = env_count("ROADMAP_TEST_WRITERS", 4) + env_count("ROADMAP_TEST_TUI_WRITERS", 1);
    write_roadmap(&content, count * SKILLS_EACH);
    let writers = writers(&sandbox, &content);
    let state = sandbox.state();

    let finals: Vec<BTreeMap<String, Status>> = std::thread::scope(|scope| {
        let handles: Vec<_> = writers
            .into_iter()
            .enumerate()
            .map(|(number, mut writer)| {
                let state = &state;
                scope.spawn(move || {
                    let ids: Vec<String> =
                        (0..SKILLS_EACH).map(|k| format!("work/s{:03}", number * SKILLS_EACH + k)).collect();
                    let mut mine: BTreeMap<String, Status> = ids.iter().map(|id| (id.clone(), Status::Todo)).collect();
                    for i in 0..changes {
                        let (round, k) = (i / SKILLS_EACH, i % SKILLS_EACH);
                        let change = Change { id: ids[k].clone(), status: CYCLE[(round + k) % CYCLE.len()] };
                        writer.apply(&change);
                        mine.insert(change.id, change.status);
                        let on_disk = statuses(state);
                        for (id, status) in &mine {
                            let found = on_disk.get(id).copied().unwrap_or(Status::Todo);
                            assert_eq!(found, *status, "{}: change {i}: {id} was reverted", writer.name());
                        }
                    }
                    writer.finish();
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });

    let on_disk = statuses(&state);
    let expected: BTreeMap<String, Status> =
        finals.into_iter().flatten().filter(|(_, status)| *status != Status::Todo).collect();
    assert_eq!(on_disk, expected);
    Store::open(Store::backup_path(&state)).expect("the backup loads");
    eprintln!("{count} writers, {changes} changes each: all {} changes checked", count * changes);
}
