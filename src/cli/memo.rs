//! The file behind `schedule::Memo`: `<cache dir>/reviews-<hash of the progress file's
//! path>.bin`, one per progress file, replaced whole (a temp file renamed over). Like the
//! content cache it is only ever a faster way to the same answer: a memo that is missing,
//! damaged, or from another build is an empty one, and one that cannot be written costs only
//! time.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::schedule::Memo;

/// The memo kept for the progress file at `state`, or an empty one.
pub fn load(state: &Path) -> Memo {
    let build = crate::content::build_key();
    match file(state).and_then(|path| std::fs::read(path).ok()) {
        Some(bytes) => Memo::decode(&bytes, build),
        None => Memo::new(build),
    }
}

/// Keeps `memo` for next time, if this run changed it. No cache folder, no memo.
pub fn save(state: &Path, memo: &Memo) {
    let (Some(path), Some(bytes)) = (file(state), memo.encode_if_changed()) else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = crate::atomic::Replace::CACHE.write(&path, &bytes);
}

fn file(state: &Path) -> Option<PathBuf> {
    let dir = super::session::cache_dir()?;
    let state = std::fs::canonicalize(state).unwrap_or_else(|_| state.to_path_buf());
    let mut name = std::collections::hash_map::DefaultHasher::new();
    state.hash(&mut name);
    Some(dir.join(format!("reviews-{:016x}.bin", name.finish())))
}
