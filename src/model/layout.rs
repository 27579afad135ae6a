//! Layout arithmetic for the time axis, in fractions of its length (0 at
//! the start, 1 at the end), so the same numbers serve a horizontal axis
//! (left to right) and a vertical one (top to bottom).
//!
//! - An event covers the whole interval its date may mean: a month-precision
//!   event spans its month, and its marker sits in the middle of it, not on
//!   the 1st.
//! - Markers sit exactly where their dates put them. Their labels keep the
//!   events' order and at least `label_gap` apart, so events close in time
//!   never overlap unreadably; a label moves as little as it can, and the
//!   view joins it to its marker with a leader line.
//! - The axis runs from 1 January of the first year to 1 January after the
//!   last day anything reaches (event ends and "today" included).
//! - [`layout`] spans all events, so a filter does not move the axis;
//!   [`layout_page`] spans one page of them, for data too large to show at
//!   once. A page within less than a year runs from the 1st of its first
//!   month to the 1st after its last, with a labelled tick per month (or
//!   per 2 or 3 months, at most five) instead of per year.

use super::date::{civil_from_days, days_from_civil, PartialDate};
use super::timeline::Entry;

/// Where one event goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// The marker's position: the middle of the date's interval.
    pub marker: f64,
    /// The label's position, moved apart from its neighbours' labels.
    pub label: f64,
    /// The interval the date may mean (equal for a day-precision date,
    /// give or take a day's width).
    pub from: f64,
    pub to: f64,
    /// The end of a lasting event (e.g. an agreement's term), if any.
    pub end: Option<f64>,
}

/// Which side of the axis the label of the event at `position` (0-based,
/// in the whole set of shown events, not the page) hangs on: even
/// positions below, odd ones above, so neighbours alternate and a page
/// turn never flips a label.
pub fn label_below(position: usize) -> bool {
    position.is_multiple_of(2)
}

/// A year boundary on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct YearTick {
    pub year: i32,
    pub pos: f64,
}

/// The first of a month on the axis (`month` 1–12).
#[derive(Clone, Debug, PartialEq)]
pub struct MonthTick {
    pub year: i32,
    pub month: u8,
    pub pos: f64,
    /// Whether the month is named on the axis (only on an axis shorter
    /// than a year, which has no year ticks).
    pub labelled: bool,
}

impl MonthTick {
    /// The month as a date, e.g. to write its name.
    pub fn date(&self) -> PartialDate {
        PartialDate::month(self.year, self.month)
    }
}

/// The computed axis.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisLayout {
    pub first_day: i64,
    pub last_day: i64,
    pub placements: Vec<Placement>,
    /// 1 January of each year on the axis, the last one closing it (none
    /// on an axis of months).
    pub years: Vec<YearTick>,
    /// The first of each month that is not a year tick.
    pub months: Vec<MonthTick>,
    /// Today's position, when today falls on the axis.
    pub today: Option<f64>,
}

/// At most this many months are named on an axis of months ("September
/// 2024" needs about a fifth of the narrowest horizontal axis).
const MONTH_LABELS: usize = 5;

/// At most this many years are labelled on an axis of years. Over a longer
/// span the labels step by 2, 5, 10, 20, 50… years, so the axis's work
/// (and its element count) never grows with the span: a year mistyped as
/// 9025 gives nine labels, not 7,000 years of ticks.
const YEAR_LABELS: i32 = 12;

/// The step between labelled years for `years` years: the smallest of 1,
/// 2, 5, 10, 20, 50, … that labels at most [`YEAR_LABELS`] of them.
pub fn year_step(years: i32) -> i32 {
    let mut scale = 1;
    loop {
        for k in [1, 2, 5] {
            if years <= YEAR_LABELS * k * scale {
                return k * scale;
            }
        }
        scale *= 10;
    }
}

/// The days an entry reaches: its start's first day to its end's (or its
/// start's) last day.
fn reach(e: &Entry) -> (i64, i64) {
    (
        e.start.first_day(),
        e.end.map_or(e.start.last_day(), |end| end.last_day()),
    )
}

