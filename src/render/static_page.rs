//! The static list of events, in English (with the interface's English
//! words from [`crate::i18n`]), that `index.html` carries for
//! readers without JavaScript or WebAssembly (and that shows at once while
//! the app loads). Generated at build time from the same data
//! (`src/bin/postbuild.rs`), so there is one source of truth.

use super::escape_html;
use crate::i18n::texts;
use crate::model::{Lang, Status, Timeline};

/// The list as HTML: the title, then each event with its date (at its
/// precision), status, place, summary and sources.
pub fn render(timeline: &Timeline) -> String {
    // The list is in English, with the interface's English words.
    let t = texts(Lang::En);
    let en = |t: &crate::model::Localized| escape_html(t.get(Lang::En).0);
    let mut html = format!("<h1>{}</h1>\n", en(&timeline.doc.title));
    if let Some(subtitle) = &timeline.doc.subtitle {
        html.push_str(&format!("<p class=\"subtitle\">{}</p>\n", en(subtitle)));
    }
    html.push_str(&format!(
        "<p class=\"static-note\">{}</p>\n",
        escape_html(t.static_note)
    ));
    html.push_str("<ol class=\"static-list\">\n");
    for entry in &timeline.entries {
        let event = &entry.event;
        let mut date = format!(
            "<time datetime=\"{}\">{}</time>",
            entry.start.iso(),
            entry.start.english()
        );
        if let Some(end) = entry.end {
            let derived = if event.end.as_ref().is_some_and(|e| e.derived) {
                t.derived
            } else {
                ""
            };
            date.push_str(&format!(
                " – <time datetime=\"{}\">{}</time>{derived}",
                end.iso(),
                end.english()
            ));
        }
        if event.status == Status::Expected {
            date.push_str(&format!(" · {}", t.expected_detail));
        }
        if let Some(place) = &event.place {
            date.push_str(&format!(" · {}", en(place)));
        }
        let sources: Vec<String> = event
            .sources
            .iter()
            .filter_map(|id| timeline.source(id))
            .map(|s| {
                format!(
                    "<li><a href=\"{}\" lang=\"{}\">{}</a> — {}</li>",
                    escape_html(&s.url),
                    escape_html(&s.lang),
                    escape_html(&s.title),
                    escape_html(&s.publisher)
                )
            })
            .collect();
        html.push_str(&format!(
            "<li id=\"static-{id}\"><h2>{title}</h2><p class=\"meta\">{date}</p><p>{summary}</p><ul class=\"sources\">{sources}</ul></li>\n",
            id = escape_html(&event.id),
            title = en(&event.title),
            summary = en(&event.summary),
            sources = sources.join(""),
        ));
    }
    html.push_str("</ol>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;
    use crate::render::escape_html;

    #[test]
    fn lists_every_event_with_its_date_and_escapes_text() {
        let timeline = load(include_str!("../../public/data/timeline.json")).unwrap();
        let html = render(&timeline);
        for entry in &timeline.entries {
            assert!(
                html.contains(&escape_html(entry.event.title.en())),
                "{}",
                entry.event.id
            );
            assert!(html.contains(&entry.start.english()));
        }
        assert!(html.contains(texts(Lang::En).expected_detail));
        assert!(html.contains("July 2027</time> (derived)"));
        assert_eq!(
            escape_html("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
