//! Loading `data/timeline.json` over the network.

use std::fmt;

use gloo_net::http::Request;

use crate::model::{load, LoadError, Timeline};

/// Where the timeline's data lives, relative to the page, so the app works
/// under any sub-path. Part of the public interface.
pub const DATA_URL: &str = "data/timeline.json";

/// Why the data could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request did not complete (offline, refused, blocked).
    Network(String),
    /// The server answered with an error status.
    Http(u16),
    /// The answer is not usable timeline data.
    Data(LoadError),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::Network(detail) => write!(f, "The network request failed ({detail})."),
            FetchError::Http(404) => {
                f.write_str("The data file was not found on the server (HTTP 404).")
            }
            FetchError::Http(status) => {
                write!(f, "The server answered with an error (HTTP {status}).")
            }
            FetchError::Data(LoadError::Invalid(_)) => {
                f.write_str("The data file breaks these rules:")
            }
            FetchError::Data(e) => write!(f, "The data file cannot be read: {e}."),
        }
    }
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
