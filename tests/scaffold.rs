//! `roadmap new DIR`: a skeleton an author can grow, which passes `validate` as it is, and
//! which never overwrites anything.

mod common;

use common::Sandbox;

#[test]
fn a_new_roadmap_passes_validate_and_can_be_used() {
    let sandbox = Sandbox::new();
    let dir = sandbox.home.path().join("data-engineer");
    let run = sandbox.run(&["new", dir.to_str().unwrap()]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let shown = dir.display();
    assert!(
        run.stdout.starts_with(&format!("Created a roadmap in {shown}:\n  {shown}/roadmap.yaml\n")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(&format!("`roadmap validate {shown}`")), "{}", run.stdout);

    let run = sandbox.run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with(&format!("ok: {shown} (Data engineer): ")), "{}", run.stdout);
    assert!(run.stdout.ends_with(", 2 skills, no problems\n"), "{}", run.stdout);

    let run = sandbox.run(&["--content", dir.to_str().unwrap(), "next"]);
    assert_eq!(
        run.stdout,
        "start\tfirst-steps/first-skill\tFirst skill\ta starting point, nothing to learn first; unlocks 1 skill\n"
    );
    let yaml = std::fs::read_to_string(dir.join("roadmap.yaml")).unwrap();
    assert!(yaml.starts_with("# yaml-language-server: $schema=.schemas/roadmap.schema.json\n"), "{yaml}");
    for schema in ["roadmap", "phase", "skill"] {
        let copy = std::fs::read_to_string(dir.join(format!(".schemas/{schema}.schema.json"))).unwrap();
        let original =
            std::fs::read_to_string(common::manifest_path(&format!("schemas/{schema}.schema.json"))).unwrap();
        assert_eq!(copy, original, "{schema}");
    }
}

#[test]
fn an_empty_folder_is_used_and_a_non_empty_one_refused() {
    let sandbox = Sandbox::new();
    let dir = sandbox.home.path().join("empty");
    std::fs::create_dir(&dir).unwrap();
    assert_eq!(sandbox.run(&["new", dir.to_str().unwrap()]).code, 0);

    let mine = sandbox.home.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "keep me").unwrap();
    let run = sandbox.run(&["new", mine.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.starts_with(&format!("error: {} is not empty: ", mine.display())), "{}", run.stderr);
    let left: Vec<_> = std::fs::read_dir(&mine).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["notes.txt"], "nothing was added");

    let run = sandbox.run(&["new", "Cargo.toml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("Cargo.toml is a file"), "{}", run.stderr);
}
