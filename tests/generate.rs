//! `roadmap completions SHELL` and `roadmap man`: generated from the clap definition, they
//! work anywhere (no roadmap, no progress file needed) and name every command. Completion
//! calls the binary back (`COMPLETE=SHELL roadmap -- WORDS`), which offers commands, options,
//! and the ids and phases of the roadmap in use.

mod common;

use common::Sandbox;

const COMMANDS: &[&str] = &[
    "status",
    "next",
    "list",
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
    "sync",
    "merge-file",
    "completions",
    "man",
];

/// What the binary answers a shell completing `words` (the last one is being typed), as
/// fish asks: one `value<TAB>description` a line.
fn complete(sandbox: &Sandbox, words: &[&str], env: &[(&str, &str)]) -> Vec<String> {
    let mut command = sandbox.command();
    command.env("COMPLETE", "fish").envs(env.iter().copied()).args(["--", "roadmap"]).args(words);
    let run = common::output(&mut command);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{words:?}");
    run.stdout.lines().map(str::to_string).collect()
}

/// The values offered, without the options that come after them when nothing is typed yet.
fn values(lines: &[String]) -> Vec<&str> {
    lines.iter().map(|line| line.split('\t').next().unwrap_or_default()).filter(|v| !v.starts_with('-')).collect()
}

#[test]
fn completions_generate_for_every_shell() {
    let sandbox = Sandbox::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = sandbox.run(&["completions", shell]);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{shell}");
        assert!(run.stdout.contains("COMPLETE") && run.stdout.contains(shell), "{shell}: {}", run.stdout);
        assert!(run.stdout.contains(env!("CARGO_BIN_EXE_roadmap")), "{shell} calls this binary back: {}", run.stdout);
    }
    let run = sandbox.run(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"), "{}", run.stderr);
}

#[test]
fn completion_offers_every_command_and_option() {
    let sandbox = Sandbox::new();
    let offered = complete(&sandbox, &[""], &[]);
    for command in COMMANDS {
        assert!(values(&offered).contains(command), "no `{command}` in {offered:?}");
    }
    assert!(offered.contains(
        &"sync\tCommit your progress file in its git repository, pull, and push (sets up the merge driver)".to_string()
    ));
    let theme = complete(&sandbox, &["--th"], &[]);
    assert_eq!(theme.len(), 1);
    assert!(theme[0].starts_with("--theme\t"), "{theme:?}");
    assert_eq!(values(&complete(&sandbox, &["--theme", "l"], &[])), ["light"]);
    assert_eq!(values(&complete(&sandbox, &["export", "--format", ""], &[])), ["markdown", "json"]);
}

#[test]
fn completion_offers_the_skill_ids_and_phases_of_the_roadmap_in_use() {
    let sandbox = Sandbox::new();
    assert_eq!(
        complete(&sandbox, &["done", "foundations/gi"], &[]),
        ["foundations/git-basics\tGit basics", "foundations/github-workflow\tGitHub workflow"]
    );
    assert_eq!(complete(&sandbox, &["start", "git-b"], &[]), ["git-basics\tGit basics"], "the short form");
    assert_eq!(
        values(&complete(&sandbox, &["done", "foundations/git-basics", "foundations/pro"], &[])),
        ["foundations/problem-decomposition"]
    );
    for words in [&["show", "Foundations/GIT-b"][..], &["tick", "foundations/git-b"], &["review", "git-ba"]] {
        assert_eq!(values(&complete(&sandbox, words, &[])).len(), 1, "{words:?}");
    }
    let every = complete(&sandbox, &["done", ""], &[]);
    assert!(values(&every).len() > 90 && every[0].starts_with("foundations/"), "in the roadmap's order: {every:?}");
    assert_eq!(complete(&sandbox, &["milestone", "f"], &[]), ["foundations\tFoundations"]);
    assert_eq!(values(&complete(&sandbox, &["list", "--phase", "a"], &[])).len(), 3, "application, architecture, ai");
    // Another roadmap: --content on the line, or ROADMAP_CONTENT.
    let fixture = common::fixture("aliases");
    assert_eq!(
        values(&complete(&sandbox, &["--content", &fixture, "done", "basics/"], &[])),
        ["basics/first", "basics/second"]
    );
    assert_eq!(
        values(&complete(&sandbox, &["milestone", ""], &[("ROADMAP_CONTENT", &fixture)])),
        ["basics", "advanced"]
    );
    // A roadmap that does not load offers nothing, quietly.
    assert!(values(&complete(&sandbox, &["--content", &common::fixture("cycle"), "done", ""], &[])).is_empty());
}

#[test]
fn bash_completes_an_id_through_the_script() {
    let Ok(bash) = which("bash") else { return };
    let sandbox = Sandbox::new();
    let script = sandbox.run(&["completions", "bash"]).stdout;
    let complete = r#"eval "$1"
COMP_WORDS=(roadmap done foundations/gi); COMP_CWORD=2; COMP_TYPE=9
_clap_complete_roadmap roadmap foundations/gi done
printf '%s\n' "${COMPREPLY[@]}""#;
    let (stdout, stderr) = shell(&sandbox, &bash, &["--norc", "-c", complete, "bash", &script]);
    assert_eq!((stdout.as_str(), stderr.as_str()), ("foundations/git-basics\nfoundations/github-workflow\n", ""));
}

