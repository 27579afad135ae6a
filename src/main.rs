//! The browser entry point (built by Trunk for wasm32).

fn main() {
    #[cfg(target_arch = "wasm32")]
    hkust_pumch_timeline::app::start();
}
