//! DOM helpers shared by the components: one way to listen to events,
//! which always cleans up after itself.

use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// Calls `f` on each `event` at `target` until the view is cleaned up. The
/// listener is passive: `f` never cancels the event.
pub fn listen(
    target: web_sys::EventTarget,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
) {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(f).into_js_value();
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
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
