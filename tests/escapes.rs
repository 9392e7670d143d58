//! Content is data: a roadmap and a progress file full of escape sequences (an OSC that sets
//! the window title, a CSI color, a one-character C1 CSI, a carriage return, a bidi override)
//! go through every command, piped and on a pseudo-terminal, and not one of those bytes comes
//! out: each shows as a visible stand-in. `validate` on a folder whose bad values hold escapes
//! echoes them inert too.

mod common;

use std::path::Path;

use common::pty::Tui;
use common::{Run, Sandbox, output};

/// Every kind of sequence, as a YAML double-quoted string spells it.
const YAML: &str = r"\e]0;pwned\a \e[41mred\e[0m \x9b2J \rover \u202eevil";
/// The same, as raw characters (for Markdown bodies, which have no escapes).
const RAW: &str = "\x1b]0;pwned\x07 \x1b[41mred\x1b[0m \u{9b}2J \rover \u{202e}evil";
/// What a reader sees instead.
const SHOWN: &str = "␛]0;pwned␇ ␛[41mred␛[0m \u{fffd}2J ␍over \u{fffd}evil";

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A valid roadmap with the sequences in every text an author writes, and a progress file
/// with them in a note and in the id of a skill the roadmap does not have.
fn hostile(sandbox: &Sandbox) -> String {
    let root = sandbox.home.path().join("hostile");
    write(
        &root,
        "roadmap.yaml",
        &format!("id: hostile\ntitle: \"Roadmap {YAML}\"\nsummary: \"{YAML}\"\nphases: [basics]\n"),
    );
    write(
        &root,
        "basics/phase.md",
        &format!(
            "---\ntitle: \"Phase {YAML}\"\ngoal: \"{YAML}\"\nmilestone:\n  title: \"Milestone {YAML}\"\n  \
             description: \"{YAML}\"\n---\nIntro {RAW}\n"
        ),
    );
    for (name, requires) in [("first", "[]"), ("second", "[basics/first]")] {
        write(
            &root,
            &format!("basics/{name}.md"),
            &format!(
                "---\ntitle: \"{name} {YAML}\"\nsummary: \"{YAML}\"\nkind: concept\nlevel: core\nhours: 2\n\
                 requires: {requires}\ntags: [\"{YAML}\"]\nresources:\n  - title: \"{YAML}\"\n    \
                 url: https://example.com/{name}\n    kind: doc\ncheckpoints:\n  - \"{YAML}\"\n---\n\
                 ## Why {RAW}\n\nBody {RAW}\n\n```\ncode {RAW}\n```\n\n| a | b |\n|---|---|\n| {RAW} | x |\n"
            ),
        );
    }
    std::fs::write(
        sandbox.state(),
        format!(
            "version: 1\nweekly_hours: 5\nskills:\n  basics/first:\n    status: doing\n    note: \"{YAML}\"\n  \
             \"gone/{YAML}\":\n    status: done\n"
        ),
    )
    .unwrap();
    root.to_str().unwrap().to_string()
}

/// Each command a learner or a script runs, on the hostile roadmap.
fn commands(root: &str) -> Vec<Vec<String>> {
    let lines = [
        "",
        "status",
        "next --all",
        "list",
        "show basics/first",
        "show --no-pager basics/second",
        "tick basics/first 1",
        "milestone basics",
        "plan",
        "export",
        "export -f json",
        "done basics/second",
        "start basics/first",
        "review basics/second",
        "reset basics/second",
        "validate",
    ];
    let mut all: Vec<Vec<String>> = lines
        .iter()
        .map(|line| {
            let mut args = vec!["--content".to_string(), root.to_string()];
            args.extend(line.split_whitespace().map(String::from));
            args
        })
        .collect();
    // Typed values echoed in errors.
    let typed = format!("nope{RAW}");
    for args in [["show", &typed], ["milestone", &typed], ["done", &typed]] {
        all.push(["--content", root].into_iter().chain(args).map(String::from).collect());
    }
    all.push(vec!["--content".into(), root.into(), "list".into(), "--phase".into(), typed.clone()]);
    // clap's own errors quote what was typed too.
    all.push(vec!["--content".into(), root.into(), typed.clone()]);
    all.push(vec!["--content".into(), root.into(), "next".into(), "-n".into(), typed]);
    all
}

