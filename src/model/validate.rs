//! Every rule of the data, each problem with its JSON path
//! (`events[2].date`) and a sentence a web editor can act on; all problems
//! are reported at once.

use std::collections::BTreeSet;
use std::fmt;

use super::date::PartialDate;
use super::lang::Lang;
use super::schema::{Event, Localized, TimelineDoc, SCHEMA_VERSION};
use super::timeline::{Entry, Timeline, TimelineHead};
mod forms;
mod media;
mod resolved;

use forms::is_language_tag;
pub use forms::{is_valid_id, is_web_url, url_problem};

/// One thing wrong with the data, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path such as `events[2].participants[0].person`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

pub fn validate(doc: TimelineDoc) -> Result<Timeline, Vec<Problem>> {
    let mut v = Validator::default();
    v.check(&doc);
    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    // The events move into the entries: kept once, not twice.
    let (doc, events) = TimelineHead::split(doc);
    let entries = events
        .into_iter()
        .zip(v.dates)
        .map(|(event, (start, end))| Entry { event, start, end })
        .collect();
    Ok(Timeline { doc, entries })
}

/// A JSON path such as `events[2].participants[0].person`, written out
/// only when a problem is reported: checking 10,000 valid events formats
/// no path at all.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root(&'static str),
    Field(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root(name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// Each event's parsed start and end, filled when all are valid.
    dates: Vec<(PartialDate, Option<PartialDate>)>,
    /// The file's `media_hosts`: where images may come from over https.
    media_hosts: Vec<String>,
}

impl Validator {
    fn report(&mut self, path: impl fmt::Display, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn text(&mut self, path: Path, text: &Localized) {
        self.languages(path, text);
        if !text.0.contains_key(Lang::En.code()) {
            self.report(
                path,
                "the English text (\"en\") is missing: every text needs one",
            );
        }
    }

    /// Checks a text's languages and that none is empty.
    fn languages(&mut self, path: Path, text: &Localized) {
        for (code, value) in &text.0 {
            if Lang::from_code(code).is_none() {
                self.report(
                    format!("{path}.{code}"),
                    format!("unknown language \"{code}\": use \"en\", \"zh-Hant\" or \"zh-Hans\""),
                );
            } else if value.trim().is_empty() {
                self.report(
                    format!("{path}.{code}"),
                    "this text is empty: fill it in or remove it",
                );
            }
        }
    }

    fn language_tag(&mut self, path: Path, tag: &str) {
        if !is_language_tag(tag) {
            self.report(
                path,
                format!("\"{tag}\" is not a language code such as \"en\" or \"zh-Hans\""),
            );
        }
    }

    fn date(&mut self, path: Path, text: &str) -> Option<PartialDate> {
        match PartialDate::parse(text) {
            Ok(date) => Some(date),
            Err(e) => {
                self.report(path, format!("\"{text}\" is not a real date: {e}"));
                None
            }
        }
    }

    fn id<'d>(&mut self, path: Path, id: &'d str, seen: &mut BTreeSet<&'d str>, what: &str) {
        if !is_valid_id(id) {
            self.report(
                path,
                format!("\"{id}\" is not a usable id: use 1 to 64 lower-case letters, digits and hyphens"),
            );
        }
        if !seen.insert(id) {
            self.report(
                path,
                format!("another {what} already has the id \"{id}\": ids must be unique"),
            );
        }
    }

    fn reference(&mut self, path: Path, id: &str, known: &BTreeSet<&str>, what: &str, list: &str) {
        if !known.contains(id) {
            self.report(
                path,
                format!("there is no {what} with the id \"{id}\" in \"{list}\""),
            );
        }
    }

    /// Every rule over the whole file, as one function: a call or a loop
    /// per list of the file, in the file's order, so that a reader can
    /// follow it against the file itself and the problems come out in the
    /// order an editor meets them.
    fn check(&mut self, doc: &TimelineDoc) {
        if doc.schema_version != SCHEMA_VERSION {
            self.report(
                "schema_version",
                format!(
                    "this timeline reads version {SCHEMA_VERSION}, not {}",
                    doc.schema_version
                ),
            );
        }
        self.text(Path::Root("title"), &doc.title);
        if let Some(subtitle) = &doc.subtitle {
            self.text(Path::Root("subtitle"), subtitle);
        }
        self.media_hosts(&doc.media_hosts);

        let mut orgs = BTreeSet::new();
        for (i, org) in doc.organisations.iter().enumerate() {
            let root = Path::Root("organisations");
            let path = root.index(i);
            self.id(path.field("id"), &org.id, &mut orgs, "organisation");
            self.text(path.field("name"), &org.name);
            if let Some(short) = &org.short_name {
                self.text(path.field("short_name"), short);
            }
        }

        let mut people = BTreeSet::new();
        for (i, person) in doc.people.iter().enumerate() {
            let root = Path::Root("people");
            let path = root.index(i);
            self.id(path.field("id"), &person.id, &mut people, "person");
            self.text(path.field("name"), &person.name);
            if let Some(org) = &person.organisation {
                self.reference(
                    path.field("organisation"),
                    org,
                    &orgs,
                    "organisation",
                    "organisations",
                );
            }
        }

        let mut sources = BTreeSet::new();
        for (i, source) in doc.sources.iter().enumerate() {
            let root = Path::Root("sources");
            let path = root.index(i);
            self.id(path.field("id"), &source.id, &mut sources, "source");
            if source.title.trim().is_empty() {
                self.report(path.field("title"), "the title is empty");
            }
            if let Some(translated) = &source.translated_title {
                self.languages(path.field("translated_title"), translated);
            }
            if source.publisher.trim().is_empty() {
                self.report(path.field("publisher"), "the publisher is empty");
            }
            self.language_tag(path.field("lang"), &source.lang);
            if let Some(problem) = url_problem(&source.url) {
                self.report(path.field("url"), problem);
            }
            if let Some(date) = &source.date {
                self.date(path.field("date"), date);
            }
        }

        if doc.events.is_empty() {
            self.report(
                "events",
                "there are no events: the timeline needs at least one",
            );
        }
        let mut ids = BTreeSet::new();
        let mut dates = Vec::with_capacity(doc.events.len());
        for (i, event) in doc.events.iter().enumerate() {
            dates.push(self.event(i, event, &mut ids, &orgs, &people, &sources));
        }
        self.order(&doc.events, &dates);
        self.problems
            .extend(resolved::problems(&doc.events, &dates));
        self.dates = dates
            .into_iter()
            .filter_map(|(start, end)| Some((start?, end?)))
            .collect();
    }

    /// Checks one event; returns its start and, if it has one, its end
    /// (`None` where a date is not real).
    #[allow(clippy::type_complexity)]
    fn event<'d>(
        &mut self,
        i: usize,
        event: &'d Event,
        ids: &mut BTreeSet<&'d str>,
        orgs: &BTreeSet<&str>,
        people: &BTreeSet<&str>,
        sources: &BTreeSet<&str>,
    ) -> (Option<PartialDate>, Option<Option<PartialDate>>) {
        let root = Path::Root("events");
        let path = root.index(i);
        self.id(path.field("id"), &event.id, ids, "event");
        let start = self.date(path.field("date"), &event.date);
        let end = self.event_end(&path, event, start);
        self.text(path.field("title"), &event.title);
        self.text(path.field("summary"), &event.summary);
        if let Some(place) = &event.place {
            self.text(path.field("place"), place);
        }
        for (j, org) in event.organisations.iter().enumerate() {
            self.reference(
                path.field("organisations").index(j),
                org,
                orgs,
                "organisation",
                "organisations",
            );
        }
        self.event_people(&path, event, people, sources);
        self.event_media(&path, event);
        if event.sources.is_empty() {
            self.report(
                path.field("sources"),
                "no source is given: every event must name the source that states it",
            );
        }
        for (j, s) in event.sources.iter().enumerate() {
            self.reference(
                path.field("sources").index(j),
                s,
                sources,
                "source",
                "sources",
            );
        }
        (start, end)
    }

    /// An event's end: a real date, not before the start; `Some(None)`
    /// when it has none, `None` when its date is not a date.
    fn event_end(
        &mut self,
        path: &Path,
        event: &Event,
        start: Option<PartialDate>,
    ) -> Option<Option<PartialDate>> {
        match &event.end {
            None => Some(None),
            Some(end) => {
                if let Some(note) = &end.note {
                    self.text(path.field("end").field("note"), note);
                }
                let parsed = self.date(path.field("end").field("date"), &end.date);
                if let (Some(start), Some(e)) = (start, parsed) {
                    if e.surely_before(&start) {
                        self.report(
                            path.field("end").field("date"),
                            format!(
                                "the end ({}) is before the start ({})",
                                end.date, event.date
                            ),
                        );
                    }
                }
                parsed.map(Some)
            }
        }
    }

    /// An event's participants and quotations: known people and sources,
    /// roles and quotations written.
    fn event_people(
        &mut self,
        path: &Path,
        event: &Event,
        people: &BTreeSet<&str>,
        sources: &BTreeSet<&str>,
    ) {
        for (j, p) in event.participants.iter().enumerate() {
            let participants = path.field("participants");
            let participant = participants.index(j);
            self.reference(
                participant.field("person"),
                &p.person,
                people,
                "person",
                "people",
            );
            self.text(participant.field("role"), &p.role);
        }
        for (j, q) in event.quotes.iter().enumerate() {
            let quotes = path.field("quotes");
            let qpath = quotes.index(j);
            self.reference(qpath.field("person"), &q.person, people, "person", "people");
            self.reference(
                qpath.field("source"),
                &q.source,
                sources,
                "source",
                "sources",
            );
            if q.text.trim().is_empty() {
                self.report(qpath.field("text"), "the quotation is empty");
            }
            self.language_tag(qpath.field("lang"), &q.lang);
        }
    }

    /// Events are listed in date order. Imprecise dates may overlap (2024
    /// and 21 July 2024), so only an order the dates contradict is wrong.
    fn order(
        &mut self,
        events: &[Event],
        dates: &[(Option<PartialDate>, Option<Option<PartialDate>>)],
    ) {
        let mut previous: Option<(&Event, PartialDate)> = None;
        for (i, (event, (start, _))) in events.iter().zip(dates).enumerate() {
            let Some(start) = *start else { continue };
            if let Some((prev_event, prev)) = previous {
                if start.surely_before(&prev) {
                    self.report(
                        format!("events[{i}].date"),
                        format!(
                            "this event ({}) comes before the one listed above it, \"{}\" ({}): list events in date order",
                            event.date, prev_event.id, prev_event.date
                        ),
                    );
                }
            }
            // Compare with the latest-starting event so far.
            if previous.is_none_or(|(_, prev)| start.first_day() >= prev.first_day()) {
                previous = Some((event, start));
            }
        }
    }
}
