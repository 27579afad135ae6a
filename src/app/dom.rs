//! DOM helpers shared by the components: one way to listen to events,
//! which always cleans up after itself; element event handlers, effects
//! and attributes of one type each, so Leptos's code for them is compiled
//! once, not per closure or attribute name.

use std::sync::{Arc, Mutex};

use leptos::prelude::{on_cleanup, untrack, Effect, Get, NodeRef};
use leptos::tachys::html::attribute::custom::{custom_attribute, CustomAttr};
use leptos::tachys::html::element::ElementType;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// The marker button of event `id` within `root`, if it is there.
pub fn marker(root: &web_sys::Element, id: &str) -> Option<web_sys::Element> {
    root.query_selector(&format!("[data-event-id=\"{id}\"]"))
        .ok()
        .flatten()
}

/// An element's event handler (`on:click=dom::handler(…)`), boxed: with
/// `erase_components` each element's attributes are erased one by one, and
/// a handler of its own closure type costs its own copy of Leptos's
/// attribute code; boxed, all handlers of an event share one.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// An attribute by name, written as a spread
/// (`<span {..dom::attr("aria-hidden", "true")}>`). With `erase_components`
/// each attribute is erased on its own, with its own copy of Leptos's code
/// for each (name, value) *type*; `view!` gives each known name a type of
/// its own (`aria-hidden`, `aria-label`, …), while a name given as text
/// shares one type for all: every attribute written this way, its value
/// made text ([`AttrText`]), shares one copy.
pub fn attr(
    name: &'static str,
    value: impl AttrText,
) -> CustomAttr<&'static str, Option<&'static str>> {
    custom_attribute(name, value.text())
}

/// An attribute that only the build-time first paint writes, when `on`
/// (`inert` on what needs the app, `checked` where the app sets the
/// property): an [`attr`], never set in the wasm, which draws no first
/// paint.
pub fn before_app(name: &'static str, on: bool) -> CustomAttr<&'static str, Option<&'static str>> {
    attr(name, cfg!(not(target_arch = "wasm32")) && on)
}

/// An attribute by name whose text is made at run time (an id, a date),
/// as [`attr`].
pub fn attr_string(name: &'static str, value: String) -> CustomAttr<&'static str, String> {
    custom_attribute(name, value)
}

/// A reactive attribute by name (`{..dom::attr_fn("aria-disabled", move
/// || …)}`): the closure boxed as `view!` boxes one, and its value made
/// text ([`AttrText`]), so all reactive attributes share one copy of
/// Leptos's code.
pub fn attr_fn<T: AttrText>(
    name: &'static str,
    mut f: impl FnMut() -> T + Send + 'static,
) -> CustomAttr<&'static str, Reactive<Option<&'static str>>> {
    let value: Reactive<Option<&'static str>> = Arc::new(Mutex::new(move || f().text()));
    custom_attribute(name, value)
}

/// A reactive value as `view!` keeps it under `erase_components`.
pub type Reactive<T> = Arc<Mutex<dyn FnMut() -> T + Send>>;

/// An attribute's value as Leptos sets it: the text, or no attribute
/// (`None`); `true` is the empty text of a boolean attribute (`hidden`).
pub trait AttrText {
    fn text(self) -> Option<&'static str>;
}

impl AttrText for &'static str {
    fn text(self) -> Option<&'static str> {
        Some(self)
    }
}

impl AttrText for Option<&'static str> {
    fn text(self) -> Option<&'static str> {
        self
    }
}

impl AttrText for bool {
    fn text(self) -> Option<&'static str> {
        self.then_some("")
    }
}

/// An effect (`Effect::new`) that reruns `f` whenever what it read changes.
/// Leptos's effect code is compiled once per closure type; boxed, all of
/// the app's effects share one copy.
pub fn effect(f: impl FnMut() + 'static) {
    effect_boxed(Box::new(f));
}

/// Calls `f` once with the element of `node` when it is in the page (as
/// `NodeRef::on_load`), through [`effect`]: Leptos's `on_load` builds an
/// effect of its own closure type at each call.
pub fn on_load<E>(node: NodeRef<E>, f: impl FnOnce(web_sys::HtmlElement) + 'static)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let mut f: Option<Box<dyn FnOnce(web_sys::HtmlElement)>> = Some(Box::new(f));
    effect(move || {
        if let Some(el) = node.get() {
            if let Some(f) = f.take() {
                untrack(move || f(el.unchecked_into()));
            }
        }
    });
}

fn effect_boxed(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_: Option<()>| f());
}

/// Calls `f` on each `event` at `target` until the view is cleaned up. The
/// listener is passive: `f` never cancels the event, so the browser
/// scrolls at once instead of waiting for it.
pub fn listen(
    target: web_sys::EventTarget,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
) {
    add(target, event, callback(f), true);
}

/// Like [`listen`], for a listener that may cancel the event (a pinch or a
/// Ctrl + wheel that zooms instead of scrolling the page).
pub fn listen_active(
    target: web_sys::EventTarget,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
) {
    add(target, event, callback(f), false);
}

/// The JavaScript function for `f`: the only part that depends on the
/// closure's type, so the rest is compiled once, not once per listener.
fn callback(f: impl Fn(web_sys::Event) + 'static) -> wasm_bindgen::JsValue {
    callback_boxed(Box::new(f))
}

fn callback_boxed(f: Box<dyn Fn(web_sys::Event)>) -> wasm_bindgen::JsValue {
    wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(f).into_js_value()
}

fn add(
    target: web_sys::EventTarget,
    event: &'static str,
    callback: wasm_bindgen::JsValue,
    passive: bool,
) {
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
