//! Property tests: parsing plus validation never panics (with
//! `panic = "abort"` a panic would kill the whole app), whatever the bytes:
//! arbitrary ones, and mutations of the real file.
#![cfg(not(target_arch = "wasm32"))]

use hkust_pumch_timeline::app::first_paint::first_paint;
use hkust_pumch_timeline::model::date::PartialDate;
use hkust_pumch_timeline::model::form;
use hkust_pumch_timeline::model::layout::{layout, layout_page};
use hkust_pumch_timeline::model::locate::Locator;
use hkust_pumch_timeline::model::nav::{self, Step};
use hkust_pumch_timeline::model::options::data_path;
use hkust_pumch_timeline::model::validate::is_valid_id;
use hkust_pumch_timeline::model::warnings::warnings;
use hkust_pumch_timeline::model::{load, load_bytes, Filter, Lang, LoadError, Options};
use hkust_pumch_timeline::render::card::card_html;
use hkust_pumch_timeline::render::escape_html;
use proptest::prelude::*;

const SHIPPED: &[u8] = include_bytes!("../public/data/timeline.json");

/// One edit to a byte string.
#[derive(Clone, Debug)]
enum Edit {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Truncate(usize),
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Flip(at, v) => {
                if !bytes.is_empty() {
                    let i = at % len;
                    bytes[i] ^= v;
                }
            }
            Edit::Delete(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                if start < end {
                    bytes.drain(start..end);
                }
            }
            Edit::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

fn edit() -> impl Strategy<Value = Edit> {
    // JSON-ish fragments make structural damage likelier than random bytes.
    let fragment = prop_oneof![
        proptest::collection::vec(any::<u8>(), 1..8),
        Just(b"\"".to_vec()),
        Just(b"{}".to_vec()),
        Just(b"[]".to_vec()),
        Just(b"null".to_vec()),
        Just(b"-13".to_vec()),
        Just(b"2024-02-30".to_vec()),
        Just(b"\\u0000".to_vec()),
        Just("\u{feff}".as_bytes().to_vec()),
        // Markup and script, to reach the card renderer's escaping.
        Just(b"<script>x()</script>".to_vec()),
        Just(b"<img src=x onerror=x()>".to_vec()),
        Just(b"\\\"><b>".to_vec()),
        Just(b"javascript:x()".to_vec()),
        Just(b"&amp;".to_vec()),
    ];
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(a, v)| Edit::Flip(a, v)),
        (any::<usize>(), 1..64usize).prop_map(|(a, n)| Edit::Delete(a, n)),
        (any::<usize>(), fragment).prop_map(|(a, f)| Edit::Insert(a, f)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// What the data check does: places every problem, warns on valid data.
fn check_data(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let locator = Locator::new(text);
    match load(text) {
        Ok(timeline) => {
            for p in warnings(&timeline) {
                let _ = locator.locate(&p.path);
            }
        }
        Err(LoadError::Invalid(problems)) => {
            for p in problems {
                let place = locator.locate(&p.path);
                assert!(place.line >= 1 && place.column >= 1);
            }
        }
        Err(LoadError::Syntax { line, column, .. }) => {
            assert!(line >= 1 && column >= 1);
            let _ = locator.serde_error(line, column, Some("unknown field `id`"));
        }
        Err(_) => {}
    }
    // Every problem in one run: the app's first problem of form is among
    // them, and a file the app reads has no error.
    if let Ok(report) = form::check(text) {
        match load(text) {
            Ok(_) => assert!(report.errors.is_empty(), "{report:?}"),
            Err(LoadError::Syntax {
                message,
                line,
                column,
                ..
            }) => assert!(
                report.errors.iter().any(|p| p.problem.message == message
                    && (p.place.line, p.place.column) == (line, column)),
                "{message} at {line}:{column} not in {report:?}"
            ),
            Err(_) => assert!(!report.errors.is_empty(), "{report:?}"),
        }
    }
    for offset in [0, text.len() / 3, text.len() / 2, text.len()] {
        let _ = locator.value_at(offset);
    }
}

/// Everything the app does with loaded data, on the host.
fn exercise(bytes: &[u8]) {
    check_data(bytes);
    if let Ok(timeline) = load_bytes(bytes) {
        let all: Vec<usize> = (0..timeline.entries.len()).collect();
        let axis = layout(&timeline.entries, &all, Some(20_000), 0.1);
        assert_eq!(axis.placements.len(), timeline.entries.len());
        assert!(axis
            .placements
            .iter()
            .all(|p| (0.0..=1.0).contains(&p.label)));
        // Pages of two events (the real file has too few for ten).
        for page in all.chunks(2) {
            let axis = layout_page(&timeline.entries, page, Some(20_000), 0.1);
            assert_eq!(axis.placements.len(), page.len());
            assert!(axis
                .placements
                .iter()
                .all(|p| { (0.0..=1.0).contains(&p.label) && (0.0..=1.0).contains(&p.marker) }));
        }
        // The build-time first paint, in every language: never a panic,
        // never a style attribute (the CSP forbids them).
        for lang in Lang::ALL {
            assert!(!first_paint(&timeline, lang, 20_000).html.contains("style="));
        }
        let own_tags = renderer_tags();
        for entry in &timeline.entries {
            let _ = timeline.participants_by_organisation(&entry.event);
            for lang in Lang::ALL {
                check_card(
                    &card_html(&timeline, entry, lang),
                    entry.event.title.get(lang).0,
                    &own_tags,
                );
            }
        }
    }
}

/// The tag names in `html` (opening and closing).
fn tag_names(html: &str) -> impl Iterator<Item = String> + '_ {
    html.split('<').skip(1).map(|rest| {
        rest.trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    })
}

/// The tags a card may hold: those written in the renderer's own source,
/// and those it writes for the shipped data (some names are arguments of
/// its helpers).
fn renderer_tags() -> Vec<String> {
    let shipped = load_bytes(SHIPPED).expect("the shipped data is valid");
    let mut tags: Vec<String> = tag_names(include_str!("../src/render/card.rs"))
        .filter(|name| name.starts_with(|c: char| c.is_ascii_lowercase()))
        .collect();
    for entry in &shipped.entries {
        for lang in Lang::ALL {
            tags.extend(tag_names(&card_html(&shipped, entry, lang)));
        }
    }
    tags.sort();
    tags.dedup();
    tags
}

/// What a card must be, whatever the data: the title is in it, escaped;
/// no tag or attribute came from the data (every tag is one the renderer
/// writes, with no event handler); and links are web links.
fn check_card(html: &str, title: &str, own_tags: &[String]) {
    assert!(
        html.contains(&escape_html(title)),
        "the title is in the card"
    );
    for name in tag_names(html) {
        assert!(
            own_tags.contains(&name),
            "a tag the renderer does not write: <{name}"
        );
    }
    for tag in html.split('<').skip(1) {
        let head = tag.split('>').next().unwrap_or_default();
        assert!(
            !head.contains(" on"),
            "an event handler attribute: <{head}>"
        );
    }
    for link in html.split("href=\"").skip(1) {
        assert!(
            link.starts_with("https://") || link.starts_with("http://") || link.starts_with('#'),
            "a link that is not a web link: {}",
            &link[..link.len().min(40)]
        );
    }
}

/// A value for an option key: valid ones, near misses and hostile ones.
fn option_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("agreement-signed-2024-07-21".to_string()),
        Just("zh-Hant".to_string()),
        Just("dark".to_string()),
        Just("kind:visit,org:pumch".to_string()),
        Just("kind:nope,org:Bad Org,org:hkust".to_string()),
        Just("1".to_string()),
        Just("transparent".to_string()),
        Just("06c".to_string()),
        Just("#003366".to_string()),
        Just("bench/data-1000.json".to_string()),
        Just("../secret.json".to_string()),
        Just("https://evil.example/x.json".to_string()),
        Just("javascript:alert(1)".to_string()),
        "\\PC{0,24}",
        "[a-z0-9:,./-]{0,24}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        exercise(&bytes);
    }

    #[test]
    fn mutations_of_the_real_file_never_panic(edits in proptest::collection::vec(edit(), 1..6)) {
        exercise(&apply(SHIPPED.to_vec(), &edits));
    }

    #[test]
    fn any_date_text_parses_or_is_refused(text in "[0-9]{0,5}(-[0-9]{0,3}){0,3}|\\PC{0,12}") {
        if let Ok(date) = PartialDate::parse(&text) {
            prop_assert!(date.first_day() <= date.last_day());
            prop_assert_eq!(PartialDate::parse(&date.iso()), Ok(date));
        }
    }

    #[test]
    fn a_page_holds_the_focused_event_and_turns_reach_every_page(
        picked in proptest::collection::btree_set(0..500usize, 0..120),
        focused in 0..520usize,
        window in 1..15usize,
    ) {
        let visible: Vec<usize> = picked.into_iter().collect();
        let n = visible.len();
        let page = nav::page(&visible, focused, window);
        prop_assert!(page.end <= n && page.len() <= window);
        if n > 0 {
            prop_assert!(!page.is_empty());
            prop_assert_eq!(page.start % window, 0);
            // The focused event (or the first shown after it, or the last).
            let at = visible.partition_point(|&i| i < focused).min(n - 1);
            prop_assert!(page.contains(&at));
            // A move to the page's first event keeps the page.
            let first = nav::page(&visible, visible[page.start], window);
            prop_assert_eq!(first, page.clone());
        }
        // Turning from the first page reaches the last one, page by page.
        let mut current = nav::page(&visible, visible.first().copied().unwrap_or(0), window);
        let mut turns = 0;
        while let Some(to) = nav::turn(n, &current, window, Step::Next) {
            prop_assert_eq!(to, current.end);
            current = nav::page(&visible, visible[to], window);
            turns += 1;
        }
        prop_assert_eq!(current.end, n);
        prop_assert_eq!(turns, n.saturating_sub(1) / window);
    }

    #[test]
    fn any_query_gives_only_safe_well_formed_options(
        pairs in proptest::collection::vec((
            prop_oneof![
                Just("event"), Just("lang"), Just("theme"), Just("filter"), Just("embed"),
                Just("bg"), Just("accent"), Just("data"), Just("zoom"), Just("other"),
            ],
            option_value(),
        ), 0..10),
        fragment in prop_oneof![Just("first-cohort-2024".to_string()), "\\PC{0,24}"],
    ) {
        let o = Options::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())), &fragment);
        // An event is always a well-formed id; a valid fragment wins.
        if let Some(event) = &o.event {
            prop_assert!(is_valid_id(event));
        }
        if is_valid_id(&fragment) {
            prop_assert_eq!(o.event.as_deref(), Some(fragment.as_str()));
        }
        // The last value of a key decides, and only known values get in.
        let last = |key: &str| pairs.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        prop_assert_eq!(o.lang.map(|l| l.code()), last("lang").and_then(Lang::from_code).map(|l| l.code()));
        prop_assert_eq!(o.embed, matches!(last("embed"), Some("1" | "true")));
        prop_assert_eq!(o.transparent, last("bg") == Some("transparent"));
        // A data path never leaves the app's origin.
        if let Some(path) = &o.data {
            prop_assert_eq!(data_path(path), Some(path.clone()));
            prop_assert!(!path.contains(':') && !path.contains("..") && !path.starts_with('/'));
        }
        // The filter names only well-formed organisations and round-trips.
        prop_assert!(o.filter.organisations.iter().all(|id| is_valid_id(id)));
        let param = o.filter.to_param();
        prop_assert_eq!(param.as_deref().map(Filter::from_param).unwrap_or_default(), o.filter.clone());
        // An accent is a colour, whatever was asked.
        if o.accent.is_some() {
            let asked = last("accent").unwrap_or_default().trim_start_matches('#');
            prop_assert!(asked.chars().all(|c| c.is_ascii_hexdigit()) && matches!(asked.len(), 3 | 6));
        }
    }
}
