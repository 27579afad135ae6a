//! The card of one event as HTML text: the detail card on screen and every
//! card of the print-only list.
//!
//! The card has no state of its own (it is redrawn whole when the selection
//! or the language changes), so it is written as text and set with
//! `inner_html`, not built as a typed Leptos view. That keeps about 6 KB
//! gzip of monomorphized view code out of the WebAssembly, and it makes a
//! print list of 10,000 events one string. Every text from the data goes
//! through [`escape_html`]; only validated `http(s)` URLs become links.
//!
//! Plain Rust: tested on the host with `cargo test`.

use std::fmt::Write;

use super::escape_html;
use crate::i18n::texts;
use crate::model::{Entry, Event, Lang, Localized, PartialDate, Timeline};

/// Writes ` lang="…"` and the escaped text of `text` in `lang` (or English
/// where it is missing) between `<tag class="…">` and `</tag>` (no class
/// attribute when `class` is empty). The first paint writes with it too.
pub(crate) fn localized(html: &mut String, tag: &str, class: &str, text: &Localized, lang: Lang) {
    let (s, used) = text.get(lang);
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    let _ = write!(
        html,
        "<{tag}{class} lang=\"{}\">{}</{tag}>",
        used.code(),
        escape_html(s)
    );
}

fn time(html: &mut String, date: PartialDate, lang: Lang) {
    let _ = write!(
        html,
        "<time datetime=\"{}\">{}</time>",
        date.iso(),
        escape_html(&date.written(lang))
    );
}

/// The card of `entry` in `lang`, as HTML: title, dates (at their
/// precision; a derived end says so), status, place, photos and videos,
/// summary, people by organisation, quotes (never translated) and sources
/// (titles as published, with a translation where the reader's language
/// differs). This is the selected card: its first image loads at once.
pub fn card_html(timeline: &Timeline, entry: &Entry, lang: Lang) -> String {
    card_html_loading(timeline, entry, lang, true)
}

/// Every event's card, each with its event's id (`<article id>`, which a
/// marker's link `#<id>` shows through `:target` without JavaScript); the
/// first is the selected one ([`card_html`]), the others load their
/// images lazily. The build-time first paint's cards.
pub fn every_card(timeline: &Timeline, lang: Lang) -> String {
    let mut html = String::new();
    for (i, entry) in timeline.entries.iter().enumerate() {
        let card = if i == 0 { card_html } else { card_html_lazy }(timeline, entry, lang);
        html.push_str(&card.replacen(
            "<article ",
            &format!("<article id=\"{}\" ", escape_html(&entry.event.id)),
            1,
        ));
    }
    html
}

/// [`card_html`] for a card that is not the selected one (the print list,
/// the first paint's other cards): its images load lazily.
pub fn card_html_lazy(timeline: &Timeline, entry: &Entry, lang: Lang) -> String {
    card_html_loading(timeline, entry, lang, false)
}

fn card_html_loading(timeline: &Timeline, entry: &Entry, lang: Lang, eager: bool) -> String {
    let event = &entry.event;
    let expected = event.pending();
    let mut html = String::with_capacity(2048);
    html.push_str(if expected {
        "<article class=\"event-card expected\">"
    } else {
        "<article class=\"event-card\">"
    });
    localized(&mut html, "h2", "", &event.title, lang);
    meta(&mut html, entry, lang);
    resolution(&mut html, timeline, event, lang);
    if let Some(note) = event.end.as_ref().and_then(|e| e.note.as_ref()) {
        localized(&mut html, "p", "end-note", note, lang);
    }
    super::media::figures(&mut html, event, lang, eager);
    localized(&mut html, "p", "summary", &event.summary, lang);
    people(&mut html, timeline, event, lang);
    quotes(&mut html, timeline, event, lang);
    sources(&mut html, timeline, event, lang);
    html.push_str("</article>");
    html
}

/// The date (or dates), the expected badge and the place.
fn meta(html: &mut String, entry: &Entry, lang: Lang) {
    let t = texts(lang);
    let event = &entry.event;
    html.push_str("<p class=\"meta\">");
    time(html, entry.start, lang);
    if let Some(end) = entry.end {
        html.push_str("<span class=\"end\"> – ");
        time(html, end, lang);
        if event.end.as_ref().is_some_and(|e| e.derived) {
            html.push_str(&escape_html(t.derived));
        }
        html.push_str("</span>");
    }
    if event.pending() {
        let _ = write!(
            html,
            "<span class=\"badge\">{}</span>",
            escape_html(t.expected_detail)
        );
    }
    if let Some(place) = &event.place {
        localized(html, "span", "place", place, lang);
    }
    html.push_str("</p>");
}

