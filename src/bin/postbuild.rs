//! Trunk's post-build step (see `Trunk.toml`), run on the host over the
//! staged build in `$TRUNK_STAGING_DIR`:
//!
//! 1. writes the first paint ([`first_paint`]: the app's default view,
//!    from `data/timeline.json`) into `index.html`, and the same page in
//!    each other language as `index.<lang>.html` (`deploy/nginx.conf`
//!    serves the reader's), each with its positions added to the page's
//!    one `<style>` (Trunk writes `style/main.css` there): the first paint
//!    needs nothing but the page;
//! 2. moves Trunk's inline start-up script into its own file, so the page
//!    runs under a Content Security Policy with no `'unsafe-inline'`, and
//!    marks the page `no-app` when the WebAssembly fails to start (the
//!    first paint then hides the controls that need it).
//!
//! 3. addresses the build ([`serving`]): with `PUBLIC_URL`, absolute
//!    oEmbed discovery links and static oEmbed answers; always, nginx's
//!    generated maps in `nginx/timeline.conf`; and `embed.js` as sent.
//!    `postbuild --public-url <url> <dir>` addresses a finished build again
//!    (`""` for none).
//! 4. writes the pages' Content Security Policy ([`csp`], with the data's
//!    `media_hosts` and the SHA-256 of each page's `<style>`) in place of
//!    the template's stand-in, and fails when an event's image under
//!    `media/` is not in the build.
//!
//! Today's line is drawn at the build's date (`SOURCE_DATE_EPOCH` if set),
//! which the app redraws at the reader's. Invalid data fails the build,
//! with every problem listed.

// A host tool: what it writes for the server (`render::{csp, serving}`) is
// not built for wasm32, where this program is empty.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use hkust_pumch_timeline::app::first_paint::first_paint;
use hkust_pumch_timeline::model::media::missing_files;
use hkust_pumch_timeline::model::{load, Lang, LoadError, Timeline};
use hkust_pumch_timeline::render::csp;
use hkust_pumch_timeline::render::escape_html;
use hkust_pumch_timeline::render::serving::{self, PublicUrl};
use hkust_pumch_timeline::render::stamp;

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

/// A short, stable name for content, for cache-busting.
fn content_hash(text: &str) -> String {
    stamp::hash(text.as_bytes())
}

/// `html` with the text between `open` and `close` replaced by `text`.
fn replace_between(html: &str, open: &str, close: &str, text: &str) -> Result<String, String> {
    let start = html.find(open).ok_or(format!("index.html has no {open}"))? + open.len();
    let end = start
        + html[start..]
            .find(close)
            .ok_or(format!("index.html has no {close}"))?;
    Ok(format!("{}{text}{}", &html[..start], &html[end..]))
}

/// Today, as a day number: `SOURCE_DATE_EPOCH` (reproducible builds) or
/// the clock.
fn today() -> i64 {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    seconds.div_euclid(86_400)
}

/// The page in `lang`: its first paint, `<html lang>`, title, positions
/// (at the end of the template's one `<style>`, after `style/main.css`, as
/// their own sheet came after it) and the hash of the data it was drawn
/// from (`stamp`: the data check compares it with the served data).
fn page(
    html: &str,
    timeline: &Timeline,
    lang: Lang,
    today: i64,
    data_hash: &str,
) -> Result<String, String> {
    let paint = first_paint(timeline, lang, today);
    if csp::inline_styles(html).len() != 1 {
        return Err(
            "index.html must have exactly one <style> (style/main.css, rel=\"inline\")".into(),
        );
    }
    let mut page = html
        .replacen("</style>", &format!("{}</style>", paint.css), 1)
        .replace(PLACEHOLDER, &paint.html);
    // The minifier writes <html lang=en>; the whole tag is rewritten, with
    // a mark where deploy/nginx.conf writes the page's options (`embed`,
    // `transparent`, `data-theme`), so that the first paint has them.
    page = replace_between(
        &page,
        "<html",
        ">",
        &format!(" lang=\"{}\" data-first-paint", lang.code()),
    )?;
    page = replace_between(
        &page,
        "<title>",
        "</title>",
        &escape_html(timeline.doc.title.get(lang).0),
    )?;
    let stamp = format!("{}</head>", stamp::meta(data_hash));
    Ok(page.replacen("</head>", &stamp, 1))
}

