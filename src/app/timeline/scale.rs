//! The axis's drawing, hidden from assistive technology (the markers say
//! it all in words): year and month ticks, the term of lasting events, the
//! interval a month or year date may mean, today, the dots at the events'
//! dates and the leader lines from each dot to its label. Ticks, today and
//! the term's labels each have a row of their own, and within a row only
//! names that keep apart are shown ([`keep_apart`]), so no text on the
//! axis meets another.

use leptos::prelude::*;

use super::state::TimelineState;
use crate::model::date::short_month;
use crate::model::layout::{fixed, label_below, AxisLayout, Placement};
use crate::model::zoom::{centred_within, keep_apart, text_width, tick_name_box};
use crate::model::{Entry, Precision, Status};

/// The font size of tick names and today's (0.75rem), and of the term's
/// names (0.75rem), in pixels; and the space between a tick and its name.
const TICK_FONT: f64 = 12.0;
const TERM_FONT: f64 = 12.0;
const TICK_PAD: f64 = 4.0;

fn percent(fraction: f64) -> String {
    fixed(fraction * 100.0, 3) + "%"
}

/// A position along the axis, as the CSS custom property `--pos`.
pub(super) fn pos(fraction: f64) -> (&'static str, String) {
    ("--pos", percent(fraction))
}

/// The events on the axis with their placements, in order: pairs of an
/// entry's index and the entry.
type Placed<'a> = [((usize, &'a Entry), &'a Placement)];

/// The drawing for `shown` (pairs of an entry's index and the entry, in
/// the order of `axis.placements`), the first at position `first` in the
/// whole set, on a track `track` pixels wide; `is_selected` marks the
/// selected dot.
pub(super) fn scale(
    state: TimelineState,
    axis: &AxisLayout,
    shown: &[(usize, &Entry)],
    first: usize,
    track: f64,
    is_selected: Selector<usize>,
) -> impl IntoView {
    let placed: Vec<((usize, &Entry), &Placement)> =
        shown.iter().copied().zip(&axis.placements).collect();
    let (terms, term_labels) = terms(state, &placed, track);
    view! {
        <div class="axis-scale" aria-hidden="true">
            {ticks(state, axis, track)}
            {terms}
            {term_labels}
            {extents(&placed)}
            {today(state, axis, track)}
            <span class="axis-line"></span>
            <svg class="leaders" viewBox="0 0 1000 100" preserveAspectRatio="none">
                {leaders(axis, first)}
            </svg>
            {dots(state, &placed, is_selected)}
        </div>
    }
}

/// Year and month ticks. Names start just right of their tick (or left of
/// it at the track's end); years come first when names would meet.
fn ticks(state: TimelineState, axis: &AxisLayout, track: f64) -> impl IntoView {
    let lang = state.lang;
    let by_month = axis.years.is_empty();
    let ticks: Vec<(f64, Option<String>, bool)> = axis
        .years
        .iter()
        .map(|y| (y.pos, Some(y.year.to_string()), true))
        .chain(axis.months.iter().map(|m| {
            let name = m.labelled.then(|| {
                if by_month {
                    m.date().written(lang)
                } else {
                    short_month(m.month, lang)
                }
            });
            (m.pos, name, by_month)
        }))
        .collect();
    let boxes: Vec<(f64, f64, bool)> = ticks
        .iter()
        .map(|(p, name, _)| match name {
            Some(n) => tick_name_box(p * track, text_width(n, TICK_FONT), TICK_PAD, track),
            None => (0.0, f64::INFINITY, false),
        })
        .collect();
    let named = keep_apart(&boxes.iter().map(|b| (b.0, b.1)).collect::<Vec<_>>(), track);
    ticks
        .into_iter()
        .zip(named)
        .zip(boxes)
        .map(|(((p, name, major), keep), (_, _, flip))| {
            let name = name.filter(|_| keep);
            view! {
                <span class=if major { "year-tick" } else { "month-tick" } class:flip=flip style=pos(p)>
                    {name.map(|n| view! { <span class="tick-label">{n}</span> })}
                </span>
            }
        })
        .collect_view()
}

