//! Tests of zoom, fit, pan and the pixel-level layout.

use super::*;
use crate::model::date::days_from_civil;
use crate::model::layout::{layout, layout_page, AxisLayout, Placement};
use crate::model::{load, Precision, Timeline};

fn shipped() -> Timeline {
    load(include_str!("../../../public/data/timeline.json")).unwrap()
}

/// The shipped axis as the app lays it out today (29 November 2026).
fn shipped_axis(t: &Timeline) -> (AxisLayout, Vec<bool>) {
    let all: Vec<usize> = (0..t.entries.len()).collect();
    let today = days_from_civil(2026, 11, 29);
    let axis = layout(&t.entries, &all, Some(today), 0.1);
    let imprecise = t
        .entries
        .iter()
        .map(|e| e.start.precision() != Precision::Day)
        .collect();
    (axis, imprecise)
}

fn place(from: f64, to: f64) -> Placement {
    Placement {
        marker: (from + to) / 2.0,
        label: (from + to) / 2.0,
        from,
        to,
        end: None,
    }
}

fn axis_of(placements: Vec<Placement>) -> AxisLayout {
    AxisLayout {
        first_day: 0,
        last_day: 365 * 4 - 1,
        placements,
        years: vec![],
        months: vec![],
        today: None,
    }
}

#[test]
fn levels_step_and_read_from_the_url() {
    assert_eq!(Zoom::default(), Zoom::FIT);
    assert_eq!(Zoom::FIT.factor(), 1.0);
    assert_eq!(Zoom::MAX.factor(), 8.0);
    assert_eq!(Zoom::FIT.step(ZoomStep::Out), None);
    assert_eq!(Zoom::MAX.step(ZoomStep::In), None);
    let mut z = Zoom::FIT;
    let mut factors = vec![z.factor()];
    while let Some(next) = z.step(ZoomStep::In) {
        assert!(next.factor() > z.factor());
        assert_eq!(next.step(ZoomStep::Out), Some(z));
        z = next;
        factors.push(z.factor());
    }
    assert_eq!(factors, [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0]);
    for z in Zoom::all() {
        assert_eq!(Zoom::from_param(z.param()), Some(z));
    }
    for bad in ["", "0", "2.0", "16", "fit", "-1", "1e0", " 2"] {
        assert_eq!(Zoom::from_param(bad), None, "{bad}");
    }
    assert_eq!(Zoom::from_param("3").unwrap().track(800.0), 2400.0);
}

#[test]
fn keys_wheel_and_pinch_map_to_steps() {
    assert_eq!(key_zoom("+"), Some(ZoomStep::In));
    assert_eq!(key_zoom("="), Some(ZoomStep::In));
    assert_eq!(key_zoom("-"), Some(ZoomStep::Out));
    assert_eq!(key_zoom("ArrowLeft"), None);
    assert_eq!(key_zoom("a"), None);
    assert_eq!(wheel_zoom(-100.0), Some(ZoomStep::In));
    assert_eq!(wheel_zoom(3.0), Some(ZoomStep::Out));
    assert_eq!(wheel_zoom(0.0), None);
    assert_eq!(pinch_zoom(100.0, 130.0), Some(ZoomStep::In));
    assert_eq!(pinch_zoom(100.0, 110.0), None);
    assert_eq!(pinch_zoom(100.0, 79.0), Some(ZoomStep::Out));
    assert_eq!(pinch_zoom(0.0, 79.0), None);
    assert_eq!(pinch_zoom(100.0, f64::NAN), None);
}

#[test]
fn the_default_frame_keeps_the_2024_events_apart() {
    let t = shipped();
    let (axis, imprecise) = shipped_axis(&t);
    // The frames the axis has at a 800 px and a 1280 px window (the page's
    // padding taken off), and a little narrower and wider.
    for frame in [720.0, 768.0, 900.0, 1120.0, 1400.0] {
        let per_side = most_per_side(0, axis.placements.len());
        let zoom = default_zoom(&axis, &imprecise, frame, per_side);
        let track = zoom.track(frame);
        let mut fitted = axis.clone();
        arrange(&mut fitted, &imprecise, 0, track);
        let mut marks: Vec<f64> = fitted.placements.iter().map(|p| p.marker * track).collect();
        marks.sort_by(f64::total_cmp);
        for w in marks.windows(2) {
            assert!(w[1] - w[0] >= 24.0, "frame {frame}: {marks:?}");
        }
        // Not zoomed in further than that needs: the story, not one event.
        if let Some(wider) = zoom.step(ZoomStep::Out) {
            assert!(
                !clear(&axis, &imprecise, wider.track(frame)),
                "frame {frame}"
            );
        }
        // At 800 and 1280 px the story needs a zoom: at fit, March and
        // April would be 23 px apart at 1280 px. Wider, it does not.
        assert_eq!(zoom > Zoom::FIT, frame <= 1120.0, "frame {frame}");
        // The frame starts at the first event's year and holds all of 2024.
        assert!(frame / track >= 0.25, "frame {frame}: {}", zoom.param());
    }
}

