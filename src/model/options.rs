//! The page's options, as they stand in its URL (part of the public
//! interface: people link to them).
//!
//! | key | values | meaning |
//! |---|---|---|
//! | `event` | an event id | the selected event (`#<id>` works too, and wins) |
//! | `lang` | `en`, `zh-Hant`, `zh-Hans` | the language (else the browser's) |
//! | `theme` | `light`, `dark` | overrides the reader's colour scheme |
//! | `filter` | `kind:<kind>` and `org:<id>`, comma-separated | shows only matching events |
//! | `embed` | `1` | embed mode (also on whenever the page is framed) |
//! | `bg` | `transparent` | lets the host page's background show through |
//! | `accent` | a hex colour, `0b57a4` or `06c` | the accent colour, fitted for contrast |
//! | `data` | a relative path on the app's own origin, e.g. `bench/data-1000.json` | another data file (for benchmarks and previews) |
//!
//! Parsing works on already-decoded key/value pairs (the browser's
//! `URLSearchParams` decodes), so this stays plain Rust. Anything unknown or
//! malformed is ignored, never an error: a stale link still opens the page.

use std::collections::BTreeSet;

use super::color::Rgb;
use super::lang::Lang;
use super::schema::{Event, Kind};
use super::timeline::{Entry, Timeline};
use super::validate::is_valid_id;
use super::zoom::Zoom;

/// A forced colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        match code {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Visit,
        Kind::Delegation,
        Kind::Agreement,
        Kind::Exchange,
        Kind::Context,
    ];

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Which events to show. Empty sets mean "no restriction"; within a set any
/// value matches (visits *or* agreements), across sets all must (a visit
/// *and* involving PUMCH).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kinds: BTreeSet<Kind>,
    pub organisations: BTreeSet<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.organisations.is_empty()
    }

    pub fn matches(&self, event: &Event) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&event.kind))
            && (self.organisations.is_empty()
                || event
                    .organisations
                    .iter()
                    .any(|o| self.organisations.contains(o)))
    }

    /// The indices of the `entries` this filter shows, in order.
    pub fn shown(&self, entries: &[Entry]) -> Vec<usize> {
        entries
            .iter()
            .enumerate()
            .filter(|(_, e)| self.matches(&e.event))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn shows_kind(&self, kind: Kind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }

    pub fn shows_organisation(&self, id: &str) -> bool {
        self.organisations.is_empty() || self.organisations.contains(id)
    }

    /// True when `kind` is the only kind shown: it cannot be hidden.
    pub fn kind_locked(&self, kind: Kind) -> bool {
        self.kinds.len() == 1 && self.kinds.contains(&kind)
    }

    /// True when organisation `id` is the only one shown.
    pub fn organisation_locked(&self, id: &str) -> bool {
        self.organisations.len() == 1 && self.organisations.contains(id)
    }

    /// Shows or hides `kind`, where `present` are the kinds the data has.
    /// Showing every present kind is the same as no restriction. Hiding the
    /// last shown kind is refused: a filter always leaves something to show.
    pub fn toggle_kind(&mut self, kind: Kind, present: &[Kind]) {
        toggle(&mut self.kinds, kind, present);
    }

    /// Shows or hides events involving organisation `id`, as
    /// [`Filter::toggle_kind`] does for kinds.
    pub fn toggle_organisation(&mut self, id: &str, present: &[String]) {
        toggle(&mut self.organisations, id.to_string(), present);
    }

    /// The `filter` value: `kind:visit,org:pumch`, or `None` when empty.
    pub fn to_param(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let kinds = self.kinds.iter().map(|k| format!("kind:{}", k.code()));
        let orgs = self.organisations.iter().map(|o| format!("org:{o}"));
        Some(kinds.chain(orgs).collect::<Vec<_>>().join(","))
    }

    /// Reads a `filter` value, skipping any part it does not understand.
    pub fn from_param(value: &str) -> Filter {
        let mut filter = Filter::default();
        for part in value.split(',').map(str::trim) {
            if let Some(kind) = part.strip_prefix("kind:").and_then(Kind::from_code) {
                filter.kinds.insert(kind);
            } else if let Some(org) = part.strip_prefix("org:").filter(|o| is_valid_id(o)) {
                filter.organisations.insert(org.to_string());
            }
        }
        filter
    }
}

/// The kinds and organisations that occur in a timeline's events: what the
/// filters offer, and all a filter can usefully name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// In [`Kind::ALL`]'s order.
    pub kinds: Vec<Kind>,
    /// Organisation ids, in the data's order.
    pub organisations: Vec<String>,
}

