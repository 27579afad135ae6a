//! A TimelineJS slide's media in our format (`crate::model::media`): a
//! YouTube or Vimeo address becomes a video titled with the slide's
//! headline; an image's address becomes an image, its width and height
//! read from the file when it is a local path (a PNG, JPEG, GIF or WebP
//! header), else left out, so the data check reports them missing, as it
//! does the alt text, which TimelineJS does not have; an `https:` image's
//! host is listed in `media_hosts`. Anything else (a quotation, a map, a
//! tweet) is listed as not carried over.

use std::path::Path;

use super::html::to_text;
use super::slides::Media as SlideMedia;
use crate::model::media::{https_host, Media, Video, LOCAL_PREFIX};
use crate::model::{Lang, Localized};

const IMAGE_EXTENSIONS: [&str; 7] = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"];

/// What the importer needs besides the slide.
pub(super) struct Place<'a> {
    pub lang: Lang,
    /// The folder of the imported file: local images are read from it.
    pub folder: Option<&'a Path>,
    /// The slide, for notices (`row 3 ("Ada Lovelace")`).
    pub label: &'a str,
}

/// The slide's media as ours, or `None` (with a notice) when this format
/// cannot show it; hosts of remote images are added to `hosts`.
pub(super) fn carry(
    m: &SlideMedia,
    headline: &str,
    place: &Place,
    hosts: &mut Vec<String>,
    notices: &mut Vec<String>,
) -> Option<Media> {
    let text = |html: &str| {
        let plain = to_text(html).text;
        (!plain.is_empty()).then(|| Localized([(place.lang.code().to_string(), plain)].into()))
    };
    let url = m.url.trim();
    let label = place.label;
    let mut media = Media {
        caption: text(&m.caption),
        credit: text(&m.credit),
        ..Media::default()
    };
    if Video::parse(url).is_some() {
        media.video = Some(url.to_string());
        media.title = text(headline);
        return Some(media);
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if !extension.is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str())) {
        notices.push(format!(
            "{label}: not carried over: its media \"{}\" (only images and YouTube or Vimeo videos are)",
            to_text(url).text
        ));
        return None;
    }
    if url.contains(':') {
        if let Some(host) = https_host(url).filter(|h| !hosts.contains(h)) {
            notices.push(format!(
                "check: \"media_hosts\" lists {host}, where {label}'s image is: the pages will show images from it"
            ));
            hosts.push(host);
        }
        notices.push(format!(
            "{label}: its image's width, height and alt text are to be written (the image is not local)"
        ));
        media.src = Some(url.to_string());
        return Some(media);
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let src = if path.starts_with(LOCAL_PREFIX) {
        path.to_string()
    } else {
        format!("{LOCAL_PREFIX}{name}")
    };
    let file = place.folder.unwrap_or(Path::new(".")).join(path);
    match std::fs::read(&file)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            image_size(&bytes).ok_or_else(|| "not a PNG, JPEG, GIF or WebP image".to_string())
        }) {
        Ok((width, height)) => {
            media.width = Some(width);
            media.height = Some(height);
        }
        Err(e) => notices.push(format!(
            "{label}: the size of its image {} is unknown ({e}): write its width and height",
            file.display()
        )),
    }
    notices.push(format!(
        "{label}: copy its image {} to public/{src}, and write its alt text",
        file.display()
    ));
    media.src = Some(src);
    Some(media)
}

/// The width and height in an image file's header: PNG, GIF, JPEG, WebP.
pub fn image_size(b: &[u8]) -> Option<(u32, u32)> {
    let be16 = |i: usize| Some(u32::from(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?])));
    let le16 = |i: usize| Some(u32::from(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?])));
    let le24 = |i: usize| Some(le16(i)? | u32::from(*b.get(i + 2)?) << 16);
    let be32 = |i: usize| Some(u32::from_be_bytes(b.get(i..i + 4)?.try_into().ok()?));
    if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(b"IHDR") {
        return Some((be32(16)?, be32(20)?));
    }
    if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        return Some((le16(6)?, le16(8)?));
    }
    if b.starts_with(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        return match b.get(12..16)? {
            b"VP8 " => Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff)),
            b"VP8L" => {
                let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
                Some((1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff)))
            }
            b"VP8X" => Some((1 + le24(24)?, 1 + le24(27)?)),
            _ => None,
        };
    }
    if b.starts_with(&[0xff, 0xd8]) {
        let mut i = 2;
        while *b.get(i)? == 0xff {
            let marker = *b.get(i + 1)?;
            let len = be16(i + 2)? as usize;
            let sof = (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker);
            if sof {
                return Some((be16(i + 7)?, be16(i + 5)?));
            }
            i += 2 + len;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::image_size;

    #[test]
    fn headers_give_their_size() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 4, 176, 0, 0, 3, 32]);
        assert_eq!(image_size(&png), Some((1200, 800)));
        assert_eq!(image_size(b"GIF89a\x40\x01\xf0\x00"), Some((320, 240)));
        // JPEG: an APP0 segment, then SOF0 with height 480, width 640.
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 1, 224, 2, 128, 3,
        ];
        assert_eq!(image_size(&jpeg), Some((640, 480)));
        let mut webp = b"RIFF\0\0\0\0WEBPVP8X".to_vec();
        webp.extend_from_slice(&[0; 8]);
        webp.extend_from_slice(&[0x7f, 0x02, 0, 0xdf, 0x01, 0]);
        assert_eq!(image_size(&webp), Some((640, 480)));
        assert_eq!(image_size(b"<svg"), None);
        assert_eq!(image_size(&[0xff, 0xd8, 0xff]), None);
    }
}
