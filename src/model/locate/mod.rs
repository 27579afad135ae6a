//! Places in the text of a JSON file: the line and column of a JSON path
//! (`events[2].date`), and the JSON path at a line and column.
//!
//! The validator reports a problem by its path; serde reports a wrong type
//! by its line and column. The app and the data check
//! (`src/bin/check-data.rs`) give an editor both, placed alike. A small scanner over the text, no
//! second parser of the data: it only skips values and reads keys, and on
//! broken JSON it answers with the deepest place it reached.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One step of a JSON path: a member's name or an array's index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Splits a path such as `events[2].title.zh-Hant` into its steps.
pub fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Step::Key(name.to_string()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(close) = inner.find(']') else { break };
            if let Ok(i) = inner[..close].parse() {
                out.push(Step::Index(i));
            }
            rest = &inner[close + 1..];
        }
    }
    out
}

/// The index of the event a path is in (`events[4].date`: 4), so that
/// messages can number it from one in words ("the 5th event").
pub fn event_index(path: &str) -> Option<usize> {
    let mut n: usize = 0;
    for (i, &b) in path.strip_prefix("events[")?.as_bytes().iter().enumerate() {
        match b {
            // Paths come from this crate: no index overflows.
            b'0'..=b'9' => n = n.wrapping_mul(10).wrapping_add(usize::from(b - b'0')),
            b']' if i > 0 => return Some(n),
            _ => return None,
        }
    }
    None
}

/// Writes steps back as a path: `events[2].title`.
pub fn path_of(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// `i` at an opening quote; the index after the closing one.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// `i` at the start of a value; the index after its end.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

/// An entry of an object or a list: where a member's name starts (at the
/// quote) and ends (after the quote), or, for a list's item, where the
/// item starts, twice; then where its value starts.
type Entry = (usize, usize, usize);

/// A member's name as written: an escape in a field's name (`"\u0069d"`)
/// is not decoded, which no field of the format needs.
fn name(text: &str, (start, end, _): Entry) -> &str {
    // At ASCII quotes: always on a character's boundary.
    &text[start + 1..end - 1]
}

/// The entries of the object or the list starting at `i`, in order (none
/// for any other value). Stops quietly where the JSON breaks.
struct Entries<'a> {
    b: &'a [u8],
    j: usize,
    object: bool,
    done: bool,
}

fn entries(b: &[u8], i: usize) -> Entries<'_> {
    Entries {
        b,
        j: skip_ws(b, i + 1),
        object: b.get(i) == Some(&b'{'),
        done: !matches!(b.get(i), Some(b'{' | b'[')),
    }
}

impl Iterator for Entries<'_> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        let b = self.b;
        let mut j = self.j;
        self.done |= match b.get(j) {
            Some(b'"') => false,
            Some(b'}' | b']') | None => true,
            Some(_) => self.object,
        };
        if self.done {
            return None;
        }
        self.done = true;
        let (start, end) = if self.object {
            let end = skip_string(b, j)?;
            let start = j;
            j = skip_ws(b, end);
            if b.get(j) != Some(&b':') {
                return None;
            }
            j = skip_ws(b, j + 1);
            (start, end)
        } else {
            (j, j)
        };
        if let Some(after) = skip_value(b, j) {
            let k = skip_ws(b, after);
            if b.get(k) == Some(&b',') {
                self.j = skip_ws(b, k + 1);
                self.done = false;
            }
        }
        Some((start, end, j))
    }
}

/// The byte offset where the value at `steps` starts in `text`, or, when
/// the path goes further than the file (a missing member), where the
/// deepest part of it that exists starts.
fn descend(text: &str, mut at: usize, steps: &[Step]) -> usize {
    let b = text.as_bytes();
    for step in steps {
        let next = match (step, b.get(at)) {
            (Step::Key(key), Some(b'{')) => entries(b, at)
                .find(|&m| name(text, m) == key)
                .map(|(_, _, v)| v),
            (Step::Index(n), Some(b'[')) => entries(b, at).nth(*n).map(|(_, _, v)| v),
            _ => None,
        };
        match next {
            Some(next) => at = next,
            None => break,
        }
    }
    at
}

/// A line and column, both counted from 1; the column in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
}

/// Finds places in one file's text. Indexes the top-level arrays once, when
/// a path is first placed, so that placing thousands of problems in a large
/// file stays linear (the app, which places one problem from serde's
/// offset, never builds the index, and carries none of its code).
pub struct Locator<'a> {
    text: &'a str,
    /// Each line's starting byte.
    lines: Vec<usize>,
    /// For each top-level member: its value's start and, for an array, its
    /// items' starts.
    top: OnceCell<BTreeMap<String, (usize, Vec<usize>)>>,
    root: usize,
}

impl<'a> Locator<'a> {
    /// A locator for decoded text, without a byte-order mark
    /// ([`super::load::decode`]).
    pub fn new(text: &'a str) -> Self {
        let b = text.as_bytes();
        let mut lines = vec![0];
        lines.extend(
            b.iter()
                .enumerate()
                .filter(|(_, &c)| c == b'\n')
                .map(|(i, _)| i + 1),
        );
        let root = skip_ws(b, 0);
        Locator {
            text,
            lines,
            top: OnceCell::new(),
            root,
        }
    }

