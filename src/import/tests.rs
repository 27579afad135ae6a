//! The importer's parts, on the host: HTML to text, ids, dates, groups,
//! and whole imports of the fixtures (`tests/fixtures/timelinejs/`) checked
//! with the app's own loader. The command itself is tested in
//! `tests/import_timelinejs.rs`.

use super::html::{decode, to_text, Link};
use super::ids::{slug, Ids};
use super::{import, Format, Options, Report};
use crate::i18n::problem_place;
use crate::model::schema::{Kind, Status, TimelineDoc};
use crate::model::validate::is_valid_id;
use crate::model::{load, Lang};

const JSON: &str = include_str!("../../tests/fixtures/timelinejs/timeline.json");
const CSV: &str = include_str!("../../tests/fixtures/timelinejs/sheet.csv");
const OURS: &str = include_str!("../../public/data/timeline.json");

fn run(text: &str, format: Format, lang: Lang) -> (Report, TimelineDoc) {
    let ours = load(OURS).expect("the shipped data loads");
    let options = Options {
        lang,
        organisations: &ours.doc.organisations,
        folder: None,
    };
    let report = import(text, format, &options).expect("imports");
    let doc = serde_json::from_str(&report.json).expect("our format");
    (report, doc)
}

fn notice<'r>(report: &'r Report, words: &[&str]) -> &'r str {
    report
        .notices
        .iter()
        .find(|n| words.iter().all(|w| n.contains(w)))
        .unwrap_or_else(|| panic!("no notice with {words:?} in {:#?}", report.notices))
}

#[test]
fn html_becomes_plain_text_with_its_links() {
    let plain = to_text(
        "<p class=\"lead\">One&nbsp;&amp; <b>two</b><br/>three</p><p>See <a title='x > y' href=\"https://a.example/?p=1&amp;q=2\">the <i>page</i></a>.</p>\
         <script>alert('<p>')</script><style>p{}</style><!-- <a href=\"https://hidden.example\">x</a> -->a < b &#8217;&#x201c;&bogus; &#0;",
    );
    assert_eq!(
        plain.text,
        "One & two three See the page. a < b ’“&bogus; \u{fffd}"
    );
    assert_eq!(
        plain.links,
        [Link {
            href: "https://a.example/?p=1&q=2".into(),
            text: "the page".into()
        }]
    );
    // Decoded markup is text, never markup again.
    assert_eq!(
        to_text("&lt;script&gt;x&lt;/script&gt;").text,
        "<script>x</script>"
    );
    assert_eq!(to_text("<a href=x>unclosed").links[0].text, "unclosed");
    assert_eq!(decode("AT&T &amp"), "AT&T &amp");
}

#[test]
fn ids_are_valid_stable_and_unique() {
    assert_eq!(
        slug("Rózsa Péter writes recursion!"),
        "rozsa-peter-writes-recursion"
    );
    assert_eq!(slug("協和"), "");
    let long = "word ".repeat(40);
    assert!(slug(&long).len() <= 64 && !slug(&long).ends_with('-'));
    let mut ids = Ids::default();
    assert!(ids.reserve("kept"));
    assert!(!ids.reserve("kept"));
    assert!(!ids.reserve("Not Valid"));
    let base = "a".repeat(64);
    let claimed: Vec<String> = (0..3).map(|_| ids.claim(&base)).collect();
    assert_eq!(claimed[0], base);
    assert_eq!(claimed[1], format!("{}-2", "a".repeat(62)));
    assert!(claimed.iter().all(|id| is_valid_id(id)));
    assert_eq!(ids.claim("kept"), "kept-2");
}

/// The only problems are what TimelineJS does not give of the image at
/// `path`: its width, height and alt text.
fn only_the_image_to_describe(report: &Report, path: &str) {
    let at = format!("error {}: an image has no ", problem_place(path));
    let words: Vec<&str> = report
        .problems
        .iter()
        .map(|p| p.split_once(&at).map_or(p.as_str(), |(_, w)| &w[..6]))
        .collect();
    assert_eq!(
        words,
        ["\"width", "\"heigh", "\"alt\":"],
        "{:#?}",
        report.problems
    );
}

