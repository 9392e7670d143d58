//! Shell completions and the manual page, both generated from the clap definition so they
//! never drift from what the program accepts (the completion script calls the binary back:
//! `complete.rs`).

use std::io::{self, Write};

use clap::{Arg, CommandFactory};
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, italic, roman};

use super::args::Cli;
use super::output::Output;
use super::session::Failure;

/// The name the completions and the manual use: the installed binary's.
const BIN: &str = "roadmap";

pub fn completions(shell: Shell, out: &mut Output) -> Result<(), Failure> {
    // Rendered whole first, so a closed pipe is an error here rather than a panic inside the
    // generator.
    let mut script = Vec::new();
    write_completions(shell, &mut script)?;
    Ok(out.document(&String::from_utf8_lossy(&script))?)
}

pub fn write_completions(shell: Shell, w: &mut dyn Write) -> io::Result<()> {
    super::complete::write_registration(shell, w)
}

pub fn man_page(out: &mut Output) -> Result<(), Failure> {
    let mut page = Vec::new();
    write_man_page(&mut page)?;
    Ok(out.document(&String::from_utf8_lossy(&page))?)
}

/// One page for the whole program: the global options, then every command with its own
/// arguments, then the environment, files and exit status.
pub fn write_man_page(w: &mut dyn Write) -> io::Result<()> {
    let mut command = Cli::command().bin_name(BIN);
    command.build();
    let man = Man::new(command.clone());
    let mut roff = Roff::new();
    // Through roff's API, but with the empty date quoted by hand: roff quotes only arguments
    // with spaces (roff 1.1.1 `escape_spaces`), so clap_mangen's own title (`Man::render_title`)
    // writes `.TH ROADMAP 1  roadmap...`, and groff reads the version as the date.
    let source = format!("{BIN} {}", command.get_version().unwrap_or_default());
    roff.control("TH", ["ROADMAP", "1", "\"\"", &source, "User Commands"]);
    let mut page = Vec::new();
    roff.to_writer(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        render_command(&mut roff, sub);
    }
    render_keys(&mut roff);
    render_reference(&mut roff);
    render_examples(&mut roff);
    roff.to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    w.write_all(once_preamble(&String::from_utf8_lossy(&page)).as_bytes())
}

/// Each piece rendered separately starts with the same two-line preamble; one is enough.
fn once_preamble(page: &str) -> String {
    const PREAMBLE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";
    match page.strip_prefix(PREAMBLE) {
        Some(rest) => format!("{PREAMBLE}{}", rest.replace(PREAMBLE, "")),
        None => page.to_string(),
    }
}

/// The arguments a subcommand adds to the global ones.
fn own_args(command: &clap::Command) -> impl Iterator<Item = &Arg> {
    command.get_arguments().filter(|a| !a.is_global_set() && !a.is_hide_set() && a.get_id() != "help")
}

fn render_command(roff: &mut Roff, command: &clap::Command) {
    let mut usage = vec![bold(format!("{BIN} {}", command.get_name()))];
    for arg in own_args(command) {
        usage.push(roman(" "));
        usage.extend(synopsis(arg));
    }
    roff.control("TP", []);
    roff.text(usage);
    if let Some(about) = command.get_long_about().or_else(|| command.get_about()) {
        roff.text([roman(about.to_string())]);
    }
    let args: Vec<&Arg> = own_args(command).collect();
    if args.is_empty() {
        return;
    }
    roff.control("RS", []);
    for arg in args {
        roff.control("TP", []);
        roff.text(header(arg));
        let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
        if !values.is_empty() {
            help.push_str(&format!(" (one of: {})", values.join(", ")));
        }
        if let Some(default) = arg.get_default_values().first().filter(|_| takes_value(arg)) {
            help.push_str(&format!(" (default: {})", default.to_string_lossy()));
        }
        roff.text([roman(help.trim().to_string())]);
    }
    roff.control("RE", []);
}

fn value_name(arg: &Arg) -> String {
    arg.get_value_names().and_then(|names| names.first()).map_or_else(|| arg.get_id().to_string(), |n| n.to_string())
}

