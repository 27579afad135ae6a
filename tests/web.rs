//! Component tests in headless Chromium (wasm-bindgen-test): the timeline
//! renders from a fixture, and selecting an event moves `aria-current`.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use hkust_pumch_timeline::app::TimelineView;
use hkust_pumch_timeline::model::load;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const FIXTURE: &str = r#"{
  "schema_version": 1,
  "title": {"en": "Fixture"},
  "organisations": [{"id": "org", "name": {"en": "Org"}}],
  "people": [{"id": "p", "name": {"en": "A Person"}, "organisation": "org"}],
  "sources": [{"id": "s", "title": "Source", "lang": "en", "publisher": "Pub", "url": "https://example.org/", "date": "2020"}],
  "events": [
    {"id": "one", "kind": "visit", "date": "2020-03", "status": "took_place",
     "title": {"en": "First"}, "summary": {"en": "One."}, "sources": ["s"],
     "participants": [{"person": "p", "role": {"en": "Visitor"}}]},
    {"id": "two", "kind": "agreement", "date": "2020-07-21", "status": "took_place",
     "end": {"date": "2023-07", "derived": true},
     "title": {"en": "Second"}, "summary": {"en": "Two."}, "sources": ["s"]},
    {"id": "three", "kind": "exchange", "date": "2020", "status": "expected",
     "title": {"en": "Third"}, "summary": {"en": "Three."}, "sources": ["s"]}
  ]
}"#;

fn mount() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let timeline = Arc::new(load(FIXTURE).expect("fixture is valid"));
    leptos::mount::mount_to(root.clone(), move || view! { <TimelineView timeline /> }).forget();
    root
}

/// Lets Leptos run the effects a change scheduled.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn current(root: &HtmlElement) -> Vec<String> {
    let found = root.query_selector_all("[aria-current=\"true\"]").unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-event-id"))
        .collect()
}

fn marker(root: &HtmlElement, id: &str) -> HtmlElement {
    root.query_selector(&format!(".markers [data-event-id=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no marker for {id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
fn renders_one_marker_per_event_in_order_with_dates_at_their_precision() {
    let root = mount();
    let markers = root.query_selector_all(".markers [data-event-id]").unwrap();
    let ids: Vec<String> = (0..markers.length())
        .filter_map(|i| markers.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.get_attribute("data-event-id"))
        .collect();
    assert_eq!(ids, ["one", "two", "three"]);
    let date = |id: &str| {
        marker(&root, id)
            .query_selector("time")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert_eq!(date("one"), "March 2020");
    assert_eq!(date("two"), "21 July 2020");
    assert_eq!(date("three"), "2020");
    assert!(marker(&root, "three")
        .text_content()
        .unwrap()
        .contains("Expected"));
    root.remove();
}

#[wasm_bindgen_test]
async fn selecting_a_marker_moves_aria_current_and_the_detail_card() {
    let root = mount();
    assert_eq!(current(&root), ["one"]);
    marker(&root, "two").click();
    tick().await;
    assert_eq!(current(&root), ["two"]);
    let card = root.query_selector(".event-card h2").unwrap().unwrap();
    assert_eq!(card.text_content().unwrap(), "Second");
    marker(&root, "three").click();
    tick().await;
    assert_eq!(current(&root), ["three"]);
    root.remove();
}
