//! The timeline's state: the selection, the keyboard focus among markers
//! and the filter, with the moves between them. Every decision is the
//! model's ([`nav`], [`opening`], [`Filter::shown`]); this holds the
//! signals and says what changed.

use std::ops::Range;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::MARKERS_PER_PAGE;
use crate::app::{dom, url};
use crate::i18n::{texts, Texts};
use crate::model::nav::{self, Step};
use crate::model::options::opening;
use crate::model::{Filter, Lang, Options, Timeline};
use crate::render::drawing::Page;

/// The selection, the keyboard focus among markers, and the filter, with
/// the moves between them. `Copy`, so every handler can hold it.
#[derive(Clone, Copy)]
pub(crate) struct TimelineState {
    pub timeline: StoredValue<Arc<Timeline>>,
    pub lang: Lang,
    /// The interface's words in `lang`.
    pub t: &'static Texts,
    /// The selected event (an index into the entries).
    pub selected: RwSignal<usize>,
    /// The marker that holds the tab stop (roving tabindex).
    pub focused: RwSignal<usize>,
    pub filter: RwSignal<Filter>,
    /// Indices of the events the filter shows, in order.
    pub visible: Memo<Vec<usize>>,
    /// The positions in `visible` of the markers on the axis: the page of
    /// at most [`MARKERS_PER_PAGE`] that holds the focused event.
    pub page: Memo<Range<usize>>,
    /// An event whose marker should take the keyboard focus once its page
    /// is on screen.
    pub focus_pending: StoredValue<Option<usize>>,
    /// One short line for screen readers after each change.
    pub announcement: RwSignal<String>,
    sync_url: bool,
    /// Drawn at build time as the first paint ([`Self::before_app`]).
    pub first_paint: bool,
    /// The first paint's axis, written by the build (its positions are
    /// classes of a style sheet per band), and the zoom level it shows.
    #[cfg(not(target_arch = "wasm32"))]
    pub drawn_axis: StoredValue<Option<(String, crate::model::zoom::Zoom)>>,
    /// The detail card's section, to bring it into view.
    pub detail: NodeRef<html::Section>,
}

