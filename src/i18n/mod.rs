//! Every interface string, in every language, in one typed table.
//!
//! [`Texts`] has one field per string; each language is a `const` of it, so
//! a missing translation is a compile error, not a blank on screen. Strings
//! with values in them are functions. Content (titles, summaries, names)
//! comes from the data, not from here.
//!
//! Adding a language: add a [`Lang`] variant (code, date locale), a `const`
//! of [`Texts`] below, and its arm in [`texts`]; the compiler lists every
//! place that still needs it.

use crate::model::{Kind, Lang};

mod en;
mod zh_hans;
mod zh_hant;

use en::EN;
use zh_hans::ZH_HANS;
use zh_hant::ZH_HANT;

/// The document's title: the selected event's title, then the timeline's,
/// so a shared `?event=` link and a browser tab name what is on screen.
pub fn page_title(timeline_title: &str, event_title: Option<&str>) -> String {
    match event_title {
        Some(event) => format!("{event} – {timeline_title}"),
        None => timeline_title.to_string(),
    }
}

/// The interface's words in one language.
pub struct Texts {
    /// The language's own name, for the switcher.
    pub language_name: &'static str,
    pub language_label: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    /// The page's name, for the document title when the data (which holds
    /// the real title) could not be loaded: the shipped data's title (a
    /// test keeps them the same).
    pub app_title: &'static str,
    /// After the first problems of a long list: how many more there are,
    /// and where to see them all.
    pub more_problems: fn(usize) -> String,
    /// Above the first paint's cards, kept under a load failure.
    pub saved_list: &'static str,
    /// In the first paint, shown only without JavaScript (or when the
    /// WebAssembly fails to start): what needs them.
    pub static_note: &'static str,
    pub network_failed: &'static str,
    pub timed_out: &'static str,
    pub too_large: fn(usize, usize) -> String,
    pub not_utf8: fn(usize) -> String,
    pub not_found: &'static str,
    pub server_error: fn(u16) -> String,
    pub data_invalid: &'static str,
    /// The data file's first problem of form: its line, column, and where
    /// it is ([`at_path`]) with serde's words for it (in English).
    pub data_syntax: fn(usize, usize, &str) -> String,
    /// Before a problem's path when it is in an event: the event numbered
    /// from one ("the 5th event, " before `events[4].date`).
    pub event_at: fn(usize) -> String,
    pub schema_version: fn(Option<u64>, u64) -> String,
    pub timeline_nav: &'static str,
    pub selected_event: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub position: fn(usize, usize) -> String,
    pub events_shown: fn(usize) -> String,
    /// The markers on the axis when it shows a page of them: first, last, all.
    pub page_range: fn(usize, usize, usize) -> String,
    pub earlier_events: &'static str,
    pub later_events: &'static str,
    /// The one-line announcement of a new selection.
    pub announce: fn(&str, &str) -> String,
    /// After a filter change moved the selection: the count, then the
    /// event now selected (`announce`'s line).
    pub filter_moved_selection: fn(&str, &str) -> String,
    /// Why the last shown kind, or organisation, cannot be unticked.
    pub kind_locked: &'static str,
    pub organisation_locked: &'static str,
    /// Shown while the keyboard is among the markers.
    pub keys_hint: &'static str,
    pub expected: &'static str,
    pub expected_detail: &'static str,
    /// On the card of an expected event that came true, before the title
    /// and date of the event that resolved it (a link to it).
    pub resolved_by: &'static str,
    /// Joins an event's title and its date: "Agreement signed, July 2024".
    pub title_date_separator: &'static str,
    pub derived: &'static str,
    pub term: &'static str,
    pub term_derived: &'static str,
    pub today: &'static str,
    /// The end of a lasting event, at the end of its band: its date.
    pub term_ends: fn(&str) -> String,
    pub term_ends_derived: fn(&str) -> String,
    /// The axis's zoom controls, their keys, and what a zoom says.
    pub zoom_controls: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_fit: &'static str,
    pub zoom_hint: &'static str,
    /// After a zoom: the new level (e.g. "2") in frame widths.
    pub zoom_level: fn(&str) -> String,
    pub zoom_fitted: &'static str,
    /// The axis's frame where it scrolls (a wide screen, zoomed in): its
    /// name, which says what its keys do (also shown under it while it has
    /// the focus).
    pub axis_scroll: &'static str,
    /// The legend of the axis's marks.
    pub legend: &'static str,
    pub legend_took_place: &'static str,
    pub legend_expected: &'static str,
    pub legend_interval: &'static str,
    pub legend_term: &'static str,
    pub legend_today: &'static str,
    pub people: &'static str,
    pub sources: &'static str,
    /// Joins a name and a role: "Prof. X, President".
    pub name_role_separator: &'static str,
    /// The label over a quotation given in another language than the
    /// reader's (its BCP 47 tag): quotations are never translated.
    pub quote_original: fn(&str) -> &'static str,
    pub filter_kinds: &'static str,
    pub filter_organisations: &'static str,
    pub kind_visit: &'static str,
    pub kind_delegation: &'static str,
    pub kind_agreement: &'static str,
    pub kind_exchange: &'static str,
    pub kind_context: &'static str,
    pub no_match: &'static str,
    pub show_all: &'static str,
    pub embed_button: &'static str,
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    pub embed_with_event: &'static str,
    pub embed_code: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub close: &'static str,
    /// A translated title, after the original one.
    pub translated_title: fn(&str) -> String,
    /// Before a video's title, on the button that loads its player.
    pub play_video: &'static str,
    /// Before a video's title, on the link to it (without JavaScript, in
    /// print).
    pub video_link: &'static str,
}

impl Texts {
    pub fn kind(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Visit => self.kind_visit,
            Kind::Delegation => self.kind_delegation,
            Kind::Agreement => self.kind_agreement,
            Kind::Exchange => self.kind_exchange,
            Kind::Context => self.kind_context,
        }
    }
}

pub(crate) use crate::model::lang::grouped;

/// A problem's place in the words of `t`: the event numbered from one, then
/// the path ("the 5th event, events[4].date"); the path alone outside the
/// events.
pub fn at_path(t: &Texts, path: &str) -> String {
    match crate::model::locate::event_index(path) {
        Some(i) => format!("{}{path}", (t.event_at)(i + 1)),
        None => path.to_string(),
    }
}

/// Where a problem is, in the data check's (English) words: "in the 5th
/// event, events[4].date", "at sources[0].url", "at the top level". The
/// check and the importer both report places this way.
pub fn problem_place(path: &str) -> String {
    match path {
        "" => "at the top level".to_string(),
        path if crate::model::locate::event_index(path).is_some() => {
            format!("in {}", at_path(texts(Lang::En), path))
        }
        path => format!("at {path}"),
    }
}

/// An English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 1,001st.
pub(crate) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{}{suffix}", grouped(n))
}

/// The interface's words in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::ZhHant => &ZH_HANT,
        Lang::ZhHans => &ZH_HANS,
    }
}

#[cfg(test)]
mod tests;