/// Lays out the events at `shown` (indices into `entries`, in date order).
/// The axis spans all of `entries`, so it does not jump when a filter hides
/// some; `placements` follow `shown`. `today` is a day number
/// ([`days_from_civil`]) and widens the axis to include it; `label_gap` the
/// least distance between neighbouring labels, as a fraction of the axis.
pub fn layout(
    entries: &[Entry],
    shown: &[usize],
    today: Option<i64>,
    label_gap: f64,
) -> AxisLayout {
    let first = entries.iter().map(|e| reach(e).0).min().unwrap_or(0);
    let last = entries
        .iter()
        .map(|e| reach(e).1)
        .chain(today)
        .max()
        .unwrap_or(first);
    lay_out(entries, (first, last), shown, today, label_gap, false)
}

/// The axis for the markers on screen: `page` (indices into `entries`, in
/// date order) out of `total` shown events. While every shown event fits
/// on one page (`total <= window`) the axis spans all entries, so a filter
/// does not move it ([`layout`]); beyond, it spans the page alone
/// ([`layout_page`]), so its work is the page's, not the data's.
pub fn axis_for(
    entries: &[Entry],
    page: &[usize],
    total: usize,
    window: usize,
    today: Option<i64>,
    label_gap: f64,
) -> AxisLayout {
    if total > window {
        layout_page(entries, page, today, label_gap)
    } else {
        layout(entries, page, today, label_gap)
    }
}

/// Lays out one page of events (`page`: indices into `entries`, in date
/// order) on an axis that spans just them: the work is the page's, however
/// many entries there are. `today` is marked where it falls on that axis
/// but does not widen it.
pub fn layout_page(
    entries: &[Entry],
    page: &[usize],
    today: Option<i64>,
    label_gap: f64,
) -> AxisLayout {
    let reaches: Vec<(i64, i64)> = page
        .iter()
        .filter_map(|&i| entries.get(i))
        .map(reach)
        .collect();
    let first = reaches.iter().map(|r| r.0).min().unwrap_or(0);
    let last = reaches.iter().map(|r| r.1).max().unwrap_or(first);
    lay_out(entries, (first, last), page, today, label_gap, true)
}

/// Lays out `shown` on an axis covering the days `first..=last`: whole
/// years, or whole months where `months_allowed` and that is under a year.
fn lay_out(
    entries: &[Entry],
    (first, last): (i64, i64),
    shown: &[usize],
    today: Option<i64>,
    label_gap: f64,
    months_allowed: bool,
) -> AxisLayout {
    let (first_year, first_month, _) = civil_from_days(first);
    let (last_year, last_month, _) = civil_from_days(last);
    let by_month = months_allowed && last - first < 365;
    // Whole years, or whole multiples of the step between labelled years.
    let step = year_step(last_year + 1 - first_year);
    let year_floor = first_year.div_euclid(step) * step;
    let year_ceiling = (last_year + 1 + step - 1).div_euclid(step) * step;
    let (axis_start, axis_end) = if by_month {
        let (end_year, end_month) = if last_month == 12 {
            (last_year + 1, 1)
        } else {
            (last_year, last_month + 1)
        };
        (
            days_from_civil(first_year, first_month, 1),
            days_from_civil(end_year, end_month, 1),
        )
    } else {
        (
            days_from_civil(year_floor, 1, 1),
            days_from_civil(year_ceiling, 1, 1),
        )
    };
    let span = (axis_end - axis_start) as f64;
    let at = |day: i64| (day - axis_start) as f64 / span;

    let mut placements: Vec<Placement> = shown
        .iter()
        .filter_map(|&i| entries.get(i))
        .map(|e| {
            let from = at(e.start.first_day());
            let to = at(e.start.last_day() + 1);
            Placement {
                marker: (from + to) / 2.0,
                label: (from + to) / 2.0,
                from,
                to,
                end: e.end.map(|end| at(end.last_day() + 1)),
            }
        })
        .collect();
    let markers: Vec<f64> = placements.iter().map(|p| p.marker).collect();
    for (p, l) in placements.iter_mut().zip(spread(&markers, label_gap)) {
        p.label = l;
    }

    let (years, months) = ticks(
        by_month,
        (first_year, first_month),
        (year_floor, year_ceiling, step),
        axis_end,
        &at,
    );
    let today = today.filter(|d| (axis_start..axis_end).contains(d)).map(at);
    AxisLayout {
        first_day: axis_start,
        last_day: axis_end - 1,
        placements,
        years,
        months,
        today,
    }
}

