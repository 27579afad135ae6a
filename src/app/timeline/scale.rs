//! The axis's drawing, hidden from assistive technology (the markers say
//! it all in words): a thin view of [`Drawing`], which decides where every
//! tick, band, bar, dot and label goes and which names are shown (the
//! build-time first paint draws it with the same functions, once per band
//! of frame widths: `crate::app::first_paint`).

use leptos::prelude::*;

use super::state::TimelineState;
use crate::app::dom;
use crate::model::layout::fixed;
use crate::render::drawing::{percent, Drawing, Mark, Tick};

/// A position along the axis, as the CSS custom property `--pos`.
pub(super) fn pos(fraction: f64) -> (&'static str, String) {
    ("--pos", percent(fraction))
}

/// The drawing; `is_selected` marks the selected dot.
pub(super) fn scale(
    state: TimelineState,
    drawing: &Drawing,
    is_selected: Selector<usize>,
) -> impl IntoView {
    let ticks = drawing.ticks.iter().map(tick).collect_view();
    // Every name is drawn, those not shown hidden: the first paint draws
    // each band with the names of all (`crate::app::first_paint`).
    let term_labels = drawing
        .term_labels
        .iter()
        .map(|label| {
            view! {
                <span
                    class="term-label"
                    // One side is set (`left` or `right`): one style pair,
                    // the type the other positions have.
                    style=match (label.left, label.right) {
                        (Some(left), _) => ("left", percent(left)),
                        (None, right) => ("right", percent(right.unwrap_or(0.0))),
                    }
                    style:display=shown(label.shown)
                >
                    {label.name.clone()}
                </span>
            }
        })
        .collect_view();
    view! {
        <div class="axis-scale" {..dom::attr("aria-hidden", "true")}>
            {ticks}
            {terms(drawing)}
            {term_labels}
            {extents(drawing)}
            {today(drawing)}
            <span class="axis-line"></span>
            {leaders(drawing)}
            {dots(state, &drawing.marks, is_selected)}
        </div>
    }
}

/// The terms of the partnership, as bands along the axis.
fn terms(drawing: &Drawing) -> impl IntoView {
    drawing
        .terms
        .iter()
        .map(|term| {
            view! {
                <span class="term" style:left=percent(term.from) style:width=percent(term.width)>
                    {term.derived.then(|| view! { <span class="term-derived"></span> })}
                </span>
            }
        })
        .collect_view()
}

/// The events' extents, as bars along the axis.
fn extents(drawing: &Drawing) -> impl IntoView {
    drawing
        .extents
        .iter()
        .map(|e| {
            view! {
                <span
                    class="extent"
                    class:expected=e.expected
                    class:year=e.year
                    style:left=percent(e.from)
                    style:width=percent(e.width)
                ></span>
            }
        })
        .collect_view()
}

/// Today's line and its name.
fn today(drawing: &Drawing) -> impl IntoView {
    drawing.today.as_ref().map(|today| {
        view! {
            <span class="today" style=pos(today.pos)></span>
            <span
                class="today-label"
                style:left=percent(today.label_left)
                style:width=fixed(today.label_width, 1) + "px"
            >
                {today.name}
            </span>
        }
    })
}

/// A year or month tick, and its name if it has one (hidden if not shown;
/// `--flip: 1` puts it left of the tick, `style/main.css`).
fn tick(tick: &Tick) -> impl IntoView {
    let name = tick.name.clone().map(|name| {
        view! {
            <span
                class="tick-label"
                style:display=shown(tick.shown)
                style=("--flip", if tick.flip { "1" } else { "0" })
            >
                {name}
            </span>
        }
    });
    view! {
        <span class=if tick.major { "year-tick" } else { "month-tick" } style=pos(tick.pos)>
            {name}
        </span>
    }
}

/// A name's `display`: always set, shown or not, so that the first paint's
/// rule for a band where it shows overrides the rule of a band where it
/// does not (an absolutely placed `inline` box is laid out as a block).
fn shown(shown: bool) -> &'static str {
    if shown {
        "inline"
    } else {
        "none"
    }
}

/// The leader lines.
fn leaders(drawing: &Drawing) -> impl IntoView {
    drawing.marks.iter().map(leader).collect_view()
}

/// Dots sit at their marks; labels may be moved apart, so a leader line
/// joins each label to its dot, below or above the axis ([`Mark::leader`]).
fn leader(mark: &Mark) -> impl IntoView {
    let (left, width, transform) = mark.leader();
    view! {
        <svg
            class="leader"
            class:up=!mark.below
            viewBox="0 0 1 1"
            preserveAspectRatio="none"
            style:left=percent(left)
            style:width=percent(width)
            style:transform=transform
        >
            <line x1="0" y1="0" x2="1" y2="1" vector-effect="non-scaling-stroke" />
        </svg>
    }
}

/// The dots; a click on one selects its event.
fn dots(state: TimelineState, marks: &[Mark], is_selected: Selector<usize>) -> impl IntoView {
    marks
        .iter()
        .map(|mark| {
            let is_selected = is_selected.clone();
            let i = mark.index;
            view! {
                <span
                    class="dot"
                    class:expected=mark.expected
                    class:selected=move || is_selected.selected(&i)
                    style=pos(mark.dot)
                    on:click=dom::handler(move |_| state.select(i))
                ></span>
            }
        })
        .collect_view()
}
