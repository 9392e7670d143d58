//! `roadmap validate` on one fixture folder per content problem: each prints exactly the
//! expected `path:line: message` and exits 1; a clean folder exits 0.

mod common;

use common::{Sandbox, copy_dir, fixture, output, unprivileged};

fn validate(name: &str) -> common::Run {
    Sandbox::new().run(&["validate", &fixture(name)])
}

#[track_caller]
fn assert_problems(name: &str, expected: &[&str]) {
    assert_report(name, expected, &[]);
}

/// The problems, then the warnings (`path:line: warning: ...`), and exit 1 for the problems.
#[track_caller]
fn assert_report(name: &str, problems: &[&str], warnings: &[&str]) {
    let run = validate(name);
    let root = fixture(name);
    let problem_lines = problems.iter().map(|line| format!("{root}/{line}"));
    let warning_lines = warnings.iter().map(|line| format!("{root}/{}", line.replacen(": ", ": warning: ", 1)));
    let expected: Vec<String> = problem_lines.chain(warning_lines).collect();
    let printed: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(printed, expected, "stderr: {}", run.stderr);
    let count = if problems.len() == 1 { "1 problem".to_string() } else { format!("{} problems", problems.len()) };
    assert_eq!(run.stderr, format!("error: {count} in {root}\n"));
    assert_eq!(run.code, 1);
}

