//! The components rendered to HTML on the host (Leptos's `ssr`), as the
//! build-time first paint renders them.

use std::sync::Arc;

use leptos::prelude::*;

use super::state::TimelineState;
use super::zoom::Legend;
use crate::model::{load, Lang, Options};

#[test]
fn the_legend_renders_to_html_on_the_host() {
    let timeline = load(include_str!("../../../public/data/timeline.json")).unwrap();
    let html = Owner::new().with(|| {
        let state = TimelineState::new(Arc::new(timeline), Lang::En, &Options::default(), false);
        view! { <Legend state /> }.to_html()
    });
    assert!(html.starts_with("<div class=\"legend\"><p class=\"legend-title\">Key</p><ul><li>"));
    assert_eq!(html.matches("class=\"swatch ").count(), 5, "{html}");
}
