//! Killed mid-save: the real binary marks one skill done, then back to todo, over and over,
//! and is SIGKILLed at a random moment of each run. After every kill the state file loads and
//! holds every change that was acknowledged (printed) before the kill, the other entries are
//! all still there, and the backup loads too.
//!
//! `ROADMAP_TEST_KILLS` sets the number of kills (default 200, the figure in the README).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{Rng, Sandbox, env_count};
use roadmap_tutor::progress::{Progress, Status};
use roadmap_tutor::store::Store;

const SKILL: &str = "basics/first";
/// Entries for skills the roadmap does not have: kept by every save, so the file is a few
/// dozen KiB and a torn write would show as missing entries.
const KEPT: usize = 300;

fn content() -> String {
    common::fixture("valid")
}

fn spawn(sandbox: &Sandbox, status: Status) -> Child {
    let verb = if status == Status::Done { "done" } else { "reset" };
    sandbox
        .command()
        .args(["--content", &content(), "--state"])
        .arg(sandbox.state())
        .args([verb, SKILL])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts")
}

/// Loads a state file the way the binary does, and checks the kept entries survived.
fn load(path: &Path) -> Result<Progress, String> {
    let (_, progress) = Store::open(path).map_err(|e| e.to_string())?;
    let kept = progress.skills.keys().filter(|id| id.starts_with("kept/")).count();
    if kept != KEPT {
        return Err(format!("{} holds {kept} of the {KEPT} kept entries", path.display()));
    }
    Ok(progress)
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap();
    entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "tmp")).collect()
}

fn initial_state() -> String {
    let mut text = String::from("version: 1\nskills:\n");
    for i in 0..KEPT {
        text.push_str(&format!(
            "  kept/skill-{i:04}:\n    status: done\n    started: 2026-01-05\n    finished: 2026-02-01\n    \
             checkpoints: [0, 2]\n    note: |\n      Practised on project {i}.\n      Review in spring.\n"
        ));
    }
    text
}

#[test]
fn a_save_killed_at_any_moment_loses_no_acknowledged_change() {
    let kills = env_count("ROADMAP_TEST_KILLS", 200);
    let mut rng = Rng::from_env("kill");
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.state(), initial_state()).unwrap();
    let backup = Store::backup_path(&sandbox.state());

    // How long an unkilled run takes here, so the kills spread over a whole run.
    let mut acknowledged = Status::Todo;
    let mut runs = Vec::new();
    for _ in 0..5 {
        let next = if acknowledged == Status::Done { Status::Todo } else { Status::Done };
        let started = Instant::now();
        let run = spawn(&sandbox, next).wait_with_output().unwrap();
        runs.push(started.elapsed());
        assert!(run.status.success());
        acknowledged = next;
    }
    runs.sort();
    let span = (runs[runs.len() / 2].as_micros() as u64 * 5 / 4).max(1);

    let (mut acked, mut mid_write, mut landed) = (0, 0, 0);
    for kill in 0..kills {
        let next = if acknowledged == Status::Done { Status::Todo } else { Status::Done };
        let mut child = spawn(&sandbox, next);
        std::thread::sleep(Duration::from_micros(rng.below(span)));
        let _ = child.kill();
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let was_acked = stdout == format!("{SKILL}\t{}\n", next.name());

        // A temp file left behind means the kill interrupted a write (the next save removes it).
        if !temp_files(sandbox.home.path()).is_empty() {
            mid_write += 1;
        }
        let on_disk = load(&sandbox.state()).unwrap_or_else(|e| panic!("after kill {kill}: {e}"));
        let found = on_disk.status(SKILL);
        if was_acked {
            acked += 1;
            assert_eq!(found, next, "kill {kill}: an acknowledged change was lost");
        } else {
            assert!(found == acknowledged || found == next, "kill {kill}: {SKILL} is {found}");
            landed += usize::from(found == next);
        }
        acknowledged = found;
        if backup.exists() {
            load(&backup).unwrap_or_else(|e| panic!("after kill {kill}, the backup: {e}"));
        }
    }
    eprintln!(
        "{kills} kills within {span} µs of the start: {acked} after the change was printed, {landed} after it was saved but before it was \
         printed, {mid_write} while a temp file was being written"
    );

    // A run that is not killed saves normally and clears what the killed ones left behind.
    let next = if acknowledged == Status::Done { Status::Todo } else { Status::Done };
    assert!(spawn(&sandbox, next).wait().unwrap().success());
    assert_eq!(load(&sandbox.state()).unwrap().status(SKILL), next);
    assert_eq!(temp_files(sandbox.home.path()), Vec::<PathBuf>::new());
}
