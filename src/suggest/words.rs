//! Plain words for reasons and warnings: counts with the right plural, ages in days, lists.

/// `1 skill`, `4 skills`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// `today`, `yesterday`, `9 days ago`; a date in the future (a hand-edited file) reads as today.
pub fn days_ago(days: i64) -> String {
    match days {
        i64::MIN..=0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    }
}

/// `A`, `A and B`, `A, B and C`.
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `is`/`are` for a count.
pub fn is_are(n: usize) -> &'static str {
    if n == 1 { "is" } else { "are" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_ages_and_lists_read_naturally() {
        assert_eq!((count(1, "skill"), count(4, "skill")), ("1 skill".into(), "4 skills".into()));
        assert_eq!(
            [days_ago(-2), days_ago(0), days_ago(1), days_ago(9)],
            ["today", "today", "yesterday", "9 days ago"]
        );
        assert_eq!(and_list(&["A"]), "A");
        assert_eq!(and_list(&["A", "B"]), "A and B");
        assert_eq!(and_list(&["A", "B", "C"]), "A, B and C");
    }
}
