//! What the build writes for the server, from one setting: `PUBLIC_URL`,
//! the site's public address (README "Deploying"). With it, each page's
//! oEmbed discovery link is absolute and names the static oEmbed answer for
//! the page's language (`oembed.json`, `oembed.zh-Hant.json`, …), so any
//! static host supports paste-a-URL embedding; without it the link stays
//! relative and no answer is written. The same functions write the
//! answers nginx gives for a `url` with options ([`super::nginx`]), so the
//! two cannot drift. The request's `Host` header is never used.

use std::path::Path;

use super::csp::Policy;
use super::escape_html;
use crate::model::{Lang, Timeline};

/// The oEmbed answer's default size, which `maxwidth` and `maxheight`
/// (nginx only) lower.
pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 760;
/// The discovery link's `href` in a build without `PUBLIC_URL`.
pub const RELATIVE_HREF: &str = "oembed.json?format=json";
const PROVIDER: &str = "HKUST × PUMCH timeline";

/// A checked public address: `http(s)://host[:port]/path/`, ending in `/`,
/// made only of characters that need no escaping in HTML, JSON or an nginx
/// string (letters, digits, `-._~:/%`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    /// The whole address, ending in `/`.
    pub url: String,
    /// Its host, without the port, lower-cased (what nginx's `$host` is).
    pub host: String,
    /// Its path, from `/` to the last `/`.
    pub path: String,
}

impl PublicUrl {
    /// Reads `PUBLIC_URL`; a missing `/` at the end is added.
    pub fn parse(raw: &str) -> Result<PublicUrl, String> {
        let raw = raw.trim();
        let bad = |why: &str| Err(format!("PUBLIC_URL={raw:?}: {why}"));
        let rest = match raw.split_once("://") {
            Some(("http" | "https", rest)) => rest,
            _ => return bad("must start with http:// or https://"),
        };
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~:/%".contains(c);
        if !raw.chars().all(allowed) {
            return bad("only letters, digits and - . _ ~ : / % (no query or fragment)");
        }
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let host = authority.split(':').next().unwrap_or_default();
        if host.is_empty() || authority.matches(':').count() > 1 {
            return bad("needs a host name (and at most a port)");
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(PublicUrl {
            url: format!("{}://{authority}{path}", &raw[..raw.find(':').unwrap_or(0)]),
            host: host.to_ascii_lowercase(),
            path,
        })
    }
}

/// Percent-encodes everything but letters, digits and `-._~` (as a `url`
/// parameter is written).
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The static oEmbed answer's file for a language: the default view's
/// (`oembed.json`, English, the reader's language inside the frame) or
/// the view in that language.
pub fn oembed_file(lang: Lang) -> String {
    match lang {
        Lang::En => "oembed.json".into(),
        other => format!("oembed.{}.json", other.code()),
    }
}

/// The query of a language's default view: none for English (the app
/// then follows the reader), `?lang=<code>` for the others.
fn lang_query(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::ZhHant => "?lang=zh-Hant",
        Lang::ZhHans => "?lang=zh-Hans",
    }
}

/// The discovery link's `href` (unescaped) for the page in `lang`.
pub fn discovery_href(public: Option<&PublicUrl>, lang: Lang) -> String {
    match public {
        None => RELATIVE_HREF.into(),
        Some(public) => format!(
            "{}{}?format=json&url={}",
            public.url,
            oembed_file(lang),
            encode_component(&format!("{}{}", public.url, lang_query(lang)))
        ),
    }
}

/// The discovery link for the page in `lang`.
pub fn discovery_link(public: Option<&PublicUrl>, lang: Lang, title: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
        escape_html(&discovery_href(public, lang)),
        escape_html(title)
    )
}

