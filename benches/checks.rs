//! What the check runner itself costs: a trivial check from spawn to verdict (beside a bare
//! `sh -c true` for comparison), a check printing 50 MB (read and capped), and the digests.
//! `cargo bench --bench checks`.

use std::process::{Command, Stdio};

use divan::{Bencher, black_box};
use roadmap_tutor::checks::{self, Cancel, DEFAULT_TIMEOUT};

fn main() {
    divan::main();
}

/// `run` on `true`: folder check, spawn in a session, read to the end, reap, group check.
#[divan::bench(sample_count = 200)]
fn trivial_check(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let cancel = Cancel::new();
    bencher.bench_local(|| checks::run(dir.path(), "true", DEFAULT_TIMEOUT, &cancel).expect("runs"));
}

/// The floor: starting `sh -c true` and waiting for it, nothing else.
#[divan::bench(sample_count = 200)]
fn bare_sh_true() {
    let status = Command::new("sh").args(["-c", "true"]).stdin(Stdio::null()).status().expect("runs");
    black_box(status);
}

#[divan::bench(sample_count = 10)]
fn fifty_megabytes_of_output(bencher: Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let cancel = Cancel::new();
    bencher
        .bench_local(|| checks::run(dir.path(), "head -c 52428800 /dev/zero", DEFAULT_TIMEOUT, &cancel).expect("runs"));
}

#[divan::bench]
fn digest_of_a_command() -> String {
    checks::digest(black_box("python -m pytest -q --maxfail=1 tests/"))
}

#[divan::bench]
fn trust_digest_of_200_commands(bencher: Bencher) {
    let commands: Vec<String> = (0..200).map(|i| format!("python -m pytest -q tests/test_{i}.py")).collect();
    bencher.bench_local(|| checks::trust_digest(black_box(&commands)));
}
