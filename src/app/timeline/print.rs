//! The print-only list: a card per event, filters or not, links spelled
//! out by the print style sheet.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::MARKERS_PER_PAGE;
use crate::app::dom::{self, listen};
use crate::model::{Lang, Timeline};
use crate::render::card::card_html_lazy;

/// Up to this many events (one page), the print-only list of every event
/// is built with the page; beyond, only when printing begins. A card costs
/// about 0.2 ms to build: 2 ms for 10 events, 20 ms for 100, 1.5 s for
/// 10,000.
const PRINT_EAGER: usize = MARKERS_PER_PAGE;

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
pub(super) fn print_list(section: NodeRef<html::Section>, timeline: Arc<Timeline>, lang: Lang) {
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
                .map(|entry| card_html_lazy(&timeline, entry, lang))
                .collect();
            section.set_inner_html(&cards);
            built.set_value(true);
        }
    };
    if eager {
        // Effects run once the page is in the document.
        dom::effect(build);
        return;
    }
    let build = std::rc::Rc::new(build);
    let on_beforeprint = build.clone();
    listen(window().into(), "beforeprint", move |_| on_beforeprint());
    if let Ok(Some(print_media)) = window().match_media("print") {
        listen(print_media.into(), "change", move |_| build());
    }
}