/// Runs a shell's `-c` script with the sandbox's environment for the binary.
fn shell(sandbox: &Sandbox, program: &std::path::Path, args: &[&str]) -> (String, String) {
    let mut command = sandbox.command();
    command.env_remove("COMPLETE");
    let run = std::process::Command::new(program)
        .args(args)
        .envs(command.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .output()
        .unwrap();
    (String::from_utf8_lossy(&run.stdout).into_owned(), String::from_utf8_lossy(&run.stderr).into_owned())
}

#[test]
fn fish_completes_ids_and_phases_through_the_script() {
    let Ok(fish) = which("fish") else { return };
    let sandbox = Sandbox::new();
    let script = sandbox.run(&["completions", "fish"]).stdout;
    let asked = "echo $argv[1] | source; complete -C 'roadmap done foundations/gi'; complete -C 'roadmap milestone f'";
    let (stdout, stderr) = shell(&sandbox, &fish, &["--no-config", "-c", asked, &script]);
    assert_eq!(stderr, "");
    assert_eq!(
        stdout,
        "foundations/git-basics\tGit basics\nfoundations/github-workflow\tGitHub workflow\nfoundations\tFoundations\n"
    );
}

#[test]
fn zsh_completes_from_the_first_tab_when_the_script_is_autoloaded() {
    let Ok(zsh) = which("zsh") else { return };
    let sandbox = Sandbox::new();
    let functions = sandbox.home.path().join("zfunc");
    std::fs::create_dir(&functions).unwrap();
    std::fs::write(functions.join("_roadmap"), sandbox.run(&["completions", "zsh"]).stdout).unwrap();
    // compinit's `compdef` and `_describe` stood in for: the values are what reaches them.
    let asked = "fpath=($1 $fpath); compdef() { : }; _describe() { local name=${@[-1]}; print -rl -- ${(P)name} }
words=(roadmap start git-b); CURRENT=3; autoload -U _roadmap; _roadmap";
    let (stdout, stderr) = shell(&sandbox, &zsh, &["-f", "-c", asked, "zsh", &functions.to_string_lossy()]);
    assert_eq!((stdout.as_str(), stderr.as_str()), ("git-basics:Git basics\n", ""));
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
        let command = command.replace('-', "\\-");
        assert!(page.contains(&format!("\\fBroadmap {command}\\fR")), "`{command}` is not documented");
    }
    for variable in ["NO_COLOR", "CLICOLOR_FORCE", "ROADMAP_THEME", "ROADMAP_STATE", "ROADMAP_CONTENT"] {
        assert!(page.contains(&format!("\\fB{variable}\\fR")), "{variable} is not documented");
    }
}

#[test]
fn the_man_page_lists_every_key_of_the_tutor_from_the_keymap() {
    use clap_mangen::roff::{Roff, bold, roman};
    let page = Sandbox::new().run(&["man"]).stdout;
    let keys = section(&page, "KEYS");
    // A line as the page writes it (the part after render's two-line preamble).
    let roff_line = |inline| format!("\n{}\n", Roff::new().text([inline]).render().lines().last().unwrap_or_default());
    let mut rows = 0;
    for (group, bindings) in roadmap_tutor::keymap::groups() {
        let heading = if group.contains(' ') { format!(".SS \"{group}\"\n") } else { format!(".SS {group}\n") };
        assert!(keys.contains(&heading), "no {heading:?} in KEYS");
        for binding in bindings {
            assert!(keys.contains(&roff_line(roman(binding.help))), "no `{}` in KEYS", binding.help);
            rows += 1;
        }
    }
    assert!(rows > 60, "{rows} keys");
    // Arrows as words: roff reads ASCII.
    assert!(keys.contains(&roff_line(bold("Up, k"))) && keys.contains(&roff_line(bold("PgDn, Ctrl-d"))), "{keys}");
    assert!(keys.is_ascii());
}

#[test]
fn the_man_page_has_examples_for_a_learner_a_script_an_author_and_sync() {
    let page = Sandbox::new().run(&["man"]).stdout;
    let examples = section(&page, "EXAMPLES");
    for line in [
        "$ roadmap next",
        "$ roadmap done problem\\-decomposition",
        "$ roadmap list \\-\\-status todo \\-\\-phase foundations | cut \\-f1",
        "$ roadmap validate my\\-roadmap",
        "$ roadmap sync \\-\\-dry\\-run",
    ] {
        assert!(examples.lines().any(|l| l == line), "no `{line}` in EXAMPLES:\n{examples}");
    }
    let order: Vec<usize> = ["COMMANDS", "KEYS", "ENVIRONMENT", "EXAMPLES", "VERSION"]
        .iter()
        .map(|name| page.find(&format!("\n.SH {name}\n")).unwrap_or_else(|| panic!("no {name}")))
        .collect();
    assert!(order.is_sorted(), "sections in the usual order: {order:?}");
}

/// One `.SH` section of a page, up to the next.
fn section<'a>(page: &'a str, name: &str) -> &'a str {
    let start = page.find(&format!("\n.SH {name}\n")).unwrap_or_else(|| panic!("no {name} section"));
    let rest = &page[start + 1..];
    let end = rest[1..].find("\n.SH ").map_or(rest.len(), |i| i + 2);
    &rest[..end]
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

/// A program on PATH, or an error when it is not installed: the test is then skipped on a
/// developer's machine, but fails in CI (`CI` set), where `.ci/run` installs every one.
fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path).map(|dir| dir.join(program)).find(|p| p.is_file());
    if found.is_none() && std::env::var_os("CI").is_some_and(|ci| !ci.is_empty()) {
        panic!("{program} is not installed: .ci/run installs it");
    }
    found.ok_or(())
}
