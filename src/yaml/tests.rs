use super::*;

fn tree(text: &str) -> Node<'_> {
    parse(text, Limits::default()).unwrap().unwrap()
}

fn error(text: &str) -> (usize, String) {
    let error = parse(text, Limits::default()).unwrap_err();
    (error.line, error.kind.to_string())
}

fn entries<'n, 'a>(node: &'n Node<'a>) -> &'n [(Node<'a>, Node<'a>)] {
    match &node.value {
        Value::Map(entries) => entries,
        other => panic!("not a mapping: {other:?}"),
    }
}

/// Each key of a mapping with its line.
fn key_lines(node: &Node) -> Vec<(String, usize)> {
    entries(node).iter().map(|(k, _)| (format!("{:?}", k.value.scalar()), k.line)).collect()
}

#[test]
fn every_key_and_value_knows_its_line_however_it_is_written() {
    let text =
        "summary: Git\n'what''s next': 1\n\"tit\\x6ce\": x\n? complex\n: value\nrequires: [a/b, \"a/c\",\n   a/d]\n";
    let root = tree(text);
    let keys = key_lines(&root);
    assert_eq!(keys.iter().map(|(_, line)| *line).collect::<Vec<_>>(), [1, 2, 3, 4, 6]);
    let (key, _) = &entries(&root)[1];
    assert_eq!(key.value.as_str(), Some("what's next"));
    let (key, _) = &entries(&root)[2];
    assert_eq!(key.value.as_str(), Some("title"));
    let Value::List(items) = &entries(&root)[4].1.value else { panic!() };
    assert_eq!(items.iter().map(|n| n.line).collect::<Vec<_>>(), [6, 6, 7]);
}

#[test]
fn nested_block_and_flow_collections_keep_lines() {
    let text = "resources:\n  - { title: A, url: u }\n  - title: B\n    url: v\nmilestone:\n  title: M\n  description: >-\n    folded\n";
    let root = tree(text);
    let Value::List(items) = &entries(&root)[0].1.value else { panic!() };
    assert_eq!(key_lines(&items[0]).iter().map(|(_, l)| *l).collect::<Vec<_>>(), [2, 2]);
    assert_eq!(key_lines(&items[1]).iter().map(|(_, l)| *l).collect::<Vec<_>>(), [3, 4]);
    let milestone = &entries(&root)[1].1;
    assert_eq!(key_lines(milestone).iter().map(|(_, l)| *l).collect::<Vec<_>>(), [6, 7]);
    assert_eq!(entries(milestone)[1].1.value.as_str(), Some("folded"));
}

#[test]
fn plain_scalars_follow_the_core_schema_and_keep_their_text() {
    let text = "a: ~\nb: null\nc:\nd: true\ne: False\nf: 8\ng: -3\nh: 0x1F\ni: 0o17\nj: 1.5\nk: 2e3\nl: .inf\nm: -.Inf\n\
                n: yes\no: '8'\np: 1-intro\nq: .\nr: 99999999999999999999\ns: !!str 5\nt: !!float 2\nu: ! 7\n";
    let root = tree(text);
    let values: Vec<Option<Scalar>> = entries(&root).iter().map(|(_, v)| v.value.scalar()).collect();
    assert_eq!(
        values.into_iter().map(Option::unwrap).collect::<Vec<_>>(),
        [
            Scalar::Null,
            Scalar::Null,
            Scalar::Null,
            Scalar::Bool(true),
            Scalar::Bool(false),
            Scalar::Int(8),
            Scalar::Int(-3),
            Scalar::Int(31),
            Scalar::Int(15),
            Scalar::Float(1.5),
            Scalar::Float(2000.0),
            Scalar::Float(f64::INFINITY),
            Scalar::Float(f64::NEG_INFINITY),
            Scalar::Str("yes"),
            Scalar::Str("8"),
            Scalar::Str("1-intro"),
            Scalar::Str("."),
            Scalar::Float(1e20),
            Scalar::Str("5"),
            Scalar::Int(2),
            Scalar::Str("7"),
        ]
    );
    // A field that takes only text reads what was written.
    let written: Vec<&str> = entries(&root).iter().map(|(_, v)| v.value.text().unwrap()).collect();
    assert_eq!(&written[5..8], ["8", "-3", "0x1F"]);
    assert!(tree("x: .nan\n").value.scalar().is_none(), "a mapping is no scalar");
    assert!(matches!(entries(&tree("x: .nan\n"))[0].1.value.scalar(), Some(Scalar::Float(n)) if n.is_nan()));
    assert_eq!(error("a: !!int x\n"), (1, "YAML syntax: `x` is not a valid !!int".into()));
}

