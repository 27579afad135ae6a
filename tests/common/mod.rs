//! What the program tests share. Each test program uses a part of it.
#![allow(dead_code)]

pub mod fixtures;

/// The text of `text` from a line and column (both from 1, the column in
/// characters), as the data check and the importer report places.
pub fn text_at(text: &str, line: usize, column: usize) -> String {
    text.lines()
        .nth(line - 1)
        .unwrap()
        .chars()
        .skip(column - 1)
        .collect()
}
