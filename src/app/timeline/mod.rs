//! The timeline itself: filters, a time axis of event markers, the detail
//! card of the selected event, and a print-only list of every event. All
//! arithmetic and every decision comes from [`crate::model`]; these files
//! turn it into elements and wire up input.
//!
//! - [`state`]: the selection, the focus, the filter and the moves between them;
//! - [`filters`]: the checkboxes;
//! - [`axis`]: the axis (ticks, term, today, dots, markers) and its page bar;
//! - [`detail`]: the card of the selected event, Previous/Next, swipes;
//! - [`zoom`]: zoom, fit and pan of the axis;
//! - [`axis_tools`]: the zoom buttons and the key to the marks;
//! - [`print`]: the print-only list.
//!
//! One component tree serves both layouts: CSS draws the markers along a
//! proportional horizontal axis on wide screens and as a vertical list on
//! narrow ones.
//!
//! However many events there are, the axis holds at most [`MARKERS_PER_PAGE`]
//! markers: the page of them that holds the keyboard focus. The list keeps
//! its place in the whole set (`aria-setsize`, `aria-posinset`), and the
//! keyboard, Previous/Next and links move across all of it, turning the
//! page as they go.

mod axis;
mod axis_tools;
mod detail;
mod filters;
mod print;
mod scale;
mod state;
mod zoom;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod host_tests;

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::app::dom::{self, listen};
use crate::app::url;
use crate::i18n::{page_title, Texts};
use crate::model::{Lang, Localized, Options, Timeline};
pub(crate) use filters::Filters;
use print::print_list;
pub(crate) use state::TimelineState;

/// What the build-time first paint draws with (`crate::app::first_paint`).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use axis::Axis;
pub(crate) use {axis::AxisNav, detail::Detail};

use crate::model::nav::MARKERS_PER_PAGE;

/// An ARIA boolean. Buttons at the end of their range are
/// `aria-disabled`, not `disabled`: they keep the keyboard focus of someone
/// who pressed them to get there (a click on them does nothing).
fn aria_bool(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// A localized text with the `lang` it is actually in (English where the
/// reader's language is missing), for the element's `lang` attribute.
fn text_and_lang(t: &Localized, lang: Lang) -> (String, &'static str) {
    let (s, used) = t.get(lang);
    (s.to_string(), used.code())
}

/// The timeline's title and subtitle. (The views of this function and the
/// next are returned as the elements themselves, `into_inner`: as if
/// written in [`TimelineView`]'s view, with no erased view of their own
/// in the wasm.)
pub(crate) fn header(timeline: &Timeline, lang: Lang) -> impl IntoView {
    let (title, title_lang) = text_and_lang(&timeline.doc.title, lang);
    let subtitle = timeline
        .doc
        .subtitle
        .as_ref()
        .map(|s| text_and_lang(s, lang));
    view! {
        <header class="timeline-header">
            <h1 {..dom::attr("lang", title_lang)}>{title}</h1>
            {subtitle.map(|(s, l)| view! { <p class="subtitle" {..dom::attr("lang", l)}>{s}</p> })}
        </header>
    }
    .into_inner()
}

/// What the keys do where the keyboard is: among the markers, or on the
/// zoomed axis's frame (its name, for screen readers).
pub(crate) fn keys_hint(t: &'static Texts) -> impl IntoView {
    view! {
        <p class="keys-hint" {..dom::attr("aria-hidden", "true")}>
            <span class="keys-markers">{t.keys_hint}</span>
            <span class="keys-frame">{t.axis_scroll}</span>
        </p>
    }
    .into_inner()
}

/// The whole timeline for already-loaded data.
#[component]
pub fn TimelineView(
    /// Validated data, in date order.
    timeline: Arc<Timeline>,
    /// The reader's language.
    #[prop(optional)]
    lang: Lang,
    /// What the URL asked for: the event to select and the filter.
    #[prop(optional)]
    initial: Options,
    /// Keep `?event=` and `?filter=` in the page URL, and follow `#<id>`
    /// links. Off for embedding the component in tests.
    #[prop(optional)]
    sync_url: bool,
) -> impl IntoView {
    let state = TimelineState::new(timeline.clone(), lang, &initial, sync_url);
    if sync_url {
        // A `#<id>` link on the page (or typed into the address bar) selects
        // that event; back and forward restore what their URL says.
        let follow = move |_| state.apply(&url::read());
        listen(window().into(), "hashchange", follow);
        listen(window().into(), "popstate", follow);
        // The tab and a shared link name the selected event.
        let timeline_title = timeline.doc.title.get(lang).0.to_string();
        dom::effect(move || {
            let event = state.selection_shown().then(|| {
                let i = state.selected.get();
                state.timeline.with_value(|t| {
                    t.entries
                        .get(i)
                        .map(|e| e.event.title.get(lang).0.to_string())
                })
            });
            url::apply_title(&page_title(&timeline_title, event.flatten().as_deref()));
        });
    }

    let print_section = NodeRef::<html::Section>::new();
    let header = header(&timeline, lang);
    print_list(print_section, timeline, lang);

    view! {
        {header}
        <Filters state />
        <AxisNav state zoom=initial.zoom sync_url />
        {keys_hint(state.t)}
        <Detail state />
        <p class="visually-hidden" {..dom::attr("aria-live", "polite")} {..dom::attr("aria-atomic", "true")}>
            {move || state.announcement.get()}
        </p>
        <section class="print-list" node_ref=print_section></section>
    }
}
