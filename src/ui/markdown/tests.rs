use insta::assert_snapshot;
use ratatui::style::Modifier;

use super::*;

fn show(markdown: &str, width: u16) -> String {
    plain_lines(&render(markdown, width, &Theme::new(false))).join("\n")
}

/// Every non-space character of the source's text appears in the rendering (at least as often;
/// table cells wrap side by side, so order is not checked).
#[track_caller]
fn assert_keeps_text(markdown: &str, width: u16) {
    let source: String = Parser::new_ext(markdown, Options::all())
        .filter_map(|event| match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => Some(t.to_string()),
            _ => None,
        })
        .collect::<String>();
    let mut counts = std::collections::HashMap::new();
    for c in show(markdown, width).chars().filter(|c| !c.is_whitespace()) {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    for c in wrap::clean(&source).chars().filter(|c| !c.is_whitespace()) {
        match counts.get_mut(&c) {
            Some(n) if *n > 0 => *n -= 1,
            _ => panic!("lost {c:?} of {markdown:?} at width {width}:\n{}", show(markdown, width)),
        }
    }
}

#[track_caller]
fn assert_fits(markdown: &str, width: u16) {
    for line in show(markdown, width).lines() {
        assert!(wrap::width(line) <= usize::from(width), "{line:?} is wider than {width}");
    }
}

const NESTED_IN_QUOTE: &str = "> A quote with a list:\n>\n> - first\n>   - nested *deeper*\n>     1. numbered\n> - second\n>\n> > and a quote inside a quote\n";
const WIDE_TABLE: &str = "| Term | 意味 | Notes |\n|:-----|:----:|------:|\n| API | 契約 | A contract clients rely on |\n| 数据库 | データベース | Data outlives code |\n";
const UNTERMINATED_FENCE: &str = "Before.\n\n```python\ndef f():\n\treturn 1\n";
const REFERENCE_LINKS: &str =
    "Read [the tutorial][tut] and <https://peps.python.org/pep-0008/>.\n\n[tut]: https://docs.python.org/3/tutorial/\n";
const HTML: &str =
    "<div class=\"note\">\nraw <b>block</b>\n</div>\n\nInline <kbd>Ctrl</kbd>+<kbd>C</kbd> and <!-- a comment -->.\n";

