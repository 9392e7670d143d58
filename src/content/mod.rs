//! Reading a roadmap folder (or the built-in copy) into a typed, validated [`Roadmap`].
//! Every problem is reported as `file:line: message`; nothing here knows about progress.

mod assemble;
mod cache;
mod codec;
mod fields;
mod frontmatter;
mod graph;
mod index;
mod listing;
mod model;
mod pages;
mod parse;
mod practice;
mod problem;
pub mod similar;
mod source;
mod url;

pub use cache::{Cache, build_key};
pub use model::{
    Check, Header, Kind, Level, Milestone, Page, Phase, Question, Resource, ResourceKind, Roadmap, Skill, SkillId,
};
pub use parse::SKILL_FIELDS;
pub use problem::{Problem, Problems};
pub use source::{MAX_FILE_BYTES, Source};

/// Loads and validates a roadmap; `Err` holds every problem found, sorted by file and line.
pub fn load(source: &Source) -> Result<Roadmap, Problems> {
    assemble::assemble(&source.display_root(), source::read(source))
}
