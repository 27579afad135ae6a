use super::*;
use crate::model::date::days_from_civil;
use crate::model::load;

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
            p.html.matches(" inert>").count(),
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
