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

    /// Regions whose Chinese is written in Traditional characters (for a
    /// tag with no script subtag); nginx's copy of this rule is generated
    /// from it (`render::nginx`).
    pub const TRADITIONAL_REGIONS: [&'static str; 3] = ["hk", "tw", "mo"];

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

    /// The language for a reader whose browser prefers `preferred` (most
    /// preferred first): the first tag we can serve wins; otherwise English.
    /// Traditional Chinese for `zh-HK`, `zh-TW`, `zh-MO` and `zh-Hant-*`;
    /// Simplified for `zh-CN`, `zh-SG`, `zh-Hans-*` and plain `zh`.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred
            .iter()
            .find_map(|tag| Lang::for_tag(tag.as_ref()))
            .unwrap_or(Lang::En)
    }

    fn for_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                if rest.contains(&"hant") {
                    Some(Lang::ZhHant)
                } else if rest.contains(&"hans") {
                    Some(Lang::ZhHans)
                } else if rest.iter().any(|r| Lang::TRADITIONAL_REGIONS.contains(r)) {
                    Some(Lang::ZhHant)
                } else {
                    Some(Lang::ZhHans)
                }
            }
            _ => None,
        }
    }
}

/// A count with its thousands grouped by commas, as all three languages
/// write Arabic numerals: 10,000.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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

    #[test]
    fn negotiates_from_browser_languages() {
        for tag in [
            "zh-HK",
            "zh-TW",
            "zh-MO",
            "zh-Hant",
            "zh-Hant-TW",
            "zh-Hant-CN",
            "zh_TW",
        ] {
            assert_eq!(Lang::negotiate(&[tag]), Lang::ZhHant, "{tag}");
        }
        for tag in ["zh-CN", "zh-SG", "zh-Hans", "zh-Hans-HK", "zh"] {
            assert_eq!(Lang::negotiate(&[tag]), Lang::ZhHans, "{tag}");
        }
        assert_eq!(Lang::negotiate(&["en-GB"]), Lang::En);
        assert_eq!(
            Lang::negotiate(&["fr-FR", "zh-TW", "en"]),
            Lang::ZhHant,
            "the first we serve wins"
        );
        assert_eq!(Lang::negotiate(&["fr", "de"]), Lang::En);
        assert_eq!(Lang::negotiate::<&str>(&[]), Lang::En);
    }
}
