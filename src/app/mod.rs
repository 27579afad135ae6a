//! The browser app: thin Leptos components over [`crate::model`].
//!
//! - [`App`]: the language, loading, errors with Retry, then the timeline;
//! - [`timeline::TimelineView`]: filters, the axis of event markers, the
//!   detail card of the selected event;
//! - [`url`]: the page URL; [`fetch`]: the network; [`clock`]: today.

pub mod clock;
pub mod dom;
pub mod embed;
pub mod fetch;
/// Run by the build on the host (`src/bin/postbuild.rs`); not in the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub mod first_paint;
pub mod takeover;
pub mod timeline;
pub mod url;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::i18n::{at_path, texts, Texts};
use crate::model::locate::event_index;
use crate::model::{Lang, LoadError, Timeline, MAX_BYTES, SCHEMA_VERSION};
use crate::render::escape_html;
use fetch::{fetch_timeline, FetchError, DATA_URL};
use takeover::{after_drawn, landing, saved_cards};
pub use timeline::TimelineView;

/// Mounts the app in `#app`, or in the body if the page has no such element.
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}

fn static_view_present() -> bool {
    takeover::static_view().is_some()
}

/// Resolves once the browser has reported the first paint's largest
/// contentful paint (the loader's `hkustPumchFirstPaint`, see
/// `src/bin/postbuild.rs`): the first paint has then reached the screen.
/// The app takes it over only then, so that it is never replaced unseen (on
/// a fast start the data is in before the first frame), and Chromium counts
/// it (it drops a candidate removed before it is reported).
async fn first_paint_shown() {
    let shown = js_sys::Reflect::get(&window(), &"hkustPumchFirstPaint".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(shown) = shown {
        let _ = wasm_bindgen_futures::JsFuture::from(shown).await;
    }
}

/// What the app knows about its data.
#[derive(Clone, Debug, PartialEq)]
enum LoadState {
    Loading,
    Ready(Arc<Timeline>),
    Failed(FetchError),
}

/// The whole app: reads its options from the URL, fetches
/// `data/timeline.json`, then shows the timeline, or an alert with a Retry
/// button; all in the reader's language, which a switcher changes.
#[component]
pub fn App() -> impl IntoView {
    let options = url::read();
    url::apply_theme(options.theme);
    embed::setup(&options);
    let embedded = options.embed || embed::is_framed();
    let lang = RwSignal::new(url::reader_lang());
    let state = RwSignal::new(LoadState::Loading);
    let saved_list = StoredValue::new(None);
    // Back and Forward restore every option their URL holds: the event and
    // the filter (the timeline follows them), the theme and the language.
    dom::listen(window().into(), "popstate", move |_| {
        url::apply_theme(url::read().theme);
        let wanted = url::reader_lang();
        if lang.get_untracked() != wanted {
            lang.set(wanted);
        }
    });
    // `?data=` may name another file, but only a relative one on this origin.
    let data_url = StoredValue::new(options.data.clone().unwrap_or_else(|| DATA_URL.to_string()));
    let load = move || {
        state.set(LoadState::Loading);
        spawn_local(async move {
            let loaded = fetch_timeline(&data_url.get_value()).await;
            if static_view_present() {
                first_paint_shown().await;
            }
            state.set(match loaded {
                Ok(timeline) => LoadState::Ready(Arc::new(timeline)),
                Err(e) => LoadState::Failed(e),
            });
        });
    };
    load();
    dom::effect(move || {
        let lang = lang.get();
        url::apply_lang(lang);
        // With the data, the timeline names the page (and its event).
        if state.with(|s| matches!(s, LoadState::Failed(_))) {
            url::apply_title(texts(lang).app_title);
        }
        embed::report_height_soon();
    });

    // While the build-time first paint (`#static`) is on screen it is the
    // loading view: the app draws nothing until the data is in, then
    // replaces it in one frame with the same view, so nothing on the page
    // moves.
    let waiting =
        Memo::new(move |_| state.with(|s| *s == LoadState::Loading) && static_view_present());

    move || {
        (!waiting.get()).then(|| {
            view! {
                <main class="timeline-app">
                    <Toolbar lang state embedded />
                    {move || content(lang.get(), state.get(), saved_list, load)}
                </main>
            }
        })
    }
}

/// The language switcher and, outside an embed, the Embed button.
#[component]
fn Toolbar(lang: RwSignal<Lang>, state: RwSignal<LoadState>, embedded: bool) -> impl IntoView {
    move || {
        let current = lang.get();
        let t = texts(current);
        let embed_dialog = match state.get() {
            LoadState::Ready(timeline) if !embedded => {
                let title = timeline.doc.title.get(current).0.to_string();
                Some(view! { <embed::EmbedDialog lang=current t title /> })
            }
            _ => None,
        };
        toolbar(lang, false, embed_dialog)
    }
}

/// The toolbar: the language switcher, then `embed` (the Embed button, or
/// nothing). `before_app`: the build-time first paint's, whose languages
/// are links ([`LanguageSwitcher`]).
pub fn toolbar(lang: RwSignal<Lang>, before_app: bool, embed: impl IntoView) -> impl IntoView {
    view! {
        <div class="toolbar">
            <LanguageSwitcher lang before_app />
            {embed}
        </div>
    }
}

/// What the page shows for the data's state: "Loading…", the timeline, or
/// the failure with the saved cards of the events.
fn content(
    lang: Lang,
    state: LoadState,
    saved_list: StoredValue<Option<String>>,
    load: impl Fn() + Copy + 'static,
) -> AnyView {
    let t = texts(lang);
    // Where the focus goes, read before anything is replaced; it lands
    // once the new view is in the page, and the first paint leaves then
    // (never before: see `takeover`).
    let landing = landing();
    let focused = landing.into_content();
    // Kept for a failure (now or after a Retry) before the first paint
    // leaves the page; copied only then, not at every start.
    if matches!(state, LoadState::Failed(_)) && saved_list.with_value(Option::is_none) {
        saved_list.set_value(saved_cards());
    }
    spawn_local(async move { after_drawn(landing) });
    match state {
        // After Try again the focus rests on "Loading…", which it then
        // says; else a status line says it.
        LoadState::Loading => {
            view! { <p class="status" {..dom::attr("role", (!focused).then_some("status"))}>{t.loading}</p> }
                .into_any()
        }
        LoadState::Ready(timeline) => {
            // Read the URL again: it may have changed meanwhile, and it
            // carries the selection across a change of language.
            view! { <TimelineView timeline lang initial=url::read() sync_url=true /> }.into_any()
        }
        LoadState::Failed(error) => {
            let saved = saved_list.get_value();
            view! { <LoadFailure error t saved focused on_retry=move || load() /> }.into_any()
        }
    }
}

/// Three buttons, one per language, each labelled in its own language.
/// Before the app (the build-time first paint, which works without
/// JavaScript) they are links to each language's page, the current one
/// `aria-current`; the wasm never draws them.
#[component]
fn LanguageSwitcher(
    /// The reader's language; the buttons change it and the URL.
    lang: RwSignal<Lang>,
    /// Drawn at build time, before the app.
    before_app: bool,
) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    let _ = before_app;
    let buttons = Lang::ALL
        .into_iter()
        .map(|option| {
            #[cfg(not(target_arch = "wasm32"))]
            let link = || {
                let code = option.code();
                view! {
                    <a
                        {..dom::attr_string("href", format!("?lang={code}"))}
                        {..dom::attr("lang", code)}
                        {..dom::attr("hreflang", code)}
                        {..dom::attr("aria-current", (lang.get_untracked() == option).then_some("true"))}
                    >
                        {texts(option).language_name}
                    </a>
                }
            };
            let button = view! {
                <button
                    {..dom::attr("type", "button")}
                    {..dom::attr("lang", option.code())}
                    {..dom::attr_fn("aria-pressed", move || if lang.get() == option { "true" } else { "false" })}
                    on:click=dom::handler(move |_| {
                        if lang.get_untracked() != option {
                            url::write_lang(option);
                            lang.set(option);
                        }
                    })
                >
                    {texts(option).language_name}
                </button>
            };
            // The wasm never draws the links.
            #[cfg(not(target_arch = "wasm32"))]
            let button = if before_app {
                link().into_any()
            } else {
                button.into_any()
            };
            button
        })
        .collect_view();
    view! {
        <div class="language" {..dom::attr("role", "group")} {..dom::attr_fn("aria-label", move || texts(lang.get()).language_label)}>
            {buttons}
        </div>
    }
}

