//! The command line: clap arguments, the scriptable commands, plain output for scripts.

mod args;
mod changes;
mod color;
mod commands;
mod export;
mod generate;
pub mod launch;
mod next;
mod output;
mod paint;
mod plan;
mod scaffold;
mod session;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};

pub use args::{Cli, Command, MilestoneAction};
pub use color::{ThemeChoice, theme, use_color, wants_color};
pub use paint::Painter;
pub use session::{Failure, Session};

use crate::progress::Status;
use output::Output;

/// Runs the program with the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    ignore_file_size_signal();
    grow_the_heap_in_large_steps();
    let cli = match parse_args() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let result = if cli.command.is_none() && tty && std::io::stdin().is_terminal() {
        // Not under a stdout lock: the signal thread must be able to restore the terminal.
        run_tui(&cli)
    } else {
        let mut lock = stdout.lock();
        let result = run(&cli, &mut lock, tty);
        let _ = lock.flush();
        result
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Other(error)) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(failure) => {
            let color = use_color(&cli, std::io::stderr().is_terminal());
            report(&failure, Painter::with_theme(theme(&cli, color)));
            ExitCode::from(failure.exit_code())
        }
    }
}

/// The interactive tutor: content and progress load (or are refused) before the terminal is
/// taken over.
fn run_tui(cli: &Cli) -> Result<(), Failure> {
    let session = Session::open(cli)?;
    let theme = theme(cli, use_color(cli, true));
    crate::tui::run(session, theme).map_err(Failure::Other)
}

/// The process's arguments, parsed; clap's own help and errors follow `--no-color` too, and
/// whether `--content` came from the environment is noted for messages.
fn parse_args() -> Result<Cli, clap::Error> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = Cli::command();
    if color::no_color_arg(&args) {
        command = command.color(clap::ColorChoice::Never);
    }
    let mut matches = command.try_get_matches_from(args)?;
    // Read before `from_arg_matches_mut`, which takes the values out of `matches`.
    let content_from_env = matches.value_source("content") == Some(ValueSource::EnvVariable);
    let mut cli = Cli::from_arg_matches_mut(&mut matches)?;
    cli.content_from_env = content_from_env;
    Ok(cli)
}

/// Loading a large roadmap makes hundreds of thousands of small allocations on several
/// threads; glibc grows each heap 128 KiB at a time, with a system call per step. Larger steps
/// cost no memory until used and take a tenth off `validate` at 10,000 skills.
fn grow_the_heap_in_large_steps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes a malloc parameter; it is called before any other thread.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 8 << 20);
    }
}

/// A file size limit (`ulimit -f`) kills a process with SIGXFSZ when a write passes it. With
/// the signal ignored, the write fails with EFBIG instead, and the save reports it and keeps
/// the old file.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a standard signal to SIG_IGN before any thread starts.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

