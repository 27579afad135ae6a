//! Ids for imported events and sources, valid by our rules
//! ([`crate::model::validate::is_valid_id`]): stable (made only from the
//! input) and unique.

use std::collections::HashSet;

use crate::model::validate::is_valid_id;

/// The longest id our rules allow.
const MAX: usize = 64;

/// A Latin letter with an accent as its plain letters (`é` → `e`), for
/// slugs: `Rózsa Péter` → `rozsa-peter`.
fn plain_letters(c: char) -> Option<&'static str> {
    Some(match c.to_lowercase().next()? {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// `Ada Lovelace: the first programmer` → `ada-lovelace-the-first-programmer`:
/// ASCII letters and digits (accents dropped), lower-cased, with one hyphen
/// for each run of anything else; at most 64 characters. Empty for a text
/// with no Latin letter or digit (a Chinese headline).
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(letters) = plain_letters(c) {
            out.push_str(letters);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    cut(&out, MAX).to_string()
}

/// `s` cut to at most `len` bytes (it is ASCII), without a hyphen at the end.
fn cut(s: &str, len: usize) -> &str {
    s[..s.len().min(len)].trim_end_matches('-')
}

/// The ids given so far.
#[derive(Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// Takes `id` as it is if it is valid and still free; false otherwise.
    pub fn reserve(&mut self, id: &str) -> bool {
        is_valid_id(id) && self.used.insert(id.to_string())
    }

    /// A free id made from `base` (a slug): `base`, else `base-2`,
    /// `base-3`, … (cut to stay within 64 characters).
    pub fn claim(&mut self, base: &str) -> String {
        let base = match cut(base, MAX) {
            "" => "item",
            b => b,
        };
        let mut n = 1;
        loop {
            let id = if n == 1 {
                base.to_string()
            } else {
                let suffix = format!("-{n}");
                format!("{}{suffix}", cut(base, MAX - suffix.len()))
            };
            if self.reserve(&id) {
                return id;
            }
            n += 1;
        }
    }
}
