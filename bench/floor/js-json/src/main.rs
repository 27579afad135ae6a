//! The smallest timeline, without serde: the browser's `JSON.parse` and
//! `Reflect`; otherwise as `serde-json`.
use js_sys::{Array, Reflect, JSON};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

struct Event {
    id: String,
    date: String,
    title: String,
}

fn field(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn text(object: &JsValue, key: &str) -> String {
    field(object, key).as_string().unwrap_or_default()
}

async fn load() -> Option<Vec<Event>> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("data/timeline.json"))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let body = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    let root = JSON::parse(&body).ok()?;
    let events: Array = field(&root, "events").dyn_into().ok()?;
    Some(
        events
            .iter()
            .map(|e| Event {
                id: text(&e, "id"),
                date: text(&e, "date"),
                title: text(&field(&e, "title"), "en"),
            })
            .collect(),
    )
}

fn main() {
    let events = RwSignal::new(Vec::<Event>::new());
    let selected = RwSignal::new(0usize);
    leptos::mount::mount_to_body(move || {
        // Inside the mount: Leptos starts its task executor there.
        leptos::task::spawn_local(async move {
            if let Some(loaded) = load().await {
                events.set(loaded);
            }
        });
        view! {
            <h2>{move || events.with(|e| e.get(selected.get()).map(|e| e.title.clone()))}</h2>
            <ol>
                {move || {
                    events.with(|events| {
                        events
                            .iter()
                            .enumerate()
                            .map(|(i, e)| {
                                view! {
                                    <li>
                                        <button
                                            data-event-id=e.id.clone()
                                            aria-current=move || (selected.get() == i).then_some("true")
                                            on:click=move |_| selected.set(i)
                                        >
                                            {e.date.clone()}
                                            " "
                                            {e.title.clone()}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ol>
        }
    })
}
