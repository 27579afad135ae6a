//! The `filter` option's maps: its parts one by one, each checked against
//! the kinds and the data's organisations.

use std::fmt::Write as _;

use super::{exact, map, quoted, spellings};
use crate::model::{Kind, Timeline};

/// The most filter parts nginx carries over (the app reads any number).
const MAX_FILTER_PARTS: usize = 12;

/// `filter`: its parts one by one (`kind:<kind>`, `org:<id>`, their `:`
/// and `,` plain or percent-encoded once or twice, a value's `-` plain or
/// percent-encoded), each kept only if it names a kind or an organisation,
/// written percent-encoded once.
pub(super) fn filter(out: &mut String, timeline: &Timeline) {
    let mut names: Vec<(&str, &str)> = Kind::ALL.iter().map(|k| ("kind", k.code())).collect();
    names.extend(
        timeline
            .doc
            .organisations
            .iter()
            .map(|o| ("org", o.id.as_str())),
    );
    let known: Vec<_> = names
        .iter()
        .flat_map(|(key, value)| {
            spellings(value)
                .into_iter()
                .map(move |s| (exact(&format!("{key}:{s}")), format!("%2C{key}%3A{value}")))
        })
        .collect();
    let separator = "(?:,|%2[Cc]|%252[Cc])";
    let parts = names.len().min(MAX_FILTER_PARTS);
    let _ = writeln!(out, "map $hkust_timeline_filter_in $hkust_timeline_filter_rest0 {{\n    default $hkust_timeline_filter_in;\n}}");
    for i in 0..parts {
        let rest = format!("$hkust_timeline_filter_rest{i}");
        let part = format!(
            "~^(?<k>kind|org)(?::|%3[Aa]|%253[Aa])(?<v>(?:[a-z0-9-]|%2[Dd]){{1,64}}+)(?:{separator}|$)"
        );
        map(
            out,
            &rest,
            &format!("hkust_timeline_filter_part{i}"),
            &[(quoted(&part), "$k:$v".into())],
            "\"\"",
        );
        map(
            out,
            &format!("$hkust_timeline_filter_part{i}"),
            &format!("hkust_timeline_filter_known{i}"),
            &known,
            "\"\"",
        );
        let next = format!("~^(?:[^,%]++|%(?!2[Cc]|252[Cc]))*+{separator}(?<r>.++)$");
        map(
            out,
            &rest,
            &format!("hkust_timeline_filter_rest{}", i + 1),
            &[(quoted(&next), "$r".into())],
            "\"\"",
        );
    }
    let joined: String = (0..parts)
        .map(|i| format!("$hkust_timeline_filter_known{i}"))
        .collect();
    map(
        out,
        &format!("\"{joined}\""),
        "hkust_timeline_filter",
        &[(quoted("~^%2C(?<f>.++)$"), "$f".into())],
        "\"\"",
    );
}
