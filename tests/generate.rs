//! `roadmap completions SHELL` and `roadmap man`: generated from the clap definition, they
//! work anywhere (no roadmap, no progress file needed) and name every command.

mod common;

use common::Sandbox;

const COMMANDS: &[&str] = &[
    "status",
    "next",
    "show",
    "start",
    "done",
    "skip",
    "reset",
    "tick",
    "review",
    "milestone",
    "plan",
    "validate",
    "export",
    "new",
    "completions",
    "man",
];

#[test]
fn completions_generate_for_every_shell() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = sandbox.run(&["completions", shell]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{shell}");
        assert!(run.stdout.len() > 500, "{shell}: {}", run.stdout);
        for command in COMMANDS {
            assert!(run.stdout.contains(command), "{shell} completions lack `{command}`");
        }
        assert!(run.stdout.contains("theme") && run.stdout.contains("format"), "{shell}: options too");
    }
    let run = sandbox.run(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"), "{}", run.stderr);
}

#[test]
fn bash_accepts_the_completion_script() {
    let Ok(bash) = which("bash") else { return };
    let script = Sandbox::new().run(&["completions", "bash"]).stdout;
    let check = std::process::Command::new(bash)
        .args(["--norc", "-c", "eval \"$1\" && complete -p roadmap", "bash", &script])
        .output()
        .unwrap();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(String::from_utf8_lossy(&check.stdout).contains("roadmap"));
}

#[test]
fn the_man_page_is_roff_and_documents_every_command() {
    let run = Sandbox::new().run(&["man"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let page = &run.stdout;
    let title = page.lines().find(|l| l.starts_with(".TH")).unwrap_or_default();
    assert_eq!(
        title,
        ".TH ROADMAP 1 \"\" \"roadmap 0.1.0\" \"User Commands\"".replace("0.1.0", env!("CARGO_PKG_VERSION"))
    );
    assert!(page.lines().take(3).any(|l| l.starts_with(".TH")), "the title comes first");
    for section in ["NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "ENVIRONMENT", "FILES", "\"EXIT STATUS\""] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "no {section} section");
    }
    for command in COMMANDS {
        assert!(page.contains(&format!("\\fBroadmap {command}\\fR")), "`{command}` is not documented");
    }
    for variable in ["NO_COLOR", "CLICOLOR_FORCE", "ROADMAP_THEME", "ROADMAP_STATE", "ROADMAP_CONTENT"] {
        assert!(page.contains(&format!("\\fB{variable}\\fR")), "{variable} is not documented");
    }
}

#[test]
fn the_man_page_renders_without_warnings_where_groff_is_installed() {
    let Ok(groff) = which("groff") else { return };
    let page = Sandbox::new().run(&["man"]).stdout;
    let mut child = std::process::Command::new(groff)
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(page.as_bytes()).unwrap();
    let rendered = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&rendered.stderr), "");
    let text = String::from_utf8_lossy(&rendered.stdout);
    assert!(text.contains("EXIT STATUS") && text.contains("roadmap export [-f FORMAT] [-o FILE]"), "{text}");
}

#[test]
fn they_need_neither_a_roadmap_nor_a_readable_progress_file() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.state(), "version: 1\nskills: [\n").unwrap();
    for args in [&["--content", "tests/fixtures/content/cycle", "man"][..], &["completions", "fish"]] {
        let run = sandbox.run(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    }
}

/// A program on PATH, or an error when it is not installed (the test is then skipped).
fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file()).ok_or(())
}
