//! A TimelineJS timeline as both its formats give it (the JSON file and the
//! Google Sheet template's CSV, [`super::sheet`]): slides with their texts
//! still in HTML and their date parts still as written. The JSON reader is
//! here; it reads what TimelineJS reads (`TimelineConfig`) and lists the
//! rest.

use serde_json::{Map, Value};

/// A date as TimelineJS writes it, each part as written (a number or a
/// text): `{"year": 1815, "month": "12", "day": 10}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TlDate {
    pub year: String,
    pub month: String,
    pub day: String,
    /// `hour:minute[:second]`, or empty.
    pub time: String,
    pub display_date: String,
}

/// A slide's photo or video: not carried over yet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Media {
    pub url: String,
    /// HTML, as written.
    pub caption: String,
    pub credit: String,
}

/// One slide: an event, the title slide or an era.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slide {
    /// Where it is in the file, for messages: `row 4` or `events[2]`.
    pub place: String,
    pub start: Option<TlDate>,
    pub end: Option<TlDate>,
    /// HTML, as written.
    pub headline: String,
    /// HTML, as written.
    pub text: String,
    pub media: Option<Media>,
    pub group: String,
    pub unique_id: String,
    pub display_date: String,
    /// A background image or colour, described; empty when none.
    pub background: String,
    /// The slide type (`type`) other than `title` and `era`; empty when none.
    pub kind: String,
    /// Fields TimelineJS has that we do not read, or that it does not have.
    pub unread: Vec<String>,
}

impl Slide {
    /// `row 4 ("Ada Lovelace")`: where, and which, for messages.
    pub fn label(&self) -> String {
        let headline = super::html::to_text(&self.headline).text;
        if headline.is_empty() {
            self.place.clone()
        } else {
            format!("{} (\"{headline}\")", self.place)
        }
    }
}

/// A whole TimelineJS timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    pub title: Option<Slide>,
    pub events: Vec<Slide>,
    pub eras: Vec<Slide>,
    /// Things of the whole file that are not carried over, described.
    pub unread: Vec<String>,
}

/// A value as text: a text as is, a number written out, nothing as "".
fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn object<'v>(value: &'v Value, what: &str) -> Result<&'v Map<String, Value>, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{what} is not an object {{…}} as TimelineJS writes it"))
}

/// Reads a TimelineJS JSON file: `{"title": {…}, "events": […], "eras": […]}`.
pub fn from_json(json: &str) -> Result<Source, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| {
        format!(
            "the file is not JSON ({e}): export the timeline again, or give the Google Sheet's CSV"
        )
    })?;
    let top = object(&value, "the file")?;
    if top.contains_key("schema_version") {
        return Err(
            "the file is already this timeline's format (it has \"schema_version\"): check it with cargo run --bin check-data -- FILE".to_string(),
        );
    }
    let Some(Value::Array(events)) = top.get("events") else {
        return Err(
            "the file has no \"events\" list, so it is not a TimelineJS timeline".to_string(),
        );
    };
    let mut source = Source::default();
    for (key, value) in top {
        match key.as_str() {
            "events" | "title" | "eras" => {}
            "scale" if value.as_str() == Some("human") => {}
            other => source.unread.push(format!(
                "the field \"{other}\" ({}) of the whole timeline",
                text(Some(value))
            )),
        }
    }
    if let Some(title) = top.get("title").filter(|t| !t.is_null()) {
        source.title = Some(slide("the title slide".into(), title)?);
    }
    for (i, event) in events.iter().enumerate() {
        source.events.push(slide(format!("events[{i}]"), event)?);
    }
    if let Some(eras) = top.get("eras").and_then(Value::as_array) {
        for (i, era) in eras.iter().enumerate() {
            source.eras.push(slide(format!("eras[{i}]"), era)?);
        }
    }
    Ok(source)
}

/// One slide of the JSON file.
fn slide(place: String, value: &Value) -> Result<Slide, String> {
    let fields = object(value, &place)?;
    let mut slide = Slide {
        place,
        ..Slide::default()
    };
    for (key, value) in fields {
        match key.as_str() {
            "start_date" => slide.start = Some(date(&slide.place, value)?),
            "end_date" => slide.end = Some(date(&slide.place, value)?),
            "text" => {
                let t = object(value, &format!("{}.text", slide.place))?;
                slide.headline = text(t.get("headline"));
                slide.text = text(t.get("text"));
            }
            "media" => {
                let m = object(value, &format!("{}.media", slide.place))?;
                let media = Media {
                    url: text(m.get("url")),
                    caption: text(m.get("caption")),
                    credit: text(m.get("credit")),
                };
                if media != Media::default() {
                    slide.media = Some(media);
                }
            }
            "group" => slide.group = text(Some(value)),
            "unique_id" => slide.unique_id = text(Some(value)),
            "display_date" => slide.display_date = text(Some(value)),
            "type" => slide.kind = text(Some(value)),
            "background" => slide.background = background(value),
            // TimelineJS's own switch for linking names to Wikipedia.
            "autolink" => {}
            other => slide.unread.push(format!("the field \"{other}\"")),
        }
    }
    Ok(slide)
}

/// A background as TimelineJS writes it (`{"url": …}` or `{"color": …}`),
/// described.
fn background(value: &Value) -> String {
    match value {
        Value::Object(b) => ["url", "color"]
            .iter()
            .map(|k| text(b.get(*k)))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        other => text(Some(other)),
    }
}

/// A JSON date: `{"year": …, "month": …, "day": …, "hour": …, "minute": …,
/// "display_date": …}`.
fn date(place: &str, value: &Value) -> Result<TlDate, String> {
    let d = object(value, &format!("a date of {place}"))?;
    let part = |k: &str| text(d.get(k));
    let time = ["hour", "minute", "second"]
        .iter()
        .map(|k| part(k))
        .take_while(|p| !p.is_empty())
        .map(|p| format!("{p:0>2}"))
        .collect::<Vec<_>>()
        .join(":");
    Ok(TlDate {
        year: part("year"),
        month: part("month"),
        day: part("day"),
        time,
        display_date: part("display_date"),
    })
}
