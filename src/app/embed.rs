//! Living inside someone else's page: embed mode, messages to the host
//! (auto-height, selection), the accent colour, and the Embed dialog that
//! hands a web editor the snippet. The message formats and the snippet are
//! [`crate::model::embed`]'s.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::dom;
use crate::app::url;
use crate::i18n::Texts;
use crate::model::color::{fit_accent, Rgb, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS};
use crate::model::embed::{
    resize_message, select_message, snippet, wp_height_message, wp_secret, HostMessage, MAX_FIELD,
};
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

/// The tallest frame WordPress's `wp-embed.js` allows, in CSS px.
const WP_MAX_HEIGHT: f64 = 1000.0;

/// WordPress's secret for this frame (`#?secret=<s>`), read once at start
/// (the app's own URL writes keep that fragment, but read it before them).
fn secret() -> Option<String> {
    thread_local! {
        static SECRET: Option<String> = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| wp_secret(h.strip_prefix('#').unwrap_or(&h)).map(str::to_string));
    }
    SECRET.with(Clone::clone)
}

/// Posts the content height to the host page, when framed: ours, and
/// WordPress's when the frame has a secret.
pub fn report_height() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let (Some(root), true) = (root, is_framed()) {
        let mut height = root.get_bounding_client_rect().height();
        let secret = secret();
        if secret.is_some() {
            // WordPress shows at most 1000 px: past that, the event list and
            // the card scroll inside (`wp-tall`). Measured without them first,
            // in one layout, so nothing flickers.
            let list = root.class_list();
            let _ = list.remove_1("wp-tall");
            height = root.get_bounding_client_rect().height();
            if height > WP_MAX_HEIGHT {
                let _ = list.add_1("wp-tall");
                height = root.get_bounding_client_rect().height();
            }
        }
        post(&resize_message(height));
        if let Some(secret) = secret {
            post(&wp_height_message(height, &secret));
        }
    }
}

/// A string field of a message, copied into Rust only when it is a string
/// of at most [`MAX_FIELD`] UTF-16 units (its length is read in JS first).
fn short_field(data: &wasm_bindgen::JsValue, key: &str) -> Option<String> {
    let value = js_sys::Reflect::get(data, &key.into()).ok()?;
    let text = value.dyn_ref::<js_sys::JsString>()?;
    (text.length() <= MAX_FIELD)
        .then(|| text.as_string())
        .flatten()
}

/// Reads a message from the host page. Nothing is copied out of `e` before
/// the sender is known to be the parent window and each field is known to
/// be short.
fn host_message(e: &web_sys::MessageEvent) -> Option<HostMessage> {
    let parent = parent()?;
    if !e.source().is_some_and(|s| js_sys::Object::is(&s, &parent)) {
        return None;
    }
    let data = e.data();
    if !data.is_object() || js_sys::Array::is_array(&data) {
        return None;
    }
    let kind = short_field(&data, "type");
    let event = short_field(&data, "event");
    let message = short_field(&data, "message");
    let given = short_field(&data, "secret");
    HostMessage::parse(
        kind.as_deref(),
        event.as_deref(),
        message.as_deref(),
        given.as_deref(),
        secret().as_deref(),
    )
}

/// Selects event `id` at the host page's request: the URL takes the event
/// (as a link inside the frame would), and the timeline follows it as it
/// follows Back and Forward.
fn select_from_host(id: &str) {
    url::write_event(id);
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("popstate")) {
        let _ = window.dispatch_event(&event);
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
    if framed && secret().is_some() {
        // WordPress gives the frame at most 1000 px: the layout fits.
        let _ = list.add_1("wp-embed");
    }
    if options.transparent {
        let _ = list.add_1("transparent");
    }
    if let Some(accent) = options.accent {
        apply_accent(&root, accent);
    }
    if framed {
        observe_height(&root);
        // embed.js may load after the app's first reports: it says hello,
        // and the app answers with its height.
        // It may also ask for an event (the host's `#timeline=` changed).
        dom::listen(window().into(), "message", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                return;
            };
            match host_message(e) {
                Some(HostMessage::Hello | HostMessage::WordPressReady) => report_height(),
                Some(HostMessage::Select(id)) => select_from_host(&id),
                None => {}
            }
        });
    }
}

