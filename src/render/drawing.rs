//! The horizontal axis of one page of shown events, drawn for a frame of a
//! given width, as plain data: where every tick, band, bar, dot and label
//! goes and which names are shown. The app's axis and the
//! build-time first paint (its components rendered on the host) both draw this, so the
//! page the reader first sees is the one the app then takes over.
//!
//! Positions are fractions of the track (0 at its left end, 1 at its
//! right); widths of text are in CSS pixels. The arithmetic is
//! [`crate::model::layout`]'s (fractions of the axis) and
//! [`crate::model::zoom`]'s (the zoom level and what fits in pixels).

use crate::i18n::texts;
use crate::model::date::short_month;
use crate::model::layout::{axis_for, fixed, label_below, AxisLayout, Placement};
use crate::model::nav::MARKERS_PER_PAGE;
use crate::model::zoom::{self, centred_within, keep_apart, text_width, tick_name_box, Zoom};
use crate::model::{Entry, Lang, Precision};

/// The least distance between neighbouring labels, as a share of the axis.
/// Labels alternate below and above the axis, so labels on one side are
/// twice this apart (the CSS makes a label at most that wide).
pub const LABEL_GAP: f64 = 0.1;

/// The widest the axis's frame gets: the app's greatest width (72rem) less
/// its padding (2rem), in CSS pixels.
pub const WIDEST_FRAME: f64 = 1120.0;

/// A fraction of the track as a CSS percentage, as both the app and the
/// first paint write positions (three decimals: a thousandth of a percent
/// of a track is under a pixel).
pub fn percent(fraction: f64) -> String {
    fixed(fraction * 100.0, 3) + "%"
}

/// The axis is laid out for its frame's width rounded down to a multiple
/// of this (below [`WIDEST_FRAME`]), so that a band of widths shares one
/// layout: the build-time first paint writes one per band (a container
/// query each), and the app, laying out the same, takes it over without a
/// pixel moving. Up to this much narrower than the frame, the layout only
/// errs on the side of room.
pub const BAND: f64 = 32.0;

/// The width the axis is laid out for in a frame `frame` pixels wide.
pub fn layout_width(frame: f64) -> f64 {
    if frame >= WIDEST_FRAME {
        WIDEST_FRAME
    } else {
        ((frame / BAND).floor() * BAND).max(BAND)
    }
}

/// The font size of tick names, today's name and the term's names
/// (0.75rem), in pixels; and the space between a tick and its name.
const TICK_FONT: f64 = 12.0;
const TERM_FONT: f64 = 12.0;
const TICK_PAD: f64 = 4.0;

/// A year or month tick, and its name if the tick is named at this width.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub pos: f64,
    pub name: Option<String>,
    /// The name is shown: it keeps apart from the names before it.
    pub shown: bool,
    /// A year (or, on an axis of months, a named month): a longer line.
    pub major: bool,
    /// The name sits left of the tick (the closing year), not right.
    pub flip: bool,
}

/// The term of a lasting event: a band, its derived end striped.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub from: f64,
    pub width: f64,
    pub derived: bool,
}

/// A name of a term's start or end: placed by its left edge (the start's)
/// or by its right edge, as a fraction from the track's right end (the
/// end's).
#[derive(Clone, Debug, PartialEq)]
pub struct TermLabel {
    pub name: String,
    /// Shown: it keeps apart from the other names in its row.
    pub shown: bool,
    pub left: Option<f64>,
    pub right: Option<f64>,
}

/// The interval a month or year date may mean.
#[derive(Clone, Debug, PartialEq)]
pub struct Extent {
    pub from: f64,
    pub width: f64,
    pub expected: bool,
    pub year: bool,
}

/// Today's line, and its name centred on it within the track.
#[derive(Clone, Debug, PartialEq)]
pub struct Today {
    pub pos: f64,
    pub name: &'static str,
    /// The name's left edge (a fraction) and its width in pixels.
    pub label_left: f64,
    pub label_width: f64,
}

/// One event on the axis: its dot, and its label (joined to the dot by a
/// leader line), below the axis or above it.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// The event's index among the entries.
    pub index: usize,
    pub dot: f64,
    pub label: f64,
    pub below: bool,
    pub expected: bool,
}

