//! Photos and videos in events: each rule of `media` catches its mistake
//! at its place (`src/model/validate/media.rs`), the addresses it accepts,
//! the card's figure (`src/render/media.rs`), and the data check's search
//! for image files that are not there.
#![cfg(not(target_arch = "wasm32"))]

use hkust_pumch_timeline::model::media::{src_problem, Video};
use hkust_pumch_timeline::model::{load, Lang, LoadError};
use hkust_pumch_timeline::render::card::{card_html, card_html_lazy};
use serde_json::{json, Value};

fn base() -> Value {
    serde_json::from_str(include_str!("data/rules-base.json")).expect("the base file is JSON")
}

/// A valid image, described in the three languages.
fn image() -> Value {
    json!({
        "src": "media/signing.png", "width": 1600, "height": 1067,
        "srcset": [{ "src": "media/signing-800.png", "width": 800 }],
        "alt": { "en": "Two people sign", "zh-Hant": "兩人簽署", "zh-Hans": "两人签署" },
        "caption": { "en": "The signing" },
        "credit": { "en": "Photo: the fixture" }
    })
}

/// The base data with `media` on its first event (and `hosts` listed).
fn with_media(media: Value, hosts: &[&str]) -> Value {
    let mut doc = base();
    doc["events"][0]["media"] = media;
    doc["media_hosts"] = json!(hosts);
    doc
}

fn problems(doc: &Value) -> Vec<String> {
    match load(&doc.to_string()) {
        Ok(_) => vec![],
        Err(LoadError::Invalid(problems)) => problems.iter().map(|p| p.to_string()).collect(),
        Err(other) => vec![format!("form: {other}")],
    }
}

/// Exactly one problem, at `path`, saying `words`.
fn assert_one(doc: &Value, path: &str, words: &str) {
    let found = problems(doc);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with(&format!("{path}: ")), "{found:#?}");
    assert!(
        found[0].contains(words),
        "{:?} should say {words:?}",
        found[0]
    );
}

#[test]
fn a_whole_image_and_a_video_are_valid() {
    let video = json!({ "video": "https://youtu.be/dQw4w9WgXcQ", "title": { "en": "The film" },
        "poster": { "src": "https://img.example.org/p.jpg", "width": 1280, "height": 720,
                    "alt": { "en": "A still", "zh-Hant": "劇照", "zh-Hans": "剧照" } } });
    let doc = with_media(json!([image(), video]), &["img.example.org"]);
    assert_eq!(problems(&doc), Vec::<String>::new());
}

