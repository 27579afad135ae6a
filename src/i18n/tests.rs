//! Every string in every language, translated, with its values.

use super::*;

/// Every plain string of a table, with its field name.
fn strings(t: &Texts) -> Vec<(&'static str, &'static str)> {
    vec![
        ("language_name", t.language_name),
        ("language_label", t.language_label),
        ("loading", t.loading),
        ("load_failed", t.load_failed),
        ("retry", t.retry),
        ("app_title", t.app_title),
        ("saved_list", t.saved_list),
        ("static_note", t.static_note),
        ("kind_locked", t.kind_locked),
        ("organisation_locked", t.organisation_locked),
        ("keys_hint", t.keys_hint),
        ("network_failed", t.network_failed),
        ("timed_out", t.timed_out),
        ("not_found", t.not_found),
        ("data_invalid", t.data_invalid),
        ("timeline_nav", t.timeline_nav),
        ("selected_event", t.selected_event),
        ("previous", t.previous),
        ("next", t.next),
        ("earlier_events", t.earlier_events),
        ("later_events", t.later_events),
        ("expected", t.expected),
        ("expected_detail", t.expected_detail),
        ("resolved_by", t.resolved_by),
        ("title_date_separator", t.title_date_separator),
        ("derived", t.derived),
        ("term", t.term),
        ("term_derived", t.term_derived),
        ("today", t.today),
        ("people", t.people),
        ("sources", t.sources),
        ("name_role_separator", t.name_role_separator),
        ("filter_kinds", t.filter_kinds),
        ("filter_organisations", t.filter_organisations),
        ("kind_visit", t.kind_visit),
        ("kind_delegation", t.kind_delegation),
        ("kind_agreement", t.kind_agreement),
        ("kind_exchange", t.kind_exchange),
        ("kind_context", t.kind_context),
        ("no_match", t.no_match),
        ("show_all", t.show_all),
        ("embed_button", t.embed_button),
        ("embed_title", t.embed_title),
        ("embed_intro", t.embed_intro),
        ("embed_with_event", t.embed_with_event),
        ("embed_code", t.embed_code),
        ("copy", t.copy),
        ("copied", t.copied),
        ("copy_failed", t.copy_failed),
        ("close", t.close),
        ("play_video", t.play_video),
        ("video_link", t.video_link),
    ]
}

#[test]
fn the_page_title_names_the_event_first() {
    assert_eq!(
        page_title("Timeline", Some("Signing")),
        "Signing – Timeline"
    );
    assert_eq!(page_title("Timeline", None), "Timeline");
}

#[test]
fn the_fallback_title_is_the_shipped_data_title() {
    let timeline = crate::model::load(include_str!("../../public/data/timeline.json")).unwrap();
    for lang in Lang::ALL {
        assert_eq!(
            texts(lang).app_title,
            timeline.doc.title.get(lang).0,
            "{}",
            lang.code()
        );
    }
}

#[test]
fn every_string_is_there_in_every_language() {
    for lang in Lang::ALL {
        for (name, value) in strings(texts(lang)) {
            assert!(
                !value.trim().is_empty(),
                "{name} is empty in {}",
                lang.code()
            );
        }
    }
}

#[test]
fn chinese_tables_are_translated_not_copied() {
    let en = strings(texts(Lang::En));
    for lang in [Lang::ZhHant, Lang::ZhHans] {
        for ((name, english), (_, chinese)) in en.iter().zip(strings(texts(lang))) {
            if *name != "name_role_separator" {
                assert_ne!(
                    *english,
                    chinese,
                    "{name} in {} is still English",
                    lang.code()
                );
            }
        }
    }
    // The two scripts differ where their characters do.
    assert_ne!(texts(Lang::ZhHant).loading, texts(Lang::ZhHans).loading);
}

