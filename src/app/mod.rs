//! The browser app: thin Leptos components over [`crate::model`].
//!
//! - [`App`]: loads the data and shows loading, error or timeline;
//! - [`timeline::TimelineView`]: the axis of event markers and the detail
//!   card of the selected event;
//! - [`fetch`]: the network; [`intl`]: dates through the browser's `Intl`.

pub mod fetch;
pub mod intl;
pub mod timeline;
pub mod url;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::model::{LoadError, Timeline};
use fetch::{fetch_timeline, FetchError, DATA_URL};
pub use timeline::TimelineView;

/// Mounts the app in `#app` (replacing the boot message there), or in the
/// body if the page has no such element.
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            leptos::mount::mount_to(root, App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// What the app knows about its data.
#[derive(Clone, Debug, PartialEq)]
enum LoadState {
    Loading,
    Ready(Arc<Timeline>),
    Failed(FetchError),
}

/// The whole app: reads its options from the URL, fetches
/// `data/timeline.json`, then shows the timeline, or an alert with a Retry
/// button.
#[component]
pub fn App() -> impl IntoView {
    url::apply_theme(url::read().theme);
    let state = RwSignal::new(LoadState::Loading);
    let load = move || {
        state.set(LoadState::Loading);
        spawn_local(async move {
            state.set(match fetch_timeline(DATA_URL).await {
                Ok(timeline) => LoadState::Ready(Arc::new(timeline)),
                Err(e) => LoadState::Failed(e),
            });
        });
    };
    load();

    view! {
        <main class="timeline-app">
            {move || match state.get() {
                LoadState::Loading => view! {
                    <p class="status" role="status">"Loading the timeline…"</p>
                }
                .into_any(),
                LoadState::Ready(timeline) => {
                    // Read again: the URL may have changed while loading.
                    view! { <TimelineView timeline initial=url::read() sync_url=true /> }.into_any()
                }
                LoadState::Failed(error) => view! {
                    <LoadFailure error on_retry=move || load() />
                }
                .into_any(),
            }}
        </main>
    }
}

/// The alert shown when the data cannot be loaded: what went wrong, every
/// problem in the data with its place, and a Retry button.
#[component]
fn LoadFailure(
    /// What went wrong.
    error: FetchError,
    /// Called when the reader asks to try again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let problems = match &error {
        FetchError::Data(LoadError::Invalid(problems)) => problems.clone(),
        _ => Vec::new(),
    };
    view! {
        <div class="load-error" role="alert">
            <h1>"The timeline could not be loaded"</h1>
            <p>{error.to_string()}</p>
            {(!problems.is_empty())
                .then(|| {
                    view! {
                        <ul class="problems">
                            {problems
                                .into_iter()
                                .map(|p| {
                                    view! {
                                        <li>
                                            <code>{p.path}</code>
                                            ": "
                                            {p.message}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <button type="button" class="retry" on:click=move |_| on_retry()>
                "Try again"
            </button>
        </div>
    }
}
