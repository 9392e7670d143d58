//! A check as the screens show it: a mark for its last result on the command as it is now
//! (passed, failed, could not run, not run yet, running), its title and date, and under a
//! failure the last lines of its output, inert.

use ratatui::text::{Line, Span};

use super::View;
use crate::progress::CheckResult;
use crate::suggest::{Target, evidence};
use crate::text::wrap;

/// The lines of check `index` of `target`, wrapped to `width` under a hanging mark.
pub fn lines(app: &View, target: Target, index: usize, width: usize) -> Vec<Line<'static>> {
    let theme = app.theme;
    let check = &evidence::checks(&app.roadmap, target)[index];
    let records = evidence::records(&app.roadmap, &app.progress, target);
    let record = evidence::current(check, index + 1, records);
    let run = app.checks.as_ref().filter(|run| run.target == target);
    let running = run.is_some_and(|run| run.running == Some(index));
    let said = run.and_then(|run| run.said.get(&index));
    let (mark, style, when) = match (running, record.map(|r| (r.result, r.date))) {
        (true, _) => ("◌ ", theme.accent, "running…".to_string()),
        (false, Some((CheckResult::Pass, date))) => ("✓ ", theme.done, format!("passed {date}")),
        (false, Some((CheckResult::Fail, date))) => ("✗ ", theme.error, format!("failed {date}")),
        (false, Some((CheckResult::Cannot, date))) => ("? ", theme.dim, format!("could not run {date}")),
        (false, None) => ("· ", theme.dim, "not run yet".to_string()),
    };
    let text = [(check.title.clone(), theme.text), (format!(" · {when}"), theme.dim)];
    let mut lines = wrap::hanging(vec![Span::styled(mark, style)], &text, width);
    if let Some((verdict, tail)) = said.filter(|_| record.is_some_and(|r| r.result != CheckResult::Pass)) {
        lines.extend(wrap::hanging(vec![Span::raw("  ")], &[(verdict.clone(), style)], width));
        for line in tail.lines().filter(|l| !l.trim().is_empty()) {
            lines.extend(wrap::hanging(vec![Span::raw("    ")], &[(line.to_string(), theme.dim)], width));
        }
    }
    lines
}

/// "Checks 2/3 passed" or "Checks: verified", for a summary line.
pub fn summary(app: &View, target: Target) -> Option<String> {
    let found = evidence::evidence(&app.roadmap, &app.progress, target);
    if found.total == 0 {
        return None;
    }
    Some(if found.verified() {
        format!("Checks: all {} passed, verified", found.total)
    } else {
        format!("Checks {}/{} passed (R runs them)", found.passed, found.total)
    })
}
