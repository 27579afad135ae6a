//! The Content Security Policy, written once. The build puts it in each
//! page's `<meta>` (so that a static host applies it too) and, for nginx,
//! in the generated maps as `$hkust_timeline_csp`, the header
//! `deploy/nginx.conf` sends. Both name the data's `media_hosts` in
//! `img-src` and the two video players in `frame-src`.
//!
//! They differ in one directive, because a `<meta>` cannot carry it:
//! `frame-ancestors` (CSP 3 ignores it there), which only the header can
//! give, as `*`: any page may embed the timeline. A browser enforces every
//! policy it is given, so with both the page obeys their intersection,
//! which is the `<meta>`'s policy plus that one directive.

use crate::model::media::PLAYER_HOSTS;

/// The directives both carry, for data that lists `media_hosts`.
fn directives(media_hosts: &[String]) -> String {
    let images: String = media_hosts
        .iter()
        .map(|h| format!(" https://{h}"))
        .collect();
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
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
pub fn header(media_hosts: &[String]) -> String {
    format!("{}; frame-ancestors *", directives(media_hosts))
}

/// The page's `<meta>` element. The policy stands in it as it is: its
/// quotes are `'`, and the hosts are plain host names (the data's rules).
pub fn meta(media_hosts: &[String]) -> String {
    let policy = directives(media_hosts);
    assert!(
        !policy.contains(['"', '&', '<', '>']),
        "a policy that needs escaping: {policy}"
    );
    format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">")
}

/// `html` with its one CSP `<meta>` (the template's stand-in, or one a
/// build wrote before: Trunk may have minified it) replaced by [`meta`].
pub fn replace_meta(html: &str, media_hosts: &[String]) -> Result<String, String> {
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
        meta(media_hosts),
        &html[end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_the_meta_s_policy_and_frame_ancestors() {
        let hosts = ["images.example.org".to_string()];
        let policy = directives(&hosts);
        assert!(policy.contains("img-src 'self' data: https://images.example.org;"));
        assert!(
            policy.contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com;")
        );
        assert!(!policy.contains("frame-ancestors"));
        assert_eq!(header(&hosts), format!("{policy}; frame-ancestors *"));
        assert!(meta(&hosts).contains(&format!("content=\"{policy}\"")));
    }

    #[test]
    fn the_meta_is_replaced_minified_or_not_and_must_be_one() {
        let want = format!("<head>{}<title>", meta(&[]));
        for template in [
            "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><title>",
            "<head><meta content=\"default-src 'self'\" http-equiv=Content-Security-Policy><title>",
        ] {
            assert_eq!(replace_meta(template, &[]).unwrap(), want);
        }
        assert!(replace_meta("<head><title>", &[]).is_err());
        assert!(replace_meta(&format!("{want}{want}"), &[]).is_err());
    }
}
