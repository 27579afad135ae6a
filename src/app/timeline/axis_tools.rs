//! Under the axis: the zoom buttons (for [`ZoomState`]) and the key to
//! the marks.

use leptos::prelude::*;

use super::aria_bool;
use super::state::TimelineState;
use super::zoom::ZoomState;
use crate::app::dom;
use crate::model::zoom::{Zoom, ZoomStep};

/// The zoom buttons and the key, side by side under the axis (so the tab
/// order runs page bar, markers, zoom). A function, not a component: in
/// the wasm each component's view is erased, at a cost.
pub(crate) fn axis_tools(state: TimelineState, zoom: ZoomState) -> impl IntoView {
    view! {
        <div class="axis-tools">
            <ZoomBar state zoom />
            <MarksKey state />
        </div>
    }
    // The element itself, as if written in the landmark's view: in the
    // wasm a view of another type is erased with its own copy of the code.
    .into_inner()
}

/// The zoom buttons, and how else to zoom.
#[component]
pub(super) fn ZoomBar(state: TimelineState, zoom: ZoomState) -> impl IntoView {
    let t = state.t;
    let at_fit = move || zoom.drawn.get() == Zoom::FIT;
    let at_max = move || zoom.drawn.get() == Zoom::MAX;
    view! {
        <div class="zoom-bar" {..dom::attr("role", "group")} {..dom::attr("aria-label", t.zoom_controls)} {..dom::before_app("inert", state.before_app())}>
            <button
                {..dom::attr("type", "button")}
                class="zoom-out"
                {..dom::attr("aria-keyshortcuts", "-")}
                {..dom::attr_fn("aria-disabled", move || aria_bool(at_fit()))}
                on:click=dom::handler(move |_| zoom.step(state, ZoomStep::Out, None))
            >
                <span {..dom::attr("aria-hidden", "true")}>"− "</span>
                {t.zoom_out}
            </button>
            <button
                {..dom::attr("type", "button")}
                class="zoom-in"
                {..dom::attr("aria-keyshortcuts", "+")}
                {..dom::attr_fn("aria-disabled", move || aria_bool(at_max()))}
                on:click=dom::handler(move |_| zoom.step(state, ZoomStep::In, None))
            >
                <span {..dom::attr("aria-hidden", "true")}>"+ "</span>
                {t.zoom_in}
            </button>
            // A command like its neighbours, not a toggle: at the whole axis
            // it can do no more, as Zoom out cannot.
            <button
                {..dom::attr("type", "button")}
                class="zoom-fit"
                {..dom::attr_fn("aria-disabled", move || aria_bool(at_fit()))}
                on:click=dom::handler(move |_| zoom.fit(state))
            >
                {t.zoom_fit}
            </button>
            <p class="zoom-hint">{t.zoom_hint}</p>
        </div>
    }
}

/// The key to the marks: what a dot, a bar, the term's band and today's
/// line mean.
#[component]
pub(super) fn MarksKey(state: TimelineState) -> impl IntoView {
    let t = state.t;
    view! {
        <div class="legend">
            <p class="legend-title">{t.legend}</p>
            <ul>
                <li>
                    <span class="swatch swatch-dot" {..dom::attr("aria-hidden", "true")}></span>
                    {t.legend_took_place}
                </li>
                <li>
                    <span class="swatch swatch-dot expected" {..dom::attr("aria-hidden", "true")}></span>
                    {t.legend_expected}
                </li>
                <li>
                    <span class="swatch swatch-bar" {..dom::attr("aria-hidden", "true")}></span>
                    {t.legend_interval}
                </li>
                <li>
                    <span class="swatch swatch-term" {..dom::attr("aria-hidden", "true")}></span>
                    {t.legend_term}
                </li>
                <li>
                    <span class="swatch swatch-today" {..dom::attr("aria-hidden", "true")}></span>
                    {t.legend_today}
                </li>
            </ul>
        </div>
    }
}
