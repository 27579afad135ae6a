//! From the text of `timeline.json` to a [`Timeline`] the app can trust.
//!
//! [`load`] parses, checks the schema version, then runs every rule and
//! reports *all* problems at once, each with the JSON path where it stands
//! (`events[2].date`) and a sentence a web editor can act on.

use std::collections::HashSet;
use std::fmt;

use super::date::PartialDate;
use super::lang::Lang;
use super::schema::{
    Event, Localized, Organisation, Participant, Person, Source, TimelineDoc, SCHEMA_VERSION,
};

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

/// Why the data could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not the expected shape (a wrong type, a misspelt
    /// field). serde stops at the first such error; it carries the line and
    /// column.
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    /// A `schema_version` this app does not read.
    SchemaVersion(Option<u64>),
    /// Well-formed, but breaks the rules: every problem found.
    Invalid(Vec<Problem>),
    /// Larger than [`MAX_BYTES`]: refused before parsing, so a huge file
    /// cannot freeze the reader's tab.
    TooLarge { bytes: usize },
    /// Not UTF-8: the first bad byte's offset.
    Encoding { offset: usize },
}

/// The largest data file the app reads: 32 MiB. The scale promised is
/// 10,000 events with a summary of about 300 characters in each of the
/// three languages: 29.0 MB as an editor indents it (25.7 MB without
/// indentation) when the Chinese summaries are as long as the English, the
/// worst case in bytes. In Chromium on a 2-core machine that file took
/// 367 ms from its arrival to the first marker, 1.1 s with the CPU slowed
/// 4× (Lighthouse's phone profile): slow, but no frozen tab. The fetch
/// reads this constant too.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax {
                message,
                line,
                column,
            } => write!(f, "line {line}, column {column}: {message}"),
            LoadError::SchemaVersion(Some(v)) => write!(
                f,
                "the file says \"schema_version\": {v}, but this timeline reads version {SCHEMA_VERSION}"
            ),
            LoadError::SchemaVersion(None) => write!(
                f,
                "the file has no \"schema_version\"; add \"schema_version\": {SCHEMA_VERSION} at the top"
            ),
            LoadError::Invalid(problems) => {
                write!(f, "{} problem(s) in the data", problems.len())
            }
            LoadError::TooLarge { bytes } => {
                write!(f, "the file has {bytes} bytes; the limit is {MAX_BYTES}")
            }
            LoadError::Encoding { offset } => {
                write!(f, "the file is not UTF-8 text (byte {offset})")
            }
        }
    }
}

impl From<serde_json::Error> for LoadError {
    fn from(e: serde_json::Error) -> Self {
        // serde_json appends " at line L column C"; we report those apart.
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(cut) => text[..cut].to_string(),
            None => text,
        };
        LoadError::Syntax {
            message: plain(&message),
            line: e.line(),
            column: e.column(),
        }
    }
}

/// serde's words for a value's type, in an editor's words.
fn plain_type(got: &str) -> String {
    let value = |rest: &str| rest.trim_matches('`').to_string();
    if let Some(n) = got.strip_prefix("integer ") {
        format!("a number ({})", value(n))
    } else if let Some(n) = got.strip_prefix("floating point ") {
        format!("a number ({})", value(n))
    } else if let Some(s) = got.strip_prefix("string ") {
        format!("a text ({s})")
    } else if let Some(b) = got.strip_prefix("boolean ") {
        value(b)
    } else {
        match got {
            "map" => "an object {…}".into(),
            "sequence" => "a list […]".into(),
            other => other.into(),
        }
    }
}

/// What serde expected, in an editor's words.
fn plain_expected(want: &str) -> String {
    match want {
        "a map" => {
            "a text by language: {\"en\": \"…\", \"zh-Hant\": \"…\", \"zh-Hans\": \"…\"}".into()
        }
        "a sequence" => "a list in square brackets: […]".into(),
        "a string" => "a text in double quotes".into(),
        "u64" => "a whole number".into(),
        "a boolean" => "true or false".into(),
        w if w.starts_with("struct ") => "an object in braces: {…}".into(),
        other => other.replace('`', "\""),
    }
}

