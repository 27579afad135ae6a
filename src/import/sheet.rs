//! The Google Sheet template exported as CSV: a header row with the
//! template's column names, then one slide per row (`Type` says `title` or
//! `era` for those). The column names are TimelineJS's own
//! (`ConfigFactory.js`): `Year`, `Month`, `Day`, `Time`, `End Year`,
//! `End Month`, `End Day`, `End Time`, `Display Date`, `Headline`, `Text`,
//! `Media`, `Media Credit`, `Media Caption`, `Media Thumbnail`, `Type`,
//! `Group`, `Background`, and `Alt Text`; the first template's `Start Date`,
//! `End Date` and `Tag` are read too.

use std::collections::HashMap;

use super::slides::{Media, Slide, Source, TlDate};

/// Every column TimelineJS reads; any other is listed as not read.
const COLUMNS: &[&str] = &[
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Alt Text",
    "Type",
    "Group",
    "Tag",
    "Background",
    "Start Date",
    "End Date",
];

/// A number as a spreadsheet may show it (`1,815`, ` 12 `): digits kept.
fn integer(cell: &str) -> String {
    cell.chars()
        .filter(|c| !c.is_whitespace() && *c != ',')
        .collect()
}

/// Reads the CSV export of the Google Sheet template.
pub fn from_csv(csv_text: &str) -> Result<Source, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(csv_text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| format!("the file cannot be read as CSV: {e}"))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let has = |name: &str| headers.iter().any(|h| h == name);
    if !has("Headline") || !(has("Year") || has("Start Date")) {
        return Err(format!(
            "the first row is not the TimelineJS template's header: it needs at least the columns \"Year\" and \"Headline\" (this file's first row: {})",
            headers.join(", ")
        ));
    }
    let mut source = Source::default();
    for h in headers.iter().filter(|h| !COLUMNS.contains(&h.as_str())) {
        source.unread.push(format!(
            "the column \"{h}\", which is not one of the template's"
        ));
    }
    for (i, record) in reader.records().enumerate() {
        // The spreadsheet's row number: the header is row 1.
        let place = format!("row {}", i + 2);
        let record = record.map_err(|e| format!("{place} cannot be read as CSV: {e}"))?;
        let row: HashMap<&str, &str> = headers
            .iter()
            .map(String::as_str)
            .zip(record.iter().map(str::trim))
            .collect();
        if row.values().all(|v| v.is_empty()) {
            continue;
        }
        let slide = row_slide(place, &row);
        match slide.kind.as_str() {
            "title" if source.title.is_none() => {
                source.title = Some(Slide {
                    kind: String::new(),
                    ..slide
                })
            }
            "era" => source.eras.push(Slide {
                kind: String::new(),
                ..slide
            }),
            _ => source.events.push(slide),
        }
    }
    Ok(source)
}

/// One row as a slide.
fn row_slide(place: String, row: &HashMap<&str, &str>) -> Slide {
    let cell = |name: &str| row.get(name).copied().unwrap_or("").to_string();
    let media = Media {
        url: cell("Media"),
        caption: cell("Media Caption"),
        credit: cell("Media Credit"),
    };
    let (start, end) = if row.contains_key("Start Date") || row.contains_key("End Date") {
        (
            Some(cell("Start Date"))
                .filter(|d| !d.is_empty())
                .map(|d| written_date(&d)),
            Some(cell("End Date"))
                .filter(|d| !d.is_empty())
                .map(|d| written_date(&d)),
        )
    } else {
        let date = |prefix: &str| {
            let year = integer(&cell(&format!("{prefix}Year")));
            let time = cell(&format!("{prefix}Time"));
            (!year.is_empty() || !time.is_empty()).then(|| TlDate {
                year,
                month: integer(&cell(&format!("{prefix}Month"))),
                day: integer(&cell(&format!("{prefix}Day"))),
                time,
                display_date: String::new(),
            })
        };
        (date(""), date("End "))
    };
    let mut group = cell("Group");
    if group.is_empty() {
        group = cell("Tag");
    }
    Slide {
        place,
        start,
        end,
        headline: cell("Headline"),
        text: cell("Text"),
        media: (media != Media::default()).then_some(media),
        group,
        unique_id: String::new(),
        display_date: cell("Display Date"),
        background: cell("Background"),
        kind: cell("Type").to_ascii_lowercase(),
        unread: Vec::new(),
    }
}

/// A date of the first template's `Start Date` and `End Date` columns:
/// `1815`, `1815-12`, `1815-12-10`, `12/10/1815` or `12/1815`, maybe with a
/// time after a space. Anything else is kept whole as the year, so that the
/// check shows it to the editor.
fn written_date(cell: &str) -> TlDate {
    let (day_part, time) = match cell.split_once(' ') {
        Some((d, t)) if t.contains(':') => (d, t.trim().to_string()),
        _ => (cell, String::new()),
    };
    let numbers = |sep: char| -> Option<Vec<String>> {
        let parts: Vec<String> = day_part.split(sep).map(str::to_string).collect();
        parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .then_some(parts)
    };
    let (negative, unsigned) = match day_part.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", day_part),
    };
    let iso: Vec<&str> = unsigned.split('-').collect();
    let date = |year: String, month: &str, day: &str| TlDate {
        year,
        month: month.to_string(),
        day: day.to_string(),
        time: time.clone(),
        display_date: String::new(),
    };
    if iso.len() <= 3
        && iso
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let get = |i: usize| iso.get(i).copied().unwrap_or("");
        return date(format!("{negative}{}", get(0)), get(1), get(2));
    }
    match numbers('/').as_deref() {
        Some([m, d, y]) => date(y.clone(), m, d),
        Some([m, y]) => date(y.clone(), m, ""),
        _ => TlDate {
            year: cell.to_string(),
            ..TlDate::default()
        },
    }
}
