//! From the bytes of `timeline.json` to a [`Timeline`]: the size and
//! encoding checks, parsing (with serde's messages put in plain words and
//! placed by line and column), the schema version, then the rules
//! ([`super::validate`]).

use std::fmt;

use super::locate::Locator;
use super::schema::{TimelineDoc, SCHEMA_VERSION};
use super::timeline::Timeline;
use super::validate::{validate, Problem};

/// Why the data could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not the expected shape (a wrong type, a misspelt
    /// field). serde stops at the first such error; it is placed by
    /// [`syntax_error`], as the data check places it: the path of the value
    /// it is about (empty at the top level), its line and column (the
    /// column in characters, both from 1).
    Syntax {
        message: String,
        path: String,
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
                ..
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

/// serde_json's own words for an error, without the " at line L column
/// C" it appends (the place is reported apart).
pub fn serde_words(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

/// serde's error in `text`, in plain words and at its place: for a
/// problem of form, where [`Locator::form_place`] puts it (the data check
/// places every such problem with it too); for broken JSON, where it
/// breaks, in the innermost value that was open there.
pub fn syntax_error(text: &str, e: &serde_json::Error) -> LoadError {
    let words = serde_words(e);
    let locator = Locator::new(text);
    let form = e.is_data().then_some(words.as_str());
    let (path, place) = locator.serde_error(e.line(), e.column(), form);
    LoadError::Syntax {
        message: plain(&words),
        path,
        line: place.line,
        column: place.column,
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

/// Reads a timeline file as it comes off the network: refuses one over
/// [`MAX_BYTES`] or not in UTF-8, accepts (and drops) a byte-order mark,
/// then parses and validates it.
pub fn load_bytes(bytes: &[u8]) -> Result<Timeline, LoadError> {
    parse(decode(bytes)?)
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
    // Text is UTF-8 already: only the size and the byte-order mark remain.
    if json.len() > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: json.len() });
    }
    parse(json.strip_prefix('\u{feff}').unwrap_or(json))
}

/// Parses and validates decoded text (no byte-order mark).
fn parse(json: &str) -> Result<Timeline, LoadError> {
    // One pass in the usual case. The version decides what the rest means,
    // so when the file does not read as this version's, a second look at
    // the version alone tells a file of another version from a broken one.
    let doc: TimelineDoc = match serde_json::from_str(json) {
        Ok(doc) => doc,
        Err(e) => {
            serde_json::from_str::<Header>(json)
                .map_err(|e| syntax_error(json, &e))?
                .check()?;
            return Err(syntax_error(json, &e));
        }
    };
    Header {
        schema_version: Some(doc.schema_version),
    }
    .check()?;
    validate(doc).map_err(LoadError::Invalid)
}
