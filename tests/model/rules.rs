//! Each data rule, broken one at a time in the frozen base file: the
//! problem stands at its JSON path and says what is wrong.

use super::*;

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

/// The base timeline with event `i`'s date (and that of none other) set.
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
