//! The forms an id, a web address and a language tag must have: plain
//! predicates, shared by the rules here, the URL options, the embed snippet
//! and the importer.

/// Lower-case letters, digits and hyphens, 1 to 64 of them: safe in URLs,
/// HTML attributes and `postMessage` payloads.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An absolute `http:` or `https:` address with a host and no spaces.
pub fn is_web_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// What is wrong with a source's address, in words an editor can act on,
/// or `None` for an absolute `http(s)` address ([`is_web_url`]).
pub fn url_problem(url: &str) -> Option<String> {
    if is_web_url(url) {
        return None;
    }
    let trimmed = url.trim();
    let web = trimmed.starts_with("https://") || trimmed.starts_with("http://");
    Some(if web && url.chars().any(char::is_whitespace) {
        format!(
            "\"{url}\" contains a space: remove it, or write it as %20 if the address really has one"
        )
    } else if web && url.chars().any(char::is_control) {
        format!("\"{url}\" contains a control character (such as a tab or a line break): remove it")
    } else if web {
        format!("\"{url}\" has no host name after the //: e.g. https://www.example.org/page")
    } else {
        format!("\"{url}\" is not a web address: it must start with https:// or http://")
    })
}

/// A plausible BCP 47 language tag such as `en`, `zh-Hans` or `zh-Hant-HK`.
pub(super) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}
