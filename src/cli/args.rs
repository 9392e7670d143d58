//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCompleter;

use crate::progress::Status;

use super::color::ThemeChoice;
use super::complete::{check_targets, phase_ids, skill_ids};
use super::export::ExportArgs;

/// An interactive tutor for a career roadmap. With no command, opens the terminal UI.
#[derive(Debug, Parser)]
#[command(name = "roadmap", version, about, long_about = None, max_term_width = 100)]
#[command(after_help = "\
Files:
  Progress lives in <config dir>/roadmap-tutor/progress.yaml (on Linux ~/.config/roadmap-tutor/).
  --state FILE or ROADMAP_STATE uses another file; --content DIR or ROADMAP_CONTENT another roadmap.
  ROADMAP_THEME picks the theme (auto, dark, light) as --theme does; flags win over variables.
  Parsed roadmaps are cached in <cache dir>/roadmap-tutor (ROADMAP_CACHE_DIR; empty: no cache).

Exit status: 0 ok, 1 problems (broken content, unreadable progress), 2 bad usage.")]
pub struct Cli {
    /// Use the roadmap in this folder instead of the built-in one (or set ROADMAP_CONTENT)
    #[arg(long, global = true, value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// How messages name where `content` came from: `--content DIR` or `ROADMAP_CONTENT=DIR`.
    #[arg(skip)]
    pub content_from_env: bool,

    /// Keep progress in this file instead of the default one (or set ROADMAP_STATE)
    #[arg(long, global = true, value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// Plain output without colors (the NO_COLOR variable does the same)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Colors for a dark or light terminal background (or set ROADMAP_THEME) [default: auto]
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeChoice>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Overall and per-phase progress
    Status,
    /// What to do next, and why
    Next {
        /// How many suggestions to show
        #[arg(short = 'n', long = "count", value_name = "N", default_value_t = 5)]
        count: usize,
        /// Show every suggestion
        #[arg(long, conflicts_with = "count")]
        all: bool,
    },
    /// Every skill with its id, status, level and title
    List {
        /// Only the skills of this phase (an id from `roadmap status`; may be repeated)
        #[arg(long, value_name = "PHASE", value_delimiter = ',', add = ArgValueCompleter::new(phase_ids))]
        phase: Vec<String>,
        /// Only the skills with this status (may be repeated)
        #[arg(long, value_enum, value_name = "STATUS", value_delimiter = ',')]
        status: Vec<StatusFilter>,
    },
    /// A skill as readable text: summary, body, resources, checkpoints
    Show {
        /// Skill id, e.g. foundations/git-basics (or git-basics, or a word of its title, when unique)
        #[arg(add = ArgValueCompleter::new(skill_ids))]
        id: String,
        /// Print straight to the terminal instead of through $PAGER
        #[arg(long)]
        no_pager: bool,
    },
    /// Mark skills as in progress
    Start {
        /// Skill ids (see `roadmap list`)
        #[arg(required = true, value_name = "ID", add = ArgValueCompleter::new(skill_ids))]
        ids: Vec<String>,
    },
    /// Mark skills as done
    Done {
        /// Skill ids (see `roadmap list`)
        #[arg(required = true, value_name = "ID", add = ArgValueCompleter::new(skill_ids))]
        ids: Vec<String>,
    },
    /// Mark skills as skipped (already known, or not for you); they count as met
    Skip {
        /// Skill ids (see `roadmap list`)
        #[arg(required = true, value_name = "ID", add = ArgValueCompleter::new(skill_ids))]
        ids: Vec<String>,
    },
    /// Put skills back to todo (notes and ticked checkpoints are kept)
    Reset {
        /// Skill ids (see `roadmap list`)
        #[arg(required = true, value_name = "ID", add = ArgValueCompleter::new(skill_ids))]
        ids: Vec<String>,
    },
    /// List a skill's checkpoints, or tick the ones numbered (ticking twice keeps them ticked)
    Tick {
        /// Skill id
        #[arg(add = ArgValueCompleter::new(skill_ids))]
        id: String,
        /// Checkpoint numbers as `show` and this command list them (1, 2, ...)
        #[arg(value_name = "N")]
        numbers: Vec<usize>,
        /// Untick the numbered checkpoints instead
        #[arg(long, requires = "numbers")]
        untick: bool,
    },
    /// Untick a skill's numbered checkpoints (as `tick --untick`)
    Untick {
        /// Skill id
        #[arg(add = ArgValueCompleter::new(skill_ids))]
        id: String,
        /// Checkpoint numbers as `show` and `tick` list them (1, 2, ...)
        #[arg(required = true, value_name = "N")]
        numbers: Vec<usize>,
    },
    /// Record a review of a done skill today; the next review date follows by FSRS
    Review {
        /// Skill id
        #[arg(add = ArgValueCompleter::new(skill_ids))]
        id: String,
        /// How well you recalled it
        #[arg(long, value_enum, default_value = "good")]
        grade: GradeArg,
    },
    /// Run a skill's checks, or a phase's milestone checks, in your project folder
    Check {
        /// Skill id, or a phase id for its milestone
        #[arg(add = ArgValueCompleter::new(check_targets))]
        id: String,
        /// Run them in this folder instead of the phase's project folder
        #[arg(long = "in", value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Run them again whenever a file in the folder changes, until Ctrl-C
        #[arg(long)]
        watch: bool,
    },
    /// Show every command another roadmap's checks would run, and trust them to run
    Trust {
        /// Trust them without asking
        #[arg(long)]
        yes: bool,
    },
    /// Answer a skill's quiz: asked on a terminal, or graded at once with --answers
    Quiz {
        /// Skill id
        #[arg(add = ArgValueCompleter::new(skill_ids))]
        id: String,
        /// Your answers, one per question, as choice indexes counted from 0 (`1,0+2,2`: `+`
        /// between several choices)
        #[arg(long, value_name = "LIST")]
        answers: Option<String>,
        /// Record this grade instead of the one the score suggests
        #[arg(long, value_enum)]
        grade: Option<GradeArg>,
        /// With every answer right on a skill not started: mark it known (tested out)
        #[arg(long)]
        test_out: bool,
    },
    /// Show or set a phase's project folder, where the checks of the phase run
    Project {
        /// Phase id, e.g. foundations
        #[arg(add = ArgValueCompleter::new(phase_ids))]
        phase: String,
        /// The project folder (default: show the one set)
        dir: Option<PathBuf>,
        /// Forget the folder set for this phase
        #[arg(long, conflicts_with = "dir")]
        forget: bool,
    },
    /// A phase's milestone project: show it, or mark it started, done, or back to todo
    Milestone {
        /// Phase id, e.g. foundations
        #[arg(add = ArgValueCompleter::new(phase_ids))]
        phase: String,
        /// What to do with it (default: show it)
        action: Option<MilestoneAction>,
    },
    /// Projected finish dates per phase at your weekly hours
    Plan {
        /// Set the hours a week you plan to study (from 0.5 to 168)
        #[arg(long, value_name = "N", value_parser = weekly_hours)]
        hours: Option<f32>,
    },
    /// Check a roadmap folder and list every problem as file:line: message
    Validate {
        /// The folder to check (default: the roadmap in use)
        dir: Option<PathBuf>,
        /// Fail (exit 1) on warnings too, such as markdown files the loader skips
        #[arg(long)]
        strict: bool,
    },
    /// Your progress as a Markdown report to share, or as JSON for scripts
    Export(ExportArgs),
    /// Start a new roadmap in a folder: a skeleton that passes `validate`
    New {
        /// The folder to create (it must not exist yet, or be empty)
        dir: PathBuf,
    },
    /// Commit your progress file in its git repository, pull, and push (sets up the merge driver)
    Sync {
        /// Print the git commands it would run, and change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Git's merge driver for the progress file (`git config merge.roadmap-progress.driver`)
    MergeFile {
        /// The common ancestor's version (git's %O)
        base: PathBuf,
        /// This side's version, replaced by the merged file (git's %A)
        ours: PathBuf,
        /// The other side's version (git's %B)
        theirs: PathBuf,
        /// The file's name in the repository, for messages (git's %P)
        name: Option<PathBuf>,
    },
    /// Print a completion script for your shell (see the README for where to put it)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff: `roadmap man | man -l -`
    Man,
}

/// A status `roadmap list --status` keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFilter {
    Todo,
    Doing,
    Done,
    Skipped,
}

