//! Dates as the sources give them: a year, a month or a day, never more
//! precise than what is known.
//!
//! `"2024-03"` is *March 2024*, not 1 March 2024. Every [`PartialDate`]
//! therefore stands for an interval of days ([`PartialDate::first_day`] to
//! [`PartialDate::last_day`]); ordering, layout and validation work on those
//! intervals so that an imprecise date is never treated as a precise one.

use std::fmt;

use super::lang::Lang;

/// How much of a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a year, a month or a day (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date string is not a date, in words a web editor understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Format,
    /// A year outside 1000–9999.
    Year(i32),
    /// A month outside 1–12.
    Month(u32),
    /// A day the month does not have.
    Day { day: u32, days_in_month: u8 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => {
                f.write_str("write dates as YYYY, YYYY-MM or YYYY-MM-DD, for example 2024, 2024-03 or 2024-07-21")
            }
            DateError::Year(y) => write!(f, "the year {y} is outside 1000 to 9999"),
            DateError::Month(m) => write!(f, "there is no month {m}: months run from 01 to 12"),
            DateError::Day { day, days_in_month } => {
                write!(f, "that month has {days_in_month} days, so there is no day {day}")
            }
        }
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`). `month` is 1–12, `day` 1–31.
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number from [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

fn digits(s: &str, len: usize) -> Option<u32> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

impl PartialDate {
    /// A year-precision date.
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// A month-precision date (`month` 1–12, not checked: callers pass a
    /// month they have from a calendar, e.g. an axis tick).
    pub fn month(year: i32, month: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting dates that do
    /// not exist (`2024-13`, `2023-02-29`).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|p| digits(p, 4))
            .ok_or(DateError::Format)?;
        let month = parts
            .next()
            .map(|p| digits(p, 2).ok_or(DateError::Format))
            .transpose()?;
        let day = parts
            .next()
            .map(|p| digits(p, 2).ok_or(DateError::Format))
            .transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Format);
        }
        let year = year as i32;
        if !(1000..=9999).contains(&year) {
            return Err(DateError::Year(year));
        }
        let month = match month {
            Some(m @ 1..=12) => Some(m as u8),
            Some(m) => return Err(DateError::Month(m)),
            None => None,
        };
        let day = match (month, day) {
            (Some(m), Some(d)) => {
                let days = days_in_month(year, m);
                if d == 0 || d > u32::from(days) {
                    return Err(DateError::Day {
                        day: d,
                        days_in_month: days,
                    });
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month, 1–12, if known.
    pub fn month_number(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn day_number(&self) -> Option<u8> {
        self.day
    }

    /// The first day this date may mean, as days since 1970-01-01.
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date may mean, as days since 1970-01-01.
    pub fn last_day(&self) -> i64 {
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d),
            (Some(m), None) => days_from_civil(self.year, m, days_in_month(self.year, m)),
            _ => days_from_civil(self.year, 12, 31),
        }
    }

    /// True when every day this date may mean lies before every day `other`
    /// may mean: the two cannot be in the other order.
    pub fn surely_before(&self, other: &PartialDate) -> bool {
        self.last_day() < other.first_day()
    }

    /// The machine-readable form, for `<time datetime>`: `2024`, `2024-03`,
    /// `2024-07-21`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// English at the date's own precision: `2024`, `March 2024`,
    /// `21 July 2024`.
    pub fn english(&self) -> String {
        self.written(Lang::En)
    }

    /// The date as a reader of `lang` writes it, at its own precision and
    /// never more precise: `21 July 2024` / `March 2024` / `2024` in
    /// English, `2024年7月21日` / `2024年3月` / `2024年` in both Chinese
    /// scripts. These are exactly what the browser's `Intl.DateTimeFormat`
    /// gives for `en-GB`, `zh-Hant-HK` and `zh-Hans-CN` (an end-to-end test
    /// compares them in Chromium), without its cost: the first
    /// `Intl.DateTimeFormat` a page makes spends 25–230 ms loading its
    /// locale data, on the main thread, before the first render
    /// (`bench/DECISIONS.md`).
    pub fn written(&self, lang: Lang) -> String {
        let year = self.year;
        match lang {
            Lang::En => {
                let month = |m: u8| MONTH_NAMES[usize::from(m - 1) % 12];
                match (self.month, self.day) {
                    (Some(m), Some(d)) => format!("{d} {} {year}", month(m)),
                    (Some(m), None) => format!("{} {year}", month(m)),
                    _ => year.to_string(),
                }
            }
            Lang::ZhHant | Lang::ZhHans => match (self.month, self.day) {
                (Some(m), Some(d)) => format!("{year}年{m}月{d}日"),
                (Some(m), None) => format!("{year}年{m}月"),
                _ => format!("{year}年"),
            },
        }
    }
}

/// A month's short name for a tick on the axis: "Apr", "4月".
pub fn short_month(month: u8, lang: Lang) -> String {
    match lang {
        Lang::En => MONTH_NAMES[usize::from(month.clamp(1, 12) - 1)][..3].to_string(),
        Lang::ZhHant | Lang::ZhHans => format!("{month}月"),
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2024").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2024-03").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2024-07-21").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn a_month_is_the_whole_month_not_its_first_day() {
        let march = PartialDate::parse("2024-03").unwrap();
        assert_eq!(march.first_day(), days_from_civil(2024, 3, 1));
        assert_eq!(march.last_day(), days_from_civil(2024, 3, 31));
        let year = PartialDate::parse("2024").unwrap();
        assert_eq!(
            year.last_day() - year.first_day(),
            365,
            "2024 is a leap year"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(PartialDate::parse("2024-13"), Err(DateError::Month(13)));
        assert_eq!(PartialDate::parse("2024-00"), Err(DateError::Month(0)));
        assert_eq!(
            PartialDate::parse("2024-02-30"),
            Err(DateError::Day {
                day: 30,
                days_in_month: 29
            })
        );
        assert_eq!(
            PartialDate::parse("2023-02-29"),
            Err(DateError::Day {
                day: 29,
                days_in_month: 28
            })
        );
        assert!(PartialDate::parse("2024-02-29").is_ok());
        for bad in [
            "",
            "24",
            "2024-3",
            "2024-03-1",
            "2024/03",
            "March 2024",
            "2024-03-01-01",
            "２０２４",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Format), "{bad:?}");
        }
        assert_eq!(PartialDate::parse("0999"), Err(DateError::Year(999)));
    }

    #[test]
    fn formats_at_its_precision() {
        assert_eq!(PartialDate::parse("2024").unwrap().english(), "2024");
        assert_eq!(
            PartialDate::parse("2024-03").unwrap().english(),
            "March 2024"
        );
        assert_eq!(
            PartialDate::parse("2024-07-21").unwrap().english(),
            "21 July 2024"
        );
        assert_eq!(
            PartialDate::parse("2024-07-01").unwrap().iso(),
            "2024-07-01"
        );
    }

    #[test]
    fn a_month_made_from_numbers_is_the_parsed_month() {
        assert_eq!(
            PartialDate::month(2024, 7),
            PartialDate::parse("2024-07").unwrap()
        );
        assert_eq!(
            PartialDate::month(2024, 7).written(Lang::ZhHant),
            "2024年7月"
        );
    }

    #[test]
    fn writes_each_language_at_its_precision() {
        let written = |date: &str, lang| PartialDate::parse(date).unwrap().written(lang);
        for lang in [Lang::ZhHant, Lang::ZhHans] {
            assert_eq!(written("2024", lang), "2024年");
            assert_eq!(written("2024-03", lang), "2024年3月");
            assert_eq!(written("2024-07-21", lang), "2024年7月21日");
            assert_eq!(written("1999-12-09", lang), "1999年12月9日");
        }
        assert_eq!(written("2024-01-01", Lang::En), "1 January 2024");
        assert_eq!(short_month(9, Lang::En), "Sep");
        assert_eq!(short_month(4, Lang::ZhHant), "4月");
        assert_eq!(written("1999-12", Lang::En), "December 1999");
    }

    #[test]
    fn ordering_respects_precision() {
        let year = PartialDate::parse("2024").unwrap();
        let july = PartialDate::parse("2024-07-21").unwrap();
        let march = PartialDate::parse("2024-03").unwrap();
        assert!(march.surely_before(&july));
        assert!(!year.surely_before(&july), "2024 may be after 21 July 2024");
        assert!(!july.surely_before(&year));
    }

    #[test]
    fn civil_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_800, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 7, 21)), (2024, 7, 21));
    }
}
