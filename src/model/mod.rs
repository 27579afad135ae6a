//! The domain model: plain Rust with no browser types, tested with
//! `cargo test` on the host.
//!
//! - [`schema`]: the JSON file's types, as an editor writes them;
//! - [`validate`]: from text to a trusted [`Timeline`], reporting every problem;
//! - [`date`]: dates known to a year, a month or a day;
//! - [`layout`]: where things go on the time axis;
//! - [`lang`]: the three languages;
//! - [`options`]: what the URL says (event, theme, filter);
//! - [`nav`]: moving through the shown events.

pub mod date;
pub mod lang;
pub mod layout;
pub mod nav;
pub mod options;
pub mod schema;
pub mod validate;

pub use date::{PartialDate, Precision};
pub use lang::Lang;
pub use options::{Filter, Options, Theme};
pub use schema::{Event, Kind, Localized, Status, TimelineDoc, SCHEMA_VERSION};
pub use validate::{load, Entry, LoadError, ParticipantGroup, Problem, Timeline};
