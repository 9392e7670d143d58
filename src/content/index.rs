//! Finding a skill by id without a copy of every id: an open-addressing table of skill
//! indexes, probed by the id's hash and confirmed against the skill itself.

use std::hash::{BuildHasher, RandomState};

use super::model::Skill;

#[derive(Debug, Clone)]
pub struct IdIndex {
    /// Skill index + 1 per slot, 0 for an empty one; always at least half empty.
    slots: Vec<u32>,
    /// Seeded per process, so no set of ids can be made to collide on purpose.
    hasher: RandomState,
}

impl IdIndex {
    /// Indexes the skills by the name `key` gives each; the first of equal names wins (the
    /// loader has refused duplicates before).
    pub fn new(skills: &[Skill], key: impl Fn(&Skill) -> &str) -> IdIndex {
        let size = (skills.len() * 2).next_power_of_two().max(8);
        let mut index = IdIndex { slots: vec![0; size], hasher: RandomState::new() };
        for (i, skill) in skills.iter().enumerate() {
            let mut slot = index.start(key(skill));
            while index.slots[slot] != 0 {
                if key(&skills[index.slots[slot] as usize - 1]) == key(skill) {
                    break;
                }
                slot = (slot + 1) & (size - 1);
            }
            if index.slots[slot] == 0 {
                index.slots[slot] = i as u32 + 1;
            }
        }
        index
    }

    pub fn get(&self, skills: &[Skill], key: impl Fn(&Skill) -> &str, name: &str) -> Option<usize> {
        let mut slot = self.start(name);
        loop {
            let found = self.slots[slot] as usize;
            if found == 0 {
                return None;
            }
            if key(&skills[found - 1]) == name {
                return Some(found - 1);
            }
            slot = (slot + 1) & (self.slots.len() - 1);
        }
    }

    fn start(&self, name: &str) -> usize {
        self.hasher.hash_one(name) as usize & (self.slots.len() - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Kind, Level};

    fn skill(id: String) -> Skill {
        Skill {
            id,
            phase: 0,
            title: String::new(),
            kind: Kind::Concept,
            level: Level::Core,
            hours: 1.0,
            requires: Vec::new(),
            checkpoint_count: 0,
            aliases: Vec::new(),
            checks: Vec::new(),
            question_count: 0,
        }
    }

    #[test]
    fn finds_every_id_and_nothing_else() {
        let skills: Vec<Skill> = (0..1000).map(|i| skill(format!("phase-{}/skill-{i}", i % 7))).collect();
        let index = IdIndex::new(&skills, |s| &s.id);
        for (i, s) in skills.iter().enumerate() {
            assert_eq!(index.get(&skills, |s| &s.id, &s.id), Some(i));
        }
        for missing in ["", "phase-0/skill-1000", "phase-1/skill-0", "skill-3"] {
            assert_eq!(index.get(&skills, |s| &s.id, missing), None, "{missing}");
        }
        let none: Vec<Skill> = Vec::new();
        assert_eq!(IdIndex::new(&none, |s| &s.id).get(&none, |s| &s.id, "a/b"), None);
    }
}
