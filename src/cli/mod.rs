//! The command line: clap arguments, the scriptable commands, plain output for scripts.

mod args;
mod color;
mod commands;
mod export;
mod generate;
pub mod launch;
mod output;
mod paint;
mod scaffold;
mod session;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

pub use args::{Cli, Command};
pub use color::{ThemeChoice, theme, use_color, wants_color};
pub use paint::Painter;
pub use session::{Failure, Session};

use crate::progress::Status;
use output::Output;

/// Runs the program with the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    let cli = match parse_args() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let mut lock = stdout.lock();
    match run(&cli, &mut lock, tty) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Other(error)) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(failure) => {
            let _ = lock.flush();
            let color = use_color(&cli, std::io::stderr().is_terminal());
            report(&failure, Painter::with_theme(theme(&cli, color)));
            ExitCode::from(failure.exit_code())
        }
    }
}

/// The process's arguments, parsed; clap's own help and errors follow `--no-color` too.
fn parse_args() -> Result<Cli, clap::Error> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = Cli::command();
    if color::no_color_arg(&args) {
        command = command.color(clap::ColorChoice::Never);
    }
    Cli::from_arg_matches_mut(&mut command.try_get_matches_from(args)?)
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
            commands::next(&session, &mut output, Some(5))?;
        }
        Some(Command::Status) => commands::status(&session, &mut output)?,
        Some(Command::Next { count, all }) => commands::next(&session, &mut output, (!all).then_some(*count))?,
        Some(Command::Show { id }) => {
            let index = session.find(id)?;
            commands::show(&session, &mut output, index)?;
        }
        Some(Command::Start { id }) => change(&mut session, &mut output, id, Status::Doing)?,
        Some(Command::Done { id }) => change(&mut session, &mut output, id, Status::Done)?,
        Some(Command::Skip { id }) => change(&mut session, &mut output, id, Status::Skipped)?,
        Some(Command::Reset { id }) => change(&mut session, &mut output, id, Status::Todo)?,
        Some(Command::Export(args)) => export::run(&session, &mut output, args)?,
        Some(Command::Validate { .. } | Command::New { .. } | Command::Completions { .. } | Command::Man) => {
            unreachable!("run_without_session handled it")
        }
    }
    Ok(())
}

/// Commands that need neither a loaded roadmap nor the progress file, so broken content or a
/// corrupt state file cannot stop them; `None` for every other command.
fn run_without_session(cli: &Cli, out: &mut Output) -> Option<Result<(), Failure>> {
    Some(match cli.command.as_ref()? {
        Command::Validate { dir } => validate(cli, dir.as_deref(), out),
        Command::New { dir } => scaffold::new_roadmap(dir, out),
        Command::Completions { shell } => generate::completions(*shell, out),
        Command::Man => generate::man_page(out),
        _ => return None,
    })
}

fn change(session: &mut Session, out: &mut Output, id: &str, status: Status) -> Result<(), Failure> {
    let index = session.find(id)?;
    commands::set_status(session, out, index, status)
}

fn validate(cli: &Cli, dir: Option<&std::path::Path>, out: &mut Output) -> Result<(), Failure> {
    let source = match dir {
        Some(dir) => session::folder_source(dir, "validate")?,
        None => session::source(cli)?,
    };
    let roadmap = match session::load_roadmap(&source) {
        Ok(roadmap) => roadmap,
        Err(Failure::Content { root, problems }) => {
            for problem in problems.iter() {
                out.line(problem.to_string())?;
            }
            let n = problems.len();
            let count = if n == 1 { "1 problem".to_string() } else { format!("{n} problems") };
            return Err(Failure::Reported(format!("{count} in {root}")));
        }
        Err(other) => return Err(other),
    };
    let skills = roadmap.skills.len();
    let message = format!(
        "ok: {} ({}): {} phases, {skills} skills, no problems",
        source.display_root(),
        roadmap.title,
        roadmap.phases.len()
    );
    Ok(out.line(message)?)
}

fn terminal_width() -> usize {
    ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w)).clamp(20, 100)
}
