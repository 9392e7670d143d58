//! Digests that tie a recorded result, or the learner's trust, to the exact commands: change a
//! command and its old result is stale, and a roadmap's checks need trust again. SHA-256, so
//! the values are the same on every build and platform (unlike `DefaultHasher`).

use sha2::{Digest as _, Sha256};

/// The digest a check's recorded result is filed under: the first 16 hex digits of the
/// SHA-256 of the command, byte for byte.
pub fn digest(run: &str) -> String {
    let mut hex = hex(&Sha256::digest(run.as_bytes()));
    hex.truncate(16);
    hex
}

/// The digest `roadmap trust` records for a roadmap: the full SHA-256 of all its commands.
/// The commands are a set (order and repeats do not matter: trust is about what may run),
/// and each goes in with its length, so no two lists of commands join into the same text.
pub fn trust_digest<I, S>(commands: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut commands: Vec<S> = commands.into_iter().collect();
    commands.sort_by(|a, b| a.as_ref().cmp(b.as_ref()));
    commands.dedup_by(|a, b| a.as_ref() == b.as_ref());
    let mut hasher = Sha256::new();
    // A version line, so a later change of this format cannot match an old digest.
    hasher.update(b"roadmap-tutor trust 1\n");
    for command in &commands {
        let command = command.as_ref();
        hasher.update(format!("{}\n", command.len()).as_bytes());
        hasher.update(command.as_bytes());
        hasher.update(b"\n");
    }
    hex(&hasher.finalize())
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        hex.push(DIGITS[usize::from(byte >> 4)] as char);
        hex.push(DIGITS[usize::from(byte & 0xF)] as char);
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_digest_is_the_start_of_its_sha256() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        assert_eq!(digest("abc"), "ba7816bf8f01cfea");
        assert_eq!(digest("python -m pytest -q"), digest("python -m pytest -q"));
        assert_ne!(digest("python -m pytest -q"), digest("python -m pytest -q "));
    }

    #[test]
    fn the_trust_digest_is_fixed_for_a_set_of_commands() {
        // Computed independently: Python hashlib over the documented layout.
        let digest = trust_digest(["pytest -q", "ruff check ."]);
        assert_eq!(digest.len(), 64);
        assert_eq!(digest, "9409ebdd1cc19bd0237f74c69e292155ac8fa6b69829ddba73d50ecfc3fabf7b");
    }

    #[test]
    fn order_and_repeats_do_not_change_trust_but_any_command_does() {
        let base = trust_digest(["pytest -q", "ruff check ."]);
        assert_eq!(trust_digest(vec!["ruff check .".to_string(), "pytest -q".into(), "pytest -q".into()]), base);
        assert_ne!(trust_digest(["pytest -q", "ruff check . ; rm -rf ~"]), base);
        assert_ne!(trust_digest(["pytest -q"]), base);
        assert_ne!(trust_digest(["a b"]), trust_digest(["a", "b"]));
        assert_ne!(trust_digest(["a\n1\nb"]), trust_digest(["a", "b"]));
        assert_ne!(trust_digest(Vec::<String>::new()), base);
    }
}
