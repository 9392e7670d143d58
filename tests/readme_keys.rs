//! The README's key table lists every key, exactly as the keymap tables say, so the
//! documentation cannot drift from what the keys do (the help screen reads the same tables).

use roadmap_tutor::keymap::{groups, key_name};

/// The README's table, as `cargo test --test readme_keys -- --ignored --nocapture` prints it.
fn table() -> String {
    let mut out = String::from("| Where | Keys | What they do |\n|---|---|---|\n");
    for (name, bindings) in groups() {
        for binding in bindings {
            let keys: Vec<String> = binding.keys.iter().map(|k| format!("`{}`", key_name(*k))).collect();
            out.push_str(&format!("| {name} | {} | {} |\n", keys.join(" "), binding.help));
        }
    }
    out
}

#[test]
fn the_readme_lists_every_key() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&table()),
        "README.md's key table is out of date; print it with `cargo test --test readme_keys -- --ignored --nocapture`"
    );
}

#[test]
#[ignore = "prints the table to paste into README.md"]
fn print_the_table() {
    print!("{}", table());
}
