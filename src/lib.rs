//! An embeddable, interactive timeline of the HKUST–PUMCH partnership.
//!
//! [`model`] is plain Rust (data, validation, dates, layout) and builds on
//! any target; [`app`] is the Leptos browser app, built for wasm32 (its
//! components also render to HTML on the host, for the first paint);
//! `import` (the TimelineJS importer) is built for the host only.

// The host's Leptos (`ssr`, no `erase_components`) nests the view types of
// the timeline's components deeper than the compiler's default limit.
#![recursion_limit = "256"]

pub mod escape;
pub mod i18n;
/// Moving from TimelineJS (`import-timelinejs`): host only, never in the
/// browser app.
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod model;
pub mod render;

pub mod app;
