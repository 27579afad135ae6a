//! Photos and videos in events: the `media` field's types, and what their
//! addresses mean (where an image may come from, which video a YouTube or
//! Vimeo address names and the player that plays it).
//!
//! One item is an image (`src`, `width`, `height`, `alt`, optional
//! `srcset`) or a video (`video`, `title`, optional `poster`, an image);
//! both take an optional `caption` and `credit`. The fields are all
//! optional here so that [`super::validate`] can say, with its place,
//! which one is missing or does not belong (`src/model/validate/media.rs`).

use serde::Deserialize;

use super::schema::Localized;

/// The largest width or height an image may claim, in pixels.
pub const MAX_SIDE: u32 = 10_000;

/// Where images live inside the site (`public/media/` in the project).
pub const LOCAL_PREFIX: &str = "media/";

/// The two hosts whose players may be framed (`frame-src` of the CSP).
pub const PLAYER_HOSTS: [&str; 2] = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
];

/// One photo or video of an event.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct Media {
    /// An image: a path under the site (`media/…`) or an `https:` address
    /// on a host listed in the file's `media_hosts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Smaller copies of the image, each with its width.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub srcset: Vec<SrcsetEntry>,
    /// What the image shows, in every language of the event's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<Localized>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<Localized>,
    /// Who took or owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Localized>,
    /// A video: a YouTube or Vimeo address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<String>,
    /// The video's title (required with `video`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Localized>,
    /// An image shown before the video plays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poster: Option<Box<Media>>,
}

/// A smaller copy of an image.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(deny_unknown_fields)]
pub struct SrcsetEntry {
    pub src: String,
    pub width: u32,
}

