//! Word wrapping of styled text by display width (wide CJK and emoji count as two columns).
//! Words longer than the width are broken, never cut: every character stays visible.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A run of text in one style; `"\n"` on its own is a forced line break.
pub type Frag = (String, Style);

/// Display width of a string.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// The one function that makes outside text safe, here too because the UI reaches it as
/// `wrap::clean`.
pub use super::safe::clean;

/// What wrapping sees: words (possibly in several styles, as in `**bold**ly`), gaps, breaks.
enum Token {
    Word(Vec<Frag>),
    Gap(Style),
    Break,
}

fn tokens(frags: &[Frag]) -> Vec<Token> {
    let mut out = Vec::new();
    for (text, style) in frags {
        if text == "\n" {
            out.push(Token::Break);
            continue;
        }
        for piece in pieces(text) {
            if piece.chars().all(char::is_whitespace) {
                out.push(Token::Gap(*style));
            } else if let Some(Token::Word(parts)) = out.last_mut() {
                push(parts, piece, *style);
            } else {
                out.push(Token::Word(vec![(piece.to_string(), *style)]));
            }
        }
    }
    out
}

/// Wraps fragments into lines of at most `width` columns (at least one column).
pub fn wrap(frags: &[Frag], width_limit: usize) -> Vec<Vec<Frag>> {
    let limit = width_limit.max(1);
    let mut lines: Vec<Vec<Frag>> = Vec::new();
    let mut line: Vec<Frag> = Vec::new();
    let mut used = 0;
    let mut gap: Option<Style> = None;
    for token in tokens(frags) {
        let parts = match token {
            Token::Break => {
                lines.push(std::mem::take(&mut line));
                used = 0;
                gap = None;
                continue;
            }
            Token::Gap(style) => {
                if used > 0 {
                    gap = Some(style);
                }
                continue;
            }
            Token::Word(parts) => parts,
        };
        let word_width: usize = parts.iter().map(|(t, _)| width(t)).sum();
        if used > 0 && used + usize::from(gap.is_some()) + word_width > limit {
            lines.push(std::mem::take(&mut line));
            used = 0;
        } else if let Some(style) = gap {
            push(&mut line, " ", style);
            used += 1;
        }
        gap = None;
        if word_width <= limit - used {
            for (text, style) in &parts {
                push(&mut line, text, *style);
            }
            used += word_width;
            continue;
        }
        // Longer than a whole line: break it between characters.
        for (text, style) in &parts {
            for c in text.chars() {
                let w = c.width().unwrap_or(0);
                if used > 0 && used + w > limit {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                let mut buf = [0; 4];
                push(&mut line, c.encode_utf8(&mut buf), *style);
                used += w;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Words and whitespace runs, in order.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let blank = first.is_whitespace();
        let end = rest.find(|c: char| c.is_whitespace() != blank).unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

fn push(line: &mut Vec<Frag>, text: &str, style: Style) {
    match line.last_mut() {
        Some((last, last_style)) if *last_style == style => last.push_str(text),
        _ => line.push((text.to_string(), style)),
    }
}

/// Shortens `text` to `width` columns with an ellipsis (the screens' and the search
/// snippets' one way of cutting text).
pub fn truncate(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Turns fragments into a ratatui line.
pub fn to_line(frags: Vec<Frag>) -> Line<'static> {
    Line::from(frags.into_iter().map(|(text, style)| Span::styled(text, style)).collect::<Vec<_>>())
}

/// Wraps plain text in one style into lines.
pub fn wrap_plain(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    let frags: Vec<Frag> = clean(text)
        .split('\n')
        .enumerate()
        .flat_map(|(i, part)| {
            let brk = (i > 0).then(|| ("\n".to_string(), style));
            brk.into_iter().chain(std::iter::once((part.to_string(), style)))
        })
        .collect();
    wrap(&frags, width).into_iter().map(to_line).collect()
}

/// Wraps `frags` to `width` columns with a hanging indent: the first line starts with `lead`,
/// the others with as many spaces, so wrapped text lines up under the first word.
pub fn hanging(lead: Vec<Span<'static>>, frags: &[Frag], width: usize) -> Vec<Line<'static>> {
    let indent: usize = lead.iter().map(|s| self::width(&s.content)).sum();
    let cleaned: Vec<Frag> = frags.iter().map(|(text, style)| (clean(text).into_owned(), *style)).collect();
    let mut lines: Vec<Line<'static>> =
        wrap(&cleaned, width.saturating_sub(indent).max(1)).into_iter().map(to_line).collect();
    for (i, line) in lines.iter_mut().enumerate() {
        let prefix = if i == 0 { lead.clone() } else { vec![Span::raw(" ".repeat(indent))] };
        line.spans.splice(0..0, prefix);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Vec<Frag>]) -> Vec<String> {
        lines.iter().map(|l| l.iter().map(|(t, _)| t.as_str()).collect()).collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let frags = vec![("the quick brown fox jumps".to_string(), Style::new())];
        assert_eq!(texts(&wrap(&frags, 10)), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn breaks_long_words_and_counts_wide_characters_as_two() {
        let frags = vec![("abcdefghij 日本語のテキスト".to_string(), Style::new())];
        let lines = texts(&wrap(&frags, 4));
        assert_eq!(lines, ["abcd", "efgh", "ij", "日本", "語の", "テキ", "スト"]);
        assert!(lines.iter().all(|l| width(l) <= 4));
    }

    #[test]
    fn keeps_styles_across_a_wrap() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let frags = vec![("plain ".to_string(), Style::new()), ("bold words".to_string(), bold)];
        let lines = wrap(&frags, 11);
        assert_eq!(texts(&lines), ["plain bold", "words"]);
        assert_eq!(lines[1][0].1, bold);
    }

    #[test]
    fn never_breaks_inside_a_word_made_of_several_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let frags =
            vec![("aaa ".to_string(), Style::new()), ("bold".to_string(), bold), ("ly".to_string(), Style::new())];
        assert_eq!(texts(&wrap(&frags, 7)), ["aaa", "boldly"]);
    }

    #[test]
    fn hanging_lines_start_under_the_first_word() {
        let lines = hanging(vec![Span::raw("⚠ ")], &[("one two three 日本語".to_string(), Style::new())], 9);
        let texts: Vec<String> = lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect();
        assert_eq!(texts, ["⚠ one two", "  three", "  日本語"]);
    }

    #[test]
    fn wrapped_text_shows_control_characters_as_stand_ins() {
        let lines = wrap_plain("a\u{1b}[2Jb\tc\u{9b}d", Style::new(), 80);
        assert_eq!(lines[0].spans[0].content, "a\u{241b}[2Jb c\u{fffd}d");
    }
}
