//! The axis: a navigation landmark holding, for the page of shown events on
//! screen, the drawing ([`scale`]) and an ordered list of marker buttons
//! with a roving tab stop; above it, when the events fill more than one
//! page, the page bar.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::axis_tools::axis_tools;
use super::scale::{pos, scale};
use super::state::TimelineState;
use super::zoom::ZoomState;
use super::{aria_bool, text_and_lang, MARKERS_PER_PAGE};
use crate::app::clock::today;
use crate::app::dom::{self, listen};
use crate::model::layout::fixed;
use crate::model::nav::{self, Step};
use crate::model::zoom::Zoom;
use crate::model::Entry;
use crate::render::drawing::{draw, Drawing, Mark, WIDEST_FRAME};

/// The axis's landmark: the page bar, the axis of the page on screen in a
/// frame that scrolls when zoomed (or a way out when the filters show
/// nothing), then the zoom controls and the legend.
///
/// One view: the frame and the tools under it share the zoom state (the
/// frame's node ref, the level drawn).
#[component]
pub(crate) fn AxisNav(
    state: TimelineState,
    /// `?zoom=`, if any.
    zoom: Option<Zoom>,
    /// Keep `?zoom=` in the URL.
    sync_url: bool,
) -> impl IntoView {
    let t = state.t;
    // Before the app the frame is the widest, and nothing is measured or
    // listened to (there is no browser).
    let zoom_state = if state.before_app() {
        ZoomState::for_frame(zoom, false, WIDEST_FRAME, true)
    } else {
        ZoomState::new(zoom, sync_url)
    };
    if !state.before_app() {
        track_frame(state, zoom_state);
    }
    // Before the app the frame is no tab stop: its arrow keys need the app.
    let tab_stop = move || !state.before_app() && zoom_state.scrolls();
    view! {
        <nav class="axis-nav" {..dom::attr("aria-label", t.timeline_nav)} on:keydown=dom::handler(move |e| zoom_state.on_key(state, &e))>
            {move || (state.visible.with(Vec::len) > MARKERS_PER_PAGE).then(|| view! { <PageBar state /> })}
            <div
                class="axis-frame"
                node_ref=zoom_state.frame
                // A tab stop only where it scrolls, named for what its keys do.
                {..dom::attr_fn("role", move || tab_stop().then_some("group"))}
                {..dom::attr_fn("aria-label", move || tab_stop().then_some(t.axis_scroll))}
                {..dom::attr_fn("tabindex", move || tab_stop().then_some("0"))}
                on:keydown=dom::handler(move |e: web_sys::KeyboardEvent| zoom_state.on_frame_key(&e))
            >
                {move || {
                    // Before the app: the axis the build wrote.
                    #[cfg(not(target_arch = "wasm32"))]
                    if let Some((axis, level)) = state.drawn_axis.get_value() {
                        zoom_state.drawn.set(level);
                        return leptos::tachys::html::InertElement::new(axis).into_any();
                    }
                    // Re-rendered when the page, the filter, the zoom or the
                    // frame's width changes, never for a move within the
                    // page; the work is the page's, not the data's.
                    let drawn = state.with_page(today(), |page| {
                        (!page.shown.is_empty()).then(|| {
                            let (frame, chosen) =
                                (zoom_state.layout_px.get(), zoom_state.chosen.get());
                            (page.total, draw(page, frame, chosen))
                        })
                    });
                    let Some((total, drawing)) = drawn else {
                        return view! {
                            <p class="empty">
                                {t.no_match}
                                " "
                                <button
                                    {..dom::attr("type", "button")}
                                    class="link-button"
                                    on:click=dom::handler(move |_| state.show_all())
                                >
                                    {t.show_all}
                                </button>
                            </p>
                        }
                        .into_any();
                    };
                    if zoom_state.drawn.get_untracked() != drawing.level {
                        zoom_state.drawn.set(drawing.level);
                    }
                    view! { <Axis state total drawing /> }
                    .into_any()
                }}
            </div>
            // The keys + and - work anywhere in the landmark.
            {axis_tools(state, zoom_state)}
        </nav>
    }
}

