//! Moving from TimelineJS: reads a TimelineJS timeline (its JSON file, or
//! the Google Sheet template exported as CSV) and writes our data format,
//! with every notice an editor needs (what was not carried over, what to
//! check) and, when the result breaks a rule, exactly the problems to fix,
//! found by the app's own [`crate::model::load`].
//!
//! Host only (`src/bin/import-timelinejs.rs`); it never builds into the
//! browser app.
//!
//! - [`slides`]: TimelineJS's slides, and the JSON reader;
//! - [`sheet`]: the Google Sheet template's CSV;
//! - [`html`]: HTML texts to plain text and links;
//! - [`convert`]: slides to our data;
//! - [`sources`]: the texts' links as sources;
//! - [`ids`]: valid, stable, unique ids;
//! - [`media`]: photos and videos, with their sizes read from local files.

pub mod convert;
pub mod html;
pub mod ids;
pub mod media;
pub mod sheet;
pub mod slides;
pub mod sources;

use crate::i18n::problem_place;
use crate::model::locate::Locator;
use crate::model::schema::Organisation;
use crate::model::{load, Lang, LoadError};

/// What the editor chose.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options<'a> {
    /// The language all the imported texts are written in.
    pub lang: Lang,
    /// Organisations a TimelineJS group may name (from one of our data
    /// files), copied into the output when an event names one.
    pub organisations: &'a [Organisation],
    /// The folder of the imported file, where its local images are read.
    pub folder: Option<&'a std::path::Path>,
}

/// Which of TimelineJS's formats a file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    /// By the file's extension, else by its first character (`{` is JSON).
    pub fn of(path: &str, text: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Format::Json
        } else if lower.ends_with(".csv") {
            Format::Csv
        } else if text.trim_start().starts_with('{') {
            Format::Json
        } else {
            Format::Csv
        }
    }
}

/// The result of an import.
#[derive(Clone, Debug)]
pub struct Report {
    /// Our data, pretty-printed as an editor's file.
    pub json: String,
    /// What was not carried over, and what to check: one line each.
    pub notices: Vec<String>,
    /// Where the output breaks a rule, as the data check prints it
    /// (`output:LINE:COLUMN: error at PATH: what is wrong`); none when the
    /// output is valid.
    pub problems: Vec<String>,
}

/// Imports a TimelineJS timeline, or says why it cannot be read.
pub fn import(text: &str, format: Format, options: &Options) -> Result<Report, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = match format {
        Format::Json => slides::from_json(text)?,
        Format::Csv => sheet::from_csv(text)?,
    };
    let converted = convert::convert(source, options);
    let mut json = serde_json::to_string_pretty(&converted.doc)
        .map_err(|e| format!("the output could not be written: {e}"))?;
    json.push('\n');
    let problems = problems(&json);
    Ok(Report {
        json,
        notices: converted.notices,
        problems,
    })
}

/// What the app's loader finds wrong with `json`, each with its place.
fn problems(json: &str) -> Vec<String> {
    match load(json) {
        Ok(_) => Vec::new(),
        Err(LoadError::Invalid(problems)) => {
            let locator = Locator::new(json);
            problems
                .iter()
                .map(|p| {
                    let place = locator.locate(&p.path);
                    format!(
                        "output:{}:{}: error {}: {}",
                        place.line,
                        place.column,
                        problem_place(&p.path),
                        p.message
                    )
                })
                .collect()
        }
        Err(e) => vec![format!("output: error: {e}")],
    }
}

#[cfg(test)]
mod tests;