fn takes_value(arg: &Arg) -> bool {
    arg.get_num_args().is_some_and(|n| n.takes_values())
}

/// How an argument reads in a usage line: `<ID>`, `<ID>...`, `[DIR]`, `[-n N]`, `[--all]`.
fn synopsis(arg: &Arg) -> Vec<clap_mangen::roff::Inline> {
    if arg.is_positional() {
        let (open, close) = if arg.is_required_set() { ("<", ">") } else { ("[", "]") };
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        return vec![
            roman(open),
            italic(value_name(arg)),
            roman(if many { format!("{close}...") } else { close.into() }),
        ];
    }
    let flag = match (arg.get_short(), arg.get_long()) {
        (Some(short), _) => format!("-{short}"),
        (None, Some(long)) => format!("--{long}"),
        (None, None) => return Vec::new(),
    };
    let mut parts = vec![roman("["), bold(flag)];
    if takes_value(arg) {
        parts.extend([roman(" "), italic(value_name(arg))]);
    }
    parts.push(roman("]"));
    parts
}

/// The heading of an argument in a command's list: `-n, --count N`, or `ID`.
fn header(arg: &Arg) -> Vec<clap_mangen::roff::Inline> {
    if arg.is_positional() {
        return vec![italic(value_name(arg))];
    }
    let mut parts = Vec::new();
    if let Some(short) = arg.get_short() {
        parts.push(bold(format!("-{short}")));
    }
    if let Some(long) = arg.get_long() {
        if !parts.is_empty() {
            parts.push(roman(", "));
        }
        parts.push(bold(format!("--{long}")));
    }
    if takes_value(arg) {
        parts.extend([roman(" "), italic(value_name(arg))]);
    }
    parts
}

/// KEYS: every key of the tutor, table by table, from the keymap itself (as the help screen
/// and the README's table are), so the page cannot drift from what the keys do.
fn render_keys(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "In the tutor (roadmap on a terminal, with no command); ? shows the keys of the screen you are on.",
    )]);
    for (group, bindings) in crate::keymap::groups() {
        roff.control("SS", [group]);
        // One line per key, without a blank line between: a table, not paragraphs.
        roff.control("PD", ["0"]);
        for binding in bindings {
            let keys: Vec<String> = binding.keys.iter().map(|key| man_key_name(*key)).collect();
            roff.control("TP", ["14"]);
            roff.text([bold(keys.join(", "))]);
            roff.text([roman(binding.help)]);
        }
        roff.control("PD", []);
    }
}

/// A key's name as the help screen writes it, with words for the arrows: a man page is read
/// through roff, which takes plain ASCII everywhere.
fn man_key_name(key: crate::keymap::Key) -> String {
    match crate::keymap::key_name(key).as_str() {
        "↑" => "Up".to_string(),
        "↓" => "Down".to_string(),
        "←" => "Left".to_string(),
        "→" => "Right".to_string(),
        name => name.to_string(),
    }
}

/// EXAMPLES: a learner's first session, a script, an author checking a roadmap, sync.
fn render_examples(roff: &mut Roff) {
    const EXAMPLES: &[(&str, &[&str])] = &[
        (
            "A first session: open the tutor, or ask from the shell what to do next, start it, and mark it done.",
            &[
                "roadmap",
                "roadmap next",
                "roadmap start problem-decomposition",
                "roadmap show problem-decomposition",
                "roadmap done problem-decomposition",
            ],
        ),
        (
            "In a script: piped, every command prints tab-separated records.",
            &[
                "roadmap list --status todo --phase foundations | cut -f1",
                "roadmap next -n 1 | cut -f4",
                "roadmap export -f json | jq -r '.phases[] | .title'",
            ],
        ),
        (
            "Writing a roadmap: start from a skeleton, check every file, then learn from it.",
            &["roadmap new my-roadmap", "roadmap validate my-roadmap", "roadmap --content my-roadmap"],
        ),
        (
            "Two machines: keep the progress file in a git repository with an upstream (your dotfiles), \
             then sync on each machine; the first sync sets up the merge driver.",
            &["export ROADMAP_STATE=~/dotfiles/roadmap/progress.yaml", "roadmap sync --dry-run", "roadmap sync"],
        ),
    ];
    roff.control("SH", ["EXAMPLES"]);
    for (what, lines) in EXAMPLES {
        roff.control("PP", []);
        roff.text([roman(*what)]);
        roff.control("PP", []);
        roff.control("RS", ["4"]);
        roff.control("nf", []);
        for line in *lines {
            roff.text([roman(format!("$ {line}"))]);
        }
        roff.control("fi", []);
        roff.control("RE", []);
    }
}

