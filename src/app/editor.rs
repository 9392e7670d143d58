//! A small multi-line text editor for notes: a cursor, insertion and deletion by character.

/// Lines of text and a cursor (row, and column in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Editor {
    pub lines: Vec<String>,
    pub row: usize,
    pub col: usize,
}

impl Editor {
    /// Starts with `text`, the cursor at its end.
    pub fn new(text: &str) -> Editor {
        let mut lines: Vec<String> = text.trim_end_matches('\n').split('\n').map(str::to_string).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        Editor { lines, row, col }
    }

    /// The note as it will be saved: trailing blank space dropped, one final newline if
    /// there are several lines.
    pub fn text(&self) -> String {
        let joined = self.lines.join("\n");
        let trimmed = joined.trim_end();
        if trimmed.contains('\n') { format!("{trimmed}\n") } else { trimmed.to_string() }
    }

    /// The note's size in bytes, as it would be saved (before trimming).
    pub fn bytes(&self) -> usize {
        self.lines.iter().map(|l| l.len() + 1).sum()
    }

    fn byte(&self, col: usize) -> usize {
        let line = &self.lines[self.row];
        line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
    }

    fn width(&self, row: usize) -> usize {
        self.lines[row].chars().count()
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte(self.col);
        self.lines[self.row].insert(at, c);
        self.col += 1;
    }

    pub fn newline(&mut self) {
        let at = self.byte(self.col);
        let rest = self.lines[self.row].split_off(at);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    pub fn delete_back(&mut self) {
        if self.col > 0 {
            self.col -= 1;
            let at = self.byte(self.col);
            self.lines[self.row].remove(at);
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.width(self.row);
            self.lines[self.row].push_str(&line);
        }
    }

    pub fn delete_forward(&mut self) {
        if self.col < self.width(self.row) {
            let at = self.byte(self.col);
            self.lines[self.row].remove(at);
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }

    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.width(self.row);
        }
    }

