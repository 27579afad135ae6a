//! The three languages the timeline speaks.

/// A reader's language. The codes are the public `?lang=` values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    ZhHant,
    ZhHans,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHant, Lang::ZhHans];

    /// The BCP 47 code: `en`, `zh-Hant`, `zh-Hans`, as used in the data,
    /// in `?lang=` and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHant => "zh-Hant",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The exact code, as written in the data or the URL.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The locale handed to `Intl.DateTimeFormat`: British English gives
    /// "21 July 2024"; the Chinese scripts give "2024年7月21日".
    pub fn date_locale(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::ZhHant => "zh-Hant-HK",
            Lang::ZhHans => "zh-Hans-CN",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("zh-TW"), None);
        assert_eq!(Lang::from_code("EN"), None);
    }
}
