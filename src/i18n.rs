//! Every interface string, in every language, in one typed table.
//!
//! [`Texts`] has one field per string; each language is a `const` of it, so
//! a missing translation is a compile error, not a blank on screen. Strings
//! with values in them are functions. Content (titles, summaries, names)
//! comes from the data, not from here.
//!
//! Adding a language: add a [`Lang`] variant (code, date locale), a `const`
//! of [`Texts`] below, and its arm in [`texts`]; the compiler lists every
//! place that still needs it.

use crate::model::{Kind, Lang};

/// The document's title: the selected event's title, then the timeline's,
/// so a shared `?event=` link and a browser tab name what is on screen.
pub fn page_title(timeline_title: &str, event_title: Option<&str>) -> String {
    match event_title {
        Some(event) => format!("{event} – {timeline_title}"),
        None => timeline_title.to_string(),
    }
}

/// The interface's words in one language.
pub struct Texts {
    /// The language's own name, for the switcher.
    pub language_name: &'static str,
    pub language_label: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    /// The page's name, for the document title when the data (which holds
    /// the real title) could not be loaded: the shipped data's title (a
    /// test keeps them the same).
    pub app_title: &'static str,
    /// After the first problems of a long list: how many more there are,
    /// and where to see them all.
    pub more_problems: fn(usize) -> String,
    /// Above the build-time list of events, kept under a load failure.
    pub saved_list: &'static str,
    /// Above the static list for readers without JavaScript (English
    /// only: the static list is English; the other tables carry it for
    /// completeness).
    pub static_note: &'static str,
    pub network_failed: &'static str,
    pub timed_out: &'static str,
    pub too_large: fn(usize, usize) -> String,
    pub not_utf8: fn(usize) -> String,
    pub not_found: &'static str,
    pub server_error: fn(u16) -> String,
    pub data_invalid: &'static str,
    pub data_syntax: fn(usize, usize, &str) -> String,
    pub schema_version: fn(Option<u64>, u64) -> String,
    pub timeline_nav: &'static str,
    pub selected_event: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub position: fn(usize, usize) -> String,
    pub events_shown: fn(usize) -> String,
    /// The markers on the axis when it shows a page of them: first, last, all.
    pub page_range: fn(usize, usize, usize) -> String,
    pub earlier_events: &'static str,
    pub later_events: &'static str,
    /// The one-line announcement of a new selection.
    pub announce: fn(&str, &str) -> String,
    /// After a filter change moved the selection: the count, then the
    /// event now selected (`announce`'s line).
    pub filter_moved_selection: fn(&str, &str) -> String,
    /// Why the last shown kind, or organisation, cannot be unticked.
    pub kind_locked: &'static str,
    pub organisation_locked: &'static str,
    /// Shown while the keyboard is among the markers.
    pub keys_hint: &'static str,
    pub expected: &'static str,
    pub expected_detail: &'static str,
    pub derived: &'static str,
    pub term: &'static str,
    pub term_derived: &'static str,
    pub today: &'static str,
    /// The end of a lasting event, at the end of its band: its date.
    pub term_ends: fn(&str) -> String,
    pub term_ends_derived: fn(&str) -> String,
    /// The axis's zoom controls, their keys, and what a zoom says.
    pub zoom_controls: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_fit: &'static str,
    pub zoom_hint: &'static str,
    /// After a zoom: the new level (e.g. "2") in frame widths.
    pub zoom_level: fn(&str) -> String,
    pub zoom_fitted: &'static str,
    /// The scrollable axis, when zoomed in.
    pub axis_scroll: &'static str,
    /// The legend of the axis's marks.
    pub legend: &'static str,
    pub legend_took_place: &'static str,
    pub legend_expected: &'static str,
    pub legend_interval: &'static str,
    pub legend_term: &'static str,
    pub legend_today: &'static str,
    pub people: &'static str,
    pub sources: &'static str,
    /// Joins a name and a role: "Prof. X, President".
    pub name_role_separator: &'static str,
    /// The label over a quotation given in another language than the
    /// reader's (its BCP 47 tag): quotations are never translated.
    pub quote_original: fn(&str) -> &'static str,
    pub filter_kinds: &'static str,
    pub filter_organisations: &'static str,
    pub kind_visit: &'static str,
    pub kind_delegation: &'static str,
    pub kind_agreement: &'static str,
    pub kind_exchange: &'static str,
    pub kind_context: &'static str,
    pub no_match: &'static str,
    pub show_all: &'static str,
    pub embed_button: &'static str,
    pub embed_title: &'static str,
    pub embed_intro: &'static str,
    pub embed_with_event: &'static str,
    pub embed_code: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub close: &'static str,
    /// A translated title, after the original one.
    pub translated_title: fn(&str) -> String,
}

