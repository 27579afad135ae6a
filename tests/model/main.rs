//! The data rules, on the host: the shipped file passes (`shipped`), each
//! rule catches its violation with the right JSON path (`rules`, in a
//! frozen base file, `tests/data/rules-base.json`, not in the content
//! editors change), and files that cannot be read say why and where
//! (`reading`).

#[path = "../common/mod.rs"]
mod common;
mod reading;
mod rules;
mod shipped;

use hkust_pumch_timeline::model::load::plain;
use hkust_pumch_timeline::model::validate::url_problem;
use hkust_pumch_timeline::model::warnings::{far_dates, missing_translations, warnings, FAR_YEARS};
use hkust_pumch_timeline::model::{
    load, load_bytes, Kind, LoadError, Precision, Status, MAX_BYTES,
};
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../../public/data/timeline.json");

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).expect("the shipped file is JSON")
}

/// The valid timeline the rule tests break one rule at a time: a frozen
/// copy of the data as it was when these tests were written, so that
/// editing the real content (reordering events, removing a quotation)
/// never breaks a test of a rule. The shipped file has tests of its own.
fn base() -> Value {
    serde_json::from_str(include_str!("../data/rules-base.json")).expect("the base file is JSON")
}

/// The problems `doc` has, as `path: message` lines.
fn problems(doc: &Value) -> Vec<String> {
    match load(&doc.to_string()) {
        Ok(_) => vec![],
        Err(LoadError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        Err(other) => vec![format!("not a rule problem: {other}")],
    }
}

/// Asserts that exactly one problem stands at `path` and that its message
/// contains `words`.
fn assert_problem(doc: &Value, path: &str, words: &str) {
    let found = problems(doc);
    let at_path: Vec<_> = found
        .iter()
        .filter(|p| p.starts_with(&format!("{path}: ")))
        .collect();
    assert_eq!(
        at_path.len(),
        1,
        "expected one problem at {path}, got {found:#?}"
    );
    assert!(
        at_path[0].contains(words),
        "{:?} should say {words:?}",
        at_path[0]
    );
}