/// A video on one of the two hosts, by its id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Video<'a> {
    YouTube(&'a str),
    Vimeo(&'a str),
}

impl<'a> Video<'a> {
    /// The video a YouTube (`youtube.com/watch?v=…`, `youtu.be/…`,
    /// `youtube.com/shorts/…`) or Vimeo (`vimeo.com/<digits>`) address
    /// names, over `https:`.
    pub fn parse(url: &'a str) -> Option<Video<'a>> {
        let rest = url.strip_prefix("https://")?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let host = host.strip_prefix("www.").unwrap_or(host);
        let segment = |p: &'a str| p.split(['?', '#', '/']).next().unwrap_or("");
        let youtube_id = |id: &'a str| {
            (id.len() == 11
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
            .then_some(Video::YouTube(id))
        };
        match host {
            "youtube.com" | "m.youtube.com" => {
                if let Some(id) = path.strip_prefix("shorts/") {
                    return youtube_id(segment(id));
                }
                let query = path.strip_prefix("watch?")?;
                let query = query.split('#').next().unwrap_or("");
                query
                    .split('&')
                    .find_map(|pair| pair.strip_prefix("v="))
                    .and_then(youtube_id)
            }
            "youtu.be" => youtube_id(segment(path)),
            "vimeo.com" => {
                let id = segment(path);
                (!id.is_empty() && id.len() <= 12 && id.bytes().all(|b| b.is_ascii_digit()))
                    .then_some(Video::Vimeo(id))
            }
            _ => None,
        }
    }

    /// The player to frame once the reader asks for it: YouTube's
    /// no-cookie host, or Vimeo's player; it starts playing at once, the
    /// reader having pressed Play.
    pub fn player(self) -> String {
        match self {
            Video::YouTube(id) => format!("{}/embed/{id}?autoplay=1", PLAYER_HOSTS[0]),
            Video::Vimeo(id) => format!("{}/video/{id}?autoplay=1", PLAYER_HOSTS[1]),
        }
    }

    /// The video's own page, for a link (without JavaScript, and in print).
    pub fn page(self) -> String {
        match self {
            Video::YouTube(id) => format!("https://www.youtube.com/watch?v={id}"),
            Video::Vimeo(id) => format!("https://vimeo.com/{id}"),
        }
    }
}

/// The host (with its port, if any) of an `https:` address, lower-cased.
pub fn https_host(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// A usable `media_hosts` entry: a host name such as `images.example.org`
/// (letters, digits, dots, hyphens; a port after a colon), no scheme, no
/// path, no wildcard: it goes into the Content Security Policy as
/// `https://<host>`.
pub fn is_host_name(host: &str) -> bool {
    let (name, port) = host.split_once(':').unwrap_or((host, "1"));
    name.contains('.')
        && !name.starts_with(['.', '-'])
        && !name.ends_with(['.', '-'])
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        && !port.is_empty()
        && port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
}

/// What is wrong with an image's address, or `None` when it is a path
/// under `media/` or an `https:` address on one of `hosts`.
pub fn src_problem(src: &str, hosts: &[String]) -> Option<String> {
    let lower = src.trim().to_ascii_lowercase();
    let scheme = lower
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains('/'));
    match scheme {
        Some("https") => match https_host(src) {
            None => Some(format!("\"{src}\" has no host name after https://")),
            Some(_) if src.chars().any(|c| c.is_whitespace() || c.is_control()) => {
                Some(format!("\"{src}\" contains a space or a control character: remove it, or write a space as %20"))
            }
            Some(host) if hosts.contains(&host) => None,
            Some(host) => Some(format!(
                "the host \"{host}\" is not in \"media_hosts\": list it there (the build puts it in the page's Content Security Policy), or copy the image into public/media/"
            )),
        },
        Some("http") => Some(format!(
            "\"{src}\" is not secure (http:): use its https:// address, or copy the image into public/media/"
        )),
        Some(other) => Some(format!(
            "\"{src}\" cannot be an image's address ({other}:): use a file under media/ (public/media/ in the project) or an https:// address"
        )),
        None if !src.starts_with(LOCAL_PREFIX) => Some(format!(
            "\"{src}\" is not under media/: put the image in public/media/ and write \"media/…\", or use an https:// address"
        )),
        None if src.split('/').any(|s| s.is_empty() || s == "." || s == "..")
            || !src
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_./~%".contains(&b)) =>
        {
            Some(format!(
                "\"{src}\" is not a plain file path: use letters, digits, -, _ and . in folder and file names (no spaces, no ..)"
            ))
        }
        None => None,
    }
}

/// Every local image address of `media` (sources, smaller copies,
/// posters) with its JSON path under the item (`.src`, `.srcset[0].src`,
/// `.poster.src`).
pub fn local_sources(media: &Media) -> Vec<(String, &str)> {
    let mut found = Vec::new();
    let poster = media.poster.as_deref().map(|p| (".poster", p));
    for (prefix, item) in std::iter::once(("", media)).chain(poster) {
        if let Some(src) = &item.src {
            found.push((format!("{prefix}.src"), src.as_str()));
        }
        for (i, entry) in item.srcset.iter().enumerate() {
            found.push((format!("{prefix}.srcset[{i}].src"), entry.src.as_str()));
        }
    }
    found.retain(|(_, src)| !src.contains(':'));
    found
}

/// The local images of `timeline` that are not in the site folder `root`
/// (the folder holding `index.html` and `media/`), as problems with their
/// place: the build and the data check both look (on the host; the app,
/// which never calls it, does not carry it).
pub fn missing_files(timeline: &super::Timeline, root: &std::path::Path) -> Vec<super::Problem> {
    let mut problems = Vec::new();
    for (i, entry) in timeline.entries.iter().enumerate() {
        for (j, media) in entry.event.media.iter().enumerate() {
            for (path, src) in local_sources(media) {
                if !root.join(src).is_file() {
                    problems.push(super::Problem {
                        path: format!("events[{i}].media[{j}]{path}"),
                        message: format!(
                            "there is no file \"{src}\" in the site (public/{src} in the project): add it, or correct the name"
                        ),
                    });
                }
            }
        }
    }
    problems
}