    pub fn right(&mut self) {
        if self.col < self.width(self.row) {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// The screen rows of the text wrapped to `width` columns: (line, first char, end char).
    pub fn screen_rows(&self, width: usize) -> Vec<(usize, usize, usize)> {
        let mut rows = Vec::new();
        for (index, line) in self.lines.iter().enumerate() {
            let starts = row_starts(line, width);
            let len = line.chars().count();
            for (i, &start) in starts.iter().enumerate() {
                rows.push((index, start, starts.get(i + 1).copied().unwrap_or(len)));
            }
        }
        rows
    }

    /// The cursor on screen, wrapped to `width`: its row in `screen_rows`, and its column.
    pub fn cursor(&self, width: usize) -> (usize, usize) {
        let rows = self.screen_rows(width);
        let line = &self.lines[self.row];
        let index = rows.iter().rposition(|&(l, start, _)| l == self.row && start <= self.col).unwrap_or(0);
        let start = rows.get(index).map_or(0, |r| r.1);
        let x = columns(line, start, self.col);
        (index, x.min(width.saturating_sub(1)))
    }

    /// Up one screen row: within a wrapped line, or to the line above.
    pub fn up(&mut self, width: usize) {
        let (row, x) = self.cursor(width);
        if row > 0 {
            self.move_to(width, row - 1, x);
        }
    }

    /// Down one screen row: within a wrapped line, or to the line below.
    pub fn down(&mut self, width: usize) {
        let (row, x) = self.cursor(width);
        if row + 1 < self.screen_rows(width).len() {
            self.move_to(width, row + 1, x);
        }
    }

    /// Puts the cursor on screen row `row`, as near column `x` as its characters allow.
    fn move_to(&mut self, width: usize, row: usize, x: usize) {
        let rows = self.screen_rows(width);
        let (line, start, end) = rows[row];
        let last_of_line = rows.get(row + 1).is_none_or(|next| next.0 != line);
        // The end of a row that continues below is the start of the next row.
        let end = if last_of_line { end } else { end.saturating_sub(1).max(start) };
        let text: Vec<char> = self.lines[line].chars().collect();
        let mut col = start;
        let mut used = 0;
        while col < end {
            let w = char_width(text[col]);
            if used + w > x {
                break;
            }
            used += w;
            col += 1;
        }
        self.row = line;
        self.col = col;
    }

    pub fn line_start(&mut self) {
        self.col = 0;
    }

    pub fn line_end(&mut self) {
        self.col = self.width(self.row);
    }
}

fn char_width(c: char) -> usize {
    // Tabs and other control characters are drawn as one visible character.
    if c.is_control() { 1 } else { unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) }
}

/// Display columns of `line`'s characters from `start` to `end`.
fn columns(line: &str, start: usize, end: usize) -> usize {
    line.chars().skip(start).take(end.saturating_sub(start)).map(char_width).sum()
}

/// Where each screen row of `line` starts (in characters) when wrapped to `width` columns:
/// after a space where there is one, else between characters. Wide characters count two
/// columns; a space at the end of a full row hangs there rather than starting the next.
pub fn row_starts(line: &str, width: usize) -> Vec<usize> {
    let width = width.max(1);
    let chars: Vec<char> = line.chars().collect();
    let mut starts = vec![0];
    let mut start = 0;
    let mut used = 0;
    let mut after_space = 0;
    for (i, &c) in chars.iter().enumerate() {
        let w = char_width(c);
        if used + w > width && i > start {
            if c.is_whitespace() {
                start = i + 1;
                starts.push(start);
                used = 0;
                after_space = start;
                continue;
            }
            start = if after_space > start { after_space } else { i };
            starts.push(start);
            used = chars[start..i].iter().copied().map(char_width).sum();
        }
        used += w;
        if c.is_whitespace() {
            after_space = i + 1;
        }
    }
    // A hanging space at the very end starts no row of its own.
    if starts.len() > 1 && starts[starts.len() - 1] == chars.len() {
        starts.pop();
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::{Editor, row_starts};

    #[test]
    fn typing_joining_and_splitting_lines() {
        let mut editor = Editor::new("");
        for c in "héllo".chars() {
            editor.insert(c);
        }
        editor.left();
        editor.left();
        editor.newline();
        assert_eq!(editor.lines, ["hél", "lo"]);
        editor.delete_back();
        assert_eq!(editor.lines, ["héllo"]);
        editor.line_end();
        editor.newline();
        editor.insert('x');
        assert_eq!(editor.text(), "héllo\nx\n");
    }

    #[test]
    fn the_cursor_stays_inside_the_text() {
        let mut editor = Editor::new("long line\nab");
        editor.up(40);
        assert_eq!((editor.row, editor.col), (0, 2));
        editor.line_end();
        editor.down(40);
        assert_eq!((editor.row, editor.col), (1, 2));
        editor.right();
        editor.delete_forward();
        assert_eq!(editor.lines, ["long line", "ab"]);
    }

    #[test]
    fn blank_notes_are_empty() {
        let mut editor = Editor::new("");
        editor.newline();
        editor.insert(' ');
        assert_eq!(editor.text(), "");
    }

    #[test]
    fn long_lines_wrap_at_spaces_and_wide_characters_take_two_columns() {
        let editor = Editor::new("日本語のメモ 🎉 emoji\nok");
        let rows: Vec<String> = editor
            .screen_rows(8)
            .iter()
            .map(|&(line, start, end)| editor.lines[line].chars().skip(start).take(end - start).collect())
            .collect();
        assert_eq!(rows, ["日本語の", "メモ 🎉 ", "emoji", "ok"]);
        assert_eq!(row_starts("abcdefghij", 4), [0, 4, 8], "a word longer than the row is broken");
        assert_eq!(row_starts("abcd efgh", 4), [0, 5], "the space after a full row hangs there");
    }

    #[test]
    fn the_cursor_moves_by_screen_rows_in_a_wrapped_line() {
        let mut editor = Editor::new("日本語のメモ 🎉 emoji");
        assert_eq!(editor.cursor(8), (2, 5), "after \"emoji\"");
        editor.up(8);
        assert_eq!((editor.col, editor.cursor(8)), (7, (1, 5)), "on 🎉, five columns in");
        editor.up(8);
        assert_eq!((editor.col, editor.cursor(8)), (2, (0, 4)), "a wide character is never split");
        editor.up(8);
        assert_eq!(editor.col, 2, "the top row stays");
        editor.down(8);
        editor.down(8);
        assert_eq!(editor.cursor(8), (2, 4));
        editor.line_end();
        assert_eq!(editor.cursor(8), (2, 5));
    }
}