#[test]
fn each_mistake_is_an_error_at_its_place() {
    let e = "events[0].media[0]";
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut item = image();
        f(&mut item);
        with_media(json!([item]), &["img.example.org"])
    };
    let cases: Vec<(Value, String, &str)> = vec![
        (
            edit(&|i| {
                i.as_object_mut().unwrap().remove("alt");
            }),
            e.into(),
            "has no \"alt\"",
        ),
        (
            edit(&|i| {
                i.as_object_mut().unwrap().remove("width");
            }),
            e.into(),
            "has no \"width\"",
        ),
        (
            edit(&|i| {
                i.as_object_mut().unwrap().remove("height");
            }),
            e.into(),
            "has no \"height\"",
        ),
        (
            edit(&|i| {
                i["alt"].as_object_mut().unwrap().remove("zh-Hant");
            }),
            format!("{e}.alt"),
            "alt text in \"zh-Hant\" is missing",
        ),
        (
            edit(&|i| i["src"] = json!("javascript:alert(1)")),
            format!("{e}.src"),
            "cannot be an image's address (javascript:)",
        ),
        (
            edit(&|i| i["src"] = json!("data:image/png;base64,AAAA")),
            format!("{e}.src"),
            "(data:)",
        ),
        (
            edit(&|i| i["src"] = json!("http://img.example.org/a.jpg")),
            format!("{e}.src"),
            "not secure (http:)",
        ),
        (
            edit(&|i| i["src"] = json!("https://elsewhere.example.com/a.jpg")),
            format!("{e}.src"),
            "host \"elsewhere.example.com\" is not in \"media_hosts\"",
        ),
        (
            edit(&|i| i["src"] = json!("media/../secret.png")),
            format!("{e}.src"),
            "not a plain file path",
        ),
        (
            edit(&|i| i["src"] = json!("photos/a.png")),
            format!("{e}.src"),
            "not under media/",
        ),
        (
            edit(&|i| i["width"] = json!(0)),
            format!("{e}.width"),
            "0 pixels is not a real image size",
        ),
        (
            edit(&|i| i["height"] = json!(20000)),
            format!("{e}.height"),
            "20000 pixels",
        ),
        (
            edit(&|i| i["srcset"][0]["width"] = json!(99999)),
            format!("{e}.srcset[0].width"),
            "99999 pixels",
        ),
        (
            edit(&|i| i["title"] = json!({ "en": "x" })),
            format!("{e}.title"),
            "belongs to a video",
        ),
        (
            edit(&|i| i["caption"] = json!({ "zh-Hant": "只有中文" })),
            format!("{e}.caption"),
            "English text (\"en\") is missing",
        ),
        (
            with_media(
                json!([{ "video": "https://www.dailymotion.com/video/x8", "title": { "en": "A" } }]),
                &[],
            ),
            format!("{e}.video"),
            "is not a YouTube or Vimeo video",
        ),
        (
            with_media(json!([{ "video": "https://vimeo.com/76979871" }]), &[]),
            e.into(),
            "the video has no \"title\"",
        ),
        (
            with_media(
                json!([{ "video": "https://vimeo.com/76979871", "title": { "en": "A" }, "src": "media/a.png" }]),
                &[],
            ),
            format!("{e}.src"),
            "belongs to an image, not a video",
        ),
        (
            with_media(
                json!([{ "video": "https://vimeo.com/76979871", "title": { "en": "A" }, "poster": { "src": "media/a.png", "width": 10, "height": 10 } }]),
                &[],
            ),
            format!("{e}.poster"),
            "the poster has no \"alt\"",
        ),
        (
            with_media(json!([image()]), &["https://img.example.org/"]),
            "media_hosts[0]".into(),
            "is not a host name",
        ),
    ];
    for (doc, path, words) in &cases {
        assert_one(doc, path, words);
    }
}

