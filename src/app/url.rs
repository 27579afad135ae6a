//! The page URL: reading [`Options`] from it and writing the selection and
//! filter back with `history.replaceState`, so every state can be linked to
//! and survives a reload. The parsing rules are [`crate::model::options`]'s.

use std::cell::RefCell;

use web_sys::UrlSearchParams;

use crate::model::{Filter, Lang, Options, Theme};

const KEYS: [&str; 9] = [
    "event", "lang", "theme", "filter", "embed", "bg", "accent", "data", "zoom",
];

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

thread_local! {
    /// Where `history.replaceState` throws (a frame sandboxed without
    /// `allow-same-origin` has an opaque origin): the query and fragment the
    /// URL would now have, and the fragment it really had then.
    static UNWRITTEN: RefCell<Option<(String, String, String)>> = const { RefCell::new(None) };
}

/// The URL's query and fragment (`?…`, `#…`): the real ones, or those
/// `replaceState` could not write, until a link changes the fragment.
fn search_and_hash(location: &web_sys::Location) -> (String, String) {
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    UNWRITTEN.with_borrow(|unwritten| match unwritten {
        Some((s, h, real)) if *real == hash => (s.clone(), h.clone()),
        Some((s, _, _)) => (s.clone(), hash),
        None => (search, hash),
    })
}

/// The options the current URL asks for.
pub fn read() -> Options {
    let Some(location) = location() else {
        return Options::default();
    };
    let (search, hash) = search_and_hash(&location);
    let params = UrlSearchParams::new_with_str(&search).ok();
    let values: Vec<(&str, String)> = KEYS
        .iter()
        .filter_map(|&key| Some((key, params.as_ref()?.get(key)?)))
        .collect();
    Options::parse(
        values.iter().map(|(k, v)| (*k, v.as_str())),
        hash.strip_prefix('#').unwrap_or(&hash),
    )
}

/// Rewrites the query with `edit`, keeping every other parameter, with
/// `history.replaceState` (no new history entry). A `#<id>` fragment gives
/// way, since the query now says what is selected.
fn replace_query(edit: impl FnOnce(&UrlSearchParams)) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (search, hash) = search_and_hash(&location);
    let Ok(params) = UrlSearchParams::new_with_str(&search) else {
        return;
    };
    edit(&params);
    let keep_hash = hash.strip_prefix('#').is_some_and(|fragment| {
        !fragment.is_empty() && Options::parse([], fragment).event.is_none()
    });
    let search = format!("?{}", String::from(params.to_string()));
    let kept = if keep_hash {
        hash.clone()
    } else {
        String::new()
    };
    let url = format!("{}{search}{kept}", location.pathname().unwrap_or_default());
    let written = window
        .history()
        .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)));
    let real = location.hash().unwrap_or_default();
    UNWRITTEN.set(written.is_err().then_some((search, kept, real)));
}

/// Puts the event a host page asked for into the URL.
pub fn write_event(event: &str) {
    replace_query(|params| params.set("event", event));
}

/// Puts the selected event and the filter into the URL.
pub fn write(event: &str, filter: &Filter) {
    replace_query(|params| {
        params.set("event", event);
        match filter.to_param() {
            Some(value) => params.set("filter", &value),
            None => params.delete("filter"),
        }
    });
}

/// Puts the axis's zoom level into the URL (`?zoom=`).
pub fn write_zoom(zoom: &str) {
    replace_query(|params| params.set("zoom", zoom));
}

/// Puts the chosen language into the URL.
pub fn write_lang(lang: Lang) {
    replace_query(|params| params.set("lang", lang.code()));
}

/// The reader's language: `?lang=`, else the browser's languages, else
/// English.
pub fn reader_lang() -> Lang {
    read().lang.unwrap_or_else(|| {
        let preferred: Vec<String> = web_sys::window()
            .map(|w| {
                w.navigator()
                    .languages()
                    .iter()
                    .filter_map(|l| l.as_string())
                    .collect()
            })
            .unwrap_or_default();
        Lang::negotiate(&preferred)
    })
}

/// Sets `<html lang>`, so screen readers and fonts follow.
pub fn apply_lang(lang: Lang) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Sets the document's title.
pub fn apply_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Applies `?theme=` to `<html data-theme>`, which the stylesheet reads.
pub fn apply_theme(theme: Option<Theme>) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = match theme {
            Some(theme) => root.set_attribute("data-theme", theme.code()),
            None => root.remove_attribute("data-theme"),
        };
    }
}
