//! "Did you mean" suggestions: the closest strings by edit distance (strsim's Levenshtein,
//! over chars).

use strsim::levenshtein as edit_distance;

/// Up to `n` candidates close enough to `query` to be a plausible typo, closest first.
///
/// A candidate qualifies when its distance is at most a third of the longer string (so short
/// words need near-exact matches), or when one contains the other.
pub fn closest<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    let query_lower = query.to_lowercase();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            let lower = candidate.to_lowercase();
            let distance = edit_distance(&query_lower, &lower);
            let longest = query_lower.chars().count().max(lower.chars().count());
            let contains = !query_lower.is_empty() && (lower.contains(&query_lower) || query_lower.contains(&lower));
            let last_segment = lower.rsplit('/').next().unwrap_or(&lower);
            let same_tail = edit_distance(&query_lower, last_segment) * 3 <= last_segment.len();
            (distance * 3 <= longest || contains || same_tail).then_some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(n).map(|(_, candidate)| candidate).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_single_edits_of_characters() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(edit_distance("équipe", "equipe"), 1, "a character, not a byte");
    }

    #[test]
    fn closest_prefers_small_typos_and_drops_unrelated_words() {
        let ids = ["foundations/git-basics", "foundations/github-workflow", "architecture/docker"];
        assert_eq!(closest("foundations/gti-basics", ids, 3), vec!["foundations/git-basics"]);
        assert_eq!(closest("git-basics", ids, 3), vec!["foundations/git-basics"]);
        assert!(closest("zzzzzz", ids, 3).is_empty());
    }
}
