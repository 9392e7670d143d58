//! The 910 CommonMark and pulldown-cmark examples in `../shared/corpora/markdown-examples.json`
//! all render at several widths without a panic, without losing a character of their text, and
//! without a line wider than the pane; with code kept whole too. Each example is also code in
//! every highlighted language, highlighted directly and inside a fence: every piece in place,
//! no panic, no hang. The corpus lives beside the project, not in it, so this runs with
//! `cargo test -- --ignored` (CI does); the tricky cases are also fixtures in
//! `src/ui/markdown/tests.rs` and `src/text/highlight/tests.rs`, which plain `cargo test` runs.

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser};
use roadmap_tutor::text::highlight::{Lang, highlight};
use roadmap_tutor::text::wrap;
use roadmap_tutor::ui::markdown::{CodeLines, plain_lines, render_with};
use roadmap_tutor::ui::theme::Theme;

#[derive(serde::Deserialize)]
struct Example {
    section: String,
    markdown: String,
}

fn examples() -> Vec<Example> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/markdown-examples.json");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e} (the shared corpora sit beside the project)"));
    serde_json::from_str(&text).expect("the corpus is JSON")
}

/// The characters of the source that a reader sees: text, code and raw HTML, cleaned of
/// control characters the way the renderer shows them.
fn visible(markdown: &str) -> HashMap<char, usize> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS | Options::ENABLE_FOOTNOTES;
    let mut counts = HashMap::new();
    for event in Parser::new_ext(markdown, options) {
        if let Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) = event {
            for c in wrap::clean(&t).chars().filter(|c| !c.is_whitespace()) {
                *counts.entry(c).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// What is wrong with `markdown` rendered at `width`: characters lost, lines too wide.
fn problems(markdown: &str, width: u16, code: CodeLines, theme: &Theme) -> Vec<String> {
    let lines = plain_lines(&render_with(markdown, width, theme, code));
    let mut shown: HashMap<char, usize> = HashMap::new();
    for c in lines.iter().flat_map(|l| l.chars()).filter(|c| !c.is_whitespace()) {
        *shown.entry(c).or_insert(0) += 1;
    }
    let lost: Vec<char> = visible(markdown)
        .into_iter()
        .filter(|(c, n)| shown.get(c).copied().unwrap_or(0) < *n)
        .map(|(c, _)| c)
        .collect();
    let mut problems = Vec::new();
    if !lost.is_empty() {
        problems.push(format!("at {width} ({code:?}): lost {lost:?}"));
    }
    if code == CodeLines::Wrapped
        && let Some(wide) = lines.iter().find(|l| wrap::width(l) > usize::from(width))
    {
        problems.push(format!("at {width}: {wide:?} is too wide"));
    }
    problems
}

#[test]
#[ignore = "needs ../shared/corpora beside the project; .ci/run runs it with --ignored"]
fn every_example_renders_keeps_its_text_and_fits() {
    let examples = examples();
    assert_eq!(examples.len(), 910);
    let theme = Theme::new(true);
    let mut failures = Vec::new();
    for (index, example) in examples.iter().enumerate() {
        for width in [10u16, 38, 80] {
            for code in [CodeLines::Wrapped, CodeLines::Whole] {
                for problem in problems(&example.markdown, width, code, &theme) {
                    failures.push(format!("#{index} ({}) {problem}", example.section));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

const LANGS: [(&str, Lang); 9] = [
    ("python", Lang::Python),
    ("bash", Lang::Shell),
    ("console", Lang::Console),
    ("yaml", Lang::Yaml),
    ("toml", Lang::Toml),
    ("json", Lang::Json),
    ("sql", Lang::Sql),
    ("dockerfile", Lang::Dockerfile),
    ("http", Lang::Http),
];

#[test]
#[ignore = "needs ../shared/corpora beside the project; .ci/run runs it with --ignored"]
fn every_example_as_code_in_every_language_is_highlighted_whole() {
    let theme = Theme::new(true);
    let mut failures = Vec::new();
    for (index, example) in examples().iter().enumerate() {
        for (name, lang) in LANGS {
            let pieces = highlight(lang, &example.markdown);
            if pieces.iter().any(|(_, text)| text.is_empty()) {
                failures.push(format!("#{index} as {name}: an empty piece"));
            }
            if pieces.into_iter().map(|(_, text)| text).collect::<String>() != example.markdown {
                failures.push(format!("#{index} as {name}: the pieces are not the code"));
            }
            let fenced = format!("```{name}\n{}\n```\n", example.markdown);
            for problem in problems(&fenced, 38, CodeLines::Wrapped, &theme) {
                failures.push(format!("#{index} fenced as {name} {problem}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
