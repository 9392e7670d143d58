//! Today's date, in the learner's time zone. `ROADMAP_TODAY=YYYY-MM-DD` pins it, so tests
//! and demos are reproducible.

use crate::progress::Date;

/// The environment variable that overrides today's date.
pub const TODAY_VAR: &str = "ROADMAP_TODAY";

pub fn today() -> Result<Date, String> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => text.trim().parse().map_err(|e| format!("{TODAY_VAR}: {e}")),
        Err(_) => Ok(local_today()),
    }
}

#[cfg(unix)]
#[allow(unsafe_code)]
fn local_today() -> Date {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    // time_t is 32 bits on some targets, so the cast is not always a no-op.
    #[allow(clippy::unnecessary_cast)]
    let now = seconds as libc::time_t;
    // SAFETY: `localtime_r` writes only into the `tm` we pass and is thread-safe; a zeroed
    // `tm` is a valid value of this plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    let ok = unsafe { !libc::localtime_r(&now, &mut tm).is_null() };
    let local = ok.then(|| Date::new(tm.tm_year + 1900, (tm.tm_mon + 1) as u8, tm.tm_mday as u8)).flatten();
    local.unwrap_or_else(|| utc_today(seconds))
}

#[cfg(not(unix))]
fn local_today() -> Date {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    utc_today(now as i64)
}

fn utc_today(seconds: i64) -> Date {
    Date::from_days_since_epoch(seconds.div_euclid(86_400))
}
