//! The first paint: the app's default view (the first event selected, no
//! filter, the default zoom) rendered at build time from the app's own
//! components (Leptos's `ssr` on the host: `to_html`, in a reactive owner,
//! no hydration; effects do not run), so that the reader sees the timeline
//! at once and the app takes it over without a visible change
//! (`src/bin/postbuild.rs` puts it in `index.html`, one page per
//! language). The components are drawn with
//! [`TimelineState::before_app`], the one parameter for what the first
//! paint needs otherwise (below). The axis is the app's [`Axis`] too,
//! drawn once per band of frame widths, its `style` positions moved into
//! the sheet by `Sheet::placed_bands`.
//!
//! - **Positions.** The strict Content Security Policy forbids `style`
//!   attributes in markup, so every position goes into a generated style
//!   sheet ([`FirstPaint::css`]): each drawn element has a class `q<n>`
//!   and a rule. The horizontal axis depends on the frame's width (the
//!   zoom level, the labels' spread), which the app lays out in bands
//!   ([`crate::render::drawing::layout_width`]): the sheet holds the
//!   drawing for the widest frame, then, for each band down to the
//!   narrowest horizontal axis, only what changes there, in a container
//!   query on the frame's width (`.axis-frame`), which is what the app
//!   measures.
//! - **While the app loads**, what needs it (filters, Embed, zoom, the
//!   page bar, Previous/Next) is `inert`: drawn as the app draws it, so
//!   nothing moves at the takeover, but out of the tab order and the
//!   accessibility tree, and deaf to clicks; `style/main.css` dims it if
//!   the app is still not there after a second. The axis's frame is no tab
//!   stop (the arrow keys scroll it from a marker's link), and no marker is
//!   `aria-current`: the card on show follows `:target`, which markup
//!   cannot follow.
//! - **Without JavaScript** nothing may look dead: the markers and the
//!   language switcher are links (a marker shows its event's card, through
//!   `:target`; a language opens that language's page), and the controls
//!   that need the app (filters, Embed, zoom, Previous/Next) are hidden by
//!   `@media (scripting: none)` in `style/main.css` (and by `.no-app` when
//!   the WebAssembly fails to start). Today's line, and its entry in the
//!   legend, are hidden there too: it is the build's today, which the app
//!   redraws.
//!
//! Tested on the host with `cargo test` (here, and the controls against
//! the app's in `src/app/timeline/host_tests.rs`); an end-to-end test
//! compares the first paint with the app pixel by pixel.

use std::fmt::Write;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use crate::app::embed::embed_button;
use crate::app::timeline::{header, keys_hint, Axis, AxisNav, Detail, Filters, TimelineState};
use crate::app::{static_note, toolbar};
use crate::i18n::texts;
use crate::model::{Lang, Options, Timeline};
use crate::render::drawing::{draw, Drawing, BAND, WIDEST_FRAME};

/// The narrowest frame with a horizontal axis: a window of 48rem less the
/// page's padding (2rem) and a scroll bar.
const NARROWEST: f64 = 704.0;

/// The first paint of one language: the markup inside `<main>` and its
/// style sheet of positions.
pub struct FirstPaint {
    pub html: String,
    pub css: String,
}

/// The first paint of `timeline` in `lang`, with today's line at `today`
/// (a day number).
pub fn first_paint(timeline: &Timeline, lang: Lang, today: i64) -> FirstPaint {
    in_owner(|| paint(timeline, lang, today))
}

/// `f`, run within a reactive owner for the components, as the app's
/// components are rendered on the host (the host tests too).
pub(crate) fn in_owner<R>(f: impl FnOnce() -> R) -> R {
    // The selectors' render effects spawn a task (never polled here).
    let _ = any_spawner::Executor::init_futures_executor();
    Owner::new().with(f)
}

