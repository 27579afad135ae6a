//! The data's enums read as serde's derive reads them (host).

/// `Kind` and `Status` are read by one hand-written function (fewer bytes
/// in the wasm than serde's derive for each); they accept what the derive
/// accepted and fail with its very messages, which editors read.
#[test]
fn kind_and_status_read_as_the_derive_read_them() {
    use hkust_pumch_timeline::model::schema::{Kind, Status};
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum DerivedKind {
        Visit,
        Delegation,
        Agreement,
        Exchange,
        Context,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum DerivedStatus {
        TookPlace,
        Expected,
    }
    fn outcome<T: for<'de> serde::Deserialize<'de> + std::fmt::Debug>(json: &str) -> String {
        match serde_json::from_str::<T>(json) {
            Ok(v) => format!("{v:?}"),
            Err(e) => e.to_string(),
        }
    }
    for json in [
        r#""visit""#,
        r#""context""#,
        r#""took_place""#,
        r#""expected""#,
        r#""done""#,
        r#""""#,
        "3",
        "null",
        "true",
        "[]",
        r#"{"visit": null}"#,
        r#"{"expected": null}"#,
        r#"{"visit": 1}"#,
        r#"{"done": null}"#,
        r#"{}"#,
        r#""Visit""#,
    ] {
        let (ours, derived) = (outcome::<Kind>(json), outcome::<DerivedKind>(json));
        assert_eq!(ours, derived.replace("DerivedKind", "Kind"), "{json}");
        let (ours, derived) = (outcome::<Status>(json), outcome::<DerivedStatus>(json));
        assert_eq!(ours, derived.replace("DerivedStatus", "Status"), "{json}");
    }
}