#[test]
fn an_imprecise_mark_moves_within_its_interval_only() {
    // A day on 0.5, a year from 0.25 to 0.75 after it in date order: the
    // year's middle is the day's, so it moves right, just enough.
    let mut year = place(0.25, 0.75);
    year.marker = 0.5;
    let axis = axis_of(vec![place(0.5, 0.5), year]);
    let marks = settle(&axis, &[false, true], 0.05);
    assert_eq!(marks[0], 0.5);
    assert!((marks[1] - 0.55).abs() < 1e-9);
    // Nowhere to go within its interval: it stays in the middle.
    let axis = axis_of(vec![place(0.5, 0.5), place(0.49, 0.51)]);
    assert_eq!(settle(&axis, &[false, true], 0.05)[1], 0.5);
    // Precise marks never move, however close.
    let axis = axis_of(vec![place(0.5, 0.5), place(0.5, 0.5)]);
    assert_eq!(settle(&axis, &[false, false], 0.05), vec![0.5, 0.5]);
    // A month far from anything keeps its middle.
    let axis = axis_of(vec![place(0.1, 0.2), place(0.8, 0.8)]);
    assert!((settle(&axis, &[true, false], 0.05)[0] - 0.15).abs() < 1e-12);
}

#[test]
fn labels_never_overlap_on_a_side_and_stay_whole_in_the_track() {
    // Ten events on one day: the worst case for a page.
    let axis = axis_of((0..10).map(|_| place(0.5, 0.5)).collect());
    for frame in [720.0, 1120.0] {
        let zoom = least_zoom(frame, most_per_side(0, 10));
        for z in Zoom::all().filter(|z| *z >= zoom) {
            let track = z.track(frame);
            let mut a = axis.clone();
            let width = arrange(&mut a, &[false; 10], 0, track);
            assert!((LABEL_MIN..=LABEL_MAX).contains(&width));
            for below in [true, false] {
                let mut side: Vec<f64> = (0..10)
                    .filter(|&n| label_below(n) == below)
                    .map(|n| a.placements[n].label * track)
                    .collect();
                side.sort_by(f64::total_cmp);
                assert!(side[0] - width / 2.0 >= -1e-6);
                assert!(side[side.len() - 1] + width / 2.0 <= track + 1e-6);
                for w in side.windows(2) {
                    assert!(w[1] - w[0] >= width + LABEL_SPACE - 1e-6);
                }
            }
        }
    }
}

#[test]
fn the_least_zoom_gives_every_label_room() {
    assert_eq!(least_zoom(1120.0, 3), Zoom::FIT);
    assert_eq!(least_zoom(720.0, 5), Zoom::FIT);
    assert_eq!(least_zoom(480.0, 5), Zoom::FIT.step(ZoomStep::In).unwrap());
    assert_eq!(least_zoom(100.0, 1000), Zoom::MAX);
    assert_eq!(most_per_side(0, 5), 3);
    assert_eq!(most_per_side(1, 5), 3);
    assert_eq!(most_per_side(0, 4), 2);
    assert_eq!(label_width(1120.0, 3), LABEL_MAX);
    assert_eq!(label_width(400.0, 5), LABEL_MIN);
}

