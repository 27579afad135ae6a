//! Zoom, fit and pan of the horizontal axis, and the pixel-level layout
//! that depends on them, in CSS pixels. [`super::layout`] places things in
//! fractions of the axis; this decides how wide the axis is drawn (its
//! *track*, a whole number of steps wider than the visible *frame*), where
//! imprecise marks sit, where labels go and which ticks are named, so that
//! no two texts on the axis ever overlap and none is cut.
//!
//! - **Levels.** The track spans 1, 1.5, 2, 3, 4, 6 or 8 frame widths
//!   ([`Zoom`]); 1 is *fit* (the whole axis in view). `?zoom=` keeps a level.
//! - **The default frame** ([`default_zoom`]) is the least level at which
//!   neighbouring marks are at least [`MARK_GAP`] pixels apart, so events
//!   weeks apart are clearly apart; the rest of the axis (the term, today)
//!   is a scroll or a *Fit* away.
//! - **Imprecise marks** ([`settle`]): a month- or year-precision date
//!   means its whole interval (drawn as a bar), so its mark may stand
//!   anywhere in it; it keeps the middle unless a neighbour is closer than
//!   [`MARK_GAP`], then moves as little as it can within its interval.
//! - **Labels** ([`arrange`]) alternate below and above the axis; each side
//!   is spread apart by a label's width, inside the track. Ticks, today and
//!   the term's labels have rows of their own, so event labels never meet
//!   them; within those rows [`name_ticks`] and [`keep_apart`] decide
//!   which are named.
//! - **Pan**: [`clamp_scroll`], [`keep_anchor`] (a zoom keeps the point under
//!   the pointer, or the selection, where it was) and [`reveal`].

use super::layout::{fit, label_below, AxisLayout};

/// The track's width at each level, in frame widths.
const FACTORS: [f64; 7] = [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0];
/// The same, as `?zoom=` writes them.
const PARAMS: [&str; 7] = ["1", "1.5", "2", "3", "4", "6", "8"];

/// The least distance between neighbouring marks' centres that the default
/// frame keeps, in CSS pixels: 24 px with room to spare for rounding.
pub const MARK_GAP: f64 = 28.0;
/// An event label's width bounds, and the space between two labels.
pub const LABEL_MIN: f64 = 96.0;
pub const LABEL_MAX: f64 = 168.0;
pub const LABEL_SPACE: f64 = 8.0;
/// The least distance between named ticks (a year, "Apr", "4月"), so a
/// name never reaches the next one, even with widened letter spacing.
pub const TICK_LABEL_MIN: f64 = 56.0;
/// On an axis of months, full month names ("September 2024") need more.
pub const MONTH_LABEL_MIN: f64 = 120.0;

/// A zoom level: how many frame widths the axis track spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Zoom(u8);

/// A step of zoom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomStep {
    In,
    Out,
}

impl Zoom {
    /// The whole axis in the frame.
    pub const FIT: Zoom = Zoom(0);
    /// The closest zoom: eight frame widths.
    pub const MAX: Zoom = Zoom(FACTORS.len() as u8 - 1);

    /// How many frame widths the track spans.
    pub fn factor(self) -> f64 {
        FACTORS[usize::from(self.0)]
    }

    /// The level as `?zoom=` writes it.
    pub fn param(self) -> &'static str {
        PARAMS[usize::from(self.0)]
    }

    /// `?zoom=`: exactly one of the written levels, else nothing.
    pub fn from_param(value: &str) -> Option<Zoom> {
        PARAMS
            .iter()
            .position(|p| *p == value)
            .map(|i| Zoom(i as u8))
    }

    /// The level a step away, or `None` at that end.
    pub fn step(self, step: ZoomStep) -> Option<Zoom> {
        match step {
            ZoomStep::In => (self < Zoom::MAX).then(|| Zoom(self.0 + 1)),
            ZoomStep::Out => self.0.checked_sub(1).map(Zoom),
        }
    }

    /// The track's width for a frame `frame` pixels wide.
    pub fn track(self, frame: f64) -> f64 {
        frame * self.factor()
    }

    fn all() -> impl Iterator<Item = Zoom> {
        (0..FACTORS.len() as u8).map(Zoom)
    }
}