/// The ticks of an axis that closes at `axis_end`: on an axis of
/// months (`by_month`), every first of a month from `first` (year, month),
/// every few named; else a tick per `step` years from `floor` to
/// `ceiling`, with unnamed month ticks between them only when every year
/// is labelled. `at` places a day on the axis.
fn ticks(
    by_month: bool,
    (first_year, first_month): (i32, u8),
    (year_floor, year_ceiling, step): (i32, i32, i32),
    axis_end: i64,
    at: &dyn Fn(i64) -> f64,
) -> (Vec<YearTick>, Vec<MonthTick>) {
    if by_month {
        // Every first of a month on the axis, its closing end included
        // (under a year: at most 13).
        let firsts = (first_year..)
            .flat_map(|year| (1..=12).map(move |m| (year, m)))
            .skip(usize::from(first_month) - 1)
            .map(|(year, month)| (year, month, days_from_civil(year, month, 1)))
            .take_while(|&(_, _, day)| day <= axis_end);
        let count = firsts.clone().count();
        let every = [1, 2, 3, 6, 12]
            .into_iter()
            .find(|k| count.div_ceil(*k) <= MONTH_LABELS)
            .unwrap_or(12);
        let months = firsts
            .map(|(year, month, day)| MonthTick {
                year,
                month,
                pos: at(day),
                labelled: usize::from(month - 1) % every == 0,
            })
            .collect();
        (Vec::new(), months)
    } else {
        // A tick per `step` years, the closing one included; unnamed month
        // ticks between them only when every year is labelled (at most
        // 12 × 11 of them).
        let years: Vec<YearTick> = (year_floor..=year_ceiling)
            .step_by(step as usize)
            .map(|year| YearTick {
                year,
                pos: at(days_from_civil(year, 1, 1)),
            })
            .collect();
        let months = if step == 1 {
            (year_floor..year_ceiling)
                .flat_map(|year| (2..=12).map(move |month| (year, month)))
                .map(|(year, month)| MonthTick {
                    year,
                    month,
                    pos: at(days_from_civil(year, month, 1)),
                    labelled: false,
                })
                .collect()
        } else {
            Vec::new()
        };
        (years, months)
    }
}

/// `x` within `lo..=hi` (`hi` wins if they cross; a NaN `x` gives `lo`).
/// Not `f64::clamp`: its assertion formats the bounds with `{:?}`, which
/// alone links core's float formatting (about 10 KB) into the wasm.
pub fn fit(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

/// Moves ordered positions in 0..=1 apart so that neighbours are at least
/// `gap` apart, keeping their order and staying within 0..=1. Where `gap`
/// cannot fit, the positions are spread evenly.
pub fn spread(positions: &[f64], gap: f64) -> Vec<f64> {
    let n = positions.len();
    if n < 2 {
        return positions.iter().map(|&p| fit(p, 0.0, 1.0)).collect();
    }
    let gap = gap.min(1.0 / (n - 1) as f64).max(0.0);
    let mut out: Vec<f64> = positions.to_vec();
    // Forward: push each right of its left neighbour.
    for i in 0..n {
        let floor = if i == 0 { 0.0 } else { out[i - 1] + gap };
        out[i] = out[i].max(floor);
    }
    // Backward: pull back inside the axis, keeping the gap.
    for i in (0..n).rev() {
        let ceiling = if i == n - 1 { 1.0 } else { out[i + 1] - gap };
        out[i] = out[i].min(ceiling);
    }
    out
}

/// `x` written with exactly `places` decimals (at most 6), rounded half
/// away from zero, for CSS and SVG attributes: `fixed(12.34567, 3)` is
/// `"12.346"`. Integer arithmetic only, so the WebAssembly build carries no
/// floating-point formatting code (about 10 KB).
pub fn fixed(x: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10_i64.pow(places);
    let scaled = (x * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, frac) = (scaled.abs() / scale, scaled.abs() % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0width$}", width = places as usize)
    }
}

#[cfg(test)]
mod tests;
