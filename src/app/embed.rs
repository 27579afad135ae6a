//! Living inside someone else's page: embed mode, messages to the host
//! (auto-height, selection), the accent colour, and the Embed dialog that
//! hands a web editor the snippet. The message formats and the snippet are
//! [`crate::model::embed`]'s.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::url;
use crate::i18n::Texts;
use crate::model::color::{fit_accent, Rgb, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS};
use crate::model::embed::{resize_message, select_message, snippet, HELLO};
use crate::model::{Lang, Options};

/// The host page's window, when the app is framed.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// True inside an `<iframe>`.
pub fn is_framed() -> bool {
    parent().is_some()
}

fn post(json: &str) {
    if let (Some(parent), Ok(message)) = (parent(), js_sys::JSON::parse(json)) {
        // The messages say nothing secret (a height, a public event id), so
        // any host may read them; embed.js checks where they come from.
        let _ = parent.post_message(&message, "*");
    }
}

/// Tells the host page which event is selected.
pub fn notify_select(id: &str) {
    post(&select_message(id));
}

/// Posts the content height to the host page, when framed.
pub fn report_height() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let (Some(root), true) = (root, is_framed()) {
        post(&resize_message(root.get_bounding_client_rect().height()));
    }
}

/// Reports the height once the current change has rendered. The
/// ResizeObserver covers visible frames; browsers pause it in cross-origin
/// frames that are off screen, and this keeps those right too.
pub fn report_height_soon() {
    if is_framed() {
        leptos::prelude::set_timeout(report_height, std::time::Duration::ZERO);
    }
}

/// Sets up the page for `options`: embed mode (`<html class="embed">`), a
/// transparent background, the accent colour; and, when framed, reports the
/// content height to the host whenever it changes.
pub fn setup(options: &Options) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let framed = is_framed();
    let list = root.class_list();
    if options.embed || framed {
        let _ = list.add_1("embed");
    }
    if options.transparent {
        let _ = list.add_1("transparent");
    }
    if let Some(accent) = options.accent {
        apply_accent(&root, accent);
    }
    if framed {
        // For the page's lifetime: setup runs once, when the app starts.
        let resized = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(report_height);
        if let Ok(observer) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) {
            observer.observe(&root);
        }
        resized.forget();
        // embed.js may load after the app's first reports: it says hello,
        // and the app answers with its height.
        window_event_listener(leptos::ev::message, move |e: web_sys::MessageEvent| {
            let from_parent = match (e.source(), parent()) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            let kind = js_sys::Reflect::get(&e.data(), &"type".into())
                .ok()
                .and_then(|t| t.as_string());
            if from_parent && kind.as_deref() == Some(HELLO) {
                report_height();
            }
        });
    }
}

/// Sets `--tl-accent` and `--tl-accent-fg` from a validated colour, fitted
/// to each scheme for contrast, through the CSSOM (never as CSS text).
fn apply_accent(root: &web_sys::Element, accent: Rgb) {
    let Some(style) = root.dyn_ref::<web_sys::HtmlElement>().map(|e| e.style()) else {
        return;
    };
    let light = fit_accent(accent, &LIGHT_BACKGROUNDS);
    let dark = fit_accent(accent, &DARK_BACKGROUNDS);
    let pair = |a: Rgb, b: Rgb| format!("light-dark({}, {})", a.css(), b.css());
    let _ = style.set_property("--tl-accent", &pair(light.accent, dark.accent));
    let _ = style.set_property("--tl-term", &pair(light.accent, dark.accent));
    let _ = style.set_property("--tl-accent-fg", &pair(light.on_accent, dark.on_accent));
}

/// The app's own address without query or fragment, ending in `/`.
fn base_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
    format!("{origin}{dir}")
}

/// The "Embed" button and its modal dialog: the ready snippet for the
/// current view, with a Copy button. A native `<dialog>` opened with
/// `showModal()`: focus stays inside, Escape closes it, focus returns.
#[component]
pub fn EmbedDialog(
    /// The reader's language.
    lang: Lang,
    /// The interface's words.
    t: &'static Texts,
    /// The timeline's title, for the iframe's `title`.
    title: String,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let code = NodeRef::<html::Textarea>::new();
    let with_event = RwSignal::new(false);
    // Re-read whenever the dialog opens, so it matches what is on screen.
    let opened = RwSignal::new(0u32);
    let status = RwSignal::new("");
    let html = move || {
        opened.track();
        let mut options = url::read();
        options.lang = Some(lang);
        snippet(&base_url(), &options, &title, with_event.get())
    };
    let open = move |_| {
        opened.update(|n| *n += 1);
        status.set("");
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let copy = move |_| {
        let text = code.get_untracked().map(|c| c.value()).unwrap_or_default();
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        match clipboard {
            Some(clipboard) => {
                let promise = clipboard.write_text(&text);
                leptos::task::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                    status.set(if ok { t.copied } else { t.copy_failed });
                });
            }
            None => status.set(t.copy_failed),
        }
        if let Some(c) = code.get_untracked() {
            c.select();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <button type="button" class="embed-button" on:click=open aria-haspopup="dialog">
            {t.embed_button}
        </button>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-title">
            <h2 id="embed-title">{t.embed_title}</h2>
            <p>{t.embed_intro}</p>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || with_event.get()
                    on:change=move |e| with_event.set(event_target_checked(&e))
                />
                {t.embed_with_event}
            </label>
            <label class="code-label" for="embed-code">
                {t.embed_code}
            </label>
            <textarea id="embed-code" node_ref=code readonly rows="7" spellcheck="false" prop:value=html></textarea>
            <p class="copy-status" role="status">
                {move || status.get()}
            </p>
            <div class="dialog-actions">
                <button type="button" class="primary" on:click=copy>
                    {t.copy}
                </button>
                <button type="button" on:click=close>
                    {t.close}
                </button>
            </div>
        </dialog>
    }
}
