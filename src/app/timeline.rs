//! The timeline itself: filters, a time axis of event markers, the detail
//! card of the selected event, and a print-only list of every event. All
//! arithmetic comes from [`crate::model`]; this file turns it into elements
//! and wires up input.
//!
//! One component tree serves both layouts: CSS draws the markers along a
//! proportional horizontal axis on wide screens and as a vertical list on
//! narrow ones.
//!
//! However many events there are, the axis holds at most [`WINDOW`]
//! markers: the page of them that holds the keyboard focus. The list keeps
//! its place in the whole set (`aria-setsize`, `aria-posinset`), and the
//! keyboard, Previous/Next and links move across all of it, turning the
//! page as they go.

use std::ops::Range;
use std::sync::Arc;

use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::clock::today;
use crate::app::dom::listen;
use crate::app::url;
use crate::card::card_html;
use crate::i18n::{texts, Texts};
use crate::model::layout::{fixed, layout, layout_page, AxisLayout};
use crate::model::nav::{self, Step};
use crate::model::options::{opening, Facets};
use crate::model::{
    Entry, Filter, Lang, Localized, Options, PartialDate, Precision, Status, Timeline,
};

/// The least distance between neighbouring labels, as a share of the axis.
/// Labels alternate below and above the axis, so labels on one side are
/// twice this apart (the CSS makes a label at most that wide).
const LABEL_GAP: f64 = 0.1;

/// The most markers on the axis at once: about as many labels as fit along
/// it [`LABEL_GAP`] apart. Beyond this, the axis shows a page of them.
const WINDOW: usize = 10;

/// Up to this many events (one page), the print-only list of every event
/// is built with the page; beyond, only when printing begins. A card costs
/// about 0.2 ms to build: 2 ms for 10 events, 20 ms for 100, 1.5 s for
/// 10,000.
const PRINT_EAGER: usize = WINDOW;

/// The least horizontal travel, in CSS pixels, that counts as a swipe.
const SWIPE_MIN: f64 = 50.0;