/// The state of the default view (the first event selected, no filter, the
/// default zoom) of `timeline` in `lang`, drawn before the app
/// (`before_app`, as the first paint draws it) or as the app draws it.
pub(crate) fn default_state(timeline: &Timeline, lang: Lang, before_app: bool) -> TimelineState {
    let mut state =
        TimelineState::new(Arc::new(timeline.clone()), lang, &Options::default(), false);
    state.first_paint = before_app;
    state
}

/// `view`, one of the app's components, as HTML (Leptos's `ssr`), less the
/// markers of its hydration (`<!>`), which the app, replacing the first
/// paint rather than hydrating it, never reads. No text or attribute holds
/// one: Leptos escapes their `<`, and the cards' HTML is escaped by
/// `render::card`.
pub(crate) fn html_of(view: impl RenderHtml) -> String {
    view.to_html().replace("<!>", "")
}

/// The first paint, within a reactive owner for the components.
fn paint(timeline: &Timeline, lang: Lang, today: i64) -> FirstPaint {
    let t = texts(lang);
    let state = default_state(timeline, lang, true);
    // The widest frame first, then each band of frame widths, narrower and
    // narrower ([`crate::render::drawing::layout_width`]): the frames
    // narrower than `below` pixels.
    let (bands, total) = untrack(|| {
        state.with_page(today, |page| {
            let mut bands: Vec<(Option<u32>, Drawing)> =
                vec![(None, draw(page, WIDEST_FRAME, None))];
            let mut below = WIDEST_FRAME;
            while below > NARROWEST {
                bands.push((Some(below as u32), draw(page, below - BAND, None)));
                below -= BAND;
            }
            (bands, page.total)
        })
    });

    let mut html = String::with_capacity(16 * 1024);
    html.push_str(&html_of(toolbar(
        RwSignal::new(lang),
        true,
        embed_button(t, true, |_| {}),
    )));
    html.push_str(&html_of(header(timeline, lang)));
    html.push_str(&html_of(static_note(t.static_note)));
    html.push_str(&html_of(view! { <Filters state /> }));
    let mut sheet = Sheet::default();
    // The landmark, its page bar, frame and tools are the app's; the axis
    // in the frame is drawn per band, its positions in the sheet (none
    // when no event is shown: the frame is then empty).
    let drawn = if bands[0].1.marks.is_empty() {
        String::new()
    } else {
        axis(&mut sheet, state, &bands, total)
    };
    state.drawn_axis.set_value(Some((drawn, bands[0].1.level)));
    html.push_str(&html_of(
        view! { <AxisNav state zoom=None sync_url=false /> },
    ));
    html.push_str(&html_of(keys_hint(t)));
    html.push_str(&html_of(view! { <Detail state /> }));
    FirstPaint {
        html,
        css: sheet.css(&bands.iter().map(|(max, _)| *max).collect::<Vec<_>>()),
    }
}

/// The rules of the generated style sheet: for each element (class `q<n>`,
/// `n` its place here), its declarations in each band (one for all bands
/// when they never change).
#[derive(Default)]
struct Sheet {
    rules: Vec<Vec<String>>,
}

type Bands = [(Option<u32>, Drawing)];