impl Texts {
    pub fn kind(&self, kind: Kind) -> &'static str {
        match kind {
            Kind::Visit => self.kind_visit,
            Kind::Delegation => self.kind_delegation,
            Kind::Agreement => self.kind_agreement,
            Kind::Exchange => self.kind_exchange,
            Kind::Context => self.kind_context,
        }
    }
}

/// A count with its thousands grouped by commas, as all three languages
/// write Arabic numerals: 10,000.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The interface's words in `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::ZhHant => &ZH_HANT,
        Lang::ZhHans => &ZH_HANS,
    }
}

const EN: Texts = Texts {
    language_name: "English",
    language_label: "Language",
    loading: "Loading the timeline…",
    load_failed: "The timeline could not be loaded",
    retry: "Try again",
    app_title: "HKUST and PUMCH: a partnership in medicine",
    more_problems: |n| format!("… and {} more. The data check lists every problem (see “Editing the data” in the README).", grouped(n)),
    saved_list: "Meanwhile, the events as published with this page (in English):",
    static_note: "A plain list of the events. The interactive timeline needs JavaScript and WebAssembly.",
    network_failed: "The network request failed. Check the connection and try again.",
    timed_out: "The server took too long to answer. Try again in a moment.",
    too_large: |bytes, max| format!("The data file is too large ({bytes} bytes; the limit is {max})."),
    not_utf8: |offset| format!("The data file is not UTF-8 text (byte {offset}). Save it as UTF-8."),
    not_found: "The data file was not found on the server (HTTP 404).",
    server_error: |status| format!("The server answered with an error (HTTP {status})."),
    data_invalid: "The data file breaks these rules:",
    data_syntax: |line, column, detail| {
        format!("The data file cannot be read: line {line}, column {column}: {detail}.")
    },
    schema_version: |found, wanted| match found {
        Some(v) => format!(
            "The data file says \"schema_version\": {v}, but this timeline reads version {wanted}."
        ),
        None => format!(
            "The data file has no \"schema_version\"; this timeline reads version {wanted}."
        ),
    },
    timeline_nav: "Timeline of events",
    selected_event: "Selected event",
    previous: "Previous",
    next: "Next",
    position: |p, n| format!("{} of {}", grouped(p), grouped(n)),
    events_shown: |n| match n {
        1 => "1 event shown".to_string(),
        n => format!("{} events shown", grouped(n)),
    },
    page_range: |first, last, n| {
        format!("Events {}–{} of {}", grouped(first), grouped(last), grouped(n))
    },
    earlier_events: "Earlier events",
    later_events: "Later events",
    announce: |title, date| format!("{title}, {date}"),
    filter_moved_selection: |count, line| format!("{count}. Now selected: {line}"),
    kind_locked: "At least one kind stays shown.",
    organisation_locked: "At least one organisation stays shown.",
    keys_hint: "← → move between events; Home and End go to the first and last.",
    expected: "Expected",
    expected_detail: "Expected — not confirmed",
    derived: " (derived)",
    term: "Term",
    term_derived: "Term (end derived)",
    today: "Today",
    term_ends: |date| format!("ends {date}"),
    term_ends_derived: |date| format!("ends {date} (derived)"),
    zoom_controls: "Zoom the time axis",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    zoom_fit: "Fit all",
    zoom_hint: "Keys + and −; Ctrl + wheel; pinch. Drag or scroll to move.",
    zoom_level: |level| format!("Zoom {level}×"),
    zoom_fitted: "Whole time axis shown",
    axis_scroll: "Time axis, zoomed: scroll with the arrow keys",
    legend: "Key",
    legend_took_place: "event",
    legend_expected: "expected",
    legend_interval: "month or year (date not more precise)",
    legend_term: "term, striped end derived",
    legend_today: "today",
    people: "People",
    sources: "Sources",
    name_role_separator: ", ",
    quote_original: |tag| match tag.split('-').next() {
        Some("en") => "In the original English",
        Some("zh") => "In the original Chinese",
        _ => "In the original language",
    },
    filter_kinds: "Kinds",
    filter_organisations: "Involving",
    kind_visit: "Visits",
    kind_delegation: "Delegations",
    kind_agreement: "Agreements",
    kind_exchange: "Exchanges",
    kind_context: "Context",
    no_match: "No events match these filters.",
    show_all: "Show all events",
    embed_button: "Embed",
    embed_title: "Embed this timeline",
    embed_intro: "Paste this HTML into your page. The frame sizes itself to its content, keeps this language, theme and filter, and can link to the selected event from your page’s address.",
    embed_with_event: "Open on the selected event",
    embed_code: "Embed code",
    copy: "Copy",
    copied: "Copied to the clipboard.",
    copy_failed: "Could not copy: select the code and copy it by hand.",
    close: "Close",
    translated_title: |title| format!(" (translated title: {title})"),
};