/// What was written, with anything that could drive a terminal left in; `sgr` allows our own
/// color codes (`ESC [ digits m`), which a colored terminal run has.
fn acting(text: &str, sgr: bool) -> Vec<String> {
    let mut rest = text.replace("\r\n", "\n");
    if sgr {
        let mut plain = String::new();
        let mut chars = rest.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' && chars.peek() == Some(&'[') {
                let code: String = chars.clone().skip(1).take_while(|c| c.is_ascii_digit() || *c == ';').collect();
                if chars.clone().nth(code.len() + 1) == Some('m') {
                    chars.nth(code.len() + 1);
                    continue;
                }
            }
            plain.push(c);
        }
        rest = plain;
    }
    let bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c);
    rest.lines().filter(|line| line.chars().any(bad)).map(|line| format!("{line:?}")).collect()
}

#[test]
fn piped_output_shows_every_sequence_as_stand_ins() {
    let sandbox = Sandbox::new();
    let root = hostile(&sandbox);
    let mut shown_somewhere = 0;
    for args in commands(&root) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = sandbox.run(&args);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            let left = acting(text, false);
            assert!(left.is_empty(), "{args:?} wrote to {stream}: {left:#?}");
        }
        shown_somewhere += usize::from(run.stdout.contains(SHOWN) || run.stderr.contains(SHOWN));
    }
    assert!(shown_somewhere >= 15, "the stand-ins are shown, not dropped ({shown_somewhere} commands)");
    let status = sandbox.run(&["--content", &root, "status"]);
    assert!(status.stdout.starts_with(&format!("all\t0\t2\t0\tRoadmap {SHOWN}\n")), "{}", status.stdout);
    // clap strips escape sequences from its plain text: the stand-ins show they are not
    // printed raw either.
    let run = sandbox.run(&["no\x1b]0;title\x07pe"]);
    assert!(run.stderr.starts_with("error: unrecognized subcommand 'no␛]0;title␇pe'\n"), "{:?}", run.stderr);
    let typed = sandbox.run(&["--content", &root, "show", &format!("nope{RAW}")]);
    assert_eq!(typed.code, 2);
    assert!(typed.stderr.starts_with(&format!("error: no skill `nope{SHOWN}` in Roadmap {SHOWN}")), "{}", typed.stderr);
}

