//! The data check for web editors: validates timeline files with the app's
//! own rules and prints every problem with its line, column and JSON path.
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

use std::io::Write;
use std::process::ExitCode;

use hkust_pumch_timeline::model::load::decode;
use hkust_pumch_timeline::model::locate::Locator;
use hkust_pumch_timeline::model::media::missing_files;
use hkust_pumch_timeline::model::warnings::warnings;
use hkust_pumch_timeline::model::{load, LoadError, Problem, MAX_BYTES};

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
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
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
    let locator = Locator::new(text);
    let at = |path: &str| {
        let place = locator.locate(path);
        format!("{file}:{}:{}", place.line, place.column)
    };
    let (errors, warned) = match load(text) {
        Ok(timeline) => (
            missing_files(&timeline, &site_of(file)),
            warnings(&timeline),
        ),
        Err(LoadError::Invalid(problems)) => (problems, Vec::new()),
        Err(LoadError::Syntax {
            message,
            line,
            column,
        }) => {
            let (path, place) = locator.error_place(locator.offset_of_serde(line, column));
            let path = if path.is_empty() {
                "the top level".to_string()
            } else {
                path
            };
            say!(
                "{file}:{}:{}: error at {path}: {message}",
                place.line,
                place.column
            );
            say!(
                "{file}: the check stops at the first error in the file's form (a wrong type, a misspelt or missing field): fix it and run the check again"
            );
            return false;
        }
        Err(e @ LoadError::SchemaVersion(_)) => {
            say!("{}: error at schema_version: {e}", at("schema_version"));
            return false;
        }
        Err(e) => {
            say!("{file}: error: {e}");
            return false;
        }
    };
    let print =
        |kind: &str, p: &Problem| say!("{}: {kind} at {}: {}", at(&p.path), p.path, p.message);
    for p in &errors {
        print("error", p);
    }
    for p in &warned {
        print("warning", p);
    }
    let summary = match (errors.len(), warned.len()) {
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
    errors.is_empty()
}
