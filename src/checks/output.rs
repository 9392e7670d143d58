//! A check's output, captured with a fixed cap: the start and the end are kept, the middle is
//! counted and left out, so a check that prints without end costs neither memory nor time.

use std::collections::VecDeque;

/// At most this many bytes of a check's output are kept.
pub const OUTPUT_CAP: usize = HEAD_CAP + TAIL_CAP;
/// The start says what ran; the end is where failures are reported, so it gets more room.
const HEAD_CAP: usize = 16 * 1024;
const TAIL_CAP: usize = 48 * 1024;

/// What a check printed, decoded lossily (invalid UTF-8 becomes U+FFFD) and otherwise raw:
/// escape sequences are still in it, to be made inert by whoever prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    text: String,
    left_out: u64,
}

impl Output {
    /// All that was kept; when something was left out, a line `[... N bytes left out ...]`
    /// stands where it was.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// How many bytes of the middle were not kept.
    pub fn left_out(&self) -> u64 {
        self.left_out
    }

    /// The last `n` lines, without the trailing line breaks: what a failure shows under it.
    pub fn last_lines(&self, n: usize) -> &str {
        let text = self.text.trim_end_matches(['\n', '\r']);
        if n == 0 {
            return "";
        }
        match text.rmatch_indices('\n').nth(n - 1) {
            Some((at, _)) => &text[at + 1..],
            None => text,
        }
    }
}

/// The bytes read so far: the first `HEAD_CAP` in `head`, the latest `TAIL_CAP` after them
/// in `tail`.
#[derive(Debug, Default)]
pub(crate) struct Capture {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    left_out: u64,
}

impl Capture {
    pub(crate) fn push(&mut self, mut bytes: &[u8]) {
        let room = HEAD_CAP - self.head.len();
        if room > 0 {
            let taken = room.min(bytes.len());
            self.head.extend_from_slice(&bytes[..taken]);
            bytes = &bytes[taken..];
        }
        if bytes.len() >= TAIL_CAP {
            self.left_out += (self.tail.len() + bytes.len() - TAIL_CAP) as u64;
            self.tail.clear();
            bytes = &bytes[bytes.len() - TAIL_CAP..];
        } else {
            let over = (self.tail.len() + bytes.len()).saturating_sub(TAIL_CAP);
            self.tail.drain(..over);
            self.left_out += over as u64;
        }
        self.tail.extend(bytes);
    }

    pub(crate) fn finish(self) -> Output {
        let Capture { mut head, tail, mut left_out } = self;
        let mut tail = Vec::from(tail);
        if left_out == 0 {
            head.append(&mut tail);
            return Output { text: String::from_utf8_lossy(&head).into_owned(), left_out };
        }
        // Cut at character boundaries, so the cut itself adds no U+FFFD of its own.
        let complete = match std::str::from_utf8(&head) {
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            _ => head.len(),
        };
        left_out += (head.len() - complete) as u64;
        head.truncate(complete);
        let continuation = tail.iter().take(3).take_while(|&&b| b & 0xC0 == 0x80).count();
        left_out += continuation as u64;
        let mut text = String::from_utf8_lossy(&head).into_owned();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!("[... {left_out} bytes left out ...]\n"));
        text.push_str(&String::from_utf8_lossy(&tail[continuation..]));
        Output { text, left_out }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn captured(chunks: &[&[u8]]) -> Output {
        let mut capture = Capture::default();
        for chunk in chunks {
            capture.push(chunk);
        }
        capture.finish()
    }

    #[test]
    fn short_output_is_kept_whole_in_any_chunking() {
        let output = captured(&[b"one\ntw", b"o\n", b"", b"three\n"]);
        assert_eq!(output.text(), "one\ntwo\nthree\n");
        assert_eq!(output.left_out(), 0);
    }

    #[test]
    fn long_output_keeps_its_start_and_end_and_counts_the_middle() {
        let line = b"0123456789abcde\n";
        let chunks: Vec<&[u8]> = std::iter::repeat_n(&line[..], 100_000).collect();
        let mut capture = Capture::default();
        capture.push(b"first line\n");
        for chunk in &chunks {
            capture.push(chunk);
        }
        capture.push(b"last line\n");
        let output = capture.finish();
        let total = 11 + 16 * 100_000 + 10;
        assert_eq!(output.left_out(), (total - OUTPUT_CAP) as u64);
        assert!(output.text().starts_with("first line\n0123"));
        assert!(output.text().contains(&format!("\n[... {} bytes left out ...]\n", total - OUTPUT_CAP)));
        assert_eq!(output.last_lines(2), "0123456789abcde\nlast line");
        assert!(output.text().len() < OUTPUT_CAP + 100);
    }

    #[test]
    fn one_huge_chunk_is_capped_the_same_way() {
        let big = vec![b'x'; 3 * OUTPUT_CAP];
        let output = captured(&[&big, b"\nend\n"]);
        assert_eq!(output.left_out(), (2 * OUTPUT_CAP + 5) as u64);
        assert_eq!(output.last_lines(1), "end");
    }

    #[test]
    fn a_cut_inside_a_character_leaves_no_replacement_character() {
        // "é" is two bytes; an odd-length run of them is cut mid-character at both ends.
        let mut bytes = b"x".to_vec();
        bytes.extend("é".repeat(OUTPUT_CAP).as_bytes());
        let output = captured(&[&bytes]);
        assert!(!output.text().contains('\u{FFFD}'));
        assert!(output.text().starts_with("xéé") && output.text().ends_with("éé"));
    }

    #[test]
    fn invalid_utf8_and_escapes_are_kept_as_data() {
        let output = captured(&[b"a\xffb \x1b[31mred\x1b[0m\n"]);
        assert_eq!(output.text(), "a\u{FFFD}b \x1b[31mred\x1b[0m\n");
    }

    #[test]
    fn last_lines_ignores_trailing_breaks_and_counts_from_the_end() {
        let output = captured(&[b"a\nb\r\nc\n\n"]);
        assert_eq!(output.last_lines(1), "c");
        assert_eq!(output.last_lines(2), "b\r\nc");
        assert_eq!(output.last_lines(9), "a\nb\r\nc");
        assert_eq!(output.last_lines(0), "");
        assert_eq!(Output::default().last_lines(3), "");
    }
}