/// Where the axis shows a page of the events: which ones, of how many, and
/// buttons to the earlier and later pages.
#[component]
pub(crate) fn PageBar(state: TimelineState) -> impl IntoView {
    let t = state.t;
    let range = move || {
        let page = state.page.get();
        let total = state.visible.with(Vec::len);
        (t.page_range)(page.start + 1, page.end, total)
    };
    let at_first = move || state.page.get().start == 0;
    let at_last = move || state.page.get().end >= state.visible.with(Vec::len);
    view! {
        <div class="page-bar">
            <p class="page-range">{range}</p>
            <button
                {..dom::attr("type", "button")}
                class="page-earlier"
                {..dom::before_app("inert", state.before_app())}
                {..dom::attr_fn("aria-disabled", move || aria_bool(at_first()))}
                on:click=dom::handler(move |_| state.turn_page(Step::Previous))
            >
                <span {..dom::attr("aria-hidden", "true")}>"← "</span>
                {t.earlier_events}
            </button>
            <button
                {..dom::attr("type", "button")}
                class="page-later"
                {..dom::before_app("inert", state.before_app())}
                {..dom::attr_fn("aria-disabled", move || aria_bool(at_last()))}
                on:click=dom::handler(move |_| state.turn_page(Step::Next))
            >
                {t.later_events}
                <span {..dom::attr("aria-hidden", "true")}>" →"</span>
            </button>
        </div>
    }
}

