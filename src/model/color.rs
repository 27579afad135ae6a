//! The `?accent=` colour: parsed strictly (never passed through to CSS as
//! text) and adjusted so text in it, and text on it, keeps WCAG AA contrast
//! in both colour schemes.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The least contrast for normal text (WCAG 2.2 AA).
pub const AA: f64 = 4.5;

/// The backgrounds the accent must read on: page and card, light and dark
/// (the stylesheet's `--tl-bg` and `--tl-surface`).
pub const LIGHT_BACKGROUNDS: [Rgb; 2] = [Rgb(0xff, 0xff, 0xff), Rgb(0xf3, 0xf5, 0xf8)];
pub const DARK_BACKGROUNDS: [Rgb; 2] = [Rgb(0x12, 0x14, 0x17), Rgb(0x1c, 0x20, 0x26)];

const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const BLACK: Rgb = Rgb(0, 0, 0);

impl Rgb {
    /// Reads `0b57a4`, `#0b57a4`, `06c` or `#06c`; nothing else.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#').unwrap_or(text);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// `#rrggbb`, the only form that reaches CSS.
    pub fn css(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.2).
    pub fn luminance(&self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Contrast ratio with `other`, 1 to 21.
    pub fn contrast(&self, other: &Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour mixed toward `target` by `t` (0 to 1).
    pub fn mix(&self, target: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            m(self.0, target.0),
            m(self.1, target.1),
            m(self.2, target.2),
        )
    }
}

/// An accent colour fitted to one colour scheme: `accent` reads as text on
/// every background, and `on_accent` reads on `accent` (buttons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accent {
    pub accent: Rgb,
    pub on_accent: Rgb,
}

/// Fits `wanted` to `backgrounds`: keeps it if it already has AA contrast
/// with each, else moves it toward black (light backgrounds) or white (dark
/// ones) just far enough.
pub fn fit_accent(wanted: Rgb, backgrounds: &[Rgb]) -> Accent {
    let dark_scheme = backgrounds.iter().all(|b| b.luminance() < 0.2);
    let toward = if dark_scheme { WHITE } else { BLACK };
    let reads = |c: &Rgb| backgrounds.iter().all(|b| c.contrast(b) >= AA);
    let accent = (0..=20)
        .map(|step| wanted.mix(toward, f64::from(step) / 20.0))
        .find(reads)
        .unwrap_or(toward);
    let on_accent = if accent.contrast(&WHITE) >= accent.contrast(&BLACK) {
        WHITE
    } else {
        BLACK
    };
    Accent { accent, on_accent }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_hex_colours() {
        assert_eq!(Rgb::parse("0b57a4"), Some(Rgb(0x0b, 0x57, 0xa4)));
        assert_eq!(Rgb::parse("#0B57A4"), Some(Rgb(0x0b, 0x57, 0xa4)));
        assert_eq!(Rgb::parse("06c"), Some(Rgb(0x00, 0x66, 0xcc)));
        for bad in [
            "",
            "red",
            "0b57a",
            "0b57a4ff",
            "#12345g",
            "1;}body{x:y",
            "0b57a4;",
            "+12345",
            "１２３",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Rgb::parse("abc").unwrap().css(), "#aabbcc");
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((WHITE.contrast(&BLACK) - 21.0).abs() < 1e-9);
        assert!((Rgb(0x76, 0x76, 0x76).contrast(&WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_readable_accent_is_kept_and_a_pale_one_darkened() {
        let navy = Rgb(0x00, 0x33, 0x66);
        assert_eq!(fit_accent(navy, &LIGHT_BACKGROUNDS).accent, navy);
        assert_eq!(fit_accent(navy, &LIGHT_BACKGROUNDS).on_accent, WHITE);
        let yellow = Rgb(0xff, 0xdd, 0x00);
        let fitted = fit_accent(yellow, &LIGHT_BACKGROUNDS);
        assert_ne!(fitted.accent, yellow);
        for bg in LIGHT_BACKGROUNDS {
            assert!(fitted.accent.contrast(&bg) >= AA);
        }
        assert!(fitted.accent.contrast(&fitted.on_accent) >= AA);
    }

    #[test]
    fn dark_schemes_lighten_a_dark_accent() {
        let navy = Rgb(0x00, 0x33, 0x66);
        let fitted = fit_accent(navy, &DARK_BACKGROUNDS);
        for bg in DARK_BACKGROUNDS {
            assert!(fitted.accent.contrast(&bg) >= AA, "{:?}", fitted.accent);
        }
        assert_eq!(fitted.on_accent, BLACK);
    }
}