impl Mark {
    /// The box of the leader line from the dot to the label: its left
    /// edge and width (fractions of the track), and the CSS transform that
    /// turns the line drawn from its top left to its bottom right into the
    /// line from the dot (on the axis, at the box's top below the axis or
    /// its bottom above) to the label.
    pub fn leader(&self) -> (f64, f64, &'static str) {
        let flip_x = self.label < self.dot;
        let transform = match (flip_x, self.below) {
            (false, true) => "none",
            (true, true) => "scaleX(-1)",
            (false, false) => "scaleY(-1)",
            (true, false) => "scale(-1)",
        };
        (
            self.dot.min(self.label),
            (self.label - self.dot).abs(),
            transform,
        )
    }
}

/// Everything on the axis of one page, for one frame width.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// The zoom level drawn, and the track's width in frame widths.
    pub level: Zoom,
    /// The track's width in pixels, and each event label's.
    pub track: f64,
    pub label_width: f64,
    pub ticks: Vec<Tick>,
    pub terms: Vec<Term>,
    pub term_labels: Vec<TermLabel>,
    pub extents: Vec<Extent>,
    pub today: Option<Today>,
    pub marks: Vec<Mark>,
}

/// What is drawn, and how: which events, where they stand among the shown
/// ones, today, the frame's width and the zoom the reader chose.
pub struct Page<'a> {
    pub entries: &'a [Entry],
    /// The events on this page (indices into `entries`, in date order).
    pub shown: &'a [usize],
    /// The position of the page's first event among the `total` shown.
    pub first: usize,
    pub total: usize,
    /// Today, as a day number.
    pub today: Option<i64>,
    pub lang: Lang,
}

/// Draws `page` for a frame `frame` pixels wide at the level `chosen` (the
/// default frame if `None`), never below what the labels need
/// (laid out for [`layout_width`]).
pub fn draw(page: &Page, frame: f64, chosen: Option<Zoom>) -> Drawing {
    let frame = layout_width(frame);
    let entries = page.entries;
    let mut axis = axis_for(
        entries,
        page.shown,
        page.total,
        MARKERS_PER_PAGE,
        page.today,
        LABEL_GAP,
    );
    let imprecise: Vec<bool> = page
        .shown
        .iter()
        .map(|&i| entries[i].start.precision() != Precision::Day)
        .collect();
    let per_side = zoom::most_per_side(page.first, page.shown.len());
    let level = chosen
        .unwrap_or_else(|| zoom::default_zoom(&axis, &imprecise, frame, per_side))
        .max(zoom::least_zoom(frame, per_side));
    let track = level.track(frame);
    let label_width = zoom::arrange(&mut axis, &imprecise, page.first, track);
    let placed: Vec<(&Entry, &Placement)> = page
        .shown
        .iter()
        .map(|&i| &entries[i])
        .zip(&axis.placements)
        .collect();
    let (terms, term_labels) = terms(&placed, track, page.lang);
    Drawing {
        level,
        track,
        label_width,
        ticks: ticks(&axis, track, page.lang),
        terms,
        term_labels,
        extents: placed
            .iter()
            .filter(|(entry, _)| entry.start.precision() != Precision::Day)
            .map(|(entry, place)| Extent {
                from: place.from,
                width: place.to - place.from,
                expected: entry.event.pending(),
                year: entry.start.precision() == Precision::Year,
            })
            .collect(),
        today: axis.today.map(|pos| {
            let name = texts(page.lang).today;
            let width = text_width(name, TICK_FONT) + 8.0;
            Today {
                pos,
                name,
                label_left: centred_within(pos * track, width, track) / track,
                label_width: width,
            }
        }),
        marks: page
            .shown
            .iter()
            .zip(&axis.placements)
            .enumerate()
            .map(|(n, (&index, place))| Mark {
                index,
                dot: place.marker,
                label: place.label,
                below: label_below(page.first + n),
                expected: entries[index].event.pending(),
            })
            .collect(),
    }
}

