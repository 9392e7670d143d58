//! A one-line text box (the search query, the weekly hours): the note editor's cursor and
//! deletion on a single line, the usual line-editing keys, and a value that starts selected,
//! as a form field does, so the first key typed replaces it.

use super::Action;
use super::Editor;

/// One line of text with a cursor; `selected` while the value it opened with is untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Always one line: a box has no Enter to type a second.
    editor: Editor,
    selected: bool,
}

impl Default for Field {
    fn default() -> Field {
        Field::selected("")
    }
}

/// What an edit did, so a search can narrow or widen its results instead of starting over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// A character added at the end.
    Appended,
    /// The last character removed.
    Popped,
    /// Anything else that changed the text.
    Changed,
    /// Only the cursor (or the selection) moved.
    Moved,
}

impl Field {
    /// A box holding `text`, selected (when there is any), the cursor at its end.
    pub fn selected(text: &str) -> Field {
        let editor = Editor::new(&text.replace('\n', " "));
        Field { selected: !text.is_empty(), editor }
    }

    pub fn text(&self) -> &str {
        &self.editor.lines[0]
    }

    /// Whether the value it opened with is still selected (the next character replaces it).
    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Whether nothing has been typed since the box opened: empty, or its old value selected.
    pub fn untouched(&self) -> bool {
        self.selected || self.text().is_empty()
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.editor.col
    }

    fn at_end(&self) -> bool {
        self.editor.col == self.text().chars().count()
    }

    /// Applies a line-editing action; `None` when the action is not one.
    pub fn edit(&mut self, action: &Action) -> Option<Edit> {
        let was_selected = std::mem::take(&mut self.selected);
        let edit = match action {
            // Typing over a selected value replaces it.
            Action::Insert(c) if was_selected => {
                self.editor = Editor::new(&c.to_string());
                Edit::Changed
            }
            Action::Insert(c) => {
                let appended = self.at_end();
                self.editor.insert(*c);
                if appended { Edit::Appended } else { Edit::Changed }
            }
            // Delete and Ctrl-U take a selected value away whole.
            Action::DeleteForward | Action::ClearToStart if was_selected => {
                self.editor = Editor::new("");
                Edit::Changed
            }
            // Backspace keeps a selected value, to edit it from its end.
            Action::DeleteBack => {
                let popped = self.at_end();
                if self.editor.col == 0 {
                    return Some(Edit::Moved);
                }
                self.editor.delete_back();
                if popped { Edit::Popped } else { Edit::Changed }
            }
            Action::DeleteForward => {
                if self.at_end() {
                    return Some(Edit::Moved);
                }
                self.editor.delete_forward();
                Edit::Changed
            }
            Action::ClearToStart => {
                let editor = &mut self.editor;
                let col = editor.col;
                let at = editor.lines[0].char_indices().nth(col).map_or(editor.lines[0].len(), |(i, _)| i);
                editor.lines[0].replace_range(..at, "");
                editor.col = 0;
                Edit::Changed
            }
            Action::DeleteWordBack => {
                // As a shell's Ctrl-W: the spaces before the cursor, then the word before them.
                let editor = &mut self.editor;
                let chars: Vec<char> = editor.lines[0].chars().collect();
                let mut start = editor.col;
                while start > 0 && chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !chars[start - 1].is_whitespace() {
                    start -= 1;
                }
                let kept: String = chars[..start].iter().chain(&chars[editor.col..]).collect();
                editor.lines[0] = kept;
                editor.col = start;
                Edit::Changed
            }
            Action::Left => {
                self.editor.left();
                Edit::Moved
            }
            Action::Right => {
                self.editor.right();
                Edit::Moved
            }
            Action::LineStart => {
                self.editor.line_start();
                Edit::Moved
            }
            Action::LineEnd => {
                self.editor.line_end();
                Edit::Moved
            }
            _ => {
                self.selected = was_selected;
                return None;
            }
        };
        Some(edit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text after the actions, with `|` at the cursor and `[...]` around a selection.
    fn after(start: &str, actions: &[Action]) -> String {
        let mut field = Field::selected(start);
        for action in actions {
            field.edit(action);
        }
        if field.is_selected() {
            return format!("[{}]", field.text());
        }
        let mut text: Vec<char> = field.text().chars().collect();
        text.insert(field.cursor(), '|');
        text.into_iter().collect()
    }

    #[test]
    fn line_editing_keys_do_what_a_shell_does() {
        use Action::*;
        let cases: &[(&str, &str, &[Action], &str)] = &[
            ("opens selected", "10", &[], "[10]"),
            ("a digit replaces the selected value", "10", &[Insert('8')], "8|"),
            ("Backspace keeps it and deletes from its end", "10", &[DeleteBack], "1|"),
            ("an arrow keeps it to edit", "10", &[Left, Insert('5')], "15|0"),
            ("End keeps it", "pytest", &[LineEnd, Insert('s')], "pytests|"),
            ("Del takes the selection away", "pytest", &[DeleteForward], "|"),
            ("Ctrl-U clears a selected value", "pytest", &[ClearToStart], "|"),
            ("Ctrl-U deletes before the cursor", "sql joins", &[Left, Left, ClearToStart], "|ns"),
            ("Ctrl-W deletes the word before", "sql joins", &[LineEnd, DeleteWordBack], "sql |"),
            ("Ctrl-W takes spaces with it", "sql joins  ", &[LineEnd, DeleteWordBack], "sql |"),
            ("Ctrl-W at the start does nothing", "sql", &[LineStart, DeleteWordBack], "|sql"),
            ("Ctrl-A and typing", "sql", &[LineStart, Insert('n'), Insert('o')], "no|sql"),
            ("Backspace at the start does nothing", "ab", &[LineStart, DeleteBack], "|ab"),
            ("wide characters are one step", "日本", &[Left, DeleteBack], "|本"),
            ("an empty box is not selected", "", &[Insert('o')], "o|"),
        ];
        for (name, start, actions, expected) in cases {
            assert_eq!(after(start, actions), *expected, "{name}");
        }
    }

    #[test]
    fn edits_say_whether_they_only_added_or_removed_the_last_character() {
        let mut field = Field::selected("");
        assert_eq!(field.edit(&Action::Insert('a')), Some(Edit::Appended));
        assert_eq!(field.edit(&Action::Insert('b')), Some(Edit::Appended));
        assert_eq!(field.edit(&Action::DeleteBack), Some(Edit::Popped));
        assert_eq!(field.edit(&Action::Left), Some(Edit::Moved));
        assert_eq!(field.edit(&Action::Insert('c')), Some(Edit::Changed));
        assert_eq!(field.edit(&Action::Down), None, "not a line-editing key");
        let mut selected = Field::selected("ab");
        assert_eq!(selected.edit(&Action::Insert('c')), Some(Edit::Changed), "a replacement is no narrowing");
    }
}
