//! An embeddable, interactive timeline of the HKUST–PUMCH partnership.
//!
//! [`model`] is plain Rust (data, validation, dates, layout) and builds on
//! any target; [`app`] is the Leptos browser app, built for wasm32 only.

pub mod i18n;
pub mod model;
pub mod render;

#[cfg(target_arch = "wasm32")]
pub mod app;