#[test]
fn the_json_fixture_imports_with_only_its_photo_to_describe() {
    let (report, doc) = run(JSON, Format::Json, Lang::En);
    only_the_image_to_describe(&report, "events[0].media[0]");
    let photo = &doc.events[0].media[0];
    assert_eq!(photo.src.as_deref(), Some("https://example.org/photo.jpg"));
    assert_eq!(photo.caption.as_ref().unwrap().en(), "A photo");
    assert_eq!(photo.credit.as_ref().unwrap().en(), "Someone");
    assert_eq!(doc.media_hosts, ["example.org"]);
    notice(&report, &["check:", "\"media_hosts\" lists example.org"]);
    assert_eq!(doc.title.en(), "Fixture & test timeline");
    // In date order; each keeps its precision: a year stays a year.
    let dates: Vec<&str> = doc.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["2001", "2002-03", "2003-05-17"]);
    let year_only = &doc.events[0];
    assert_eq!(year_only.end.as_ref().unwrap().date, "2002");
    assert_eq!(year_only.id, "2001-fixture-a-year-only");
    assert!(year_only
        .notes
        .as_ref()
        .unwrap()
        .contains("\"Spring 2001\""));
    // A usable unique_id is kept; a group naming a kind or an
    // organisation maps to it; the rest get the defaults that claim least.
    let signing = &doc.events[2];
    assert_eq!(signing.id, "fixture-signing");
    assert_eq!(signing.kind, Kind::Agreement);
    assert_eq!(doc.events[1].organisations, ["hkust"]);
    assert_eq!(doc.organisations.len(), 1);
    assert!(doc.events.iter().all(|e| e.status == Status::Expected));
    assert_eq!(year_only.kind, Kind::Context);
    // HTML to text; web links became sources, others did not.
    assert_eq!(
        signing.summary.en(),
        "First line second line <b> “quoted” Read the notice, not this."
    );
    let urls: Vec<&str> = doc.sources.iter().map(|s| s.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://example.org/signing?a=1&b=2",
            "https://example.org/year",
            "http://example.org/visit"
        ]
    );
    assert_eq!(
        doc.events[1].sources,
        ["example-org-visit", "example-org-year"]
    );
    assert_eq!(doc.sources[0].title, "the notice");
    assert_eq!(doc.sources[0].publisher, "example.org");
    // What is not carried over is listed, with its slide.
    notice(&report, &["eras[0] (\"Fixture era\")", "eras"]);
    notice(
        &report,
        &[
            "events[1]",
            "image's width, height and alt text are to be written",
        ],
    );
    notice(
        &report,
        &[
            "the title slide",
            "media",
            "the title has none",
            "cover.jpg",
        ],
    );
    notice(&report, &["events[1]", "background", "#123456"]);
    notice(&report, &["events[1]", "slide type \"overview\""]);
    notice(&report, &["events[1]", "group \"Science\""]);
    notice(&report, &["events[1]", "\"sparkle\""]);
    notice(&report, &["events[1]", "mailto:"]);
    notice(&report, &["events[0]", "javascript:"]);
    notice(&report, &["events[0]", "14:30"]);
    notice(
        &report,
        &[
            "events[1]",
            "\"Not A Valid Id\"",
            "2001-fixture-a-year-only",
        ],
    );
    notice(&report, &["check:", "status", "expected"]);
    notice(&report, &["check:", "2 of 3", "context"]);
}

#[test]
fn the_csv_fixture_imports_with_only_its_photo_to_describe() {
    let (report, doc) = run(CSV, Format::Csv, Lang::En);
    only_the_image_to_describe(&report, "events[1].media[0]");
    assert_eq!(doc.title.en(), "Fixture sheet");
    let dates: Vec<(&str, Option<&str>)> = doc
        .events
        .iter()
        .map(|e| (e.date.as_str(), e.end.as_ref().map(|e| e.date.as_str())))
        .collect();
    assert_eq!(dates, [("2003-11", Some("2004-02")), ("2004", None)]);
    assert_eq!(doc.events[0].organisations, ["pumch"]);
    assert_eq!(doc.events[1].kind, Kind::Visit);
    assert_eq!(doc.events[0].summary.en(), "A text on two lines: source.");
    assert_eq!(
        doc.events[1].summary.en(),
        "Only the year, and \"quotes\". Then a link."
    );
    notice(&report, &["row 4 (\"Fixture era\")", "eras"]);
    notice(&report, &["row 2 (\"Fixture sheet\")", "background"]);
    assert_eq!(
        doc.events[1].media[0].caption.as_ref().map(|c| c.en()),
        Some("A caption")
    );
    notice(&report, &["row 5", "\"Around then\""]);
    notice(&report, &["column \"Notes\""]);
}

#[test]
fn another_language_fills_that_language_and_english_is_asked_for() {
    let (report, doc) = run(
        &JSON.replace("Agreements", "協議"),
        Format::Json,
        Lang::ZhHant,
    );
    assert_eq!(doc.events[2].kind, Kind::Agreement);
    assert_eq!(doc.title.0.keys().collect::<Vec<_>>(), ["zh-Hant"]);
    assert_eq!(doc.sources[0].lang, "zh-Hant");
    // Our rules want English in every text: exactly those are the problems.
    assert!(!report.problems.is_empty());
    assert!(
        report
            .problems
            .iter()
            .all(|p| p.contains("the English text (\"en\") is missing")
                || p.contains(".media[0]: an image has no ")),
        "{:#?}",
        report.problems
    );
}

