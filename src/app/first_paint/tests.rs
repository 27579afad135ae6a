use super::*;
use crate::model::date::days_from_civil;
use crate::model::load;
use crate::model::nav::MARKERS_PER_PAGE;
use crate::render::escape_html;

#[test]
fn the_first_paint_holds_every_marker_and_card_and_no_inline_style() {
    let timeline = load(include_str!("../../../public/data/timeline.json")).unwrap();
    for lang in Lang::ALL {
        let p = first_paint(&timeline, lang, days_from_civil(2026, 11, 29));
        for entry in &timeline.entries {
            let id = &entry.event.id;
            assert!(p
                .html
                .contains(&format!("href=\"#{id}\" data-event-id=\"{id}\"")));
            assert!(p.html.contains(&format!("<article id=\"{id}\"")));
            assert!(p.html.contains(&escape_html(entry.event.title.get(lang).0)));
        }
        assert_eq!(
            p.html.matches("aria-current=\"true\"").count(),
            1,
            "the language: the first event only looks selected"
        );
        assert!(p.html.contains("class=\"marker-button selected\""));
        // What needs the app is inert: no tab stop but links.
        assert_eq!(
            p.html.matches(" inert").count(),
            4 + usize::from(timeline.entries.len() > MARKERS_PER_PAGE) * 2
        );
        assert!(!p.html.contains("tabindex"));
        assert!(
            !p.html.contains("style="),
            "the CSP forbids style attributes"
        );
        // Every class the markup uses has its rule, and the other way round.
        let classes = p.html.matches(" q").count();
        assert!(classes > 10);
        assert!(p.css.contains(".q0{--zoom:1.50}"), "{}", &p.css[..200]);
        assert!(p.css.contains("@container (width<1120px)"));
    }
}

#[test]
fn a_resolved_expectation_is_drawn_in_the_first_paint_as_an_event_with_its_link() {
    let fixture = include_str!("../../../tests/data/resolved-expectation.json");
    let timeline = load(fixture).unwrap();
    let p = first_paint(&timeline, Lang::ZhHant, days_from_civil(2026, 11, 29));
    // Only the legend's swatch: no pending marker, dot or bar.
    assert_eq!(p.html.matches(" expected").count(), 1);
    assert!(p
        .html
        .contains("<a href=\"#first-cohort-arrives-2025-09\">預期已實現："));
    let shipped = load(include_str!("../../../public/data/timeline.json")).unwrap();
    let p = first_paint(&shipped, Lang::ZhHant, days_from_civil(2026, 11, 29));
    assert!(
        p.html.matches(" expected").count() > 1,
        "the shipped one is pending"
    );
}
