//! The smallest Leptos 0.8 app: one paragraph.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p>"Hello"</p> })
}
