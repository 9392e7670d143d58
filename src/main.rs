//! The `roadmap` binary: everything lives in the library so tests can reach it.

fn main() -> std::process::ExitCode {
    roadmap_tutor::cli::main()
}
