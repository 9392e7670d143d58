//! Embeds the built-in roadmap (`content/`) into the binary, so `roadmap` works from any folder.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from(
        "/// Files of `content/`: (path relative to it, bytes).\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for (rel, abs) in &files {
        writeln!(out, "    ({rel:?}, include_bytes!({abs:?})),").unwrap();
    }
    out.push_str("];\n");
    // FNV-1a over names and bytes: it changes whenever the built-in roadmap does, and keys
    // its entry in the content cache.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (rel, abs) in &files {
        let bytes = std::fs::read(abs).unwrap();
        for byte in rel.as_bytes().iter().chain([0u8].iter()).chain(bytes.iter()) {
            hash = (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    writeln!(out, "/// A hash of every file above.\npub static HASH: u64 = {hash:#x};").unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("builtin_content.rs");
    std::fs::write(dest, out).unwrap();
}

/// Top-level `roadmap.yaml` and the `.md` files one folder down: the shape a roadmap has.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if rel.split('/').any(|part| part.starts_with('.')) {
            continue;
        }
        if path.is_dir() && dir == root {
            collect(root, &path, files);
        } else if (dir == root && rel == "roadmap.yaml") || (dir != root && rel.ends_with(".md")) {
            files.push((rel, path.to_string_lossy().into_owned()));
        }
    }
}
