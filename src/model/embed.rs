//! Embedding on other pages: the snippet a web editor pastes, and the
//! messages the app sends to its host page (public interface).
//!
//! Messages, posted to `window.parent` when the app is framed:
//! - `{"type": "hkust-pumch-timeline:resize", "height": <CSS px>}` whenever
//!   the content height changes;
//! - `{"type": "hkust-pumch-timeline:select", "event": "<id>"}` on every
//!   change of selection.
//!
//! And one the app answers, from its parent window only:
//! - `{"type": "hkust-pumch-timeline:hello"}` (sent by `embed.js` when it
//!   starts, in case it missed earlier reports): the app posts its height.

use super::options::Options;
use crate::render::escape_html;

pub const RESIZE: &str = "hkust-pumch-timeline:resize";
pub const SELECT: &str = "hkust-pumch-timeline:select";
pub const HELLO: &str = "hkust-pumch-timeline:hello";

/// The resize message for a content height in CSS pixels.
pub fn resize_message(height: f64) -> String {
    format!(
        "{{\"type\":\"{RESIZE}\",\"height\":{}}}",
        height.ceil().max(0.0)
    )
}

/// The select message; `id` is a validated event id (`[a-z0-9-]`), so it
/// needs no escaping.
pub fn select_message(id: &str) -> String {
    format!("{{\"type\":\"{SELECT}\",\"event\":\"{id}\"}}")
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// The query for an embed of the current view: `embed=1` plus whichever
/// options are set. The event is left out unless `with_event`, so an embed
/// opens on the first event unless the editor wants a particular one.
pub fn embed_query(options: &Options, with_event: bool) -> String {
    let mut pairs = vec![("embed".to_string(), "1".to_string())];
    if let Some(lang) = options.lang {
        pairs.push(("lang".into(), lang.code().into()));
    }
    if let Some(theme) = options.theme {
        pairs.push(("theme".into(), theme.code().into()));
    }
    if let Some(filter) = options.filter.to_param() {
        pairs.push(("filter".into(), filter));
    }
    if options.transparent {
        pairs.push(("bg".into(), "transparent".into()));
    }
    if let Some(accent) = options.accent {
        pairs.push(("accent".into(), accent.css()[1..].to_string()));
    }
    if let Some(zoom) = options.zoom {
        pairs.push(("zoom".into(), zoom.param().into()));
    }
    if with_event {
        if let Some(event) = &options.event {
            pairs.push(("event".into(), event.clone()));
        }
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The HTML a web editor pastes: an iframe that sizes itself through
/// `embed.js`, and the script tag. `base` is the app's address, ending in
/// `/` (e.g. `https://example.org/timeline/`).
pub fn snippet(base: &str, options: &Options, title: &str, with_event: bool) -> String {
    let src = format!("{base}?{}", embed_query(options, with_event));
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" \
         style=\"width:100%;height:760px;border:0\" \
         data-hkust-pumch-timeline data-sync-url></iframe>\n\
         <script src=\"{script}\" defer></script>",
        src = escape_html(&src),
        title = escape_html(title),
        script = escape_html(&format!("{base}embed.js")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::color::Rgb;
    use crate::model::{Filter, Lang, Theme};

    #[test]
    fn messages_have_the_documented_shape() {
        assert_eq!(
            resize_message(812.3),
            r#"{"type":"hkust-pumch-timeline:resize","height":813}"#
        );
        assert_eq!(
            select_message("first-cohort-2024"),
            r#"{"type":"hkust-pumch-timeline:select","event":"first-cohort-2024"}"#
        );
    }

    #[test]
    fn the_snippet_carries_the_options_and_escapes_what_it_must() {
        let options = Options {
            event: Some("agreement-signed-2024-07-21".into()),
            lang: Some(Lang::ZhHant),
            theme: Some(Theme::Dark),
            filter: Filter::from_param("kind:visit,org:pumch"),
            transparent: true,
            accent: Rgb::parse("003366"),
            embed: false,
            data: None,
            zoom: crate::model::zoom::Zoom::from_param("2"),
        };
        let html = snippet("https://example.org/t/", &options, "A \"title\" <b>", true);
        assert!(html.contains(
            "src=\"https://example.org/t/?embed=1&amp;lang=zh-Hant&amp;theme=dark&amp;filter=kind%3Avisit%2Corg%3Apumch&amp;bg=transparent&amp;accent=003366&amp;zoom=2&amp;event=agreement-signed-2024-07-21\""
        ), "{html}");
        assert!(html.contains("title=\"A &quot;title&quot; &lt;b&gt;\""));
        assert!(html.contains("loading=\"lazy\""));
        assert!(html.contains("data-hkust-pumch-timeline"));
        assert!(html.contains("<script src=\"https://example.org/t/embed.js\" defer></script>"));
        assert!(!snippet("https://e/", &options, "t", false).contains("event="));
        assert_eq!(embed_query(&Options::default(), true), "embed=1");
    }
}
