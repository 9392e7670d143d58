//! Drawing: one file per screen, the theme, and the markdown renderer. Nothing here changes
//! state.

pub mod markdown;
pub mod theme;
pub mod wrap;
