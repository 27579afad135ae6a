//! The browser entry point (built by Trunk for wasm32).

/// The allocator: talc instead of Rust's default dlmalloc (smaller; the
/// WebAssembly here is single-threaded, which talc's cell requires).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    hkust_pumch_timeline::app::start();
}
