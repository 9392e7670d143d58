use insta::assert_snapshot;
use proptest::prelude::*;

use super::*;

/// The code with every piece that is not plain shown as `kind‹text›`.
fn marked(lang: Lang, code: &str) -> String {
    highlight(lang, code)
        .into_iter()
        .map(|(kind, text)| match kind {
            Kind::Plain => text.to_string(),
            kind => format!("{}‹{text}›", format!("{kind:?}").to_lowercase()),
        })
        .collect()
}

#[test]
fn python_keywords_names_strings_numbers_and_comments() {
    let code = "@dataclass\nclass Row:\n    def load(path: str) -> list[dict]:\n        \"\"\"Read\n        rows.\"\"\"\n        n = 1_000 + 2.5e-3  # why\n        return [f\"{path}:\\\"\", r'\\d', None] if n else print(len(path.all()))\n";
    assert_snapshot!(marked(Lang::Python, code), @r#"
    name‹@dataclass›
    keyword‹class› name‹Row›:
        keyword‹def› name‹load›(path: str) -> list[dict]:
            string‹"""Read
            rows."""›
            n = number‹1_000› + number‹2.5e-3›  comment‹# why›
            keyword‹return› [string‹f"{path}:\""›, string‹r'\d'›, constant‹None›] keyword‹if› n keyword‹else› name‹print›(name‹len›(path.all()))
    "#);
}

#[test]
fn a_python_console_marks_prompts_and_leaves_output_plain() {
    let code = ">>> int(\"4.2\")   # which error?\nValueError: invalid literal\n>>> 0.1 + 0.2\n0.30000000000000004\n";
    assert_snapshot!(marked(Lang::Python, code), @r#"
    prompt‹>>>› name‹int›(string‹"4.2"›)   comment‹# which error?›
    ValueError: invalid literal
    prompt‹>>>› number‹0.1› + number‹0.2›
    0.30000000000000004
    "#);
}

#[test]
fn shell_commands_variables_strings_and_comments() {
    let code = "# set up\nFOO=\"a b\" uv run pytest -q 2>&1 | tee \"$LOG\" && echo ${HOME}/x $1\nif [ -f x ]; then rm -rf 'x y'; fi\n";
    assert_snapshot!(marked(Lang::Shell, code), @r#"
    comment‹# set up›
    key‹FOO›=string‹"a b"› name‹uv› run pytest -q number‹2›>&number‹1› | name‹tee› string‹"$LOG"› && name‹echo› variable‹${HOME}›/x variable‹$1›
    keyword‹if› name‹[› -f x ]; keyword‹then› name‹rm› -rf string‹'x y'›; keyword‹fi›
    "#);
}

#[test]
fn a_console_marks_prompts_and_continued_commands_and_leaves_output_plain() {
    let code = "$ pip install \\\n    httpx\nCollecting httpx\nme@box:~/src$ ls # list\nREADME.md\n";
    assert_snapshot!(marked(Lang::Shell, code), @r"
    prompt‹$ ›name‹pip› install \
        httpx
    Collecting httpx
    prompt‹me@box:~/src$ ›name‹ls› comment‹# list›
    README.md
    ");
}

#[test]
fn sql_keywords_in_any_case_strings_parameters_and_comments() {
    let code = "SELECT id, count(*) FROM \"order\" WHERE name = 'it''s' AND id = :id::text -- note\n/* block\n */ insert into t values ($1, TRUE, 42);\n";
    assert_snapshot!(marked(Lang::Sql, code), @r#"
    keyword‹SELECT› id, name‹count›(*) keyword‹FROM› "order" keyword‹WHERE› name = string‹'it''s'› keyword‹AND› id = variable‹:id›::keyword‹text› comment‹-- note›
    comment‹/* block
     */› keyword‹insert› keyword‹into› t keyword‹values› (variable‹$1›, constant‹TRUE›, number‹42›);
    "#);
}

#[test]
fn yaml_keys_values_anchors_and_block_scalars() {
    let code = "---\nname: ci\non:\n  push: {branches: [main], tags: \"v*\"}\njobs: &jobs\n  - run: |\n      uv sync # not a comment\n\n      uv run pytest\n    timeout: 10 # minutes\n    image: ghcr.io/you/app:3f9c2e1\n";
    assert_snapshot!(marked(Lang::Yaml, code), @r#"
    keyword‹---›
    key‹name›: ci
    key‹on›:
      key‹push›: {key‹branches›: [main], key‹tags›: string‹"v*"›}
    key‹jobs›: variable‹&jobs›
      - key‹run›: keyword‹|›
    string‹      uv sync # not a comment›

    string‹      uv run pytest›
        key‹timeout›: number‹10› comment‹# minutes›
        key‹image›: ghcr.io/you/app:3f9c2e1
    "#);
}

#[test]
fn toml_tables_keys_and_values() {
    let code = "[tool.mypy]\nstrict = true\nfiles = [\"src\"]    # the package\n[[bin]]\n\"quoted key\" = 1979-05-27T07:32:00Z\n";
    assert_snapshot!(marked(Lang::Toml, code), @r#"
    keyword‹[tool.mypy]›
    key‹strict› = constant‹true›
    key‹files› = [string‹"src"›]    comment‹# the package›
    keyword‹[[bin]]›
    key‹"quoted key"› = number‹1979-05-27T07:32:00Z›
    "#);
}

#[test]
fn json_keys_strings_numbers_and_constants() {
    let code = "{\"title\": \"Write \\\"it\\\"\", \"n\": -4.2e1, \"done\": false, \"tags\": [null]}";
    assert_snapshot!(marked(Lang::Json, code), @r#"{key‹"title"›: string‹"Write \"it\""›, key‹"n"›: number‹-4.2e1›, key‹"done"›: constant‹false›, key‹"tags"›: [constant‹null›]}"#);
}

#[test]
fn dockerfile_instructions_shell_and_arguments() {
    let code = "# syntax\nFROM python:3.14-slim AS base\nENV PYTHONUNBUFFERED=1 HOME=/app\nRUN uv sync --frozen \\\n    && rm -rf $HOME/.cache\nEXPOSE 8000\nCMD [\"uv\", \"run\"]\n";
    assert_snapshot!(marked(Lang::Dockerfile, code), @r#"
    comment‹# syntax›
    keyword‹FROM› python:3.14-slim keyword‹AS› base
    keyword‹ENV› key‹PYTHONUNBUFFERED›=1 key‹HOME›=/app
    keyword‹RUN› name‹uv› sync --frozen \
        && name‹rm› -rf variable‹$HOME›/.cache
    keyword‹EXPOSE› number‹8000›
    keyword‹CMD› [string‹"uv"›, string‹"run"›]
    "#);
}

#[test]
fn http_start_lines_headers_and_a_json_body() {
    let code = "POST /v1/tasks HTTP/1.1\nContent-Type: application/json\n\n{\"title\": \"x\"}\n\nHTTP/1.1 201 Created\nETag: \"42-v7\"\n";
    assert_snapshot!(marked(Lang::Http, code), @r#"
    keyword‹POST› /v1/tasks constant‹HTTP/1.1›
    key‹Content-Type›: application/json

    {key‹"title"›: string‹"x"›}

    constant‹HTTP/1.1› number‹201› Created
    key‹ETag›: string‹"42-v7"›
    "#);
}

#[test]
fn fence_info_strings_name_languages() {
    assert_eq!(Lang::from_info("python"), Some(Lang::Python));
    assert_eq!(Lang::from_info("  Bash title=\"setup\""), Some(Lang::Shell));
    assert_eq!(Lang::from_info("{.yml}"), Some(Lang::Yaml));
    assert_eq!(Lang::from_info("console"), Some(Lang::Console));
    assert_eq!(Lang::from_info("Dockerfile"), Some(Lang::Dockerfile));
    assert_eq!(Lang::from_info("text"), None);
    assert_eq!(Lang::from_info(""), None);
}

const LANGS: [Lang; 9] = [
    Lang::Python,
    Lang::Shell,
    Lang::Console,
    Lang::Yaml,
    Lang::Toml,
    Lang::Json,
    Lang::Sql,
    Lang::Dockerfile,
    Lang::Http,
];

/// Half-open quotes, comments and blocks that never end, stray prompts and escapes: every
/// piece is in place, whatever the language.
#[test]
fn unfinished_code_keeps_every_character() {
    let odd = [
        "\"\"\"never closed\n\nstill",
        "'",
        "\\",
        "$",
        "${",
        "$(",
        "/*",
        "[",
        "- ",
        "---",
        ">>>",
        "$ ",
        "a: |",
        "é'ü\"\\",
        "\u{1b}[31m",
        "\t\t#",
        "\"\\",
        "0x",
        "1e",
        "-",
        ":",
        "::",
        "$$",
        "$tag$ never",
        "[[",
        "RUN \\",
        "GET",
    ];
    for lang in LANGS {
        for code in odd {
            let joined: String = highlight(lang, code).into_iter().map(|(_, t)| t).collect();
            assert_eq!(joined, code, "{lang:?}");
        }
    }
}

/// Lines that would take quadratic time if a scanner looked past the token it is on: each is
/// highlighted in one pass (a hang here is the failure).
#[test]
fn long_odd_lines_are_highlighted_whole() {
    let units = ["{,", "a", "\"", "- ", "$", "${", "[", "x = ", "'\\", "| ", "@", ":a", "/*", "$$", "\"k\": ", "#"];
    for lang in LANGS {
        for unit in units {
            let line = unit.repeat(100_000 / unit.len());
            let joined: String = highlight(lang, &line).into_iter().map(|(_, t)| t).collect();
            assert!(joined == line, "{lang:?} on {unit:?}");
        }
    }
}

proptest! {
    #[test]
    fn pieces_are_the_code_in_order_for_any_input(code in "[ -~\\n\\t'\"#$\\\\{}\\[\\]éü]{0,200}") {
        for lang in LANGS {
            let pieces = highlight(lang, &code);
            prop_assert!(pieces.iter().all(|(_, text)| !text.is_empty()), "{:?}: an empty piece", lang);
            let joined: String = pieces.into_iter().map(|(_, text)| text).collect();
            prop_assert_eq!(&joined, &code, "{:?}", lang);
        }
    }
}
