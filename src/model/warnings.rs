//! Things in valid data that are probably mistakes: the data check prints
//! them as warnings, and the data still loads.

use super::date::PartialDate;
use super::lang::{grouped, Lang};
use super::schema::{Event, Localized, Organisation, TimelineDoc};
use super::timeline::{Entry, Timeline};
use super::validate::Problem;

/// An event whose year is this far from every other event's, and from the
/// middle of them all, is probably a typo (9025 for 2025): the data check
/// says so. An end this far after its start too.
pub const FAR_YEARS: i32 = 100;

/// Things in valid data that are probably mistakes: the data check prints
/// them as warnings, and the data still loads. Dates far from all the
/// others ([`far_dates`]) and texts missing a language
/// ([`missing_translations`]).
pub fn warnings(timeline: &Timeline) -> Vec<Problem> {
    let mut out = far_dates(&timeline.entries);
    out.extend(missing_translations(timeline));
    out
}

/// [`warnings`] for a file that may break rules too, so the data check
/// lists them in the same run: dates far from the others among the events
/// whose dates are real, and missing translations.
pub fn doc_warnings(doc: &TimelineDoc) -> Vec<Problem> {
    let dated: Vec<Dated> = doc
        .events
        .iter()
        .enumerate()
        .filter_map(|(index, event)| {
            let start = PartialDate::parse(&event.date).ok()?;
            let end = match &event.end {
                Some(end) => Some(PartialDate::parse(&end.date).ok()?),
                None => None,
            };
            Some(Dated {
                index,
                date: &event.date,
                start,
                end,
            })
        })
        .collect();
    let mut out = far(&dated);
    out.extend(translations(
        &doc.title,
        doc.subtitle.as_ref(),
        &doc.organisations,
        doc.events.iter(),
    ));
    out
}

/// An event whose dates are real, with its index in the file.
struct Dated<'a> {
    index: usize,
    date: &'a str,
    start: PartialDate,
    end: Option<PartialDate>,
}

fn years(n: i32) -> String {
    if n == 1 {
        "1 year".into()
    } else {
        format!("{} years", grouped(n.unsigned_abs() as usize))
    }
}

/// Events dated at least [`FAR_YEARS`] from every other event and from the
/// median year, and ends at least that far after their start: e.g.
/// `events[5].date: 9025-11-18 is 7,000 years after the other events (the
/// latest: 2025-11-18): a typo?`.
pub fn far_dates(entries: &[Entry]) -> Vec<Problem> {
    let dated: Vec<Dated> = entries
        .iter()
        .enumerate()
        .map(|(index, e)| Dated {
            index,
            date: &e.event.date,
            start: e.start,
            end: e.end,
        })
        .collect();
    far(&dated)
}

fn far(entries: &[Dated]) -> Vec<Problem> {
    // Each problem with its event's index, to list them in the data's order.
    let mut out: Vec<(usize, Problem)> = Vec::new();
    let mut by_year: Vec<(i32, usize)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.start.year_number(), i))
        .collect();
    by_year.sort_unstable();
    if by_year.len() >= 2 {
        let median = by_year[(by_year.len() - 1) / 2].0;
        for (k, &(year, i)) in by_year.iter().enumerate() {
            let before = k.checked_sub(1).map(|p| by_year[p]);
            let after = by_year.get(k + 1).copied();
            let gap =
                |other: Option<(i32, usize)>| other.map_or(i32::MAX, |(y, _)| (y - year).abs());
            let nearest = gap(before).min(gap(after));
            if nearest < FAR_YEARS || (year - median).abs() < FAR_YEARS {
                continue;
            }
            let date = entries[i].date;
            let message = match (before, after) {
                (Some((_, j)), None) => format!(
                    "{date} is {} after the other events (the latest: {}): a typo?",
                    years(nearest),
                    entries[j].date
                ),
                (None, Some((_, j))) => format!(
                    "{date} is {} before the other events (the earliest: {}): a typo?",
                    years(nearest),
                    entries[j].date
                ),
                _ => format!(
                    "{date} is {} from the nearest other event: a typo?",
                    years(nearest)
                ),
            };
            let index = entries[i].index;
            out.push((
                index,
                Problem {
                    path: format!("events[{index}].date"),
                    message,
                },
            ));
        }
    }
    for entry in entries {
        if let Some(end) = entry.end {
            let gap = end.year_number() - entry.start.year_number();
            if gap >= FAR_YEARS {
                let i = entry.index;
                out.push((
                    i,
                    Problem {
                        path: format!("events[{i}].end.date"),
                        message: format!(
                            "the end ({}) is {} after the start ({}): a typo?",
                            end.iso(),
                            years(gap),
                            entry.date
                        ),
                    },
                ));
            }
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, p)| p).collect()
}

/// Texts without all three languages, where readers of the missing ones
/// see the English. People's names are left out: a name stays in English
/// where no source gives it in Chinese. So are sources' translated titles,
/// which leave out the source's own language.
pub fn missing_translations(timeline: &Timeline) -> Vec<Problem> {
    let doc = &timeline.doc;
    translations(
        &doc.title,
        doc.subtitle.as_ref(),
        &doc.organisations,
        timeline.entries.iter().map(|e| &e.event),
    )
}

fn translations<'a>(
    title: &Localized,
    subtitle: Option<&Localized>,
    organisations: &[Organisation],
    events: impl Iterator<Item = &'a Event>,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut check = |path: String, text: &Localized| {
        let missing: Vec<String> = Lang::ALL
            .iter()
            .filter(|l| !text.0.contains_key(l.code()))
            .map(|l| format!("\"{}\"", l.code()))
            .collect();
        if !missing.is_empty() {
            out.push(Problem {
                path,
                message: format!(
                    "no {} text: readers in that language see the English",
                    missing.join(" or ")
                ),
            });
        }
    };
    check("title".into(), title);
    if let Some(subtitle) = subtitle {
        check("subtitle".into(), subtitle);
    }
    for (i, org) in organisations.iter().enumerate() {
        check(format!("organisations[{i}].name"), &org.name);
        if let Some(short) = &org.short_name {
            check(format!("organisations[{i}].short_name"), short);
        }
    }
    for (i, event) in events.enumerate() {
        check(format!("events[{i}].title"), &event.title);
        check(format!("events[{i}].summary"), &event.summary);
        if let Some(place) = &event.place {
            check(format!("events[{i}].place"), place);
        }
        if let Some(note) = event.end.as_ref().and_then(|e| e.note.as_ref()) {
            check(format!("events[{i}].end.note"), note);
        }
        for (j, p) in event.participants.iter().enumerate() {
            check(format!("events[{i}].participants[{j}].role"), &p.role);
        }
    }
    out
}
