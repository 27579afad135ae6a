//! The editors' data check, `cargo run --bin check-data -- FILE`, run as
//! a program on the fixtures: what it prints (place, path, words) and its
//! exit code.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_check-data");

/// The fixture `name` written out (tests/common/fixtures.rs).
fn fixture(name: &str) -> String {
    common::fixtures::file(name)
}

/// Runs the check on `files`; its exit code and its lines.
fn check(files: &[&str]) -> (i32, Vec<String>) {
    let out = Command::new(BIN)
        .args(files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("check-data runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    (
        out.status.code().expect("an exit code"),
        text.lines().map(str::to_string).collect(),
    )
}

/// The text of `file` at a line and column (both from 1).
fn text_at(file: &str, line: usize, column: usize) -> String {
    common::text_at(&std::fs::read_to_string(file).unwrap(), line, column)
}

/// Splits `FILE:LINE:COLUMN: rest` and returns (line, column, rest).
fn placed(line: &str, file: &str) -> (usize, usize, String) {
    let rest = line
        .strip_prefix(&format!("{file}:"))
        .unwrap_or_else(|| panic!("{line:?} does not start with {file}:"));
    let mut parts = rest.splitn(3, ':');
    let l = parts.next().unwrap().parse().expect("a line number");
    let c = parts.next().unwrap().parse().expect("a column number");
    (l, c, parts.next().unwrap().trim_start().to_string())
}

/// How the check names a place: an event numbered from one, then its path.
fn at(kind: &str, path: &str) -> String {
    match path
        .strip_prefix("events[")
        .and_then(|r| r.split(']').next())
    {
        Some(i) => {
            let n: usize = i.parse::<usize>().unwrap() + 1;
            let nth = match n {
                1 => "1st".to_string(),
                2 => "2nd".to_string(),
                3 => "3rd".to_string(),
                n => format!("{n}th"),
            };
            format!("{kind} in the {nth} event, {path}")
        }
        None => format!("{kind} at {path}"),
    }
}

#[test]
fn the_shipped_data_passes_and_is_the_default() {
    let (code, lines) = check(&[]);
    assert_eq!(code, 0, "{lines:#?}");
    assert_eq!(lines, ["public/data/timeline.json: valid, no problems"]);
}

#[test]
fn each_typical_mistake_is_placed_named_and_fails() {
    // (fixture, JSON path, words of the message, text found at the place)
    let cases = [
        (
            "number-for-text.json",
            "events[1].title",
            "this is a number (5), but it must be a text by language",
            "5",
        ),
        (
            "month-13.json",
            "events[0].date",
            "\"2024-13\" is not a real date: there is no month 13",
            "\"2024-13\"",
        ),
        (
            "unknown-status.json",
            "events[3].status",
            "\"planned\" is not an allowed value here: use \"took_place\" or \"expected\"",
            "\"planned\"",
        ),
        (
            "events-object.json",
            "events",
            "this is an object {…}, but it must be a list in square brackets",
            "{",
        ),
        (
            "javascript-url.json",
            "sources[0].url",
            "is not a web address: it must start with https:// or http://",
            "\"javascript:",
        ),
        (
            "url-with-space.json",
            "sources[2].url",
            "contains a space",
            "\"https://www.info.gov.hk/",
        ),
        (
            "missing-id.json",
            "events[2]",
            "the required field \"id\" is missing",
            "{",
        ),
        (
            "misspelt-field.json",
            "events[0]",
            "there is no field \"summery\" here (misspelt?)",
            "\"summery\": {",
        ),
        (
            "duplicate-ids.json",
            "events[1].id",
            "ids must be unique",
            "\"ip-visit-pumch-2024-03\"",
        ),
        (
            "unsorted.json",
            "events[1].date",
            "list events in date order",
            "\"2024-04\"",
        ),
    ];
    for (name, path, words, found) in cases {
        let file = fixture(name);
        let (code, lines) = check(&[&file]);
        assert_eq!(code, 1, "{name}: {lines:#?}");
        // Every problem is listed, in the file's order: find this one.
        let problem = lines
            .iter()
            .find(|l| l.contains(words))
            .unwrap_or_else(|| panic!("{name}: none of {lines:#?} says {words:?}"));
        let (line, column, rest) = placed(problem, &file);
        assert_eq!(
            rest.split_once(": ").map(|(head, _)| head),
            Some(at("error", path).as_str()),
            "{name}: {lines:#?}"
        );
        assert!(
            rest.contains(words),
            "{name}: {rest:?} should say {words:?}"
        );
        let there = text_at(&file, line, column);
        assert!(
            there.starts_with(found),
            "{name}: at {line}:{column} stands {there:?}, not {found:?}"
        );
    }
}

#[test]
fn every_rule_problem_is_listed_with_a_summary() {
    let file = fixture("unknown-references.json");
    let (code, lines) = check(&[&file]);
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].contains("error in the 1st event, events[0].participants[0].person: "));
    assert!(lines[1].contains("error in the 1st event, events[0].sources[0]: "));
    assert_eq!(
        lines[2],
        format!("{file}: 2 problems: the app will refuse this file")
    );
}

