//! The data rules, on the host: the shipped file passes, and each rule
//! catches its violation with the right JSON path (in a frozen base file,
//! `tests/data/rules-base.json`, not in the content editors change).

use hkust_pumch_timeline::model::load::plain;
use hkust_pumch_timeline::model::validate::url_problem;
use hkust_pumch_timeline::model::warnings::{far_dates, missing_translations, warnings, FAR_YEARS};
use hkust_pumch_timeline::model::{
    load, load_bytes, Kind, LoadError, Precision, Status, MAX_BYTES,
};
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../public/data/timeline.json");

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).expect("the shipped file is JSON")
}

/// The valid timeline the rule tests break one rule at a time: a frozen
/// copy of the data as it was when these tests were written, so that
/// editing the real content (reordering events, removing a quotation)
/// never breaks a test of a rule. The shipped file has tests of its own.
fn base() -> Value {
    serde_json::from_str(include_str!("data/rules-base.json")).expect("the base file is JSON")
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

#[test]
fn shipped_data_is_valid_and_holds_the_four_mission_events_in_order() {
    let timeline = load(SHIPPED).unwrap_or_else(|e| panic!("shipped data invalid: {e} {e:?}"));
    let ids: Vec<&str> = timeline
        .entries
        .iter()
        .map(|e| e.event.id.as_str())
        .collect();
    let mission = [
        "ip-visit-pumch-2024-03",
        "pumch-delegation-hkust-2024-04",
        "agreement-signed-2024-07-21",
        "first-cohort-2024",
    ];
    let positions: Vec<usize> = mission
        .iter()
        .map(|id| {
            ids.iter()
                .position(|x| x == id)
                .unwrap_or_else(|| panic!("{id} missing"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "mission events out of order: {ids:?}"
    );

    let by_id = |id: &str| &timeline.entries[timeline.index_of(id).unwrap()];
    let visit = by_id("ip-visit-pumch-2024-03");
    assert_eq!(
        (visit.start.precision(), visit.start.english().as_str()),
        (Precision::Month, "March 2024")
    );
    let delegation = by_id("pumch-delegation-hkust-2024-04");
    assert_eq!(delegation.start.english(), "April 2024");
    let signing = by_id("agreement-signed-2024-07-21");
    assert_eq!(signing.start.english(), "21 July 2024");
    assert_eq!(signing.event.kind, Kind::Agreement);
    let end = signing
        .event
        .end
        .as_ref()
        .expect("the agreement's term has an end");
    assert!(
        end.derived,
        "the three-year term's end is derived, not announced"
    );
    assert_eq!(signing.end.unwrap().year_number(), 2027);
    let cohort = by_id("first-cohort-2024");
    assert_eq!(cohort.event.status, Status::Expected);
    assert_eq!(cohort.start.precision(), Precision::Year);
    // Every event traces to a source.
    assert!(timeline.entries.iter().all(|e| !e.event.sources.is_empty()));
}

#[test]
fn every_sourced_chinese_name_is_there_and_no_unsourced_one() {
    let timeline = load(SHIPPED).unwrap();
    let name = |id: &str, lang: &str| timeline.person(id).unwrap().name.0.get(lang).cloned();
    assert_eq!(name("nancy-ip", "zh-Hans").as_deref(), Some("叶玉如"));
    assert_eq!(name("zhang-shuyang", "zh-Hant").as_deref(), Some("張抒揚"));
    // FACTS.md gives no Chinese name for these two.
    for id in ["penger-tong", "han-ding"] {
        assert_eq!(name(id, "zh-Hans"), None, "{id}");
        assert_eq!(name(id, "zh-Hant"), None, "{id}");
    }
}

#[test]
fn duplicate_ids_are_reported() {
    let mut doc = base();
    doc["events"][1]["id"] = doc["events"][0]["id"].clone();
    assert_problem(&doc, "events[1].id", "already has the id");

    let mut doc = base();
    doc["people"][1]["id"] = json!("nancy-ip");
    // The duplicate, plus nothing else: references to the lost id break too.
    assert!(problems(&doc)
        .iter()
        .any(|p| p.starts_with("people[1].id: ") && p.contains("unique")));
}

#[test]
fn unusable_ids_are_reported() {
    let mut doc = base();
    doc["events"][0]["id"] = json!("Visit March 2024");
    assert_problem(&doc, "events[0].id", "lower-case letters");
}

#[test]
fn unknown_references_are_reported() {
    let mut doc = base();
    doc["events"][0]["participants"][0]["person"] = json!("nobody");
    doc["events"][0]["sources"][0] = json!("rumour");
    doc["events"][0]["organisations"][0] = json!("mit");
    doc["people"][0]["organisation"] = json!("oxford");
    doc["events"][2]["quotes"][0]["source"] = json!("interview");
    assert_problem(
        &doc,
        "events[0].participants[0].person",
        "no person with the id \"nobody\"",
    );
    assert_problem(
        &doc,
        "events[0].sources[0]",
        "no source with the id \"rumour\"",
    );
    assert_problem(
        &doc,
        "events[0].organisations[0]",
        "no organisation with the id \"mit\"",
    );
    assert_problem(
        &doc,
        "people[0].organisation",
        "no organisation with the id \"oxford\"",
    );
    assert_problem(
        &doc,
        "events[2].quotes[0].source",
        "no source with the id \"interview\"",
    );
}

#[test]
fn impossible_dates_are_reported() {
    let mut doc = base();
    doc["events"][0]["date"] = json!("2024-13");
    doc["events"][1]["date"] = json!("2024-02-30");
    doc["events"][3]["date"] = json!("July 2024");
    doc["sources"][0]["date"] = json!("2023-02-29");
    assert_problem(&doc, "events[0].date", "no month 13");
    assert_problem(&doc, "events[1].date", "no day 30");
    assert_problem(&doc, "events[3].date", "YYYY-MM-DD");
    assert_problem(&doc, "sources[0].date", "has 28 days");
}

#[test]
fn an_end_before_its_start_is_reported() {
    let mut doc = base();
    doc["events"][2]["end"]["date"] = json!("2024-06");
    assert_problem(&doc, "events[2].end.date", "before the start");
    // An end in the start's own month is not before it.
    doc["events"][2]["end"]["date"] = json!("2024-07");
    assert!(problems(&doc).is_empty());
}

#[test]
fn events_out_of_date_order_are_reported() {
    let mut doc = base();
    let events = doc["events"].as_array_mut().unwrap();
    events.swap(0, 1);
    assert_problem(&doc, "events[1].date", "date order");
}

#[test]
fn overlapping_imprecise_dates_are_not_out_of_order() {
    // "2024" may well be after 21 July 2024: the base's order stands.
    let doc = base();
    assert_eq!(doc["events"][3]["date"], json!("2024"));
    assert!(problems(&doc).is_empty());
}

#[test]
fn non_web_urls_are_reported() {
    for bad in [
        "javascript:alert(1)",
        "ftp://example.org/x",
        "www.example.org",
        "https://",
        "https://exa mple.org",
    ] {
        let mut doc = base();
        doc["sources"][0]["url"] = json!(bad);
        assert_problem(&doc, "sources[0].url", "https://");
    }
}

#[test]
fn a_url_with_a_space_says_so() {
    for bad in [
        "https://exa mple.org",
        "https://www.info.gov.hk/gia/general/202511/18/P2025111800644 .htm",
        " https://example.org/",
        "https://example.org/\u{3000}",
    ] {
        let mut doc = base();
        doc["sources"][0]["url"] = json!(bad);
        assert_problem(&doc, "sources[0].url", "contains a space");
        assert!(
            !url_problem(bad).unwrap().contains("must start with"),
            "{bad}"
        );
    }
    assert!(url_problem("https://example.org/a\tb")
        .unwrap()
        .contains("space"));
    assert!(url_problem("https://ex\u{7}ample.org")
        .unwrap()
        .contains("control character"));
    assert!(url_problem("https:///path")
        .unwrap()
        .contains("no host name"));
    assert!(url_problem("www.example.org")
        .unwrap()
        .contains("must start with https:// or http://"));
    assert_eq!(url_problem("https://example.org/a%20b"), None);
}

/// The shipped data with event `i`'s date (and that of none other) set.
fn with_date(i: usize, date: &str) -> hkust_pumch_timeline::model::Timeline {
    let mut doc = base();
    doc["events"][i]["date"] = json!(date);
    load(&doc.to_string()).expect("still valid")
}

#[test]
fn a_date_far_from_all_the_others_is_a_warning_not_an_error() {
    let shipped_timeline = load(SHIPPED).unwrap();
    assert_eq!(warnings(&shipped_timeline), vec![]);

    // The last event, 7,000 years late: valid, but said.
    let found = far_dates(&with_date(4, "9025-11-18").entries);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, "events[4].date");
    assert_eq!(
        found[0].message,
        "9025-11-18 is 7,001 years after the other events (the latest: 2024): a typo?"
    );
    // The first event, a millennium early.
    let found = far_dates(&with_date(0, "1024-03").entries);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0]
        .message
        .starts_with("1024-03 is 1,000 years before the other events (the earliest: 2024-04)"));
    // Within FAR_YEARS of the others: nothing to say (a context event a
    // century back may be real).
    let near = format!("{}", 2024 - FAR_YEARS + 1);
    assert_eq!(far_dates(&with_date(0, &near).entries), vec![]);

    // An end a century after its start.
    let mut doc = base();
    doc["events"][2]["end"]["date"] = json!("2207-07");
    let found = far_dates(&load(&doc.to_string()).unwrap().entries);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, "events[2].end.date");
    assert!(found[0]
        .message
        .contains("183 years after the start (2024-07-21)"));
}

