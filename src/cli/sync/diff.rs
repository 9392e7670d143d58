//! What changed in the progress between two versions of the file, counted the way a learner
//! thinks of it: one change per skill, milestone or setting, however many of its fields moved.
//! Sync's one-line summary and its commit message say these.

use std::collections::{BTreeMap, BTreeSet};

use crate::progress::Progress;

/// The entries that differ between `before` and `after`: skill ids, `milestone PHASE`,
/// `weekly hours`, `retention`, `trust ROADMAP`, in that order.
pub fn changed(before: &Progress, after: &Progress) -> Vec<String> {
    let Progress { weekly_hours, skills, milestones, retention, trusted } = before;
    let mut changes = keys(skills, &after.skills);
    changes.extend(keys(milestones, &after.milestones).into_iter().map(|id| format!("milestone {id}")));
    if *weekly_hours != after.weekly_hours {
        changes.push("weekly hours".to_string());
    }
    if *retention != after.retention {
        changes.push("retention".to_string());
    }
    changes.extend(keys(trusted, &after.trusted).into_iter().map(|id| format!("trust {id}")));
    changes
}

/// Keys whose entries were added, removed or changed.
fn keys<V: PartialEq>(before: &BTreeMap<String, V>, after: &BTreeMap<String, V>) -> Vec<String> {
    let all: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    all.into_iter().filter(|key| before.get(*key) != after.get(*key)).cloned().collect()
}

/// The commit message: a subject with the count, then the changed entries, one a line.
pub fn commit_message(file: &str, changes: &[String]) -> (String, String) {
    const LISTED: usize = 30;
    let subject = format!("roadmap sync: {} in {file}", crate::suggest::words::count(changes.len(), "change"));
    let mut body: Vec<String> = changes.iter().take(LISTED).map(|c| format!("- {c}")).collect();
    if changes.len() > LISTED {
        body.push(format!("- and {} more", changes.len() - LISTED));
    }
    (subject, body.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{SkillProgress, Status};

    #[test]
    fn each_skill_milestone_or_setting_is_one_change() {
        let mut before = Progress::default();
        before.skills.insert("a/one".into(), SkillProgress { status: Status::Doing, ..Default::default() });
        before.skills.insert("a/two".into(), SkillProgress { status: Status::Done, ..Default::default() });
        let mut after = before.clone();
        let one = after.skills.get_mut("a/one").unwrap();
        one.status = Status::Done;
        one.note = "two fields, one change".into();
        after.skills.remove("a/two");
        after.skills.insert("b/three".into(), SkillProgress { status: Status::Doing, ..Default::default() });
        after.milestones.insert("a".into(), Default::default());
        after.weekly_hours = Some(6.0);
        assert_eq!(changed(&before, &after), ["a/one", "a/two", "b/three", "milestone a", "weekly hours"]);
        assert!(changed(&after, &after).is_empty());
        let (subject, body) = commit_message("progress.yaml", &changed(&before, &after)[..1]);
        assert_eq!((subject.as_str(), body.as_str()), ("roadmap sync: 1 change in progress.yaml", "- a/one"));
    }
}