#[test]
fn warnings_alone_do_not_fail_the_check() {
    let file = fixture("far-date.json");
    let (code, lines) = check(&[&file]);
    assert_eq!(code, 0, "{lines:#?}");
    let (line, column, rest) = placed(&lines[0], &file);
    assert_eq!(
        rest,
        "warning in the 5th event, events[4].date: 9025-11-18 is 7,001 years after the other events (the latest: 2024): a typo?"
    );
    assert!(text_at(&file, line, column).starts_with("\"9025-11-18\""));
    assert_eq!(lines[1], format!("{file}: valid, with 1 warning"));

    let file = fixture("missing-translation.json");
    let (code, lines) = check(&[&file]);
    assert_eq!(code, 0, "{lines:#?}");
    assert!(
        lines[0].ends_with("warning in the 2nd event, events[1].summary: no \"zh-Hant\" text: readers in that language see the English"),
        "{lines:#?}"
    );
}

#[test]
fn files_that_are_not_json_text_are_refused_with_their_place() {
    let file = fixture("invalid-utf8.json");
    let (code, lines) = check(&[&file]);
    assert_eq!(code, 1);
    let (line, _, rest) = placed(&lines[0], &file);
    assert!(line > 1, "{lines:#?}");
    assert!(rest.contains("not UTF-8"), "{rest}");

    let file = fixture("truncated.json");
    let (code, lines) = check(&[&file]);
    assert_eq!(code, 1);
    assert!(lines[0].contains("the file ends too early"), "{lines:#?}");

    let (code, lines) = check(&["no/such/file.json"]);
    assert_eq!(code, 1);
    assert!(lines[0].starts_with("no/such/file.json: error: cannot read the file"));
}

#[test]
fn several_files_fail_if_any_fails() {
    let good = fixture("byte-order-mark.json");
    let bad = fixture("month-13.json");
    let (code, lines) = check(&[&good, &bad]);
    assert_eq!(code, 1);
    assert_eq!(lines[0], format!("{good}: valid, no problems"));
    let (code, _) = check(&[&good, &fixture("html-payloads.json")]);
    assert_eq!(code, 0);
}