/// Reports the height whenever `root` changes size, until the view that
/// called this is cleaned up (the observer is disconnected then, so a
/// second mount never doubles it).
fn observe_height(root: &web_sys::Element) {
    let resized = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(report_height);
    let Ok(observer) = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(root);
    let held = send_wrapper::SendWrapper::new((observer, resized));
    on_cleanup(move || {
        let (observer, _resized) = held.take();
        observer.disconnect();
    });
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

/// The id of the Embed dialog's code.
const CODE_ID: &str = "embed-code";

/// The "Embed" button, which opens the dialog; `before_app` (the
/// build-time first paint's) it is `inert`.
pub fn embed_button(
    t: &'static Texts,
    before_app: bool,
    open: impl FnMut(web_sys::MouseEvent) + 'static,
) -> impl IntoView {
    view! {
        <button
            {..dom::attr("type", "button")}
            class="embed-button"
            on:click=dom::handler(open)
            {..dom::attr("aria-haspopup", "dialog")}
            {..dom::before_app("inert", before_app)}
        >
            {t.embed_button}
        </button>
    }
    // The element itself, as if written in the dialog's view: in the wasm
    // a view of another type is erased with its own copy of the code.
    .into_inner()
}

/// The "Embed" button and its modal dialog: the ready snippet for the
/// current view, with a Copy button. A native `<dialog>` opened with
/// `showModal()`: focus stays inside, Escape closes it, focus returns.
///
/// One component, most of it the dialog's markup: its handlers share the
/// dialog's node refs and signals, which split out they would need passed.
#[component]
pub fn EmbedDialog(
    /// The reader's language.
    lang: Lang,
    /// The interface's words.
    t: &'static Texts,
    /// The timeline's title, for the iframe's `title`.
    title: String,
) -> impl IntoView {
    // Found by the code's id, not by `NodeRef`s: each element type's
    // `node_ref` costs its own copy of Leptos's code in the wasm.
    let code = || {
        document()
            .get_element_by_id(CODE_ID)
            .map(JsCast::unchecked_into::<web_sys::HtmlTextAreaElement>)
    };
    let dialog = move || {
        code()
            .and_then(|c| c.closest("dialog").ok().flatten())
            .map(JsCast::unchecked_into::<web_sys::HtmlDialogElement>)
    };
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
        if let Some(d) = dialog() {
            let _ = d.show_modal();
        }
    };
    let copy = move |_| {
        let text = code().map(|c| c.value()).unwrap_or_default();
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
        // The focus stays on Copy, so the status line is heard, not the
        // code. Where the clipboard refuses, the code is selected for a
        // copy by hand (which moves the focus there, as the status asks).
    };
    dom::effect(move || {
        if status.get() == t.copy_failed {
            if let Some(c) = code() {
                c.select();
            }
        }
    });
    let close = move |_| {
        if let Some(d) = dialog() {
            d.close();
        }
    };
    view! {
        {embed_button(t, false, open)}
        <dialog class="embed-dialog" {..dom::attr("aria-labelledby", "embed-title")}>
            <h2 {..dom::attr("id", "embed-title")}>{t.embed_title}</h2>
            <p>{t.embed_intro}</p>
            <label class="check">
                <input
                    {..dom::attr("type", "checkbox")}
                    prop:checked=move || with_event.get()
                    on:change=dom::handler(move |e| with_event.set(event_target_checked(&e)))
                />
                {t.embed_with_event}
            </label>
            <label class="code-label" {..dom::attr("for", CODE_ID)}>
                {t.embed_code}
            </label>
            <textarea {..dom::attr("id", CODE_ID)} {..dom::attr("readonly", true)} {..dom::attr("rows", "7")} {..dom::attr("spellcheck", "false")} prop:value=html></textarea>
            <p class="copy-status" {..dom::attr("role", "status")}>
                {move || status.get()}
            </p>
            <div class="dialog-actions">
                <button {..dom::attr("type", "button")} class="primary" on:click=dom::handler(copy)>
                    {t.copy}
                </button>
                <button {..dom::attr("type", "button")} on:click=dom::handler(close)>
                    {t.close}
                </button>
            </div>
        </dialog>
    }
}