/// `html` with its oEmbed discovery `<link>` (however minified) replaced
/// by `link`: the build may be addressed again.
pub fn replace_discovery_link(html: &str, link: &str) -> Result<String, String> {
    let mut from = 0;
    while let Some(offset) = html[from..].find("<link") {
        let start = from + offset;
        let end = start + html[start..].find('>').ok_or("unterminated <link")? + 1;
        if html[start..end].contains("application/json+oembed") {
            return Ok(format!("{}{link}{}", &html[..start], &html[end..]));
        }
        from = end;
    }
    Err("index.html has no oEmbed discovery link".into())
}

/// The parts of an oEmbed answer that vary: literal text for the static
/// files, nginx variables for its answers.
pub struct Answer<'a> {
    pub title: &'a str,
    pub width: &'a str,
    pub height: &'a str,
    /// The page's query, HTML-escaped: `""` or `?event=…&amp;lang=…`.
    pub page_query: &'a str,
    /// The frame's query after `?embed=1`, HTML-escaped: `&amp;lang=…`.
    pub frame_query: &'a str,
}

/// An oEmbed 1.0 answer (`type: rich`): a `<blockquote
/// class="wp-embedded-content">` link that WordPress needs to load its
/// sizing script, then the iframe, with its title and a link inside.
pub fn oembed_json(public: &PublicUrl, answer: &Answer) -> String {
    let title = escape_html(answer.title);
    let page = format!("{}{}", public.url, answer.page_query);
    let link = format!("<a href=\"{page}\">{title}</a>");
    let html = format!(
        "<blockquote class=\"wp-embedded-content\">{link}</blockquote><iframe src=\"{}?embed=1{}\" title=\"{title}\" width=\"{}\" height=\"{}\" loading=\"lazy\" frameborder=\"0\" data-hkust-pumch-timeline>{link}</iframe>",
        public.url, answer.frame_query, answer.width, answer.height
    );
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    format!(
        "{{\"version\":\"1.0\",\"type\":\"rich\",\"provider_name\":{},\"provider_url\":{},\"title\":{},\"width\":{},\"height\":{},\"html\":{}}}\n",
        string(PROVIDER),
        string(&public.url),
        string(answer.title),
        answer.width,
        answer.height,
        string(&html)
    )
}

/// The static answer for the default view in `lang`.
pub fn static_answer(public: &PublicUrl, timeline: &Timeline, lang: Lang) -> String {
    let query = lang_query(lang);
    let frame_query = query.replace('?', "&amp;");
    oembed_json(
        public,
        &Answer {
            title: timeline.doc.title.get(lang).0,
            width: &WIDTH.to_string(),
            height: &HEIGHT.to_string(),
            page_query: query,
            frame_query: &frame_query,
        },
    )
}

/// The page file for a language, as the build names it.
pub fn page_file(lang: Lang) -> String {
    match lang {
        Lang::En => "index.html".into(),
        other => format!("index.{}.html", other.code()),
    }
}

/// Addresses a build in `dir` (again, if need be): each page's discovery
/// link, the static oEmbed answers (removed without `PUBLIC_URL`) and
/// nginx's generated maps, `nginx/timeline.conf`, whose Content Security
/// Policy allows the pages' inline style as written.
pub fn address(dir: &Path, timeline: &Timeline, public: Option<&PublicUrl>) -> Result<(), String> {
    fn io(name: &str) -> impl Fn(std::io::Error) -> String + '_ {
        move |e| format!("{name}: {e}")
    }
    let mut pages = Vec::new();
    for lang in Lang::ALL {
        let name = page_file(lang);
        let html = std::fs::read_to_string(dir.join(&name)).map_err(io(&name))?;
        let link = discovery_link(public, lang, timeline.doc.title.get(lang).0);
        let html = replace_discovery_link(&html, &link).map_err(|e| format!("{name}: {e}"))?;
        std::fs::write(dir.join(&name), &html).map_err(io(&name))?;
        pages.push(html);
        let file = oembed_file(lang);
        match public {
            Some(public) => std::fs::write(dir.join(&file), static_answer(public, timeline, lang))
                .map_err(io(&file))?,
            None => match std::fs::remove_file(dir.join(&file)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&file)(e)),
                _ => {}
            },
        }
    }
    std::fs::create_dir_all(dir.join("nginx")).map_err(io("nginx/"))?;
    // The header allows the pages' inline style as their <meta> does.
    let csp = Policy::of_pages(&timeline.doc.media_hosts, pages.iter().map(String::as_str));
    let conf = super::nginx::config(timeline, public, &csp);
    std::fs::write(dir.join("nginx/timeline.conf"), conf).map_err(io("nginx/timeline.conf"))
}

