//! The first paint: the app's default view (the first event selected, no
//! filter, the default zoom) rendered at build time from the app's own
//! components (Leptos's `ssr` on the host: `to_html`, in a reactive owner,
//! no hydration; effects do not run), so that the reader sees the timeline
//! at once and the app takes it over without a visible change
//! (`src/bin/postbuild.rs` puts it in `index.html`, one page per
//! language). The components are drawn with
//! [`TimelineState::before_app`], the one parameter for what the first
//! paint needs otherwise (below). The markers are the app's too
//! ([`marker_links`]), and so are the terms, the bars, today's line, the
//! leaders and the dots ([`terms`], [`extents`], [`today`], [`leaders`],
//! [`dots`], drawn per band, their `style` positions moved into the sheet
//! by `Sheet::placed_bands`); the ticks and the term names are still
//! written here as text, from the same drawing the app's `scale.rs` draws.
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
use crate::app::timeline::{
    dots, extents, header, keys_hint, leaders, marker_links, terms, today, AxisNav, Detail,
    Filters, TimelineState,
};
use crate::app::toolbar;
use crate::i18n::texts;
use crate::model::layout::fixed;
use crate::model::nav::MARKERS_PER_PAGE;
use crate::model::{Lang, Options, Timeline};
use crate::render::drawing::{draw, percent, Drawing, Page, BAND, WIDEST_FRAME};
use crate::render::escape_html;

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
    // The selectors' render effects spawn a task (never polled here).
    #[cfg(not(target_arch = "wasm32"))]
    let _ = any_spawner::Executor::init_futures_executor();
    Owner::new().with(|| paint(timeline, lang, today))
}

/// `view`, one of the app's components, as HTML (Leptos's `ssr`), less the
/// markers of its hydration (`<!>`), which the app, replacing the first
/// paint rather than hydrating it, never reads. No text or attribute holds
/// one: Leptos escapes their `<`, and the cards' HTML is escaped by
/// `render::card`.
fn html_of(view: impl RenderHtml) -> String {
    view.to_html().replace("<!>", "")
}

