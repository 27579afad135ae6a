//! Moving through the events that are shown: Previous/Next, the arrow keys,
//! Home/End, and what stays selected when a filter hides the selection.
//!
//! Indices are positions in [`super::Timeline::entries`]; `visible` lists
//! the shown ones in increasing order, so every look-up is a binary search:
//! a move costs the same among 10 events or 10,000.

/// A move through the shown events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Previous,
    Next,
    First,
    Last,
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
        .filter(|w| visible.contains(w))
        .or_else(|| visible.first().copied())
}

/// 1-based position of `current` among the shown events.
pub fn position(visible: &[usize], current: usize) -> Option<usize> {
    visible.binary_search(&current).ok().map(|p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