#[test]
fn spreading_keeps_order_gap_and_bounds() {
    let out = spread_within(&[0.5, 0.5, 0.5], 0.1, 0.05, 0.95);
    assert_eq!(out.len(), 3);
    assert!(out.windows(2).all(|w| w[1] - w[0] >= 0.1 - 1e-12));
    assert!(out.iter().all(|p| (0.05..=0.95).contains(p)));
    // Too many for the gap: spread evenly, in bounds.
    let out = spread_within(&[0.5; 5], 0.5, 0.0, 1.0);
    assert_eq!(out, vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    assert!(spread_within(&[], 0.1, 0.0, 1.0).is_empty());
    assert_eq!(spread_within(&[1.2], 0.1, 0.1, 0.9), vec![0.9]);
}

#[test]
fn ticks_are_named_by_what_the_zoom_gives_them() {
    let t = shipped();
    let (axis, _) = shipped_axis(&t);
    let named = |track: f64| {
        let mut a = axis.clone();
        name_ticks(&mut a, track);
        a.months
            .iter()
            .filter(|m| m.labelled)
            .map(|m| m.month)
            .collect::<Vec<_>>()
    };
    // Four years on 768 px: years only.
    assert!(named(768.0).is_empty());
    // 1,536 px: quarters.
    let q = named(1536.0);
    assert!(
        !q.is_empty() && q.iter().all(|m| [4, 7, 10].contains(m)),
        "{q:?}"
    );
    // 6,144 px: every month.
    let all = named(6144.0);
    assert_eq!(all.len(), axis.months.len());
    // Never more named ticks than fit TICK_LABEL_MIN apart.
    for track in [
        768.0, 1152.0, 1536.0, 2304.0, 3072.0, 4608.0, 6144.0, 9000.0,
    ] {
        let mut a = axis.clone();
        name_ticks(&mut a, track);
        let days = (a.last_day + 1 - a.first_day) as f64;
        let mut at: Vec<f64> = a
            .months
            .iter()
            .filter(|m| m.labelled)
            .map(|m| m.pos)
            .chain(a.years.iter().map(|y| y.pos))
            .map(|p| p * track)
            .collect();
        at.sort_by(f64::total_cmp);
        for w in at.windows(2) {
            assert!(
                w[1] - w[0] >= TICK_LABEL_MIN * 0.9 * 28.0 / 30.44,
                "{track} {days}"
            );
        }
        // The year ticks keep their step, so their count never grows.
        assert_eq!(a.years, axis.years);
    }
}

#[test]
fn an_axis_of_months_names_fewer_as_it_narrows() {
    let t = shipped();
    // The March and April visits alone make an axis of months (a page).
    let page: Vec<usize> = (0..t.entries.len())
        .filter(|&i| t.entries[i].start.precision() == Precision::Month)
        .filter(|&i| t.entries[i].start.iso().starts_with("2024"))
        .collect();
    assert_eq!(page.len(), 2);
    let axis = layout_page(&t.entries, &page, None, 0.1);
    assert!(axis.years.is_empty());
    let count = |track: f64| {
        let mut a = axis.clone();
        name_ticks(&mut a, track);
        a.months.iter().filter(|m| m.labelled).count()
    };
    assert!(count(150.0) < count(3072.0));
    assert!(count(150.0) >= 1);
    assert_eq!(count(100_000.0), axis.months.len());
}

#[test]
fn labels_in_a_row_keep_apart() {
    let kept = keep_apart(
        &[(0.0, 50.0), (40.0, 90.0), (50.0, 100.0), (990.0, 1010.0)],
        1000.0,
    );
    assert_eq!(kept, vec![true, false, true, false]);
    assert!(text_width("Today", 12.0) > 30.0);
    assert!(text_width("今天", 12.0) >= 24.0);
}

#[test]
fn panning_stays_on_the_track_and_zoom_keeps_its_anchor() {
    assert_eq!(clamp_scroll(-5.0, 2000.0, 800.0), 0.0);
    assert_eq!(clamp_scroll(5000.0, 2000.0, 800.0), 1200.0);
    assert_eq!(clamp_scroll(300.0, 700.0, 800.0), 0.0);
    // The point at 0.5 was 400 px from the left of the frame.
    assert_eq!(keep_anchor(0.5, 400.0, 2400.0, 800.0), 800.0);
    assert_eq!(keep_anchor(0.0, 400.0, 2400.0, 800.0), 0.0);
    assert_eq!(keep_anchor(1.0, 0.0, 2400.0, 800.0), 1600.0);
    // Revealing: in view stays; left or right of the frame moves just enough.
    assert_eq!(reveal(100.0, 200.0, 0.0, 800.0, 2400.0, 8.0), 0.0);
    assert_eq!(reveal(1000.0, 1100.0, 0.0, 800.0, 2400.0, 8.0), 308.0);
    assert_eq!(reveal(50.0, 150.0, 500.0, 800.0, 2400.0, 8.0), 42.0);
    // Wider than the frame: its start wins.
    assert_eq!(reveal(1000.0, 2000.0, 0.0, 800.0, 2400.0, 8.0), 992.0);
}

#[test]
fn tick_names_flip_before_the_end_of_the_track() {
    assert_eq!(
        tick_name_box(100.0, 30.0, 4.0, 1000.0),
        (104.0, 134.0, false)
    );
    // The closing year at the very end sits left of its tick.
    assert_eq!(
        tick_name_box(1000.0, 30.0, 4.0, 1000.0),
        (966.0, 996.0, true)
    );
    assert!(!tick_name_box(966.0, 30.0, 4.0, 1000.0).2, "exactly fits");
}

#[test]
fn centred_names_stay_on_the_track() {
    assert_eq!(centred_within(500.0, 40.0, 1000.0), 480.0);
    assert_eq!(centred_within(5.0, 40.0, 1000.0), 0.0);
    assert_eq!(centred_within(995.0, 40.0, 1000.0), 960.0);
    assert_eq!(
        centred_within(10.0, 40.0, 30.0),
        0.0,
        "wider than the track"
    );
}

#[test]
fn only_the_last_step_of_a_gesture_is_announced() {
    let mut gesture = Gesture::default();
    // Five notches of one turn: each asks, once the wheel rests, whether
    // it was the last; only the fifth was.
    let notches: Vec<u32> = (0..5).map(|_| gesture.step()).collect();
    let announced: Vec<u32> = notches
        .into_iter()
        .filter(|n| gesture.is_latest(*n))
        .collect();
    assert_eq!(announced.len(), 1);
    // The next turn is a gesture of its own.
    let next = gesture.step();
    assert!(gesture.is_latest(next));
    assert!(!gesture.is_latest(announced[0]));
}
