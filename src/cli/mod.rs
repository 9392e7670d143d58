//! The command line: clap arguments, the scriptable commands, plain output for scripts.

mod args;
mod changes;
mod check;
mod color;
mod commands;
pub mod complete;
mod env;
mod export;
mod generate;
mod list;
mod memo;
mod merge_file;
mod next;
mod output;
mod pager;
mod paint;
mod plan;
mod project;
mod quiz;
mod scaffold;
mod session;
mod sync;
mod trust;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use ratatui::text::{Line, Span};

pub use args::{Cli, Command, MilestoneAction};
pub use color::{ThemeChoice, theme, use_color, wants_color};
pub use paint::Painter;
pub use session::{Failure, Session};

use crate::progress::Status;
use crate::text::{self, Breaks};
use output::Output;

/// Runs the program with the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    // A shell asking for completions (`COMPLETE=bash roadmap -- ...`) is answered and the
    // process ends here, before anything else is printed.
    complete::answer_if_asked();
    ignore_file_size_signal();
    grow_the_heap_in_large_steps();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // An error quotes what was typed; if that holds anything a terminal would act on, clap
    // styles nothing, so every escape in its message is the user's and can be made inert.
    let typed_controls = args.iter().any(|arg| !text::safe::is_inert(&arg.to_string_lossy(), Breaks::Document));
    let mut cli = match parse_args(args, typed_controls) {
        Ok(cli) => cli,
        Err(error) if typed_controls => return clap_error_inert(&error),
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() { 2 } else { 0 });
        }
    };
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let result = match env::apply(&mut cli, |name| std::env::var_os(name)) {
        Err(failure) => Err(failure),
        Ok(()) if cli.command.is_none() && tty && std::io::stdin().is_terminal() => {
            // Not under a stdout lock: the signal thread must be able to restore the terminal.
            run_tui(&cli).map(|()| Loaded::default())
        }
        Ok(()) => match pager_for(&cli, tty) {
            Some(pager) => paged(&cli, &pager),
            None => {
                let mut lock = stdout.lock();
                let result = run(&cli, &mut lock, tty);
                let _ = lock.flush();
                result
            }
        },
    };
    match result {
        Ok(loaded) => end(loaded),
        Err(Failure::Other(error)) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(failure) => {
            let color = use_color(&cli, std::io::stderr().is_terminal());
            report(&failure, Painter::with_theme(theme(&cli, color)));
            ExitCode::from(failure.exit_code())
        }
    }
}

/// What a command loaded, handed back so that `main` can end the process with it still in
/// memory: freeing a freshly parsed roadmap of 10,000 skills string by string takes about
/// 50 ms (a quarter of `validate`), a cached one about 0.7 ms, while the system takes the
/// memory back at exit for nothing. Library callers simply drop it.
#[derive(Default)]
pub struct Loaded {
    _session: Option<Session>,
    _roadmap: Option<crate::content::Roadmap>,
}

/// Ends the process once everything is printed, with `loaded` still alive: `exit` runs no
/// destructors.
fn end(loaded: Loaded) -> ! {
    let _ = std::io::stdout().lock().flush();
    let _kept_until_exit = loaded;
    std::process::exit(0)
}

/// The pager for this command line, if it pages: only `show`, only on a terminal.
fn pager_for(cli: &Cli, tty: bool) -> Option<std::ffi::OsString> {
    let Some(Command::Show { no_pager, .. }) = &cli.command else { return None };
    pager::pager(!no_pager, tty, |name| std::env::var_os(name))
}

/// Runs the command into memory, then shows what it printed through the pager.
fn paged(cli: &Cli, pager: &std::ffi::OsStr) -> Result<Loaded, Failure> {
    let mut buffer = Vec::new();
    let result = run(cli, &mut buffer, true);
    if !buffer.is_empty() {
        pager::page(pager, &buffer)?;
    }
    result
}

/// clap's error for a command line holding control characters: unstyled (see `main`), and
/// printed inert like everything else.
fn clap_error_inert(error: &clap::Error) -> ExitCode {
    let message = error.render().ansi().to_string();
    let inert = text::inert(&message, Breaks::Document);
    let _ = if error.use_stderr() {
        std::io::stderr().lock().write_all(inert.as_bytes())
    } else {
        std::io::stdout().lock().write_all(inert.as_bytes())
    };
    ExitCode::from(if error.use_stderr() { 2 } else { 0 })
}

