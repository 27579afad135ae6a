//! The card of the selected event, with Previous/Next under it and swipes
//! on touch screens. The card is the plain renderer's escaped HTML
//! ([`card_html`]); it shows only an event the filters show.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::aria_bool;
use super::state::TimelineState;
use crate::app::dom::{self, listen};
use crate::model::nav::{self, Step};
use crate::render::card::{card_html, every_card};

/// The detail card, the pager and its position ("2 of 5").
#[component]
pub(crate) fn Detail(state: TimelineState) -> impl IntoView {
    let (t, lang) = (state.t, state.lang);
    let card = move || {
        // Before the app: every card, the selected one shown (`:target`
        // shows another, see `crate::app::first_paint`).
        if state.before_app() {
            return state.timeline.with_value(|t| every_card(t, lang));
        }
        let i = state.selected.get();
        if !state.selection_shown() {
            return String::new();
        }
        state
            .timeline
            .with_value(|t| t.entries.get(i).map(|entry| card_html(t, entry, lang)))
            .unwrap_or_default()
    };
    let position = move || {
        let selected = state.selected.get();
        state.visible.with(|v| {
            nav::position(v, selected).map_or(String::new(), |p| (t.position)(p, v.len()))
        })
    };
    let at_end = move |step| {
        state
            .visible
            .with(|v| nav::step(v, state.selected.get(), step).is_none())
    };
    swipes(state);
    play_videos(state);

    view! {
        <section
            class="detail"
            {..dom::attr("aria-label", t.selected_event)}
            node_ref=state.detail
            {..dom::attr_fn("hidden", move || !state.selection_shown())}
        >
            <div class="card" inner_html=card></div>
            <div class="pager" {..dom::before_app("inert", state.before_app())}>
                <button
                    {..dom::attr("type", "button")}
                    class="prev"
                    {..dom::attr_fn("aria-disabled", move || aria_bool(at_end(Step::Previous)))}
                    on:click=dom::handler(move |_| state.select_step(Step::Previous))
                >
                    <span {..dom::attr("aria-hidden", "true")}>"← "</span>
                    {t.previous}
                </button>
                <span class="position">{position}</span>
                <button
                    {..dom::attr("type", "button")}
                    class="next"
                    {..dom::attr_fn("aria-disabled", move || aria_bool(at_end(Step::Next)))}
                    on:click=dom::handler(move |_| state.select_step(Step::Next))
                >
                    {t.next}
                    <span {..dom::attr("aria-hidden", "true")}>" →"</span>
                </button>
            </div>
        </section>
    }
}

/// A video's Play button (`src/render/media.rs` writes it with the
/// player's address and the video's title): a click replaces the facade
/// with the player's frame, titled, and moves the focus into it. Nothing
/// is asked of the video's host before.
fn play_videos(state: TimelineState) {
    let on_click = |e: web_sys::Event| {
        let Some(button) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button.play").ok().flatten())
        else {
            return;
        };
        let (Some(facade), Ok(frame)) =
            (button.parent_element(), document().create_element("iframe"))
        else {
            return;
        };
        for (name, data) in [
            ("src", "data-player"),
            ("title", "data-title"),
            ("lang", "data-lang"),
        ] {
            let _ = frame.set_attribute(name, &button.get_attribute(data).unwrap_or_default());
        }
        let _ = frame.set_attribute("allow", "autoplay; fullscreen; picture-in-picture");
        let _ = frame.set_attribute("class", "player");
        if facade.replace_with_with_node_1(&frame).is_ok() {
            let _ = frame.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    dom::on_load(state.detail, move |section| {
        listen(section.into(), "click", on_click)
    });
}

/// Swipe left or right on the card, on touch screens ([`nav::swipe`]
/// decides). Touch events, not pointer events: a pointer is cancelled as
/// soon as the page pans. The listeners are passive (they never cancel the
/// touch), so the browser scrolls at once instead of waiting for them.
fn swipes(state: TimelineState) {
    let start = StoredValue::new(None::<(f64, f64)>);
    let first_touch = |list: web_sys::TouchList| {
        list.item(0)
            .map(|t| (f64::from(t.client_x()), f64::from(t.client_y())))
    };
    let on_touchstart = move |e: web_sys::Event| {
        let touches = e.unchecked_into::<web_sys::TouchEvent>().touches();
        start.set_value(
            (touches.length() == 1)
                .then(|| first_touch(touches))
                .flatten(),
        );
    };
    let on_touchend = move |e: web_sys::Event| {
        let from = start.get_value();
        start.set_value(None);
        let to = first_touch(e.unchecked_into::<web_sys::TouchEvent>().changed_touches());
        if let (Some((x0, y0)), Some((x1, y1))) = (from, to) {
            if let Some(step) = nav::swipe(x1 - x0, y1 - y0) {
                state.select_step(step);
            }
        }
    };
    dom::on_load(state.detail, move |section| {
        let target: web_sys::EventTarget = section.into();
        listen(target.clone(), "touchstart", on_touchstart);
        listen(target.clone(), "touchend", on_touchend);
        listen(target, "touchcancel", move |_| start.set_value(None));
    });
}