/// serde_json's message in words a web editor can act on: "this is a
/// number (5), but it must be a text by language: {…}" rather than "invalid type:
/// integer `5`, expected a map". The names it quotes stay in it.
pub fn plain(message: &str) -> String {
    let quoted = |s: &str| s.replace('`', "\"");
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((got, want)) = rest.split_once(", expected ") {
            return format!(
                "this is {}, but it must be {}",
                plain_type(got),
                plain_expected(want)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        if let Some((got, allowed)) = rest.split_once(", expected ") {
            let allowed = allowed.strip_prefix("one of ").unwrap_or(allowed);
            return format!(
                "{} is not an allowed value here: use {}",
                quoted(got),
                quoted(allowed)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        if let Some((got, allowed)) = rest.split_once(", expected ") {
            let allowed = allowed.strip_prefix("one of ").unwrap_or(allowed);
            return format!(
                "there is no field {} here (misspelt?); the fields here are {}",
                quoted(got),
                quoted(allowed)
            );
        }
        return format!("there is no field {} here", quoted(rest));
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("the required field {} is missing here", quoted(field));
    }
    if message.starts_with("EOF while parsing") {
        return format!("the file ends too early ({message}): is it cut off?");
    }
    match message {
        "trailing comma" => "there is a comma after the last item: remove it".into(),
        "key must be a string" => "a field name must be in double quotes".into(),
        "expected value" => {
            "a value is missing or not valid JSON here (texts need double quotes)".into()
        }
        "expected `,` or `}`" => "a comma or a closing } is missing before this".into(),
        "expected `,` or `]`" => "a comma or a closing ] is missing before this".into(),
        "trailing characters" => "there is more after the end of the data".into(),
        other => quoted(other),
    }
}

/// An event with its dates parsed.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub event: Event,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
}

/// Data that passed every rule: events in date order, every reference
/// known, every date real.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// Everything but the events (its `events` is left empty)…
    pub doc: TimelineDoc,
    /// …which are here, with their dates parsed.
    pub entries: Vec<Entry>,
}

impl Timeline {
    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.doc.organisations.iter().find(|o| o.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.doc.people.iter().find(|p| p.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.doc.sources.iter().find(|s| s.id == id)
    }

    /// The index of the event with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.event.id == id)
    }

    /// An event's participants grouped by organisation: the event's own
    /// organisations first, in its order, then any other, then people with
    /// no organisation (`None`). Each group keeps the event's order.
    pub fn participants_by_organisation<'a>(
        &'a self,
        event: &'a Event,
    ) -> Vec<ParticipantGroup<'a>> {
        let mut groups: Vec<ParticipantGroup<'a>> = event
            .organisations
            .iter()
            .map(|id| ParticipantGroup {
                organisation: self.organisation(id),
                members: Vec::new(),
            })
            .collect();
        for participant in &event.participants {
            let Some(person) = self.person(&participant.person) else {
                continue;
            };
            let organisation = person
                .organisation
                .as_deref()
                .and_then(|id| self.organisation(id));
            let group = match groups
                .iter()
                .position(|g| g.organisation.map(|o| &o.id) == organisation.map(|o| &o.id))
            {
                Some(g) => g,
                None => {
                    groups.push(ParticipantGroup {
                        organisation,
                        members: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            groups[group].members.push((person, participant));
        }
        groups.retain(|g| !g.members.is_empty());
        groups
    }
}

/// People at an event who belong to one organisation.
#[derive(Debug)]
pub struct ParticipantGroup<'a> {
    pub organisation: Option<&'a Organisation>,
    pub members: Vec<(&'a Person, &'a Participant)>,
}

/// Reads a timeline file as it comes off the network: refuses one over
/// [`MAX_BYTES`] or not in UTF-8, accepts (and drops) a byte-order mark,
/// then [`load`]s it.
pub fn load_bytes(bytes: &[u8]) -> Result<Timeline, LoadError> {
    load(decode(bytes)?)
}

/// The text of a timeline file as it comes off the network: refuses one
/// over [`MAX_BYTES`] or not in UTF-8, and drops a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::Encoding {
        offset: e.valid_up_to(),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The first field read: the version decides what the rest means.
#[derive(serde::Deserialize)]
pub struct Header {
    pub schema_version: Option<u64>,
}

impl Header {
    /// Refuses a file of another schema version (or of none).
    pub fn check(&self) -> Result<(), LoadError> {
        match self.schema_version {
            Some(SCHEMA_VERSION) => Ok(()),
            other => Err(LoadError::SchemaVersion(other)),
        }
    }
}

/// Parses and validates the text of a timeline file (a leading byte-order
/// mark is ignored).
///
/// serde_json, in the browser too: the browser's `JSON.parse` with
/// serde-wasm-bindgen was 13.6 KB gzip smaller but 2.5–5 times slower at
/// 10,000 events (one JS call per field), and it could not place a wrong
/// type in the file (bench/DECISIONS.md).
pub fn load(json: &str) -> Result<Timeline, LoadError> {
    let json = decode(json.as_bytes())?;
    // One pass in the usual case. The version decides what the rest means,
    // so when the file does not read as this version's, a second look at
    // the version alone tells a file of another version from a broken one.
    let doc: TimelineDoc = match serde_json::from_str(json) {
        Ok(doc) => doc,
        Err(e) => {
            serde_json::from_str::<Header>(json)?.check()?;
            return Err(e.into());
        }
    };
    Header {
        schema_version: Some(doc.schema_version),
    }
    .check()?;
    validate(doc).map_err(LoadError::Invalid)
}

/// Checks every rule and returns the [`Timeline`], or every problem found.
pub fn validate(mut doc: TimelineDoc) -> Result<Timeline, Vec<Problem>> {
    let mut v = Validator::default();
    v.check(&doc);
    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    // The events move into the entries: kept once, not twice.
    let entries = std::mem::take(&mut doc.events)
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
}

/// Lower-case letters, digits and hyphens, 1 to 64 of them: safe in URLs,
/// HTML attributes and `postMessage` payloads.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An absolute `http:` or `https:` address with a host and no spaces.
pub fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// What is wrong with a source's address, in words an editor can act on,
/// or `None` for an absolute `http(s)` address ([`is_web_url`]).
pub fn url_problem(url: &str) -> Option<String> {
    if is_web_url(url) {
        return None;
    }
    let trimmed = url.trim();
    let web = trimmed.starts_with("https://") || trimmed.starts_with("http://");
    Some(if web && url.chars().any(char::is_whitespace) {
        format!(
            "\"{url}\" contains a space: remove it, or write it as %20 if the address really has one"
        )
    } else if web && url.chars().any(char::is_control) {
        format!("\"{url}\" contains a control character (such as a tab or a line break): remove it")
    } else if web {
        format!("\"{url}\" has no host name after the //: e.g. https://www.example.org/page")
    } else {
        format!("\"{url}\" is not a web address: it must start with https:// or http://")
    })
}

/// A plausible BCP 47 language tag such as `en`, `zh-Hans` or `zh-Hant-HK`.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
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

    fn id<'d>(&mut self, path: Path, id: &'d str, seen: &mut HashSet<&'d str>, what: &str) {
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

    fn reference(&mut self, path: Path, id: &str, known: &HashSet<&str>, what: &str, list: &str) {
        if !known.contains(id) {
            self.report(
                path,
                format!("there is no {what} with the id \"{id}\" in \"{list}\""),
            );
        }
    }

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

        let mut orgs = HashSet::new();
        for (i, org) in doc.organisations.iter().enumerate() {
            let root = Path::Root("organisations");
            let path = root.index(i);
            self.id(path.field("id"), &org.id, &mut orgs, "organisation");
            self.text(path.field("name"), &org.name);
            if let Some(short) = &org.short_name {
                self.text(path.field("short_name"), short);
            }
        }

        let mut people = HashSet::new();
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

        let mut sources = HashSet::new();
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
        let mut ids = HashSet::new();
        let mut dates = Vec::with_capacity(doc.events.len());
        for (i, event) in doc.events.iter().enumerate() {
            dates.push(self.event(i, event, &mut ids, &orgs, &people, &sources));
        }
        self.order(&doc.events, &dates);
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
        ids: &mut HashSet<&'d str>,
        orgs: &HashSet<&str>,
        people: &HashSet<&str>,
        sources: &HashSet<&str>,
    ) -> (Option<PartialDate>, Option<Option<PartialDate>>) {
        let root = Path::Root("events");
        let path = root.index(i);
        self.id(path.field("id"), &event.id, ids, "event");
        let start = self.date(path.field("date"), &event.date);
        let end = match &event.end {
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
        };
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

/// An event whose year is this far from every other event's, and from the
/// middle of them all, is probably a typo (9025 for 2025): the data check
/// says so. An end this far after its start too.
pub const FAR_YEARS: i32 = 100;

/// Things in valid data that are probably mistakes: the data check prints
/// them as warnings, and the data still loads. Dates far from all the
/// others ([`far_dates`]) and texts missing a language
/// ([`missing_translations`]).
pub fn warnings(timeline: &Timeline) -> Vec<Problem> {
    let mut out = far_dates(&timeline.entries);
    out.extend(missing_translations(timeline));
    out
}

/// A count with its thousands grouped: 7,000.
fn grouped(n: i32) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn years(n: i32) -> String {
    if n == 1 {
        "1 year".into()
    } else {
        format!("{} years", grouped(n))
    }
}

/// Events dated at least [`FAR_YEARS`] from every other event and from the
/// median year, and ends at least that far after their start: e.g.
/// `events[5].date: 9025-11-18 is 7,000 years after the other events (the
/// latest: 2025-11-18): a typo?`.
pub fn far_dates(entries: &[Entry]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut by_year: Vec<(i32, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.start.year_number(), i))
        .collect();
    by_year.sort_unstable();
    if by_year.len() >= 2 {
        let median = by_year[(by_year.len() - 1) / 2].0;
        for (k, &(year, i)) in by_year.iter().enumerate() {
            let before = k.checked_sub(1).map(|p| by_year[p]);
            let after = by_year.get(k + 1).copied();
            let gap =
                |other: Option<(i32, usize)>| other.map_or(i32::MAX, |(y, _)| (y - year).abs());
            let nearest = gap(before).min(gap(after));
            if nearest < FAR_YEARS || (year - median).abs() < FAR_YEARS {
                continue;
            }
            let date = &entries[i].event.date;
            let message = match (before, after) {
                (Some((_, j)), None) => format!(
                    "{date} is {} after the other events (the latest: {}): a typo?",
                    years(nearest),
                    entries[j].event.date
                ),
                (None, Some((_, j))) => format!(
                    "{date} is {} before the other events (the earliest: {}): a typo?",
                    years(nearest),
                    entries[j].event.date
                ),
                _ => format!(
                    "{date} is {} from the nearest other event: a typo?",
                    years(nearest)
                ),
            };
            out.push(Problem {
                path: format!("events[{i}].date"),
                message,
            });
        }
    }
    for (i, entry) in entries.iter().enumerate() {
        if let Some(end) = entry.end {
            let gap = end.year_number() - entry.start.year_number();
            if gap >= FAR_YEARS {
                out.push(Problem {
                    path: format!("events[{i}].end.date"),
                    message: format!(
                        "the end ({}) is {} after the start ({}): a typo?",
                        end.iso(),
                        years(gap),
                        entry.event.date
                    ),
                });
            }
        }
    }
    out.sort_by_key(|p| {
        p.path
            .trim_start_matches("events[")
            .split(']')
            .next()
            .and_then(|n| n.parse::<usize>().ok())
    });
    out
}

/// Texts without all three languages, where readers of the missing ones
/// see the English. People's names are left out: a name stays in English
/// where no source gives it in Chinese. So are sources' translated titles,
/// which leave out the source's own language.
pub fn missing_translations(timeline: &Timeline) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut check = |path: String, text: &Localized| {
        let missing: Vec<String> = Lang::ALL
            .iter()
            .filter(|l| text.0.get(l.code()).is_none_or(|t| t.trim().is_empty()))
            .map(|l| format!("\"{}\"", l.code()))
            .collect();
        if !missing.is_empty() {
            out.push(Problem {
                path,
                message: format!(
                    "no {} text: readers in that language see the English",
                    missing.join(" or ")
                ),
            });
        }
    };
    let doc = &timeline.doc;
    check("title".into(), &doc.title);
    if let Some(subtitle) = &doc.subtitle {
        check("subtitle".into(), subtitle);
    }
    for (i, org) in doc.organisations.iter().enumerate() {
        check(format!("organisations[{i}].name"), &org.name);
        if let Some(short) = &org.short_name {
            check(format!("organisations[{i}].short_name"), short);
        }
    }
    for (i, entry) in timeline.entries.iter().enumerate() {
        let event = &entry.event;
        check(format!("events[{i}].title"), &event.title);
        check(format!("events[{i}].summary"), &event.summary);
        if let Some(place) = &event.place {
            check(format!("events[{i}].place"), place);
        }
        if let Some(note) = event.end.as_ref().and_then(|e| e.note.as_ref()) {
            check(format!("events[{i}].end.note"), note);
        }
        for (j, p) in event.participants.iter().enumerate() {
            check(format!("events[{i}].participants[{j}].role"), &p.role);
        }
    }
    out
}