#[test]
fn a_clean_folder_passes() {
    let run = validate("valid");
    assert_eq!(run.stdout, "ok: tests/fixtures/content/valid (Fixture Roadmap): 2 phases, 3 skills, no problems\n");
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn yaml_syntax_is_located_by_the_parser() {
    // The parser stumbles on line 8; the `[` left open on line 7 is the likely cause.
    assert_problems(
        "yaml-syntax",
        &[
            "basics/second.md:8: YAML syntax: illegal placement of ':' indicator (is the `[` on line 7 missing its `]`?)",
        ],
    );
}

#[test]
fn a_tab_where_yaml_wants_spaces_says_tab() {
    assert_problems("tab-indentation", &["basics/second.md:11: YAML does not allow tabs for indentation: use spaces"]);
}

#[test]
fn a_field_written_twice_is_reported_at_the_second() {
    assert_problems(
        "duplicate-field",
        &["basics/second.md:8: duplicate field `hours` (first at line 6): remove one of them"],
    );
    assert_problems(
        "duplicate-field-in-resource",
        &["basics/second.md:13: duplicate field `kind` (first at line 12): remove one of them"],
    );
}

#[test]
fn unknown_field_suggests_the_closest() {
    assert_problems("unknown-field", &["basics/second.md:9: unknown field `tittle` (did you mean `title`?)"]);
}

#[test]
fn a_misspelled_field_is_one_problem_with_its_suggestion() {
    // `titel:` instead of `title:`: not also "missing field `title`".
    assert_problems("misspelled-field", &["basics/second.md:2: unknown field `titel` (did you mean `title`?)"]);
}

#[test]
fn missing_field() {
    assert_problems("missing-field", &["basics/second.md:2: missing field `summary`"]);
}

#[test]
fn a_missing_field_inside_a_milestone_or_resource_names_it() {
    assert_problems("milestone-missing-title", &["advanced/phase.md:4: milestone: missing field `title`"]);
    assert_problems("resource-missing-field", &["basics/second.md:13: resource 2: missing field `kind`"]);
}

#[test]
fn wrong_type() {
    assert_problems("wrong-type", &["basics/second.md:6: `hours` must be a number, not the text \"six\""]);
}

#[test]
fn a_value_outside_the_allowed_words() {
    assert_problems("bad-level", &["basics/second.md:5: `level` must be one of core, stretch, deep, not `essential`"]);
}

#[test]
fn duplicate_ids_name_both_places() {
    assert_problems(
        "duplicate-id",
        &[
            // basics/second.md took another id, so nothing is called basics/second any more.
            "advanced/third.md:7: unknown prerequisite `basics/second` (no skill has a similar id)",
            "basics/second.md:2: duplicate id `basics/first`: already used at tests/fixtures/content/duplicate-id/basics/first.md:1",
        ],
    );
}

#[test]
fn unknown_prerequisite_suggests_the_closest_id() {
    assert_problems(
        "unknown-prerequisite",
        &["advanced/third.md:8: unknown prerequisite `basics/secnd` (did you mean `basics/second`?)"],
    );
    // In basics/second.md itself, the closest id is the skill's own: never suggested.
    assert_problems(
        "prerequisite-close-to-itself",
        &["basics/second.md:7: unknown prerequisite `basics/secnd` (no skill has a similar id)"],
    );
}

#[test]
fn cycles_are_printed() {
    assert_problems(
        "cycle",
        &["basics/first.md:7: prerequisite cycle: basics/first -> advanced/third -> basics/second -> basics/first"],
    );
    assert_problems("self-requirement", &["basics/first.md:7: prerequisite cycle: basics/first -> basics/first"]);
}

#[test]
fn phase_folders_and_the_phase_list_must_agree() {
    // advanced/third.md requires extras/bonus: the folder's own problem says why it is not found.
    assert_problems(
        "unlisted-phase",
        &["roadmap.yaml:4: folder `extras/` is not listed in `phases`: add it, or move it out of the roadmap"],
    );
    assert_problems(
        "missing-phase-folder",
        &["roadmap.yaml:4: phase `capstone` has no folder: create `capstone/phase.md`, or remove it from `phases`"],
    );
    assert_problems(
        "missing-phase-md",
        &["advanced/phase.md:1: missing phase.md: each phase folder needs one (title, goal, milestone)"],
    );
    assert_problems(
        "missing-roadmap-yaml",
        &["roadmap.yaml:1: missing roadmap.yaml: a roadmap folder starts with one (id, title, phases)"],
    );
}

#[test]
fn a_misspelled_phase_points_at_its_folder_and_nothing_else() {
    // advanced/third.md requires basics/second, in the folder left unlisted by the typo; the
    // folder itself is not called unlisted either: one mistake, one problem.
    assert_problems("misspelled-phase", &["roadmap.yaml:4: phase `bsaics` has no folder (did you mean `basics`?)"]);
}

#[test]
fn a_roadmap_yaml_without_a_phase_list_does_not_call_every_folder_unlisted() {
    assert_problems(
        "roadmap-yaml-syntax",
        &["roadmap.yaml:3: YAML syntax: illegal placement of ':' indicator (is the `[` on line 2 missing its `]`?)"],
    );
    assert_problems(
        "roadmap-yaml-not-a-mapping",
        &["roadmap.yaml:1: roadmap.yaml must be a mapping of fields, not a list"],
    );
    assert_problems(
        "roadmap-yaml-empty",
        &["roadmap.yaml:1: roadmap.yaml is empty: it needs fields like `title: ...`"],
    );
    assert_problems("roadmap-yaml-without-phases", &["roadmap.yaml:1: missing field `phases`"]);
}

#[test]
fn markdown_files_the_loader_skips_are_warnings_that_fail_nothing() {
    let sandbox = Sandbox::new();
    let root = fixture("stray-files");
    let hint = "or start its name with `.` to keep it out of the roadmap";
    let warnings = [
        format!(
            "{root}/advanced/extra.MD:1: warning: only files ending in `.md` are read: rename it to `extra.md`, {hint}"
        ),
        format!(
            "{root}/basics/drafts:1: warning: a folder inside a phase is not read, and this one holds `.md` files: \
             move them up into `basics/`, or start the folder's name with `.` to keep it out of the roadmap"
        ),
        format!(
            "{root}/basics/notes.markdown:1: warning: only files ending in `.md` are read: rename it to `notes.md`, {hint}"
        ),
    ];
    let ok = format!(
        "ok: {root} (Fixture Roadmap): 2 phases, 3 skills, no problems, 3 warnings (`--strict` makes warnings fail)"
    );
    let run = sandbox.run(&["validate", &root]);
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), [&warnings[..], &[ok]].concat());
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));

    let run = sandbox.run(&["validate", "--strict", &root]);
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), warnings);
    assert_eq!((run.code, run.stderr), (1, format!("error: 3 warnings in {root} (--strict)\n")));

    // The other commands start as if the files were not there.
    let run = sandbox.run(&["--content", &root, "status"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn a_skill_in_a_skipped_file_cannot_be_required() {
    // advanced/third.md requires basics/extra, which only a skipped file would define.
    let hint = "or start its name with `.` to keep it out of the roadmap";
    assert_report(
        "markdown-extension",
        &["advanced/third.md:7: unknown prerequisite `basics/extra`: its file `basics/extra.markdown` is not read \
           (rename it to `extra.md`)"],
        &[&format!("basics/extra.markdown:1: only files ending in `.md` are read: rename it to `extra.md`, {hint}")],
    );
    assert_report(
        "uppercase-md-extension",
        &[
            "advanced/phase.md:1: missing phase.md: each phase folder needs one (title, goal, milestone); \
             `advanced/phase.MD` is not read: rename it to `phase.md`",
            "advanced/third.md:7: unknown prerequisite `basics/extra`: its file `basics/extra.MD` is not read \
             (rename it to `extra.md`)",
        ],
        &[
            &format!("advanced/phase.MD:1: only files ending in `.md` are read: rename it to `phase.md`, {hint}"),
            &format!("basics/extra.MD:1: only files ending in `.md` are read: rename it to `extra.md`, {hint}"),
        ],
    );
    // Beside basics/more/extra.md: images/ and notes.txt (not markdown), .drafts/ (hidden), all unreported.
    assert_report(
        "skills-in-a-subfolder",
        &["advanced/third.md:7: unknown prerequisite `basics/extra`: its file `basics/more/extra.md` is not read \
           (move it up into `basics/`)"],
        &["basics/more:1: a folder inside a phase is not read, and this one holds `.md` files: \
           move them up into `basics/`, or start the folder's name with `.` to keep it out of the roadmap"],
    );
}

#[test]
fn a_misnamed_roadmap_yaml_is_named_with_a_suggestion() {
    assert_problems(
        "misnamed-roadmap-yaml",
        &["roadmap.yml:1: did you mean `roadmap.yaml`? The roadmap is read from `roadmap.yaml` only: rename this file"],
    );
}

#[test]
fn empty_title() {
    assert_problems("empty-title", &["basics/second.md:2: `title` is empty"]);
}

#[test]
fn malformed_url() {
    assert_problems(
        "malformed-url",
        &[
            "basics/second.md:11: resource 1: malformed URL `htps://docs.python.org`: it must start with https:// or http://",
        ],
    );
}

#[test]
fn front_matter_missing_or_unclosed() {
    assert_problems(
        "no-front-matter",
        &[
            "basics/second.md:1: no front matter: the file must start with a line `---`, then its YAML fields, then `---`",
        ],
    );
    assert_problems(
        "unclosed-front-matter",
        &["basics/second.md:1: front matter is not closed: add a line `---` after the YAML fields"],
    );
}

#[test]
fn a_file_that_is_not_utf8_is_named_at_its_first_bad_line() {
    assert_problems("not-utf8", &["basics/second.md:18: file is not valid UTF-8: save it as UTF-8"]);
}

#[test]
fn an_unreadable_phase_md_is_not_also_missing() {
    assert_problems("phase-md-not-utf8", &["basics/phase.md:9: file is not valid UTF-8: save it as UTF-8"]);
}

#[test]
fn an_unreadable_phase_folder_is_one_problem() {
    use std::os::unix::fs::PermissionsExt;
    let Some(user) = unprivileged() else { return };
    let sandbox = Sandbox::new();
    let dir = sandbox.home.path().join("roadmap");
    copy_dir(&common::manifest_path(&fixture("unreadable-phase-folder")), &dir);
    user.own(sandbox.home.path());
    // advanced/third.md requires basics/second, in the folder that cannot be read.
    let basics = dir.join("basics");
    std::fs::set_permissions(&basics, std::fs::Permissions::from_mode(0o000)).unwrap();
    let run = output(user.command(sandbox.home.path()).arg("validate").arg(&dir));
    std::fs::set_permissions(&basics, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(
        run.stdout,
        format!("{}:1: cannot read this folder: Permission denied (os error 13)\n", basics.display())
    );
    assert_eq!((run.code, run.stderr), (1, format!("error: 1 problem in {}\n", dir.display())));
}

#[test]
fn a_file_over_one_mebibyte_is_refused_unread() {
    let sandbox = Sandbox::new();
    let dir = sandbox.home.path().join("big");
    copy_dir(&common::manifest_path(&fixture("valid")), &dir);
    let big = dir.join("basics/huge.md");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(2 * 1024 * 1024).unwrap();
    let run = sandbox.run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(
        run.stdout,
        format!("{}: file is 2048 KiB, over the 1 MiB limit: split it\n", format_args!("{}:1", big.display()))
    );
    assert_eq!(run.code, 1);
}

#[test]
fn every_problem_of_a_broken_tree_is_reported_at_once() {
    assert_problems(
        "many-problems",
        &[
            "basics/first.md:7: prerequisite cycle: basics/first -> advanced/third -> basics/second -> basics/first",
            "basics/first.md:11: resource 1: malformed URL `not a url`: it must start with https:// or http://",
            "basics/second.md:2: `title` is empty",
            "basics/second.md:7: unknown prerequisite `basics/nope` (no skill has a similar id)",
            "basics/second.md:9: unknown field `level_of_detail` (did you mean `level`?)",
            "roadmap.yaml:4: folder `notes/` is not listed in `phases`: add it, or move it out of the roadmap",
            "roadmap.yaml:4: phase `capstone` has no folder: create `capstone/phase.md`, or remove it from `phases`",
        ],
    );
}

#[test]
fn bad_checks_are_named_at_their_lines() {
    assert_problems(
        "check-not-a-list",
        &[
            "basics/second.md:15: `checks` must be a list (`[a, b]` or `- a` lines), not the text \"python -m pytest -q\"",
        ],
    );
    assert_problems("check-missing-run", &["basics/second.md:19: check 2: missing field `run`"]);
    assert_problems("check-empty-run", &["basics/second.md:20: check 2: `run` is empty"]);
    assert_problems(
        "check-unknown-field",
        &["basics/second.md:18: check 1: unknown field `tmeout` (did you mean `timeout`?)"],
    );
    assert_problems(
        "check-timeout-out-of-range",
        &["basics/second.md:18: check 1: `timeout` must be whole seconds from 1 to 3600, not the number 7200"],
    );
    assert_problems(
        "milestone-check-bad-timeout",
        &[
            "basics/phase.md:10: milestone check 1: `timeout` must be whole seconds from 1 to 3600, not the text \"soon\"",
        ],
    );
}

#[test]
fn bad_quiz_questions_are_named_at_their_lines() {
    assert_problems(
        "quiz-answer-out-of-range",
        &["basics/second.md:24: question 1: `answer` 4 is out of range: the choices are numbered 0 to 3"],
    );
    assert_problems(
        "quiz-duplicate-choice",
        &[
            "basics/second.md:29: question 2: the choice at index 2 repeats the one at index 0: make every choice different",
        ],
    );
    assert_problems("quiz-empty-choice", &["basics/second.md:29: question 2: the choice at index 1 is empty"]);
    assert_problems("quiz-missing-explain", &["basics/second.md:22: question 1: missing field `explain`"]);
    // `answers:` is the misspelling of `answer:`: one problem, not also "missing field `answer`".
    assert_problems(
        "quiz-unknown-field",
        &["basics/second.md:24: question 1: unknown field `answers` (did you mean `answer`?)"],
    );
    assert_problems(
        "quiz-wrong-type",
        &[
            "basics/second.md:24: question 1: `answer` must be the index of the right choice (from 0), or a list of them, \
           not the text \"B\"",
        ],
    );
    assert_problems(
        "quiz-too-few-choices",
        &["basics/second.md:23: question 1: `choices` has 1 choice: a question needs 2 to 6"],
    );
    assert_problems(
        "quiz-every-choice-right",
        &[
            "basics/second.md:30: question 2: every choice is marked right: a question needs a wrong one to choose against",
        ],
    );
    assert_problems("quiz-answer-twice", &["basics/second.md:30: question 2: `answer` lists 0 twice"]);
}

#[test]
fn other_commands_refuse_broken_content_with_the_same_report() {
    let sandbox = Sandbox::new();
    for args in [&["status"][..], &["next"], &["done", "basics/first"], &[]] {
        let mut full = vec!["--content", "tests/fixtures/content/unknown-field"];
        full.extend_from_slice(args);
        let run = sandbox.run(&full);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stdout, "");
        assert!(
            run.stderr.starts_with(
                "tests/fixtures/content/unknown-field/basics/second.md:9: unknown field `tittle` (did you mean `title`?)\n\
                 error: 1 problem in tests/fixtures/content/unknown-field: fix it and run `roadmap validate tests/fixtures/content/unknown-field` to check"
            ),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(!sandbox.state().exists(), "nothing is written when content is broken");
}

#[test]
fn usage_errors_exit_2() {
    let sandbox = Sandbox::new();
    let run = sandbox.run(&["validate", "tests/fixtures/content/does-not-exist"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (2, "error: validate tests/fixtures/content/does-not-exist: no such folder\n")
    );
    let run = sandbox.run(&["validate", "Cargo.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("Cargo.toml is a file; it must be a roadmap folder"), "{}", run.stderr);
}
