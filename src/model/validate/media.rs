//! The rules of an event's `media` ([`crate::model::media`]): an image
//! has a safe address (a file under `media/`, or `https:` on a listed
//! host), sane dimensions and its alt text in every language of the
//! event's title; a video is a YouTube or Vimeo address with a title.

use super::{Path, Validator};
use crate::model::media::{is_host_name, src_problem, Media, Video, MAX_SIDE};
use crate::model::schema::{Event, Localized};

impl Validator {
    /// The file's `media_hosts`: plain host names, kept for the images.
    pub(super) fn media_hosts(&mut self, hosts: &[String]) {
        for (i, host) in hosts.iter().enumerate() {
            if !is_host_name(host) {
                self.report(
                    format!("media_hosts[{i}]"),
                    format!("\"{host}\" is not a host name: write it as images.example.org (lower case, no https://, no path, no *)"),
                );
            }
        }
        self.media_hosts = hosts.to_vec();
    }

    pub(super) fn event_media(&mut self, path: &Path, event: &Event) {
        for (j, item) in event.media.iter().enumerate() {
            let list = path.field("media");
            let at = list.index(j);
            if let Some(video) = &item.video {
                self.video(at, item, video, &event.title);
            } else {
                self.image(at, item, &event.title, "an image");
            }
            for (name, text) in [("caption", &item.caption), ("credit", &item.credit)] {
                if let Some(text) = text {
                    self.text(at.field(name), text);
                }
            }
        }
    }

    /// A video: its address, its title, its poster (an image).
    fn video(&mut self, at: Path, item: &Media, video: &str, title: &Localized) {
        if Video::parse(video).is_none() {
            self.report(
                at.field("video"),
                format!("\"{video}\" is not a YouTube or Vimeo video: use https://www.youtube.com/watch?v=…, https://youtu.be/… or https://vimeo.com/…"),
            );
        }
        match &item.title {
            Some(text) => self.text(at.field("title"), text),
            None => self.report(
                at,
                "the video has no \"title\": name it, for its Play button and its player",
            ),
        }
        let image_fields = [
            ("src", item.src.is_some()),
            ("width", item.width.is_some()),
            ("height", item.height.is_some()),
            ("srcset", !item.srcset.is_empty()),
            ("alt", item.alt.is_some()),
        ];
        for (name, present) in image_fields {
            if present {
                self.report(
                    at.field(name),
                    format!("\"{name}\" belongs to an image, not a video: give the image shown before it plays as \"poster\""),
                );
            }
        }
        if let Some(poster) = &item.poster {
            self.image(at.field("poster"), poster, title, "the poster");
            for (name, present) in [
                ("caption", poster.caption.is_some()),
                ("credit", poster.credit.is_some()),
            ] {
                if present {
                    self.report(
                        at.field("poster").field(name),
                        format!("the poster has no {name} of its own: give the video's \"{name}\" instead"),
                    );
                }
            }
        }
    }

    /// An image (an item, or a video's poster, `what`).
    fn image(&mut self, at: Path, item: &Media, title: &Localized, what: &str) {
        for (name, present) in [
            ("title", item.title.is_some()),
            ("poster", item.poster.is_some()),
            ("video", item.video.is_some()),
        ] {
            if present {
                self.report(
                    at.field(name),
                    format!("\"{name}\" belongs to a video (with \"video\": its address), not to {what}"),
                );
            }
        }
        match &item.src {
            None => self.report(
                at,
                format!("{what} has no \"src\": give its file (media/…) or its https:// address, or \"video\" for a video"),
            ),
            Some(src) => self.image_src(at.field("src"), src),
        }
        for (name, side) in [("width", item.width), ("height", item.height)] {
            match side {
                None => self.report(
                    at,
                    format!("{what} has no \"{name}\": give its size in pixels (width and height), so that nothing moves as it loads"),
                ),
                Some(px) => self.side(at.field(name), px),
            }
        }
        for (k, entry) in item.srcset.iter().enumerate() {
            let srcset = at.field("srcset");
            let here = srcset.index(k);
            self.image_src(here.field("src"), &entry.src);
            self.side(here.field("width"), entry.width);
        }
        match &item.alt {
            None => self.report(
                at,
                format!("{what} has no \"alt\": describe what it shows, in every language the event's title is written in"),
            ),
            Some(alt) => {
                self.languages(at.field("alt"), alt);
                for code in title.0.keys() {
                    if !alt.0.contains_key(code) {
                        self.report(
                            at.field("alt"),
                            format!("the alt text in \"{code}\" is missing: the event's title is written in it, so describe the image in it too"),
                        );
                    }
                }
            }
        }
    }

    fn image_src(&mut self, at: Path, src: &str) {
        if let Some(problem) = src_problem(src, &self.media_hosts) {
            self.report(at, problem);
        }
    }

    fn side(&mut self, at: Path, px: u32) {
        if !(1..=MAX_SIDE).contains(&px) {
            self.report(
                at,
                format!("{px} pixels is not a real image size: give the image's own size, from 1 to {MAX_SIDE}"),
            );
        }
    }
}
