//! Checks from the tutor, in a pseudo-terminal: another roadmap's commands are shown to be
//! trusted first; the run happens without freezing the screen and its results land on the
//! page and in the progress file; quitting while a check runs leaves nothing running.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::pty::Tui;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The practice roadmap, plus a skill whose check starts a server and then waits on it.
fn roadmap(home: &Path) -> std::path::PathBuf {
    let root = home.join("practice");
    common::copy_dir(&common::manifest_path("tests/fixtures/content/practice"), &root);
    write(
        &root,
        "basics/slow.md",
        "---\ntitle: Slow\nsummary: A check that takes its time.\nkind: practice\nlevel: stretch\nhours: 1\n\
         checks:\n  - title: Waits on a server\n    run: sleep 300 & echo $! > server.pid; wait\n    timeout: 600\n---\n\
         ## Why it matters\nx\n\n## When it starts to matter\nx\n\n## Practice\nDone when done.\n\n## Pitfalls\n- x\n",
    );
    root
}

fn open(home: &Path, project: &Path, content: &Path) -> Tui {
    let state = home.join("progress.yaml");
    let args = ["--content", content.to_str().unwrap(), "--state", state.to_str().unwrap()];
    let mut env = vec![("HOME", home.to_str().unwrap())];
    env.push(("PWD", project.to_str().unwrap()));
    let tui = Tui::spawn_in(project, &args, &env, 110, 36);
    tui.wait_for("Next steps");
    tui
}

#[test]
fn the_first_run_asks_to_trust_the_commands_then_shows_each_result() {
    let home = tempfile::tempdir().unwrap();
    let project = tempfile::tempdir().unwrap();
    std::fs::write(project.path().join("README.md"), "# mine\n").unwrap();
    std::fs::write(project.path().join("notes.txt"), "done\n").unwrap();
    let content = roadmap(home.path());
    let mut tui = open(home.path(), project.path(), &content);
    tui.send("/");
    tui.type_keys("Files");
    tui.send("\r");
    tui.wait_for("Checkpoints · checks");
    tui.send("R");
    tui.wait_for("Trust these checks?");
    assert!(tui.screen().contains("test -f README.md"), "the commands are shown:\n{}", tui.screen());
    tui.send("y");
    tui.wait_until("the results", |t| t.screen().contains("could not run"));
    let screen = tui.screen();
    assert!(screen.contains("✓ A README is there · passed 2026-11-21"), "{screen}");
    assert!(screen.contains("✓ The notes say done · passed"), "{screen}");
    assert!(screen.contains("? The linter is installed · could not"), "{screen}");
    assert!(screen.contains("no-such-linter-for-roadmap not found"), "the reason is shown:\n{screen}");
    tui.wait_for("2 of 3 checks passed; 1 could not run");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    let state = std::fs::read_to_string(home.path().join("progress.yaml")).unwrap();
    assert!(state.contains("      - 1 pass 2026-11-21 ") && state.contains("trusted:\n  practice: "), "{state}");
}

#[test]
fn quitting_while_a_check_runs_ends_at_once_and_kills_what_it_started() {
    let home = tempfile::tempdir().unwrap();
    let project = tempfile::tempdir().unwrap();
    let content = roadmap(home.path());
    // Trusted beforehand, as `roadmap trust --yes` does.
    let trusted = std::process::Command::new(env!("CARGO_BIN_EXE_roadmap"))
        .args(["--content", content.to_str().unwrap(), "--state"])
        .arg(home.path().join("progress.yaml"))
        .args(["trust", "--yes"])
        .env("ROADMAP_TODAY", "2026-11-21")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(trusted.status.success());
    let mut tui = open(home.path(), project.path(), &content);
    tui.send("/");
    tui.type_keys("Slow");
    tui.send("\r");
    tui.wait_for("Waits on a server");
    tui.send("R");
    tui.wait_for("running");
    let pid_file = project.path().join("server.pid");
    let start = Instant::now();
    while !pid_file.exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "the check did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The screen still answers keys while the check runs.
    tui.send("?");
    tui.wait_for("Keys for a skill's page");
    tui.send("\x1b");
    let started = Instant::now();
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    assert!(started.elapsed() < Duration::from_secs(5), "quitting took {:?}", started.elapsed());
    tui.assert_restored();
    let pid: i32 = std::fs::read_to_string(&pid_file).unwrap().trim().parse().unwrap();
    let gone = (0..100).any(|_| {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let dead = stat.is_empty() || stat.rsplit(") ").next().is_some_and(|s| s.starts_with(['Z', 'X']));
        if !dead {
            std::thread::sleep(Duration::from_millis(20));
        }
        dead
    });
    assert!(gone, "the server the check started outlived the tutor");
}
