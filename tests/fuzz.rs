//! Property tests: parsing plus validation never panics (with
//! `panic = "abort"` a panic would kill the whole app), whatever the bytes:
//! arbitrary ones, and mutations of the real file.
#![cfg(not(target_arch = "wasm32"))]

use hkust_pumch_timeline::model::date::PartialDate;
use hkust_pumch_timeline::model::fallback::render;
use hkust_pumch_timeline::model::layout::{layout, layout_page};
use hkust_pumch_timeline::model::locate::Locator;
use hkust_pumch_timeline::model::nav::{self, Step};
use hkust_pumch_timeline::model::validate::warnings;
use hkust_pumch_timeline::model::{load, load_bytes, LoadError, Options};
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
            let _ = locator.error_place(locator.offset_of_serde(line, column));
        }
        Err(_) => {}
    }
    for offset in [0, text.len() / 3, text.len() / 2, text.len()] {
        let _ = locator.error_place(offset);
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
        let _ = render(&timeline);
        for entry in &timeline.entries {
            let _ = timeline.participants_by_organisation(&entry.event);
        }
    }
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
    fn any_query_parses(pairs in proptest::collection::vec(("[a-z]{1,8}", "\\PC{0,24}"), 0..8), fragment in "\\PC{0,24}") {
        let _ = Options::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), &fragment);
    }
}
