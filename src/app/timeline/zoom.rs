//! The axis's zoom and pan: `+`/`-`, Ctrl/⌘ + wheel, pinch, dragging with
//! the mouse, and keeping the keyboard's marker in view (the buttons are
//! in [`super::axis_tools`]). Every decision (levels, anchors, clamping,
//! what a gesture means) is [`crate::model::zoom`]'s; this wires up input.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::TimelineState;
use crate::app::dom::{self, listen, listen_active};
use crate::app::url;
use crate::model::zoom::{self, Gesture, Zoom, ZoomStep, GESTURE_REST_MS};
use crate::render::drawing::{layout_width, WIDEST_FRAME};

/// The zoom of the axis and the frame it is seen through. `Copy`.
#[derive(Clone, Copy)]
pub(crate) struct ZoomState {
    /// The level the reader (or `?zoom=`) chose; `None`: the default frame.
    pub chosen: RwSignal<Option<Zoom>>,
    /// The level drawn: the chosen one, or the default, never below what
    /// the labels need.
    pub drawn: RwSignal<Zoom>,
    /// The frame's width in CSS pixels, and the width the axis is laid out
    /// for ([`layout_width`]: a change within a band redraws nothing).
    pub frame_px: RwSignal<f64>,
    pub layout_px: Memo<f64>,
    /// Whether the axis is horizontal (a wide screen), so that its frame
    /// scrolls when zoomed in; below 48rem it is a list that does not.
    pub wide: RwSignal<bool>,
    /// The scrolling frame around the axis.
    pub frame: NodeRef<html::Div>,
    /// Where a mouse drag began: the pointer's x and the scroll then.
    drag: StoredValue<Option<(f64, f64)>>,
    /// The fingers' distance when a pinch (or its last step) began.
    pinch: StoredValue<Option<f64>>,
    /// The steps of a wheel turn or a pinch, announced once it rests.
    gesture: StoredValue<Gesture>,
    sync_url: bool,
}

/// Scrolls `scroller` as little as it takes ([`zoom::reveal`]) to bring
/// the list item of the marker of `id` into its view, `margin` pixels to
/// spare: along the axis when `across`, else down the vertical list. Only
/// `scroller` moves, never the page; a scroller that does not scroll is
/// left alone.
fn reveal_in(scroller: &web_sys::Element, id: &str, across: bool, margin: f64) {
    let (view, whole) = if across {
        (scroller.client_width(), scroller.scroll_width())
    } else {
        (scroller.client_height(), scroller.scroll_height())
    };
    if whole <= view {
        return;
    }
    let Some(item) = dom::marker(scroller, id).and_then(|b| b.parent_element()) else {
        return;
    };
    let (s, r) = (
        scroller.get_bounding_client_rect(),
        item.get_bounding_client_rect(),
    );
    let (scroll, start, size) = if across {
        (scroller.scroll_left(), r.left() - s.left(), r.width())
    } else {
        (scroller.scroll_top(), r.top() - s.top(), r.height())
    };
    let scroll = f64::from(scroll);
    let start = start + scroll;
    let to = zoom::reveal(
        start,
        start + size,
        scroll,
        f64::from(view),
        f64::from(whole),
        margin,
    );
    if (to - scroll).abs() >= 1.0 {
        if across {
            scroller.set_scroll_left(to.round() as i32);
        } else {
            scroller.set_scroll_top(to.round() as i32);
        }
    }
}

