//! roadmap-tutor: an interactive terminal tutor that walks a learner through a career roadmap.
//!
//! Data flows one way: content + state file -> [`content::Roadmap`] + [`progress::Progress`]
//! -> app -> frame; keys -> action -> update -> effect -> [`store`].

// Everything the library prints goes through `cli::Output`, which makes outside text inert.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod action;
pub mod app;
pub mod atomic;
pub mod checks;
pub mod cli;
pub mod clock;
pub mod content;
pub mod geometry;
pub mod keymap;
pub mod launch;
mod par;
pub mod progress;
pub mod quiz;
pub mod schedule;
pub mod store;
pub mod suggest;
pub mod text;
pub mod trust;
pub mod tui;
pub mod ui;
pub mod yaml;
