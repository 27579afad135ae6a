//! Loading `data/timeline.json` over the network with gloo-net, within a
//! time limit and a size limit. The body is read chunk by chunk and the
//! read stops as soon as it passes [`MAX_BYTES`], whether or not the server
//! announced a `Content-Length`: a 50 MB chunked answer costs the reader
//! at most the limit in memory and time.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use gloo_net::http::{Request, Response};
use leptos::prelude::set_timeout_with_handle;
use wasm_bindgen::JsCast;
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
    let signal = controller.map(|c| c.signal());
    let result = fetch_bytes(url, signal.as_ref()).await;
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
    signal: Option<&web_sys::AbortSignal>,
) -> Result<Vec<u8>, FetchError> {
    let response = Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    if !response.ok() {
        return Err(FetchError::Http(response.status()));
    }
    // Refuse an announced oversized body before downloading any of it.
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|l| l.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|&n| n > MAX_BYTES) {
        return Err(FetchError::Data(LoadError::TooLarge { bytes }));
    }
    read_body(&response, declared.unwrap_or(0)).await
}

/// Reads the body chunk by chunk, stopping (and cancelling the download)
/// as soon as it passes [`MAX_BYTES`]. `expected` sizes the buffer.
async fn read_body(response: &Response, expected: usize) -> Result<Vec<u8>, FetchError> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(expected);
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
        if field("done").and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(bytes);
        }
        let Some(value) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        else {
            return Err(FetchError::Network);
        };
        let length = value.length() as usize;
        let total = bytes.len() + length;
        if total > MAX_BYTES {
            // Stops the download; the promise's outcome no longer matters.
            let _ = reader.cancel();
            return Err(FetchError::Data(LoadError::TooLarge { bytes: total }));
        }
        let start = bytes.len();
        bytes.resize(total, 0);
        value.copy_to(&mut bytes[start..]);
    }
}
