//! Places in the text of a JSON file: the line and column of a JSON path
//! (`events[2].date`), and the JSON path at a line and column.
//!
//! The validator reports a problem by its path; serde reports a wrong type
//! by its line and column. The data check (`src/bin/check_data.rs`) gives
//! an editor both for every problem. A small scanner over the text, no
//! second parser of the data: it only skips values and reads keys, and on
//! broken JSON it answers with the deepest place it reached.

use std::collections::HashMap;

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
    let rest = path.strip_prefix("events[")?;
    rest[..rest.find(']')?].parse().ok()
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

/// The members of the object starting at `i`: (name, start of the name,
/// start of its value). Stops quietly where the JSON breaks.
fn members(text: &str, i: usize) -> Vec<(String, usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut j = skip_ws(b, i + 1);
    while b.get(j) == Some(&b'"') {
        let name = j;
        let Some(end) = skip_string(b, j) else { break };
        let key = serde_json::from_str::<String>(&text[j..end])
            .unwrap_or_else(|_| text[j + 1..end - 1].to_string());
        j = skip_ws(b, end);
        if b.get(j) != Some(&b':') {
            break;
        }
        let value = skip_ws(b, j + 1);
        out.push((key, name, value));
        let Some(after) = skip_value(b, value) else {
            break;
        };
        j = skip_ws(b, after);
        if b.get(j) != Some(&b',') {
            break;
        }
        j = skip_ws(b, j + 1);
    }
    out
}

/// The starts of the items of the array starting at `i`.
fn items(b: &[u8], i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut j = skip_ws(b, i + 1);
    if b.get(j) == Some(&b']') {
        return out;
    }
    while j < b.len() {
        out.push(j);
        let Some(after) = skip_value(b, j) else { break };
        j = skip_ws(b, after);
        if b.get(j) != Some(&b',') {
            break;
        }
        j = skip_ws(b, j + 1);
    }
    out
}

/// The byte offset where the value at `steps` starts in `text`, or, when
/// the path goes further than the file (a missing member), where the
/// deepest part of it that exists starts.
fn descend(text: &str, mut at: usize, steps: &[Step]) -> usize {
    let b = text.as_bytes();
    for step in steps {
        let next = match (step, b.get(at)) {
            (Step::Key(name), Some(b'{')) => members(text, at)
                .into_iter()
                .find(|(k, _, _)| k == name)
                .map(|(_, _, v)| v),
            (Step::Index(n), Some(b'[')) => items(b, at).get(*n).copied(),
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

/// Finds places in one file's text. Indexes the top-level arrays once, so
/// that placing thousands of problems in a large file stays linear.
pub struct Locator<'a> {
    text: &'a str,
    /// Each line's starting byte.
    lines: Vec<usize>,
    /// For each top-level member: its value's start and, for an array, its
    /// items' starts.
    top: HashMap<String, (usize, Vec<usize>)>,
    root: usize,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str) -> Self {
        let b = text.as_bytes();
        let mut lines = vec![0];
        lines.extend(
            b.iter()
                .enumerate()
                .filter(|(_, &c)| c == b'\n')
                .map(|(i, _)| i + 1),
        );
        // A byte-order mark is not part of the JSON.
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let root = skip_ws(b, start);
        let mut top = HashMap::new();
        if b.get(root) == Some(&b'{') {
            for (key, _, value) in members(text, root) {
                let list = if b.get(value) == Some(&b'[') {
                    items(b, value)
                } else {
                    Vec::new()
                };
                top.insert(key, (value, list));
            }
        }
        Locator {
            text,
            lines,
            top,
            root,
        }
    }

    /// The line and column of a byte offset.
    pub fn place(&self, offset: usize) -> Place {
        let offset = offset.min(self.text.len());
        let line = self.lines.partition_point(|&start| start <= offset);
        let start = self.lines[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
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
            [Step::Key(key), rest @ ..] => match (self.top.get(key), rest) {
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
    /// (`raw`) and the path of the value it is about: a misspelt member at
    /// its name, anything else where its value (for a missing member: its
    /// object) starts. The app's message and the data check place every
    /// problem of form with this one function, so they agree.
    pub fn form_place(&self, path: &str, raw: &str) -> Place {
        let misspelt = raw
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next());
        if let Some(name) = misspelt {
            let object = self.offset_of(&steps(path));
            if self.text.as_bytes().get(object) == Some(&b'{') {
                let found = members(self.text, object)
                    .into_iter()
                    .find(|(k, _, _)| k == name);
                if let Some((_, at, _)) = found {
                    return self.place(at);
                }
            }
        }
        self.locate(path)
    }

    /// The path of the innermost value or member at a byte offset: where
    /// serde stopped, so that a wrong type is named by its path too.
    pub fn path_at(&self, offset: usize) -> String {
        self.value_at(offset).0
    }

    /// [`Self::path_at`], with where that innermost value starts.
    pub fn value_at(&self, offset: usize) -> (String, usize) {
        let b = self.text.as_bytes();
        let mut steps = Vec::new();
        let mut at = self.root;
        loop {
            let inside = |start: usize| match skip_value(b, start) {
                Some(end) => start <= offset && offset < end,
                None => start <= offset,
            };
            let next = match b.get(at) {
                Some(b'{') => members(self.text, at)
                    .into_iter()
                    .rev()
                    .find(|&(_, _, v)| v <= offset)
                    .filter(|&(_, _, v)| inside(v))
                    .map(|(k, _, v)| (Step::Key(k), v)),
                Some(b'[') => items(b, at)
                    .into_iter()
                    .enumerate()
                    .rev()
                    .find(|&(_, v)| v <= offset)
                    .filter(|&(_, v)| inside(v))
                    .map(|(i, v)| (Step::Index(i), v)),
                _ => None,
            };
            match next {
                Some((step, value)) => {
                    steps.push(step);
                    at = value;
                }
                None => break,
            }
        }
        (path_of(&steps), at)
    }

    /// Where to show an error serde found at `offset`: the start of the
    /// text, number or literal it stands in (serde stops at its end), or
    /// the offset itself inside an object or a list (a misspelt member's
    /// name, the brace of an object missing a member).
    pub fn error_place(&self, offset: usize) -> (String, Place) {
        let b = self.text.as_bytes();
        let (path, start) = self.value_at(offset);
        let scalar = !matches!(b.get(start), Some(b'{' | b'['));
        let at = if scalar {
            start
        } else if b.get(offset) == Some(&b'"') && offset > start {
            // The end of a member's name: show its start.
            (start..offset)
                .rev()
                .find(|&i| b[i] == b'"' && b[i - 1] != b'\\')
                .unwrap_or(offset)
        } else {
            offset
        };
        (path, self.place(at))
    }
}

#[cfg(test)]
mod tests;
