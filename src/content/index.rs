//! Finding a skill by id without a copy of every id: a hash table of skill indexes (hashbrown's
//! `HashTable`, which stores only them), probed by the id's hash and confirmed against the
//! skill itself.

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

use super::model::Skill;

#[derive(Debug, Clone)]
pub struct IdIndex {
    /// Skill indexes; `u32` halves the table, and no roadmap has four billion skills.
    table: HashTable<u32>,
    /// Seeded per process, so no set of ids can be made to collide on purpose.
    hasher: RandomState,
}

impl IdIndex {
    /// Indexes the skills by the name `key` gives each; the first of equal names wins (the
    /// loader has refused duplicates before).
    pub fn new(skills: &[Skill], key: impl Fn(&Skill) -> &str) -> IdIndex {
        let hasher = RandomState::new();
        let mut table = HashTable::with_capacity(skills.len());
        let name_of = |index: &u32| key(&skills[*index as usize]);
        for (index, skill) in skills.iter().enumerate() {
            let name = key(skill);
            let hash = hasher.hash_one(name);
            if let Entry::Vacant(slot) =
                table.entry(hash, |other| name_of(other) == name, |other| hasher.hash_one(name_of(other)))
            {
                slot.insert(index as u32);
            }
        }
        IdIndex { table, hasher }
    }

    pub fn get(&self, skills: &[Skill], key: impl Fn(&Skill) -> &str, name: &str) -> Option<usize> {
        let found = self.table.find(self.hasher.hash_one(name), |&index| key(&skills[index as usize]) == name)?;
        Some(*found as usize)
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

    #[test]
    fn the_first_of_equal_names_wins() {
        let skills: Vec<Skill> = ["a/x", "b/y", "a/x"].map(|id| skill(id.to_string())).into();
        let index = IdIndex::new(&skills, |s| &s.id);
        assert_eq!(index.get(&skills, |s| &s.id, "a/x"), Some(0));
        assert_eq!(index.get(&skills, |s| &s.id, "b/y"), Some(1));
    }
}
