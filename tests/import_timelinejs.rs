//! `cargo run --bin import-timelinejs -- FILE`, run as a program: on
//! TimelineJS's own example sheet (from its npm package, a dev dependency:
//! `npm ci` puts it in node_modules), on our fixtures of both formats, and
//! on input it must refuse. Its output is read back with the app's loader.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::text_at;
use std::path::Path;
use std::process::Command;

use hkust_pumch_timeline::model::schema::TimelineDoc;
use hkust_pumch_timeline::model::{PartialDate, Precision};

const BIN: &str = env!("CARGO_BIN_EXE_import-timelinejs");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// TimelineJS's example sheet, in the Google Sheet template's columns.
const WOMEN_IN_COMPUTING: &str =
    "node_modules/@knight-lab/timelinejs/src/js/core/__tests__/women_in_computing.csv";

struct Run {
    code: i32,
    stdout: String,
    stderr: Vec<String>,
}

fn run(args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("import-timelinejs runs");
    Run {
        code: out.status.code().expect("an exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(out.stderr)
            .expect("UTF-8 messages")
            .lines()
            .map(str::to_string)
            .collect(),
    }
}

impl Run {
    fn says(&self, words: &[&str]) -> &str {
        self.stderr
            .iter()
            .find(|l| words.iter().all(|w| l.contains(w)))
            .unwrap_or_else(|| panic!("no line with {words:?} in {:#?}", self.stderr))
    }

    fn doc(&self) -> TimelineDoc {
        serde_json::from_str(&self.stdout).expect("the output is our format")
    }
}

#[test]
fn timelinejs_own_example_sheet_imports_with_exactly_the_problems_to_fix() {
    assert!(
        Path::new(ROOT).join(WOMEN_IN_COMPUTING).is_file(),
        "{WOMEN_IN_COMPUTING} is missing: run `npm ci` (scripts/setup.sh does) so that TimelineJS's own example can be imported"
    );
    let run = run(&[WOMEN_IN_COMPUTING]);
    // Written, but it has problems by our rules: exit code 1.
    assert_eq!(run.code, 1, "{:#?}", run.stderr);
    let doc = run.doc();
    assert_eq!(doc.title.en(), "Women in Computing");
    assert_eq!(doc.events.len(), 10);
    // Year-only dates stay years; the sheet's order is put in date order.
    let dates: Vec<&str> = doc.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(
        dates,
        [
            "1815-12-10",
            "1943-06-05",
            "1943-07",
            "1948-03-14",
            "1951",
            "1952",
            "1956",
            "1958",
            "1972",
            "1985"
        ]
    );
    let grace = &doc.events[5];
    assert_eq!(grace.id, "1952-grace-hopper-invents-the-compiler");
    assert_eq!(
        PartialDate::parse(&grace.date).unwrap().precision(),
        Precision::Year
    );
    assert_eq!(doc.events[2].end.as_ref().unwrap().date, "1946");
    // Its links became sources, and the text is plain.
    let ada = &doc.events[0];
    assert_eq!(
        ada.sources,
        [
            "en-wikipedia-org-wiki-ada-lovelace",
            "en-wikipedia-org-wiki-analytical-engine"
        ]
    );
    assert!(ada.summary.en().starts_with("Women have been programming"));
    assert!(doc.events.iter().all(|e| !e.summary.en().contains('<')));
    // What cannot come over is listed, with its row.
    run.says(&["row 2 (\"Women in Computing\")", "background"]);
    // Its photos come over (their hosts listed), its video too; its
    // quotation, map, page and sound are listed.
    run.says(&[
        "check:",
        "\"media_hosts\" lists upload.wikimedia.org",
        "row 3 (\"Ada Lovelace\")",
    ]);
    assert!(ada.media[0]
        .src
        .as_deref()
        .unwrap()
        .starts_with("https://upload.wikimedia.org/"));
    assert!(doc
        .events
        .iter()
        .any(|e| e.media.iter().any(|m| m.video.is_some())));
    run.says(&["row 6", "not carried over: its media", "google.com/maps"]);
    run.says(&["check:", "status"]);
    // The problems are exactly what an editor must fix: the events whose
    // texts link nowhere have no source, and one slide has no text (its
    // words are in its media, a quotation). Each is placed in the output.
    let problems: Vec<&String> = run
        .stderr
        .iter()
        .filter(|l| l.contains(": error "))
        .collect();
    // "error at PATH: …", or "error in the 5th event, events[4].…: …".
    let mut paths: Vec<&str> = problems
        .iter()
        .map(|l| {
            let place = l.split_once(": error ").unwrap().1;
            let place = place
                .strip_prefix("at ")
                .or_else(|| place.split_once(" event, ").map(|(_, p)| p))
                .unwrap();
            place.split(':').next().unwrap()
        })
        .collect();
    paths.sort_unstable();
    let mut expected: Vec<String> = (1..10).map(|i| format!("events[{i}].sources")).collect();
    expected.push("events[3].summary.en".into());
    // The photos' size and alt text, which TimelineJS does not give.
    for i in [0, 7] {
        expected.extend(std::iter::repeat_n(format!("events[{i}].media[0]"), 3));
    }
    expected.sort_unstable();
    assert_eq!(paths, expected);
    for line in problems {
        let mut parts = line.strip_prefix("output:").unwrap().splitn(3, ':');
        let l: usize = parts.next().unwrap().parse().unwrap();
        let c: usize = parts.next().unwrap().parse().unwrap();
        let at = text_at(&run.stdout, l, c);
        assert!(
            at.starts_with('[') || at.starts_with('"') || at.starts_with('{'),
            "{line} points at {at:?}"
        );
    }
    run.says(&["output: 16 problem(s) to fix"]);
}

#[test]
fn timelinejs_own_example_json_files_import_and_list_what_they_lose() {
    // TimelineJS's own JSON templates, from the same npm package: every
    // slide's media, every era and every date out of our reach is listed.
    for name in ["all-media-types", "eras"] {
        let file = format!("node_modules/@knight-lab/timelinejs/src/template/{name}.json");
        let text = std::fs::read_to_string(Path::new(ROOT).join(&file))
            .unwrap_or_else(|e| panic!("{file}: {e}: run `npm ci` (scripts/setup.sh does)"));
        let source: serde_json::Value = serde_json::from_str(&text).unwrap();
        let run = run(&[&file]);
        // Their texts link nowhere, so events lack sources: exit code 1.
        assert_eq!(run.code, 1, "{file}: {:#?}", run.stderr);
        let events = source["events"].as_array().unwrap();
        assert_eq!(run.doc().events.len(), events.len(), "{file}");
        let with_media = events
            .iter()
            .chain([&source["title"]])
            .filter(|e| e.get("media").is_some())
            .count();
        // Each slide's media comes over (an image, a YouTube or Vimeo
        // video) or is listed.
        let listed = run
            .stderr
            .iter()
            .filter(|l| l.contains("not carried over: its media"))
            .count();
        let carried = run
            .doc()
            .events
            .iter()
            .filter(|e| !e.media.is_empty())
            .count();
        assert_eq!(carried + listed, with_media, "{file}");
        if name == "all-media-types" {
            assert!(
                carried >= 3 && listed >= 3,
                "{carried} carried, {listed} listed"
            );
        }
        if name == "eras" {
            // Seventh-century dates: out of our reach, and said so.
            run.says(&["events[0]", "year 602 cannot be shown", "1000 to 9999"]);
        }
        let eras = source["eras"].as_array().map_or(0, Vec::len);
        for i in 0..eras {
            run.says(&[&format!("eras[{i}] ("), "eras"]);
        }
    }
}

#[test]
fn both_fixtures_import_with_only_their_photo_to_describe() {
    for (file, title) in [
        (
            "tests/fixtures/timelinejs/timeline.json",
            "Fixture & test timeline",
        ),
        ("tests/fixtures/timelinejs/sheet.csv", "Fixture sheet"),
    ] {
        let run = run(&[file, "--organisations", "public/data/timeline.json"]);
        // Their photo's width, height and alt text are to be written.
        assert_eq!(run.code, 1, "{file}: {:#?}", run.stderr);
        assert_eq!(run.doc().title.en(), title);
        run.says(&["eras"]);
        run.says(&["image's width, height and alt text are to be written"]);
        run.says(&["output: 3 problem(s)"]);
        assert!(
            run.stderr
                .iter()
                .filter(|l| l.contains("error"))
                .all(|l| l.contains(".media[0]: an image has no ")),
            "{:#?}",
            run.stderr
        );
    }
}

#[test]
fn a_chosen_language_is_used_for_every_text() {
    let run = run(&["tests/fixtures/timelinejs/sheet.csv", "--lang", "zh-Hans"]);
    let doc = run.doc();
    assert_eq!(doc.title.0.keys().collect::<Vec<_>>(), ["zh-Hans"]);
    assert!(doc
        .events
        .iter()
        .all(|e| e.summary.0.contains_key("zh-Hans")));
    // English is required by our rules: the editor is told where.
    assert_eq!(run.code, 1);
    run.says(&["error at title: ", "English"]);
    run.says(&["check:", "English", "zh-Hans"]);
}

#[test]
fn bad_input_is_refused_with_a_plain_message() {
    // (arguments, words of the message, whether the usage follows: only
    // for a wrong command line; a file that cannot be imported gets one
    // sentence)
    let cases: [(&[&str], &str, bool); 6] = [
        (
            &["tests/fixtures/timelinejs/not-timelinejs.json"],
            "no \"events\" list",
            false,
        ),
        (
            &["tests/fixtures/timelinejs/not-template.csv"],
            "the first row is not the TimelineJS template's header",
            false,
        ),
        (
            &["tests/fixtures/timelinejs/missing.json"],
            "cannot read the file",
            false,
        ),
        (
            &["public/data/timeline.json"],
            "already this timeline's format",
            false,
        ),
        (
            &["tests/fixtures/timelinejs/sheet.csv", "--lang", "fr"],
            "--lang \"fr\"",
            true,
        ),
        (&[], "give the TimelineJS file", true),
    ];
    for (args, words, usage) in cases {
        let run = run(args);
        assert_eq!(run.code, 2, "{args:?}: {:#?}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?} writes nothing");
        assert!(
            run.stderr[0].starts_with("error: "),
            "{args:?}: {:#?}",
            run.stderr
        );
        assert!(run.stderr[0].contains(words), "{args:?}: {:#?}", run.stderr);
        assert_eq!(
            run.stderr.iter().any(|l| l.starts_with("usage:")),
            usage,
            "{args:?}: {:#?}",
            run.stderr
        );
        if !usage {
            assert_eq!(run.stderr.len(), 1, "{args:?}: {:#?}", run.stderr);
        }
    }
}