/// An ARIA boolean. Buttons at the end of their range are
/// `aria-disabled`, not `disabled`: they keep the keyboard focus of someone
/// who pressed them to get there (a click on them does nothing).
fn flag(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

fn percent(fraction: f64) -> String {
    fixed(fraction * 100.0, 3) + "%"
}

/// A localized text with the `lang` it is actually in (English where the
/// reader's language is missing), for the element's `lang` attribute.
fn text(t: &Localized, lang: Lang) -> (String, &'static str) {
    let (s, used) = t.get(lang);
    (s.to_string(), used.code())
}

/// The selection, the keyboard focus among markers, and the filter, with
/// the moves between them. `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
struct TimelineState {
    timeline: StoredValue<Arc<Timeline>>,
    lang: Lang,
    /// The interface's words in `lang`.
    t: &'static Texts,
    /// The selected event (an index into the entries).
    selected: RwSignal<usize>,
    /// The marker that holds the tab stop (roving tabindex).
    focused: RwSignal<usize>,
    filter: RwSignal<Filter>,
    /// Indices of the events the filter shows, in order.
    visible: Memo<Vec<usize>>,
    /// The positions in `visible` of the markers on the axis: the page of
    /// at most [`WINDOW`] that holds the focused event.
    page: Memo<Range<usize>>,
    /// An event whose marker should take the keyboard focus once its page
    /// is on screen.
    focus_pending: StoredValue<Option<usize>>,
    /// One short line for screen readers after each change.
    announcement: RwSignal<String>,
    sync_url: bool,
}

impl TimelineState {
    fn new(timeline: Arc<Timeline>, lang: Lang, initial: &Options, sync_url: bool) -> Self {
        // Unknown filter parts are dropped; a linked event is always shown.
        let (filter, first) = opening(&timeline, &initial.filter, initial.event.as_deref());
        let filter = RwSignal::new(filter);
        let visible = {
            let timeline = timeline.clone();
            Memo::new(move |_| {
                filter.with(|f| {
                    timeline
                        .entries
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| f.matches(&e.event))
                        .map(|(i, _)| i)
                        .collect::<Vec<_>>()
                })
            })
        };
        // With nothing shown, nothing is selected: the card is hidden.
        let first = first.unwrap_or(0);
        let focused = RwSignal::new(first);
        // A memo: a move within the page leaves the axis alone.
        let page = Memo::new(move |_| visible.with(|v| nav::page(v, focused.get(), WINDOW)));
        TimelineState {
            timeline: StoredValue::new(timeline),
            lang,
            t: texts(lang),
            selected: RwSignal::new(first),
            focused,
            filter,
            visible,
            page,
            focus_pending: StoredValue::new(None),
            announcement: RwSignal::new(String::new()),
            sync_url,
        }
    }

    fn entry_title_and_date(&self, i: usize) -> Option<String> {
        self.timeline.with_value(|t| {
            t.entries.get(i).map(|e| {
                (self.t.announce)(e.event.title.get(self.lang).0, &e.start.written(self.lang))
            })
        })
    }

    /// Puts the state into the URL and tells a host page (when framed).
    fn write_url(&self) {
        if self.sync_url {
            let id = self.timeline.with_value(|t| {
                t.entries
                    .get(self.selected.get_untracked())
                    .map(|e| e.event.id.clone())
            });
            if let Some(id) = id {
                self.filter.with_untracked(|f| url::write(&id, f));
                crate::app::embed::notify_select(&id);
            }
        }
    }

    /// Selects event `i`, moves the tab stop to it and announces it.
    fn select(&self, i: usize) {
        if let Some(line) = self.entry_title_and_date(i) {
            self.selected.set(i);
            self.focused.set(i);
            self.announcement.set(line);
            self.write_url();
        }
    }

    /// Selects the event a step away among the shown ones.
    fn select_step(&self, step: Step) {
        let current = self.selected.get_untracked();
        if let Some(i) = self.visible.with_untracked(|v| nav::step(v, current, step)) {
            self.select(i);
        }
    }

    /// Shows what `options` ask for: their filter, and their event if it is
    /// shown (else the first shown event).
    fn apply(&self, options: &Options) {
        let (filter, wanted) = self
            .timeline
            .with_value(|t| opening(t, &options.filter, options.event.as_deref()));
        self.filter.set(filter);
        if let Some(i) = wanted {
            self.select(i);
        }
    }

    /// True when the selected event is among the shown ones (a filter may
    /// show none): the card never shows an event the filters hide.
    fn selection_shown(&self) -> bool {
        let selected = self.selected.get();
        self.visible.with(|v| v.binary_search(&selected).is_ok())
    }

    /// Applies a new filter; a hidden selection falls back to the first
    /// shown event.
    fn set_filter(&self, filter: Filter) {
        self.filter.set(filter);
        let visible = self.visible.get_untracked();
        if let Some(i) = nav::resolve(&visible, Some(self.selected.get_untracked())) {
            self.selected.set(i);
            self.focused.set(i);
        }
        self.announcement.set((self.t.events_shown)(visible.len()));
        self.write_url();
    }

    /// Shows another page of markers (`step` as in [`nav::turn`]): its
    /// first event takes the tab stop; the selection stays.
    fn turn_page(&self, step: Step) {
        let page = self.page.get_untracked();
        let target = self.visible.with_untracked(|v| {
            let to = nav::turn(v.len(), &page, WINDOW, step)?;
            let end = (to + WINDOW).min(v.len());
            Some((v[to], (self.t.page_range)(to + 1, end, v.len())))
        });
        if let Some((i, line)) = target {
            self.focused.set(i);
            self.announcement.set(line);
        }
    }
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
    }

    let (title, title_lang) = text(&timeline.doc.title, lang);
    let subtitle = timeline.doc.subtitle.as_ref().map(|s| text(s, lang));
    let t = state.t;
    let detail = move || {
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
    let at_start = move || {
        state
            .visible
            .with(|v| nav::step(v, state.selected.get(), Step::Previous).is_none())
    };
    let at_end = move || {
        state
            .visible
            .with(|v| nav::step(v, state.selected.get(), Step::Next).is_none())
    };

    // Swipe left or right on the card, on touch screens. Touch events, not
    // pointer events: a pointer is cancelled as soon as the page pans.
    let swipe_start = StoredValue::new(None::<(f64, f64)>);
    let first_touch = |list: web_sys::TouchList| {
        list.item(0)
            .map(|t| (f64::from(t.client_x()), f64::from(t.client_y())))
    };
    let on_touchstart = move |e: web_sys::Event| {
        let touches = e.unchecked_into::<web_sys::TouchEvent>().touches();
        swipe_start.set_value(if touches.length() == 1 {
            first_touch(touches)
        } else {
            None
        });
    };
    let on_touchend = move |e: web_sys::Event| {
        let start = swipe_start.get_value();
        swipe_start.set_value(None);
        let end = first_touch(e.unchecked_into::<web_sys::TouchEvent>().changed_touches());
        if let (Some((x0, y0)), Some((x1, y1))) = (start, end) {
            let (dx, dy) = (x1 - x0, y1 - y0);
            if dx.abs() >= SWIPE_MIN && dx.abs() > 2.0 * dy.abs() {
                state.select_step(if dx < 0.0 { Step::Next } else { Step::Previous });
            }
        }
    };

    // Passive listeners (they never cancel the touch), so the browser
    // scrolls at once instead of waiting for the handler.
    let detail_section = NodeRef::<html::Section>::new();
    detail_section.on_load(move |section| {
        let target: web_sys::EventTarget = section.into();
        listen(target.clone(), "touchstart", on_touchstart);
        listen(target.clone(), "touchend", on_touchend);
        listen(target, "touchcancel", move |_| swipe_start.set_value(None));
    });

    let print_section = NodeRef::<html::Section>::new();
    print_list(print_section, timeline.clone(), lang);

    view! {
        <header class="timeline-header">
            <h1 lang=title_lang>{title}</h1>
            {subtitle.map(|(s, l)| view! { <p class="subtitle" lang=l>{s}</p> })}
        </header>
        <Filters state />
        <nav class="axis-nav" aria-label=t.timeline_nav>
            {move || (state.visible.with(Vec::len) > WINDOW).then(|| view! { <PageBar state /> })}
            {move || {
                // Re-rendered when the page or the filter changes, never for a
                // move within the page; the work is the page's, not the data's.
                let page = state.page.get();
                let (total, shown) = state
                    .visible
                    .with(|v| (v.len(), v.get(page.clone()).map(<[usize]>::to_vec).unwrap_or_default()));
                if shown.is_empty() {
                    view! {
                        <p class="empty">
                            {t.no_match}
                            " "
                            <button type="button" class="link-button" on:click=move |_| state.set_filter(Filter::default())>
                                {t.show_all}
                            </button>
                        </p>
                    }
                    .into_any()
                } else {
                    let axis = state
                        .timeline
                        .with_value(|t| {
                            if total > WINDOW {
                                layout_page(&t.entries, &shown, Some(today()), LABEL_GAP)
                            } else {
                                layout(&t.entries, &shown, Some(today()), LABEL_GAP)
                            }
                        });
                    view! { <Axis state shown first=page.start total axis /> }.into_any()
                }
            }}
        </nav>
        <section
            class="detail"
            aria-label=t.selected_event
            node_ref=detail_section
            hidden=move || !state.selection_shown()
        >
            <div class="card" inner_html=detail></div>
            <div class="pager">
                <button
                    type="button"
                    class="prev"
                    aria-disabled=move || flag(at_start())
                    on:click=move |_| state.select_step(Step::Previous)
                >
                    <span aria-hidden="true">"← "</span>
                    {t.previous}
                </button>
                <span class="position">{position}</span>
                <button type="button" class="next" aria-disabled=move || flag(at_end()) on:click=move |_| state.select_step(Step::Next)>
                    {t.next}
                    <span aria-hidden="true">" →"</span>
                </button>
            </div>
        </section>
        <p class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || state.announcement.get()}
        </p>
        <section class="print-list" node_ref=print_section></section>
    }
}

