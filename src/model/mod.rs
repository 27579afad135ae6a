//! The domain model: plain Rust with no browser types, tested with
//! `cargo test` on the host.
//!
//! - [`schema`]: the JSON file's types, as an editor writes them;
//! - [`validate`]: from text to a trusted [`Timeline`], reporting every problem;
//! - [`date`]: dates known to a year, a month or a day;
//! - [`layout`]: where things go on the time axis;
//! - [`lang`]: the three languages;
//! - [`options`]: what the URL says (event, language, theme, filter, embed options);
//! - [`embed`]: the embed snippet and the messages to a host page;
//! - [`color`]: the `?accent=` colour, fitted for contrast;
//! - [`fallback`]: the static list for readers without JavaScript;
//! - [`nav`]: moving through the shown events;
//! - [`zoom`]: zoom, fit and pan of the axis, and its layout in pixels.

pub mod color;
pub mod date;
pub mod embed;
pub mod fallback;
pub mod lang;
pub mod layout;
pub mod nav;
pub mod options;
pub mod schema;
pub mod validate;
pub mod zoom;

pub use date::{PartialDate, Precision};
pub use lang::Lang;
pub use options::{Filter, Options, Theme};
pub use schema::{Event, Kind, Localized, Status, TimelineDoc, SCHEMA_VERSION};
pub use validate::{
    load, load_bytes, Entry, LoadError, ParticipantGroup, Problem, Timeline, MAX_BYTES,
};
