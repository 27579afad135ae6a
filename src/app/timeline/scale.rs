//! The axis's drawing, hidden from assistive technology (the markers say
//! it all in words): year and month ticks, the term of lasting events, the
//! interval a month or year date may mean, today, the dots at the events'
//! dates and the leader lines from each dot to its label.

use leptos::either::Either;
use leptos::prelude::*;

use super::state::TimelineState;
use crate::model::layout::{fixed, label_below, AxisLayout};
use crate::model::{Entry, Precision, Status};

fn percent(fraction: f64) -> String {
    fixed(fraction * 100.0, 3) + "%"
}

/// A position along the axis, as the CSS custom property `--pos`.
pub(super) fn pos(fraction: f64) -> (&'static str, String) {
    ("--pos", percent(fraction))
}

/// The drawing for `shown` (pairs of an entry's index and the entry, in
/// the order of `axis.placements`), the first at position `first` in the
/// whole set; `is_selected` marks the selected dot.
pub(super) fn scale(
    state: TimelineState,
    axis: &AxisLayout,
    shown: &[(usize, &Entry)],
    first: usize,
    is_selected: Selector<usize>,
) -> impl IntoView {
    let years = axis
        .years
        .iter()
        .map(|t| view! { <span class="year-tick" style=pos(t.pos)>{t.year}</span> })
        .collect_view();
    // On an axis shorter than a year, months are named like years.
    let months = axis
        .months
        .iter()
        .map(|m| {
            if m.labelled {
                let name = m.date().written(state.lang);
                Either::Left(view! { <span class="year-tick" style=pos(m.pos)>{name}</span> })
            } else {
                Either::Right(view! { <span class="month-tick" style=pos(m.pos)></span> })
            }
        })
        .collect_view();
    let placed = || shown.iter().zip(&axis.placements);
    let terms = placed()
        .filter_map(|((_, entry), place)| {
            let end = place.end?;
            let derived = entry.event.end.as_ref().is_some_and(|e| e.derived);
            let label = if derived {
                state.t.term_derived
            } else {
                state.t.term
            };
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
    let extents = placed()
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
            <span class="today" style=pos(p)>
                <span class="today-label">{state.t.today}</span>
            </span>
        }
    });
    // Dots sit exactly at their dates; labels may be moved apart, so a
    // leader line joins each label to its dot, below or above the axis.
    let leaders = axis
        .placements
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
        .collect_view();
    let dots = placed()
        .map(|(&(i, entry), place)| {
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
        .collect_view();
    view! {
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
    }
}