/// The marker button of event `i` in `list`, if it is on screen.
fn marker_button(
    state: TimelineState,
    list: NodeRef<html::Ol>,
    i: usize,
) -> Option<web_sys::HtmlElement> {
    let id = state.id(i)?;
    dom::marker(&list.get_untracked()?.into(), &id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// The axis for one page of the shown events (`drawing`, its first at
/// position `first` among `total`): the drawing, and one marker per event
/// with a roving tab stop that the arrow keys, Home and End move.
///
/// The keyboard handler, the focus effect and the view stay together: they
/// share the list's node ref and the two selectors made here (the drawing
/// and each marker are functions of their own).
#[component]
pub(crate) fn Axis(
    state: TimelineState,
    /// How many events are shown, on every page.
    total: usize,
    drawing: Drawing,
) -> impl IntoView {
    let list = NodeRef::<html::Ol>::new();
    // The marker that holds the tab stop: the focused one while shown.
    let tab_stop = Memo::new(move |_| {
        state
            .visible
            .with(|v| nav::resolve(v, Some(state.focused.get())))
    });
    // Selectors wake only the two markers whose state changes, not every
    // marker, so a move costs the same with 10 events or 10,000.
    let is_selected = Selector::new(move || state.selected.get());
    let is_tab_stop = Selector::new(move || tab_stop.get());
    let on_keydown = move |e: web_sys::KeyboardEvent| {
        let Some(step) = nav::key_step(&e.key()) else {
            return;
        };
        e.prevent_default();
        let from = tab_stop.get_untracked().unwrap_or(0);
        let Some(to) = state.visible.with_untracked(|v| nav::step(v, from, step)) else {
            return;
        };
        state.focused.set(to);
        // On this page, its marker takes the focus now; on another, once
        // that page is on screen (the effect below, in the new axis).
        match marker_button(state, list, to) {
            Some(button) => {
                let _ = button.focus();
            }
            None => state.focus_pending.set_value(Some(to)),
        }
    };
    // Effects run after the view is in the document.
    dom::effect(move || {
        if let Some(i) = state.focus_pending.get_value() {
            state.focus_pending.set_value(None);
            if let Some(button) = marker_button(state, list, i) {
                let _ = button.focus();
            }
        }
    });

    state.timeline.with_value(|timeline| {
        let first = state.page.get_untracked().start;
        let markers = drawing
            .marks
            .iter()
            .enumerate()
            .filter_map(|(n, mark)| {
                let marker = Marker {
                    state,
                    entry: timeline.entries.get(mark.index)?,
                    position: first + n,
                    total,
                };
                Some(marker.view(mark, is_selected.clone(), is_tab_stop.clone()))
            })
            .collect_view();
        view! {
            <div class="axis" class:paged={total > MARKERS_PER_PAGE} style=("--zoom", fixed(drawing.level.factor(), 2))>
                {scale(state, &drawing, is_selected.clone())}
                <ol
                    class="markers"
                    node_ref=list
                    on:keydown=dom::handler(on_keydown)
                    style=("--label-w", fixed(drawing.label_width, 1) + "px")
                >
                    {markers}
                </ol>
            </div>
        }
    })
}

/// One event's marker: its place in the whole set of shown events.
struct Marker<'a> {
    state: TimelineState,
    entry: &'a Entry,
    /// 0-based, among all shown events (not the page).
    position: usize,
    total: usize,
}

impl Marker<'_> {
    /// The list item's classes.
    fn class(&self, mark: &Mark) -> String {
        format!(
            "marker kind-{}{}{}",
            self.entry.event.kind.code(),
            if self.entry.event.pending() {
                " expected"
            } else {
                ""
            },
            if mark.below { "" } else { " alt" },
        )
    }

    /// What the marker says: its date, a badge if expected, its title (the
    /// elements themselves, `into_inner`, as if written in each caller's
    /// view: no erased view of their own in the wasm).
    fn inside(&self) -> impl IntoView {
        let (state, entry) = (self.state, self.entry);
        let (title, title_lang) = text_and_lang(&entry.event.title, state.lang);
        view! {
            <time {..dom::attr_string("datetime", entry.start.iso())}>{entry.start.written(state.lang)}</time>
            {entry.event.pending().then(|| view! { <span class="badge">{state.t.expected}</span> })}
            <span class="marker-title" {..dom::attr("lang", title_lang)}>{title}</span>
        }
        .into_inner()
    }

    /// The list item at its mark's label along the axis, with its button;
    /// before the app (the first paint), a link to its event's card
    /// ([`Self::link`]).
    fn view(
        &self,
        mark: &Mark,
        is_selected: Selector<usize>,
        is_tab_stop: Selector<Option<usize>>,
    ) -> impl IntoView {
        let (state, i, entry) = (self.state, mark.index, self.entry);
        let button = view! {
            <button
                {..dom::attr("type", "button")}
                class="marker-button"
                data-event-id=entry.event.id.clone()
                {..dom::attr_fn("aria-current", move || is_selected.selected(&i).then_some("true"))}
                {..dom::attr_fn("tabindex", move || if is_tab_stop.selected(&Some(i)) { "0" } else { "-1" })}
                on:click=dom::handler(move |_| {
                    state.select(i);
                    state.reveal_detail();
                })
            >
                {self.inside()}
            </button>
        };
        // The wasm never draws the links.
        #[cfg(not(target_arch = "wasm32"))]
        let button = if state.before_app() {
            self.link().into_any()
        } else {
            button.into_any()
        };
        view! {
            <li
                class=self.class(mark)
                style=pos(mark.label)
                {..dom::attr_string("aria-setsize", self.total.to_string())}
                {..dom::attr_string("aria-posinset", (self.position + 1).to_string())}
            >
                {button}
            </li>
        }
    }

    /// The marker as the first paint draws it: a link to its event's card
    /// (`:target`), the first only looking selected (`.selected`, no
    /// `aria-current`).
    #[cfg(not(target_arch = "wasm32"))]
    fn link(&self) -> impl IntoView {
        let id = self.entry.event.id.clone();
        view! {
            <a
                class="marker-button"
                class:selected=self.position == 0
                href=format!("#{id}")
                data-event-id=id
            >
                {self.inside()}
            </a>
        }
    }
}

/// Keeps the frame measured and the keyboard's marker in view; a marker
/// that takes the focus becomes the keyboard's (one listener on the frame
/// for all markers).
fn track_frame(state: TimelineState, zoom_state: ZoomState) {
    listen(window().into(), "resize", move |_| zoom_state.measure());
    dom::on_load(zoom_state.frame, move |frame| {
        zoom_state.measure();
        listen(frame.clone().into(), "focusin", move |e| {
            let marker = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let id = marker.and_then(|m| m.get_attribute("data-event-id"));
            if let Some(i) = id.and_then(|id| state.timeline.with_value(|t| t.index_of(&id))) {
                state.focused.set(i);
            }
        });
        zoom_state.attach_gestures(state, frame.unchecked_into());
    });
    dom::effect(move || {
        let i = state.focused.get();
        state.selected.track();
        if let Some(id) = state.id(i) {
            request_animation_frame(move || zoom_state.reveal(&id));
        }
    });
}
