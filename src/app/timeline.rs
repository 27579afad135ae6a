//! The timeline itself: a time axis of event markers and the detail card of
//! the selected event. All arithmetic comes from [`crate::model`]; this file
//! only turns it into elements.
//!
//! One component tree serves both layouts: CSS draws the markers along a
//! proportional horizontal axis on wide screens and as a vertical list on
//! narrow ones.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::intl::{format_date, today};
use crate::model::layout::{layout, AxisLayout};
use crate::model::{Entry, Lang, Localized, Precision, Status, Timeline};

/// The least distance between neighbouring labels, as a share of the axis.
/// Labels alternate below and above the axis, so labels on one side are
/// twice this apart (the CSS makes a label at most that wide).
const LABEL_GAP: f64 = 0.1;

fn percent(fraction: f64) -> String {
    format!("{:.3}%", fraction * 100.0)
}

/// A localized text with the `lang` it is actually in (English where the
/// reader's language is missing), for the element's `lang` attribute.
fn text(t: &Localized, lang: Lang) -> (String, &'static str) {
    let (s, used) = t.get(lang);
    (s.to_string(), used.code())
}

/// The whole timeline for already-loaded data.
#[component]
pub fn TimelineView(
    /// Validated data, in date order.
    timeline: Arc<Timeline>,
    /// The reader's language.
    #[prop(optional)]
    lang: Lang,
) -> impl IntoView {
    let count = timeline.entries.len();
    let selected = RwSignal::new(0usize);
    // A short line for screen readers on every change of selection.
    let announcement = RwSignal::new(String::new());
    let select = {
        let timeline = timeline.clone();
        move |i: usize| {
            if let Some(entry) = timeline.entries.get(i) {
                selected.set(i);
                let (title, _) = entry.event.title.get(lang);
                announcement.set(format!("{}, {}", title, format_date(entry.start, lang)));
            }
        }
    };
    let axis = layout(&timeline.entries, Some(today()), LABEL_GAP);
    let (title, title_lang) = text(&timeline.doc.title, lang);
    let subtitle = timeline.doc.subtitle.as_ref().map(|s| text(s, lang));

    let detail = {
        let timeline = timeline.clone();
        move || {
            let i = selected.get();
            timeline
                .entries
                .get(i)
                .map(|entry| event_detail(&timeline, entry, lang))
        }
    };
    let go_prev = select.clone();
    let go_next = select.clone();

    view! {
        <header class="timeline-header">
            <h1 lang=title_lang>{title}</h1>
            {subtitle.map(|(s, l)| view! { <p class="subtitle" lang=l>{s}</p> })}
        </header>
        <nav class="axis-nav" aria-label="Events">
            <Axis timeline=timeline.clone() axis lang selected select />
        </nav>
        <section class="detail" aria-live="off">
            {detail}
            <div class="pager">
                <button
                    type="button"
                    class="prev"
                    disabled=move || selected.get() == 0
                    on:click=move |_| go_prev(selected.get_untracked().saturating_sub(1))
                >
                    <span aria-hidden="true">"← "</span>
                    "Previous"
                </button>
                <span class="position">{move || format!("{} of {}", selected.get() + 1, count)}</span>
                <button
                    type="button"
                    class="next"
                    disabled=move || { selected.get() + 1 >= count }
                    on:click=move |_| go_next(selected.get_untracked() + 1)
                >
                    "Next"
                    <span aria-hidden="true">" →"</span>
                </button>
            </div>
        </section>
        <p class="visually-hidden" aria-live="polite" aria-atomic="true">
            {move || announcement.get()}
        </p>
    }
}