#[test]
fn a_repeated_key_is_refused_at_the_repetition() {
    assert_eq!(
        error("title: a\nhours: 1\ntags: [x]\nhours: 2\n"),
        (4, "`hours` is written twice (first at line 2)".into())
    );
    assert_eq!(error("m: { title: a, title: b }\n").0, 1);
    assert_eq!(error("~: a\nnull: b\n"), (2, "`null` is written twice (first at line 1)".into()));
    // `1` and `"1"` are different keys; so are keys of different mappings.
    assert!(parse("1: a\n\"1\": b\nm: {1: c}\n", Limits::default()).is_ok());
    // Large mappings keep a set of keys; the repetition is still found, and only it.
    let many: String = (0..100).map(|i| format!("  id{i}: {i}\n")).collect();
    assert!(parse(&format!("skills:\n{many}"), Limits::default()).is_ok());
    assert_eq!(error(&format!("skills:\n{many}  id7: x\n")), (102, "`id7` is written twice (first at line 9)".into()));
    // Where the mapping is, for a message that names it.
    let error = parse("skills:\n  a/x:\n    checks:\n      - {n: 1, n: 2}\n", Limits::default()).unwrap_err();
    let ErrorKind::Duplicate { within, .. } = error.kind else { panic!("{error:?}") };
    assert_eq!(within, ["skills", "a/x", "checks", "0"]);
}

#[test]
fn a_tab_is_named_at_its_own_line() {
    let tab = "YAML does not allow tabs for indentation: use spaces".to_string();
    for (text, line) in [
        ("title: a\nmilestone:\n\ttitle: b\n", 3),
        ("resources:\n  - title: Docs\n\turl: x\n    kind: doc\n", 3),
        ("a: 1\n\tb: 2\n", 2),
        ("m:\n  a: 1\n\t  b: 2\n", 3),
        ("a: |\n\tx\n", 2),
    ] {
        assert_eq!(error(text), (line, tab.clone()), "{text:?}");
    }
    // Inside brackets a tab is only space.
    assert!(parse("a: [1,\n\t2]\n", Limits::default()).is_ok());
}

#[test]
fn tabs_nesting_tags_and_second_documents_are_named() {
    let deep = format!("tags: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(error(&deep), (1, "YAML nested more than 64 levels deep".into()));
    let block: String = (0..100).map(|i| format!("{}k{i}:\n", "  ".repeat(i))).collect();
    assert_eq!(error(&block).1, "YAML nested more than 64 levels deep");
    assert_eq!(error("a: 1\nb: !foo x\n"), (2, "YAML tag `!foo` is not used here: remove it".into()));
    assert_eq!(error("a: 1\n---\nb: 2\n"), (2, "a second YAML document (`---`): the file holds one".into()));
    assert_eq!(parse("", Limits::default()), Ok(None));
    assert_eq!(parse("# only a comment\n", Limits::default()), Ok(None));
}

#[test]
fn aliases_copy_within_a_budget() {
    let root = tree("a: &x [1, 2]\nb: *x\n");
    assert_eq!(entries(&root)[1].1.value, entries(&root)[0].1.value);
    assert_eq!(entries(&root)[1].1.line, 2);
    let mut laughs = String::from("l0: &l0 [a, a, a, a, a, a, a, a, a]\n");
    for level in 1..=9 {
        laughs.push_str(&format!("l{level}: &l{level} [{}]\n", vec![format!("*l{}", level - 1); 9].join(", ")));
    }
    let (line, message) = error(&laughs);
    assert_eq!(message, "YAML aliases here copy more than 10000 values: write the values out");
    assert_eq!(line, 5);
}

#[test]
fn lines_are_counted_as_editors_count_them() {
    for text in ["a: 1\rb: 2\nc: d: e\n", "a: 'x\u{2028}y'\nc: d: e\n"] {
        assert_eq!(error(text).0, 2, "{text:?}");
    }
    // YAML 1.2 breaks no line at U+0085: `b:` is on the first line, for the parser as for an editor.
    assert_eq!(error("a: 1\u{85}b: 2\nc: d\n").0, 1);
}

#[test]
fn syntax_errors_use_the_parsers_words_at_their_line() {
    let (line, message) = error("title: a\nrequires: [a, b\ntags: [x]\n");
    assert!(line >= 2, "{line}");
    assert!(message.starts_with("YAML syntax: "), "{message}");
}
