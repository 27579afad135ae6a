//! Tests of the URL's options, the filter and what a link opens.

use super::*;
use crate::model::load;

/// A small timeline of its own, so the rules tested here do not hang
/// on the shipped content: `a` (visit, org x), `b` (agreement, x and
/// y), `c` (context, y).
fn small() -> Timeline {
    let event = |id: &str, kind: &str, date: &str, orgs: &str| {
        format!(
            r#"{{"id":"{id}","kind":"{kind}","date":"{date}","status":"took_place",
            "organisations":[{orgs}],"title":{{"en":"{id}"}},"summary":{{"en":"{id}"}},
            "sources":["s"]}}"#
        )
    };
    let json = format!(
        r#"{{"schema_version":1,"title":{{"en":"T"}},
        "organisations":[{{"id":"x","name":{{"en":"X"}}}},{{"id":"y","name":{{"en":"Y"}}}},
          {{"id":"z","name":{{"en":"Z, in no event"}}}}],
        "people":[],
        "sources":[{{"id":"s","title":"S","lang":"en","publisher":"P","url":"https://example.org/","date":"2024"}}],
        "events":[{},{},{}]}}"#,
        event("a", "visit", "2024-03", r#""x""#),
        event("b", "agreement", "2024-07-21", r#""x","y""#),
        event("c", "context", "2025", r#""y""#),
    );
    load(&json).expect("the small timeline is valid")
}

#[test]
fn facets_list_what_occurs_in_events() {
    let facets = Facets::of(&small());
    assert_eq!(facets.kinds, [Kind::Visit, Kind::Agreement, Kind::Context]);
    assert_eq!(facets.organisations, ["x", "y"]);
}

#[test]
fn unknown_filter_parts_are_ignored() {
    let t = small();
    let facets = Facets::of(&t);
    let gone = Filter::from_param("org:nosuchorg");
    assert!(
        gone.known(&facets).is_empty(),
        "an unknown organisation alone restricts nothing"
    );
    let mixed = Filter::from_param("org:nosuchorg,org:y,kind:exchange,kind:visit");
    assert_eq!(mixed.known(&facets), Filter::from_param("org:y,kind:visit"));
    // z exists but is in no event: filtering on it would hide everything.
    assert!(Filter::from_param("org:z").known(&facets).is_empty());
}

#[test]
fn a_filter_shows_matching_events_in_order() {
    let t = small();
    assert_eq!(Filter::default().shown(&t.entries), [0, 1, 2]);
    assert_eq!(Filter::from_param("org:y").shown(&t.entries), [1, 2]);
    assert_eq!(
        Filter::from_param("kind:visit,kind:context").shown(&t.entries),
        [0, 2]
    );
    assert!(Filter::from_param("kind:visit,org:y")
        .shown(&t.entries)
        .is_empty());
}

#[test]
fn a_linked_event_is_always_shown() {
    let t = small();
    // The link after a rename: all events, the linked one selected.
    let (filter, selected) = opening(&t, &Filter::from_param("org:nosuchorg"), Some("c"));
    assert!(filter.is_empty());
    assert_eq!(selected, Some(2));
    // A filter that would hide the linked event gives way.
    let (filter, selected) = opening(&t, &Filter::from_param("kind:visit"), Some("c"));
    assert!(filter.is_empty());
    assert_eq!(selected, Some(2));
    // One that shows it stays.
    let (filter, selected) = opening(&t, &Filter::from_param("org:y"), Some("c"));
    assert_eq!(filter, Filter::from_param("org:y"));
    assert_eq!(selected, Some(2));
}

#[test]
fn without_a_linked_event_the_first_shown_one_opens() {
    let t = small();
    let (filter, selected) = opening(&t, &Filter::from_param("org:y"), Some("no-such-event"));
    assert_eq!(filter, Filter::from_param("org:y"));
    assert_eq!(selected, Some(1));
    // A filter that shows nothing selects nothing (the card stays empty).
    let (_, selected) = opening(&t, &Filter::from_param("kind:visit,org:y"), None);
    assert_eq!(selected, None);
}

#[test]
fn reads_every_option() {
    let o = Options::parse(
        [
            ("event", "agreement-signed-2024-07-21"),
            ("theme", "dark"),
            ("filter", "kind:visit,org:pumch"),
            ("zoom", "1.5"),
        ],
        "",
    );
    assert_eq!(o.zoom.map(Zoom::param), Some("1.5"));
    assert_eq!(Options::parse([("zoom", "9")], "").zoom, None);
    assert_eq!(o.event.as_deref(), Some("agreement-signed-2024-07-21"));
    assert_eq!(o.theme, Some(Theme::Dark));
    assert!(o.filter.kinds.contains(&Kind::Visit));
    assert!(o.filter.organisations.contains("pumch"));
}

#[test]
fn the_fragment_names_an_event_when_the_query_does_not() {
    assert_eq!(
        Options::parse([], "first-cohort-2024").event.as_deref(),
        Some("first-cohort-2024")
    );
    let both = Options::parse([("event", "a")], "b");
    assert_eq!(both.event.as_deref(), Some("b"));
    // Fragments that are not ids (e.g. "timeline=x" from a host page) are ignored.
    assert_eq!(Options::parse([], "timeline=x").event, None);
}

#[test]
fn ignores_what_it_does_not_understand() {
    let o = Options::parse(
        [
            ("event", "<script>"),
            ("theme", "purple"),
            ("filter", "kind:party,org:Bad Id,,kind:agreement"),
            ("x", "y"),
        ],
        "",
    );
    assert_eq!(o.event, None);
    assert_eq!(o.lang, None, "only the exact codes");
    assert_eq!(o.theme, None);
    assert_eq!(
        o.filter.kinds.iter().collect::<Vec<_>>(),
        [&Kind::Agreement]
    );
    assert!(o.filter.organisations.is_empty());
}

#[test]
fn only_relative_same_origin_data_paths_are_taken() {
    for good in [
        "data/timeline.json",
        "bench/data-1000.json",
        "./x.json",
        "a_b-c.json",
    ] {
        assert_eq!(data_path(good).as_deref(), Some(good), "{good}");
    }
    for bad in [
        "https://evil.example/x.json",
        "//evil.example/x.json",
        "/etc/x.json",
        "javascript:alert(1).json",
        "data:application/json,{}.json",
        "../secret.json",
        "a/../../x.json",
        "a//b.json",
        "\\\\evil\\x.json",
        "x.txt",
        "x.json?y=1",
        "%2F%2Fevil.json",
        "",
    ] {
        assert_eq!(data_path(bad), None, "{bad}");
    }
    assert_eq!(
        Options::parse([("data", "https://evil.example/x.json")], "").data,
        None
    );
}

#[test]
fn toggling_starts_from_everything_shown_and_never_hides_all() {
    let present = [Kind::Visit, Kind::Agreement];
    let mut f = Filter::default();
    assert!(f.shows_kind(Kind::Visit));
    f.toggle_kind(Kind::Visit, &present);
    assert!(!f.shows_kind(Kind::Visit));
    assert!(f.shows_kind(Kind::Agreement));
    assert!(f.kind_locked(Kind::Agreement) && !f.kind_locked(Kind::Visit));
    f.toggle_kind(Kind::Agreement, &present);
    assert!(f.shows_kind(Kind::Agreement), "the last shown kind stays");
    f.toggle_kind(Kind::Visit, &present);
    assert!(f.is_empty(), "showing every kind again is no filter at all");
    let orgs = ["hkust".to_string(), "pumch".to_string()];
    f.toggle_organisation("hkust", &orgs);
    assert_eq!(f.to_param().as_deref(), Some("org:pumch"));
}

#[test]
fn filter_round_trips_through_its_parameter() {
    let f = Filter::from_param("org:hkust,kind:visit,kind:agreement");
    assert_eq!(
        f.to_param().as_deref(),
        Some("kind:visit,kind:agreement,org:hkust")
    );
    assert_eq!(Filter::from_param(&f.to_param().unwrap()), f);
    assert_eq!(Filter::default().to_param(), None);
}
