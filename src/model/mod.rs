//! The domain model: plain Rust with no browser types, tested with
//! `cargo test` on the host.
//!
//! - [`schema`]: the JSON file's types, as an editor writes them;
//! - [`load`]: from bytes to a trusted [`Timeline`] (size, encoding, parsing,
//!   the schema version), with serde's messages in plain words;
//! - [`validate`]: every rule, reporting every problem with its path;
//! - [`timeline`]: the trusted timeline and its look-ups;
//! - [`warnings`]: what is valid but probably a mistake (the data check);
//! - [`form`]: every problem of a file in one run (the data check);
//! - [`date`]: dates known to a year, a month or a day;
//! - [`layout`]: where things go on the time axis;
//! - [`lang`]: the three languages;
//! - [`media`]: photos and videos in events, and their addresses;
//! - [`options`]: what the URL says (event, language, theme, filter, embed options);
//! - [`embed`]: the embed snippet and the messages to a host page;
//! - [`color`]: the `?accent=` colour, fitted for contrast;
//! - [`nav`]: moving through the shown events;
//! - [`locate`]: the line and column of a JSON path, and back, for the data check.
//! - [`zoom`]: zoom, fit and pan of the axis, and its layout in pixels.

pub mod color;
pub mod date;
pub mod embed;
pub mod form;
pub mod lang;
pub mod layout;
pub mod load;
pub mod locate;
pub mod media;
pub mod nav;
pub mod options;
pub mod schema;
pub mod timeline;
pub mod validate;
pub mod warnings;
pub mod zoom;

pub use date::{PartialDate, Precision};
pub use lang::Lang;
pub use load::{load, load_bytes, LoadError, MAX_BYTES};
pub use options::{Filter, Options, Theme};
pub use schema::{Event, Kind, Localized, Status, TimelineDoc, SCHEMA_VERSION};
pub use timeline::{Entry, ParticipantGroup, Timeline, TimelineHead};
pub use validate::Problem;
