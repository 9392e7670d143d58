//! Outside text made inert: what a roadmap, a progress file, a file name or a typed argument
//! says can never drive the terminal it is printed on. Every printed piece of such text goes
//! through [`inert`]; the rest of the program only chooses how line breaks fare.

use std::borrow::Cow;

/// What happens to line breaks and tabs in text made inert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breaks {
    /// Text laid out in lines (a screen, a wrapped paragraph): `\n` (and `\r\n`) stay line
    /// breaks, a tab becomes a space (a tab's width depends on the column it lands in).
    Lines,
    /// One line or one field of a tab-separated record: line breaks and tabs become spaces.
    Spaces,
    /// A document written whole (a Markdown report, a man page): line breaks and tabs stay.
    Document,
}

/// Replaces every character a terminal (or a log viewer, or an editor showing the text) would
/// act on rather than show with a visible stand-in: C0 controls as their Control Pictures
/// (ESC as `␛`, so `\e]0;title\a` reads `␛]0;title␇`), DEL as `␡`, C1 controls (such as
/// U+009B, a one-character CSI) and the Unicode bidi controls (which reorder what a line
/// seems to say) as `�`. Printable text is returned as it is, without a copy.
pub fn inert(text: &str, breaks: Breaks) -> Cow<'_, str> {
    if is_inert(text, breaks) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let shown = match c {
            // A Windows line end is a line end, not an overwrite of the line.
            '\r' if chars.peek() == Some(&'\n') => continue,
            '\n' if breaks != Breaks::Spaces => '\n',
            '\t' if breaks == Breaks::Document => '\t',
            '\n' | '\t' => ' ',
            c => stand_in(c).unwrap_or(c),
        };
        out.push(shown);
    }
    Cow::Owned(out)
}

/// Whether [`inert`] would return `text` unchanged.
pub fn is_inert(text: &str, breaks: Breaks) -> bool {
    !text.chars().any(|c| match c {
        '\n' => breaks == Breaks::Spaces,
        '\t' => breaks != Breaks::Document,
        c => acts_on_terminal(c),
    })
}

/// Multi-line outside text, made inert (line breaks kept, tabs as spaces).
pub fn clean(text: &str) -> Cow<'_, str> {
    inert(text, Breaks::Lines)
}

/// Outside text for one line or one record field, made inert (line breaks become spaces).
pub fn one_line(text: &str) -> Cow<'_, str> {
    inert(text, Breaks::Spaces)
}

/// Whether printing `c` as it is could make a terminal do something rather than show it.
/// Tabs and line breaks count: they move the cursor, and [`inert`] decides what they become.
pub fn acts_on_terminal(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The visible stand-in for a character a terminal would act on; `None` for printable ones.
fn stand_in(c: char) -> Option<char> {
    match c {
        // U+2400 + c is the Control Picture of every C0 control (NUL ␀ to US ␟).
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        c if acts_on_terminal(c) => Some('\u{fffd}'),
        _ => None,
    }
}

/// The characters that override or isolate text direction: invisible, and able to make a line
/// read differently from what it holds ("Trojan Source", CVE-2021-42574).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// JSON text with the characters [`inert`] would replace written as `\uXXXX` escapes, so the
/// parsed data stays exact while the bytes stay inert. serde_json already escapes C0 controls
/// but writes DEL, C1 controls and bidi controls raw; outside its strings JSON is ASCII, so a
/// pass over the whole text only ever touches string contents.
pub fn json(text: &str) -> Cow<'_, str> {
    // The line breaks are the pretty printer's own: inside strings serde_json escapes them.
    let raw = |c: char| c != '\n' && stand_in(c).is_some();
    if !text.chars().any(raw) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if raw(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "\u{1b}]0;owned\u{7}T\u{1b}[41mi\u{9b}2Jt\rl\u{202e}e\u{7f}";

    #[test]
    fn escape_sequences_become_visible_stand_ins() {
        assert_eq!(clean(HOSTILE), "␛]0;owned␇T␛[41mi\u{fffd}2Jt␍l\u{fffd}e␡");
        assert!(!clean(HOSTILE).chars().any(acts_on_terminal));
    }

    #[test]
    fn line_breaks_stay_in_text_and_become_spaces_in_a_field() {
        assert_eq!(clean("one\ntwo\r\nthree\tfour"), "one\ntwo\nthree four");
        assert_eq!(one_line("one\ntwo\r\nthree\tfour"), "one two three four");
        assert_eq!(one_line("a\rb"), "a␍b", "a lone carriage return would overwrite the line");
        assert_eq!(inert("\tcode\r\n\u{1b}", Breaks::Document), "\tcode\n␛");
    }

    #[test]
    fn printable_text_is_not_copied() {
        let text = "Git basics: 日本語, emoji 🎉, Arabic مرحبا";
        assert!(matches!(clean(text), Cow::Borrowed(t) if t == text));
        assert!(matches!(json(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn json_keeps_the_data_and_escapes_what_serde_json_leaves_raw() {
        let encoded = serde_json::to_string_pretty(&[HOSTILE]).unwrap();
        let inert = json(&encoded);
        assert!(!inert.chars().any(|c| c != '\n' && acts_on_terminal(c)), "{inert}");
        assert_eq!(serde_json::from_str::<Vec<String>>(&inert).unwrap(), [HOSTILE]);
        assert!(inert.contains("\\u009b") && inert.contains("\\u202e") && inert.contains("\\u007f"), "{inert}");
    }
}
