//! Loading `data/timeline.json` over the network.

use gloo_net::http::Request;

use crate::model::{load, LoadError, Timeline};

/// Where the timeline's data lives, relative to the page, so the app works
/// under any sub-path. Part of the public interface.
pub const DATA_URL: &str = "data/timeline.json";

/// Why the data could not be had (worded for readers by
/// [`crate::i18n::Texts`]).
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request did not complete (offline, refused, blocked).
    Network(String),
    /// The server answered with an error status.
    Http(u16),
    /// The answer is not usable timeline data.
    Data(LoadError),
}

/// Fetches and validates the timeline at `url`.
pub async fn fetch_timeline(url: &str) -> Result<Timeline, FetchError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    load(&text).map_err(FetchError::Data)
}
