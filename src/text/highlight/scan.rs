//! The cursor every language's scanner moves through the code: what comes next, how far a
//! token runs, and the pieces marked so far. Text between marked pieces is plain.

use super::Kind;

pub struct Scanner<'a> {
    text: &'a str,
    /// Where scanning is, in bytes, always on a character boundary; it only moves forward.
    pos: usize,
    /// Where scanning stops for now: the end of the code, or of the line being scanned.
    end: usize,
    /// Where the plain text not yet handed out begins.
    plain: usize,
    pieces: Vec<(Kind, std::ops::Range<usize>)>,
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str) -> Scanner<'a> {
        Scanner { text, pos: 0, end: text.len(), plain: 0, pieces: Vec::new() }
    }

    pub fn done(&self) -> bool {
        self.pos >= self.end
    }

    /// What is left before the limit.
    pub fn rest(&self) -> &'a str {
        &self.text[self.pos..self.end]
    }

    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    pub fn peek_second(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    /// The character before the cursor (within the whole code, not only the limit).
    pub fn prev(&self) -> Option<char> {
        self.text[..self.pos].chars().next_back()
    }

    /// The code before `pos`.
    pub fn text_before(&self, pos: usize) -> &'a str {
        &self.text[..pos.min(self.text.len())]
    }

    /// Whether only spaces and tabs stand between the start of the line and the cursor.
    pub fn at_line_start(&self) -> bool {
        self.text[..self.pos].chars().rev().take_while(|&c| c != '\n').all(|c| c == ' ' || c == '\t')
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Moves forward to `to` (a character boundary), no further than the limit.
    pub fn skip_to(&mut self, to: usize) {
        self.pos = self.pos.max(to.min(self.end));
    }

    /// Moves past one character.
    pub fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.pos += c.len_utf8();
        }
    }

    /// Moves past `prefix` if the text goes on with it.
    pub fn eat(&mut self, prefix: &str) -> bool {
        let found = self.rest().starts_with(prefix);
        if found {
            self.pos += prefix.len();
        }
        found
    }

    /// Moves past the next `close` and everything before it, or to the limit when there is
    /// none: the rest of a block comment or a delimited string.
    pub fn eat_through(&mut self, close: &str) {
        let len = self.rest().find(close).map_or(self.rest().len(), |i| i + close.len());
        self.skip_to(self.pos + len);
    }

    /// Moves past the characters that satisfy `keep`, and returns them.
    pub fn eat_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let start = self.pos;
        let rest = self.rest();
        let len = rest.find(|c: char| !keep(c)).unwrap_or(rest.len());
        self.pos += len;
        &self.text[start..self.pos]
    }

    /// Moves to the end of the line (before its `\n`), or to the limit.
    pub fn eat_line(&mut self) {
        self.skip_to(self.line_end());
    }

    /// Where the current line ends (its `\n`), or the limit.
    pub fn line_end(&self) -> usize {
        self.rest().find('\n').map_or(self.end, |i| self.pos + i)
    }

    /// The rest of the current line.
    pub fn line(&self) -> &'a str {
        &self.text[self.pos..self.line_end()]
    }

    /// Scans only up to `end` until [`Scanner::unlimit`] (line-by-line languages).
    pub fn limit(&mut self, end: usize) -> usize {
        std::mem::replace(&mut self.end, end.min(self.text.len()))
    }

    pub fn unlimit(&mut self, end: usize) {
        self.end = end;
    }

    /// Marks the text from `start` to the cursor as `kind`; what came before it since the last
    /// mark is plain.
    pub fn mark(&mut self, kind: Kind, start: usize) {
        if self.pos <= self.plain {
            // Nothing new: the cursor never moves back, so the pieces never overlap.
            return;
        }
        let start = start.clamp(self.plain, self.pos);
        if start > self.plain {
            self.push(Kind::Plain, self.plain, start);
        }
        self.push(kind, start, self.pos);
        self.plain = self.pos;
    }

    /// Marks `start..to` as `kind` once the cursor is past it; from `to` to the cursor is plain.
    pub fn mark_part(&mut self, kind: Kind, start: usize, to: usize) {
        let pos = self.pos;
        self.pos = to.min(pos);
        self.mark(kind, start);
        self.pos = pos;
    }

    fn push(&mut self, kind: Kind, from: usize, to: usize) {
        if from >= to {
            return;
        }
        match self.pieces.last_mut() {
            // Neighbours of one kind become one piece: fewer spans to draw.
            Some((last, range)) if *last == kind && range.end == from => range.end = to,
            _ => self.pieces.push((kind, from..to)),
        }
    }

    /// After an opening quote: up to and past the closing `quote`. A backslash escapes the next
    /// character when `escapes`; a doubled quote stands for itself when `doubled` (SQL, YAML);
    /// an unclosed string ends at the end of the line unless `multiline`, else at the limit.
    pub fn quoted(&mut self, quote: &str, escapes: bool, doubled: bool, multiline: bool) {
        while let Some(c) = self.peek() {
            if self.eat(quote) {
                if doubled && self.eat(quote) {
                    continue;
                }
                return;
            }
            if c == '\n' && !multiline {
                return;
            }
            self.bump();
            if c == '\\' && escapes {
                self.bump();
            }
        }
    }

    /// A number from here: digits, then letters, digits, `_` and `.` (`0x1F`, `1_000`, `2.5e-3`,
    /// `3j`), with the sign of an exponent. Marks it and returns true if it starts with a digit
    /// or with a `.` and a digit.
    pub fn number(&mut self) -> bool {
        let starts = match self.peek() {
            Some(c) if c.is_ascii_digit() => true,
            Some('.') => self.peek_second().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
        if !starts {
            return false;
        }
        let start = self.pos;
        let hex = self.rest().starts_with("0x") || self.rest().starts_with("0X");
        while let Some(c) = self.peek() {
            if !(c.is_ascii_alphanumeric() || c == '_' || c == '.') {
                break;
            }
            self.bump();
            if matches!(c, 'e' | 'E') && !hex && matches!(self.peek(), Some('+' | '-')) {
                self.bump();
            }
        }
        self.mark(Kind::Number, start);
        true
    }

    /// Whether only spaces or tabs, then `=` (not `==`), follow: a key being assigned.
    pub fn followed_by_assignment(&self) -> bool {
        let rest = self.rest().trim_start_matches([' ', '\t']);
        rest.starts_with('=') && !rest.starts_with("==")
    }

    /// Whether only spaces or tabs, then `:`, follow: a JSON key.
    pub fn followed_by_colon(&self) -> bool {
        self.rest().trim_start_matches([' ', '\t']).starts_with(':')
    }

    /// The pieces, the last plain text included.
    pub fn finish(mut self) -> Vec<(Kind, &'a str)> {
        self.pos = self.text.len();
        self.mark(Kind::Plain, self.text.len());
        let text = self.text;
        self.pieces.into_iter().map(|(kind, range)| (kind, &text[range])).collect()
    }
}

/// Runs `line` over each line, with the scanner limited to it.
pub fn by_line(s: &mut Scanner, mut line: impl FnMut(&mut Scanner)) {
    while !s.done() {
        let end = s.line_end();
        let outer = s.limit(end);
        line(s);
        s.skip_to(end);
        s.unlimit(outer);
        // The line break.
        s.bump();
    }
}

/// A letter, digit or `_`: what names are made of.
pub fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A name as most languages spell one: a letter or `_`, then letters, digits and `_`.
pub fn is_name(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_') && chars.all(is_word)
}
