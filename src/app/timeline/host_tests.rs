//! The components rendered to HTML on the host (Leptos's `ssr`), as the
//! build-time first paint renders them: the first paint and the app's view
//! of the same state have the same structure, element by element.

use leptos::prelude::*;

use super::axis::{Axis, PageBar};
use super::axis_tools::{axis_tools, MarksKey};
use super::detail::Detail;
use super::filters::Filters;
use super::state::TimelineState;
use super::zoom::ZoomState;
use super::{header, keys_hint};
use crate::app::embed::embed_button;
use crate::app::first_paint::{default_state, first_paint, html_of, in_owner};
use crate::app::toolbar;
use crate::model::date::days_from_civil;
use crate::model::nav::MARKERS_PER_PAGE;
use crate::model::{load, Lang, Timeline};
use crate::render::drawing::{draw, WIDEST_FRAME};

fn shipped() -> Timeline {
    load(include_str!("../../../public/data/timeline.json")).unwrap()
}

/// Each element's tag and classes, in document order: `div.filters`.
fn structure(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .filter(|tag| !tag.starts_with('/') && !tag.starts_with('!'))
        .map(|tag| {
            let end = tag.find(['>', ' ']).unwrap_or(tag.len());
            let classes = tag
                .split_once("class=\"")
                .and_then(|(_, rest)| rest.split_once('"'))
                .map_or("", |(classes, _)| classes);
            let mut element = tag[..end].to_string();
            for class in classes.split_whitespace() {
                element.push('.');
                element.push_str(class);
            }
            element
        })
        .collect()
}

/// `view` of the default view's state, as HTML: as the app draws it
/// (`before_app` false) or as the first paint does.
fn rendered<V: RenderHtml>(
    timeline: &Timeline,
    lang: Lang,
    before_app: bool,
    view: impl FnOnce(TimelineState) -> V,
) -> String {
    in_owner(|| html_of(view(default_state(timeline, lang, before_app))))
}

/// The controls (toolbar, filters, page bar, zoom bar and key) of the
/// default view, as the app draws them (`before_app` false) or as the
/// first paint does.
fn controls(timeline: &Timeline, lang: Lang, before_app: bool) -> String {
    rendered(timeline, lang, before_app, |state| {
        let zoom = ZoomState::for_frame(None, false, WIDEST_FRAME, true);
        view! {
            {toolbar(RwSignal::new(lang), before_app, embed_button(state.t, before_app, |_| {}))}
            <Filters state />
            <PageBar state />
            {axis_tools(state, zoom)}
        }
    })
}

/// The header, the keys hint and the detail section of the default view,
/// as the app draws them or as the first paint does, each card's content
/// left out (the first paint holds every card).
fn around_the_axis(timeline: &Timeline, lang: Lang, before_app: bool) -> String {
    let html = rendered(timeline, lang, before_app, |state| {
        view! {
            {header(timeline, lang)}
            {keys_hint(state.t)}
            <Detail state />
        }
    });
    let cards = html.find("<div class=\"card\">").unwrap() + "<div class=\"card\">".len();
    let pager = html[..html.find("class=\"pager\"").unwrap()]
        .rfind("<div")
        .unwrap();
    format!("{}</div>{}", &html[..cards], &html[pager..])
}

#[test]
fn the_first_paint_draws_header_hint_and_card_as_the_app_does() {
    let timeline = shipped();
    for lang in Lang::ALL {
        let app = around_the_axis(&timeline, lang, false);
        let before = around_the_axis(&timeline, lang, true);
        assert_eq!(structure(&app), structure(&before), "{app}\n{before}");
        // Previous/Next wait for the app.
        assert_eq!(before.matches(" inert").count(), 1, "{before}");
        assert!(!app.contains("inert"));
        let paint = first_paint(&timeline, lang, days_from_civil(2026, 11, 29)).html;
        assert_eq!(paint.matches("<article ").count(), timeline.entries.len());
        let tree = structure(&before);
        let paint = structure(&paint);
        // The header, the hint (apart in the page: the axis is between),
        // the detail section and its card, the pager.
        let hint = tree.iter().position(|e| e == "p.keys-hint").unwrap();
        let detail = tree.iter().position(|e| e == "section.detail").unwrap();
        for part in [
            &tree[..hint],
            &tree[hint..detail],
            &tree[detail..detail + 2],
            &tree[detail + 2..],
        ] {
            assert!(paint.windows(part.len()).any(|w| w == part), "{part:?}");
        }
    }
}

