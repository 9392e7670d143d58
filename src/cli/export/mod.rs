//! `roadmap export`: the learner's progress as a Markdown report or as JSON, to standard
//! output or (atomically) to a file.

mod markdown;
mod report;

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::atomic::Replace;
use crate::text::{self, Breaks};

use super::output::Output;
use super::session::{Failure, Session};

use report::Report;

#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    /// markdown: a progress report to share; json: everything, for scripts [default: from the
    /// --output file's extension, else markdown]
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Write to this file (replaced atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[value(alias = "md")]
    Markdown,
    Json,
}

impl Format {
    /// `.json` files get JSON; anything else the Markdown report.
    fn for_file(path: Option<&Path>) -> Format {
        match path.and_then(Path::extension) {
            Some(extension) if extension.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Markdown,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Format::Markdown => "the Markdown progress report",
            Format::Json => "the JSON export",
        }
    }
}

pub fn run(session: &Session, out: &mut Output, args: &ExportArgs) -> Result<(), Failure> {
    // `-o -` is standard output, as in most tools.
    let file = args.output.as_deref().filter(|path| *path != Path::new("-"));
    let format = args.format.unwrap_or_else(|| Format::for_file(file));
    let report = report::build(&session.roadmap, &session.progress, session.today);
    let text = render(&report, format)?;
    match file {
        None => out.document(&text)?,
        Some(path) => {
            write_file(path, text.as_bytes())?;
            out.line(format!("Wrote {} to {}", format.describe(), path.display()))?;
        }
    }
    Ok(())
}

/// The export, inert wherever it goes (a file is often `cat` to a terminal later): the
/// Markdown report shows stand-ins for control characters like every other output; the JSON
/// keeps the data exact, writing the characters serde_json leaves raw as `\uXXXX` escapes.
fn render(report: &Report, format: Format) -> Result<String, Failure> {
    Ok(match format {
        Format::Markdown => text::inert(&markdown::render(report), Breaks::Document).into_owned(),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(report).context("writing the JSON export")?;
            json.push('\n');
            text::safe::json(&json).into_owned()
        }
    })
}

/// Replaces `path` whole or not at all. Unlike the progress file (private, 0600), a report is
/// an ordinary document, so a new one gets the usual permissions and an existing one keeps its
/// own.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path.is_dir() {
        return Err(Failure::Usage(format!(
            "--output {} is a folder: name a file in it, e.g. {}",
            path.display(),
            path.join("progress.md").display()
        )));
    }
    Replace::DOCUMENT.write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