/// ENVIRONMENT, FILES and EXIT STATUS: what `--help` says after the options, at length.
fn render_reference(roff: &mut Roff) {
    let entries = |roff: &mut Roff, items: &[(&str, &str)]| {
        for (name, text) in items {
            roff.control("TP", []);
            roff.text([bold(*name)]);
            roff.text([roman(*text)]);
        }
    };
    roff.control("SH", ["ENVIRONMENT"]);
    entries(
        roff,
        &[
            (
                "ROADMAP_CONTENT",
                "A roadmap folder to use instead of the built-in roadmap (as --content, which wins); \
                 set but empty is an error.",
            ),
            ("ROADMAP_STATE", "The progress file to use (as --state, which wins); set but empty is an error."),
            ("ROADMAP_THEME", "auto, dark or light (as --theme); empty is auto."),
            ("NO_COLOR", "When set and not empty, no colors (as --no-color)."),
            ("CLICOLOR_FORCE", "When set, not empty and not 0, colors even when the output is not a terminal."),
            ("CLICOLOR", "When 0, no colors on a terminal."),
            ("TERM", "When dumb, no colors unless CLICOLOR_FORCE asks for them."),
            ("COLORFGBG", "Read by --theme auto to tell a dark background from a light one."),
            (
                "PAGER",
                "The pager for show on a terminal (default: less, with LESS=FRX when LESS is unset); \
                 empty or cat: none.",
            ),
            ("ROADMAP_TODAY", "A date like 2026-11-21 to use as today (for demos and tests)."),
            ("ROADMAP_CACHE_DIR", "Where parsed roadmaps are cached; empty turns the cache off."),
        ],
    );
    roff.control("SH", ["FILES"]);
    entries(
        roff,
        &[
            (
                "~/.config/roadmap-tutor/progress.yaml",
                "Progress on Linux (under $XDG_CONFIG_HOME when set); on macOS in \
                 ~/Library/Application Support/roadmap-tutor/. Saved atomically, with the previous \
                 version kept as progress.yaml.bak.",
            ),
            (
                "~/.cache/roadmap-tutor/",
                "Parsed roadmaps, on Linux (under $XDG_CACHE_HOME when set); on macOS in \
                 ~/Library/Caches/roadmap-tutor/. Any change to a roadmap's files means a fresh \
                 parse; the folder can be deleted at any time.",
            ),
        ],
    );
    roff.control("SH", ["EXIT STATUS"]);
    entries(
        roff,
        &[
            ("0", "Success."),
            ("1", "Problems: broken content, an unreadable progress file, a failed save or write."),
            ("2", "Bad usage: an unknown command, flag or skill id, or a folder that cannot be used."),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_lines_show_required_optional_and_flag_arguments() {
        let mut command = Cli::command();
        command.build();
        let render = |name: &str| {
            let sub = command.find_subcommand(name).unwrap();
            let mut roff = Roff::new();
            roff.text(own_args(sub).flat_map(synopsis).collect::<Vec<_>>());
            roff.to_roff()
        };
        assert_eq!(render("show"), "<\\fIID\\fR>[\\fB\\-\\-no\\-pager\\fR]\n");
        assert_eq!(render("done"), "<\\fIID\\fR>...\n");
        assert_eq!(render("validate"), "[\\fIDIR\\fR][\\fB\\-\\-strict\\fR]\n");
        assert_eq!(render("next"), "[\\fB\\-n\\fR \\fIN\\fR][\\fB\\-\\-all\\fR]\n");
    }
}