/// Checkboxes for the kinds and organisations present in the data.
#[component]
fn Filters(state: TimelineState) -> impl IntoView {
    let (kinds, orgs) = state.timeline.with_value(|t| {
        let Facets {
            kinds,
            organisations,
        } = Facets::of(t);
        let orgs: Vec<(String, String, &'static str)> = organisations
            .into_iter()
            .filter_map(|id| {
                let o = t.organisation(&id)?;
                let (name, lang) = text(o.short_name.as_ref().unwrap_or(&o.name), state.lang);
                Some((id, name, lang))
            })
            .collect();
        (kinds, orgs)
    });
    let org_ids: Vec<String> = orgs.iter().map(|(id, _, _)| id.clone()).collect();
    let kind_boxes = kinds
        .iter()
        .map(|&kind| {
            let kinds = kinds.clone();
            filter_check(
                state,
                "kind",
                kind.code().to_string(),
                state.t.kind(kind),
                move |f| (f.shows_kind(kind), f.kind_locked(kind)),
                move |f| f.toggle_kind(kind, &kinds),
            )
        })
        .collect_view();
    let org_boxes = orgs
        .into_iter()
        .map(|(id, name, lang)| {
            let org_ids = org_ids.clone();
            let check_id = id.clone();
            let toggle_id = id.clone();
            filter_check(
                state,
                "org",
                id,
                view! { <span lang=lang>{name}</span> },
                move |f| {
                    (
                        f.shows_organisation(&check_id),
                        f.organisation_locked(&check_id),
                    )
                },
                move |f| f.toggle_organisation(&toggle_id, &org_ids),
            )
        })
        .collect_view();
    view! {
        <div class="filters">
            <fieldset>
                <legend>{state.t.filter_kinds}</legend>
                {kind_boxes}
            </fieldset>
            <fieldset>
                <legend>{state.t.filter_organisations}</legend>
                {org_boxes}
            </fieldset>
        </div>
    }
}

/// One filter checkbox. `check` says whether its value is shown and
/// whether it is locked (the last one shown cannot be hidden, so it is
/// disabled); `toggle` flips it.
fn filter_check(
    state: TimelineState,
    name: &'static str,
    value: String,
    label: impl IntoView + 'static,
    check: impl Fn(&Filter) -> (bool, bool) + Clone + Send + Sync + 'static,
    toggle: impl Fn(&mut Filter) + 'static,
) -> impl IntoView {
    let locked = check.clone();
    view! {
        <label class="check">
            <input
                type="checkbox"
                name=name
                value=value
                prop:checked=move || state.filter.with(|f| check(f).0)
                disabled=move || state.filter.with(|f| locked(f).1)
                on:change=move |_| {
                    let mut f = state.filter.get_untracked();
                    toggle(&mut f);
                    state.set_filter(f);
                }
            />
            {label}
        </label>
    }
}

/// Where the axis shows a page of the events: which ones, of how many, and
/// buttons to the earlier and later pages.
#[component]
fn PageBar(state: TimelineState) -> impl IntoView {
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
                type="button"
                class="page-earlier"
                aria-disabled=move || flag(at_first())
                on:click=move |_| state.turn_page(Step::Previous)
            >
                <span aria-hidden="true">"← "</span>
                {t.earlier_events}
            </button>
            <button
                type="button"
                class="page-later"
                aria-disabled=move || flag(at_last())
                on:click=move |_| state.turn_page(Step::Next)
            >
                {t.later_events}
                <span aria-hidden="true">" →"</span>
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
    let id = state
        .timeline
        .with_value(|t| t.entries.get(i).map(|e| e.event.id.clone()))?;
    list.get_untracked()?
        .query_selector(&format!("[data-event-id=\"{id}\"]"))
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// The axis for one page of the shown events (`shown`, the first at
/// position `first` among `total`): year and month ticks, the term of
/// lasting events, today, and one marker per event with a roving tab stop.
#[component]
fn Axis(
    state: TimelineState,
    shown: Vec<usize>,
    first: usize,
    total: usize,
    axis: AxisLayout,
) -> impl IntoView {
    let lang = state.lang;
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
        let step = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => Step::Next,
            "ArrowLeft" | "ArrowUp" => Step::Previous,
            "Home" => Step::First,
            "End" => Step::Last,
            _ => return,
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
    Effect::new(move |_| {
        if let Some(i) = state.focus_pending.get_value() {
            state.focus_pending.set_value(None);
            if let Some(button) = marker_button(state, list, i) {
                let _ = button.focus();
            }
        }
    });

    state.timeline.with_value(|timeline| {
        let shown: Vec<(usize, &Entry)> = shown
            .iter()
            .filter_map(|&i| timeline.entries.get(i).map(|e| (i, e)))
            .collect();
        let years = axis
            .years
            .iter()
            .map(|t| view! { <span class="year-tick" style=("--pos", percent(t.pos))>{t.year}</span> })
            .collect_view();
        // On an axis shorter than a year, months are named like years.
        let months = axis
            .months
            .iter()
            .map(|m| {
                let name = m
                    .labelled
                    .then(|| PartialDate::parse(&format!("{:04}-{:02}", m.year, m.month)).ok())
                    .flatten()
                    .map(|d| d.written(lang));
                match name {
                    Some(name) => {
                        Either::Left(view! { <span class="year-tick" style=("--pos", percent(m.pos))>{name}</span> })
                    }
                    None => Either::Right(view! { <span class="month-tick" style=("--pos", percent(m.pos))></span> }),
                }
            })
            .collect_view();
        let terms = shown
            .iter()
            .zip(&axis.placements)
            .filter_map(|((_, entry), place)| {
                let end = place.end?;
                let derived = entry.event.end.as_ref().is_some_and(|e| e.derived);
                let label = if derived { state.t.term_derived } else { state.t.term };
                Some(view! {
                    <span
                        class="term"
                        class:derived=derived
                        style:left=percent(place.from)
                        style:width=percent(end - place.from)
                    >
                        <span class="term-label">{label}</span>
                    </span>
                })
            })
            .collect_view();
        // Where a date is a month or a year, the interval it may mean.
        let extents = shown
            .iter()
            .zip(&axis.placements)
            .filter(|((_, entry), _)| entry.start.precision() != Precision::Day)
            .map(|((_, entry), place)| {
                view! {
                    <span
                        class="extent"
                        class:expected=entry.event.status == Status::Expected
                        style:left=percent(place.from)
                        style:width=percent(place.to - place.from)
                    ></span>
                }
            })
            .collect_view();
        let today = axis.today.map(|p| {
            view! {
                <span class="today" style=("--pos", percent(p))>
                    <span class="today-label">{state.t.today}</span>
                </span>
            }
        });
        // Dots sit exactly at their dates; labels may be moved apart, so a
        // leader line joins each label to its dot.
        let leaders = axis
            .placements
            .iter()
            .enumerate()
            .map(|(n, place)| {
                // Labels at even positions in the whole set hang below the
                // axis, odd ones stand above it.
                let y2 = if (first + n).is_multiple_of(2) { "100" } else { "0" };
                view! {
                    <line
                        x1=fixed(place.marker * 1000.0, 2)
                        y1="50"
                        x2=fixed(place.label * 1000.0, 2)
                        y2=y2
                        vector-effect="non-scaling-stroke"
                    />
                }
            })
            .collect_view();
        let dots = shown
            .iter()
            .zip(&axis.placements)
            .map(|(&(i, entry), place)| {
                view! {
                    <span
                        class="dot"
                        class:expected=entry.event.status == Status::Expected
                        class:selected={
                            let is_selected = is_selected.clone();
                            move || is_selected.selected(&i)
                        }
                        style=("--pos", percent(place.marker))
                        on:click=move |_| state.select(i)
                    ></span>
                }
            })
            .collect_view();
        let markers = shown
            .iter()
            .zip(&axis.placements)
            .enumerate()
            .map(|(n, (&(i, entry), place))| {
                let (title, title_lang) = text(&entry.event.title, lang);
                let expected = entry.event.status == Status::Expected;
                let class = format!(
                    "marker kind-{}{}{}",
                    entry.event.kind.code(),
                    if expected { " expected" } else { "" },
                    if (first + n) % 2 == 1 { " alt" } else { "" },
                );
                // The place in the whole set, not in the page.
                view! {
                    <li class=class style=("--pos", percent(place.label)) aria-setsize=total aria-posinset=first + n + 1>
                        <button
                            type="button"
                            class="marker-button"
                            data-event-id=entry.event.id.clone()
                            aria-current={
                                let is_selected = is_selected.clone();
                                move || is_selected.selected(&i).then_some("true")
                            }
                            tabindex={
                                let is_tab_stop = is_tab_stop.clone();
                                move || if is_tab_stop.selected(&Some(i)) { "0" } else { "-1" }
                            }
                            on:click=move |_| {
                                state.select(i);
                                reveal_detail();
                            }
                            on:focus=move |_| state.focused.set(i)
                        >
                            <time datetime=entry.start.iso()>{entry.start.written(lang)}</time>
                            {expected.then(|| view! { <span class="badge">{state.t.expected}</span> })}
                            <span class="marker-title" lang=title_lang>{title}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="axis" class:paged={total > WINDOW}>
                <div class="axis-scale" aria-hidden="true">
                    <span class="axis-line"></span>
                    {months}
                    {years}
                    {terms}
                    {extents}
                    {today}
                    <svg class="leaders" viewBox="0 0 1000 100" preserveAspectRatio="none">
                        {leaders}
                    </svg>
                    {dots}
                </div>
                <ol class="markers" node_ref=list on:keydown=on_keydown>
                    {markers}
                </ol>
            </div>
        }
    })
}

/// The print-only list in `section`: a card per event, filters or not.
///
/// A card per event is much to build for a large timeline that may never
/// be printed, so beyond [`PRINT_EAGER`] events the list is built when
/// printing begins: on `beforeprint` (Ctrl+P, the print menu,
/// `window.print()`, headless printing to PDF) and when the `print` media
/// query starts to match (print emulation). It is built synchronously,
/// inside the event, not through a signal: the browser lays the page out
/// for print right after, before any scheduled effect would run. A small
/// list is built right after the page.
fn print_list(section: NodeRef<html::Section>, timeline: Arc<Timeline>, lang: Lang) {
    let eager = timeline.entries.len() <= PRINT_EAGER;
    let built = StoredValue::new(false);
    let build = move || {
        if built.try_get_value() != Some(false) {
            return;
        }
        if let Some(section) = section.try_get_untracked().flatten() {
            let cards: String = timeline
                .entries
                .iter()
                .map(|entry| card_html(&timeline, entry, lang))
                .collect();
            section.set_inner_html(&cards);
            built.set_value(true);
        }
    };
    if eager {
        // Effects run once the page is in the document.
        Effect::new(move |_| build());
        return;
    }
    let build = std::rc::Rc::new(build);
    let on_beforeprint = build.clone();
    listen(window().into(), "beforeprint", move |_| on_beforeprint());
    // window.matchMedia("print"), through js_sys: no web-sys feature needed.
    let print_media = js_sys::Reflect::get(&window(), &"matchMedia".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&window(), &"print".into()).ok())
        .filter(|m| m.is_object());
    if let Some(media) = print_media {
        listen(media.unchecked_into(), "change", move |_| build());
    }
}

/// Brings the detail card into view when it starts below the visible area
/// (on a phone, the list of events pushes it down), so a tap on a marker
/// visibly does something. In an auto-height iframe the card is always in
/// the frame's viewport, so the host page never jumps.
fn reveal_detail() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let card = window
        .document()
        .and_then(|d| d.query_selector(".detail").ok().flatten());
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if let Some(card) = card {
        if card.get_bounding_client_rect().top() > height - 48.0 {
            card.scroll_into_view_with_bool(true);
        }
    }
}