/// The public address from `PUBLIC_URL` (unset or empty: none).
fn public_url(raw: Option<String>) -> Result<Option<PublicUrl>, String> {
    match raw.filter(|r| !r.trim().is_empty()) {
        Some(raw) => PublicUrl::parse(&raw).map(Some),
        None => Ok(None),
    }
}

/// Step 3: addresses the build in `dir` for `public`, and strips
/// `embed.js`'s comments.
fn address(dir: &Path, timeline: &Timeline, public: Option<&PublicUrl>) -> Result<(), String> {
    serving::address(dir, timeline, public)?;
    let script = dir.join("embed.js");
    let source = std::fs::read_to_string(&script).map_err(|e| format!("embed.js: {e}"))?;
    std::fs::write(&script, serving::minify_script(&source)).map_err(|e| format!("embed.js: {e}"))
}

/// `postbuild --public-url <url> <dir>`: addresses a finished build again.
fn readdress(mut args: impl Iterator<Item = String>) -> Result<(), String> {
    let public = public_url(args.next())?;
    let dir = PathBuf::from(
        args.next()
            .ok_or("usage: postbuild --public-url <url> <dir>")?,
    );
    let data = std::fs::read_to_string(dir.join("data/timeline.json"))
        .map_err(|e| format!("data/timeline.json: {e}"))?;
    let timeline = load(&data).map_err(|e| format!("data/timeline.json: {e}"))?;
    address(&dir, &timeline, public.as_ref())
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("--public-url") {
        args.next();
        return readdress(args);
    }
    let public = public_url(std::env::var("PUBLIC_URL").ok())?;
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
    let missing = missing_files(&timeline, &dir);
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(|p| format!("  {p}")).collect();
        return Err(format!(
            "data/timeline.json names images the build does not have:\n{}",
            list.join("\n")
        ));
    }
    if !html.contains(PLACEHOLDER) {
        return Err(format!("index.html has no {PLACEHOLDER}"));
    }

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
        let script = boot_script(html[body_start..end].trim())?;
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
    let today = today();
    let data_hash = stamp::hash(data.as_bytes());
    let pages = Lang::ALL
        .into_iter()
        .map(|lang| page(&html, &timeline, lang, today, &data_hash))
        .collect::<Result<Vec<_>, _>>()?;
    // One policy for every page: it lists each page's <style> by hash.
    let policy = csp::Policy::of_pages(&timeline.doc.media_hosts, pages.iter().map(String::as_str));
    for (lang, page) in Lang::ALL.into_iter().zip(&pages) {
        let name = serving::page_file(lang);
        let page = csp::replace_meta(page, &policy)?;
        std::fs::write(dir.join(&name), page).map_err(|e| format!("{name}: {e}"))?;
    }
    address(&dir, &timeline, public.as_ref())
}

/// What the loader runs first: a promise, `hkustPumchFirstPaint`, that
/// resolves once the browser has reported the first paint's largest
/// contentful paint (at once where it does not report it; after 0.5 s at
/// most). The app takes the first paint over only then.
const FIRST_PAINT_SHOWN: &str = "window.hkustPumchFirstPaint = new Promise((shown) => {
  if (!(window.PerformanceObserver?.supportedEntryTypes ?? []).includes('largest-contentful-paint')) return shown();
  new PerformanceObserver((list, observer) => { observer.disconnect(); shown(); })
    .observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(shown, 500);
});
";

/// Trunk's loader, with [`FIRST_PAINT_SHOWN`] before it starts the app,
/// marking the page `no-app` if the WebAssembly fails to start (the error
/// still reaches the console).
fn boot_script(script: &str) -> Result<String, String> {
    let call = "const wasm = await init(";
    let start = script
        .find(call)
        .ok_or("Trunk's loader no longer calls `const wasm = await init(`")?;
    let end = start
        + script[start..]
            .find(");")
            .ok_or("Trunk's loader: unterminated init call")?;
    Ok(format!(
        "{}{FIRST_PAINT_SHOWN}{}.catch((e) => {{ document.documentElement.classList.add('no-app'); throw e; }}){}",
        &script[..start],
        &script[start..end + 1],
        &script[end + 1..]
    ))
}
