//! The shape of `public/data/timeline.json`, schema version 1, exactly as a
//! web editor writes it.
//!
//! These types accept anything well-formed; whether it makes sense (known
//! ids, real dates, English present, …) is [`super::validate`]'s job, which
//! reports every problem at once rather than stopping at the first.
//! On the host they also write the file (the TimelineJS importer,
//! `src/import/`; not in the wasm, which only reads): a field left empty or
//! unset is left out, as an editor would leave it.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::lang::Lang;
use super::media::Media;

/// The one schema version this app reads.
pub const SCHEMA_VERSION: u64 = 1;

/// A text a reader sees, by language: `{"en": "…", "zh-Hant": "…",
/// "zh-Hans": "…"}`. `en` is required; a missing language falls back to
/// English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(transparent)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    /// The text in `lang`, or in English where that language is missing.
    /// Returns the language actually used, so the page can mark it
    /// (`lang="en"`) for screen readers and fonts.
    pub fn get(&self, lang: Lang) -> (&str, Lang) {
        match self.0.get(lang.code()).filter(|t| !t.trim().is_empty()) {
            Some(text) => (text, lang),
            None => (
                self.0.get(Lang::En.code()).map_or("", String::as_str),
                Lang::En,
            ),
        }
    }

    /// The English text (required by validation).
    pub fn en(&self) -> &str {
        self.get(Lang::En).0
    }
}

/// The whole file.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct TimelineDoc {
    /// The JSON Schema that describes this file, for editors' tools:
    /// `"$schema": "timeline.schema.json"` (relative, next to the data).
    /// The app does not read it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub json_schema: Option<String>,
    pub schema_version: u64,
    pub title: Localized,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Localized>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    /// The hosts (e.g. `images.example.org`) from which events' images
    /// may come over `https:`, besides the site's own `media/`: the
    /// deployer's one setting, which the build writes into the pages'
    /// Content Security Policy (`img-src`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media_hosts: Vec<String>,
    /// For editors: where a wording comes from, what is our translation.
    /// Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: String,
    pub name: Localized,
    /// An abbreviation such as "HKUST".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Localized>,
    /// For editors: where a wording comes from, what is our translation.
    /// Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    /// In Chinese only where a source gives the Chinese name; otherwise the
    /// English name is shown in every language.
    pub name: Localized,
    /// The id of the person's organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// For editors: where a wording comes from, what is our translation.
    /// Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The title as published, in the source's own language.
    pub title: String,
    /// The language of the source, e.g. `en` or `zh-Hans`.
    pub lang: String,
    /// The title translated into the other languages (not into its own).
    /// Shown after the original, which stays as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translated_title: Option<Localized>,
    pub publisher: String,
    /// Must be an `http://` or `https://` address.
    pub url: String,
    /// Publication date at the precision known: `2024`, `2024-11` or
    /// `2024-11-12`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For editors: where a wording comes from, what is our translation.
    /// Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// What sort of moment an event is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum Kind {
    Visit,
    Delegation,
    Agreement,
    Exchange,
    /// Context around the partnership, not a joint event.
    Context,
}

impl Kind {
    /// The names in the file, in the order of the variants (and of
    /// `Kind::ALL`).
    const NAMES: [&'static str; 5] = ["visit", "delegation", "agreement", "exchange", "context"];

    pub fn code(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        unit_variant(d, "Kind", "enum Kind", &Self::NAMES).map(|i| Self::ALL[i])
    }
}

/// Whether a source says the event happened, or only that it was planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[cfg_attr(not(target_arch = "wasm32"), serde(rename_all = "snake_case"))]
pub enum Status {
    TookPlace,
    Expected,
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        unit_variant(d, "Status", "enum Status", &["took_place", "expected"])
            .map(|i| [Status::TookPlace, Status::Expected][i])
    }
}

/// An enum of unit variants read by name, as serde's derive reads one
/// (the same input accepted, the same messages), through one function for
/// [`Kind`] and [`Status`] instead of a derive's code for each: the index
/// of the variant in `variants`.
fn unit_variant<'de, D: serde::Deserializer<'de>>(
    d: D,
    name: &'static str,
    expecting: &'static str,
    variants: &'static [&'static str],
) -> Result<usize, D::Error> {
    use serde::de::{self, EnumAccess, VariantAccess};
    struct Enum(&'static str, &'static [&'static str]);
    struct Name(&'static [&'static str]);
    impl<'de> de::Visitor<'de> for Enum {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(self.0)
        }
        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
            let (i, variant) = data.variant_seed(Name(self.1))?;
            variant.unit_variant()?;
            Ok(i)
        }
    }
    impl<'de> de::DeserializeSeed<'de> for Name {
        type Value = usize;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
            d.deserialize_identifier(self)
        }
    }
    impl<'de> de::Visitor<'de> for Name {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("variant identifier")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<usize, E> {
            match usize::try_from(v) {
                Ok(i) if i < self.0.len() => Ok(i),
                _ => Err(E::invalid_value(
                    de::Unexpected::Unsigned(v),
                    &format!("variant index 0 <= i < {}", self.0.len()).as_str(),
                )),
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
            self.0
                .iter()
                .position(|n| *n == v)
                .ok_or_else(|| E::unknown_variant(v, self.0))
        }
    }
    d.deserialize_enum(name, variants, Enum(expecting, variants))
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Stable forever: people link to it (`?event=<id>`). Lower-case
    /// letters, digits and hyphens, at most 64.
    pub id: String,
    pub kind: Kind,
    /// `2024`, `2024-03` or `2024-07-21`: only as precise as the source.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<EventEnd>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Localized>,
    /// Ids of the organisations involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<String>,
    pub title: Localized,
    pub summary: Localized,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    /// Ids of the sources that state this event; at least one.
    pub sources: Vec<String>,
    /// For an expected event that came true: the id of the later event
    /// that took place. Its card links there, and its marker no longer
    /// looks pending ([`Event::pending`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<String>,
    /// Photos and videos, shown in the card ([`super::media`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<Media>,
    /// For editors: where a wording comes from, what is our translation.
    /// Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Event {
    /// Expected and not yet resolved: drawn hollow and dashed, with the
    /// "Expected" badge.
    pub fn pending(&self) -> bool {
        self.status == Status::Expected && self.resolved_by.is_none()
    }
}

/// The end of something that lasts, such as an agreement's term.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct EventEnd {
    pub date: String,
    /// True when no source gives this end and it is worked out (e.g. three
    /// years from the signing); the timeline shows it as derived.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub derived: bool,
    /// How the end was worked out, or what is known of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Localized>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// A person's id.
    pub person: String,
    /// Their position and part at this event.
    pub role: Localized,
    /// For editors: where a wording comes from, what is our translation.
    /// Never shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// Words quoted exactly as a source gives them, never translated.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// Who said it: a person's id.
    pub person: String,
    /// The language the words were given in.
    pub lang: String,
    pub text: String,
    /// The id of the source that quotes it.
    pub source: String,
}
