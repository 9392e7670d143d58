//! Running the real `roadmap` binary in a sandbox: a temporary HOME and state file, no
//! color, a fixed date.
#![allow(dead_code)]

pub mod app;
pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use roadmap_tutor::content::{Problems, Roadmap};

pub struct Sandbox {
    pub home: tempfile::TempDir,
    /// The content cache, outside HOME so tests of the progress folder see only what the
    /// store writes there.
    pub cache: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { home: tempfile::tempdir().expect("temp dir"), cache: tempfile::tempdir().expect("temp dir") }
    }

    /// The state file used by `run` (passed as `--state`).
    pub fn state(&self) -> PathBuf {
        self.home.path().join("progress.yaml")
    }

    /// A command for the binary with HOME in the sandbox and the environment cleared of
    /// anything that would change its behaviour.
    pub fn command(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_roadmap"));
        command
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("HOME", self.home.path())
            .env("XDG_CACHE_HOME", self.cache.path())
            .env_remove("ROADMAP_CACHE_DIR")
            .env("ROADMAP_TODAY", "2026-11-21")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("ROADMAP_CONTENT")
            .env_remove("ROADMAP_STATE")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        command
    }

    /// Runs with `--state` pointing into the sandbox.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut command = self.command();
        command.arg("--state").arg(self.state()).args(args);
        Run::of(command.output().expect("the binary runs"))
    }

    pub fn state_text(&self) -> String {
        std::fs::read_to_string(self.state()).unwrap_or_default()
    }
}

/// What a run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs a prepared command.
/// Git as the tests run it: no configuration but this, a fixed author, and no repository
/// inherited from the environment.
pub fn git_env(command: &mut Command) -> &mut Command {
    command
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Learner")
        .env("GIT_AUTHOR_EMAIL", "learner@example.com")
        .env("GIT_COMMITTER_NAME", "Learner")
        .env("GIT_COMMITTER_EMAIL", "learner@example.com")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
}

pub fn output(command: &mut Command) -> Run {
    Run::of(command.output().expect("the binary runs"))
}

pub fn fixture(name: &str) -> String {
    format!("tests/fixtures/content/{name}")
}

pub fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// How many times a long test repeats: `name` from the environment, else `default` (the
/// figure the README promises; CI runs with it).
pub fn env_count(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| panic!("{name}={text:?} is not a count")),
        Err(_) => default,
    }
}

/// A small, seedable random source (xorshift64*), so a failing run can be repeated with
/// `ROADMAP_TEST_SEED`.
pub struct Rng(u64);

impl Rng {
    /// Seeded from `ROADMAP_TEST_SEED`, or from the clock; the seed is printed either way.
    pub fn from_env(test: &str) -> Rng {
        let seed = match std::env::var("ROADMAP_TEST_SEED") {
            Ok(text) => text.trim().parse().expect("ROADMAP_TEST_SEED is a number"),
            Err(_) => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64 ^ u64::from(std::process::id())),
        };
        eprintln!("{test}: ROADMAP_TEST_SEED={seed}");
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Lines of a file as an editor numbers them: a last line without a line break counts.
pub fn line_count(bytes: &[u8]) -> usize {
    let breaks = bytes.iter().filter(|&&b| b == b'\n').count();
    breaks + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))
}

/// The loader's promise: a roadmap, or problems that each name a file under `root` and a
/// line inside it. A file that is missing or unreadable as a whole is named at line 1.
pub fn check_located(root: &Path, result: &Result<Roadmap, Problems>) -> Result<(), String> {
    let Err(problems) = result else { return Ok(()) };
    if problems.is_empty() {
        return Err("an Err without problems".into());
    }
    let shown = root.display().to_string();
    for problem in problems.iter() {
        let Some(rel) = problem.path.strip_prefix(&shown) else {
            return Err(format!("{problem}: not a path under {shown}"));
        };
        if problem.message.trim().is_empty() {
            return Err(format!("{problem}: no message"));
        }
        let file = root.join(rel.trim_start_matches('/'));
        let lines = match std::fs::read(&file) {
            Ok(bytes) if file.is_file() => line_count(&bytes).max(1),
            _ => 1,
        };
        if !(1..=lines).contains(&problem.line) {
            return Err(format!("{problem}: line {} is outside the file's {lines} lines", problem.line));
        }
    }
    Ok(())
}

/// A user that file permissions apply to. Root reads and writes anything, so as root the
/// binary runs as `nobody` (uid and gid 65534), from a copy that user can execute.
pub struct Unprivileged {
    ids: Option<(u32, u32)>,
    binary: PathBuf,
}

/// `None` (after saying why) when permissions cannot be tested here.
#[allow(unsafe_code)]
pub fn unprivileged() -> Option<&'static Unprivileged> {
    static USER: OnceLock<Option<Unprivileged>> = OnceLock::new();
    let user = USER.get_or_init(|| {
        let built = PathBuf::from(env!("CARGO_BIN_EXE_roadmap"));
        // SAFETY: geteuid has no preconditions and cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            return Some(Unprivileged { ids: None, binary: built });
        }
        let nobody = |binary: PathBuf| {
            let user = Unprivileged { ids: Some((65534, 65534)), binary };
            let ran = user.command(Path::new("/")).arg("--version").output();
            ran.is_ok_and(|o| o.status.success()).then_some(user)
        };
        // The build folder may sit under a home that only root can enter: then run a copy.
        nobody(built.clone()).or_else(|| nobody(copy_for_everyone(&built)?))
    });
    if user.is_none() {
        eprintln!("SKIPPED: running as root and cannot run the binary as uid 65534, so permissions cannot be tested");
    }
    user.as_ref()
}

/// A copy of the binary that every user can run, one per build (named by size and time).
fn copy_for_everyone(binary: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let metadata = std::fs::metadata(binary).ok()?;
    let stamp = metadata.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    let dir = std::env::temp_dir().join(format!("roadmap-tutor-test-bin-{}-{stamp}", metadata.len()));
    let copy = dir.join("roadmap");
    if !copy.exists() {
        std::fs::create_dir_all(&dir).ok()?;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).ok()?;
        // Copied under a temp name and renamed, so test binaries running at once never see half a file.
        let partial = dir.join(format!("roadmap.{}", std::process::id()));
        std::fs::copy(binary, &partial).ok()?;
        std::fs::rename(&partial, &copy).ok()?;
    }
    Some(copy)
}

impl Unprivileged {
    /// The binary as this user, in `dir`, with the sandbox's environment.
    pub fn command(&self, dir: &Path) -> Command {
        let mut command = Command::new(&self.binary);
        command
            .current_dir(dir)
            .env("HOME", dir)
            // No content cache: these runs are about the progress folder, and nothing else.
            .env("ROADMAP_CACHE_DIR", "")
            .env("ROADMAP_TODAY", "2026-11-21")
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("ROADMAP_CONTENT")
            .env_remove("ROADMAP_STATE")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        if let Some((uid, gid)) = self.ids {
            use std::os::unix::process::CommandExt;
            command.uid(uid).gid(gid);
        }
        command
    }

    /// Makes `path` this user's, so its mode bits are what decides.
    pub fn own(&self, path: &Path) {
        if let Some((uid, gid)) = self.ids {
            std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
        }
    }
}