#[test]
fn a_text_missing_a_language_is_a_warning() {
    let mut doc = base();
    doc["events"][1]["summary"]
        .as_object_mut()
        .unwrap()
        .remove("zh-Hant");
    doc["events"][0]["title"]["zh-Hans"] = json!(" ");
    let timeline = load(&doc.to_string());
    // A blank text is an error; a missing one only a warning.
    assert!(matches!(timeline, Err(LoadError::Invalid(_))));
    doc["events"][0]["title"]
        .as_object_mut()
        .unwrap()
        .remove("zh-Hans");
    let timeline = load(&doc.to_string()).expect("valid: English shows instead");
    let found: Vec<String> = missing_translations(&timeline)
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        found,
        [
            "events[0].title: no \"zh-Hans\" text: readers in that language see the English",
            "events[1].summary: no \"zh-Hant\" text: readers in that language see the English",
        ]
    );
    // Names without a sourced Chinese form are not warned about.
    assert_eq!(missing_translations(&load(SHIPPED).unwrap()), vec![]);
}

#[test]
fn serde_messages_are_put_in_plain_words() {
    assert_eq!(
        plain("invalid type: integer `5`, expected a map"),
        "this is a number (5), but it must be a text by language: {\"en\": \"…\", \"zh-Hant\": \"…\", \"zh-Hans\": \"…\"}"
    );
    assert_eq!(
        plain("invalid type: map, expected a sequence"),
        "this is an object {…}, but it must be a list in square brackets: […]"
    );
    assert_eq!(
        plain("unknown variant `done`, expected `took_place` or `expected`"),
        "\"done\" is not an allowed value here: use \"took_place\" or \"expected\""
    );
    assert_eq!(
        plain("missing field `id`"),
        "the required field \"id\" is missing here"
    );
    assert!(
        plain("unknown field `summery`, expected one of `id`, `kind`").starts_with(
            "there is no field \"summery\" here (misspelt?); the fields here are \"id\", \"kind\""
        )
    );
    assert_eq!(
        plain("invalid type: string \"1\", expected u64"),
        "this is a text (\"1\"), but it must be a whole number"
    );
    // Anything else keeps its words.
    assert_eq!(
        plain("recursion limit exceeded"),
        "recursion limit exceeded"
    );
}

