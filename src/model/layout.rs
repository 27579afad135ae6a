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

use super::date::{civil_from_days, days_from_civil};
use super::validate::Entry;

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
            days_from_civil(first_year, 1, 1),
            days_from_civil(last_year + 1, 1, 1),
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

    // Every first of a month on the axis, its closing end included.
    let firsts = (first_year..)
        .flat_map(|year| (1..=12).map(move |m| (year, m)))
        .skip(usize::from(if by_month { first_month } else { 1 }) - 1)
        .map(|(year, month)| (year, month, days_from_civil(year, month, 1)))
        .take_while(|&(_, _, day)| day <= axis_end);
    let (years, months) = if by_month {
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
        let (years, months): (Vec<_>, Vec<_>) = firsts.partition(|&(_, month, _)| month == 1);
        (
            years
                .into_iter()
                .map(|(year, _, day)| YearTick { year, pos: at(day) })
                .collect(),
            months
                .into_iter()
                .map(|(year, month, day)| MonthTick {
                    year,
                    month,
                    pos: at(day),
                    labelled: false,
                })
                .collect(),
        )
    };
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

/// Moves ordered positions in 0..=1 apart so that neighbours are at least
/// `gap` apart, keeping their order and staying within 0..=1. Where `gap`
/// cannot fit, the positions are spread evenly.
pub fn spread(positions: &[f64], gap: f64) -> Vec<f64> {
    let n = positions.len();
    if n < 2 {
        return positions.iter().map(|p| p.clamp(0.0, 1.0)).collect();
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
mod tests {
    use super::*;
    use crate::model::date::PartialDate;
    use crate::model::schema::{Event, Kind, Localized, Status};

    fn entry(start: &str, end: Option<&str>) -> Entry {
        let event = Event {
            id: format!("e-{start}"),
            kind: Kind::Visit,
            date: start.into(),
            end: None,
            status: Status::TookPlace,
            place: None,
            organisations: vec![],
            title: Localized::default(),
            summary: Localized::default(),
            participants: vec![],
            quotes: vec![],
            sources: vec![],
            notes: None,
        };
        Entry {
            event,
            start: PartialDate::parse(start).unwrap(),
            end: end.map(|e| PartialDate::parse(e).unwrap()),
        }
    }

    #[test]
    fn axis_spans_whole_years_including_ends_and_today() {
        let entries = [entry("2024-03", None), entry("2024-07-21", Some("2027-07"))];
        let l = layout(&entries, &[0, 1], Some(days_from_civil(2026, 11, 27)), 0.0);
        assert_eq!(l.first_day, days_from_civil(2024, 1, 1));
        assert_eq!(l.last_day, days_from_civil(2027, 12, 31));
        assert_eq!(
            l.years.iter().map(|t| t.year).collect::<Vec<_>>(),
            [2024, 2025, 2026, 2027, 2028]
        );
        assert_eq!(l.years[0].pos, 0.0);
        assert_eq!(l.years[4].pos, 1.0);
        assert_eq!(l.months.len(), 4 * 11);
        let today = l.today.unwrap();
        assert!(today > l.years[2].pos && today < l.years[3].pos);
    }

    #[test]
    fn month_precision_marks_the_middle_of_its_month() {
        let entries = [entry("2024-03", None), entry("2024-07-21", None)];
        let l = layout(&entries, &[0, 1], None, 0.0);
        let march = &l.placements[0];
        let days = 366.0;
        let march_first = (31.0 + 29.0) / days;
        let april_first = (31.0 + 29.0 + 31.0) / days;
        assert!((march.from - march_first).abs() < 1e-9);
        assert!((march.to - april_first).abs() < 1e-9);
        assert!((march.marker - (march_first + april_first) / 2.0).abs() < 1e-9);
        assert!(march.marker > march_first + 0.01, "not on the 1st");
    }

    #[test]
    fn close_events_keep_order_and_gap() {
        let entries = [
            entry("2024-07-20", None),
            entry("2024-07-21", Some("2027-07")),
            entry("2024", None),
        ];
        let l = layout(&entries, &[0, 1, 2], None, 0.05);
        let labels: Vec<f64> = l.placements.iter().map(|p| p.label).collect();
        assert!(labels[1] - labels[0] >= 0.05 - 1e-12);
        assert!(
            labels[2] - labels[1] >= 0.05 - 1e-12,
            "the year-precision event stays after the signing"
        );
        // Markers stay where the dates put them.
        let day = 1.0 / (4.0 * 365.25);
        assert!((l.placements[1].marker - l.placements[0].marker - day).abs() < 1e-6);
        let year = &l.placements[2];
        assert_eq!(year.from, 0.0);
        assert!(
            (year.marker - year.to / 2.0).abs() < 1e-9,
            "a year's marker sits mid-year"
        );
    }

    #[test]
    fn hidden_events_leave_the_axis_but_not_its_span() {
        let entries = [
            entry("2024-03", None),
            entry("2024-07-21", Some("2027-07")),
            entry("2025-11-18", None),
        ];
        let all = layout(&entries, &[0, 1, 2], None, 0.0);
        let some = layout(&entries, &[0, 2], None, 0.0);
        assert_eq!(some.placements.len(), 2);
        assert_eq!(
            (some.first_day, some.last_day),
            (all.first_day, all.last_day)
        );
        assert_eq!(some.placements[1], all.placements[2]);
    }

    #[test]
    fn spread_stays_inside_and_evens_out_when_crowded() {
        assert_eq!(spread(&[0.99, 1.0], 0.1), vec![0.9, 1.0]);
        let crowded = spread(&[0.5; 5], 0.5);
        for w in crowded.windows(2) {
            assert!((w[1] - w[0] - 0.25).abs() < 1e-9);
        }
        assert_eq!(spread(&[0.3], 0.1), vec![0.3]);
        assert!(spread(&[], 0.1).is_empty());
    }

    #[test]
    fn fixed_matches_float_formatting() {
        assert_eq!(fixed(12.34567, 3), "12.346");
        assert_eq!(fixed(0.0, 2), "0.00");
        assert_eq!(fixed(-0.5, 0), "-1");
        assert_eq!(fixed(-0.0004, 3), "0.000");
        assert_eq!(fixed(100.0, 3), "100.000");
        for i in 0..2000 {
            let x = f64::from(i) * 0.0617 - 37.0;
            let written = fixed(x, 3);
            let (_, decimals) = written.split_once('.').unwrap();
            assert_eq!(decimals.len(), 3, "{written}");
            let back: f64 = written.parse().unwrap();
            assert!(
                (back - x).abs() <= 0.0005 + 1e-9,
                "{x} written as {written}"
            );
        }
    }

    fn firsts_of(l: &AxisLayout) -> Vec<(i32, u8, bool)> {
        l.months
            .iter()
            .map(|m| (m.year, m.month, m.labelled))
            .collect()
    }

    #[test]
    fn a_page_spans_its_own_events_and_today_only_marks_it() {
        let entries = [
            entry("2000-05-01", None),
            entry("2010-03", None),
            entry("2011-07-21", Some("2012-07")),
            entry("2030", None),
        ];
        let today = days_from_civil(2026, 11, 27);
        let l = layout_page(&entries, &[1, 2], Some(today), 0.1);
        assert_eq!(l.first_day, days_from_civil(2010, 1, 1));
        assert_eq!(
            l.last_day,
            days_from_civil(2012, 12, 31),
            "the term's end counts"
        );
        assert_eq!(
            l.years.iter().map(|t| t.year).collect::<Vec<_>>(),
            [2010, 2011, 2012, 2013]
        );
        assert!(l.months.iter().all(|m| !m.labelled && m.month != 1));
        assert_eq!(
            l.today, None,
            "today is off this page's axis and does not widen it"
        );
        let inside = layout_page(&entries, &[1, 2], Some(days_from_civil(2011, 1, 1)), 0.1);
        assert_eq!(inside.today, Some(365.0 / 1096.0), "2012 is a leap year");
        assert_eq!(inside.placements, l.placements);
        assert!((l.placements[0].marker - (31.0 + 28.0 + 15.5) / 1096.0).abs() < 1e-9);
    }

    #[test]
    fn a_page_within_a_year_runs_by_months() {
        let entries = [
            entry("2000-01-05", None),
            entry("2000-01-20", None),
            entry("2000-02", None),
        ];
        let l = layout_page(&entries, &[0, 1, 2], None, 0.1);
        assert_eq!(l.first_day, days_from_civil(2000, 1, 1));
        assert_eq!(l.last_day, days_from_civil(2000, 2, 29));
        assert!(l.years.is_empty());
        assert_eq!(
            firsts_of(&l),
            [(2000, 1, true), (2000, 2, true), (2000, 3, true)]
        );
        assert_eq!(l.months[1].pos, 31.0 / 60.0);
        assert!((l.placements[2].from - 31.0 / 60.0).abs() < 1e-12);
        assert_eq!(l.placements[2].to, 1.0);
        // Over a year's end, and a single event.
        let entries = [entry("1999-12-30", None), entry("2000-01-02", None)];
        let l = layout_page(&entries, &[0, 1], None, 0.1);
        assert_eq!(
            firsts_of(&l),
            [(1999, 12, true), (2000, 1, true), (2000, 2, true)]
        );
        let one = layout_page(&entries, &[1], None, 0.1);
        assert_eq!(firsts_of(&one), [(2000, 1, true), (2000, 2, true)]);
        assert_eq!(one.placements[0].marker, 1.5 / 31.0);
    }

    #[test]
    fn a_long_axis_of_months_names_every_third_month() {
        let entries = [entry("2000-01-15", None), entry("2000-12-10", None)];
        let l = layout_page(&entries, &[0, 1], None, 0.1);
        let named: Vec<(i32, u8)> = l
            .months
            .iter()
            .filter(|m| m.labelled)
            .map(|m| (m.year, m.month))
            .collect();
        assert_eq!(l.months.len(), 13);
        assert_eq!(
            named,
            [(2000, 1), (2000, 4), (2000, 7), (2000, 10), (2001, 1)]
        );
        // A whole layout never runs by months: filters do not change its scale.
        let whole = layout(&entries, &[0, 1], None, 0.1);
        assert_eq!(whole.years.len(), 2);
        assert!(whole.months.iter().all(|m| !m.labelled));
    }
}
