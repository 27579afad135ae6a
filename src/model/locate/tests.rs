//! Tests of [`super`]: places and paths in a small file.

use super::*;

const TEXT: &str = "{\n  \"title\": {\"en\": \"A\", \"zh-Hant\": \"甲\"},\n  \"events\": [\n    {\"id\": \"a\", \"date\": \"2024-13\"},\n    {\"id\": \"b\", \"title\": {\"en\": \"x\\\"y\"}, \"date\": 5}\n  ]\n}\n";

#[test]
fn paths_split_and_join() {
    let s = steps("events[2].title.zh-Hant");
    assert_eq!(
        s,
        [
            Step::Key("events".into()),
            Step::Index(2),
            Step::Key("title".into()),
            Step::Key("zh-Hant".into())
        ]
    );
    assert_eq!(path_of(&s), "events[2].title.zh-Hant");
    assert_eq!(steps("$schema"), [Step::Key("$schema".into())]);
}

#[test]
fn a_path_has_a_line_and_column() {
    let l = Locator::new(TEXT);
    assert_eq!(
        l.locate("events[0].date"),
        Place {
            line: 4,
            column: 25
        }
    );
    assert_eq!(
        l.locate("events[1].date"),
        Place {
            line: 5,
            column: 50
        }
    );
    assert_eq!(
        l.locate("title.zh-Hant"),
        Place {
            line: 2,
            column: 35
        }
    );
    assert_eq!(
        l.locate("events"),
        Place {
            line: 3,
            column: 13
        }
    );
    // A member that is not there: its object.
    assert_eq!(l.locate("events[1].place"), Place { line: 5, column: 5 });
    // An index past the end: the array.
    assert_eq!(
        l.locate("events[7].date"),
        Place {
            line: 3,
            column: 13
        }
    );
    assert_eq!(l.locate("nothing"), Place { line: 1, column: 1 });
}

#[test]
fn columns_count_characters_not_bytes() {
    let l = Locator::new("{\"a\": \"甲乙\", \"b\": 1}");
    assert_eq!(
        l.locate("b"),
        Place {
            line: 1,
            column: 18
        }
    );
}

#[test]
fn an_offset_has_a_path() {
    let l = Locator::new(TEXT);
    let at = |needle: &str| TEXT.find(needle).unwrap();
    assert_eq!(l.path_at(at("2024-13")), "events[0].date");
    assert_eq!(l.path_at(at("5}")), "events[1].date");
    assert_eq!(l.path_at(at("x\\\"y")), "events[1].title.en");
    // Between members: the object.
    assert_eq!(l.path_at(at("\"date\": 5") - 1), "events[1]");
    assert_eq!(l.path_at(0), "");
}

#[test]
fn broken_json_gives_the_deepest_place_reached() {
    let text = "{\"events\": [{\"id\": \"a\", \"date\": \"20";
    let l = Locator::new(text);
    assert_eq!(l.path_at(text.len()), "events[0].date");
    assert_eq!(l.locate("events[0].date").line, 1);
}

#[test]
fn serde_places_become_offsets() {
    let l = Locator::new(TEXT);
    // serde's columns are bytes from 1; white space is skipped, as
    // serde may stop just before the value it refuses.
    assert_eq!(l.offset_of_serde(2, 1), TEXT.find("\"title\"").unwrap());
    assert_eq!(l.offset_of_serde(4, 24), TEXT.find("\"2024-13\"").unwrap());
}

#[test]
fn a_refused_value_is_found_after_the_colon_serde_stops_on() {
    // serde stops on the `:` before an object it only peeked at when no
    // space follows it (as in a file written without indentation).
    let text = "{\"events\":{\"a\":1},\"sources\":[5]}";
    let l = Locator::new(text);
    let colon = text.find(':').unwrap();
    assert_eq!(l.path_at(l.offset_of_refused(1, colon + 1)), "events");
    let bracket = text.find('[').unwrap();
    assert_eq!(l.path_at(l.offset_of_refused(1, bracket + 1)), "sources[0]");
}

#[test]
fn a_misspelt_member_is_shown_at_its_name() {
    let l = Locator::new(TEXT);
    let place = l.form_place("events[1]", "unknown field `title`, expected `id`");
    let at = TEXT.find("\"title\": {\"en\": \"x").unwrap();
    assert_eq!(place, l.place(at));
    // Any other problem of form: where the value starts.
    assert_eq!(
        l.form_place("events[0].date", "invalid type"),
        l.locate("events[0].date")
    );
}

#[test]
fn serde_s_own_errors_are_shown_where_their_value_starts() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Event {
        id: String,
        date: String,
    }
    let at = |text: &str| {
        let e = serde_json::from_str::<Vec<Event>>(text).unwrap_err();
        let l = Locator::new(text);
        let (path, place) = l.serde_error(e.line(), e.column(), Some(&e.to_string()));
        let b = text.as_bytes();
        let offset = (0..=b.len()).find(|&i| l.place(i) == place).unwrap();
        (path, text[offset..].chars().take(6).collect::<String>())
    };
    // A wrong type: where the value starts, not where serde stopped.
    assert_eq!(
        at("[{\"id\": \"a\", \"date\": 2024}]"),
        ("[0].date".into(), "2024}]".into())
    );
    // A list where a text belongs, after a colon with no space.
    assert_eq!(
        at("[{\"id\": \"a\", \"date\":[1]}]"),
        ("[0].date".into(), "[1]}]".into())
    );
    // A misspelt field: at its name.
    assert_eq!(
        at("[{\"id\": \"a\", \"dat\": \"2024\"}]"),
        ("[0]".into(), "\"dat\":".into())
    );
    // A missing field: at its object.
    assert_eq!(at("[{\"id\": \"a\"}]"), ("[0]".into(), "{\"id\":".into()));
}
