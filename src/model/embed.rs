//! Embedding on other pages: the snippet a web editor pastes, and the
//! messages the app sends to its host page (public interface).
//!
//! Messages, posted to `window.parent` when the app is framed:
//! - `{"type": "hkust-pumch-timeline:resize", "height": <CSS px>}` whenever
//!   the content height changes;
//! - `{"type": "hkust-pumch-timeline:select", "event": "<id>"}` on every
//!   change of selection.
//!
//! And these it accepts from its parent window only, in exactly this shape
//! (see [`HostMessage::parse`]):
//! - `{"type": "hkust-pumch-timeline:hello"}` (sent by `embed.js` when it
//!   starts, in case it missed earlier reports): the app posts its height;
//! - `{"type": "hkust-pumch-timeline:select", "event": "<id>"}`: the host
//!   page's address changed (`#timeline=<id>`): select that event, without
//!   a reload.
//!
//! WordPress's embed protocol: when the app's fragment is `#?secret=<s>`
//! (letters and digits, as `wp-embed.js` writes it), it also posts
//! `{"message": "height", "value": <CSS px>, "secret": "<s>"}` on every
//! height change, and answers WordPress's `{"message": "ready", "secret":
//! "<s>"}` with its height.

use super::options::Options;
use super::validate::is_valid_id;
use crate::escape::escape_html;

pub const RESIZE: &str = "hkust-pumch-timeline:resize";
pub const SELECT: &str = "hkust-pumch-timeline:select";
pub const HELLO: &str = "hkust-pumch-timeline:hello";

/// A content height in whole CSS pixels, rounded up: formatted as an
/// integer, which keeps core's float formatting out of the wasm.
fn whole_px(height: f64) -> u32 {
    height.ceil().max(0.0) as u32
}

/// The resize message for a content height in CSS pixels.
pub fn resize_message(height: f64) -> String {
    format!("{{\"type\":\"{RESIZE}\",\"height\":{}}}", whole_px(height))
}

/// The select message; `id` is a validated event id (`[a-z0-9-]`), so it
/// needs no escaping.
pub fn select_message(id: &str) -> String {
    format!("{{\"type\":\"{SELECT}\",\"event\":\"{id}\"}}")
}

/// The longest string the app copies out of a message: an event id is at
/// most 64 characters, the longest message type 27. Anything longer is
/// refused before it is copied (a hostile frame could send hundreds of MB).
pub const MAX_FIELD: u32 = 64;

/// A message from the host page, in one of its documented shapes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// `{"type": "hkust-pumch-timeline:hello"}`: post the height again.
    Hello,
    /// `{"type": "hkust-pumch-timeline:select", "event": "<id>"}`.
    Select(String),
    /// WordPress's `{"message": "ready", "secret": "<s>"}`, with the
    /// frame's own secret: post the height again.
    WordPressReady,
}

impl HostMessage {
    /// Reads a message from its fields (each already known to be a string
    /// of at most [`MAX_FIELD`] characters, or absent): `type` and `event`
    /// for ours, `message` and `secret` for WordPress's. `secret` is the
    /// frame's own WordPress secret, if it has one.
    pub fn parse(
        kind: Option<&str>,
        event: Option<&str>,
        wp_message: Option<&str>,
        wp_secret: Option<&str>,
        secret: Option<&str>,
    ) -> Option<HostMessage> {
        match (kind, event) {
            (Some(HELLO), None) => return Some(HostMessage::Hello),
            (Some(SELECT), Some(id)) if is_valid_id(id) => {
                return Some(HostMessage::Select(id.to_string()))
            }
            (Some(_), _) => return None,
            (None, _) => {}
        }
        match (wp_message, wp_secret, secret) {
            (Some("ready"), Some(given), Some(own)) if given == own => {
                Some(HostMessage::WordPressReady)
            }
            _ => None,
        }
    }
}

/// WordPress's secret, from the app's fragment (`location.hash` without
/// `#`): `?secret=<s>`, where `<s>` is 1 to 64 ASCII letters and digits
/// (`wp-embed.js` refuses anything else).
pub fn wp_secret(fragment: &str) -> Option<&str> {
    let rest = fragment.strip_prefix("?secret=")?;
    let secret = rest.split('&').next().unwrap_or(rest);
    (!secret.is_empty() && secret.len() <= 64 && secret.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then_some(secret)
}

/// The height message of WordPress's embed protocol. `secret` is a
/// [`wp_secret`] (letters and digits only), so it needs no escaping.
pub fn wp_height_message(height: f64, secret: &str) -> String {
    format!(
        "{{\"message\":\"height\",\"value\":{},\"secret\":\"{secret}\"}}",
        whole_px(height)
    )
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
            resize_message(-4.0),
            r#"{"type":"hkust-pumch-timeline:resize","height":0}"#
        );
        assert_eq!(
            resize_message(1200.0),
            r#"{"type":"hkust-pumch-timeline:resize","height":1200}"#
        );
        assert_eq!(
            select_message("first-cohort-2024"),
            r#"{"type":"hkust-pumch-timeline:select","event":"first-cohort-2024"}"#
        );
    }

    #[test]
    fn host_messages_only_in_their_documented_shapes() {
        use HostMessage::*;
        let p = |k, e| HostMessage::parse(k, e, None, None, None);
        assert_eq!(p(Some(HELLO), None), Some(Hello));
        assert_eq!(p(Some(HELLO), Some("x")), None);
        assert_eq!(
            p(Some(SELECT), Some("first-cohort-2024")),
            Some(Select("first-cohort-2024".into()))
        );
        assert_eq!(p(Some(SELECT), None), None);
        assert_eq!(p(Some(SELECT), Some("<img src=x>")), None);
        assert_eq!(p(Some(SELECT), Some("Upper")), None);
        assert_eq!(p(Some(RESIZE), None), None);
        assert_eq!(p(Some("hkust-pumch-timeline:other"), None), None);
        assert_eq!(p(None, None), None);
        let wp = |m, s, own| HostMessage::parse(None, None, m, s, own);
        assert_eq!(
            wp(Some("ready"), Some("abc123"), Some("abc123")),
            Some(WordPressReady)
        );
        assert_eq!(wp(Some("ready"), Some("abc124"), Some("abc123")), None);
        assert_eq!(wp(Some("ready"), Some("abc123"), None), None);
        assert_eq!(wp(Some("height"), Some("abc123"), Some("abc123")), None);
        // A type of ours wins: no mixing of the two protocols.
        assert_eq!(
            HostMessage::parse(Some(RESIZE), None, Some("ready"), Some("a"), Some("a")),
            None
        );
    }

    #[test]
    fn wordpress_secret_and_height() {
        assert_eq!(wp_secret("?secret=Ab3dE9xYz0"), Some("Ab3dE9xYz0"));
        assert_eq!(wp_secret("?secret=abc&x=1"), Some("abc"));
        assert_eq!(wp_secret("?secret="), None);
        assert_eq!(wp_secret("?secret=a\"b"), None);
        assert_eq!(wp_secret("?secret=a-b"), None);
        assert_eq!(wp_secret(&format!("?secret={}", "a".repeat(65))), None);
        assert_eq!(wp_secret("first-cohort-2024"), None);
        assert_eq!(wp_secret(""), None);
        assert_eq!(
            wp_height_message(812.2, "abc"),
            r#"{"message":"height","value":813,"secret":"abc"}"#
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