#[test]
fn strings_with_values_carry_them_in_every_language() {
    for lang in Lang::ALL {
        let t = texts(lang);
        assert!((t.server_error)(503).contains("503"));
        assert!((t.too_large)(9, 8).contains('9'));
        assert!((t.not_utf8)(77).contains("77"));
        let syntax = (t.data_syntax)(3, 14, "oops");
        assert!(syntax.contains('3') && syntax.contains("14") && syntax.contains("oops"));
        let at = at_path(t, "events[4].kind");
        assert!(at.contains('5') && at.ends_with("events[4].kind"), "{at}");
        assert_eq!(at_path(t, "sources[0].url"), "sources[0].url");
        assert!((t.schema_version)(Some(2), 1).contains('2'));
        let position = (t.position)(2, 5);
        assert!(
            position.contains('2') && position.contains('5'),
            "{position}"
        );
        assert!((t.events_shown)(7).contains('7'));
        let range = (t.page_range)(11, 20, 10_000);
        assert!(
            range.contains("11") && range.contains("20") && range.contains("10,000"),
            "{range}"
        );
        assert!((t.announce)("Title", "Date").contains("Title"));
        assert!((t.translated_title)("Title").contains("Title"));
        for tag in ["en", "en-GB", "zh-Hans", "fr"] {
            assert!(!(t.quote_original)(tag).trim().is_empty(), "{tag}");
        }
        assert!((t.more_problems)(12_345).contains("12,345"));
        let moved = (t.filter_moved_selection)("COUNT", "LINE");
        assert!(moved.contains("COUNT") && moved.contains("LINE"));
    }
    // The agreement's term: 協議期限, not the clipped 協議期.
    assert_eq!(texts(Lang::ZhHant).term, "協議期限");
    assert_eq!(texts(Lang::ZhHans).term, "协议期限");
    // The legend names the term as the axis does.
    assert!(texts(Lang::ZhHant).legend_term.starts_with("協議期限，"));
    assert!(texts(Lang::ZhHans).legend_term.starts_with("协议期限，"));
    // A quotation's label says what we know: the source gives it in that
    // language, not that it was spoken in it.
    assert_eq!((texts(Lang::ZhHant).quote_original)("en"), "引自英文資料");
    assert_eq!((texts(Lang::ZhHans).quote_original)("en"), "引自英文资料");
    assert_eq!(
        (texts(Lang::En).quote_original)("zh-Hans"),
        "As given in the Chinese source"
    );
    for lang in Lang::ALL {
        assert!(!(texts(lang).quote_original)("en").contains("原文"));
        assert!(!(texts(lang).quote_original)("en").contains("original"));
    }
    assert_eq!((texts(Lang::En).events_shown)(1), "1 event shown");
    assert_eq!(
        (texts(Lang::En).page_range)(11, 20, 10_000),
        "Events 11–20 of 10,000"
    );
    assert_eq!(
        (texts(Lang::En).position)(1234, 1_000_000),
        "1,234 of 1,000,000"
    );
    assert_eq!(grouped(0), "0");
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(45), "45");
}

#[test]
fn events_are_numbered_from_one_in_words() {
    let en = |path| at_path(texts(Lang::En), path);
    assert_eq!(en("events[4].date"), "the 5th event, events[4].date");
    assert_eq!(en("events[0]"), "the 1st event, events[0]");
    assert_eq!(en("events[1].kind"), "the 2nd event, events[1].kind");
    assert_eq!(en("events[2]"), "the 3rd event, events[2]");
    assert_eq!(en("events[10]"), "the 11th event, events[10]");
    assert_eq!(en("events[11]"), "the 12th event, events[11]");
    assert_eq!(en("events[20]"), "the 21st event, events[20]");
    assert_eq!(en("events[111]"), "the 112th event, events[111]");
    assert_eq!(en("events[1000]"), "the 1,001st event, events[1000]");
    assert_eq!(
        at_path(texts(Lang::ZhHant), "events[4].date"),
        "第 5 項事件，events[4].date"
    );
    assert_eq!(
        at_path(texts(Lang::ZhHans), "events[4].date"),
        "第 5 项事件，events[4].date"
    );
}
