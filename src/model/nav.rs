//! Moving through the events that are shown: Previous/Next, the arrow keys,
//! Home/End, what stays selected when a filter hides the selection, and
//! the page of markers the axis shows when there are too many for it.
//!
//! Indices are positions in [`super::Timeline::entries`]; `visible` lists
//! the shown ones in increasing order, so every look-up is a binary search:
//! a move costs the same among 10 events or 10,000.

use std::ops::Range;

/// The most markers the axis shows at once: about as many as fit along it
/// with their labels apart (`render::drawing::LABEL_GAP`). With more shown
/// events, the axis shows a page of this many, and a bar to turn it.
pub const MARKERS_PER_PAGE: usize = 10;

/// A move through the shown events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    First,
    Last,
}

/// The move a key asks for among the markers (`KeyboardEvent.key`):
/// ←/↑ and →/↓ step (the same keys serve the horizontal axis and the
/// vertical list), Home and End jump to the ends.
pub fn key_step(key: &str) -> Option<Step> {
    match key {
        "ArrowRight" | "ArrowDown" => Some(Step::Next),
        "ArrowLeft" | "ArrowUp" => Some(Step::Previous),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        _ => None,
    }
}

/// The least horizontal travel, in CSS pixels, that counts as a swipe.
pub const SWIPE_MIN: f64 = 50.0;

/// The move a touch from start to end (`dx`, `dy` in CSS pixels) asks for:
/// a swipe left is Next, right is Previous; it must travel at least
/// [`SWIPE_MIN`] and be clearly more horizontal than vertical, so a page
/// scroll is never taken for a swipe.
pub fn swipe(dx: f64, dy: f64) -> Option<Step> {
    let horizontal = dx.abs() >= SWIPE_MIN && dx.abs() > 2.0 * dy.abs();
    horizontal.then_some(if dx < 0.0 { Step::Next } else { Step::Previous })
}

/// Where `step` leads from `current`, or `None` when there is nowhere to go
/// (nothing shown, or already at that end). From an event that is not
/// shown, Next goes to the first shown event after it, Previous to the last
/// before it.
pub fn step(visible: &[usize], current: usize, step: Step) -> Option<usize> {
    let target = match step {
        Step::First => visible.first().copied(),
        Step::Last => visible.last().copied(),
        Step::Next => visible
            .get(visible.partition_point(|&i| i <= current))
            .copied(),
        Step::Previous => visible
            .partition_point(|&i| i < current)
            .checked_sub(1)
            .and_then(|p| visible.get(p).copied()),
    };
    target.filter(|&t| t != current)
}

/// The event to select: `wanted` if it is shown, else the first shown one.
pub fn resolve(visible: &[usize], wanted: Option<usize>) -> Option<usize> {
    wanted
        .filter(|w| visible.binary_search(w).is_ok())
        .or_else(|| visible.first().copied())
}

/// 1-based position of `current` among the shown events.
pub fn position(visible: &[usize], current: usize) -> Option<usize> {
    visible.binary_search(&current).ok().map(|p| p + 1)
}

/// The page of at most `window` consecutive shown events that holds
/// `focused`, as positions in `visible`. Pages start at multiples of
/// `window` (the last one may be shorter), so a move within a page keeps
/// it; with `window` or fewer events shown there is one page of them all.
/// An event that is not shown counts as the first shown one after it.
pub fn page(visible: &[usize], focused: usize, window: usize) -> Range<usize> {
    let n = visible.len();
    if window == 0 || n <= window {
        return 0..n;
    }
    let at = visible.partition_point(|&i| i < focused).min(n - 1);
    let start = at / window * window;
    start..(start + window).min(n)
}