#[test]
fn nested_lists_inside_quotes() {
    assert_snapshot!(show(NESTED_IN_QUOTE, 40), @r"
    │ A quote with a list:
    │
    │ • first
    │   ◦ nested deeper
    │     1. numbered
    │ • second
    │
    │ │ and a quote inside a quote
    ");
}

#[test]
fn tables_align_wide_characters_and_wrap_to_the_width() {
    assert_snapshot!(show(WIDE_TABLE, 60), @r"
    Term   │     意味     │                      Notes
    ───────┼──────────────┼───────────────────────────
    API    │     契約     │ A contract clients rely on
    数据库 │ データベース │         Data outlives code
    ");
    assert_snapshot!(show(WIDE_TABLE, 30), @r"
    Term   │   意味    │     Notes
    ───────┼───────────┼──────────
    API    │   契約    │         A
           │           │  contract
           │           │   clients
           │           │   rely on
    数据库 │ データベ  │      Data
           │   ース    │  outlives
           │           │      code
    ");
    assert_fits(WIDE_TABLE, 30);
}

#[test]
fn an_unterminated_fence_runs_to_the_end_verbatim() {
    assert_snapshot!(show(UNTERMINATED_FENCE, 40), @r"
    Before.

    python
    ▏def f():
    ▏    return 1
    ");
}

#[test]
fn links_show_where_they_go_once() {
    assert_snapshot!(show(REFERENCE_LINKS, 80), @r"
    Read the tutorial (https://docs.python.org/3/tutorial/) and
    https://peps.python.org/pep-0008/.
    ");
}

#[test]
fn raw_html_is_shown_as_text() {
    assert_snapshot!(show(HTML, 80), @r#"
    <div class="note">
    raw <b>block</b>
    </div>

    Inline <kbd>Ctrl</kbd>+<kbd>C</kbd> and <!-- a comment -->.
    "#);
}

#[test]
fn headings_rules_and_task_lists() {
    assert_snapshot!(show("# Title\n\nText.\n\n---\n\n## Practice\n\n- [x] done\n- [ ] open\n", 20), @r"
    Title

    Text.

    ────────────────────

    Practice

    • [x] done
    • [ ] open
    ");
}

#[test]
fn inline_styles_survive_without_color() {
    let text = render("*em* **strong** ~~gone~~ `code`", 40, &Theme::new(false));
    let spans = &text.lines[0].spans;
    let style_of = |word: &str| spans.iter().find(|s| s.content.contains(word)).map(|s| s.style.add_modifier).unwrap();
    assert!(style_of("em").contains(Modifier::ITALIC));
    assert!(style_of("strong").contains(Modifier::BOLD));
    assert!(style_of("gone").contains(Modifier::CROSSED_OUT));
    assert!(spans.iter().all(|s| s.style.fg.is_none()), "no colors without color");
    let colored = render("`code`", 40, &Theme::new(true));
    assert!(colored.lines[0].spans.iter().any(|s| s.style.fg.is_some()), "code is colored when color is on");
}

#[test]
fn every_fixture_keeps_its_words_and_fits_at_many_widths() {
    let deep = "> > > > > - a\n>   - b\n>     - c\n>       - d very deep text that must wrap\n";
    let many_columns = "|a|b|c|d|e|f|g|h|i|j|\n|-|-|-|-|-|-|-|-|-|-|\n|1|2|3|4|5|6|7|8|9|10|\n";
    for markdown in [NESTED_IN_QUOTE, WIDE_TABLE, UNTERMINATED_FENCE, REFERENCE_LINKS, HTML, deep, many_columns] {
        for width in [8, 12, 20, 38, 80] {
            assert_keeps_text(markdown, width);
            assert_fits(markdown, width);
        }
    }
}

#[test]
fn very_deep_nesting_keeps_its_text_and_stops_indenting() {
    let quotes = format!("{} deep words", ">".repeat(100_000));
    let text = show(&quotes, 40);
    assert!(text.contains("deep") && text.contains("words"), "{text}");
    assert!(text.lines().all(|l| wrap::width(l) <= 40));
    let lists: String = (0..2_000).map(|depth| format!("{}- level {depth}\n", "  ".repeat(depth))).collect();
    assert_keeps_text(&lists, 60);
    assert_fits(&lists, 60);
}

#[test]
fn control_characters_cannot_reach_the_terminal() {
    let rendered = show("bell \u{7} and escape \u{1b}[31m red", 40);
    assert!(!rendered.chars().any(|c| c.is_control() && c != '\n'), "{rendered:?}");
}

const LONG_PYTHON: &str = "```python\ndef rows(path):\n    for number, line in enumerate(Path(path).read_text(encoding=\"utf-8\").splitlines(), start=1):\n        yield number, line  # numbered\n```\n";

#[test]
fn a_long_code_line_wraps_with_each_continuation_marked_and_indented_under_its_code() {
    let shown: Vec<String> = show(LONG_PYTHON, 40).lines().map(|l| l.trim_end().to_string()).collect();
    assert_snapshot!(shown.join("\n"), @r#"
    python
    ▏def rows(path):
    ▏    for number, line in
    ↪      enumerate(Path(path).read_text(
    ↪      encoding="utf-8").splitlines(),
    ↪      start=1):
    ▏        yield number, line  # numbered
    "#);
    assert_fits(LONG_PYTHON, 40);
    assert_keeps_text(LONG_PYTHON, 40);
}

#[test]
fn whole_code_lines_have_no_gutter_and_are_never_broken() {
    let text = plain_lines(&render_with(LONG_PYTHON, 40, &Theme::new(true), CodeLines::Whole));
    let code: Vec<&str> = LONG_PYTHON.lines().skip(1).take(3).collect();
    assert_eq!(text, [&["python"][..], &code].concat());
}

#[test]
fn code_is_highlighted_with_color_and_plain_without() {
    let theme = Theme::new(true);
    let text = render(LONG_PYTHON, 80, &theme);
    let style_of = |piece: &str| {
        let spans = text.lines.iter().flat_map(|line| &line.spans);
        spans.filter(|s| s.content.contains(piece)).map(|s| s.style).next().unwrap()
    };
    assert_eq!(style_of("def"), theme.syntax.keyword);
    assert_eq!(style_of("rows"), theme.syntax.name);
    assert_eq!(style_of("\"utf-8\""), theme.syntax.string);
    assert_eq!(style_of("# numbered"), theme.syntax.comment);
    assert_eq!(style_of("1"), theme.syntax.number);
    let plain = render(LONG_PYTHON, 80, &Theme::new(false));
    assert!(plain.lines.iter().flat_map(|l| &l.spans).all(|s| s.style.fg.is_none()), "no colors without color");
}

#[test]
fn code_in_a_language_without_a_highlighter_keeps_the_code_style() {
    let theme = Theme::new(true);
    let text = render("```text\nplain words\n```\n", 40, &theme);
    let span = text.lines[1].spans.iter().find(|s| s.content.contains("plain")).unwrap();
    assert_eq!(span.style, theme.code_block);
}

fn inline_text(text: &str) -> String {
    inline(text, Style::new(), &Theme::new(true)).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn a_checkpoint_shows_its_code_as_code_and_its_block_like_text_as_written() {
    let theme = Theme::new(true);
    let frags = inline("I can explain what `__init__.py` does", Style::new(), &theme);
    let text: String = frags.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(text, "I can explain what __init__.py does");
    let code = frags.iter().find(|(t, _)| t == "__init__.py").expect("the code span is a piece of its own");
    assert_eq!(code.1, Style::new().patch(theme.code));
    // Text that Markdown would read as a heading, a list or a quote stays as written.
    for written in ["# of users per day", "- a dash first", "1. a number first", "> a quote", "***"] {
        assert_eq!(inline_text(written), written);
    }
    // A link keeps where it goes; control characters never reach the terminal.
    assert_eq!(inline_text("read [the docs](https://docs.python.org)"), "read the docs (https://docs.python.org)");
    assert_eq!(inline_text("bad \u{1b}[31mred"), "bad ␛[31mred");
    assert_eq!(inline_text(""), "");
}
