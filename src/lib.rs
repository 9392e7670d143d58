//! roadmap-tutor: an interactive terminal tutor that walks a learner through a career roadmap.
//!
//! Data flows one way: content + state file -> [`content::Roadmap`] + [`progress::Progress`]
//! -> app -> frame; keys -> action -> update -> effect -> [`store`].

pub mod app;
pub mod cli;
pub mod clock;
pub mod content;
pub mod keymap;
pub mod progress;
pub mod store;
pub mod suggest;
pub mod text;
pub mod tui;
pub mod ui;
pub mod yaml;