/// The zoom a key asks for (`KeyboardEvent.key`): `+` (or `=`, the same key
/// unshifted) zooms in, `-` zooms out.
pub fn key_zoom(key: &str) -> Option<ZoomStep> {
    match key {
        "+" | "=" => Some(ZoomStep::In),
        "-" | "_" => Some(ZoomStep::Out),
        _ => None,
    }
}

/// The zoom a Ctrl/⌘ + wheel turn asks for: up (negative) zooms in.
pub fn wheel_zoom(delta_y: f64) -> Option<ZoomStep> {
    if delta_y < 0.0 {
        Some(ZoomStep::In)
    } else if delta_y > 0.0 {
        Some(ZoomStep::Out)
    } else {
        None
    }
}

/// The zoom a pinch asks for, from the fingers' distance when it (or its
/// last step) began to now: a quarter wider zooms in, a fifth closer out.
pub fn pinch_zoom(start: f64, now: f64) -> Option<ZoomStep> {
    if start <= 0.0 || !now.is_finite() {
        None
    } else if now >= start * 1.25 {
        Some(ZoomStep::In)
    } else if now <= start * 0.8 {
        Some(ZoomStep::Out)
    } else {
        None
    }
}

/// How long a Ctrl/⌘ + wheel turn or a pinch must rest before its zoom is
/// announced, in milliseconds: a wheel's notches come 10–100 ms apart, so
/// one turn of five notches is one gesture, and one announcement.
pub const GESTURE_REST_MS: u64 = 300;

/// The steps of a zoom gesture (wheel notches, pinch steps): each is
/// numbered, and only the last, once the gesture has rested
/// [`GESTURE_REST_MS`], is announced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Gesture(u32);

impl Gesture {
    /// A step of the gesture: its number.
    pub fn step(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(1);
        self.0
    }

    /// Whether step `n` is still the latest (no step came after it).
    pub fn is_latest(self, n: u32) -> bool {
        self.0 == n
    }
}

/// The most labels on one side of the axis for `count` events from
/// position `first` (labels alternate, [`label_below`]).
pub fn most_per_side(first: usize, count: usize) -> usize {
    let below = (first..first + count).filter(|&p| label_below(p)).count();
    below.max(count - below)
}

/// An event label's width on a track `track` pixels wide with at most
/// `per_side` labels on a side: as wide as they can be side by side,
/// within [`LABEL_MIN`]..=[`LABEL_MAX`].
pub fn label_width(track: f64, per_side: usize) -> f64 {
    let share = track / per_side.max(1) as f64 - LABEL_SPACE;
    fit(share, LABEL_MIN, LABEL_MAX)
}

/// The least level at which `per_side` labels fit side by side at least
/// [`LABEL_MIN`] wide (the closest zoom if none does).
pub fn least_zoom(frame: f64, per_side: usize) -> Zoom {
    let need = per_side as f64 * (LABEL_MIN + LABEL_SPACE);
    Zoom::all()
        .find(|z| z.track(frame) >= need)
        .unwrap_or(Zoom::MAX)
}

/// The default level: the least one, from [`least_zoom`], at which the
/// marks are clear ([`clear`]), or the closest zoom if none is. `axis` as
/// [`super::layout`] made it; `imprecise[n]` says whether placement `n` is
/// a month or a year.
pub fn default_zoom(axis: &AxisLayout, imprecise: &[bool], frame: f64, per_side: usize) -> Zoom {
    let least = least_zoom(frame, per_side);
    Zoom::all()
        .filter(|z| *z >= least)
        .find(|z| clear(axis, imprecise, z.track(frame)))
        .unwrap_or(Zoom::MAX)
}