/// Where a page turn leads from `page` (of [`page`]) among `len` shown
/// events: the position of the first event of the earlier (`Previous`),
/// later (`Next`), first or last page; `None` when that is this page.
pub fn turn(len: usize, page: &Range<usize>, window: usize, step: Step) -> Option<usize> {
    if window == 0 || len == 0 {
        return None;
    }
    let target = match step {
        Step::First => 0,
        Step::Last => (len - 1) / window * window,
        Step::Previous => page.start.checked_sub(window)?,
        Step::Next => Some(page.end).filter(|&e| e < len)?,
    };
    (target != page.start).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_moves() {
        assert_eq!(key_step("ArrowRight"), Some(Step::Next));
        assert_eq!(key_step("ArrowDown"), Some(Step::Next));
        assert_eq!(key_step("ArrowLeft"), Some(Step::Previous));
        assert_eq!(key_step("ArrowUp"), Some(Step::Previous));
        assert_eq!(key_step("Home"), Some(Step::First));
        assert_eq!(key_step("End"), Some(Step::Last));
        assert_eq!(key_step("Enter"), None);
        assert_eq!(key_step("a"), None);
    }

    #[test]
    fn swipes_are_long_and_mostly_horizontal() {
        assert_eq!(swipe(-60.0, 10.0), Some(Step::Next));
        assert_eq!(swipe(60.0, -10.0), Some(Step::Previous));
        assert_eq!(
            swipe(-SWIPE_MIN, 0.0),
            Some(Step::Next),
            "exactly the minimum"
        );
        assert_eq!(swipe(-49.0, 0.0), None, "too short");
        assert_eq!(swipe(-80.0, 40.0), None, "as much down as across: a scroll");
        assert_eq!(swipe(0.0, 300.0), None);
    }

    #[test]
    fn steps_through_shown_events_only() {
        let visible = [0, 2, 5];
        assert_eq!(step(&visible, 0, Step::Next), Some(2));
        assert_eq!(step(&visible, 2, Step::Next), Some(5));
        assert_eq!(step(&visible, 5, Step::Next), None);
        assert_eq!(step(&visible, 5, Step::Previous), Some(2));
        assert_eq!(step(&visible, 0, Step::Previous), None);
        assert_eq!(step(&visible, 2, Step::First), Some(0));
        assert_eq!(step(&visible, 2, Step::Last), Some(5));
        assert_eq!(step(&visible, 5, Step::Last), None);
    }

    #[test]
    fn steps_from_a_hidden_event_to_its_neighbours() {
        let visible = [0, 2, 5];
        assert_eq!(step(&visible, 3, Step::Next), Some(5));
        assert_eq!(step(&visible, 3, Step::Previous), Some(2));
        assert_eq!(step(&[], 3, Step::Next), None);
    }

    #[test]
    fn a_hidden_selection_falls_back_to_the_first_shown() {
        assert_eq!(resolve(&[1, 3], Some(3)), Some(3));
        assert_eq!(resolve(&[1, 3], Some(2)), Some(1));
        assert_eq!(resolve(&[1, 3], None), Some(1));
        assert_eq!(resolve(&[], Some(0)), None);
        assert_eq!(position(&[1, 3], 3), Some(2));
        assert_eq!(position(&[1, 3], 2), None);
    }

    #[test]
    fn few_events_make_one_page() {
        assert_eq!(page(&[], 0, 10), 0..0);
        assert_eq!(page(&[0, 2, 5], 5, 10), 0..3);
        assert_eq!(page(&[0, 2, 5], 5, 3), 0..3, "exactly a window");
        assert_eq!(turn(3, &(0..3), 10, Step::Next), None);
        assert_eq!(turn(3, &(0..3), 10, Step::Previous), None);
    }

    #[test]
    fn pages_hold_the_focused_event_and_start_at_multiples_of_the_window() {
        let visible: Vec<usize> = (0..45).map(|i| i * 2).collect();
        assert_eq!(page(&visible, 0, 10), 0..10);
        assert_eq!(
            page(&visible, 18, 10),
            0..10,
            "position 9: still the first page"
        );
        assert_eq!(
            page(&visible, 20, 10),
            10..20,
            "position 10 opens the second"
        );
        assert_eq!(page(&visible, 88, 10), 40..45, "the last page is shorter");
        assert_eq!(
            page(&visible, 21, 10),
            10..20,
            "a hidden event: the next shown one"
        );
        assert_eq!(
            page(&visible, 1000, 10),
            40..45,
            "past the end: the last page"
        );
        // Moving within a page keeps it; a step over its edge turns it.
        let at = |i: usize| page(&visible, visible[i], 10);
        assert!((10..20).all(|i| at(i) == (10..20)));
        assert_ne!(at(19), at(20));
    }

    #[test]
    fn page_turns_lead_to_the_first_event_of_the_next_or_earlier_page() {
        assert_eq!(turn(45, &(0..10), 10, Step::Next), Some(10));
        assert_eq!(turn(45, &(0..10), 10, Step::Previous), None);
        assert_eq!(turn(45, &(10..20), 10, Step::Previous), Some(0));
        assert_eq!(turn(45, &(30..40), 10, Step::Next), Some(40));
        assert_eq!(turn(45, &(40..45), 10, Step::Next), None);
        assert_eq!(turn(45, &(10..20), 10, Step::First), Some(0));
        assert_eq!(turn(45, &(10..20), 10, Step::Last), Some(40));
        assert_eq!(turn(40, &(10..20), 10, Step::Last), Some(30));
        assert_eq!(turn(45, &(40..45), 10, Step::Last), None);
        assert_eq!(turn(0, &(0..0), 10, Step::Next), None);
    }
}