#[test]
fn three_mistakes_in_one_event_are_all_reported_in_one_run() {
    // The 2nd event: a kind that does not exist (a problem of form, which
    // stops the app's reading), a date typed "2024-4" (a rule) and no
    // zh-Hant summary (a warning).
    let file = fixture("three-mistakes.json");
    let (code, lines) = check(&[&file]);
    assert_eq!(code, 1, "{lines:#?}");
    assert_eq!(lines.len(), 4, "{lines:#?}");
    // In the file's order (the written fixture's fields are in
    // alphabetical order: date, kind, …, summary).
    let expected = [
        (
            "error in the 2nd event, events[1].date",
            "\"2024-4\" is not a real date: write dates as YYYY, YYYY-MM or YYYY-MM-DD",
            "\"2024-4\"",
        ),
        (
            "error in the 2nd event, events[1].kind",
            "\"meeting\" is not an allowed value here: use one of \"visit\", \"delegation\"",
            "\"meeting\"",
        ),
        (
            "warning in the 2nd event, events[1].summary",
            "no \"zh-Hant\" text: readers in that language see the English",
            "{",
        ),
    ];
    for (line, (head, words, found)) in lines.iter().zip(expected) {
        let (l, c, rest) = placed(line, &file);
        let (h, message) = rest.split_once(": ").unwrap();
        assert_eq!(h, head, "{lines:#?}");
        assert!(
            message.starts_with(words),
            "{message:?} should say {words:?}"
        );
        assert!(
            text_at(&file, l, c).starts_with(found),
            "{head}: at {l}:{c} stands {:?}",
            text_at(&file, l, c)
        );
    }
    assert_eq!(
        lines[3],
        format!("{file}: 2 problems and 1 warning: the app will refuse this file")
    );
}

#[test]
fn problems_of_form_are_all_listed_and_the_app_s_first_is_among_them() {
    use hkust_pumch_timeline::model::{load, LoadError};
    // Each form fixture: the app's own message (line, column, path) is one
    // of the check's lines, word for word.
    for name in [
        "number-for-text.json",
        "unknown-status.json",
        "events-object.json",
        "missing-id.json",
        "misspelt-field.json",
        "wrong-types.json",
        "three-mistakes.json",
        "truncated.json",
    ] {
        let file = fixture(name);
        let text = std::fs::read_to_string(&file).unwrap();
        let Err(LoadError::Syntax {
            message,
            path,
            line,
            column,
        }) = load(&text)
        else {
            panic!("{name}: the app should stop at a problem of form");
        };
        let (code, lines) = check(&[&file]);
        assert_eq!(code, 1);
        let head = if path.is_empty() {
            "error at the top level".to_string()
        } else {
            at("error", &path)
        };
        let app = format!("{file}:{line}:{column}: {head}: {message}");
        assert!(lines.contains(&app), "{name}: {app:?} not in {lines:#?}");
    }
    // Two problems of form in two events, and a rule problem: all three.
    let file = fixture("wrong-types.json");
    let (_, lines) = check(&[&file]);
    assert!(
        lines[0].contains("events[0].date: this is a number (2024)"),
        "{lines:#?}"
    );
    assert!(
        lines[1].contains("events[1].participants: this is an object"),
        "{lines:#?}"
    );
}

#[test]
fn a_timelinejs_file_is_recognised_and_sent_to_the_importer() {
    let dir = std::env::temp_dir().join(format!("check-data-tljs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("timeline.json");
    std::fs::write(
        &file,
        r#"{"title": {"text": {"headline": "HKUST and PUMCH"}},
            "events": [{"start_date": {"year": "2024", "month": "7"}, "text": {"headline": "Signed"}}]}"#,
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let (code, lines) = check(&[file]);
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains("TimelineJS file"), "{lines:#?}");
    assert!(
        lines[0].contains(&format!("cargo run --bin import-timelinejs -- {file}")),
        "{lines:#?}"
    );
    assert!(lines[0].contains("Moving from TimelineJS"), "{lines:#?}");
    assert!(!lines[0].contains("schema_version"), "{lines:#?}");
    // A file that is neither keeps the advice on the version.
    std::fs::write(file, r#"{"title": {"en": "A"}, "events": []}"#).unwrap();
    let (_, lines) = check(&[file]);
    assert!(lines[0].contains("add \"schema_version\": 1"), "{lines:#?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
