//! TimelineJS texts are HTML; ours are plain text (the card escapes it and
//! writes it as one paragraph). This turns HTML into that text safely:
//! tags are dropped (the contents of `<script>` and `<style>` too), entities
//! are decoded, block breaks (`<p>`, `<br>`, `<li>`, …) become spaces, runs
//! of white space become one space, and the links (`<a href>`) are kept
//! apart, with their text, to become sources.
//!
//! Nothing here is ever put back into a page as HTML: a decoded `&lt;b&gt;`
//! is the text `<b>`, which the card escapes again.

/// A link found in the HTML: its address (entities decoded) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub text: String,
}

/// The plain text of some HTML, and its links in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plain {
    pub text: String,
    pub links: Vec<Link>,
}

/// Elements that end a line or a block: a space in our one-paragraph text.
const BREAKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// A tag as read from just after its `<`.
struct Tag {
    /// Lower-case name.
    name: String,
    closing: bool,
    /// The `href` attribute, entities decoded.
    href: Option<String>,
    /// Bytes from just after the `<` to just after the `>`.
    len: usize,
}

impl Tag {
    /// Reads a tag from `s` (the text after a `<`), or `None` when this `<`
    /// does not open a tag (`a < b`, or no `>` follows).
    fn parse(s: &str) -> Option<Tag> {
        let closing = s.starts_with('/');
        let body = &s[usize::from(closing)..];
        let name_len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let name = body[..name_len].to_ascii_lowercase();
        let mut attrs = &body[name_len..];
        let mut href = None;
        let mut consumed = usize::from(closing) + name_len;
        loop {
            let trimmed = attrs.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            consumed += attrs.len() - trimmed.len();
            attrs = trimmed;
            if attrs.starts_with('>') {
                return Some(Tag {
                    name,
                    closing,
                    href,
                    len: consumed + 1,
                });
            }
            let key_len = attrs.find(|c: char| c.is_whitespace() || "=>/".contains(c))?;
            if key_len == 0 {
                return None;
            }
            let key = attrs[..key_len].to_ascii_lowercase();
            let mut rest = attrs[key_len..].trim_start();
            let mut value = String::new();
            if let Some(v) = rest.strip_prefix('=') {
                let v = v.trim_start();
                let (raw, after) = match v.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = v[1..].find(q)? + 1;
                        (&v[1..end], &v[end + 1..])
                    }
                    _ => {
                        let end = v
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(v.len());
                        (&v[..end], &v[end..])
                    }
                };
                value = decode(raw);
                rest = after;
            }
            if key == "href" {
                href = Some(value.trim().to_string());
            }
            consumed += attrs.len() - rest.len();
            attrs = rest;
        }
    }
}

/// The plain text of `html`, with its links.
pub fn to_text(html: &str) -> Plain {
    let mut out = String::with_capacity(html.len());
    let mut links = Vec::new();
    // The open link: its address and where its text starts in `out`.
    let mut open: Option<(String, usize)> = None;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode(&rest[..lt]));
        let after = &rest[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        if after.starts_with(['!', '?']) {
            rest = after.find('>').map_or("", |end| &after[end + 1..]);
            continue;
        }
        let Some(tag) = Tag::parse(after) else {
            out.push('<');
            rest = after;
            continue;
        };
        rest = &after[tag.len..];
        match tag.name.as_str() {
            "script" | "style" if !tag.closing => {
                let lower = rest.to_ascii_lowercase();
                let close = format!("</{}", tag.name);
                rest = match lower.find(&close) {
                    Some(at) => rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]),
                    None => "",
                };
            }
            "a" => {
                if let Some((href, start)) = open.take() {
                    links.push(link(href, &out[start..]));
                }
                if !tag.closing {
                    open = tag.href.map(|href| (href, out.len()));
                }
            }
            name if BREAKS.contains(&name) => out.push(' '),
            _ => {}
        }
    }
    out.push_str(&decode(rest));
    if let Some((href, start)) = open {
        links.push(link(href, &out[start..]));
    }
    Plain {
        text: squash(&out),
        links,
    }
}

fn link(href: String, text: &str) -> Link {
    Link {
        href,
        text: squash(text),
    }
}

/// One space for each run of white space, none at the ends, and no control
/// characters.
pub fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    out
}

/// The named entities TimelineJS texts use most; any other stays as
/// written (readable, and harmless in plain text).
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("middot", '·'),
    ("bull", '•'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("uacute", 'ú'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("ccedil", 'ç'),
    ("ntilde", 'ñ'),
];

/// `text` with its character references decoded: `&amp;`, `&#8217;`,
/// `&#x2019;` and the names in [`NAMED`]. A reference to no character (0,
/// a surrogate, beyond U+10FFFF) becomes U+FFFD.
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let reference = after
            .find(';')
            .filter(|&end| end <= 32)
            .and_then(|end| character(&after[..end]).map(|c| (c, end)));
        match reference {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names (`amp`, `#8217`, `#x2019`).
fn character(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return Some(
            char::from_u32(code)
                .filter(|&c| c != '\0')
                .unwrap_or('\u{fffd}'),
        );
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}