/// `embed.js` as sent: without its comments, indentation and blank lines
/// (its source stays readable). Only whole-line comments are removed, so
/// no string is touched.
pub fn minify_script(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_block = false;
    for line in source.lines().map(str::trim) {
        if in_block || line.starts_with("/*") {
            in_block = !line.contains("*/");
        } else if !line.is_empty() && !line.starts_with("//") {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_are_checked_and_end_in_a_slash() {
        let url = PublicUrl::parse("https://Timeline.Example.edu:8443/hkust-pumch").unwrap();
        assert_eq!(url.url, "https://Timeline.Example.edu:8443/hkust-pumch/");
        assert_eq!(url.host, "timeline.example.edu");
        assert_eq!(url.path, "/hkust-pumch/");
        assert_eq!(PublicUrl::parse("http://h").unwrap().url, "http://h/");
        for bad in [
            "ftp://h/",
            "h/",
            "https://h/?q=1",
            "https://h/#x",
            "https://h/\"",
            "https:///x",
            "https://a:1:2/",
            "https://h/$host",
        ] {
            assert!(PublicUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn discovery_links_name_the_static_answer_of_their_language() {
        let public = PublicUrl::parse("https://x.example/t/").unwrap();
        assert_eq!(
            discovery_href(Some(&public), Lang::ZhHant),
            "https://x.example/t/oembed.zh-Hant.json?format=json&url=https%3A%2F%2Fx.example%2Ft%2F%3Flang%3Dzh-Hant"
        );
        assert_eq!(discovery_href(None, Lang::ZhHans), RELATIVE_HREF);
        let html = "<head><link rel=icon href=a.svg><link href=\"oembed.json?format=json\" rel=alternate type=application/json+oembed></head>";
        let link = discovery_link(Some(&public), Lang::En, "A & B");
        let once = replace_discovery_link(html, &link).unwrap();
        assert!(once.contains("href=\"https://x.example/t/oembed.json?format=json&amp;url=https%3A%2F%2Fx.example%2Ft%2F\" title=\"A &amp; B\">"));
        assert_eq!(replace_discovery_link(&once, &link).unwrap(), once);
    }

    #[test]
    fn answers_are_json_with_escaped_html() {
        let public = PublicUrl::parse("https://x.example/").unwrap();
        let answer = Answer {
            title: "A \"B\" & C",
            width: "800",
            height: "760",
            page_query: "?lang=zh-Hant",
            frame_query: "&amp;lang=zh-Hant",
        };
        let value: serde_json::Value =
            serde_json::from_str(&oembed_json(&public, &answer)).unwrap();
        assert_eq!(value["title"], "A \"B\" & C");
        assert_eq!(value["width"], 800);
        let html = value["html"].as_str().unwrap();
        assert!(html.contains("<iframe src=\"https://x.example/?embed=1&amp;lang=zh-Hant\" title=\"A &quot;B&quot; &amp; C\""));
        assert!(html.starts_with("<blockquote class=\"wp-embedded-content\"><a href=\"https://x.example/?lang=zh-Hant\">"));
    }

    #[test]
    fn the_script_loses_only_whole_line_comments_and_indentation() {
        let source =
            "/* a\n * b */\n(function () {\n  // c\n  var a = 'x // y';\n\n  /* d */\n})();\n";
        assert_eq!(
            minify_script(source),
            "(function () {\nvar a = 'x // y';\n})();\n"
        );
    }
}
