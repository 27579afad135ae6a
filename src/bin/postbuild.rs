//! Trunk's post-build step (see `Trunk.toml`), run on the host over the
//! staged build in `$TRUNK_STAGING_DIR`:
//!
//! 1. writes the static English list of events from `data/timeline.json`
//!    into `index.html` (for readers without JavaScript or WebAssembly);
//! 2. moves Trunk's inline start-up script into its own file, so the page
//!    runs under a Content Security Policy with no `'unsafe-inline'`.
//!
//! Invalid data fails the build, with every problem listed.

use std::path::PathBuf;
use std::process::ExitCode;

use hkust_pumch_timeline::model::{load, Lang, LoadError};
use hkust_pumch_timeline::render::escape_html;
use hkust_pumch_timeline::render::static_page::render;

/// Text, not a comment, so that Trunk's HTML minifier keeps it.
const PLACEHOLDER: &str = "STATIC-FALLBACK";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("postbuild: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A short, stable name for content (FNV-1a, 64 bits), for cache-busting.
fn content_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// `html` with the text of its `<title>` replaced by `title` (escaped).
fn with_title(html: &str, title: &str) -> Result<String, String> {
    let start = html.find("<title>").ok_or("index.html has no <title>")? + "<title>".len();
    let end = start
        + html[start..]
            .find("</title>")
            .ok_or("index.html has no </title>")?;
    Ok(format!(
        "{}{}{}",
        &html[..start],
        escape_html(title),
        &html[end..]
    ))
}

fn run() -> Result<(), String> {
    let dir = std::env::var_os("TRUNK_STAGING_DIR")
        .or_else(|| std::env::args_os().nth(1))
        .map(PathBuf::from)
        .ok_or("set TRUNK_STAGING_DIR or pass the build folder")?;
    let read =
        |name: &str| std::fs::read_to_string(dir.join(name)).map_err(|e| format!("{name}: {e}"));
    let mut html = read("index.html")?;
    let data = read("data/timeline.json")?;

    let timeline = load(&data).map_err(|e| match e {
        LoadError::Invalid(problems) => {
            let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
            format!("data/timeline.json breaks the rules:\n{}", list.join("\n"))
        }
        other => format!("data/timeline.json: {other}"),
    })?;
    if !html.contains(PLACEHOLDER) {
        return Err(format!("index.html has no {PLACEHOLDER}"));
    }
    html = html.replace(PLACEHOLDER, &render(&timeline));
    // The page's title is the data's, as the app's is (in English, the
    // static list's language).
    html = with_title(&html, timeline.doc.title.get(Lang::En).0)?;

    // Trunk writes its loader inline: <script type="module">…</script>,
    // or <script type=module>…</script> once minified.
    let opens = ["<script type=\"module\">", "<script type=module>"];
    let found = opens
        .iter()
        .find_map(|open| html.find(open).map(|start| (start, open.len())));
    if let Some((start, open_len)) = found {
        let body_start = start + open_len;
        let end = html[body_start..]
            .find("</script>")
            .ok_or("unterminated inline script")?
            + body_start;
        let script = html[body_start..end].trim().to_string();
        let name = format!("boot-{}.js", content_hash(&script));
        std::fs::write(dir.join(&name), format!("{script}\n"))
            .map_err(|e| format!("{name}: {e}"))?;
        html.replace_range(
            start..end + "</script>".len(),
            &format!("<script type=\"module\" src=\"./{name}\"></script>"),
        );
    }
    if html.contains("<script>") || opens.iter().any(|open| html.contains(open)) {
        return Err("index.html still has an inline script".into());
    }
    std::fs::write(dir.join("index.html"), html).map_err(|e| format!("index.html: {e}"))
}
