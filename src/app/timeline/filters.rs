//! The filter checkboxes: one per kind and per organisation that occurs in
//! the events ([`Facets`]). The last one shown cannot be hidden.

use leptos::prelude::*;

use super::state::TimelineState;
use super::text_and_lang;
use crate::app::dom;
use crate::model::options::Facets;
use crate::model::Filter;

/// Checkboxes for the kinds and organisations present in the data, with
/// the hints that say why the last shown one is locked.
///
/// The two groups are built the same way, each box by [`filter_check`];
/// their hints are read by the boxes (`aria-describedby`), so they are
/// drawn here, beside them.
#[component]
pub(crate) fn Filters(state: TimelineState) -> impl IntoView {
    let (kinds, orgs) = state.timeline.with_value(|t| {
        let Facets {
            kinds,
            organisations,
        } = Facets::of(t);
        let orgs: Vec<(String, String, &'static str)> = organisations
            .into_iter()
            .filter_map(|id| {
                let o = t.organisation(&id)?;
                let (name, lang) =
                    text_and_lang(o.short_name.as_ref().unwrap_or(&o.name), state.lang);
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
                view! { <span {..dom::attr("lang", lang)}>{name}</span> },
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
    let t = state.t;
    let any_kind_locked = {
        let kinds = kinds.clone();
        move || {
            state
                .filter
                .with(|f| kinds.iter().any(|&k| f.kind_locked(k)))
        }
    };
    let any_org_locked = move || {
        state
            .filter
            .with(|f| org_ids.iter().any(|o| f.organisation_locked(o)))
    };
    view! {
        <div class="filters" {..dom::before_app("inert", state.before_app())}>
            <fieldset>
                <legend>{t.filter_kinds}</legend>
                {kind_boxes}
                <p class="filter-hint" {..dom::attr("id", KIND_HINT)} {..dom::attr_fn("hidden", move || !any_kind_locked())}>
                    {t.kind_locked}
                </p>
            </fieldset>
            <fieldset>
                <legend>{t.filter_organisations}</legend>
                {org_boxes}
                <p class="filter-hint" {..dom::attr("id", ORG_HINT)} {..dom::attr_fn("hidden", move || !any_org_locked())}>
                    {t.organisation_locked}
                </p>
            </fieldset>
        </div>
    }
}

/// The ids of the hints that say why a checkbox is locked.
const KIND_HINT: &str = "filter-hint-kind";
const ORG_HINT: &str = "filter-hint-org";

/// One filter checkbox. `check` says whether its value is shown and
/// whether it is locked (the last one shown cannot be hidden); `toggle`
/// flips it. A locked box stays in the tab order: it is `aria-disabled`,
/// described by the hint with id `hint` that says why, and a click on it
/// changes nothing but repeats the hint to screen readers.
fn filter_check(
    state: TimelineState,
    name: &'static str,
    value: String,
    label: impl IntoView + 'static,
    check: impl Fn(&Filter) -> (bool, bool) + Clone + Send + Sync + 'static,
    toggle: impl Fn(&mut Filter) + 'static,
) -> impl IntoView {
    let (hint, why) = if name == "kind" {
        (KIND_HINT, state.t.kind_locked)
    } else {
        (ORG_HINT, state.t.organisation_locked)
    };
    let locked = {
        let check = check.clone();
        move || state.filter.with(|f| check(f).1)
    };
    let checked_before_app = state.before_app() && state.filter.with_untracked(|f| check(f).0);
    let locked_now = locked.clone();
    let described = locked.clone();
    view! {
        <label class="check">
            <input
                {..dom::attr("type", "checkbox")}
                {..dom::attr("name", name)}
                {..dom::attr_string("value", value)}
                prop:checked=move || state.filter.with(|f| check(f).0)
                {..dom::before_app("checked", checked_before_app)}
                {..dom::attr_fn("aria-disabled", move || locked().then_some("true"))}
                {..dom::attr_fn("aria-describedby", move || described().then_some(hint))}
                on:click=dom::handler(move |e: web_sys::MouseEvent| {
                    if locked_now() {
                        // Keeps the box ticked: the browser undoes the click.
                        e.prevent_default();
                        state.announcement.set(why.to_string());
                    }
                })
                on:change=dom::handler(move |_| {
                    let mut f = state.filter.get_untracked();
                    toggle(&mut f);
                    state.set_filter(f);
                })
            />
            {label}
        </label>
    }
}