const ZH_HANT: Texts = Texts {
    language_name: "繁體中文",
    language_label: "語言",
    loading: "正在載入時間軸…",
    load_failed: "未能載入時間軸",
    retry: "重試",
    app_title: "香港科技大學與北京協和醫院：醫學合作歷程",
    more_problems: |n| format!("……另有 {} 項問題。資料檢查會列出全部問題（見 README「Editing the data」）。", grouped(n)),
    saved_list: "同時，以下是本頁發佈時的事件（英文）：",
    static_note: "事件的純文字列表。互動時間軸需要 JavaScript 和 WebAssembly。",
    network_failed: "網絡請求失敗。請檢查連線後重試。",
    timed_out: "伺服器回應逾時。請稍後重試。",
    too_large: |bytes, max| format!("資料檔案過大（{bytes} 位元組；上限為 {max}）。"),
    not_utf8: |offset| format!("資料檔案不是 UTF-8 文字（第 {offset} 位元組）。請以 UTF-8 儲存。"),
    not_found: "伺服器上找不到資料檔案（HTTP 404）。",
    server_error: |status| format!("伺服器回應錯誤（HTTP {status}）。"),
    data_invalid: "資料檔案違反以下規則：",
    data_syntax: |line, column, detail| {
        format!("無法讀取資料檔案：第 {line} 行第 {column} 列：{detail}。")
    },
    schema_version: |found, wanted| match found {
        Some(v) => {
            format!("資料檔案的 \"schema_version\" 是 {v}，但本時間軸只讀取第 {wanted} 版。")
        }
        None => format!("資料檔案沒有 \"schema_version\"；本時間軸讀取第 {wanted} 版。"),
    },
    timeline_nav: "事件時間軸",
    selected_event: "所選事件",
    previous: "上一項",
    next: "下一項",
    position: |p, n| format!("第 {} 項，共 {} 項", grouped(p), grouped(n)),
    events_shown: |n| format!("顯示 {} 項事件", grouped(n)),
    page_range: |first, last, n| {
        format!("第 {}–{} 項事件，共 {} 項", grouped(first), grouped(last), grouped(n))
    },
    earlier_events: "較早的事件",
    later_events: "較後的事件",
    announce: |title, date| format!("{title}，{date}"),
    filter_moved_selection: |count, line| format!("{count}。現已選取：{line}"),
    kind_locked: "至少須顯示一個類別。",
    organisation_locked: "至少須顯示一個機構。",
    keys_hint: "← → 在事件之間移動；Home 和 End 前往第一項和最後一項。",
    expected: "預期",
    expected_detail: "預期，未經證實",
    derived: "（推算）",
    term: "協議期限",
    term_derived: "協議期限（期滿日為推算）",
    today: "今天",
    term_ends: |date| format!("{date}期滿"),
    term_ends_derived: |date| format!("{date}期滿（推算）"),
    zoom_controls: "縮放時間軸",
    zoom_in: "放大",
    zoom_out: "縮小",
    zoom_fit: "顯示全部",
    zoom_hint: "按 + 及 − 鍵；Ctrl + 滾輪；雙指縮放。拖曳或捲動以移動。",
    zoom_level: |level| format!("縮放 {level} 倍"),
    zoom_fitted: "已顯示整條時間軸",
    axis_scroll: "時間軸已放大：可用方向鍵捲動",
    legend: "圖例",
    legend_took_place: "事件",
    legend_expected: "預期",
    legend_interval: "月份或年份（日期未更精確）",
    legend_term: "協議期，斜紋末端為推算",
    legend_today: "今天",
    people: "人物",
    sources: "資料來源",
    name_role_separator: "，",
    quote_original: |tag| match tag.split('-').next() {
        Some("en") => "英文原文",
        Some("zh") => "中文原文",
        _ => "原文",
    },
    filter_kinds: "類別",
    filter_organisations: "涉及機構",
    kind_visit: "訪問",
    kind_delegation: "代表團",
    kind_agreement: "協議",
    kind_exchange: "交流",
    kind_context: "背景",
    no_match: "沒有符合篩選條件的事件。",
    show_all: "顯示所有事件",
    embed_button: "嵌入",
    embed_title: "嵌入此時間軸",
    embed_intro: "將以下 HTML 貼到你的網頁。框架會按內容自動調整高度，保留目前的語言、主題和篩選，並可從你網頁的網址連結到所選事件。",
    embed_with_event: "開啟時顯示所選事件",
    embed_code: "嵌入代碼",
    copy: "複製",
    copied: "已複製到剪貼簿。",
    copy_failed: "未能複製：請選取代碼後手動複製。",
    close: "關閉",
    translated_title: |title| format!("（標題譯文：{title}）"),
};