/// Each term: a quiet band, its derived end striped; and its start and end
/// named at its ends, in a row of their own (the end first).
fn terms(state: TimelineState, placed: &Placed, track: f64) -> (impl IntoView, impl IntoView) {
    let mut boxes = Vec::new();
    let mut names = Vec::new();
    let bands = placed
        .iter()
        .filter_map(|((_, entry), place)| {
            let end = place.end?;
            let derived = entry.event.end.as_ref().is_some_and(|e| e.derived);
            let end_date = entry.end.map(|d| d.written(state.lang)).unwrap_or_default();
            let end_name = if derived {
                (state.t.term_ends_derived)(&end_date)
            } else {
                (state.t.term_ends)(&end_date)
            };
            let start_name = state.t.term.to_string();
            let (l, r) = (place.from * track, end * track);
            boxes.push((r - text_width(&end_name, TERM_FONT), r));
            names.push((end_name, r, true));
            boxes.push((l, l + text_width(&start_name, TERM_FONT)));
            names.push((start_name, l, false));
            Some(view! {
                <span
                    class="term"
                    style:left=percent(place.from)
                    style:width=percent(end - place.from)
                >
                    {derived.then(|| view! { <span class="term-derived"></span> })}
                </span>
            })
        })
        .collect_view();
    let labels = names
        .into_iter()
        .zip(keep_apart(&boxes, track))
        .filter(|(_, keep)| *keep)
        .map(|((name, x, is_end), _)| {
            if is_end {
                view! { <span class="term-label" style:right=percent(1.0 - x / track)>{name}</span> }
                    .into_any()
            } else {
                view! { <span class="term-label" style:left=percent(x / track)>{name}</span> }
                    .into_any()
            }
        })
        .collect_view();
    (bands, labels)
}

/// Where a date is a month or a year, the interval it may mean (a year's a
/// little higher, so a month within it stays visible).
fn extents(placed: &Placed) -> impl IntoView {
    placed
        .iter()
        .filter(|((_, entry), _)| entry.start.precision() != Precision::Day)
        .map(|((_, entry), place)| {
            view! {
                <span
                    class="extent"
                    class:expected=entry.event.status == Status::Expected
                    class:year=entry.start.precision() == Precision::Year
                    style:left=percent(place.from)
                    style:width=percent(place.to - place.from)
                ></span>
            }
        })
        .collect_view()
}

/// Today: a line, and its name centred on it but never cut by the ends.
fn today(state: TimelineState, axis: &AxisLayout, track: f64) -> impl IntoView {
    axis.today.map(|p| {
        let width = text_width(state.t.today, TICK_FONT) + 8.0;
        let left = centred_within(p * track, width, track);
        view! {
            <span class="today" style=pos(p)></span>
            <span
                class="today-label"
                style:left=percent(left / track)
                style:width=fixed(width, 1) + "px"
            >
                {state.t.today}
            </span>
        }
    })
}

/// Dots sit at their marks; labels may be moved apart, so a leader line
/// joins each label to its dot, below or above the axis.
fn leaders(axis: &AxisLayout, first: usize) -> impl IntoView {
    axis.placements
        .iter()
        .enumerate()
        .map(|(n, place)| {
            view! {
                <line
                    x1=fixed(place.marker * 1000.0, 2)
                    y1="50"
                    x2=fixed(place.label * 1000.0, 2)
                    y2=if label_below(first + n) { "100" } else { "0" }
                    vector-effect="non-scaling-stroke"
                />
            }
        })
        .collect_view()
}

/// The dots; a click on one selects its event.
fn dots(state: TimelineState, placed: &Placed, is_selected: Selector<usize>) -> impl IntoView {
    placed
        .iter()
        .map(|&((i, entry), place)| {
            let is_selected = is_selected.clone();
            view! {
                <span
                    class="dot"
                    class:expected=entry.event.status == Status::Expected
                    class:selected=move || is_selected.selected(&i)
                    style=pos(place.marker)
                    on:click=move |_| state.select(i)
                ></span>
            }
        })
        .collect_view()
}
