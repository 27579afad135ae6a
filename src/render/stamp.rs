//! Which data a first paint was drawn from.
//!
//! The build (`src/bin/postbuild.rs`) writes into each page it paints
//! `<meta name="hkust-pumch-timeline-data" content="<hash>">`, the hash of
//! the bytes of `data/timeline.json` it drew them from. The data check,
//! given a built site's `data/timeline.json` (the pages sit in the folder
//! above), compares: data edited on the server after the build no longer
//! matches, and the check says to rebuild ([`check_site`]).
//!
//! Plain Rust, host-tested.

/// The `name` of the page's `<meta>` that records the data's hash.
pub const META_NAME: &str = "hkust-pumch-timeline-data";

/// The pages the build paints, beside the `data/` folder.
pub const PAGES: [&str; 3] = ["index.html", "index.zh-Hant.html", "index.zh-Hans.html"];

/// What the check says when a first paint and its data differ.
pub const STALE: &str = "the first paint is older than the data: rebuild (./scripts/publish.sh)";

/// A short, stable hash of `bytes` (FNV-1a, 64 bits), in hex: for
/// cache-busting names and for the data a page was drawn from. Not
/// cryptographic: it tells versions of one file apart, nothing more.
pub fn hash(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The `<meta>` a page drawn from data of hash `hash` carries.
pub fn meta(hash: &str) -> String {
    format!("<meta name=\"{META_NAME}\" content=\"{hash}\">")
}

/// The hash recorded in a built page, if it has one.
pub fn recorded(html: &str) -> Option<&str> {
    let open = format!("<meta name=\"{META_NAME}\" content=\"");
    let start = html.find(&open)? + open.len();
    let len = html[start..].find('"')?;
    Some(&html[start..start + len])
}

/// Whether the first paint of the built site holding `data_file` (its
/// pages in the folder above `data/`) was drawn from exactly this file.
/// `None`: no page there records its data (not a built site). `Some(Ok)`:
/// the pages that match; `Some(Err)`: the pages drawn from other data.
pub fn check_site(data_file: &std::path::Path) -> Option<Result<Vec<String>, Vec<String>>> {
    let bytes = std::fs::read(data_file).ok()?;
    let site = data_file.parent()?.parent()?;
    let now = hash(&bytes);
    let (mut fresh, mut stale) = (Vec::new(), Vec::new());
    for page in PAGES {
        let path = site.join(page);
        let Ok(html) = std::fs::read_to_string(&path) else {
            continue;
        };
        match recorded(&html) {
            Some(h) if h == now => fresh.push(path.display().to_string()),
            Some(_) => stale.push(path.display().to_string()),
            None => {}
        }
    }
    match (fresh.is_empty(), stale.is_empty()) {
        (true, true) => None,
        (_, true) => Some(Ok(fresh)),
        _ => Some(Err(stale)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv_1a_and_the_meta_reads_back() {
        // FNV-1a's published test values.
        assert_eq!(hash(b""), "cbf29ce484222325");
        assert_eq!(hash(b"a"), "af63dc4c8601ec8c");
        let page = format!("<head>{}</head>", meta(&hash(b"{}")));
        assert_eq!(recorded(&page), Some(hash(b"{}").as_str()));
        assert_eq!(recorded("<head></head>"), None);
    }

    #[test]
    fn a_site_whose_data_changed_after_the_build_is_stale() {
        let dir = std::env::temp_dir().join(format!("stamp-test-{}", std::process::id()));
        let data = dir.join("data").join("timeline.json");
        std::fs::create_dir_all(data.parent().unwrap()).unwrap();
        std::fs::write(&data, "{\"v\": 1}").unwrap();
        assert_eq!(check_site(&data), None, "no pages: not a built site");
        let page = format!("<html><head>{}</head></html>", meta(&hash(b"{\"v\": 1}")));
        std::fs::write(dir.join("index.html"), &page).unwrap();
        std::fs::write(dir.join("index.zh-Hant.html"), &page).unwrap();
        assert!(matches!(check_site(&data), Some(Ok(pages)) if pages.len() == 2));
        std::fs::write(&data, "{\"v\": 2}").unwrap();
        assert!(matches!(check_site(&data), Some(Err(pages)) if pages.len() == 2));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
