//! Files that cannot be read as a timeline (form, encoding, size, schema
//! version) and the bad-data fixtures: refused, and for the right reason.

use super::*;

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

/// Every bad-data fixture (tests/fixtures/fixtures.json) and what loading
/// it must give.
#[test]
fn bad_data_fixtures_are_refused_for_the_right_reason() {
    let fixture = common::fixtures::bytes;
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