/// The axis: year and month ticks, the term of lasting events, today, and
/// one marker per event.
#[component]
fn Axis(
    timeline: Arc<Timeline>,
    axis: AxisLayout,
    lang: Lang,
    /// The index of the selected event.
    selected: RwSignal<usize>,
    /// Selects the event at an index.
    select: impl Fn(usize) + Clone + 'static,
) -> impl IntoView {
    let years = axis
        .years
        .iter()
        .map(|t| view! { <span class="year-tick" style=("--pos", percent(t.pos))>{t.year}</span> })
        .collect_view();
    let months = axis
        .months
        .iter()
        .map(|&p| view! { <span class="month-tick" style=("--pos", percent(p))></span> })
        .collect_view();
    let terms = timeline
        .entries
        .iter()
        .zip(&axis.placements)
        .filter_map(|(entry, place)| {
            let end = place.end?;
            let derived = entry.event.end.as_ref().is_some_and(|e| e.derived);
            let label = if derived {
                "Term (end derived)"
            } else {
                "Term"
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
    let extents = timeline
        .entries
        .iter()
        .zip(&axis.placements)
        .filter(|(entry, _)| entry.start.precision() != Precision::Day)
        .map(|(entry, place)| {
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
                <span class="today-label">"Today"</span>
            </span>
        }
    });
    // Dots sit exactly at their dates; labels may be moved apart, so a
    // leader line joins each label to its dot.
    let dots = axis
        .placements
        .iter()
        .zip(&timeline.entries)
        .enumerate()
        .map(|(i, (place, entry))| {
            let select = select.clone();
            let expected = entry.event.status == Status::Expected;
            view! {
                <span
                    class="dot"
                    class:expected=expected
                    class:selected=move || selected.get() == i
                    style=("--pos", percent(place.marker))
                    on:click=move |_| select(i)
                ></span>
            }
        })
        .collect_view();
    let leaders = axis
        .placements
        .iter()
        .enumerate()
        .map(|(i, place)| {
            // Even labels hang below the axis, odd ones stand above it.
            let y2 = if i % 2 == 0 { "100" } else { "0" };
            view! {
                <line
                    x1=format!("{:.2}", place.marker * 1000.0)
                    y1="50"
                    x2=format!("{:.2}", place.label * 1000.0)
                    y2=y2
                    vector-effect="non-scaling-stroke"
                />
            }
        })
        .collect_view();
    let markers = timeline
        .entries
        .iter()
        .zip(&axis.placements)
        .enumerate()
        .map(|(i, (entry, place))| {
            let select = select.clone();
            let (title, title_lang) = text(&entry.event.title, lang);
            let expected = entry.event.status == Status::Expected;
            let class = format!(
                "marker kind-{}{}{}",
                entry.event.kind.code(),
                if expected { " expected" } else { "" },
                if i % 2 == 1 { " alt" } else { "" },
            );
            view! {
                <li class=class style=("--pos", percent(place.label))>
                    <button
                        type="button"
                        class="marker-button"
                        data-event-id=entry.event.id.clone()
                        aria-current=move || (selected.get() == i).then_some("true")
                        on:click=move |_| select(i)
                    >
                        <time datetime=entry.start.iso()>{format_date(entry.start, lang)}</time>
                        {expected.then(|| view! { <span class="badge">"Expected"</span> })}
                        <span class="marker-title" lang=title_lang>{title}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="axis">
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
            <ol class="markers">{markers}</ol>
        </div>
    }
}

/// The detail card of one event.
fn event_detail(timeline: &Timeline, entry: &Entry, lang: Lang) -> impl IntoView {
    let event = &entry.event;
    let (title, title_lang) = text(&event.title, lang);
    let (summary, summary_lang) = text(&event.summary, lang);
    let place = event.place.as_ref().map(|p| text(p, lang));
    let expected = event.status == Status::Expected;
    let derived = event.end.as_ref().is_some_and(|e| e.derived);
    let end = entry.end.map(|end| {
        view! {
            <span class="end">
                " – "
                <time datetime=end.iso()>{format_date(end, lang)}</time>
                {derived.then_some(" (derived)")}
            </span>
        }
    });
    let end_note = event
        .end
        .as_ref()
        .and_then(|e| e.note.as_ref())
        .map(|n| text(n, lang))
        .map(|(n, l)| view! { <p class="end-note" lang=l>{n}</p> });
    let groups = timeline
        .participants_by_organisation(event)
        .into_iter()
        .map(|group| {
            let heading = group.organisation.map(|o| text(&o.name, lang));
            let members = group
                .members
                .into_iter()
                .map(|(person, participant)| {
                    let (name, name_lang) = text(&person.name, lang);
                    let (role, role_lang) = text(&participant.role, lang);
                    view! {
                        <li>
                            <span class="person" lang=name_lang>{name}</span>
                            ", "
                            <span class="role" lang=role_lang>{role}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="org-group">
                    {heading.map(|(h, l)| view! { <h4 lang=l>{h}</h4> })}
                    <ul>{members}</ul>
                </div>
            }
        })
        .collect_view();
    let has_people = !event.participants.is_empty();
    let quotes = event
        .quotes
        .iter()
        .map(|q| {
            let who = timeline.person(&q.person).map(|p| text(&p.name, lang));
            view! {
                <figure class="quote">
                    <blockquote lang=q.lang.clone()>
                        <p>{q.text.clone()}</p>
                    </blockquote>
                    {who.map(|(name, l)| view! { <figcaption>"— " <span lang=l>{name}</span></figcaption> })}
                </figure>
            }
        })
        .collect_view();
    let sources = event
        .sources
        .iter()
        .filter_map(|id| timeline.source(id))
        .map(|s| {
            let date = s
                .date
                .as_deref()
                .and_then(|d| crate::model::PartialDate::parse(d).ok())
                .map(|d| format!(", {}", format_date(d, lang)));
            view! {
                <li>
                    <a href=s.url.clone() target="_blank" rel="noopener noreferrer" lang=s.lang.clone()>
                        {s.title.clone()}
                    </a>
                    <span class="publisher">" — " {s.publisher.clone()} {date}</span>
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="event-card" class:expected=expected data-event-id=event.id.clone()>
            <h2 lang=title_lang>{title}</h2>
            <p class="meta">
                <time datetime=entry.start.iso()>{format_date(entry.start, lang)}</time>
                {end}
                {expected.then(|| view! { <span class="badge">"Expected — not confirmed"</span> })}
                {place.map(|(p, l)| view! { <span class="place" lang=l>{p}</span> })}
            </p>
            {end_note}
            <p class="summary" lang=summary_lang>{summary}</p>
            {has_people.then(|| view! { <h3>"People"</h3> <div class="people">{groups}</div> })}
            {(!event.quotes.is_empty()).then(|| view! { <div class="quotes">{quotes}</div> })}
            <h3>"Sources"</h3>
            <ul class="sources">{sources}</ul>
        </article>
    }
}