#[test]
fn missing_english_is_reported() {
    let mut doc = base();
    doc["events"][1]["title"] = json!({"zh-Hans": "代表团"});
    doc["events"][1]["summary"]["en"] = json!("  ");
    doc["organisations"][0]["name"] = json!({});
    assert_problem(&doc, "events[1].title", "English text");
    assert_problem(&doc, "events[1].summary.en", "empty");
    assert_problem(&doc, "organisations[0].name", "English text");
}

#[test]
fn unknown_languages_are_reported() {
    let mut doc = base();
    doc["events"][0]["title"]["zh-TW"] = json!("訪問");
    assert_problem(&doc, "events[0].title.zh-TW", "zh-Hant");
}

#[test]
fn an_event_without_sources_is_reported() {
    let mut doc = base();
    doc["events"][0]["sources"] = json!([]);
    assert_problem(&doc, "events[0].sources", "must name the source");
}

#[test]
fn an_empty_event_list_is_reported() {
    let mut doc = base();
    doc["events"] = json!([]);
    assert_problem(&doc, "events", "at least one");
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut doc = base();
    doc["events"][0]["date"] = json!("2024-13");
    doc["sources"][1]["url"] = json!("javascript:void(0)");
    doc["events"][3]["title"] = json!({});
    let found = problems(&doc);
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn an_unknown_schema_version_is_refused() {
    let mut doc = base();
    doc["schema_version"] = json!(2);
    assert_eq!(
        load(&doc.to_string()),
        Err(LoadError::SchemaVersion(Some(2)))
    );
    doc.as_object_mut().unwrap().remove("schema_version");
    assert_eq!(load(&doc.to_string()), Err(LoadError::SchemaVersion(None)));
    let message = LoadError::SchemaVersion(Some(2)).to_string();
    assert!(message.contains("reads version 1"), "{message}");
}

#[test]
fn broken_json_reports_line_and_column() {
    let half = (0..=SHIPPED.len() / 2)
        .rev()
        .find(|&i| SHIPPED.is_char_boundary(i))
        .unwrap();
    let broken = &SHIPPED[..half];
    match load(broken) {
        Err(LoadError::Syntax {
            line,
            column,
            message,
            ..
        }) => {
            assert!(line > 1 && column > 0, "{line}:{column}");
            assert!(!message.contains(" at line "), "{message}");
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn wrong_types_and_misspelt_fields_are_reported_with_a_place() {
    let mut doc = base();
    doc["events"][0]["summery"] = doc["events"][0]["summary"].clone();
    match load(&doc.to_string()) {
        Err(LoadError::Syntax { message, .. }) => assert!(message.contains("summery"), "{message}"),
        other => panic!("expected the misspelt field to be named, got {other:?}"),
    }
    let mut doc = base();
    doc["events"][0]["kind"] = json!("party");
    match load(&doc.to_string()) {
        Err(LoadError::Syntax { message, .. }) => assert!(message.contains("party"), "{message}"),
        other => panic!("expected an unknown kind to be named, got {other:?}"),
    }
}

#[test]
fn participants_group_by_organisation_in_the_events_order() {
    let timeline = load(SHIPPED).unwrap();
    let signing =
        &timeline.entries[timeline.index_of("agreement-signed-2024-07-21").unwrap()].event;
    let groups = timeline.participants_by_organisation(signing);
    let summary: Vec<(String, Vec<&str>)> = groups
        .iter()
        .map(|g| {
            (
                g.organisation.map_or("none".into(), |o| o.id.clone()),
                g.members.iter().map(|(p, _)| p.id.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "hkust".to_string(),
                vec!["nancy-ip", "penger-tong", "zhang-qian"]
            ),
            (
                "pumch".to_string(),
                vec!["zhang-shuyang", "wu-peixin", "han-ding"]
            ),
        ]
    );
    // An event with no participants has no groups, not empty ones.
    let cohort = &timeline.entries[timeline.index_of("first-cohort-2024").unwrap()].event;
    assert!(timeline.participants_by_organisation(cohort).is_empty());
}

/// Walks every localized text (an object whose keys are all languages) in
/// the shipped file, with its JSON path.
fn localized_texts(value: &Value, path: String, out: &mut Vec<(String, Vec<String>)>) {
    const LANGS: [&str; 3] = ["en", "zh-Hant", "zh-Hans"];
    match value {
        Value::Object(map)
            if !map.is_empty() && map.keys().all(|k| LANGS.contains(&k.as_str())) =>
        {
            out.push((path, map.keys().cloned().collect()));
        }
        Value::Object(map) => {
            for (k, v) in map {
                localized_texts(v, format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                localized_texts(v, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_localized_text_has_all_three_languages_except_unsourced_names() {
    let doc = shipped();
    let mut texts = Vec::new();
    localized_texts(&doc, String::new(), &mut texts);
    assert!(texts.len() > 40, "found only {} texts", texts.len());
    let all = ["en", "zh-Hans", "zh-Hant"];
    for (path, langs) in texts {
        let langs: Vec<&str> = langs.iter().map(String::as_str).collect();
        if let Some(i) = path
            .strip_prefix(".people[")
            .and_then(|r| r.strip_suffix("].name"))
        {
            // A person's Chinese name only where FACTS.md gives it.
            let id = doc["people"][i.parse::<usize>().unwrap()]["id"]
                .as_str()
                .unwrap();
            let sourced = !matches!(id, "penger-tong" | "han-ding");
            let expected: &[&str] = if sourced { &all } else { &["en"] };
            assert_eq!(langs, expected, "{path} ({id})");
        } else if let Some(i) = path
            .strip_prefix(".sources[")
            .and_then(|r| r.strip_suffix("].translated_title"))
        {
            // A title is translated into every language but its own.
            let own = doc["sources"][i.parse::<usize>().unwrap()]["lang"]
                .as_str()
                .unwrap();
            let expected: Vec<&str> = all.iter().copied().filter(|l| *l != own).collect();
            assert_eq!(langs, expected, "{path}");
        } else {
            assert_eq!(langs, all, "{path}");
        }
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(SHIPPED.as_bytes());
    assert!(load_bytes(&bytes).is_ok());
}

#[test]
fn invalid_utf8_is_refused_with_its_offset() {
    let mut bytes = SHIPPED.as_bytes().to_vec();
    bytes[100] = 0xff;
    assert_eq!(
        load_bytes(&bytes).err(),
        Some(LoadError::Encoding { offset: 100 })
    );
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let huge = vec![b' '; MAX_BYTES + 1];
    assert_eq!(
        load_bytes(&huge).err(),
        Some(LoadError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
}

/// Every fixture in tests/fixtures/ and what loading it must give.
#[test]
fn bad_data_fixtures_are_refused_for_the_right_reason() {
    let fixture = |name: &str| {
        std::fs::read(format!(
            "{}/tests/fixtures/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let problems_at = |name: &str| match load_bytes(&fixture(name)) {
        Err(LoadError::Invalid(problems)) => {
            problems.iter().map(|p| p.path.clone()).collect::<Vec<_>>()
        }
        other => panic!("{name}: expected rule problems, got {other:?}"),
    };
    assert!(matches!(
        load_bytes(&fixture("truncated.json")),
        Err(LoadError::Syntax { .. })
    ));
    assert!(matches!(
        load_bytes(&fixture("wrong-types.json")),
        Err(LoadError::Syntax { .. })
    ));
    assert_eq!(problems_at("duplicate-ids.json"), ["events[1].id"]);
    assert_eq!(
        problems_at("unknown-references.json"),
        ["events[0].participants[0].person", "events[0].sources[0]"]
    );
    assert!(problems_at("impossible-dates.json").contains(&"events[0].date".to_string()));
    assert!(problems_at("unsorted.json")
        .iter()
        .any(|p| p.ends_with(".date")));
    assert_eq!(problems_at("javascript-url.json"), ["sources[0].url"]);
    assert_eq!(problems_at("empty-events.json"), ["events"]);
    assert_eq!(
        load_bytes(&fixture("schema-version-2.json")).err(),
        Some(LoadError::SchemaVersion(Some(2)))
    );
    assert!(matches!(
        load_bytes(&fixture("invalid-utf8.json")),
        Err(LoadError::Encoding { .. })
    ));
    // The typical editor mistakes (tests/check_data.rs runs the data
    // check on them; tests/e2e/schema.test.mjs the JSON Schema).
    let syntax = |name: &str| match load_bytes(&fixture(name)) {
        Err(LoadError::Syntax { message, .. }) => message,
        other => panic!("{name}: expected a syntax error, got {other:?}"),
    };
    assert!(syntax("number-for-text.json").contains("a number (5)"));
    assert!(syntax("missing-id.json").contains("\"id\" is missing"));
    assert!(syntax("unknown-status.json").contains("\"planned\""));
    assert!(syntax("events-object.json").contains("list in square brackets"));
    assert!(syntax("misspelt-field.json").contains("\"summery\""));
    assert_eq!(problems_at("month-13.json"), ["events[0].date"]);
    assert_eq!(problems_at("url-with-space.json"), ["sources[2].url"]);
    // Valid, with a warning each.
    for (name, path) in [
        ("far-date.json", "events[4].date"),
        ("missing-translation.json", "events[1].summary"),
    ] {
        let timeline = load_bytes(&fixture(name)).expect(name);
        let found: Vec<String> = warnings(&timeline).into_iter().map(|p| p.path).collect();
        assert_eq!(found, [path], "{name}");
    }
    // These load: a byte-order mark is fine, and markup in text is only text.
    assert!(load_bytes(&fixture("byte-order-mark.json")).is_ok());
    let payloads = load_bytes(&fixture("html-payloads.json")).expect("payloads are valid text");
    assert!(payloads.entries[0].event.title.en().contains("<script>"));
}

/// The fixes of the fact check against the press release and FACTS.md
/// stay in the data, in all three languages.
#[test]
fn the_fact_checked_wording_stays() {
    let doc = shipped();
    let event = |id: &str| {
        doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap()
            .clone()
    };
    let all_text = doc.to_string();
    // No source dates the start of the cooperation ("have maintained a
    // close cooperation").
    for lang in ["en", "zh-Hant", "zh-Hans"] {
        let subtitle = doc["subtitle"][lang].as_str().unwrap();
        assert!(!subtitle.contains("2024"), "{lang}: {subtitle}");
    }
    assert!(doc["subtitle"]["en"]
        .as_str()
        .unwrap()
        .contains("close cooperation"));
    // The witnesses "among others", and the three aims the release states.
    let signing = event("agreement-signed-2024-07-21");
    let words = [
        (
            "en",
            [
                "among others",
                "innovative paradigms",
                "comprehensive platform",
                "biomedical",
            ],
        ),
        (
            "zh-Hant",
            ["另有其他人士", "創新模式", "全面合作平台", "生物醫藥"],
        ),
        (
            "zh-Hans",
            ["另有其他人士", "创新模式", "全面合作平台", "生物医药"],
        ),
    ];
    for (lang, needles) in words {
        let summary = signing["summary"][lang].as_str().unwrap();
        for needle in needles {
            assert!(summary.contains(needle), "{lang} lacks {needle}: {summary}");
        }
    }
    // Chinese wording.
    for gone in [
        "見證人",
        "见证人",
        "學部署理",
        "醫院領導",
        "2024年稍",
        "起计",
        "以研究为本",
        "学部署理",
        "署理主任；",
    ] {
        assert!(!all_text.contains(gone), "{gone} is still in the data");
    }
    assert!(all_text.contains("见证签署") && all_text.contains("見證簽署"));
    assert!(all_text.contains("学部代理主任"));
    let cohort = event("first-cohort-2024");
    assert!(cohort["title"]["en"].as_str().unwrap().contains("young"));
    assert!(cohort["title"]["zh-Hant"]
        .as_str()
        .unwrap()
        .ends_with("青年醫生及學者預計赴香港科技大學開展學術交流"));
    assert!(cohort["title"]["zh-Hans"]
        .as_str()
        .unwrap()
        .ends_with("青年医生及学者预计赴香港科技大学开展学术交流"));
    // The institute's name is in the translated title.
    let institute = &doc["sources"][1];
    assert_eq!(institute["id"], "pumch-institute-2024");
    assert!(institute["translated_title"]["en"]
        .as_str()
        .unwrap()
        .contains("Innovation and Development Research Institute"));
    // Chinese titles of HKUST roles not in FACTS.md are marked as ours, in
    // the notes and on the card itself.
    for p in signing["participants"].as_array().unwrap() {
        if matches!(p["person"].as_str(), Some("penger-tong" | "zhang-qian")) {
            assert!(
                p["notes"].as_str().unwrap().contains("our translation"),
                "{p}"
            );
            assert!(p["role"]["zh-Hant"]
                .as_str()
                .unwrap()
                .ends_with("（中文職銜為本站翻譯）"));
            assert!(p["role"]["zh-Hans"]
                .as_str()
                .unwrap()
                .ends_with("（中文职衔为本站翻译）"));
        }
    }
    // The aims as the release words them: "they aim to drive comprehensive
    // collaborations encompassing", not a promise to work together on them,
    // and what they leverage.
    let aims = signing["summary"]["en"].as_str().unwrap();
    for needle in [
        "aim to drive comprehensive collaborations encompassing",
        "Leveraging HKUST's research capabilities and PUMCH's position in clinical medicine",
        "The release names the witnesses below \"among others\": the list is not complete.",
    ] {
        assert!(aims.contains(needle), "lacks {needle}: {aims}");
    }
    assert!(!aims.contains("work together on"), "{aims}");
    for (lang, needle) in [("zh-Hant", "致力推動涵蓋"), ("zh-Hans", "致力推动涵盖")] {
        let summary = signing["summary"][lang].as_str().unwrap();
        assert!(summary.contains(needle), "{lang}: {summary}");
        assert!(summary.contains("名單並不完整") || summary.contains("名单并不完整"));
    }
    // Every event quotes its source in its notes, the March and April ones
    // included, word for word from the release.
    // The release as the team keeps it, beside the repository (../shared).
    let release = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/sources/press-release-hkust-pumch-agreement.txt"
    ))
    .expect("the press release in ../shared/sources");
    for (id, quoted) in [
        (
            "ip-visit-pumch-2024-03",
            "In March 2024, Prof. Ip visited PUMCH to explore collaboration opportunities",
        ),
        (
            "pumch-delegation-hkust-2024-04",
            "In April, Prof. Zhang led a delegation from PUMCH to HKUST",
        ),
    ] {
        let event = event(id);
        let notes = event["notes"].as_str().unwrap();
        assert!(
            notes.contains(quoted) && release.contains(quoted),
            "{id}: {notes}"
        );
    }
    // The medical school's collaborations are "to develop medical manpower
    // training programs", as the release says.
    let school = event("hkust-medical-school-approved-2025-11-18");
    assert!(release.contains("including PUMCH to develop medical manpower training programs"));
    assert!(school["summary"]["en"]
        .as_str()
        .unwrap()
        .contains("including PUMCH to develop medical manpower training programs"));
}
