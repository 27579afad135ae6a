//! From TimelineJS slides ([`super::slides`]) to our data: the headline
//! becomes the title, the text the summary (plain text, its links sources),
//! the dates keep their precision, a group that names a kind or a known
//! organisation becomes that; everything else is kept in the event's notes
//! for editors and listed as a notice. What TimelineJS does not say (kind,
//! status) gets the default that claims least, and a notice to check it.

use super::html::to_text;
use super::ids::{slug, Ids};
use super::slides::{Slide, Source, TlDate};
use super::sources::Sources;
use super::Options;
use crate::i18n::texts;
use crate::model::date::PartialDate;
use crate::model::schema::{Event, EventEnd, Kind, Localized, Organisation, Status, TimelineDoc};
use crate::model::{Lang, SCHEMA_VERSION};

/// The kind an event gets when its group names none: context claims least
/// (it says nothing of who met or what was signed).
pub const DEFAULT_KIND: Kind = Kind::Context;
/// The status every event gets: "expected", shown as not confirmed, since
/// TimelineJS does not say whether a source confirms it.
pub const DEFAULT_STATUS: Status = Status::Expected;

const KINDS: [Kind; 5] = [
    Kind::Visit,
    Kind::Delegation,
    Kind::Agreement,
    Kind::Exchange,
    Kind::Context,
];

/// Our data, and what the editor must know about it.
pub struct Converted {
    pub doc: TimelineDoc,
    /// One line each: what was not carried over, what to check.
    pub notices: Vec<String>,
}

/// What a group names.
enum Group {
    Kind(Kind),
    Organisation(String),
}

/// The kind or organisation a TimelineJS group names: a kind's code
/// (`visit`, `visits`) or its name in any of our languages (`Visits`,
/// `訪問`), or an organisation's id, name or short name. Case is ignored.
fn group(name: &str, organisations: &[Organisation]) -> Option<Group> {
    let wanted = name.trim().to_lowercase();
    let is = |candidate: &str| candidate.trim().to_lowercase() == wanted;
    for kind in KINDS {
        let code = kind.code();
        if is(code) || is(&format!("{code}s")) || Lang::ALL.iter().any(|&l| is(texts(l).kind(kind)))
        {
            return Some(Group::Kind(kind));
        }
    }
    organisations
        .iter()
        .find(|o| {
            is(&o.id)
                || o.name.0.values().any(|n| is(n))
                || o.short_name
                    .iter()
                    .flat_map(|s| s.0.values())
                    .any(|n| is(n))
        })
        .map(|o| Group::Organisation(o.id.clone()))
}

/// Our date at the precision TimelineJS gives (`1815`, `1815-12`,
/// `1815-12-10`), or what is wrong with it. A part that is not a number is
/// kept as written, so that the check shows it.
fn our_date(d: &TlDate, notices: &mut Vec<String>, label: &str, which: &str) -> String {
    let written = [&d.year, &d.month, &d.day]
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join("-");
    if d.year.is_empty() {
        notices.push(format!("{label}: it has no {which} year: write the date"));
        return written;
    }
    let Ok(year) = d.year.trim_start_matches('+').parse::<i64>() else {
        notices.push(format!(
            "{label}: its {which} date's year \"{}\" is not a number: write the date",
            d.year
        ));
        return written;
    };
    if !(1000..=9999).contains(&year) {
        notices.push(format!(
            "{label}: its {which} date's year {year} cannot be shown: this timeline's dates run from 1000 to 9999"
        ));
    }
    let mut date = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        year.to_string()
    };
    if d.month.is_empty() {
        if !d.day.is_empty() {
            notices.push(format!(
                "{label}: its {which} date has a day ({}) but no month: only the year is kept",
                d.day
            ));
        }
        return date;
    }
    match d.month.parse::<u32>() {
        Ok(m) => date.push_str(&format!("-{m:02}")),
        Err(_) => return written,
    }
    if !d.day.is_empty() {
        match d.day.parse::<u32>() {
            Ok(day) => date.push_str(&format!("-{day:02}")),
            Err(_) => return written,
        }
    }
    date
}

/// `s` as a text in `lang` alone.
fn in_lang(lang: Lang, s: String) -> Localized {
    Localized([(lang.code().to_string(), s)].into_iter().collect())
}

/// The events being built, with what sorts them and what names them.
struct Draft {
    event: Event,
    /// Whether the slide's group named the kind (else it is the default).
    kind_from_group: bool,
    unique_id: String,
    label: String,
    slug: String,
}

