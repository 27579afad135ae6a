//! The shipped data: valid, with the facts the sources give, in all three
//! languages.

use super::*;

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