/// Whether the marks are clear on a track `track` pixels wide: once
/// settled ([`settle`]) at least [`MARK_GAP`] apart, and the middles of
/// neighbouring short dates (a day or a month) too, so that events weeks
/// apart get room of their own rather than marks nudged to the edges of
/// their months. A year is long enough to give its mark room.
pub fn clear(axis: &AxisLayout, imprecise: &[bool], track: f64) -> bool {
    let marks = settle(axis, imprecise, MARK_GAP / track);
    let settled = marks
        .windows(2)
        .all(|w| (w[1] - w[0]).abs() * track >= MARK_GAP - 1e-6);
    let days = (axis.last_day + 1 - axis.first_day).max(1) as f64;
    let short: Vec<f64> = axis
        .placements
        .iter()
        .filter(|p| (p.to - p.from) * days <= 31.5)
        .map(|p| p.marker)
        .collect();
    // Every pair (a page holds at most ten): no sort, whose code would
    // cost the WebAssembly more than the loop.
    settled
        && short.iter().enumerate().all(|(n, a)| {
            short[n + 1..]
                .iter()
                .all(|b| (a - b).abs() * track >= MARK_GAP - 1e-6)
        })
}

/// Where the marks stand (fractions of the axis), `gap` apart where the
/// dates allow: a day stays on its day; a month or a year (`imprecise`)
/// keeps the middle of its interval unless that is closer than `gap` to
/// its neighbours in date order, and then moves, within its interval, as
/// little as it can (so the marks keep the events' order).
pub fn settle(axis: &AxisLayout, imprecise: &[bool], gap: f64) -> Vec<f64> {
    let places = &axis.placements;
    let mut marks: Vec<f64> = places.iter().map(|p| p.marker).collect();
    for n in 0..marks.len() {
        if !imprecise.get(n).copied().unwrap_or(false) {
            continue;
        }
        let p = &places[n];
        let mut lo = p.from;
        let mut hi = p.to;
        if n > 0 {
            lo = lo.max(marks[n - 1] + gap);
        }
        if let Some(next) = marks.get(n + 1) {
            hi = hi.min(next - gap);
        }
        if lo <= hi {
            marks[n] = fit(p.marker, lo, hi);
        }
    }
    marks
}

/// Moves ordered positions apart so that neighbours are at least `gap`
/// apart, keeping their order and staying within `lo..=hi`; where that
/// cannot be, they are spread evenly over it.
pub fn spread_within(positions: &[f64], gap: f64, lo: f64, hi: f64) -> Vec<f64> {
    let n = positions.len();
    let hi = hi.max(lo);
    if n == 0 {
        return Vec::new();
    }
    if n > 1 && gap * (n - 1) as f64 > hi - lo {
        let step = (hi - lo) / (n - 1) as f64;
        return (0..n).map(|i| lo + step * i as f64).collect();
    }
    let mut out: Vec<f64> = positions.iter().map(|&p| fit(p, lo, hi)).collect();
    for i in 1..n {
        out[i] = out[i].max(out[i - 1] + gap);
    }
    for i in (0..n).rev() {
        let ceiling = if i == n - 1 { hi } else { out[i + 1] - gap };
        out[i] = out[i].min(ceiling);
    }
    out
}

/// Fits `axis` (the placements of the events at positions `first`, …
/// among the shown ones) to a track `track` pixels wide: marks settled
/// ([`settle`]), each side's labels spread a label's width apart and kept
/// whole inside the track, ticks named ([`name_ticks`]). Returns the
/// labels' width in pixels.
pub fn arrange(axis: &mut AxisLayout, imprecise: &[bool], first: usize, track: f64) -> f64 {
    let count = axis.placements.len();
    let width = label_width(track, most_per_side(first, count));
    let marks = settle(axis, imprecise, MARK_GAP / track);
    for (p, m) in axis.placements.iter_mut().zip(&marks) {
        p.marker = *m;
    }
    let half = width / 2.0 / track;
    for below in [true, false] {
        let side: Vec<usize> = (0..count)
            .filter(|n| label_below(first + n) == below)
            .collect();
        let wanted: Vec<f64> = side.iter().map(|&n| marks[n]).collect();
        let placed = spread_within(&wanted, (width + LABEL_SPACE) / track, half, 1.0 - half);
        for (&n, l) in side.iter().zip(placed) {
            axis.placements[n].label = l;
        }
    }
    name_ticks(axis, track);
    width
}