#[test]
fn the_json_export_keeps_the_data_exact_and_the_bytes_inert() {
    let sandbox = Sandbox::new();
    let root = hostile(&sandbox);
    let run = sandbox.run(&["--content", &root, "export", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(acting(&run.stdout, false).is_empty(), "{:?}", acting(&run.stdout, false));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["roadmap"]["title"], format!("Roadmap {RAW}"));
    assert_eq!(json["phases"][0]["skills"][0]["note"], RAW);
    let file = sandbox.home.path().join("export.json");
    sandbox.run(&["--content", &root, "export", "-o", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), run.stdout, "a file gets the same inert bytes");
}

#[test]
fn a_terminal_gets_only_the_programs_own_colors() {
    let sandbox = Sandbox::new();
    let root = hostile(&sandbox);
    let home = sandbox.home.path().to_str().unwrap().to_string();
    let cache = sandbox.cache.path().to_str().unwrap().to_string();
    let state = sandbox.state();
    let mut shown_somewhere = 0;
    // Without a command a terminal gets the tutor, which has its own tests.
    for args in commands(&root).into_iter().filter(|args| args.len() > 2) {
        // `show` pages through less, which writes its own codes: --no-pager keeps this about ours.
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        if args.get(2) == Some(&"show") {
            args.insert(3, "--no-pager");
        }
        let mut full = vec!["--state", state.to_str().unwrap()];
        full.extend(&args);
        let env = [("HOME", home.as_str()), ("XDG_CACHE_HOME", cache.as_str())];
        let mut tui = Tui::spawn(&full, &env, 100, 40);
        tui.wait_exit();
        let written = tui.output();
        let left = acting(&written, true);
        assert!(left.is_empty(), "{args:?} on a terminal: {left:#?}");
        shown_somewhere += usize::from(written.contains(SHOWN));
    }
    assert!(shown_somewhere >= 15, "the stand-ins are shown, not dropped ({shown_somewhere} commands)");
}

#[test]
fn validate_echoes_bad_values_inert() {
    let sandbox = Sandbox::new();
    let root = sandbox.home.path().join("broken");
    write(&root, "roadmap.yaml", "id: broken\ntitle: Broken\nphases: [basics]\n");
    write(&root, "basics/phase.md", "---\ntitle: Basics\ngoal: Learn.\n---\n");
    write(
        &root,
        "basics/first.md",
        "---\ntitle: First\nsummary: One.\nkind: \"\\e[31mconcept\"\nlevel: core\nhours: 1\n\
         requires: [\"basics/\\e]0;x\\a\"]\nresources:\n  - { title: Docs, url: \"http://\\e[41mbad\", kind: doc }\n\
         \"ti\\e[2Jtle\": x\n---\nBody\n",
    );
    write(&root, "basics/\x1b[2J.md", "---\ntitle: Named badly\n---\n");
    let run = sandbox.run(&["validate", root.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    for text in [&run.stdout, &run.stderr] {
        assert!(acting(text, false).is_empty(), "{:#?}", acting(text, false));
    }
    for stand_in in ["␛[31mconcept", "basics/␛]0;x␇", "http://␛[41mbad", "ti␛[2Jtle", "basics/␛[2J.md"] {
        assert!(run.stdout.contains(stand_in), "no {stand_in:?} in\n{}", run.stdout);
    }
    let mut command = sandbox.command();
    let run = output(command.args(["--state", sandbox.state().to_str().unwrap(), "status", "--content"]).arg(&root));
    assert_eq!(run.code, 1);
    assert!(acting(&run.stderr, false).is_empty(), "every other command refuses it inert too: {}", run.stderr);
    assert!(run.stderr.contains("␛[31mconcept"), "{}", run.stderr);
    let _: &Run = &run;
}

/// The TUI on the hostile roadmap: every screen that shows its text (Home, the Roadmap with
/// its detail, a skill's page with its items, search and its preview, help), and not one of
/// the sequences reaches the terminal; the titles show with their stand-ins.
#[test]
fn the_tui_never_writes_what_a_roadmap_says_to_the_terminal_raw() {
    let sandbox = Sandbox::new();
    let root = hostile(&sandbox);
    let state = sandbox.state();
    let args = ["--content", root.as_str(), "--state", state.to_str().unwrap()];
    let home = sandbox.home.path().to_str().unwrap().to_string();
    let mut tui = Tui::spawn(&args, &[("HOME", home.as_str()), ("NO_COLOR", "1")], 120, 40);
    tui.wait_for("Next steps");
    tui.wait_until("a title with stand-ins", |t| t.screen().contains("␛]0;pwned␇"));
    for keys in ["2", "l", "\r", "\t", "j", "\x1b", "/", "pwn", "\x1b", "?"] {
        tui.send(keys);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    tui.send("\x1b");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    let written = tui.output();
    for sequence in ["\x1b]0;pwned", "\x1b[41m", "\u{9b}2J", "\rover", "\u{202e}"] {
        assert!(!written.contains(sequence), "the TUI wrote {sequence:?}");
    }
}
