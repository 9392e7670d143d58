//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::color::ThemeChoice;
use super::export::ExportArgs;

/// An interactive tutor for a career roadmap. With no command, opens the terminal UI.
#[derive(Debug, Parser)]
#[command(name = "roadmap", version, about, long_about = None, max_term_width = 100)]
#[command(after_help = "\
Files:
  Progress lives in <config dir>/roadmap-tutor/progress.yaml (on Linux ~/.config/roadmap-tutor/).
  --state FILE or ROADMAP_STATE uses another file; --content DIR or ROADMAP_CONTENT another roadmap.

Exit status: 0 ok, 1 problems (broken content, unreadable progress), 2 bad usage.")]
pub struct Cli {
    /// Use the roadmap in this folder instead of the built-in one
    #[arg(long, global = true, env = "ROADMAP_CONTENT", value_name = "DIR")]
    pub content: Option<PathBuf>,

    /// Keep progress in this file instead of the default one
    #[arg(long, global = true, env = "ROADMAP_STATE", value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// Plain output without colors (the NO_COLOR variable does the same)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Colors for a dark or light terminal background [default: auto]
    #[arg(long, global = true, env = "ROADMAP_THEME", value_enum, value_name = "THEME")]
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
    /// A skill as readable text: summary, body, resources, checkpoints
    Show {
        /// Skill id, e.g. foundations/git-basics (or just git-basics when unique)
        id: String,
    },
    /// Mark a skill as in progress
    Start {
        /// Skill id
        id: String,
    },
    /// Mark a skill as done
    Done {
        /// Skill id
        id: String,
    },
    /// Mark a skill as skipped (already known, or not for you); it counts as met
    Skip {
        /// Skill id
        id: String,
    },
    /// Put a skill back to todo (notes and ticked checkpoints are kept)
    Reset {
        /// Skill id
        id: String,
    },
    /// Check a roadmap folder and list every problem as file:line: message
    Validate {
        /// The folder to check (default: the roadmap in use)
        dir: Option<PathBuf>,
    },
    /// Your progress as a Markdown report to share, or as JSON for scripts
    Export(ExportArgs),
    /// Start a new roadmap in a folder: a skeleton that passes `validate`
    New {
        /// The folder to create (it must not exist yet, or be empty)
        dir: PathBuf,
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
