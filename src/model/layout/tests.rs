//! Tests of the axis arithmetic.

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
        resolved_by: None,
        media: vec![],
        notes: None,
    };
    Entry {
        event,
        start: PartialDate::parse(start).unwrap(),
        end: end.map(|e| PartialDate::parse(e).unwrap()),
    }
}

#[test]
fn year_steps_keep_the_labels_few() {
    assert_eq!(year_step(1), 1);
    assert_eq!(year_step(12), 1);
    assert_eq!(year_step(13), 2);
    assert_eq!(year_step(60), 5);
    assert_eq!(year_step(7_002), 1_000);
    assert_eq!(year_step(9_000), 1_000);
    for years in 1..20_000_i32 {
        let step = year_step(years);
        assert!((years + step - 1) / step <= YEAR_LABELS, "{years}");
    }
}

#[test]
fn a_mistyped_year_does_not_multiply_the_ticks() {
    // The 2025 event dated 9025 by a one-digit typo.
    let typo = [
        entry("2024-03", None),
        entry("2024-07-21", Some("2027-07")),
        entry("9025-11-18", None),
    ];
    let axis = layout(&typo, &[0, 1, 2], Some(days_from_civil(2026, 11, 29)), 0.1);
    assert!(axis.years.len() <= 13, "{} year ticks", axis.years.len());
    assert!(axis.months.is_empty(), "no month ticks over millennia");
    assert_eq!(axis.years.first().map(|t| t.year), Some(2000));
    assert_eq!(axis.years.last().map(|t| t.year), Some(10_000));
    assert!(axis
        .years
        .windows(2)
        .all(|w| w[1].year - w[0].year == 1_000));
    // The widest span the validator accepts.
    let widest = [entry("1000-01-01", None), entry("9999-12-31", None)];
    let axis = layout(&widest, &[0, 1], None, 0.1);
    assert!(axis.years.len() + axis.months.len() <= 13);
    for p in &axis.placements {
        assert!((0.0..=1.0).contains(&p.marker));
    }
    // Every tick stays on the axis, in order.
    assert!(axis.years.windows(2).all(|w| w[0].pos < w[1].pos));
    assert_eq!(axis.years.first().map(|t| t.pos), Some(0.0));
    assert_eq!(axis.years.last().map(|t| t.pos), Some(1.0));
}

#[test]
fn a_short_span_keeps_a_tick_per_year_and_month() {
    let real = [entry("2024-03", None), entry("2024-07-21", Some("2027-07"))];
    let axis = layout(&real, &[0, 1], None, 0.1);
    let years: Vec<i32> = axis.years.iter().map(|t| t.year).collect();
    assert_eq!(years, [2024, 2025, 2026, 2027, 2028]);
    assert_eq!(axis.months.len(), 4 * 11);
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

#[test]
fn labels_alternate_by_their_place_in_the_whole_set() {
    assert!(label_below(0));
    assert!(!label_below(1));
    assert!(label_below(10), "the first of the second page of ten");
    assert!(!label_below(11));
}

#[test]
fn a_month_tick_names_its_month() {
    let tick = MonthTick {
        year: 2024,
        month: 9,
        pos: 0.5,
        labelled: true,
    };
    assert_eq!(tick.date().english(), "September 2024");
}

#[test]
fn one_page_spans_every_entry_and_pages_span_themselves() {
    let entries = [
        entry("2024-03", None),
        entry("2024-07-21", None),
        entry("2030-01-01", None),
    ];
    // All shown events fit: the axis spans every entry, even hidden ones.
    let whole = axis_for(&entries, &[0, 1], 2, 10, None, 0.1);
    assert_eq!(whole, layout(&entries, &[0, 1], None, 0.1));
    assert_eq!(whole.years.last().map(|t| t.year), Some(2031));
    // More than a window: the page alone, here by months.
    let page = axis_for(&entries, &[0, 1], 12, 10, None, 0.1);
    assert_eq!(page, layout_page(&entries, &[0, 1], None, 0.1));
    assert!(page.years.is_empty());
}

#[test]
fn fit_keeps_a_value_within_its_bounds_as_clamp_did() {
    assert_eq!(fit(0.5, 0.0, 1.0), 0.5);
    assert_eq!(fit(-2.0, 0.0, 1.0), 0.0);
    assert_eq!(fit(3.0, 0.0, 1.0), 1.0);
    assert_eq!(fit(1.0, 0.0, 1.0), 1.0);
    // Where `f64::clamp` would panic (and abort the app), `fit` answers.
    assert_eq!(fit(f64::NAN, 0.0, 1.0), 0.0);
    assert_eq!(fit(0.5, 1.0, 0.0), 0.0);
}