/// Year and month ticks. Names start just right of their tick (or left of
/// it at the track's end); years come first when names would meet.
fn ticks(axis: &AxisLayout, track: f64, lang: Lang) -> Vec<Tick> {
    let by_month = axis.years.is_empty();
    let mut ticks: Vec<Tick> = axis
        .years
        .iter()
        .map(|y| (y.pos, Some(y.year.to_string()), true))
        .chain(axis.months.iter().map(|m| {
            let name = m.labelled.then(|| {
                if by_month {
                    m.date().written(lang)
                } else {
                    short_month(m.month, lang)
                }
            });
            (m.pos, name, by_month)
        }))
        .map(|(pos, name, major)| Tick {
            pos,
            name,
            shown: false,
            major,
            flip: false,
        })
        .collect();
    let boxes: Vec<(f64, f64)> = ticks
        .iter_mut()
        .map(|tick| match &tick.name {
            Some(n) => {
                let (l, r, flip) =
                    tick_name_box(tick.pos * track, text_width(n, TICK_FONT), TICK_PAD, track);
                tick.flip = flip;
                (l, r)
            }
            None => (0.0, f64::INFINITY),
        })
        .collect();
    for (tick, keep) in ticks.iter_mut().zip(keep_apart(&boxes, track)) {
        tick.shown = keep && tick.name.is_some();
    }
    ticks
}

/// Each term: a band; and its start and end named at its ends, in a row of
/// their own (the end first, where both do not fit).
fn terms(placed: &[(&Entry, &Placement)], track: f64, lang: Lang) -> (Vec<Term>, Vec<TermLabel>) {
    let t = texts(lang);
    let mut boxes = Vec::new();
    let mut names = Vec::new();
    let bands = placed
        .iter()
        .filter_map(|(entry, place)| {
            let end = place.end?;
            let derived = entry.event.end.as_ref().is_some_and(|e| e.derived);
            let end_date = entry.end.map(|d| d.written(lang)).unwrap_or_default();
            let end_name = if derived {
                (t.term_ends_derived)(&end_date)
            } else {
                (t.term_ends)(&end_date)
            };
            let (l, r) = (place.from * track, end * track);
            boxes.push((r - text_width(&end_name, TERM_FONT), r));
            names.push(TermLabel {
                name: end_name,
                shown: false,
                left: None,
                right: Some(1.0 - r / track),
            });
            boxes.push((l, l + text_width(t.term, TERM_FONT)));
            names.push(TermLabel {
                name: t.term.to_string(),
                shown: false,
                left: Some(l / track),
                right: None,
            });
            Some(Term {
                from: place.from,
                width: end - place.from,
                derived,
            })
        })
        .collect();
    for (label, keep) in names.iter_mut().zip(keep_apart(&boxes, track)) {
        label.shown = keep;
    }
    (bands, names)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::days_from_civil;
    use crate::model::load;

    fn shipped() -> crate::model::Timeline {
        load(include_str!("../../public/data/timeline.json")).unwrap()
    }

    #[test]
    fn the_default_frame_keeps_the_2024_events_apart_and_names_never_meet() {
        let timeline = shipped();
        let shown: Vec<usize> = (0..timeline.entries.len()).collect();
        let page = Page {
            entries: &timeline.entries,
            shown: &shown,
            first: 0,
            total: shown.len(),
            today: Some(days_from_civil(2026, 11, 29)),
            lang: Lang::En,
        };
        for frame in [736.0, 1120.0] {
            let d = draw(&page, frame, None);
            assert_eq!(d.marks.len(), shown.len());
            for w in d.marks.windows(2) {
                assert!((w[1].dot - w[0].dot) * d.track >= 24.0, "{frame}: {w:?}");
            }
            // Below and above alternate.
            assert!(d.marks[0].below && !d.marks[1].below);
            let named: Vec<&Tick> = d.ticks.iter().filter(|t| t.shown).collect();
            assert!(named.iter().any(|t| t.name.as_deref() == Some("2024")));
            assert!(d.today.is_some());
            assert_eq!(d.terms.len(), 1);
            assert!(d.terms[0].derived);
        }
        // A band of widths shares one layout.
        assert_eq!(draw(&page, 1000.0, None), draw(&page, 1023.5, None));
        assert_eq!(layout_width(1500.0), WIDEST_FRAME);
        assert_eq!(layout_width(1119.9), 1088.0);
        // A chosen level is kept; fit is never below what labels need.
        let fit = draw(&page, 1120.0, Some(Zoom::FIT));
        assert_eq!(fit.level, Zoom::FIT);
        assert_eq!(fit.track, 1120.0);
    }
}