fn report(failure: &Failure, painter: Painter) {
    let label = painter.paint("error:", painter.theme.error);
    match failure {
        Failure::Content { .. } => {
            let text = failure.to_string();
            let (problems, summary) = text.rsplit_once('\n').unwrap_or(("", &text));
            if !problems.is_empty() {
                eprintln!("{problems}");
            }
            eprintln!("{label} {summary}");
        }
        _ => eprintln!("{label} {failure}"),
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Runs one parsed command line, writing its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write, tty: bool) -> Result<(), Failure> {
    let width = if tty { terminal_width() } else { 80 };
    let color = use_color(cli, tty);
    // Color forced into a pipe (CLICOLOR_FORCE) means a person reads it after all, through
    // `less -R` or a CI log: give them the terminal layout rather than tab-separated records.
    let human = tty || color;
    let mut output = Output { out, painter: Painter::with_theme(theme(cli, color)), tty: human, width };
    if let Some(done) = run_without_session(cli, &mut output) {
        return done;
    }
    let mut session = Session::open(cli)?;
    if let Some(note) = session.orphan_note() {
        eprintln!("{note}");
    }
    match &cli.command {
        None => {
            commands::status(&session, &mut output)?;
            output.line("")?;
            next::next(&session, &mut output, Some(5))?;
        }
        Some(Command::Status) => commands::status(&session, &mut output)?,
        Some(Command::Next { count, all }) => next::next(&session, &mut output, (!all).then_some(*count))?,
        Some(Command::Show { id }) => {
            let index = session.find(id)?;
            commands::show(&session, &mut output, index)?;
        }
        Some(Command::Start { id }) => change(&mut session, &mut output, id, Status::Doing)?,
        Some(Command::Done { id }) => change(&mut session, &mut output, id, Status::Done)?,
        Some(Command::Skip { id }) => change(&mut session, &mut output, id, Status::Skipped)?,
        Some(Command::Reset { id }) => change(&mut session, &mut output, id, Status::Todo)?,
        Some(Command::Tick { id, numbers }) => {
            let index = session.find(id)?;
            changes::tick(&mut session, &mut output, index, numbers)?;
        }
        Some(Command::Review { id }) => {
            let index = session.find(id)?;
            changes::review(&mut session, &mut output, index)?;
        }
        Some(Command::Milestone { phase, action }) => {
            let index = session.find_phase(phase)?;
            changes::milestone(&mut session, &mut output, index, *action)?;
        }
        Some(Command::Plan { hours }) => plan::plan(&mut session, &mut output, *hours)?,
        Some(Command::Export(args)) => export::run(&session, &mut output, args)?,
        Some(Command::Validate { .. } | Command::New { .. } | Command::Completions { .. } | Command::Man) => {
            unreachable!("run_without_session handled it")
        }
    }
    // The process ends right after this: freeing a large roadmap string by string would only
    // add time to every command (the memory goes back to the system at exit anyway).
    std::mem::forget(session);
    Ok(())
}

/// Commands that need neither a loaded roadmap nor the progress file, so broken content or a
/// corrupt state file cannot stop them; `None` for every other command.
fn run_without_session(cli: &Cli, out: &mut Output) -> Option<Result<(), Failure>> {
    Some(match cli.command.as_ref()? {
        Command::Validate { dir, strict } => validate(cli, dir.as_deref(), *strict, out),
        Command::New { dir } => scaffold::new_roadmap(dir, out),
        Command::Completions { shell } => generate::completions(*shell, out),
        Command::Man => generate::man_page(out),
        _ => return None,
    })
}

fn change(session: &mut Session, out: &mut Output, id: &str, status: Status) -> Result<(), Failure> {
    let index = session.find(id)?;
    changes::set_status(session, out, index, status)
}

fn validate(cli: &Cli, dir: Option<&std::path::Path>, strict: bool, out: &mut Output) -> Result<(), Failure> {
    use crate::suggest::words::count;
    let source = match dir {
        Some(dir) => session::folder_source(dir, &format!("validate {}", dir.display()))?,
        None => session::source(cli)?,
    };
    // Warnings (files the loader skips) follow the problems; they fail only under --strict.
    let warn = |out: &mut Output, warnings: &[crate::content::Problem]| {
        warnings.iter().try_for_each(|w| out.line(format!("{}:{}: warning: {}", w.path, w.line, w.message)))
    };
    let roadmap = match session::load_roadmap(&source) {
        Ok(roadmap) => roadmap,
        Err(Failure::Content { root, problems }) => {
            for problem in problems.iter() {
                out.line(problem.to_string())?;
            }
            warn(out, problems.warnings())?;
            return Err(Failure::Reported(format!("{} in {root}", count(problems.len(), "problem"))));
        }
        Err(other) => return Err(other),
    };
    warn(out, &roadmap.warnings)?;
    let warnings = count(roadmap.warnings.len(), "warning");
    if strict && !roadmap.warnings.is_empty() {
        return Err(Failure::Reported(format!("{warnings} in {} (--strict)", source.display_root())));
    }
    let skills = roadmap.skills.len();
    let mut message = format!(
        "ok: {} ({}): {}, {}, no problems",
        source.display_root(),
        roadmap.title,
        count(roadmap.phases.len(), "phase"),
        count(skills, "skill")
    );
    if !roadmap.warnings.is_empty() {
        message.push_str(&format!(", {warnings} (`--strict` makes warnings fail)"));
    }
    // As in `run`: the process ends next, so the roadmap is not freed piece by piece.
    std::mem::forget(roadmap);
    Ok(out.line(message)?)
}

/// The width to lay text out in: the terminal's, within reason. A terminal that reports no
/// size (0 columns, as under some `script` and CI setups) gets the usual 80.
fn terminal_width() -> usize {
    match ratatui::crossterm::terminal::size() {
        Ok((width, _)) if width > 0 => usize::from(width).clamp(20, 100),
        _ => 80,
    }
}
