//! The bad-data fixtures, made from one valid file: each is the frozen base
//! (`tests/data/rules-base.json`) or another fixture, changed as
//! `tests/fixtures/fixtures.json` says, written out pretty-printed (so
//! that a place in it, line and column, is a place in the file a test
//! reads). The Rust tests take them from here; the end-to-end tests from
//! `cargo run --example fixtures -- FOLDER`, which writes them all.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const PATCHES: &str = include_str!("../fixtures/fixtures.json");
const BASE: &str = include_str!("../data/rules-base.json");

fn patches() -> Value {
    serde_json::from_str(PATCHES).expect("tests/fixtures/fixtures.json is JSON")
}

/// Every fixture's name, as a path under the fixtures' folder
/// (`month-13.json`, `media/valid.json`).
pub fn names() -> Vec<String> {
    patches()["fixtures"]
        .as_object()
        .expect("a \"fixtures\" object")
        .keys()
        .cloned()
        .collect()
}

/// The fixture `name`'s bytes.
pub fn bytes(name: &str) -> Vec<u8> {
    let all = patches();
    let spec = &all["fixtures"][name];
    assert!(
        spec.is_object(),
        "no fixture {name} in tests/fixtures/fixtures.json"
    );
    let mut out = serde_json::to_string_pretty(&document(&all, name)).unwrap() + "\n";
    if let Some(text) = spec["cut_after"].as_str() {
        let at = out
            .find(text)
            .unwrap_or_else(|| panic!("{name}: no {text:?} to cut after"));
        out.truncate(at + text.len());
    }
    let mut bytes = out.into_bytes();
    if let Some(text) = spec["invalid_byte_at"].as_str() {
        let at = find(&bytes, text.as_bytes()).unwrap_or_else(|| panic!("{name}: no {text:?}"));
        bytes[at] = 0xFF;
    }
    if spec["byte_order_mark"] == json!(true) {
        bytes.splice(0..0, "\u{FEFF}".bytes());
    }
    bytes
}

/// The fixture `name` written out, once per test program (in Cargo's
/// folder for the tests' files): the path the data check is run on.
pub fn file(name: &str) -> String {
    static WRITTEN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let dir = WRITTEN.get_or_init(|| {
        let dir = Path::new(option_env!("CARGO_TARGET_TMPDIR").unwrap_or("target/tmp"))
            .join(format!("fixtures-{}", std::process::id()));
        write_all(&dir);
        dir
    });
    dir.join(name).to_str().unwrap().to_string()
}

/// Writes every fixture under `dir`.
pub fn write_all(dir: &Path) {
    for name in names() {
        let path = dir.join(&name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes(&name)).unwrap();
    }
}

/// The document of fixture `name`: its base with its patch applied.
fn document(all: &Value, name: &str) -> Value {
    let spec = &all["fixtures"][name];
    let mut doc = match spec["over"].as_str() {
        Some(over) => document(all, over),
        None => serde_json::from_str(BASE).expect("the base file is JSON"),
    };
    for op in spec["patch"].as_array().into_iter().flatten() {
        apply(&mut doc, op).unwrap_or_else(|why| panic!("{name}: {op}: {why}"));
    }
    doc
}

/// One change: JSON Patch's add, remove, replace and move (RFC 6902),
/// and two of ours, append (to the end of the text at `path`) and
/// append_to_texts (to the end of every text the reader sees).
fn apply(doc: &mut Value, op: &Value) -> Result<(), String> {
    let path = op["path"].as_str().unwrap_or_default();
    let value = || op["value"].clone();
    match op["op"].as_str().ok_or("no op")? {
        "add" => insert(doc, path, value()),
        "remove" => take(doc, path).map(drop),
        "replace" => {
            *doc.pointer_mut(path).ok_or("nothing there")? = value();
            Ok(())
        }
        "move" => {
            let moved = take(doc, op["from"].as_str().ok_or("no from")?)?;
            insert(doc, path, moved)
        }
        "append" => match doc.pointer_mut(path) {
            Some(Value::String(text)) => {
                text.push_str(op["value"].as_str().ok_or("no text to append")?);
                Ok(())
            }
            _ => Err("no text there".into()),
        },
        "append_to_texts" => {
            append_to_texts(doc, op["value"].as_str().ok_or("no text to append")?);
            Ok(())
        }
        other => Err(format!("no op {other:?}")),
    }
}

/// The parent of `path` and its last step.
fn parent<'a>(doc: &'a mut Value, path: &'a str) -> Result<(&'a mut Value, &'a str), String> {
    let (up, last) = path.rsplit_once('/').ok_or("not a JSON pointer")?;
    Ok((doc.pointer_mut(up).ok_or("no parent")?, last))
}

fn insert(doc: &mut Value, path: &str, value: Value) -> Result<(), String> {
    match parent(doc, path)? {
        (Value::Object(map), key) => {
            map.insert(key.to_string(), value);
        }
        (Value::Array(list), index) => {
            list.insert(index.parse().map_err(|_| "not an index")?, value);
        }
        _ => return Err("not in an object or a list".into()),
    }
    Ok(())
}

fn take(doc: &mut Value, path: &str) -> Result<Value, String> {
    match parent(doc, path)? {
        (Value::Object(map), key) => map.remove(key).ok_or_else(|| "nothing there".into()),
        (Value::Array(list), index) => {
            let index: usize = index.parse().map_err(|_| "not an index")?;
            (index < list.len())
                .then(|| list.remove(index))
                .ok_or_else(|| "nothing there".into())
        }
        _ => Err("not in an object or a list".into()),
    }
}

/// Keys whose text the reader never sees as such: names of things (ids,
/// references, codes), dates and addresses.
const NOT_TEXT: [&str; 10] = [
    "$schema",
    "id",
    "organisation",
    "person",
    "source",
    "lang",
    "kind",
    "status",
    "date",
    "url",
];
/// Keys that hold, in an event, a list of references (top level
/// `sources` is a list of sources, with texts).
const REFERENCES: [&str; 3] = ["organisations", "sources", "media_hosts"];

fn append_to_texts(value: &mut Value, tail: &str) {
    match value {
        Value::String(text) => text.push_str(tail),
        Value::Array(list) => list.iter_mut().for_each(|v| append_to_texts(v, tail)),
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let references = REFERENCES.contains(&key.as_str())
                    && v.as_array().is_some_and(|l| l.iter().all(Value::is_string));
                if !NOT_TEXT.contains(&key.as_str()) && !references {
                    append_to_texts(v, tail);
                }
            }
        }
        _ => {}
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
