//! Dates in the reader's language, through the browser's own
//! `Intl.DateTimeFormat`: no date tables in the WebAssembly.

use std::cell::RefCell;

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::{Lang, PartialDate, Precision};

thread_local! {
    /// One formatter per language and precision: making an
    /// `Intl.DateTimeFormat` costs about a quarter of a millisecond, using
    /// one a few microseconds, and the print-only list formats a date per
    /// event.
    static FORMATTERS: RefCell<Vec<((Lang, Precision), Intl::DateTimeFormat)>> =
        const { RefCell::new(Vec::new()) };
}

/// The formatter for dates of `precision` in `lang`.
fn formatter(lang: Lang, precision: Precision) -> Intl::DateTimeFormat {
    FORMATTERS.with_borrow_mut(|cache| {
        if let Some((_, f)) = cache.iter().find(|(key, _)| *key == (lang, precision)) {
            return f.clone();
        }
        let options = Object::new();
        let set = |key: &str, value: &str| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&options, &key.into(), &value.into());
        };
        // The date is built in UTC and formatted in UTC, so no time zone can
        // move it to the day before.
        set("timeZone", "UTC");
        set("year", "numeric");
        if precision >= Precision::Month {
            set("month", "long");
        }
        if precision == Precision::Day {
            set("day", "numeric");
        }
        let locales = Array::of1(&lang.date_locale().into());
        let f = Intl::DateTimeFormat::new(&locales, &options);
        cache.push(((lang, precision), f.clone()));
        f
    })
}

/// Formats `date` at its own precision: "2024", "March 2024",
/// "21 July 2024" (or "2024年3月" …), never inventing a day or a month.
pub fn format_date(date: PartialDate, lang: Lang) -> String {
    let millis = Date::utc(
        f64::from(date.year_number()),
        f64::from(date.month_number().unwrap_or(1)) - 1.0,
    ) + (f64::from(date.day_number().unwrap_or(1)) - 1.0) * 86_400_000.0;
    let js_date = Date::new(&JsValue::from_f64(millis));
    let formatter = formatter(lang, date.precision());
    formatter
        .format()
        .call1(&formatter, &js_date)
        .ok()
        .and_then(|s| s.dyn_into::<js_sys::JsString>().ok())
        .map(String::from)
        .unwrap_or_else(|| date.english())
}

/// Today, as a day number for [`crate::model::layout`].
pub fn today() -> i64 {
    let now = Date::new_0();
    crate::model::date::days_from_civil(
        now.get_utc_full_year() as i32,
        now.get_utc_month() as u8 + 1,
        now.get_utc_date() as u8,
    )
}