/// A note on what works without the app: the first paint's, and the saved
/// list's when the data cannot load.
pub(crate) fn static_note(text: &'static str) -> impl IntoView {
    view! { <p class="static-note">{text}</p> }
}

/// The reader-facing sentence for a load failure, as escaped HTML: the
/// parser's own words (English) inside it are marked `lang="en"`.
fn failure_message(error: &FetchError, t: &Texts) -> String {
    let sentence = match error {
        FetchError::Network => t.network_failed.to_string(),
        FetchError::Timeout => t.timed_out.to_string(),
        FetchError::Http(404) => t.not_found.to_string(),
        FetchError::Http(status) => (t.server_error)(*status),
        FetchError::Data(LoadError::Invalid(_)) => t.data_invalid.to_string(),
        FetchError::Data(LoadError::Syntax {
            message,
            path,
            line,
            column,
        }) => {
            // The sentence around a mark where the parser's words go: the
            // place in the page's language, the parser's words in English.
            let frame = escape_html(&(t.data_syntax)(*line, *column, "\u{1}"));
            let words = format!("<span lang=\"en\">{}</span>", escape_html(message));
            let detail = match path.as_str() {
                "" => words,
                path => format!("{}: {words}", escape_html(&at_path(t, path))),
            };
            return frame.replacen('\u{1}', &detail, 1);
        }
        FetchError::Data(LoadError::SchemaVersion(found)) => {
            (t.schema_version)(*found, SCHEMA_VERSION)
        }
        FetchError::Data(LoadError::TooLarge { bytes }) => (t.too_large)(*bytes, MAX_BYTES),
        FetchError::Data(LoadError::Encoding { offset }) => (t.not_utf8)(*offset),
    };
    escape_html(&sentence)
}

