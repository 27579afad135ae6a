//! The first paint's controls that need the app (the Embed button, the
//! filters, the page bar, the zoom bar), drawn as the app draws them but
//! `inert` until it takes over; the language links, which work without
//! it; and the legend.

use std::fmt::Write;

use crate::i18n::{texts, Texts};
use crate::model::nav::MARKERS_PER_PAGE;
use crate::model::options::Facets;
use crate::model::{Lang, Timeline};
use crate::render::card::localized;
use crate::render::escape_html;

/// The language switcher as links (each opens its language's page), and
/// the Embed button.
pub(super) fn toolbar(html: &mut String, t: &Texts, lang: Lang) {
    let _ = write!(
        html,
        "<div class=\"toolbar\"><div class=\"language\" role=\"group\" aria-label=\"{}\">",
        escape_html(t.language_label)
    );
    for option in Lang::ALL {
        let _ = write!(
            html,
            "<a href=\"?lang={code}\" lang=\"{code}\" hreflang=\"{code}\"{current}>{name}</a>",
            code = option.code(),
            current = if option == lang {
                " aria-current=\"true\""
            } else {
                ""
            },
            name = escape_html(texts(option).language_name),
        );
    }
    let _ = write!(
        html,
        "</div><button type=\"button\" class=\"embed-button\" aria-haspopup=\"dialog\" inert>{}</button></div>",
        escape_html(t.embed_button)
    );
}

/// The filter checkboxes, every one ticked (the default view shows all).
pub(super) fn filters(html: &mut String, timeline: &Timeline, t: &Texts, lang: Lang) {
    let facets = Facets::of(timeline);
    let check = |html: &mut String, name: &str, value: &str, label: &str| {
        let _ = write!(
            html,
            "<label class=\"check\"><input type=\"checkbox\" name=\"{name}\" value=\"{}\" checked>{label}</label>",
            escape_html(value)
        );
    };
    let _ = write!(
        html,
        "<div class=\"filters\" inert><fieldset><legend>{}</legend>",
        escape_html(t.filter_kinds)
    );
    for kind in &facets.kinds {
        check(html, "kind", kind.code(), &escape_html(t.kind(*kind)));
    }
    let _ = write!(
        html,
        "<p class=\"filter-hint\" id=\"filter-hint-kind\" hidden>{}</p></fieldset><fieldset><legend>{}</legend>",
        escape_html(t.kind_locked),
        escape_html(t.filter_organisations)
    );
    for id in &facets.organisations {
        if let Some(org) = timeline.organisation(id) {
            let mut label = String::new();
            localized(
                &mut label,
                "span",
                "",
                org.short_name.as_ref().unwrap_or(&org.name),
                lang,
            );
            check(html, "org", id, &label);
        }
    }
    let _ = write!(
        html,
        "<p class=\"filter-hint\" id=\"filter-hint-org\" hidden>{}</p></fieldset></div>",
        escape_html(t.organisation_locked)
    );
}

/// Where the first page of many events is, and the way to the others.
pub(super) fn page_bar(html: &mut String, t: &Texts, total: usize) {
    let _ = write!(
        html,
        "<div class=\"page-bar\"><p class=\"page-range\">{}</p>\
         <button type=\"button\" class=\"page-earlier\" aria-disabled=\"true\" inert><span aria-hidden=\"true\">← </span>{}</button>\
         <button type=\"button\" class=\"page-later\" aria-disabled=\"false\" inert>{}<span aria-hidden=\"true\"> →</span></button></div>",
        escape_html(&(t.page_range)(1, MARKERS_PER_PAGE, total)),
        escape_html(t.earlier_events),
        escape_html(t.later_events),
    );
}

/// The zoom buttons (for the app) and the legend.
pub(super) fn axis_tools(html: &mut String, t: &Texts) {
    let e = escape_html;
    let _ = write!(
        html,
        "<div class=\"axis-tools\"><div class=\"zoom-bar\" role=\"group\" aria-label=\"{}\" inert>\
         <button type=\"button\" class=\"zoom-out\" aria-keyshortcuts=\"-\" aria-disabled=\"false\"><span aria-hidden=\"true\">− </span>{}</button>\
         <button type=\"button\" class=\"zoom-in\" aria-keyshortcuts=\"+\" aria-disabled=\"false\"><span aria-hidden=\"true\">+ </span>{}</button>\
         <button type=\"button\" class=\"zoom-fit\" aria-disabled=\"false\">{}</button><p class=\"zoom-hint\">{}</p></div>\
         <div class=\"legend\"><p class=\"legend-title\">{}</p><ul>\
         <li><span class=\"swatch swatch-dot\" aria-hidden=\"true\"></span>{}</li>\
         <li><span class=\"swatch swatch-dot expected\" aria-hidden=\"true\"></span>{}</li>\
         <li><span class=\"swatch swatch-bar\" aria-hidden=\"true\"></span>{}</li>\
         <li><span class=\"swatch swatch-term\" aria-hidden=\"true\"></span>{}</li>\
         <li><span class=\"swatch swatch-today\" aria-hidden=\"true\"></span>{}</li></ul></div></div>",
        e(t.zoom_controls),
        e(t.zoom_out),
        e(t.zoom_in),
        e(t.zoom_fit),
        e(t.zoom_hint),
        e(t.legend),
        e(t.legend_took_place),
        e(t.legend_expected),
        e(t.legend_interval),
        e(t.legend_term),
        e(t.legend_today),
    );
}