impl Facets {
    pub fn of(timeline: &Timeline) -> Facets {
        let events = || timeline.entries.iter().map(|e| &e.event);
        Facets {
            kinds: Kind::ALL
                .into_iter()
                .filter(|k| events().any(|e| e.kind == *k))
                .collect(),
            organisations: timeline
                .doc
                .organisations
                .iter()
                .filter(|o| events().any(|e| e.organisations.contains(&o.id)))
                .map(|o| o.id.clone())
                .collect(),
        }
    }
}

impl Filter {
    /// The filter without the kinds and organisations that occur in no
    /// event (a link made before an organisation was renamed): unknown
    /// parts are ignored, so `org:gone` alone restricts nothing, and
    /// `org:gone,org:pumch` means `org:pumch`.
    pub fn known(&self, facets: &Facets) -> Filter {
        Filter {
            kinds: self
                .kinds
                .iter()
                .filter(|k| facets.kinds.contains(k))
                .copied()
                .collect(),
            organisations: self
                .organisations
                .iter()
                .filter(|o| facets.organisations.contains(o))
                .cloned()
                .collect(),
        }
    }
}

/// What a link opens: the filter it asks for (without unknown parts) and the
/// event to select. A linked event is always shown: if the filter would
/// hide it, the filter gives way to showing everything. Without a (known)
/// linked event, the first shown event is selected; `None` when the filter
/// shows nothing.
pub fn opening(
    timeline: &Timeline,
    filter: &Filter,
    event: Option<&str>,
) -> (Filter, Option<usize>) {
    let filter = filter.known(&Facets::of(timeline));
    let entries = &timeline.entries;
    if let Some(i) = event.and_then(|id| timeline.index_of(id)) {
        let filter = if filter.matches(&entries[i].event) {
            filter
        } else {
            Filter::default()
        };
        return (filter, Some(i));
    }
    let first = entries.iter().position(|e| filter.matches(&e.event));
    (filter, first)
}

fn toggle<T: Ord + Clone>(shown: &mut BTreeSet<T>, value: T, present: &[T]) {
    let mut next: BTreeSet<T> = if shown.is_empty() {
        present.iter().cloned().collect()
    } else {
        shown.clone()
    };
    if !next.remove(&value) {
        next.insert(value);
    }
    if next.is_empty() {
        return;
    }
    if present.iter().all(|p| next.contains(p)) {
        next.clear();
    }
    *shown = next;
}

/// Everything the URL can say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The requested event id (not checked against the data here).
    pub event: Option<String>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub filter: Filter,
    /// `?embed=1`: embed mode even when not framed.
    pub embed: bool,
    /// `?bg=transparent`.
    pub transparent: bool,
    /// `?accent=`: only a well-formed hex colour ever gets here.
    pub accent: Option<Rgb>,
    /// `?data=`: only a relative path on the app's own origin gets here.
    pub data: Option<String>,
    /// `?zoom=`: one of the axis's zoom levels (`1`, `1.5`, `2`, `3`, `4`,
    /// `6`, `8`); none means the default frame.
    pub zoom: Option<Zoom>,
}

/// Accepts a data path only if it is relative and stays on the app's own
/// origin: no scheme (`https:`, `javascript:`), no `//host`, no leading
/// `/` or `\\`, no `..`, no control characters; and it names a `.json` file.
pub fn data_path(value: &str) -> Option<String> {
    let ok = !value.is_empty()
        && value.len() <= 200
        && value.ends_with(".json")
        && !value.contains(':')
        && !value.starts_with('/')
        && !value.contains('\\')
        && !value.split('/').any(|part| part == ".." || part.is_empty())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    ok.then(|| value.to_string())
}

impl Options {
    /// Reads the query's pairs and the fragment (without `#`). A `#<id>`
    /// fragment wins over `?event=`: it is the later intent (an in-page
    /// link followed after the page set `?event=`).
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        fragment: &str,
    ) -> Options {
        let mut options = Options::default();
        for (key, value) in pairs {
            match key {
                "event" if is_valid_id(value) => options.event = Some(value.to_string()),
                "lang" => options.lang = Lang::from_code(value),
                "theme" => options.theme = Theme::from_code(value),
                "filter" => options.filter = Filter::from_param(value),
                "embed" => options.embed = matches!(value, "1" | "true"),
                "bg" => options.transparent = value == "transparent",
                "accent" => options.accent = Rgb::parse(value),
                "data" => options.data = data_path(value),
                "zoom" => options.zoom = Zoom::from_param(value),
                _ => {}
            }
        }
        if is_valid_id(fragment) {
            options.event = Some(fragment.to_string());
        }
        options
    }
}

#[cfg(test)]
mod tests;