/// The interactive tutor: content and progress load (or are refused) before the terminal is
/// taken over.
fn run_tui(cli: &Cli) -> Result<(), Failure> {
    // The review memo is read while the roadmap and the progress load (a state path that
    // cannot be worked out is reported by the session, in its turn).
    let (session, memo) = std::thread::scope(|scope| {
        let memo = scope.spawn(|| session::state_path(cli).ok().map(|state| memo::load(&state)));
        (Session::open(cli), memo.join())
    });
    let session = session?;
    let theme = theme(cli, use_color(cli, true));
    let orphan_note = session.orphan_note();
    let Session { roadmap, store, progress, today, builtin, .. } = session;
    let state = store.path().to_path_buf();
    // The session worked the same state path out, so the memo is there.
    let memo = memo.unwrap_or_else(|panic| std::panic::resume_unwind(panic)).unwrap_or_default();
    let memo = std::sync::Arc::new(memo);
    let mut app = crate::app::App::remembering(roadmap, progress, today, std::sync::Arc::clone(&memo));
    app.builtin = builtin;
    if let Some(note) = orphan_note {
        app.say(note);
    }
    let result = crate::tui::run(app, store, theme).map_err(Failure::Other);
    memo::save(&state, &memo);
    result
}

/// The process's arguments, parsed; clap's own help and errors follow `--no-color` too.
fn parse_args(args: Vec<std::ffi::OsString>, unstyled: bool) -> Result<Cli, clap::Error> {
    let mut command = Cli::command();
    if color::no_color_arg(&args) {
        command = command.color(clap::ColorChoice::Never);
    }
    if unstyled {
        command = command.styles(clap::builder::Styles::plain());
    }
    let mut matches = command.try_get_matches_from(args)?;
    Cli::from_arg_matches_mut(&mut matches)
}

