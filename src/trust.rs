//! Trusting a roadmap's checks. A check is a shell command from a file, so only the built-in
//! roadmap's run freely; another roadmap's run once the learner has seen every command and
//! trusted them, which records a digest of all of them in the progress file. Any changed,
//! added or removed command changes the digest, and needs trust again. Pure.

use crate::content::Roadmap;
use crate::progress::Progress;

/// One command of a roadmap, with what it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command<'r> {
    /// The skill's id, or `PHASE (milestone)`.
    pub owner: String,
    pub title: &'r str,
    pub run: &'r str,
}

/// Every check of the roadmap: the skills' in roadmap order, then the milestones'.
pub fn commands(roadmap: &Roadmap) -> Vec<Command<'_>> {
    let skills = roadmap.skills.iter().flat_map(|skill| {
        skill.checks.iter().map(|c| Command { owner: skill.id.clone(), title: &c.title, run: &c.run })
    });
    let milestones = roadmap.phases.iter().flat_map(|phase| {
        let checks = phase.milestone.as_ref().map_or(&[][..], |m| &m.checks);
        checks.iter().map(|c| Command { owner: format!("{} (milestone)", phase.id), title: &c.title, run: &c.run })
    });
    skills.chain(milestones).collect()
}

/// The digest the learner trusts: of every command, in any order.
pub fn digest(roadmap: &Roadmap) -> String {
    crate::checks::trust_digest(commands(roadmap).iter().map(|c| c.run))
}

/// Whether the roadmap's checks may run: the built-in roadmap's always; another's when the
/// progress file holds the digest of exactly these commands.
pub fn trusted(roadmap: &Roadmap, progress: &Progress, builtin: bool) -> bool {
    builtin || progress.trusted.get(&roadmap.id).is_some_and(|d| *d == digest(roadmap))
}

/// Records that the learner trusts the roadmap's commands as they are now.
pub fn trust(progress: &mut Progress, roadmap: &Roadmap) {
    progress.trusted.insert(roadmap.id.clone(), digest(roadmap));
}
