//! Three-way merge of progress: what this process changed since it last read the file wins;
//! everything else is taken from the file as it is now, so concurrent instances lose nothing.

use std::collections::{BTreeMap, BTreeSet};

use crate::progress::Progress;

/// `ours` changed from `base`; `theirs` is the file now. Per entry, a change of ours wins.
pub fn merge(base: &Progress, ours: &Progress, theirs: &Progress) -> Progress {
    Progress {
        weekly_hours: if ours.weekly_hours != base.weekly_hours { ours.weekly_hours } else { theirs.weekly_hours },
        skills: merge_maps(&base.skills, &ours.skills, &theirs.skills),
        milestones: merge_maps(&base.milestones, &ours.milestones, &theirs.milestones),
    }
}

fn merge_maps<V: Clone + PartialEq>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
) -> BTreeMap<String, V> {
    let keys: BTreeSet<&String> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    keys.into_iter()
        .filter_map(|key| {
            let mine = ours.get(key);
            let pick = if mine != base.get(key) { mine } else { theirs.get(key) };
            pick.map(|value| (key.clone(), value.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Date, Status};

    fn today() -> Date {
        Date::new(2026, 11, 21).unwrap()
    }

    #[test]
    fn keeps_both_sides_changes_to_different_skills() {
        let base = Progress::default();
        let mut ours = base.clone();
        ours.set_status("a/one", Status::Done, today());
        let mut theirs = base.clone();
        theirs.set_status("a/two", Status::Doing, today());
        theirs.weekly_hours = Some(6.0);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.status("a/one"), Status::Done);
        assert_eq!(merged.status("a/two"), Status::Doing);
        assert_eq!(merged.weekly_hours, Some(6.0));
    }

    #[test]
    fn our_reset_removes_an_entry_and_their_untouched_entries_stay() {
        let mut base = Progress::default();
        base.set_status("a/one", Status::Done, today());
        base.set_status("a/two", Status::Done, today());
        let mut ours = base.clone();
        ours.set_status("a/one", Status::Todo, today());
        let merged = merge(&base, &ours, &base);
        assert!(merged.get("a/one").is_none());
        assert_eq!(merged.status("a/two"), Status::Done);
    }
}