#[test]
fn dates_out_of_reach_and_missing_parts_are_reported() {
    let json = r#"{"events": [
        {"start_date": {"year": -500}, "text": {"headline": "BC", "text": "<a href='https://example.org'>x</a>"}},
        {"start_date": {"year": "1999", "day": "3"}, "text": {"headline": "No month", "text": "<a href='https://example.org'>x</a>"}},
        {"text": {"headline": "No date", "text": "<a href='https://example.org'>x</a>"}}
    ]}"#;
    let (report, doc) = run(json, Format::Json, Lang::En);
    let dates: Vec<&str> = doc.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["1999", "-500", ""]);
    notice(&report, &["events[0]", "-500", "1000 to 9999"]);
    notice(&report, &["events[1]", "day (3) but no month"]);
    notice(&report, &["events[2]", "no start year"]);
    // No title slide: the title is left empty, for the editor to write.
    assert_eq!(report.problems.len(), 3, "{:#?}", report.problems);
    assert!(report.problems[0].contains("error at title.en: this text is empty"));
    assert!(report.problems[1].contains("error in the 2nd event, events[1].date: \"-500\""));
    assert!(report.problems[2].contains("error in the 3rd event, events[2].date: \"\""));
}

#[test]
fn input_that_is_not_timelinejs_is_refused_in_plain_words() {
    let options = Options::default();
    let refused = |text: &str, format| import(text, format, &options).unwrap_err();
    assert!(refused("{ nope", Format::Json).contains("not JSON"));
    assert!(refused("{\"items\": []}", Format::Json).contains("no \"events\" list"));
    assert!(refused("[]", Format::Json).contains("not an object"));
    assert!(refused("Name,Value\na,1\n", Format::Csv).contains("\"Year\" and \"Headline\""));
    assert_eq!(Format::of("x.CSV", "{"), Format::Csv);
    assert_eq!(Format::of("export", " {\"events\": []}"), Format::Json);
}

#[test]
fn our_types_write_back_what_they_read() {
    // The importer writes with the schema's own types: every field the
    // shipped data uses survives a write and a read.
    let doc: TimelineDoc = serde_json::from_str(OURS).unwrap();
    let written = serde_json::to_string_pretty(&doc).unwrap();
    assert_eq!(serde_json::from_str::<TimelineDoc>(&written).unwrap(), doc);
    load(&written).expect("still valid");
}

#[test]
fn a_local_image_gets_its_size_and_a_video_its_title() {
    let folder = std::env::temp_dir().join(format!("import-media-{}", std::process::id()));
    std::fs::create_dir_all(folder.join("img")).unwrap();
    // A PNG header: 1200 × 800.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&[0, 0, 4, 176, 0, 0, 3, 32]);
    std::fs::write(folder.join("img/signing.png"), png).unwrap();
    let json = r#"{"title": {"text": {"headline": "Media"}}, "events": [
        {"start_date": {"year": "2024"}, "text": {"headline": "Signing", "text": "<a href='https://example.org/a'>a</a>"},
         "media": {"url": "img/signing.png", "caption": "The signing"}},
        {"start_date": {"year": "2025"}, "text": {"headline": "The film", "text": "<a href='https://example.org/b'>b</a>"},
         "media": {"url": "https://youtu.be/dQw4w9WgXcQ"}},
        {"start_date": {"year": "2026"}, "text": {"headline": "A map", "text": "<a href='https://example.org/c'>c</a>"},
         "media": {"url": "https://www.google.com/maps/place/Beijing"}}
    ]}"#;
    let options = Options {
        lang: Lang::En,
        organisations: &[],
        folder: Some(&folder),
    };
    let report = import(json, Format::Json, &options).expect("imports");
    let doc: TimelineDoc = serde_json::from_str(&report.json).unwrap();
    let image = &doc.events[0].media[0];
    assert_eq!(image.src.as_deref(), Some("media/signing.png"));
    assert_eq!((image.width, image.height), (Some(1200), Some(800)));
    notice(
        &report,
        &[
            "copy its image",
            "img/signing.png",
            "public/media/signing.png",
        ],
    );
    let video = &doc.events[1].media[0];
    assert_eq!(video.video.as_deref(), Some("https://youtu.be/dQw4w9WgXcQ"));
    assert_eq!(video.title.as_ref().unwrap().en(), "The film");
    assert!(doc.events[2].media.is_empty());
    notice(&report, &["not carried over", "google.com/maps"]);
    // Only the alt text is left to write (and the kinds, sources... are fine).
    let problems: Vec<&String> = report.problems.iter().collect();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].contains("events[0].media[0]: an image has no \"alt\""));
    std::fs::remove_dir_all(folder).unwrap();
}
