//! `roadmap plan [--hours N]`: the weekly hours, and when each phase and the core path would
//! be finished at that pace.

use ratatui::text::Span;

use crate::suggest;
use crate::text;

use super::output::Output;
use super::session::{Failure, Session};

/// Stores new weekly hours if given, then prints the projection (or how to get one).
pub fn plan(session: &mut Session, out: &mut Output, hours: Option<f32>) -> Result<(), Failure> {
    if let Some(hours) = hours {
        session.progress.weekly_hours = Some(hours);
        session.save()?;
    }
    let roadmap = &session.roadmap;
    let Some(pace) = suggest::pace(roadmap, &session.progress, session.today) else {
        let how = "No weekly hours set yet. Say how many hours a week you study, e.g. roadmap plan --hours 8";
        return Ok(out.line(how)?);
    };
    if !out.tty {
        out.record(&["weekly_hours", &number(pace.weekly_hours)])?;
        for phase in &pace.phases {
            let title = &roadmap.phases[phase.phase].title;
            let fields =
                [&roadmap.phases[phase.phase].id, &number(phase.remaining_hours), &phase.finish.to_string(), title];
            out.record(&fields.map(String::as_str))?;
        }
        let core = ["core", &number(pace.core_remaining_hours), &pace.core_finish.to_string(), "Core path"];
        return Ok(out.record(&core)?);
    }
    let theme = out.painter.theme;
    let heading = Span::styled(format!("Pace at {} hours a week", number(pace.weekly_hours)), theme.title);
    out.line(vec![heading, Span::raw(format!(", from today ({})", session.today))])?;
    out.line("")?;
    let core_title = "Core path";
    let titles: Vec<_> = roadmap.phases.iter().map(|p| text::one_line(&p.title)).collect();
    let name_width = titles.iter().map(|t| text::width(t)).chain([text::width(core_title)]).max().unwrap_or(0);
    let row = |out: &mut Output, title: &str, hours: f32, finish: Span| {
        let pad = " ".repeat(name_width - text::width(title));
        let left = if hours > 0.0 { format!("{:>5} h left", number(hours)) } else { "   nothing left".to_string() };
        out.line(vec![Span::raw(format!("  {title}{pad}  {left}  ")), finish])
    };
    for phase in &pace.phases {
        let finish = if phase.remaining_hours > 0.0 { format!("done by {}", phase.finish) } else { String::new() };
        row(out, &titles[phase.phase], phase.remaining_hours, Span::raw(finish))?;
    }
    let finish = if pace.core_remaining_hours > 0.0 {
        Span::styled(format!("done by {}", pace.core_finish), theme.subheading)
    } else {
        Span::raw("")
    };
    row(out, core_title, pace.core_remaining_hours, finish)?;
    out.line("")?;
    let note = "Each phase starts when the one before it ends; skills in progress count in full. \
                Change the pace: roadmap plan --hours N";
    Ok(out.paragraph(note, theme.dim)?)
}

/// Hours as a learner writes them: `8`, `7.5` (one decimal at most; never `-0`).
fn number(hours: f32) -> String {
    let tenths = (f64::from(hours) * 10.0).round() / 10.0 + 0.0;
    if tenths.fract() == 0.0 { format!("{tenths:.0}") } else { format!("{tenths:.1}") }
}
