//! Writes every bad-data fixture (tests/fixtures/fixtures.json applied to
//! its base) under FOLDER, for the end-to-end tests:
//! `cargo run --example fixtures -- FOLDER`.

#[path = "../tests/common/fixtures.rs"]
#[allow(dead_code)] // `file`, the tests' own way in
mod fixtures;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: fixtures FOLDER");
    fixtures::write_all(std::path::Path::new(&dir));
}
