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

    pub fn up(&mut self) {
        if self.row > 0 {
            self.row -= 1;
            self.col = self.col.min(self.width(self.row));
        }
    }

    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = self.col.min(self.width(self.row));
        }
    }

    pub fn line_start(&mut self) {
        self.col = 0;
    }

    pub fn line_end(&mut self) {
        self.col = self.width(self.row);
    }
}

#[cfg(test)]
mod tests {
    use super::Editor;

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
        editor.up();
        assert_eq!((editor.row, editor.col), (0, 2));
        editor.line_end();
        editor.down();
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
}
