//! What the app and the build share above the model, plain Rust,
//! host-tested; two kinds of thing:
//!
//! - **geometry**: the axis's drawing ([`drawing`]: where each tick, band,
//!   bar, dot and label goes for a frame width, as numbers; the app's
//!   components draw it, in the browser and in the build's first paint);
//! - **text written as text**: the detail card and the print list
//!   ([`card`]) with its photos and videos ([`media`]), HTML the app sets
//!   as it is; the record of the data a first paint was drawn from
//!   ([`stamp`]); what the build writes for the server ([`serving`],
//!   [`nginx`], and the Content Security Policy, [`csp`]); and the escaping they all share.
//!
//! The first paint itself is the app's components rendered on the host
//! (`crate::app::first_paint`).

pub mod card;
/// What the build writes for the server: host only, never in the app.
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
pub mod drawing;
pub mod media;
#[cfg(not(target_arch = "wasm32"))]
pub mod nginx;
#[cfg(not(target_arch = "wasm32"))]
pub mod serving;
pub mod stamp;

pub use crate::escape::escape_html;
