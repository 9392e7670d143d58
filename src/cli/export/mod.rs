//! `roadmap export`: the learner's progress as a Markdown report or as JSON, to standard
//! output or (atomically) to a file.

mod markdown;
mod report;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;

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
        None => out.out.write_all(text.as_bytes())?,
        Some(path) => {
            write_file(path, text.as_bytes())?;
            out.line(format!("Wrote {} to {}", format.describe(), path.display()))?;
        }
    }
    Ok(())
}

fn render(report: &Report, format: Format) -> Result<String, Failure> {
    Ok(match format {
        Format::Markdown => markdown::render(report),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(report).context("writing the JSON export")?;
            json.push('\n');
            json
        }
    })
}

/// Replaces `path` whole or not at all: a temp file beside it, fsync, rename. Unlike the
/// progress file (private, 0600), a report is an ordinary document, so a new one gets the
/// usual permissions (0666 less the umask) and an existing one keeps its own.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path.is_dir() {
        return Err(Failure::Usage(format!(
            "--output {} is a folder: name a file in it, e.g. {}",
            path.display(),
            path.join("progress.md").display()
        )));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let write = || -> io::Result<()> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".roadmap-export.").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        // tempfile names its own temporary file in errors; the learner named `path`.
        let mut temp = builder.tempfile_in(dir).map_err(|error| {
            let text = error.to_string();
            std::io::Error::new(error.kind(), text.split(" at path ").next().unwrap_or(&text).to_string())
        })?;
        temp.write_all(bytes)?;
        if let Ok(metadata) = fs::metadata(path) {
            temp.as_file().set_permissions(metadata.permissions())?;
        }
        temp.as_file().sync_all()?;
        temp.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    write().with_context(|| format!("cannot write {}", path.display())).map_err(Failure::Other)
}
