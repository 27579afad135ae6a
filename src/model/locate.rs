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

/// The members of the object starting at `i`: (name, start of its value).
/// Stops quietly where the JSON breaks.
fn members(text: &str, i: usize) -> Vec<(String, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut j = skip_ws(b, i + 1);
    while b.get(j) == Some(&b'"') {
        let Some(end) = skip_string(b, j) else { break };
        let key = serde_json::from_str::<String>(&text[j..end])
            .unwrap_or_else(|_| text[j + 1..end - 1].to_string());
        j = skip_ws(b, end);
        if b.get(j) != Some(&b':') {
            break;
        }
        let value = skip_ws(b, j + 1);
        out.push((key, value));
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
                .find(|(k, _)| k == name)
                .map(|(_, v)| v),
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
            for (key, value) in members(text, root) {
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

    /// Where the value at a problem's path starts (or the deepest part of
    /// the path that exists).
    pub fn locate(&self, path: &str) -> Place {
        let steps = steps(path);
        let at = match steps.as_slice() {
            [Step::Key(key), rest @ ..] => match (self.top.get(key), rest) {
                (Some((_, list)), [Step::Index(n), rest @ ..]) if *n < list.len() => {
                    descend(self.text, list[*n], rest)
                }
                (Some((value, _)), rest) => descend(self.text, *value, rest),
                (None, _) => self.root,
            },
            _ => self.root,
        };
        self.place(at)
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
                    .find(|&(_, v)| v <= offset)
                    .filter(|&(_, v)| inside(v))
                    .map(|(k, v)| (Step::Key(k), v)),
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
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"title\": {\"en\": \"A\", \"zh-Hant\": \"甲\"},\n  \"events\": [\n    {\"id\": \"a\", \"date\": \"2024-13\"},\n    {\"id\": \"b\", \"title\": {\"en\": \"x\\\"y\"}, \"date\": 5}\n  ]\n}\n";

    #[test]
    fn paths_split_and_join() {
        let s = steps("events[2].title.zh-Hant");
        assert_eq!(
            s,
            [
                Step::Key("events".into()),
                Step::Index(2),
                Step::Key("title".into()),
                Step::Key("zh-Hant".into())
            ]
        );
        assert_eq!(path_of(&s), "events[2].title.zh-Hant");
        assert_eq!(steps("$schema"), [Step::Key("$schema".into())]);
    }

    #[test]
    fn a_path_has_a_line_and_column() {
        let l = Locator::new(TEXT);
        assert_eq!(
            l.locate("events[0].date"),
            Place {
                line: 4,
                column: 25
            }
        );
        assert_eq!(
            l.locate("events[1].date"),
            Place {
                line: 5,
                column: 50
            }
        );
        assert_eq!(
            l.locate("title.zh-Hant"),
            Place {
                line: 2,
                column: 35
            }
        );
        assert_eq!(
            l.locate("events"),
            Place {
                line: 3,
                column: 13
            }
        );
        // A member that is not there: its object.
        assert_eq!(l.locate("events[1].place"), Place { line: 5, column: 5 });
        // An index past the end: the array.
        assert_eq!(
            l.locate("events[7].date"),
            Place {
                line: 3,
                column: 13
            }
        );
        assert_eq!(l.locate("nothing"), Place { line: 1, column: 1 });
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let l = Locator::new("{\"a\": \"甲乙\", \"b\": 1}");
        assert_eq!(
            l.locate("b"),
            Place {
                line: 1,
                column: 18
            }
        );
    }

    #[test]
    fn an_offset_has_a_path() {
        let l = Locator::new(TEXT);
        let at = |needle: &str| TEXT.find(needle).unwrap();
        assert_eq!(l.path_at(at("2024-13")), "events[0].date");
        assert_eq!(l.path_at(at("5}")), "events[1].date");
        assert_eq!(l.path_at(at("x\\\"y")), "events[1].title.en");
        // Between members: the object.
        assert_eq!(l.path_at(at("\"date\": 5") - 1), "events[1]");
        assert_eq!(l.path_at(0), "");
    }

    #[test]
    fn an_error_is_shown_where_its_value_starts() {
        let l = Locator::new(TEXT);
        // serde stops at the end of a text it refuses.
        let (path, place) = l.error_place(TEXT.find("2024-13").unwrap() + 7);
        assert_eq!(
            (path.as_str(), place),
            ("events[0].date", l.locate("events[0].date"))
        );
        // Inside an object, the place stays.
        let brace = TEXT.rfind('}').unwrap();
        assert_eq!(l.error_place(brace), ("".to_string(), l.place(brace)));
    }

    #[test]
    fn broken_json_gives_the_deepest_place_reached() {
        let text = "{\"events\": [{\"id\": \"a\", \"date\": \"20";
        let l = Locator::new(text);
        assert_eq!(l.path_at(text.len()), "events[0].date");
        assert_eq!(l.locate("events[0].date").line, 1);
    }

    #[test]
    fn serde_places_become_offsets() {
        let l = Locator::new(TEXT);
        // serde's columns are bytes from 1; white space is skipped, as
        // serde may stop just before the value it refuses.
        assert_eq!(l.offset_of_serde(2, 1), TEXT.find("\"title\"").unwrap());
        assert_eq!(l.offset_of_serde(4, 24), TEXT.find("\"2024-13\"").unwrap());
    }
}