/// Converts a TimelineJS timeline.
pub fn convert(source: Source, options: &Options) -> Converted {
    let lang = options.lang;
    let text = |s: String| in_lang(lang, s);
    let mut notices = Vec::new();
    let mut sources = Sources::default();

    let (title, subtitle) = match &source.title {
        Some(slide) => {
            let label = slide.label();
            let subtitle = to_text(&slide.text);
            for link in &subtitle.links {
                notices.push(format!(
                    "{label}: not carried over: the link to {} (the title has no sources)",
                    link.href
                ));
            }
            notices.extend(leftovers(slide, &label));
            if let Some(media) = &slide.media {
                notices.push(format!(
                    "{label}: not carried over: its media (the title has none): {}",
                    media_words(media)
                ));
            }
            (
                to_text(&slide.headline).text,
                Some(subtitle.text).filter(|s| !s.is_empty()),
            )
        }
        None => (String::new(), None),
    };
    for era in &source.eras {
        notices.push(format!(
            "{}: not carried over: eras (this timeline has none)",
            era.label()
        ));
    }
    for what in &source.unread {
        notices.push(format!("not carried over: {what}"));
    }

    let mut hosts = Vec::new();
    let mut drafts: Vec<Draft> = source
        .events
        .iter()
        .map(|slide| draft(slide, options, &mut sources, &mut hosts, &mut notices))
        .collect();
    let no_kind = drafts.iter().filter(|d| !d.kind_from_group).count();
    let no_org = drafts
        .iter()
        .filter(|d| d.event.organisations.is_empty())
        .count();
    let used_orgs: Vec<String> = drafts
        .iter()
        .flat_map(|d| d.event.organisations.iter().cloned())
        .collect();
    // In date order, as TimelineJS shows them; a date that is not one last.
    drafts.sort_by_key(|d| PartialDate::parse(&d.event.date).map_or(i64::MAX, |p| p.first_day()));
    let events = name_events(drafts, &mut notices);

    let total = events.len();
    if lang != Lang::En {
        notices.push(format!(
            "check: every text is in {}, and this timeline needs English (\"en\") in each: add it next to each text (the other languages may wait)",
            lang.code()
        ));
    }
    if no_kind > 0 {
        notices.push(format!(
            "check: {no_kind} of {total} events have the kind \"{}\", the one that claims least, because their TimelineJS group names no kind: set visit, delegation, agreement or exchange where the sources say so",
            DEFAULT_KIND.code()
        ));
    }
    if total > 0 {
        notices.push(
            "check: every event has the status \"expected\" (shown as not confirmed), because TimelineJS does not say whether a source confirms it: set \"took_place\" where a source says it happened".to_string(),
        );
    }
    if no_org > 0 {
        notices.push(format!(
            "check: {no_org} of {total} events name no organisation: add the ids of the organisations involved"
        ));
    }
    if !sources.list.is_empty() {
        notices.push(format!(
            "check: {} sources come from the texts' links, with the link's text as the title and the address's host as the publisher: correct both",
            sources.list.len()
        ));
    }
    let organisations = options
        .organisations
        .iter()
        .filter(|o| used_orgs.contains(&o.id))
        .cloned()
        .collect();
    Converted {
        doc: TimelineDoc {
            json_schema: Some("timeline.schema.json".into()),
            schema_version: SCHEMA_VERSION,
            title: text(title),
            subtitle: subtitle.map(text),
            organisations,
            people: Vec::new(),
            sources: sources.list,
            events,
            media_hosts: hosts,
            notes: Some("Imported from TimelineJS with import-timelinejs: check each event's kind, status and sources, and each source's title and publisher.".into()),
        },
        notices,
    }
}

