//! The 910 CommonMark and pulldown-cmark examples in `../shared/corpora/markdown-examples.json`
//! all render at several widths without a panic, without losing a character of their text, and
//! without a line wider than the pane. The corpus lives beside the project, not in it, so this
//! runs with `cargo test -- --ignored` (CI does); the tricky cases are also fixtures in
//! `src/ui/markdown/tests.rs`, which plain `cargo test` runs.

use std::collections::HashMap;

use pulldown_cmark::{Event, Options, Parser};
use roadmap_tutor::text::wrap;
use roadmap_tutor::ui::markdown::{plain_lines, render};
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

#[test]
#[ignore = "needs ../shared/corpora beside the project; .ci/run runs it with --ignored"]
fn every_example_renders_keeps_its_text_and_fits() {
    let examples = examples();
    assert_eq!(examples.len(), 910);
    let theme = Theme::new(true);
    let mut failures = Vec::new();
    for (index, example) in examples.iter().enumerate() {
        for width in [10u16, 38, 80] {
            let lines = plain_lines(&render(&example.markdown, width, &theme));
            let mut shown: HashMap<char, usize> = HashMap::new();
            for c in lines.iter().flat_map(|l| l.chars()).filter(|c| !c.is_whitespace()) {
                *shown.entry(c).or_insert(0) += 1;
            }
            let lost: Vec<char> = visible(&example.markdown)
                .into_iter()
                .filter(|(c, n)| shown.get(c).copied().unwrap_or(0) < *n)
                .map(|(c, _)| c)
                .collect();
            if !lost.is_empty() {
                failures.push(format!("#{index} ({}) at {width}: lost {lost:?}", example.section));
            }
            if let Some(wide) = lines.iter().find(|l| wrap::width(l) > usize::from(width)) {
                failures.push(format!("#{index} ({}) at {width}: {wide:?} is too wide", example.section));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
