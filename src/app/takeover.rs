//! The moment the app replaces what is on screen: the build-time first
//! paint (`#static`), or its own view (the error, "Loading…" after Try
//! again). The reader keeps their place: the scroll, the card a followed
//! link showed, and the keyboard focus, which lands once, on the same
//! control or on the heading of what replaced it.
//!
//! The app's view goes in first and the first paint leaves after it
//! ([`after_drawn`]), in the same task, before the next frame. The other
//! way round, the page would for an instant be only the toolbar tall, and
//! the app, building its view, would find the first paint's axis frame
//! gone and read `window.innerWidth` instead, which under a phone's
//! `<meta name=viewport>` (Chromium's mobile emulation, real phones) makes
//! the browser lay the page out: the scroll would be clamped to the top,
//! and a phone reader at y=700, or at a linked card, put back at y=0. So
//! the app's view is built while the first paint is there (and measures
//! it), and is mounted after it (`#app` follows `#static` in
//! `index.html`): while both are in the page nothing above the reader's
//! place moves.

use wasm_bindgen::JsCast;

use leptos::prelude::document;

/// The build-time first paint (`#static`), while it is in the page.
pub fn static_view() -> Option<web_sys::Element> {
    document().get_element_by_id("static")
}

/// The build-time cards of every event (`#static`'s `.card`), kept to show
/// under a load failure: a server's bad minute must not leave readers
/// nothing. It is the build's own escaped HTML, never the data's.
pub fn saved_cards() -> Option<String> {
    let cards = static_view()?.query_selector(".card").ok()??;
    Some(cards.inner_html())
}

/// Where the keyboard focus goes once the new view is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Landing {
    /// Nothing of what is replaced had it: it stays where it is (on the
    /// host page, in the toolbar, nowhere).
    Stay,
    /// The same control in the app's toolbar (a language, Embed).
    Toolbar(String),
    /// The same control in the app's view if it has one (a marker), else
    /// the view's heading.
    Content(Option<String>),
    /// A followed marker link had shown its card (the `:target`, with the
    /// focus on the document): the app's card of that event.
    Card,
}

impl Landing {
    /// Whether the focus goes into the new view's content, which then says
    /// what it is by its heading alone: no live region repeats it.
    pub fn into_content(&self) -> bool {
        matches!(self, Landing::Content(_) | Landing::Card)
    }
}

/// Where the focus should land, read before anything is replaced: in the
/// first paint (while it is there), or in the app's own view outside its
/// toolbar (Try again, "Loading…", the timeline).
pub fn landing() -> Landing {
    let doc = document();
    let active = doc.active_element();
    let within = |root: &web_sys::Element| {
        active
            .as_ref()
            .filter(|a| root.contains(Some(a)) && *a != root)
            .cloned()
    };
    if let Some(view) = static_view() {
        let Some(a) = within(&view) else {
            let on_page = active.is_none() || active == doc.body().map(Into::into);
            let target = view.query_selector(".card > :target").ok().flatten();
            return if on_page && target.is_some() {
                Landing::Card
            } else {
                Landing::Stay
            };
        };
        if let Some(id) = a.get_attribute("data-event-id") {
            return Landing::Content(Some(format!("[data-event-id=\"{id}\"]")));
        }
        if let Some(lang) = a.get_attribute("hreflang") {
            return Landing::Toolbar(format!(".language [lang=\"{lang}\"]"));
        }
        let class = a.class_name();
        let first = class.split_whitespace().next().map(|c| format!(".{c}"));
        return match a.closest(".toolbar").ok().flatten() {
            Some(_) => first.map_or(Landing::Stay, Landing::Toolbar),
            None => Landing::Content(first),
        };
    }
    let in_view = active
        .filter(|a| a.closest("#app main").ok().flatten().is_some())
        .is_some_and(|a| a.closest(".toolbar").ok().flatten().is_none());
    if in_view {
        Landing::Content(None)
    } else {
        Landing::Stay
    }
}

/// Focuses `el` without scrolling (it is where the reader is); a heading
/// is made focusable by script first.
fn focus(el: web_sys::Element, heading: bool) {
    if heading {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

fn app_element(selector: &str) -> Option<web_sys::Element> {
    document()
        .query_selector(&format!("#app {selector}"))
        .ok()
        .flatten()
}

/// The heading of what the app shows: the error, "Loading…", the timeline.
const HEADING: &str = ":is(.load-error h1, p.status, .timeline-header h1)";

/// Once the app's new view is in the page: the first paint leaves, and
/// the focus lands where [`landing`] said.
pub fn after_drawn(landing: Landing) {
    if let Some(view) = static_view() {
        view.remove();
    }
    // A card's heading, like the view's, takes the focus from script only.
    let card = landing == Landing::Card;
    let control = match landing {
        Landing::Stay => return,
        Landing::Toolbar(selector) => app_element(&format!(".toolbar {selector}")),
        Landing::Content(selector) => selector.and_then(|s| app_element(&s)),
        Landing::Card => app_element(".detail .card h2"),
    };
    match control {
        Some(el) => focus(el, card),
        None => {
            if let Some(heading) = app_element(HEADING) {
                focus(heading, true);
            }
        }
    }
}