/// One event from one slide, with what it could not carry listed in
/// `notices` and kept in its notes.
fn draft(
    slide: &Slide,
    options: &Options,
    sources: &mut Sources,
    hosts: &mut Vec<String>,
    notices: &mut Vec<String>,
) -> Draft {
    let lang = options.lang;
    let text = |s: String| in_lang(lang, s);
    let label = slide.label();
    let mut notes = vec![format!("Imported from TimelineJS ({}).", slide.place)];
    let mapped = group(&slide.group, options.organisations);
    let kind_from_group = matches!(mapped, Some(Group::Kind(_)));
    let (kind, organisations) = match mapped {
        Some(Group::Kind(kind)) => (kind, Vec::new()),
        Some(Group::Organisation(id)) => (DEFAULT_KIND, vec![id]),
        None => {
            if !slide.group.is_empty() {
                notices.push(format!(
                    "{label}: not carried over: the group \"{}\", which is neither a kind nor an organisation (kept in the event's notes)",
                    slide.group
                ));
                notes.push(format!("TimelineJS group: \"{}\".", slide.group));
            }
            (DEFAULT_KIND, Vec::new())
        }
    };
    let start = slide.start.clone().unwrap_or_default();
    let date = our_date(&start, notices, &label, "start");
    let end = slide.end.as_ref().map(|end| EventEnd {
        date: our_date(end, notices, &label, "end"),
        derived: false,
        note: None,
    });
    for (what, display) in [
        ("display date", &slide.display_date),
        ("start date's display date", &start.display_date),
    ]
    .into_iter()
    .chain(
        slide
            .end
            .iter()
            .map(|e| ("end date's display date", &e.display_date)),
    )
    .filter(|(_, d)| !d.is_empty())
    {
        notices.push(format!(
            "{label}: its {what} \"{display}\" is kept in the event's notes only: this timeline writes its dates itself, at their precision"
        ));
        notes.push(format!("TimelineJS {what}: \"{display}\"."));
    }
    for (what, time) in [("start", &start.time)]
        .into_iter()
        .chain(slide.end.iter().map(|e| ("end", &e.time)))
        .filter(|(_, t)| !t.is_empty())
    {
        notices.push(format!(
            "{label}: its {what} time {time} is kept in the event's notes only: this timeline's dates stop at the day"
        ));
        notes.push(format!("TimelineJS {what} time: {time}."));
    }
    let headline = to_text(&slide.headline);
    let summary = to_text(&slide.text);
    let ids = sources.add(&headline, &summary, lang, &label, notices);
    notices.extend(leftovers(slide, &label));
    if let Some(media) = &slide.media {
        notes.push(format!("TimelineJS media: {}.", media_words(media)));
    }
    let place = super::media::Place {
        lang,
        folder: options.folder,
        label: &label,
    };
    let media = slide
        .media
        .iter()
        .filter_map(|m| super::media::carry(m, &headline.text, &place, hosts, notices))
        .collect();
    Draft {
        kind_from_group,
        slug: slug(&headline.text),
        event: Event {
            id: String::new(),
            kind,
            date,
            end,
            status: DEFAULT_STATUS,
            place: None,
            organisations,
            title: text(headline.text),
            summary: text(summary.text),
            participants: Vec::new(),
            quotes: Vec::new(),
            sources: ids,
            media,
            notes: Some(notes.join(" ")),
            resolved_by: None,
        },
        unique_id: slide.unique_id.clone(),
        label,
    }
}

/// Gives each event its id: its TimelineJS `unique_id` where that is a
/// usable id, else one made of its date and headline (`1815-12-10-ada-lovelace`).
fn name_events(drafts: Vec<Draft>, notices: &mut Vec<String>) -> Vec<Event> {
    let mut ids = Ids::default();
    let kept: Vec<bool> = drafts.iter().map(|d| ids.reserve(&d.unique_id)).collect();
    drafts
        .into_iter()
        .zip(kept)
        .map(|(mut d, kept)| {
            d.event.id = if kept {
                d.unique_id
            } else {
                let date = Some(d.event.date.as_str()).filter(|s| PartialDate::parse(s).is_ok());
                let base = [date.unwrap_or(""), &d.slug]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("-");
                let id = ids.claim(if base.is_empty() { "event" } else { &base });
                if !d.unique_id.is_empty() {
                    notices.push(format!(
                        "{}: its unique_id \"{}\" is not a usable id here (1 to 64 lower-case letters, digits and hyphens, each once): the event's id is \"{id}\"",
                        d.label, d.unique_id
                    ));
                }
                id
            };
            d.event
        })
        .collect()
}

/// A slide's media in words: its address, caption and credit.
fn media_words(media: &super::slides::Media) -> String {
    // The media may be HTML (a quotation), shown as its text.
    let mut words = match to_text(&media.url).text {
        url if url.is_empty() => "no address".to_string(),
        url => url,
    };
    for (what, value) in [("caption", &media.caption), ("credit", &media.credit)] {
        let plain = to_text(value).text;
        if !plain.is_empty() {
            words.push_str(&format!(", {what} \"{plain}\""));
        }
    }
    words
}

/// A slide's media, background, slide type and unknown fields: listed,
/// since they are not carried over.
fn leftovers(slide: &Slide, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !slide.background.is_empty() {
        out.push(format!(
            "{label}: not carried over: its background ({})",
            slide.background
        ));
    }
    if !slide.kind.is_empty() {
        out.push(format!(
            "{label}: not carried over: its slide type \"{}\"",
            slide.kind
        ));
    }
    for field in &slide.unread {
        out.push(format!("{label}: not carried over: {field}"));
    }
    out
}