#[test]
fn the_marks_key_renders_to_html_on_the_host() {
    let html = rendered(
        &shipped(),
        Lang::En,
        false,
        |state| view! { <MarksKey state /> },
    );
    assert!(html.starts_with("<div class=\"legend\"><p class=\"legend-title\">Key</p><ul><li>"));
    assert_eq!(html.matches("class=\"swatch ").count(), 5, "{html}");
}

#[test]
fn the_first_paint_draws_the_controls_as_the_app_does_but_inert() {
    let timeline = shipped();
    for lang in Lang::ALL {
        let app = controls(&timeline, lang, false);
        let before = controls(&timeline, lang, true);
        let (app_tree, before_tree) = (structure(&app), structure(&before));
        assert_eq!(app_tree.len(), before_tree.len(), "{app}\n{before}");
        // Element by element the same, but for the languages: links to
        // each language's page before the app, buttons in it.
        let differ: Vec<_> = app_tree
            .iter()
            .zip(&before_tree)
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(differ, [(&"button".to_string(), &"a".to_string()); 3]);
        // What needs the app waits for it: the Embed button, the filters,
        // Earlier/Later and the zoom bar.
        assert_eq!(before.matches(" inert").count(), 5, "{before}");
        assert!(!app.contains("inert"), "{app}");
        // Every box is ticked (the app sets the property, which is no
        // markup).
        assert_eq!(
            before.matches(" checked").count(),
            before.matches("type=\"checkbox\"").count()
        );
        // And that is what the first paint holds (but the page bar: the
        // shipped events fit on one page).
        let paint = structure(&first_paint(&timeline, lang, days_from_civil(2026, 11, 29)).html);
        let page_bar = before_tree
            .iter()
            .position(|e| e == "div.page-bar")
            .unwrap();
        let axis_tools = before_tree
            .iter()
            .position(|e| e == "div.axis-tools")
            .unwrap();
        let toolbar = before_tree.iter().position(|e| e == "div.filters").unwrap();
        for part in [
            &before_tree[..toolbar],
            &before_tree[toolbar..page_bar],
            &before_tree[axis_tools..],
        ] {
            assert!(paint.windows(part.len()).any(|w| w == part), "{part:?}");
        }
    }
}

/// The axis of the default view as the app draws it: the first page at the
/// widest frame.
fn app_axis(timeline: &Timeline, lang: Lang) -> Vec<String> {
    structure(&rendered(timeline, lang, false, |state| {
        let (total, drawing) = untrack(|| {
            state.with_page(days_from_civil(2026, 11, 29), |page| {
                (page.total, draw(page, WIDEST_FRAME, None))
            })
        });
        view! { <Axis state total drawing /> }
    }))
}

/// The first paint's structure, less its classes of position (`q<n>`).
fn paint_structure(timeline: &Timeline, lang: Lang) -> Vec<String> {
    structure(&first_paint(timeline, lang, days_from_civil(2026, 11, 29)).html)
        .iter()
        .map(|e| {
            e.split('.')
                .filter(|c| !(c.starts_with('q') && c[1..].parse::<u32>().is_ok()))
                .collect::<Vec<_>>()
                .join(".")
        })
        .collect()
}

#[test]
fn the_first_paint_draws_the_axis_as_the_app_does_but_with_links() {
    let timeline = shipped();
    for lang in Lang::ALL {
        let app = app_axis(&timeline, lang);
        // The scale: its ticks and their names, terms and their names,
        // bars, today, leaders and dots.
        for drawn in [
            "span.year-tick",
            "span.tick-label",
            "span.term",
            "span.term-derived",
            "span.term-label",
            "span.extent",
            "span.today-label",
            "svg.leader",
            "span.dot.selected",
            "ol.markers",
        ] {
            assert!(app.iter().any(|e| e.starts_with(drawn)), "{drawn}: {app:?}");
        }
        let paint = paint_structure(&timeline, lang);
        let axis = paint.iter().position(|e| e == "div.axis").unwrap();
        let tools = paint.iter().position(|e| e == "div.axis-tools").unwrap();
        let paint = &paint[axis..tools];
        assert_eq!(app.len(), paint.len(), "{app:?}\n{paint:?}");
        // Element by element the same, but for the buttons: links to their
        // cards before the app, the first looking selected.
        let differ: Vec<_> = app
            .iter()
            .zip(paint)
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let mut links = vec![("button.marker-button", "a.marker-button"); shown_count(&timeline)];
        links[0].1 = "a.marker-button.selected";
        assert_eq!(differ, links);
    }
}

fn shown_count(timeline: &Timeline) -> usize {
    timeline.entries.len().min(MARKERS_PER_PAGE)
}
