//! Running the real `roadmap` binary in a sandbox: a temporary HOME and state file, no
//! color, a fixed date.
#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Sandbox {
    pub home: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { home: tempfile::tempdir().expect("temp dir") }
    }

    /// The state file used by `run` (passed as `--state`).
    pub fn state(&self) -> PathBuf {
        self.home.path().join("progress.yaml")
    }

    /// A command for the binary with HOME in the sandbox and the environment cleared of
    /// anything that would change its behaviour.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_roadmap"));
        command
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("HOME", self.home.path())
            .env("ROADMAP_TODAY", "2026-11-21")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("ROADMAP_CONTENT")
            .env_remove("ROADMAP_STATE")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        command
    }

    /// Runs with `--state` pointing into the sandbox.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut command = self.command();
        command.arg("--state").arg(self.state()).args(args);
        Run::of(command.output().expect("the binary runs"))
    }

    pub fn state_text(&self) -> String {
        std::fs::read_to_string(self.state()).unwrap_or_default()
    }
}

/// What a run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs a prepared command.
pub fn output(command: &mut Command) -> Run {
    Run::of(command.output().expect("the binary runs"))
}

pub fn fixture(name: &str) -> String {
    format!("tests/fixtures/content/{name}")
}

pub fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}