#[test]
fn unknown_keys_are_refused_with_their_place() {
    let mut item = image();
    item["captoin"] = json!({ "en": "typo" });
    let doc = with_media(json!([item]), &[]);
    match load(&doc.to_string()) {
        Err(LoadError::Syntax { message, .. }) => {
            assert!(message.contains("captoin"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn video_addresses_name_their_player() {
    let cases = [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ#t=3",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ?t=4",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://vimeo.com/76979871",
            "https://player.vimeo.com/video/76979871?autoplay=1",
        ),
    ];
    for (url, player) in cases {
        assert_eq!(
            Video::parse(url).map(Video::player).as_deref(),
            Some(player),
            "{url}"
        );
    }
    for bad in [
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com/channels/staff",
        "javascript:alert(1)",
    ] {
        assert_eq!(Video::parse(bad), None, "{bad}");
    }
}

#[test]
fn local_and_listed_sources_pass() {
    let hosts = vec!["img.example.org".to_string()];
    for ok in [
        "media/a.png",
        "media/2024/signing-800.jpg",
        "https://img.example.org/x/y.jpg?w=800",
        "https://IMG.example.org/a.png",
    ] {
        assert_eq!(src_problem(ok, &hosts), None, "{ok}");
    }
    for bad in [
        "/media/a.png",
        "media/a b.png",
        "media//a.png",
        "vbscript:x",
        "//img.example.org/a.png",
        "https://img.example.org.evil.com/a.png",
    ] {
        assert!(src_problem(bad, &hosts).is_some(), "{bad}");
    }
}

#[test]
fn the_card_shows_the_figure_with_its_sizes_and_loading() {
    let video = json!({ "video": "https://vimeo.com/76979871", "title": { "en": "The <film>", "zh-Hant": "影片" } });
    let doc = with_media(json!([image(), video]), &[]);
    let timeline = load(&doc.to_string()).unwrap();
    let entry = &timeline.entries[0];
    let html = card_html(&timeline, entry, Lang::ZhHant);
    assert!(html.contains("<figure class=\"media\"><img src=\"media/signing.png\" srcset=\"media/signing-800.png 800w, media/signing.png 1600w\" sizes=\"(min-width: 44.5rem) 40rem, calc(100vw - 4.5rem)\" width=\"1600\" height=\"1067\" alt=\"兩人簽署\" lang=\"zh-Hant\" decoding=\"async\">"), "{html}");
    // The caption has no Chinese: English, marked.
    assert!(html.contains("<figcaption><span class=\"caption\" lang=\"en\">The signing</span><span class=\"credit\" lang=\"en\">Photo: the fixture</span></figcaption></figure>"), "{html}");
    // The video: a box with its title, the button and the link; no frame.
    assert!(html.contains("<figure class=\"media video\"><div class=\"facade\"><p class=\"video-box\" lang=\"zh-Hant\">影片</p><button type=\"button\" class=\"play\" data-player=\"https://player.vimeo.com/video/76979871?autoplay=1\" data-title=\"影片\" data-lang=\"zh-Hant\">播放影片：<span lang=\"zh-Hant\">影片</span></button><a class=\"video-link\" href=\"https://vimeo.com/76979871\""), "{html}");
    assert!(!html.contains("<iframe"));
    let en = card_html(&timeline, entry, Lang::En);
    assert!(en.contains("data-title=\"The &lt;film&gt;\""), "{en}");
    // Only the selected card's first image loads at once.
    assert!(!html.contains("loading=\"lazy\""));
    let lazy = card_html_lazy(&timeline, entry, Lang::En);
    assert!(
        lazy.contains("alt=\"Two people sign\" lang=\"en\" loading=\"lazy\" decoding=\"async\">"),
        "{lazy}"
    );
}

#[test]
fn a_missing_local_file_is_found() {
    use hkust_pumch_timeline::model::media::missing_files;
    let mut item = image();
    item["srcset"] = json!([]);
    let doc = with_media(json!([item]), &[]);
    let timeline = load(&doc.to_string()).unwrap();
    let site = std::env::temp_dir().join(format!("timeline-media-{}", std::process::id()));
    std::fs::create_dir_all(site.join("media")).unwrap();
    let found = missing_files(&timeline, &site);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "events[0].media[0].src");
    assert!(
        found[0].message.contains("public/media/signing.png"),
        "{}",
        found[0].message
    );
    std::fs::write(site.join("media/signing.png"), b"png").unwrap();
    assert!(missing_files(&timeline, &site).is_empty());
    std::fs::remove_dir_all(site).unwrap();
}

#[test]
fn the_data_check_finds_a_missing_image_file_next_to_the_data() {
    // A site as built: data/timeline.json and media/ side by side.
    let site = std::env::temp_dir().join(format!("timeline-check-media-{}", std::process::id()));
    std::fs::create_dir_all(site.join("data")).unwrap();
    std::fs::create_dir_all(site.join("media")).unwrap();
    let file = site.join("data/timeline.json");
    let mut item = image();
    item["srcset"] = json!([]);
    std::fs::write(
        &file,
        serde_json::to_string_pretty(&with_media(json!([item]), &[])).unwrap(),
    )
    .unwrap();
    let run = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_check-data"))
            .arg(&file)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, text) = run();
    assert_eq!(code, Some(1), "{text}");
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("{}:", file.display())),
        "{first}"
    );
    assert!(
        first.contains(": error in the 1st event, events[0].media[0].src: there is no file \"media/signing.png\""),
        "{first}"
    );
    std::fs::write(site.join("media/signing.png"), b"png").unwrap();
    let (code, text) = run();
    assert_eq!(code, Some(0), "{text}");
    std::fs::remove_dir_all(site).unwrap();
}

#[test]
fn the_build_fails_on_a_missing_image_file() {
    let site = std::env::temp_dir().join(format!("timeline-build-media-{}", std::process::id()));
    std::fs::create_dir_all(site.join("data")).unwrap();
    std::fs::write(
        site.join("index.html"),
        "<html><head><title></title></head></html>",
    )
    .unwrap();
    let doc = with_media(json!([image()]), &[]);
    std::fs::write(site.join("data/timeline.json"), doc.to_string()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_postbuild"))
        .arg(&site)
        .env_remove("TRUNK_STAGING_DIR")
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("names images the build does not have"),
        "{err}"
    );
    assert!(
        err.contains("events[0].media[0].src: there is no file \"media/signing.png\""),
        "{err}"
    );
    assert!(
        err.contains(
            "events[0].media[0].srcset[0].src: there is no file \"media/signing-800.png\""
        ),
        "{err}"
    );
    std::fs::remove_dir_all(site).unwrap();
}
