//! DOM helpers shared by the components: one way to listen to events,
//! which always cleans up after itself.

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// Calls `f` on each `event` at `target` until the view is cleaned up. The
/// listener is passive: `f` never cancels the event, so the browser
/// scrolls at once instead of waiting for it.
pub fn listen(
    target: web_sys::EventTarget,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
) {
    add(target, event, f, true);
}

/// Like [`listen`], for a listener that may cancel the event (a pinch or a
/// Ctrl + wheel that zooms instead of scrolling the page).
pub fn listen_active(
    target: web_sys::EventTarget,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
) {
    add(target, event, f, false);
}

fn add(
    target: web_sys::EventTarget,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
    passive: bool,
) {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(f).into_js_value();
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(passive);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        event,
        callback.unchecked_ref(),
        &options,
    );
    let listener = SendWrapper::new((target, callback));
    on_cleanup(move || {
        let (target, callback) = listener.take();
        let _ = target.remove_event_listener_with_callback(event, callback.unchecked_ref());
    });
}
