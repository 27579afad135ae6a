//! The smallest timeline, with serde_json: fetch, read id, date and English
//! title, list them as buttons, show the selected title.
use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Deserialize)]
struct Data {
    events: Vec<Event>,
}

#[derive(Deserialize)]
struct Event {
    id: String,
    date: String,
    title: Title,
}

#[derive(Deserialize)]
struct Title {
    en: String,
}

async fn load() -> Option<Vec<Event>> {
    let window = web_sys::window()?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str("data/timeline.json"))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    serde_json::from_str::<Data>(&text).ok().map(|d| d.events)
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
            <h2>{move || events.with(|e| e.get(selected.get()).map(|e| e.title.en.clone()))}</h2>
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
                                            {e.title.en.clone()}
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
