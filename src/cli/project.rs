//! `roadmap project PHASE [DIR]`: the learner's project folder for a phase, where its checks
//! run. Remembered in the progress file as an absolute path.

use std::path::Path;

use ratatui::text::Span;

use super::output::Output;
use super::session::{Failure, Session};

/// Shows the phase's project folder, sets it to `dir`, or forgets it.
pub fn project(
    session: &mut Session,
    out: &mut Output,
    phase: usize,
    dir: Option<&Path>,
    forget: bool,
) -> Result<(), Failure> {
    let (id, title) = (session.roadmap.phases[phase].id.clone(), session.roadmap.phases[phase].title.clone());
    if forget {
        session.progress.update_milestone(&id, |m| m.project = None);
        session.save()?;
        if out.tty {
            out.line(format!("Forgot the project folder of {title}: its checks run in the current folder"))?;
        } else {
            out.record(&[&id, ""])?;
        }
        return Ok(());
    }
    let Some(dir) = dir else {
        let Some(folder) = session.progress.project(&id).map(str::to_string) else {
            return Err(Failure::Reported(format!(
                "no project folder set for {id}: set one with `roadmap project {id} DIR` (until then, \
                 `roadmap check` runs in the current folder)"
            )));
        };
        if out.tty {
            let label = Span::styled(format!("Project folder of {title}: "), out.painter.theme.dim);
            out.line(vec![label, Span::raw(folder)])?;
        } else {
            out.record(&[&id, &folder])?;
        }
        return Ok(());
    };
    let folder = folder_path(dir)?;
    session.progress.update_milestone(&id, |m| m.project = Some(folder.clone()));
    session.save()?;
    if out.tty {
        let label = Span::styled(format!("Project folder of {title}: "), out.painter.theme.done);
        out.line(vec![label, Span::raw(folder)])?;
        out.line(Span::styled(
            format!("`roadmap check {id}` and its skills' checks run there"),
            out.painter.theme.dim,
        ))?;
    } else {
        out.record(&[&id, &folder])?;
    }
    Ok(())
}

/// The folder as an absolute path the progress file can hold, or why it cannot be used.
fn folder_path(dir: &Path) -> Result<String, Failure> {
    let shown = crate::text::one_line(&dir.to_string_lossy()).into_owned();
    let absolute = std::fs::canonicalize(dir).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => Failure::Usage(format!("{shown}: no such folder")),
        _ => Failure::Usage(format!("{shown}: cannot use this folder ({error})")),
    })?;
    if !absolute.is_dir() {
        return Err(Failure::Usage(format!("{shown} is a file; a project folder is a folder")));
    }
    absolute.to_str().map(str::to_string).ok_or_else(|| {
        Failure::Usage(format!("{shown}: the folder's path is not UTF-8, which the progress file cannot hold"))
    })
}