/// The first paint, within a reactive owner for the components.
fn paint(timeline: &Timeline, lang: Lang, today: i64) -> FirstPaint {
    let t = texts(lang);
    let mut state =
        TimelineState::new(Arc::new(timeline.clone()), lang, &Options::default(), false);
    state.first_paint = true;
    let (range, total, shown) = untrack(|| state.shown_page());
    let page = Page {
        entries: &timeline.entries,
        shown: &shown,
        first: range.start,
        total,
        today: Some(today),
        lang,
    };
    // The widest frame first, then each band of frame widths, narrower and
    // narrower ([`crate::render::drawing::layout_width`]): the frames
    // narrower than `below` pixels.
    let mut bands: Vec<(Option<u32>, Drawing)> = vec![(None, draw(&page, WIDEST_FRAME, None))];
    let mut below = WIDEST_FRAME;
    while below > NARROWEST {
        bands.push((Some(below as u32), draw(&page, below - BAND, None)));
        below -= BAND;
    }

    let mut html = String::with_capacity(16 * 1024);
    html.push_str(&html_of(toolbar(
        RwSignal::new(lang),
        true,
        embed_button(t, true, |_| {}),
    )));
    html.push_str(&html_of(header(timeline, lang)));
    let _ = write!(
        html,
        "<p class=\"static-note\">{}</p>",
        escape_html(t.static_note)
    );
    html.push_str(&html_of(view! { <Filters state /> }));
    let mut sheet = Sheet::default();
    // The landmark, its page bar, frame and tools are the app's; the axis
    // in the frame is written here, its positions in the sheet.
    let mut drawn_axis = String::new();
    if !shown.is_empty() {
        axis(&mut drawn_axis, &mut sheet, state, &bands, total);
    }
    // (Host only: this module also compiles for wasm32, where the
    // postbuild binary is only checked, never run.)
    #[cfg(not(target_arch = "wasm32"))]
    state
        .drawn_axis
        .set_value(Some((drawn_axis, bands[0].1.level)));
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
/// when they never change), and what the main style sheet already gives it
/// (no rule needed in the widest band).
#[derive(Default)]
struct Sheet {
    rules: Vec<(Vec<String>, &'static str)>,
}

type Bands = [(Option<u32>, Drawing)];

impl Sheet {
    fn push(&mut self, per_band: Vec<String>, default: &'static str) -> String {
        self.rules.push((per_band, default));
        format!("q{}", self.rules.len() - 1)
    }

    /// A class whose declarations follow the band: `decl` of each band's
    /// drawing (`default`: what `style/main.css` gives anyway).
    fn varying(
        &mut self,
        bands: &Bands,
        default: &'static str,
        decl: impl Fn(&Drawing) -> String,
    ) -> String {
        self.push(bands.iter().map(|(_, d)| decl(d)).collect(), default)
    }

    /// A class whose declarations are the same in every band.
    fn fixed(&mut self, decl: String) -> String {
        self.push(vec![decl], "")
    }

    /// `html`, drawn by the app's components with their positions in
    /// `style` attributes (the same in every band), with each element's
    /// `style` moved into a class of its own here.
    fn placed(&mut self, html: String) -> String {
        self.placed_bands(&[html])
    }

    /// The same drawn once per band (`per_band`, the widest first), the
    /// same elements in each: the widest's markup, each element's `style`
    /// of each band moved into a class of its own here.
    fn placed_bands(&mut self, per_band: &[String]) -> String {
        // Each band's tags, split into (before, style, after) the `style`.
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
        for (n, (tag, decl)) in bands[0].iter().enumerate() {
            if n > 0 {
                out.push('<');
            }
            let decls: Vec<String> = bands.iter().map(|b| b[n].1.clone()).collect();
            assert!(bands.iter().all(|b| b[n].0 == *tag), "{per_band:?}");
            if decl.is_empty() {
                out.push_str(tag);
                continue;
            }
            let class = if decls.iter().all(|d| d == decl) {
                self.fixed(decl.clone())
            } else {
                self.push(decls, "")
            };
            match tag.split_once("class=\"") {
                Some((head, classes)) => {
                    let (names, tail) = classes.split_once('"').unwrap_or((classes, ""));
                    let _ = write!(out, "{head}class=\"{names} {class}\"{tail}");
                }
                None => out.push_str(tag),
            }
        }
        out
    }

    /// The style sheet: the widest frame's rules, then per band (narrowest
    /// last, so it wins) what changed from the band before.
    fn css(&self, bands: &[Option<u32>]) -> String {
        let mut css = String::new();
        for (b, max) in bands.iter().enumerate() {
            let mut rules = String::new();
            for (n, (per_band, default)) in self.rules.iter().enumerate() {
                let at = |b: usize| per_band[b.min(per_band.len() - 1)].as_str();
                let before = if b == 0 { default } else { at(b - 1) };
                if at(b) != before {
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

/// The axis frame (no tab stop), the drawing, and the markers as links to
/// their cards (the first only looks selected: `.selected`, no `aria-current`).
fn axis(html: &mut String, sheet: &mut Sheet, state: TimelineState, bands: &Bands, total: usize) {
    let widest = &bands[0].1;
    let zoom = sheet.varying(bands, "", |d| {
        format!("--zoom:{}", fixed(d.level.factor(), 2))
    });
    let _ = write!(
        html,
        "<div class=\"axis {zoom}{}\"><div class=\"axis-scale\" aria-hidden=\"true\">",
        if total > MARKERS_PER_PAGE {
            " paged"
        } else {
            ""
        },
    );
    // Ticks: a name is written if some band shows it, and hidden where it
    // is not shown or sits left of its tick (the closing year).
    for (n, tick) in widest.ticks.iter().enumerate() {
        let pos = sheet.fixed(format!("--pos:{}", percent(tick.pos)));
        let kind = if tick.major {
            "year-tick"
        } else {
            "month-tick"
        };
        let name = bands.iter().find_map(|(_, d)| {
            let tick = &d.ticks[n];
            tick.shown.then(|| tick.name.clone()).flatten()
        });
        let _ = write!(html, "<span class=\"{kind} {pos}\">");
        if let Some(name) = name {
            let label = sheet.varying(bands, TICK_NAME, |d| {
                let tick = &d.ticks[n];
                match (tick.shown, tick.flip) {
                    (false, _) => "display:none".into(),
                    (true, true) => "display:inline;left:auto;right:4px;padding:0 0 0 2px".into(),
                    (true, false) => TICK_NAME.into(),
                }
            });
            let _ = write!(
                html,
                "<span class=\"tick-label {label}\">{}</span>",
                escape_html(&name)
            );
        }
        html.push_str("</span>");
    }
    html.push_str(&sheet.placed(html_of(terms(widest))));
    for (n, label) in widest.term_labels.iter().enumerate() {
        if !bands.iter().any(|(_, d)| d.term_labels[n].shown) {
            continue;
        }
        let class = sheet.varying(bands, "", |d| {
            let l = &d.term_labels[n];
            let at = match (l.left, l.right) {
                (Some(left), _) => format!("left:{}", percent(left)),
                (_, right) => format!("right:{}", percent(right.unwrap_or(0.0))),
            };
            let shown = if l.shown { "inline" } else { "none" };
            format!("{at};display:{shown}")
        });
        let _ = write!(
            html,
            "<span class=\"term-label {class}\">{}</span>",
            escape_html(&label.name)
        );
    }
    html.push_str(&sheet.placed(html_of(extents(widest))));
    let todays: Vec<String> = bands.iter().map(|(_, d)| html_of(today(d))).collect();
    html.push_str(&sheet.placed_bands(&todays));
    html.push_str("<span class=\"axis-line\"></span>");
    let lines: Vec<String> = bands.iter().map(|(_, d)| html_of(leaders(d))).collect();
    html.push_str(&sheet.placed_bands(&lines));
    let is_selected = Selector::new(move || state.selected.get());
    let dotted: Vec<String> = bands
        .iter()
        .map(|(_, d)| html_of(dots(state, &d.marks, is_selected.clone())))
        .collect();
    html.push_str(&sheet.placed_bands(&dotted));
    html.push_str("</div>");
    let width = sheet.varying(bands, "", |d| {
        format!("--label-w:{}px", fixed(d.label_width, 1))
    });
    let _ = write!(html, "<ol class=\"markers {width}\">");
    let places: Vec<String> = (0..widest.marks.len())
        .map(|n| {
            sheet.varying(bands, "", |d| {
                format!("--pos:{}", percent(d.marks[n].label))
            })
        })
        .collect();
    html.push_str(&html_of(marker_links(state, &widest.marks, &places, total)));
    html.push_str("</ol></div>");
}

/// What `style/main.css` gives a tick's name: right of its tick.
const TICK_NAME: &str = "display:inline;left:4px;right:auto;padding:0 2px 0 0";

#[cfg(test)]
mod tests;
