//! An event's photos and videos in its card, as HTML text: a `<figure>`
//! per item, its caption and credit in the `<figcaption>`.
//!
//! - **Images** carry their `width` and `height` (the browser reserves
//!   their box before they load: nothing moves), a `srcset` with `sizes`
//!   for the card's width, `decoding="async"`, and `loading="lazy"`
//!   except the selected card's first image.
//! - **Videos** are a facade: the poster (or a plain box with the title),
//!   a real button, "Play video: <title>", which the app replaces with the
//!   player's frame on a click (`src/app/timeline/detail.rs`), and a link
//!   to the video for pages without JavaScript and for print (the style
//!   sheet shows one or the other). Nothing is asked of the video's host
//!   before the click.
//!
//! Plain Rust: tested on the host with `cargo test`.

use std::fmt::Write;

use super::card::localized;
use super::escape_html;
use crate::i18n::texts;
use crate::model::media::{Media, Video};
use crate::model::{Event, Lang, Localized};

/// The width an image takes in the card: the figure is at most 40rem
/// wide; below, the viewport less the page's and the card's padding
/// (`style/main.css`, `.event-card .media`).
pub const SIZES: &str = "(min-width: 44.5rem) 40rem, calc(100vw - 4.5rem)";

/// Every item of `event.media`, in order; `eager`: the card is the
/// selected one, whose first image loads at once.
pub(super) fn figures(html: &mut String, event: &Event, lang: Lang, eager: bool) {
    for (i, item) in event.media.iter().enumerate() {
        let eager = eager && i == 0;
        match item.video.as_deref().and_then(Video::parse) {
            Some(video) => {
                html.push_str("<figure class=\"media video\"><div class=\"facade\">");
                let title = item.title.clone().unwrap_or_default();
                match &item.poster {
                    Some(poster) => image(html, poster, lang, eager),
                    None => localized(html, "p", "video-box", &title, lang),
                }
                facade_controls(html, video, &title, lang);
                html.push_str("</div>");
            }
            None => {
                html.push_str("<figure class=\"media\">");
                image(html, item, lang, eager);
            }
        }
        caption(html, item, lang);
        html.push_str("</figure>");
    }
}

/// One `<img>`.
fn image(html: &mut String, item: &Media, lang: Lang, eager: bool) {
    let src = item.src.as_deref().unwrap_or_default();
    let (alt, used) = item.alt.as_ref().map_or(("", lang), |a| a.get(lang));
    let width = item.width.unwrap_or_default();
    let _ = write!(html, "<img src=\"{}\"", escape_html(src));
    if !item.srcset.is_empty() {
        html.push_str(" srcset=\"");
        for entry in &item.srcset {
            let _ = write!(html, "{} {}w, ", escape_html(&entry.src), entry.width);
        }
        let _ = write!(html, "{} {width}w\" sizes=\"{SIZES}\"", escape_html(src));
    }
    let _ = write!(
        html,
        " width=\"{width}\" height=\"{}\" alt=\"{}\" lang=\"{}\"{} decoding=\"async\">",
        item.height.unwrap_or_default(),
        escape_html(alt),
        used.code(),
        if eager { "" } else { " loading=\"lazy\"" },
    );
}

/// The button the app turns into the player, and the link for pages
/// without JavaScript and for print.
fn facade_controls(html: &mut String, video: Video, title: &Localized, lang: Lang) {
    let t = texts(lang);
    let (name, used) = title.get(lang);
    let name = escape_html(name);
    let _ = write!(
        html,
        "<button type=\"button\" class=\"play\" data-player=\"{}\" data-title=\"{name}\" data-lang=\"{}\">{}<span lang=\"{}\">{name}</span></button>",
        escape_html(&video.player()),
        used.code(),
        escape_html(t.play_video),
        used.code(),
    );
    let _ = write!(
        html,
        "<a class=\"video-link\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}<span lang=\"{}\">{name}</span></a>",
        escape_html(&video.page()),
        escape_html(t.video_link),
        used.code(),
    );
}

/// The caption and the credit, if any.
fn caption(html: &mut String, item: &Media, lang: Lang) {
    if item.caption.is_none() && item.credit.is_none() {
        return;
    }
    html.push_str("<figcaption>");
    if let Some(caption) = &item.caption {
        localized(html, "span", "caption", caption, lang);
    }
    if let Some(credit) = &item.credit {
        localized(html, "span", "credit", credit, lang);
    }
    html.push_str("</figcaption>");
}