impl StatusFilter {
    pub fn status(self) -> Status {
        match self {
            StatusFilter::Todo => Status::Todo,
            StatusFilter::Doing => Status::Doing,
            StatusFilter::Done => Status::Done,
            StatusFilter::Skipped => Status::Skipped,
        }
    }
}

/// A review grade, as FSRS and Anki name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GradeArg {
    /// Forgotten: it needs relearning
    Again,
    /// Recalled, with real effort or a mistake
    Hard,
    /// Recalled
    Good,
    /// Recalled without effort
    Easy,
}

impl From<GradeArg> for crate::progress::Grade {
    fn from(grade: GradeArg) -> Self {
        match grade {
            GradeArg::Again => crate::progress::Grade::Again,
            GradeArg::Hard => crate::progress::Grade::Hard,
            GradeArg::Good => crate::progress::Grade::Good,
            GradeArg::Easy => crate::progress::Grade::Easy,
        }
    }
}

/// What `roadmap milestone PHASE` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MilestoneAction {
    /// Mark it in progress
    Start,
    /// Mark it done
    Done,
    /// Back to todo
    Reset,
}

/// Weekly hours as typed: from half an hour to the 168 hours of a week.
fn weekly_hours(text: &str) -> Result<f32, String> {
    let hours: f32 = text.trim().parse().map_err(|_| format!("`{text}` is not a number of hours"))?;
    crate::progress::check_weekly_hours(hours).map_err(|why| format!("weekly hours must be {why}, not {text}"))
}