impl TimelineState {
    pub fn new(timeline: Arc<Timeline>, lang: Lang, initial: &Options, sync_url: bool) -> Self {
        // Unknown filter parts are dropped; a linked event is always shown.
        let (filter, first) = opening(&timeline, &initial.filter, initial.event.as_deref());
        let filter = RwSignal::new(filter);
        let visible = {
            let timeline = timeline.clone();
            Memo::new(move |_| filter.with(|f| f.shown(&timeline.entries)))
        };
        // With nothing shown, nothing is selected: the card is hidden.
        let first = first.unwrap_or(0);
        let focused = RwSignal::new(first);
        // A memo: a move within the page leaves the axis alone.
        let page =
            Memo::new(move |_| visible.with(|v| nav::page(v, focused.get(), MARKERS_PER_PAGE)));
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
            first_paint: false,
            #[cfg(not(target_arch = "wasm32"))]
            drawn_axis: StoredValue::new(None),
            detail: NodeRef::new(),
        }
    }

    /// Whether this view is the build-time first paint, shown before the
    /// app runs (`crate::app::first_paint`): what needs the app is then
    /// `inert` (drawn as the app draws it, so nothing moves at the
    /// takeover, but deaf to clicks and out of the tab order), and what
    /// the app sets as a property (a ticked box) is written as an
    /// attribute. Never in the wasm, which draws no first paint: there it
    /// is `false` at compile time, and costs nothing.
    pub fn before_app(&self) -> bool {
        cfg!(not(target_arch = "wasm32")) && self.first_paint
    }

    fn entry_title_and_date(&self, i: usize) -> Option<String> {
        self.timeline.with_value(|t| {
            t.entries.get(i).map(|e| {
                (self.t.announce)(e.event.title.get(self.lang).0, &e.start.written(self.lang))
            })
        })
    }

    /// The id of event `i` (an index into the entries).
    pub fn id(&self, i: usize) -> Option<String> {
        self.timeline
            .with_value(|t| t.entries.get(i).map(|e| e.event.id.clone()))
    }

    /// Puts the state into the URL and tells a host page (when framed).
    fn write_url(&self) {
        if self.sync_url {
            if let Some(id) = self.id(self.selected.get_untracked()) {
                self.filter.with_untracked(|f| url::write(&id, f));
                crate::app::embed::notify_select(&id);
            }
        }
    }

    /// Selects event `i`, moves the tab stop to it and announces it.
    pub fn select(&self, i: usize) {
        if let Some(line) = self.entry_title_and_date(i) {
            self.selected.set(i);
            self.focused.set(i);
            self.announcement.set(line);
            self.write_url();
        }
    }

    /// Selects the event a step away among the shown ones.
    pub fn select_step(&self, step: Step) {
        let current = self.selected.get_untracked();
        if let Some(i) = self.visible.with_untracked(|v| nav::step(v, current, step)) {
            self.select(i);
        }
    }

    /// Shows what `options` ask for: their filter, and their event if it is
    /// shown (else the first shown event).
    pub fn apply(&self, options: &Options) {
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
    pub fn selection_shown(&self) -> bool {
        let selected = self.selected.get();
        self.visible.with(|v| v.binary_search(&selected).is_ok())
    }

    /// `f` of the page of shown events the axis draws now (tracked): its
    /// events, their place among all shown, and today at `today` (a day
    /// number). The app's axis, the first paint and the host tests draw
    /// from it.
    pub fn with_page<R>(&self, today: i64, f: impl FnOnce(&Page) -> R) -> R {
        let range = self.page.get();
        let (total, shown) = self.visible.with(|v| {
            (
                v.len(),
                v.get(range.clone())
                    .map(<[usize]>::to_vec)
                    .unwrap_or_default(),
            )
        });
        self.timeline.with_value(|t| {
            f(&Page {
                entries: &t.entries,
                shown: &shown,
                first: range.start,
                total,
                today: Some(today),
                lang: self.lang,
            })
        })
    }

    /// Applies a new filter; a hidden selection falls back to the first
    /// shown event. The announcement says how many events are shown and,
    /// when the selection moved, which one is selected now.
    pub fn set_filter(&self, filter: Filter) {
        let before = self.selected.get_untracked();
        self.filter.set(filter);
        let visible = self.visible.get_untracked();
        let mut line = (self.t.events_shown)(visible.len());
        if let Some(i) = nav::resolve(&visible, Some(before)) {
            self.selected.set(i);
            self.focused.set(i);
            if let Some(selected) = (i != before)
                .then(|| self.entry_title_and_date(i))
                .flatten()
            {
                line = (self.t.filter_moved_selection)(&line, &selected);
            }
        }
        self.announcement.set(line);
        self.write_url();
    }

    /// Clears the filter from the "Show all events" button, which then
    /// leaves the page: the keyboard focus goes to the selected marker
    /// instead of falling to the document.
    pub fn show_all(&self) {
        self.set_filter(Filter::default());
        self.focus_pending
            .set_value(Some(self.selected.get_untracked()));
    }

    /// Shows another page of markers (`step` as in [`nav::turn`]): its
    /// first event takes the tab stop; the selection stays.
    pub fn turn_page(&self, step: Step) {
        let page = self.page.get_untracked();
        let target = self.visible.with_untracked(|v| {
            let to = nav::turn(v.len(), &page, MARKERS_PER_PAGE, step)?;
            let next = nav::page(v, v[to], MARKERS_PER_PAGE);
            Some((
                v[to],
                (self.t.page_range)(next.start + 1, next.end, v.len()),
            ))
        });
        if let Some((i, line)) = target {
            self.focused.set(i);
            self.announcement.set(line);
        }
    }

    /// Brings the detail card into view when it starts below the visible
    /// area (on a phone, the list of events pushes it down), so a tap on a
    /// marker visibly does something; but never so far that the selected
    /// marker, which has the keyboard focus, leaves the top of the screen
    /// (on a short phone the card's top would have hidden it). In an
    /// auto-height iframe the card is always in the frame's viewport, so
    /// the host page never jumps.
    pub fn reveal_detail(&self) {
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let Some(card) = self.detail.get_untracked() else {
            return;
        };
        let card_top = card.get_bounding_client_rect().top();
        if card_top <= height - 48.0 {
            return;
        }
        let markers = document().query_selector(".markers").ok().flatten();
        let marker_top = self
            .id(self.selected.get_untracked())
            .zip(markers)
            .and_then(|(id, markers)| dom::marker(&markers, &id))
            .map(|m| m.get_bounding_client_rect().top());
        // 8 px of room above the marker for its focus ring.
        let by = marker_top.map_or(card_top, |top| card_top.min(top - 8.0));
        if by > 0.0 {
            window().scroll_by_with_x_and_y(0.0, by);
        }
    }
}