/// Which month ticks are named on a track `track` pixels wide. On an axis
/// of years: every month where a month gets [`TICK_LABEL_MIN`] pixels,
/// else each quarter where a quarter does, else none (the years are
/// named). On an axis of months (no year ticks): every 1, 2, 3, 6 or 12
/// months, as often as [`MONTH_LABEL_MIN`] allows.
pub fn name_ticks(axis: &mut AxisLayout, track: f64) {
    let days = (axis.last_day + 1 - axis.first_day).max(1) as f64;
    let month = track * 30.44 / days;
    let every = if axis.years.is_empty() {
        [1, 2, 3, 6, 12]
            .into_iter()
            .find(|k| f64::from(*k) * month >= MONTH_LABEL_MIN)
            .unwrap_or(12)
    } else if month >= TICK_LABEL_MIN {
        1
    } else if 3.0 * month >= TICK_LABEL_MIN {
        3
    } else {
        0
    };
    let first_named = axis.months.first().map_or(1, |m| m.month);
    for m in &mut axis.months {
        m.labelled = if axis.years.is_empty() {
            ((12 + m.month - first_named) % 12).is_multiple_of(every)
        } else {
            every != 0 && (m.month - 1).is_multiple_of(every)
        };
    }
}

/// Which of some labels in one row to show, so that none overlaps another:
/// each label is `(left, right)` in pixels; they are taken in the order
/// given (the most important first) and one that would overlap a label
/// already kept, or leave `0..=track`, is dropped.
pub fn keep_apart(labels: &[(f64, f64)], track: f64) -> Vec<bool> {
    let mut kept: Vec<(f64, f64)> = Vec::new();
    labels
        .iter()
        .map(|&(l, r)| {
            let ok =
                l >= -0.5 && r <= track + 0.5 && kept.iter().all(|&(kl, kr)| r <= kl || l >= kr);
            if ok {
                kept.push((l, r));
            }
            ok
        })
        .collect()
}

/// A generous estimate of a short text's width in pixels at `font` pixels:
/// a CJK character is about a square, anything else at most about 0.7
/// of one, bold digits in DejaVu Sans included (plus the widest
/// text-spacing override, 0.12 em a letter).
pub fn text_width(s: &str, font: f64) -> f64 {
    s.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.7 } + 0.12)
        .sum::<f64>()
        * font
}

/// A scroll position kept inside the track: `0..=track - frame`.
pub fn clamp_scroll(scroll: f64, track: f64, frame: f64) -> f64 {
    fit(scroll, 0.0, (track - frame).max(0.0))
}

/// The scroll that keeps the point at `at` (a fraction of the axis) at
/// `x` pixels from the frame's left edge on a track `track` wide.
pub fn keep_anchor(at: f64, x: f64, track: f64, frame: f64) -> f64 {
    clamp_scroll(at * track - x, track, frame)
}

/// The scroll that brings the span `left..right` (pixels along the track)
/// into a frame `frame` wide now scrolled to `scroll`, moving as little as
/// it can (with `margin` pixels to spare); unchanged if it is in view.
pub fn reveal(left: f64, right: f64, scroll: f64, frame: f64, track: f64, margin: f64) -> f64 {
    let to = if left - margin < scroll {
        left - margin
    } else if right + margin > scroll + frame {
        (right + margin - frame).min(left - margin)
    } else {
        scroll
    };
    clamp_scroll(to, track, frame)
}

/// Where a tick's name goes on a track `track` pixels wide: just right of
/// the tick at `x` (`pad` pixels away), or just left of it when it would
/// run past the track's end (the closing year). `(left, right, flipped)`.
pub fn tick_name_box(x: f64, width: f64, pad: f64, track: f64) -> (f64, f64, bool) {
    let flip = x + pad + width > track;
    let left = if flip { x - pad - width } else { x + pad };
    (left, left + width, flip)
}

/// The left edge of a name `width` pixels wide centred on `x`, moved in
/// so that the track's ends never cut it.
pub fn centred_within(x: f64, width: f64, track: f64) -> f64 {
    fit(x - width / 2.0, 0.0, (track - width).max(0.0))
}

#[cfg(test)]
mod tests;
