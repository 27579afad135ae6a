//! The filter checkboxes: one per kind and per organisation that occurs in
//! the events ([`Facets`]). The last one shown cannot be hidden.

use leptos::prelude::*;

use super::state::TimelineState;
use super::text;
use crate::model::options::Facets;
use crate::model::Filter;

/// Checkboxes for the kinds and organisations present in the data.
#[component]
pub(super) fn Filters(state: TimelineState) -> impl IntoView {
    let (kinds, orgs) = state.timeline.with_value(|t| {
        let Facets {
            kinds,
            organisations,
        } = Facets::of(t);
        let orgs: Vec<(String, String, &'static str)> = organisations
            .into_iter()
            .filter_map(|id| {
                let o = t.organisation(&id)?;
                let (name, lang) = text(o.short_name.as_ref().unwrap_or(&o.name), state.lang);
                Some((id, name, lang))
            })
            .collect();
        (kinds, orgs)
    });
    let org_ids: Vec<String> = orgs.iter().map(|(id, _, _)| id.clone()).collect();
    let kind_boxes = kinds
        .iter()
        .map(|&kind| {
            let kinds = kinds.clone();
            filter_check(
                state,
                "kind",
                kind.code().to_string(),
                state.t.kind(kind),
                move |f| (f.shows_kind(kind), f.kind_locked(kind)),
                move |f| f.toggle_kind(kind, &kinds),
            )
        })
        .collect_view();
    let org_boxes = orgs
        .into_iter()
        .map(|(id, name, lang)| {
            let org_ids = org_ids.clone();
            let check_id = id.clone();
            let toggle_id = id.clone();
            filter_check(
                state,
                "org",
                id,
                view! { <span lang=lang>{name}</span> },
                move |f| {
                    (
                        f.shows_organisation(&check_id),
                        f.organisation_locked(&check_id),
                    )
                },
                move |f| f.toggle_organisation(&toggle_id, &org_ids),
            )
        })
        .collect_view();
    view! {
        <div class="filters">
            <fieldset>
                <legend>{state.t.filter_kinds}</legend>
                {kind_boxes}
            </fieldset>
            <fieldset>
                <legend>{state.t.filter_organisations}</legend>
                {org_boxes}
            </fieldset>
        </div>
    }
}

/// One filter checkbox. `check` says whether its value is shown and
/// whether it is locked (the last one shown cannot be hidden, so it is
/// disabled); `toggle` flips it.
fn filter_check(
    state: TimelineState,
    name: &'static str,
    value: String,
    label: impl IntoView + 'static,
    check: impl Fn(&Filter) -> (bool, bool) + Clone + Send + Sync + 'static,
    toggle: impl Fn(&mut Filter) + 'static,
) -> impl IntoView {
    let locked = check.clone();
    view! {
        <label class="check">
            <input
                type="checkbox"
                name=name
                value=value
                prop:checked=move || state.filter.with(|f| check(f).0)
                disabled=move || state.filter.with(|f| locked(f).1)
                on:change=move |_| {
                    let mut f = state.filter.get_untracked();
                    toggle(&mut f);
                    state.set_filter(f);
                }
            />
            {label}
        </label>
    }
}
