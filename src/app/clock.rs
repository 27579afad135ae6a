//! Today's date, from the browser's clock.

use js_sys::Date;

/// Today (UTC), as a day number for [`crate::model::layout`].
pub fn today() -> i64 {
    let now = Date::new_0();
    crate::model::date::days_from_civil(
        now.get_utc_full_year() as i32,
        now.get_utc_month() as u8 + 1,
        now.get_utc_date() as u8,
    )
}