const ZH_HANS: Texts = Texts {
    language_name: "简体中文",
    language_label: "语言",
    loading: "正在加载时间轴…",
    load_failed: "未能加载时间轴",
    retry: "重试",
    app_title: "香港科技大学与北京协和医院：医学合作历程",
    more_problems: |n| format!("……另有 {} 项问题。数据检查会列出全部问题（见 README“Editing the data”）。", grouped(n)),
    saved_list: "同时，以下是本页发布时的事件（英文）：",
    static_note: "事件的纯文本列表。交互时间轴需要 JavaScript 和 WebAssembly。",
    network_failed: "网络请求失败。请检查网络连接后重试。",
    timed_out: "服务器响应超时。请稍后重试。",
    too_large: |bytes, max| format!("数据文件过大（{bytes} 字节；上限为 {max}）。"),
    not_utf8: |offset| format!("数据文件不是 UTF-8 文本（第 {offset} 字节）。请以 UTF-8 保存。"),
    not_found: "服务器上找不到数据文件（HTTP 404）。",
    server_error: |status| format!("服务器返回错误（HTTP {status}）。"),
    data_invalid: "数据文件违反以下规则：",
    data_syntax: |line, column, detail| {
        format!("无法读取数据文件：第 {line} 行第 {column} 列：{detail}。")
    },
    schema_version: |found, wanted| match found {
        Some(v) => {
            format!("数据文件的 \"schema_version\" 是 {v}，但本时间轴只读取第 {wanted} 版。")
        }
        None => format!("数据文件没有 \"schema_version\"；本时间轴读取第 {wanted} 版。"),
    },
    timeline_nav: "事件时间轴",
    selected_event: "所选事件",
    previous: "上一项",
    next: "下一项",
    position: |p, n| format!("第 {} 项，共 {} 项", grouped(p), grouped(n)),
    events_shown: |n| format!("显示 {} 项事件", grouped(n)),
    page_range: |first, last, n| {
        format!("第 {}–{} 项事件，共 {} 项", grouped(first), grouped(last), grouped(n))
    },
    earlier_events: "较早的事件",
    later_events: "较后的事件",
    announce: |title, date| format!("{title}，{date}"),
    filter_moved_selection: |count, line| format!("{count}。现已选择：{line}"),
    kind_locked: "至少须显示一个类别。",
    organisation_locked: "至少须显示一个机构。",
    keys_hint: "← → 在事件之间移动；Home 和 End 前往第一项和最后一项。",
    expected: "预期",
    expected_detail: "预期，未经证实",
    derived: "（推算）",
    term: "协议期限",
    term_derived: "协议期限（期满日为推算）",
    today: "今天",
    term_ends: |date| format!("{date}期满"),
    term_ends_derived: |date| format!("{date}期满（推算）"),
    zoom_controls: "缩放时间轴",
    zoom_in: "放大",
    zoom_out: "缩小",
    zoom_fit: "显示全部",
    zoom_hint: "按 + 和 − 键；Ctrl + 滚轮；双指缩放。拖动或滚动以移动。",
    zoom_level: |level| format!("缩放 {level} 倍"),
    zoom_fitted: "已显示整条时间轴",
    axis_scroll: "时间轴已放大：可用方向键滚动",
    legend: "图例",
    legend_took_place: "事件",
    legend_expected: "预期",
    legend_interval: "月份或年份（日期未更精确）",
    legend_term: "协议期，斜纹末端为推算",
    legend_today: "今天",
    people: "人物",
    sources: "资料来源",
    name_role_separator: "，",
    quote_original: |tag| match tag.split('-').next() {
        Some("en") => "英文原文",
        Some("zh") => "中文原文",
        _ => "原文",
    },
    filter_kinds: "类别",
    filter_organisations: "涉及机构",
    kind_visit: "访问",
    kind_delegation: "代表团",
    kind_agreement: "协议",
    kind_exchange: "交流",
    kind_context: "背景",
    no_match: "没有符合筛选条件的事件。",
    show_all: "显示所有事件",
    embed_button: "嵌入",
    embed_title: "嵌入此时间轴",
    embed_intro: "将以下 HTML 粘贴到你的网页。框架会按内容自动调整高度，保留当前的语言、主题和筛选，并可从你网页的网址链接到所选事件。",
    embed_with_event: "打开时显示所选事件",
    embed_code: "嵌入代码",
    copy: "复制",
    copied: "已复制到剪贴板。",
    copy_failed: "未能复制：请选中代码后手动复制。",
    close: "关闭",
    translated_title: |title| format!("（标题译文：{title}）"),
};

#[cfg(test)]
mod tests {
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
        let timeline = crate::model::load(include_str!("../public/data/timeline.json")).unwrap();
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
        assert_eq!((texts(Lang::ZhHant).quote_original)("en"), "英文原文");
        assert_eq!((texts(Lang::ZhHans).quote_original)("en"), "英文原文");
        assert_eq!(
            (texts(Lang::En).quote_original)("zh-Hans"),
            "In the original Chinese"
        );
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
}
