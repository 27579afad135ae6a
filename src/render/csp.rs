//! The Content Security Policy, written once. The build puts it in each
//! page's `<meta>` (so that a static host applies it too) and, for nginx,
//! in the generated maps as `$hkust_timeline_csp`, the header
//! `deploy/nginx.conf` sends. Both name the data's `media_hosts` in
//! `img-src`, the two video players in `frame-src`, and in `style-src` the
//! SHA-256 of each page's inline `<style>` (the first paint's CSS, which
//! the build writes into the page), computed from its exact bytes: one
//! policy lists every page's, so a changed style sheet changes the policy
//! in the same build, never by hand.
//!
//! They differ in one directive, because a `<meta>` cannot carry it:
//! `frame-ancestors` (CSP 3 ignores it there), which only the header can
//! give, as `*`: any page may embed the timeline. A browser enforces every
//! policy it is given, so with both the page obeys their intersection,
//! which is the `<meta>`'s policy plus that one directive.

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

use crate::model::media::PLAYER_HOSTS;

/// What the policy is written from: the data's `media_hosts` and the
/// pages' inline style sheets (as `'sha256-…'` sources, each once).
pub struct Policy<'a> {
    media_hosts: &'a [String],
    styles: Vec<String>,
}

impl<'a> Policy<'a> {
    /// The policy for data that lists `media_hosts`, for pages whose
    /// inline `<style>` elements hold `styles`.
    pub fn new<'s>(media_hosts: &'a [String], styles: impl IntoIterator<Item = &'s str>) -> Self {
        let mut sources: Vec<String> = styles.into_iter().map(hash_source).collect();
        sources.sort();
        sources.dedup();
        Policy {
            media_hosts,
            styles: sources,
        }
    }

    /// The policy for the pages `pages` (their [`inline_styles`]).
    pub fn of_pages<'s>(
        media_hosts: &'a [String],
        pages: impl IntoIterator<Item = &'s str>,
    ) -> Self {
        Self::new(media_hosts, pages.into_iter().flat_map(inline_styles))
    }
}

/// The source that lets `<style>` text `css` apply: its SHA-256, base64.
fn hash_source(css: &str) -> String {
    let digest = Sha256::digest(css.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The text of each `<style>` element of `html`, exactly as the browser
/// hashes it (none inside an HTML comment).
pub fn inline_styles(html: &str) -> Vec<&str> {
    let mut styles = Vec::new();
    let mut at = 0;
    while let Some(found) = ["<!--", "<style>", "<style "]
        .iter()
        .filter_map(|open| html[at..].find(open).map(|i| (at + i, *open)))
        .min()
    {
        let (start, open) = found;
        if open == "<!--" {
            match html[start..].find("-->") {
                Some(end) => at = start + end + 3,
                None => break,
            }
            continue;
        }
        let Some(body) = html[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = html[body..].find("</style>").map(|i| body + i) else {
            break;
        };
        styles.push(&html[body..close]);
        at = close;
    }
    styles
}

/// The directives both carry.
fn directives(policy: &Policy) -> String {
    let images: String = policy
        .media_hosts
        .iter()
        .map(|h| format!(" https://{h}"))
        .collect();
    let styles: String = policy.styles.iter().map(|s| format!(" {s}")).collect();
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        &format!("style-src 'self'{styles}"),
        &format!("img-src 'self' data:{images}"),
        &format!("frame-src {}", PLAYER_HOSTS.join(" ")),
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
    .join("; ")
}

/// The policy nginx sends as a header.
pub fn header(policy: &Policy) -> String {
    format!("{}; frame-ancestors *", directives(policy))
}

/// The page's `<meta>` element. The policy stands in it as it is: its
/// quotes are `'`, and the hosts are plain host names (the data's rules).
pub fn meta(policy: &Policy) -> String {
    let policy = directives(policy);
    assert!(
        !policy.contains(['"', '&', '<', '>']),
        "a policy that needs escaping: {policy}"
    );
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">")
}

/// `html` with its one CSP `<meta>` (the template's stand-in, or one a
/// build wrote before: Trunk may have minified it) replaced by [`meta`].
pub fn replace_meta(html: &str, policy: &Policy) -> Result<String, String> {
    let name = "Content-Security-Policy";
    let (Some(at), 1) = (html.find(name), html.matches(name).count()) else {
        return Err(format!("the page must have exactly one {name} <meta>"));
    };
    let start = html[..at]
        .rfind("<meta")
        .ok_or("no <meta> around the CSP")?;
    let end = at + html[at..].find('>').ok_or("an unterminated CSP <meta>")? + 1;
    Ok(format!(
        "{}{}{}",
        &html[..start],
        meta(policy),
        &html[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_the_meta_s_policy_and_frame_ancestors() {
        let hosts = ["images.example.org".to_string()];
        let policy = Policy::new(&hosts, []);
        let text = directives(&policy);
        assert!(text.contains("style-src 'self';"));
        assert!(text.contains("img-src 'self' data: https://images.example.org;"));
        assert!(
            text.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;")
        );
        assert!(!text.contains("frame-ancestors"));
        assert_eq!(header(&policy), format!("{text}; frame-ancestors *"));
        assert!(meta(&policy).contains(&format!("content=\"{text}\"")));
    }

    #[test]
    fn each_distinct_inline_style_is_allowed_by_its_sha256() {
        // openssl dgst -sha256 -binary | base64, of the exact bytes.
        let red = "'sha256-p0bF+un5yUb9MBO6xRb8kPHlY2BdpHVtLiFkDrZPF64='";
        let empty = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
        let pages = [
            "<head><!-- the build fills this <style> --><style>p{color:red}</style></head><main><style media=print></style>",
            "<head><style>p{color:red}</style>",
        ];
        assert_eq!(
            inline_styles(pages[0]),
            ["p{color:red}", ""],
            "every <style>, attributes or not"
        );
        let policy = Policy::of_pages(&[], pages);
        assert!(header(&policy).contains(&format!("style-src 'self' {empty} {red};")));
        // One byte more is another style, with another hash.
        let changed = Policy::new(&[], ["p{color:red} "]);
        assert!(!header(&changed).contains(red));
    }

    #[test]
    fn the_meta_is_replaced_minified_or_not_and_must_be_one() {
        let policy = Policy::new(&[], []);
        let want = format!("<head>{}<title>", meta(&policy));
        for template in [
            "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><title>",
            "<head><meta content=\"default-src 'self'\" http-equiv=Content-Security-Policy><title>",
        ] {
            assert_eq!(replace_meta(template, &policy).unwrap(), want);
        }
        assert!(replace_meta("<head><title>", &policy).is_err());
        assert!(replace_meta(&format!("{want}{want}"), &policy).is_err());
    }
}