/// At most this many of the data's problems are listed on the page; the
/// data check (README, "Editing the data") lists them all. 10,000 bad dates
/// made a page 480,000 px tall, with Try again at its foot.
const SHOWN_PROBLEMS: usize = 20;

/// The alert shown when the data cannot be loaded: what went wrong, the
/// first problems in the data with their places, and a Retry button; then
/// the build-time cards of the events, so readers still have them.
#[component]
fn LoadFailure(
    /// What went wrong.
    error: FetchError,
    /// The interface's words.
    t: &'static Texts,
    /// The build-time cards of the events (escaped HTML), if the page had them.
    saved: Option<String>,
    /// The keyboard focus comes to the heading (the reader pressed Try
    /// again, or had it in what this replaces), which then says what
    /// happened, described by the sentence; else an alert says it.
    focused: bool,
    /// Called when the reader asks to try again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    let problems = match &error {
        FetchError::Data(LoadError::Invalid(problems)) => problems.as_slice(),
        _ => &[],
    };
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    let listed = (!problems.is_empty()).then(|| {
        // The rules' wording is for web editors, in English, with the
        // event numbered from one in words: "events[4].date: in the 5th
        // event, …".
        let en = texts(Lang::En);
        let items = problems
            .iter()
            .take(SHOWN_PROBLEMS)
            .map(|p| {
                let message = match event_index(&p.path) {
                    Some(i) => format!("in {}{}", (en.event_at)(i + 1), p.message),
                    None => p.message.clone(),
                };
                view! { <li><code>{p.path.clone()}</code> ": " {message}</li> }
            })
            .collect_view();
        view! { <ul class="problems" {..dom::attr("lang", "en")}>{items}</ul> }
    });
    view! {
        <div class="load-error" {..dom::attr("role", (!focused).then_some("alert"))}>
            <h1 {..dom::attr("aria-describedby", "load-error-message")}>{t.load_failed}</h1>
            <p {..dom::attr("id", "load-error-message")} inner_html=failure_message(&error, t)></p>
            <button {..dom::attr("type", "button")} class="retry" on:click=dom::handler(move |_| on_retry())>
                {t.retry}
            </button>
            {listed}
            {(more > 0).then(|| view! { <p class="more-problems">{(t.more_problems)(more)}</p> })}
        </div>
        {saved.map(|list| view! {
            <section class="saved-list" {..dom::attr("aria-label", t.saved_list)}>
                {static_note(t.saved_list)}
                <div inner_html=list></div>
            </section>
        })}
    }
}