fn wide() -> bool {
    window()
        .match_media("(min-width: 48rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

impl ZoomState {
    /// For the frame the page has now (the browser's).
    pub fn new(initial: Option<Zoom>, sync_url: bool) -> Self {
        // The first paint's frame, while it is there, has the app's width;
        // else the window's less the page's padding.
        let first_paint = document()
            .query_selector("#static .axis-frame")
            .ok()
            .flatten()
            .map(|f| f.get_bounding_client_rect().width())
            .filter(|w| *w > 0.0);
        let width = first_paint.unwrap_or_else(|| {
            let window = window().inner_width().ok().and_then(|w| w.as_f64());
            window.unwrap_or(WIDEST_FRAME) - 32.0
        });
        Self::for_frame(initial, sync_url, width, wide())
    }

    /// For a frame `width` pixels wide, horizontal (`wide`) or not; the
    /// build-time first paint's is the widest.
    pub fn for_frame(initial: Option<Zoom>, sync_url: bool, width: f64, wide: bool) -> Self {
        let frame_px = RwSignal::new(crate::model::layout::fit(width, 200.0, WIDEST_FRAME));
        ZoomState {
            chosen: RwSignal::new(initial),
            drawn: RwSignal::new(initial.unwrap_or_default()),
            frame_px,
            layout_px: Memo::new(move |_| layout_width(frame_px.get())),
            wide: RwSignal::new(wide),
            frame: NodeRef::new(),
            drag: StoredValue::new(None),
            pinch: StoredValue::new(None),
            gesture: StoredValue::new(Gesture::default()),
            sync_url,
        }
    }

    fn scroll(&self) -> f64 {
        self.frame
            .get_untracked()
            .map_or(0.0, |f| f64::from(f.scroll_left()))
    }

    fn set_scroll(&self, x: f64) {
        if let Some(f) = self.frame.get_untracked() {
            f.set_scroll_left(x.round() as i32);
        }
    }

    /// Whether the frame scrolls along the axis: a wide screen, zoomed in.
    /// Only then is it a tab stop.
    pub fn scrolls(&self) -> bool {
        self.wide.get() && self.drawn.get() != Zoom::FIT
    }

    /// Home and End on the frame itself (not on a marker, whose keys move
    /// between events) go to its ends, as its name says.
    pub fn on_frame_key(&self, e: &web_sys::KeyboardEvent) {
        let Some(frame) = self.frame.get_untracked() else {
            return;
        };
        let on_frame = e.target().is_some() && e.target() == e.current_target();
        let to = match e.key().as_str() {
            "Home" => 0,
            "End" => frame.scroll_width(),
            _ => return,
        };
        if on_frame {
            e.prevent_default();
            frame.set_scroll_left(to);
        }
    }

    /// Measures the frame (after mounting and on every resize).
    pub fn measure(&self) {
        let wide = wide();
        if wide != self.wide.get_untracked() {
            self.wide.set(wide);
        }
        if let Some(f) = self.frame.get_untracked() {
            // Fractional, as the first paint's container queries see it.
            let w = f.get_bounding_client_rect().width();
            if w > 0.0 && (w - self.frame_px.get_untracked()).abs() > 0.5 {
                self.frame_px.set(w);
            }
        }
    }

    /// Zooms a step, keeping the point `x` pixels into the frame (its
    /// middle by default) where it is.
    pub fn step(&self, state: TimelineState, step: ZoomStep, x: Option<f64>) {
        self.step_and_say(state, step, x, true);
    }

    /// A step that announces the level, or (`say` false: a step of a
    /// gesture) leaves that to [`Self::gesture_step`].
    fn step_and_say(&self, state: TimelineState, step: ZoomStep, x: Option<f64>, say: bool) {
        let to = self.drawn.get_untracked().step(step);
        // At the end of the range nothing moves, but the reader hears where
        // they are.
        self.go(state, to.unwrap_or(self.drawn.get_untracked()), x, say);
    }

    /// A step of a wheel turn or a pinch: the level is announced once, when
    /// the gesture has rested ([`Gesture`]), not at every notch.
    fn gesture_step(&self, state: TimelineState, step: ZoomStep, x: Option<f64>) {
        self.step_and_say(state, step, x, false);
        let mut gesture = self.gesture.get_value();
        let n = gesture.step();
        self.gesture.set_value(gesture);
        let this = *self;
        set_timeout(
            move || {
                if this.gesture.get_value().is_latest(n) {
                    this.announce(state);
                }
            },
            std::time::Duration::from_millis(GESTURE_REST_MS),
        );
    }

    /// The whole axis in the frame.
    pub fn fit(&self, state: TimelineState) {
        self.go(state, Zoom::FIT, None, true);
    }

    /// Says the level drawn.
    fn announce(&self, state: TimelineState) {
        let drawn = self.drawn.get_untracked();
        state.announcement.set(if drawn == Zoom::FIT {
            state.t.zoom_fitted.to_string()
        } else {
            (state.t.zoom_level)(drawn.param())
        });
    }

    fn go(&self, state: TimelineState, to: Zoom, x: Option<f64>, say: bool) {
        let frame = self.frame_px.get_untracked();
        let old = self.drawn.get_untracked().track(frame);
        // Buttons and keys keep the selected dot where it is, if it is in
        // view; else the frame's middle.
        let x = x
            .or_else(|| self.selected_dot_x(frame))
            .unwrap_or(frame / 2.0);
        let at = (self.scroll() + x) / old;
        // A marker with the keyboard focus is drawn anew: it keeps the focus.
        let focus_in_axis = document()
            .active_element()
            .and_then(|a| a.closest(".markers").ok().flatten())
            .is_some();
        if focus_in_axis {
            state
                .focus_pending
                .set_value(Some(state.focused.get_untracked()));
        }
        self.chosen.set(Some(to));
        let this = *self;
        // Once the axis is drawn at its new width (no animation: the step
        // is instant, with or without reduced motion).
        request_animation_frame(move || {
            let drawn = this.drawn.get_untracked();
            this.set_scroll(zoom::keep_anchor(at, x, drawn.track(frame), frame));
            if say {
                this.announce(state);
            }
            if this.sync_url {
                url::write_zoom(drawn.param());
            }
        });
    }

    /// Where the selected dot is, in pixels from the frame's left edge, if
    /// it is in view.
    fn selected_dot_x(&self, frame: f64) -> Option<f64> {
        let f = self.frame.get_untracked()?;
        let dot = f.query_selector(".dot.selected").ok()??;
        let r = dot.get_bounding_client_rect();
        let x = r.left() + r.width() / 2.0 - f.get_bounding_client_rect().left();
        (0.0..=frame).contains(&x).then_some(x)
    }

    /// Brings the marker of event `id` into the frame, moving as little as
    /// it can (keyboard moves, Previous/Next, links).
    pub fn reveal(&self, id: &str) {
        let Some(frame) = self.frame.get_untracked() else {
            return;
        };
        if wide() {
            reveal_in(&frame, id, true, 16.0);
        } else if let Some(list) = frame.query_selector(".axis").ok().flatten() {
            // On narrow screens the markers are a vertical list, which
            // scrolls inside itself only where the page's height is capped
            // (WordPress's 1000 px, `wp-tall`).
            reveal_in(&list, id, false, 8.0);
        }
    }

    /// `+`/`-` anywhere in the axis's landmark (not with Ctrl, Alt or ⌘,
    /// which belong to the browser), on wide screens only.
    pub fn on_key(&self, state: TimelineState, e: &web_sys::KeyboardEvent) {
        // The key first: this runs for every key in the landmark.
        let Some(step) = zoom::key_zoom(&e.key()) else {
            return;
        };
        if e.ctrl_key() || e.meta_key() || e.alt_key() || !wide() {
            return;
        }
        e.prevent_default();
        self.step(state, step, None);
    }

    /// Dragging the axis with the mouse pans it (not from a marker, which
    /// a click selects).
    fn on_pointer_down(&self, e: &web_sys::PointerEvent) {
        let on_control = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button, .dot").ok().flatten())
            .is_some();
        if e.pointer_type() != "mouse" || e.button() != 0 || on_control {
            return;
        }
        e.prevent_default();
        self.drag
            .set_value(Some((f64::from(e.client_x()), self.scroll())));
        if let Some(f) = self.frame.get_untracked() {
            let _ = f.set_pointer_capture(e.pointer_id());
        }
    }

    fn on_pointer_move(&self, e: &web_sys::PointerEvent) {
        if let Some((x, scroll)) = self.drag.get_value() {
            self.set_scroll(scroll - (f64::from(e.client_x()) - x));
        }
    }

    fn on_pointer_up(&self) {
        self.drag.set_value(None);
    }

    /// The mouse's drag; Ctrl/⌘ + wheel, and pinches: listeners that may
    /// cancel the browser's own zoom, so not passive.
    pub fn attach_gestures(&self, state: TimelineState, frame: web_sys::HtmlDivElement) {
        let this = *self;
        listen_active(frame.clone().into(), "pointerdown", move |e| {
            this.on_pointer_down(e.unchecked_ref())
        });
        listen(frame.clone().into(), "pointermove", move |e| {
            this.on_pointer_move(e.unchecked_ref())
        });
        for name in ["pointerup", "pointercancel"] {
            listen(frame.clone().into(), name, move |_| this.on_pointer_up());
        }
        let x_in = move |client_x: f64| {
            this.frame
                .get_untracked()
                .map(|f| client_x - f.get_bounding_client_rect().left())
        };
        listen_active(frame.clone().into(), "wheel", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::WheelEvent>() else {
                return;
            };
            if !(e.ctrl_key() || e.meta_key()) {
                return;
            }
            e.prevent_default();
            if let Some(step) = zoom::wheel_zoom(e.delta_y()) {
                this.gesture_step(state, step, x_in(f64::from(e.client_x())));
            }
        });
        let fingers = |e: &web_sys::TouchEvent| {
            let t = e.touches();
            let (a, b) = (t.get(0)?, t.get(1)?);
            let (ax, bx) = (f64::from(a.client_x()), f64::from(b.client_x()));
            let dx = ax - bx;
            let dy = f64::from(a.client_y() - b.client_y());
            Some(((dx * dx + dy * dy).sqrt(), (ax + bx) / 2.0))
        };
        // Only the move that zooms is cancelled; the touches around it
        // are watched passively.
        listen(frame.clone().into(), "touchstart", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::TouchEvent>() else {
                return;
            };
            this.pinch.set_value(fingers(e).map(|f| f.0));
        });
        listen_active(frame.clone().into(), "touchmove", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::TouchEvent>() else {
                return;
            };
            let (Some(start), Some((now, mid))) = (this.pinch.get_value(), fingers(e)) else {
                return;
            };
            e.prevent_default();
            if let Some(step) = zoom::pinch_zoom(start, now) {
                this.pinch.set_value(Some(now));
                this.gesture_step(state, step, x_in(mid));
            }
        });
        listen(frame.clone().into(), "touchend", move |_| {
            this.pinch.set_value(None)
        });
    }
}