/// For an expected event that came true: "This happened: <title>,
/// <date> →", a link to the event that resolved it (`#<id>`: the app
/// selects it, the first paint shows its card).
fn resolution(html: &mut String, timeline: &Timeline, event: &Event, lang: Lang) {
    let Some(then) = event
        .resolved_by
        .as_deref()
        .and_then(|id| timeline.index_of(id))
        .map(|j| &timeline.entries[j])
    else {
        return;
    };
    let t = texts(lang);
    let _ = write!(
        html,
        "<p class=\"resolved\"><a href=\"#{}\">{}",
        escape_html(&then.event.id),
        escape_html(t.resolved_by)
    );
    localized(html, "span", "", &then.event.title, lang);
    html.push_str(&escape_html(t.title_date_separator));
    time(html, then.start, lang);
    html.push_str("<span aria-hidden=\"true\"> →</span></a></p>");
}

/// The people at the event, grouped by organisation.
fn people(html: &mut String, timeline: &Timeline, event: &Event, lang: Lang) {
    if event.participants.is_empty() {
        return;
    }
    let t = texts(lang);
    let _ = write!(
        html,
        "<h3>{}</h3><div class=\"people\">",
        escape_html(t.people)
    );
    for group in timeline.participants_by_organisation(event) {
        html.push_str("<div class=\"org-group\">");
        if let Some(org) = group.organisation {
            localized(html, "h4", "", &org.name, lang);
        }
        html.push_str("<ul>");
        for (person, participant) in group.members {
            html.push_str("<li>");
            localized(html, "span", "person", &person.name, lang);
            html.push_str(&escape_html(t.name_role_separator));
            localized(html, "span", "role", &participant.role, lang);
            html.push_str("</li>");
        }
        html.push_str("</ul></div>");
    }
    html.push_str("</div>");
}

/// The quotations, in the language they were given in; a reader of
/// another language is told which it is.
fn quotes(html: &mut String, timeline: &Timeline, event: &Event, lang: Lang) {
    if event.quotes.is_empty() {
        return;
    }
    let t = texts(lang);
    let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    html.push_str("<div class=\"quotes\">");
    for quote in &event.quotes {
        html.push_str("<figure class=\"quote\">");
        if primary(&quote.lang) != primary(lang.code()) {
            let _ = write!(
                html,
                "<p class=\"quote-original\" lang=\"{}\">{}</p>",
                lang.code(),
                escape_html((t.quote_original)(&quote.lang))
            );
        }
        let _ = write!(
            html,
            "<blockquote lang=\"{}\"><p>{}</p></blockquote>",
            escape_html(&quote.lang),
            escape_html(&quote.text)
        );
        if let Some(person) = timeline.person(&quote.person) {
            html.push_str("<figcaption>— ");
            localized(html, "span", "", &person.name, lang);
            html.push_str("</figcaption>");
        }
        html.push_str("</figure>");
    }
    html.push_str("</div>");
}