    /// The top-level members' values and the items of the top-level lists.
    fn top(&self) -> &BTreeMap<String, (usize, Vec<usize>)> {
        self.top.get_or_init(|| {
            let b = self.text.as_bytes();
            let mut top = BTreeMap::new();
            if b.get(self.root) == Some(&b'{') {
                for m in entries(b, self.root) {
                    let list = if b.get(m.2) == Some(&b'[') {
                        entries(b, m.2).map(|(_, _, v)| v).collect()
                    } else {
                        Vec::new()
                    };
                    top.insert(name(self.text, m).to_string(), (m.2, list));
                }
            }
            top
        })
    }

    /// The line and column of a byte offset.
    pub fn place(&self, offset: usize) -> Place {
        let offset = offset.min(self.text.len());
        let line = self.lines.partition_point(|&start| start <= offset);
        let start = self.lines[line - 1];
        // Characters, not bytes: the bytes that do not continue one.
        let column = self.text.as_bytes()[start..offset]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count()
            + 1;
        Place { line, column }
    }

    /// The byte offset of a line and column as serde_json counts them
    /// (the column in bytes, from 1), moved past any white space: serde
    /// may stop just before the value it refuses.
    pub fn offset_of_serde(&self, line: usize, column: usize) -> usize {
        let start = self
            .lines
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let at = (start + column.saturating_sub(1)).min(self.text.len());
        skip_ws(self.text.as_bytes(), at)
    }

    /// [`Self::offset_of_serde`] for a value serde refused: serde may stop
    /// on the `:`, `,` or `[` before the value it only peeked at (a list
    /// for a text, `"events":{`), so the offset moves on to the value.
    pub fn offset_of_refused(&self, line: usize, column: usize) -> usize {
        let b = self.text.as_bytes();
        let at = self.offset_of_serde(line, column);
        match b.get(at) {
            Some(b':' | b',' | b'[') => skip_ws(b, at + 1),
            _ => at,
        }
    }

    /// Where the value at a problem's path starts (or the deepest part of
    /// the path that exists).
    pub fn locate(&self, path: &str) -> Place {
        self.place(self.offset_of(&steps(path)))
    }

    /// [`Self::locate`] as a byte offset.
    fn offset_of(&self, steps: &[Step]) -> usize {
        match steps {
            [Step::Key(key), rest @ ..] => match (self.top().get(key), rest) {
                (Some((_, list)), [Step::Index(n), rest @ ..]) if *n < list.len() => {
                    descend(self.text, list[*n], rest)
                }
                (Some((value, _)), rest) => descend(self.text, *value, rest),
                (None, _) => self.root,
            },
            _ => self.root,
        }
    }

    /// Where a problem of form is shown, given serde's own words for it
    /// (`raw`) and where the value it is about starts (for a missing
    /// member: its object): a misspelt member at its name, anything else
    /// where that value starts. The app's message ([`Self::serde_error`])
    /// and the data check ([`Self::form_place`]) place every problem of
    /// form with this one function, so they agree.
    pub fn form_place_at(&self, start: usize, raw: &str) -> Place {
        let misspelt = raw.strip_prefix("unknown field `").and_then(|rest| {
            let end = rest.bytes().position(|b| b == b'`')?;
            Some(&rest[..end])
        });
        if let Some(misspelt) = misspelt {
            let b = self.text.as_bytes();
            if b.get(start) == Some(&b'{') {
                let found = entries(b, start).find(|&m| name(self.text, m) == misspelt);
                if let Some((at, _, _)) = found {
                    return self.place(at);
                }
            }
        }
        self.place(start)
    }

    /// [`Self::form_place_at`] for the value at `path`.
    pub fn form_place(&self, path: &str, raw: &str) -> Place {
        self.form_place_at(self.offset_of(&steps(path)), raw)
    }

    /// An error serde found at a line and column: the path of the value it
    /// is about and its place. A problem of form (`form`: serde's words)
    /// is shown where [`Self::form_place_at`] puts it; broken JSON where it
    /// breaks.
    pub fn serde_error(&self, line: usize, column: usize, form: Option<&str>) -> (String, Place) {
        let offset = self.offset_of_refused(line, column);
        let (path, start) = self.value_at(offset);
        let place = match form {
            Some(raw) => self.form_place_at(start, raw),
            None => self.place(offset),
        };
        (path, place)
    }

    /// The path of the innermost value or member at a byte offset: where
    /// serde stopped, so that a wrong type is named by its path too.
    pub fn path_at(&self, offset: usize) -> String {
        self.value_at(offset).0
    }

    /// [`Self::path_at`], with where that innermost value starts.
    pub fn value_at(&self, offset: usize) -> (String, usize) {
        let b = self.text.as_bytes();
        let mut path = String::new();
        let mut at = self.root;
        loop {
            let inside = |start: usize| match skip_value(b, start) {
                Some(end) => start <= offset && offset < end,
                None => start <= offset,
            };
            // The last entry starting at or before the offset, if the
            // offset is inside its value.
            let mut last = None;
            for (k, m) in entries(b, at).enumerate() {
                if m.2 > offset {
                    break;
                }
                last = Some((k, m));
            }
            let next = last.filter(|&(_, m)| inside(m.2)).map(|(k, m)| {
                if b.get(at) == Some(&b'{') {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(name(self.text, m));
                } else {
                    let _ = write!(path, "[{k}]");
                }
                m.2
            });
            match next {
                Some(value) => at = value,
                None => break,
            }
        }
        (path, at)
    }
}

#[cfg(test)]
mod tests;
