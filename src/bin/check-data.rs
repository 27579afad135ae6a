//! The data check for web editors: validates timeline files with the app's
//! own types and rules and prints every problem with its line, column and
//! JSON path, all in one run: problems of form, of the rules, and warnings
//! ([`form::check`]).
//!
//! ```text
//! cargo run --bin check-data -- public/data/timeline.json
//! ```
//!
//! Runs on the host: it needs Rust, not the WebAssembly target. With no
//! file named it checks `public/data/timeline.json`. Exit code 0 when every
//! file is valid (warnings, such as a date far from all the others, do not
//! fail it), 1 when any has a problem. An image under `media/` must exist
//! in the site folder, the one above the data file's (`public/`).
//!
//! Given a built site's `data/timeline.json` (e.g. `dist/data/timeline.json`,
//! with the pages in the folder above), it also checks that the first
//! paint was drawn from that very file ([`stamp`]): data edited after the
//! build fails the check, with "rebuild".

use std::io::Write;
use std::process::ExitCode;

use hkust_pumch_timeline::i18n::problem_place;
use hkust_pumch_timeline::model::form::{self, Placed};
use hkust_pumch_timeline::model::load::decode;
use hkust_pumch_timeline::model::locate::Locator;
use hkust_pumch_timeline::model::media::missing_files;
use hkust_pumch_timeline::model::{load, LoadError, MAX_BYTES};
use hkust_pumch_timeline::render::stamp;

const DEFAULT: &str = "public/data/timeline.json";

/// Prints a line; a closed pipe (`| head`) ends the output quietly.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.iter().any(|a| a == "-h" || a == "--help") {
        say!(
            "Checks timeline data files against the app's rules.\n\n\
             usage: cargo run --bin check-data -- [FILE ...]   (default: {DEFAULT})\n\n\
             Prints each problem as FILE:LINE:COLUMN: error at PATH: what is wrong.\n\
             Exit code 0: valid (warnings allowed); 1: a problem in a file."
        );
        return ExitCode::SUCCESS;
    }
    if files.is_empty() {
        files.push(DEFAULT.into());
    }
    let mut failed = false;
    for file in &files {
        failed |= !check(file);
        failed |= !first_paint_fresh(file);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// For a built site's `data/timeline.json` (its pages in the folder
/// above): whether its first paint was drawn from this very file.
fn first_paint_fresh(file: &str) -> bool {
    match stamp::check_site(std::path::Path::new(file)) {
        None => true,
        Some(Ok(pages)) => {
            say!(
                "{file}: the first paint ({}) was drawn from this data",
                pages.join(", ")
            );
            true
        }
        Some(Err(pages)) => {
            say!("{file}: error: {}", stamp::STALE);
            say!("{file}: drawn from other data: {}", pages.join(", "));
            false
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The file's text, or `None` after saying why there is none (too large,
/// not UTF-8).
fn text_of<'a>(file: &str, bytes: &'a [u8]) -> Option<&'a str> {
    match decode(bytes) {
        Ok(text) => Some(text),
        Err(LoadError::TooLarge { bytes }) => {
            say!(
                "{file}: error: the file is too large: {bytes} bytes, and the app reads at most {MAX_BYTES} ({} MiB)",
                MAX_BYTES / (1024 * 1024)
            );
            None
        }
        Err(LoadError::Encoding { offset }) => {
            // The place of the first byte that is not UTF-8.
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let place = Locator::new(valid).place(offset);
            say!(
                "{file}:{}:{}: error: the file is not UTF-8 text (byte {offset}): save it as UTF-8",
                place.line,
                place.column
            );
            None
        }
        Err(e) => {
            say!("{file}: error: {e}");
            None
        }
    }
}

/// The site folder of a data file, where its images' `media/…` paths
/// start: the folder above the data's own (`public/` for
/// `public/data/timeline.json`, as `data/` and `media/` sit in the site).
fn site_of(file: &str) -> std::path::PathBuf {
    let folder = std::path::Path::new(file)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    folder.join("..")
}

/// Checks one file and prints what it finds; true when it is valid.
fn check(file: &str) -> bool {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            say!("{file}: error: cannot read the file: {e}");
            return false;
        }
    };
    let Some(text) = text_of(file, &bytes) else {
        return false;
    };
    let mut report = match form::check(text) {
        Ok(report) => report,
        Err(LoadError::SchemaVersion(None)) if form::is_timelinejs(text) => {
            say!(
                "{file}: error: this looks like a TimelineJS file (events with \"start_date\", a title with \"text\": {{\"headline\": …}}), not this timeline's format: convert it with `cargo run --bin import-timelinejs -- {file}` (EDITING.md, \"Moving from TimelineJS\")"
            );
            return false;
        }
        Err(e @ LoadError::SchemaVersion(_)) => {
            let place = Locator::new(text).locate("schema_version");
            say!(
                "{file}:{}:{}: error at schema_version: {e}",
                place.line,
                place.column
            );
            return false;
        }
        Err(e) => {
            say!("{file}: error: {e}");
            return false;
        }
    };
    // Data the app reads may still name an image the site lacks.
    if report.errors.is_empty() {
        if let Ok(timeline) = load(text) {
            let locator = Locator::new(text);
            report
                .errors
                .extend(
                    missing_files(&timeline, &site_of(file))
                        .into_iter()
                        .map(|problem| Placed {
                            place: locator.locate(&problem.path),
                            problem,
                        }),
                );
        }
    }
    // Errors and warnings in the file's order, so an editor goes down it once.
    let mut all: Vec<(&str, &Placed)> = report.errors.iter().map(|p| ("error", p)).collect();
    all.extend(report.warnings.iter().map(|p| ("warning", p)));
    all.sort_by_key(|(_, p)| (p.place.line, p.place.column));
    for (kind, p) in all {
        let Placed { problem, place } = p;
        let at = problem_place(&problem.path);
        say!(
            "{file}:{}:{}: {kind} {at}: {}",
            place.line,
            place.column,
            problem.message
        );
    }
    let summary = match (report.errors.len(), report.warnings.len()) {
        (0, 0) => "valid, no problems".to_string(),
        (0, w) => format!("valid, with {}", plural(w, "warning", "warnings")),
        (e, 0) => format!(
            "{}: the app will refuse this file",
            plural(e, "problem", "problems")
        ),
        (e, w) => format!(
            "{} and {}: the app will refuse this file",
            plural(e, "problem", "problems"),
            plural(w, "warning", "warnings")
        ),
    };
    say!("{file}: {summary}");
    report.errors.is_empty()
}