/// The sources: each title as published (a translation follows where the
/// reader's language is not the source's), publisher and date.
fn sources(html: &mut String, timeline: &Timeline, event: &Event, lang: Lang) {
    let t = texts(lang);
    let _ = write!(
        html,
        "<h3>{}</h3><ul class=\"sources\">",
        escape_html(t.sources)
    );
    for source in event.sources.iter().filter_map(|id| timeline.source(id)) {
        let _ = write!(
            html,
            "<li><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\" lang=\"{}\">{}</a>",
            escape_html(&source.url),
            escape_html(&source.lang),
            escape_html(&source.title)
        );
        let translated = (source.lang != lang.code())
            .then(|| source.translated_title.as_ref()?.0.get(lang.code()))
            .flatten();
        if let Some(title) = translated {
            let _ = write!(
                html,
                "<span class=\"translated-title\" lang=\"{}\">{}</span>",
                lang.code(),
                escape_html(&(t.translated_title)(title))
            );
        }
        let _ = write!(
            html,
            "<span class=\"publisher\"> — {}",
            escape_html(&source.publisher)
        );
        if let Some(date) = source
            .date
            .as_deref()
            .and_then(|d| PartialDate::parse(d).ok())
        {
            let _ = write!(html, ", {}", escape_html(&date.written(lang)));
        }
        html.push_str("</span></li>");
    }
    html.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    const SHIPPED: &str = include_str!("../../public/data/timeline.json");

    fn card(id: &str, lang: Lang) -> String {
        let timeline = load(SHIPPED).unwrap();
        let entry = &timeline.entries[timeline.index_of(id).unwrap()];
        card_html(&timeline, entry, lang)
    }

    #[test]
    fn every_event_gets_a_whole_card() {
        let timeline = load(SHIPPED).unwrap();
        for entry in &timeline.entries {
            for lang in Lang::ALL {
                let html = card_html(&timeline, entry, lang);
                assert!(html.starts_with("<article class=\"event-card"), "{html}");
                assert!(html.ends_with("</ul></article>"), "{html}");
                assert!(html.contains(&escape_html(entry.event.title.get(lang).0)));
                assert!(html.contains(&format!("<time datetime=\"{}\">", entry.start.iso())));
                // Balanced: as many openings as closings of each element.
                for tag in [
                    "article", "p", "span", "ul", "li", "div", "h2", "h3", "a", "time",
                ] {
                    let open = html.matches(&format!("<{tag}>")).count()
                        + html.matches(&format!("<{tag} ")).count();
                    let close = html.matches(&format!("</{tag}>")).count();
                    assert_eq!(open, close, "<{tag}> in {}", entry.event.id);
                }
            }
        }
    }

    #[test]
    fn expected_and_derived_are_said() {
        let cohort = card("first-cohort-2024", Lang::En);
        assert!(cohort.starts_with("<article class=\"event-card expected\">"));
        assert!(cohort.contains(texts(Lang::En).expected_detail));
        let agreement = card("agreement-signed-2024-07-21", Lang::ZhHant);
        assert!(
            agreement.contains(texts(Lang::ZhHant).derived),
            "{agreement}"
        );
        assert!(agreement.contains("<time datetime=\"2027-07\">"));
    }

    #[test]
    fn a_resolved_expectation_links_to_what_happened_in_every_language() {
        let fixture = include_str!("../../tests/data/resolved-expectation.json");
        let timeline = load(fixture).unwrap();
        let entry = &timeline.entries[timeline.index_of("first-cohort-2024").unwrap()];
        let expected = [
            (Lang::En, "This happened: <span lang=\"en\">First PUMCH cohort arrives at HKUST</span>, <time datetime=\"2025-09\">September 2025</time>"),
            (Lang::ZhHant, "預期已實現：<span lang=\"zh-Hant\">首批北京協和醫院學員抵達香港科技大學</span>，<time datetime=\"2025-09\">2025年9月</time>"),
            (Lang::ZhHans, "预期已实现：<span lang=\"zh-Hans\">首批北京协和医院学员抵达香港科技大学</span>，<time datetime=\"2025-09\">2025年9月</time>"),
        ];
        for (lang, line) in expected {
            let html = card_html(&timeline, entry, lang);
            let link = format!("<p class=\"resolved\"><a href=\"#first-cohort-arrives-2025-09\">{line}<span aria-hidden=\"true\"> →</span></a></p>");
            assert!(html.contains(&link), "{html}");
            // No longer pending: no "expected, not confirmed" badge.
            assert!(html.starts_with("<article class=\"event-card\">"), "{html}");
            assert!(!html.contains(texts(lang).expected_detail), "{html}");
        }
        // The shipped, unresolved expectation has no such line.
        assert!(!card("first-cohort-2024", Lang::En).contains("resolved"));
    }

    #[test]
    fn english_marks_itself_where_a_translation_is_missing() {
        // TONG's name has no Chinese form in the sources.
        let html = card("agreement-signed-2024-07-21", Lang::ZhHans);
        assert!(
            html.contains("<span class=\"person\" lang=\"en\">Prof. Penger TONG</span>"),
            "{html}"
        );
        assert!(html.contains("<h2 lang=\"zh-Hans\">"));
    }

    #[test]
    fn a_quotation_in_another_language_says_so_and_stays_as_given() {
        for (lang, label) in [
            (Lang::ZhHant, "引自英文資料"),
            (Lang::ZhHans, "引自英文资料"),
        ] {
            let html = card("agreement-signed-2024-07-21", lang);
            let labelled = format!(
                "<figure class=\"quote\"><p class=\"quote-original\" lang=\"{}\">{label}</p><blockquote lang=\"en\"><p>With the economy",
                lang.code()
            );
            assert!(html.contains(&labelled), "{html}");
            assert_eq!(html.matches(label).count(), 2, "one label per quotation");
        }
        // English readers of an English quotation need no label.
        let html = card("agreement-signed-2024-07-21", Lang::En);
        assert!(!html.contains("quote-original"), "{html}");
        assert!(html.contains("<figure class=\"quote\"><blockquote lang=\"en\">"));
    }

    #[test]
    fn text_from_the_data_is_inert() {
        let mut timeline = load(SHIPPED).unwrap();
        let hostile = "<img src=x onerror=alert(1)>\"'&";
        let entry = &mut timeline.entries[0];
        entry.event.title.0.insert("en".into(), hostile.into());
        entry.event.summary.0.insert("en".into(), hostile.into());
        let html = card_html(&timeline, &timeline.entries[0], Lang::En);
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"));
    }
}