impl Sheet {
    /// The same drawn by the app's components once per band (`per_band`,
    /// the widest first), the same elements in each, their positions in
    /// `style` attributes: the widest's markup, each element's `style` of
    /// each band moved into a class of its own here.
    fn placed_bands(&mut self, per_band: &[String]) -> String {
        // Each band's tags, split into (the tag less its `style`, the style).
        let split = |html: &str| -> Vec<(String, String)> {
            html.split('<')
                .map(|tag| match tag.split_once(" style=\"") {
                    Some((before, rest)) => {
                        let (decl, after) = rest.split_once('"').unwrap_or((rest, ""));
                        (
                            format!("{before}{after}"),
                            decl.trim_end_matches(';').into(),
                        )
                    }
                    None => (tag.to_string(), String::new()),
                })
                .collect()
        };
        let bands: Vec<_> = per_band.iter().map(|h| split(h)).collect();
        let mut out = String::new();
        for (n, (tag, _)) in bands[0].iter().enumerate() {
            if n > 0 {
                out.push('<');
            }
            assert!(
                bands
                    .iter()
                    .all(|b| b.len() == bands[0].len() && b[n].0 == *tag),
                "every band draws the same elements: {per_band:?}"
            );
            let mut decls: Vec<String> = bands.iter().map(|b| b[n].1.clone()).collect();
            if decls.iter().all(String::is_empty) {
                out.push_str(tag);
                continue;
            }
            // A band's rule overrides the wider bands' rules, property by
            // property: one without a property another band sets could not
            // take it back.
            assert!(
                decls.iter().all(|d| !d.is_empty()),
                "a style set in every band or in none: {tag}"
            );
            if decls.iter().all(|d| *d == decls[0]) {
                decls.truncate(1);
            }
            self.rules.push(decls);
            let class = format!("q{}", self.rules.len() - 1);
            let (head, classes) = tag
                .split_once("class=\"")
                .unwrap_or_else(|| panic!("a placed element has a class: {tag}"));
            let (names, tail) = classes.split_once('"').unwrap_or((classes, ""));
            let _ = write!(out, "{head}class=\"{names} {class}\"{tail}");
        }
        out
    }

    /// The style sheet: the widest frame's rules, then per band (narrowest
    /// last, so it wins) what changed from the band before.
    fn css(&self, bands: &[Option<u32>]) -> String {
        let mut css = String::new();
        for (b, max) in bands.iter().enumerate() {
            let mut rules = String::new();
            for (n, per_band) in self.rules.iter().enumerate() {
                let at = |b: usize| per_band[b.min(per_band.len() - 1)].as_str();
                if b == 0 || at(b) != at(b - 1) {
                    let _ = write!(rules, ".q{n}{{{}}}", at(b));
                }
            }
            match max {
                None => css.push_str(&rules),
                Some(_) if rules.is_empty() => {}
                Some(max) => {
                    let _ = write!(css, "\n@container (width<{max}px){{{rules}}}");
                }
            }
        }
        css.push('\n');
        css
    }
}

/// The axis of the page, as the app's [`Axis`] draws it in each band (the
/// markers links to their cards, the first only looking selected:
/// `.selected`, no `aria-current`), its positions moved into the sheet.
fn axis(sheet: &mut Sheet, state: TimelineState, bands: &Bands, total: usize) -> String {
    let per_band: Vec<String> = named_alike(bands)
        .into_iter()
        .map(|drawing| html_of(view! { <Axis state total drawing /> }))
        .collect();
    sheet.placed_bands(&per_band)
}

/// The bands' drawings with the same names on their ticks, so that each
/// band draws the same elements: a tick named in some band is named in
/// each (the app draws a name it does not show hidden), with the name the
/// bands that show one show.
fn named_alike(bands: &Bands) -> Vec<Drawing> {
    let mut drawings: Vec<Drawing> = bands.iter().map(|(_, d)| d.clone()).collect();
    let ticks = drawings[0].ticks.len();
    assert!(
        drawings.iter().all(|d| d.ticks.len() == ticks),
        "every band draws the same ticks"
    );
    for n in 0..ticks {
        // A shown tick has a name.
        let of_tick = drawings.iter().map(|d| &d.ticks[n]);
        let name = of_tick
            .clone()
            .find(|t| t.shown)
            .or_else(|| of_tick.clone().find(|t| t.name.is_some()))
            .and_then(|t| t.name.clone());
        for d in &mut drawings {
            let tick = &mut d.ticks[n];
            assert!(
                !tick.shown || tick.name == name,
                "two bands show different names on one tick: {:?}, {name:?}",
                tick.name
            );
            tick.name = name.clone();
        }
    }
    drawings
}

#[cfg(test)]
mod tests;
