//! HTML written as text by plain Rust, host-tested: the detail card and
//! the print list ([`card`]) with its photos and videos ([`media`]), the
//! axis's drawing ([`drawing`], which the app draws too), the build-time
//! first paint ([`prerender`]) and the record of the data it was drawn from
//! ([`stamp`]), what the build writes for the server ([`serving`],
//! [`nginx`], and the Content Security Policy, [`csp`]), and the escaping they all share.

pub mod card;
/// What the build writes for the server: host only, never in the app.
#[cfg(not(target_arch = "wasm32"))]
pub mod csp;
pub mod drawing;
pub mod media;
#[cfg(not(target_arch = "wasm32"))]
pub mod nginx;
pub mod prerender;
#[cfg(not(target_arch = "wasm32"))]
pub mod serving;
pub mod stamp;

pub use crate::escape::escape_html;
