//! Text that goes to a screen or a terminal: made safe to print (no escape sequence from a
//! roadmap or a progress file ever reaches the terminal), and wrapped by display width. Plain
//! command output and the TUI share both.

pub mod highlight;
pub mod safe;
pub mod wrap;

pub use safe::{Breaks, clean, inert, one_line};
pub use wrap::width;
