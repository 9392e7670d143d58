//! `roadmap trust [--yes]`: shows every shell command the roadmap's checks would run, and
//! records that the learner trusts them (a digest of all of them, in the progress file).

use std::io::{BufRead, IsTerminal, Write};

use ratatui::text::{Line, Span};

use super::output::Output;
use super::session::{Failure, Session};

pub fn trust(session: &mut Session, out: &mut Output, yes: bool) -> Result<(), Failure> {
    let roadmap = &session.roadmap;
    if session.builtin {
        out.line("The built-in roadmap's checks run without being trusted first: they ship with roadmap-tutor.")?;
        return Ok(());
    }
    let commands = crate::trust::commands(roadmap);
    if commands.is_empty() {
        out.line(format!("{} has no checks: nothing to trust.", roadmap.title))?;
        return Ok(());
    }
    let already = crate::trust::trusted(roadmap, &session.progress, false);
    if out.tty {
        let theme = out.painter.theme;
        out.line(Line::styled(
            format!(
                "The checks of {} ({}) run these {} shell commands in your project folders:",
                roadmap.title,
                roadmap.id,
                commands.len()
            ),
            theme.title,
        ))?;
        for command in &commands {
            out.line("")?;
            out.line(vec![
                Span::styled(format!("  {}", command.owner), theme.dim),
                Span::raw(format!(": {}", command.title)),
            ])?;
            for line in command.run.lines() {
                out.line(Span::styled(format!("      {line}"), theme.accent))?;
            }
        }
        out.line("")?;
    } else {
        for command in &commands {
            out.record(&[&command.owner, command.title, command.run])?;
        }
    }
    if already {
        say(out, "You already trust these commands.")?;
        return Ok(());
    }
    let agreed = yes || (out.tty && std::io::stdin().is_terminal() && ask("Trust them and let them run? [y/N] ")?);
    if !agreed {
        let how = if out.tty { "" } else { " (`roadmap trust --yes` trusts them without asking)" };
        return Err(Failure::Reported(format!("not trusted: nothing was recorded{how}")));
    }
    crate::trust::trust(&mut session.progress, &session.roadmap);
    session.save()?;
    say(out, "Trusted: `roadmap check` runs them now. A changed command will need trust again.")?;
    Ok(())
}

fn say(out: &mut Output, text: &str) -> std::io::Result<()> {
    if out.tty { out.line(text) } else { out.warn(Line::raw(text)) }
}

/// Asks a yes/no question on the terminal; anything but `y`/`yes` is no.
fn ask(question: &str) -> std::io::Result<bool> {
    let mut stderr = std::io::stderr().lock();
    write!(stderr, "{question}")?;
    stderr.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}
