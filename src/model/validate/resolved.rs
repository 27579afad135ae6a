//! The rule of `resolved_by`: an expected event that came true names the
//! event that took place. Only an expected event may name one; the named
//! event exists, took place (it is not itself expected) and is not
//! earlier than the expectation (dates that may overlap, such as `2024`
//! and `2024-09`, are fine).

use super::Problem;
use crate::model::date::PartialDate;
use crate::model::schema::{Event, Status};

/// Every problem with an event's `resolved_by` (a linear search per link:
/// links are few); `starts` holds each event's start (`None` where its
/// date is not a date, already reported). One message per problem, each
/// `"<id>"` and then why, so the WebAssembly holds one `format!`.
pub(super) fn problems<T>(events: &[Event], starts: &[(Option<PartialDate>, T)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, event) in events.iter().enumerate() {
        let Some(id) = &event.resolved_by else {
            continue;
        };
        let start = |k: usize| starts.get(k).and_then(|(s, _)| *s);
        let why = if event.status != Status::Expected {
            Some(": only an expected event (\"status\": \"expected\") can name the event that resolved it: remove \"resolved_by\"")
        } else {
            match events.iter().position(|e| e.id == *id) {
                None => Some(" is not the id of any event: name the event that took place"),
                Some(j) if events[j].status == Status::Expected => Some(
                    " is itself expected: name the event that took place (\"status\": \"took_place\")",
                ),
                Some(j) => match (start(i), start(j)) {
                    (Some(start), Some(then)) if then.surely_before(&start) => {
                        Some(" is earlier than this event: name the later event that took place")
                    }
                    _ => None,
                },
            }
        };
        if let Some(why) = why {
            problems.push(Problem {
                path: format!("events[{i}].resolved_by"),
                message: format!("\"{id}\"{why}"),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use crate::model::load;
    use crate::model::LoadError;

    /// The shipped data with `edit` applied to its events (a JSON value).
    fn problems(edit: impl Fn(&mut Vec<serde_json::Value>)) -> Vec<String> {
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../../../public/data/timeline.json")).unwrap();
        edit(doc["events"].as_array_mut().unwrap());
        match load(&doc.to_string()) {
            Ok(_) => vec![],
            Err(LoadError::Invalid(p)) => p.iter().map(|p| p.to_string()).collect(),
            Err(e) => panic!("{e}"),
        }
    }

    fn at(events: &[serde_json::Value], id: &str) -> usize {
        events.iter().position(|e| e["id"] == id).unwrap()
    }

    #[test]
    fn an_expectation_may_name_a_later_event_that_took_place() {
        let found = problems(|events| {
            let i = at(events, "first-cohort-2024");
            events[i]["resolved_by"] = "hkust-medical-school-approved-2025-11-18".into();
        });
        assert_eq!(found, Vec::<String>::new());
    }

    #[test]
    fn each_broken_link_says_what_to_do() {
        let cases: [(&str, &str, &str); 4] = [
            (
                "first-cohort-2024",
                "no-such-event",
                "\"no-such-event\" is not the id of any event",
            ),
            (
                "first-cohort-2024",
                "first-cohort-2024",
                "is itself expected",
            ),
            (
                "hkust-medical-school-approved-2025-11-18",
                "agreement-signed-2024-07-21",
                "\"agreement-signed-2024-07-21\" is earlier than this event",
            ),
            (
                "agreement-signed-2024-07-21",
                "hkust-medical-school-approved-2025-11-18",
                "only an expected event",
            ),
        ];
        for (event, by, says) in cases {
            let found = problems(|events| {
                let i = at(events, event);
                events[i]["resolved_by"] = by.into();
                if event.starts_with("hkust-medical") {
                    events[i]["status"] = "expected".into();
                }
            });
            assert_eq!(found.len(), 1, "{event} → {by}: {found:?}");
            assert!(
                found[0].contains(".resolved_by: ") && found[0].contains(says),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_resolved_expectation_is_no_longer_pending() {
        let mut doc: serde_json::Value =
            serde_json::from_str(include_str!("../../../public/data/timeline.json")).unwrap();
        let events = doc["events"].as_array_mut().unwrap();
        let i = at(events, "first-cohort-2024");
        events[i]["resolved_by"] = "hkust-medical-school-approved-2025-11-18".into();
        let timeline = load(&doc.to_string()).unwrap();
        let shipped = load(include_str!("../../../public/data/timeline.json")).unwrap();
        assert!(shipped.entries[i].event.pending());
        assert!(!timeline.entries[i].event.pending());
        assert!(!timeline.entries[0].event.pending());
    }
}