/// Loading a large roadmap makes hundreds of thousands of small allocations on several
/// threads; glibc grows each heap 128 KiB at a time, with a system call per step. Larger steps
/// cost no memory until used and take a tenth off `validate` at 10,000 skills.
#[allow(unsafe_code)]
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
#[allow(unsafe_code)]
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a standard signal to SIG_IGN before any thread starts.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// The error that ended the run, on standard error, inert like everything else printed: it
/// may quote a typed id, a file name or a value from a file.
fn report(failure: &Failure, painter: Painter) {
    if matches!(failure, Failure::Silent) {
        return;
    }
    let mut stderr = std::io::stderr().lock();
    let mut out = Output::new(&mut stderr, painter, true, 80);
    let label = Span::styled("error:", painter.theme.error);
    let text = failure.to_string();
    let (problems, summary) = match failure {
        Failure::Content { .. } => text.rsplit_once('\n').unwrap_or(("", &text)),
        _ => ("", text.as_str()),
    };
    if !problems.is_empty() {
        let _ = out.line(problems);
    }
    let _ = out.line(vec![label, Span::raw(format!(" {summary}"))]);
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Runs one parsed command line, writing its output to `out`.
pub fn run(cli: &Cli, out: &mut dyn Write, tty: bool) -> Result<Loaded, Failure> {
    let width = if tty { terminal_width() } else { 80 };
    let color = use_color(cli, tty);
    // Color forced into a pipe (CLICOLOR_FORCE) means a person reads it after all, through
    // `less -R` or a CI log: give them the terminal layout rather than tab-separated records.
    let human = tty || color;
    let mut output = Output::new(out, Painter::with_theme(theme(cli, color)), human, width);
    output.terminal = tty;
    output.warnings = Painter::with_theme(theme(cli, use_color(cli, std::io::stderr().is_terminal())));
    if let Some(done) = run_without_session(cli, &mut output) {
        return done;
    }
    let mut session = Session::open(cli)?;
    if let Some(note) = session.orphan_note() {
        output.warn(Line::from(note))?;
    }
    let out = &mut output;
    match &cli.command {
        None => {
            commands::status(&session, out)?;
            out.line("")?;
            next::next(&session, out, Some(5))?;
        }
        Some(Command::Status) => commands::status(&session, out)?,
        Some(Command::Next { count, all }) => next::next(&session, out, (!all).then_some(*count))?,
        Some(Command::List { phase, status }) => list::list(&session, out, phase, status)?,
        Some(Command::Show { id, .. }) => {
            let index = session.find(id)?;
            commands::show(&session, out, index)?;
        }
        Some(Command::Start { ids }) => change(&mut session, out, ids, Status::Doing)?,
        Some(Command::Done { ids }) => change(&mut session, out, ids, Status::Done)?,
        Some(Command::Skip { ids }) => change(&mut session, out, ids, Status::Skipped)?,
        Some(Command::Reset { ids }) => change(&mut session, out, ids, Status::Todo)?,
        Some(Command::Tick { id, numbers, untick }) => {
            let index = session.find(id)?;
            changes::tick(&mut session, out, index, numbers, !untick)?;
        }
        Some(Command::Untick { id, numbers }) => {
            let index = session.find(id)?;
            changes::tick(&mut session, out, index, numbers, false)?;
        }
        Some(Command::Review { id, grade }) => {
            let index = session.find(id)?;
            changes::review(&mut session, out, index, (*grade).into())?;
        }
        Some(Command::Check { id, dir, watch }) => check::check(&mut session, out, id, dir.as_deref(), *watch)?,
        Some(Command::Trust { yes }) => trust::trust(&mut session, out, *yes)?,
        Some(Command::Quiz { id, answers, grade, test_out }) => {
            let index = session.find(id)?;
            quiz::quiz(&mut session, out, index, answers.as_deref(), grade.map(Into::into), *test_out)?;
        }
        Some(Command::Project { phase, dir, forget }) => {
            let index = session.find_phase(phase)?;
            project::project(&mut session, out, index, dir.as_deref(), *forget)?;
        }
        Some(Command::Milestone { phase, action }) => {
            let index = session.find_phase(phase)?;
            changes::milestone(&mut session, out, index, *action)?;
        }
        Some(Command::Plan { hours }) => plan::plan(&mut session, out, *hours)?,
        Some(Command::Export(args)) => export::run(&session, out, args)?,
        Some(
            Command::Validate { .. }
            | Command::New { .. }
            | Command::Completions { .. }
            | Command::Man
            | Command::Sync { .. }
            | Command::MergeFile { .. },
        ) => {
            unreachable!("run_without_session handled it")
        }
    }
    Ok(Loaded { _session: Some(session), _roadmap: None })
}

/// Commands that need neither a loaded roadmap nor the progress file, so broken content or a
/// corrupt state file cannot stop them; `None` for every other command.
fn run_without_session(cli: &Cli, out: &mut Output) -> Option<Result<Loaded, Failure>> {
    let nothing = |result: Result<(), Failure>| result.map(|()| Loaded::default());
    Some(match cli.command.as_ref()? {
        Command::Validate { dir, strict } => validate(cli, dir.as_deref(), *strict, out),
        Command::New { dir } => nothing(scaffold::new_roadmap(dir, out)),
        Command::Completions { shell } => nothing(generate::completions(*shell, out)),
        Command::Man => nothing(generate::man_page(out)),
        Command::Sync { dry_run } => nothing(sync::sync(cli, *dry_run, out)),
        Command::MergeFile { base, ours, theirs, name } => {
            nothing(merge_file::merge_file(base, ours, theirs, name.as_deref()))
        }
        _ => return None,
    })
}

/// Every id resolved before anything changes (one unknown id changes nothing), then one save.
fn change(session: &mut Session, out: &mut Output, ids: &[String], status: Status) -> Result<(), Failure> {
    let mut skills = Vec::with_capacity(ids.len());
    for id in ids {
        let index = session.find(id)?;
        if !skills.contains(&index) {
            skills.push(index);
        }
    }
    changes::set_status(session, out, &skills, status)
}

fn validate(cli: &Cli, dir: Option<&std::path::Path>, strict: bool, out: &mut Output) -> Result<Loaded, Failure> {
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
    out.line(message)?;
    Ok(Loaded { _session: None, _roadmap: Some(roadmap) })
}

/// The width to lay text out in: the terminal's (20 columns at least). A terminal that
/// reports no size (0 columns, as under some `script` and CI setups) gets the usual 80.
fn terminal_width() -> usize {
    match ratatui::crossterm::terminal::size() {
        Ok((width, _)) if width > 0 => usize::from(width).max(20),
        _ => 80,
    }
}
