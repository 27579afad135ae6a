//! Loading `data/timeline.json` over the network, within a time limit.
//! `fetch` goes through web-sys rather than gloo-net: one dependency fewer.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::{load_bytes, LoadError, Timeline, MAX_BYTES};

/// Where the timeline's data lives, relative to the page, so the app works
/// under any sub-path. Part of the public interface.
pub const DATA_URL: &str = "data/timeline.json";

/// How long the whole load (headers and body) may take before it is given
/// up, so a stalled server never leaves the reader waiting for ever.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Why the data could not be had (worded for readers by
/// [`crate::i18n::Texts`]).
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    /// The request did not complete (offline, refused, dropped).
    Network,
    /// No complete answer within [`TIMEOUT`].
    Timeout,
    /// The server answered with an error status.
    Http(u16),
    /// The answer is not usable timeline data.
    Data(LoadError),
}

/// Fetches and validates the timeline at `url`, giving up after
/// [`TIMEOUT`].
pub async fn fetch_timeline(url: &str) -> Result<Timeline, FetchError> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.clone().and_then(|c| {
        let timed_out = timed_out.clone();
        let abort = move || {
            timed_out.set(true);
            c.abort();
        };
        set_timeout_with_handle(abort, TIMEOUT).ok()
    });
    let result = fetch_bytes(url, controller.map(|c| c.signal())).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Err(FetchError::Network) if timed_out.get() => Err(FetchError::Timeout),
        Err(e) => Err(e),
        Ok(bytes) => load_bytes(&bytes).map_err(FetchError::Data),
    }
}

async fn fetch_bytes(
    url: &str,
    signal: Option<web_sys::AbortSignal>,
) -> Result<Vec<u8>, FetchError> {
    let init = web_sys::RequestInit::new();
    init.set_signal(signal.as_ref());
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .and_then(JsValue::dyn_into)
        .map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    // Refuse an announced oversized body before downloading it.
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&n| n > MAX_BYTES) {
        return Err(FetchError::Data(LoadError::TooLarge { bytes }));
    }
    let body = response.array_buffer().map_err(|_| FetchError::Network)?;
    let body = JsFuture::from(body)
        .await
        .map_err(|_| FetchError::Network)?;
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}
