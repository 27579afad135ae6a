//! Every problem of a file in one run, for the data check: problems of
//! form (a wrong type, a misspelt or missing field, a value not allowed),
//! rule problems and warnings together, each placed by line and column.
//!
//! The app stops at the first problem of form: serde reads the file into
//! the types of [`super::schema`] and refuses what does not fit. To go on,
//! the check reads the file as a `serde_json::Value` and hands each part
//! to the same types (so the form stays defined once, by those types):
//! where serde refuses something, the problem is noted with serde's words
//! ([`super::load::plain`]) and its place ([`Locator::form_place`], as the
//! app places it), the part is mended (a misspelt member taken out, a
//! missing one or a wrong value replaced by a stand-in of the right type)
//! and read again. The rules and the warnings then run on what was read,
//! except on the stand-ins: a problem at or under a mended path is not
//! reported, as it is the stand-in's, not the editor's.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::load::{plain, serde_words, syntax_error, LoadError};
use super::locate::{path_of, steps, Locator, Place, Step};
use super::schema::{Event, Organisation, Person, Source, TimelineDoc};
use super::validate::{validate, Problem};
use super::warnings::{doc_warnings, warnings};

/// A problem with its place in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub problem: Problem,
    pub place: Place,
}

/// What the check finds in a file that reads as JSON: errors (form and
/// rules) and warnings, each list in the file's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub errors: Vec<Placed>,
    pub warnings: Vec<Placed>,
}

/// Mendings of one part before the check gives up on it (and on the rules,
/// which would then misnumber what follows): far more than an editor's
/// mistakes in one event.
const MAX_MENDS: usize = 1_000;

/// Checks decoded text (no byte-order mark). `Err` for a file of another
/// schema version (or of none), which the rest of the check would misread.
pub fn check(text: &str) -> Result<Report, LoadError> {
    let locator = Locator::new(text);
    let place = |p: Problem| Placed {
        place: locator.locate(&p.path),
        problem: p,
    };
    let (errors, warned) = match super::load::load(text) {
        // The usual case, in one pass.
        Ok(timeline) => (
            Vec::new(),
            warnings(&timeline).into_iter().map(place).collect(),
        ),
        Err(LoadError::Invalid(problems)) => {
            // Valid in form, invalid by the rules: the warnings too.
            let doc: TimelineDoc =
                serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;
            let warned = doc_warnings(&doc).into_iter().map(place).collect();
            (problems.into_iter().map(place).collect(), warned)
        }
        Err(LoadError::Syntax {
            message,
            path,
            line,
            column,
        }) => {
            // What the app says.
            let first = Placed {
                problem: Problem { path, message },
                place: Place { line, column },
            };
            let Ok(value) = serde_json::from_str::<Value>(text) else {
                // Broken JSON: nothing more can be read.
                return Ok(Report {
                    errors: vec![first],
                    warnings: Vec::new(),
                });
            };
            match read_all(&locator, value) {
                // A member given twice is the one problem a `Value` cannot
                // show (it keeps the last): the app's words for it.
                Some((mut errors, warned)) if !errors.is_empty() => {
                    if first.problem.message.starts_with("duplicate field") {
                        errors.push(first);
                    }
                    (errors, warned)
                }
                _ => (vec![first], Vec::new()),
            }
        }
        Err(e) => return Err(e),
    };
    Ok(Report {
        errors: in_order(errors),
        warnings: in_order(warned),
    })
}

/// Problems in the file's order (stable: those at one place keep theirs).
fn in_order(mut problems: Vec<Placed>) -> Vec<Placed> {
    problems.sort_by_key(|p| (p.place.line, p.place.column));
    problems
}

/// Whether a file looks like a TimelineJS file (its events have a
/// `start_date`, its title a `text.headline`), which the importer
/// converts: `cargo run --bin import-timelinejs -- FILE`.
pub fn is_timelinejs(text: &str) -> bool {
    let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    let dated = doc
        .get("events")
        .and_then(Value::as_array)
        .is_some_and(|events| events.iter().any(|e| e.get("start_date").is_some()));
    let headline = doc
        .get("title")
        .and_then(|t| t.get("text"))
        .and_then(|t| t.get("headline"))
        .is_some();
    dated || headline
}

/// The lists read item by item, so a problem in one item leaves the
/// others readable and numbered as in the file.
const LISTS: [&str; 4] = ["organisations", "people", "sources", "events"];

struct Reader<'a> {
    locator: &'a Locator<'a>,
    errors: Vec<Placed>,
    /// Paths where a stand-in replaced what the file says.
    mended: Vec<Vec<Step>>,
}

/// Reads the whole file, noting every problem of form, then checks the
/// rules and the warnings on what was read: (errors, warnings). `None` if
/// a part could not be mended.
fn read_all(locator: &Locator, mut value: Value) -> Option<(Vec<Placed>, Vec<Placed>)> {
    let mut reader = Reader {
        locator,
        errors: Vec::new(),
        mended: Vec::new(),
    };
    let mut lists: Vec<Option<Vec<Value>>> = Vec::new();
    for name in LISTS {
        let items = match value.get_mut(name) {
            Some(Value::Array(items)) => Some(std::mem::take(items)),
            _ => None,
        };
        lists.push(items);
    }
    let mut doc: TimelineDoc = reader.read(&[], &mut value)?;
    let [orgs, people, sources, events] = <[_; 4]>::try_from(lists).ok()?;
    if let Some(items) = orgs {
        doc.organisations = reader.items::<Organisation>("organisations", items)?;
    }
    if let Some(items) = people {
        doc.people = reader.items::<Person>("people", items)?;
    }
    if let Some(items) = sources {
        doc.sources = reader.items::<Source>("sources", items)?;
    }
    if let Some(items) = events {
        doc.events = reader.items::<Event>("events", items)?;
    }
    let mut errors = std::mem::take(&mut reader.errors);
    let warned: Vec<Placed> = reader.placed(doc_warnings(&doc));
    if let Err(problems) = validate(doc) {
        errors.extend(reader.placed(problems));
    }
    Some((errors, warned))
}

impl Reader<'_> {
    /// Rule problems and warnings with their places, but for the stand-ins'.
    fn placed(&self, problems: Vec<Problem>) -> Vec<Placed> {
        problems
            .into_iter()
            .filter(|p| !self.is_mended(&steps(&p.path)))
            .map(|p| Placed {
                place: self.locator.locate(&p.path),
                problem: p,
            })
            .collect()
    }

    fn is_mended(&self, path: &[Step]) -> bool {
        self.mended.iter().any(|m| path.starts_with(m))
    }

    fn items<T: DeserializeOwned>(&mut self, list: &str, items: Vec<Value>) -> Option<Vec<T>> {
        let mut out = Vec::with_capacity(items.len());
        for (i, mut item) in items.into_iter().enumerate() {
            let at = [Step::Key(list.into()), Step::Index(i)];
            out.push(self.read(&at, &mut item)?);
        }
        Some(out)
    }

    /// Reads `value` (at `at` in the file) as a `T`, noting and mending
    /// each problem serde finds until it reads.
    fn read<T: DeserializeOwned>(&mut self, at: &[Step], value: &mut Value) -> Option<T> {
        for _ in 0..MAX_MENDS {
            let text = value.to_string();
            let e = match serde_json::from_str::<T>(&text) {
                Ok(read) => return Some(read),
                Err(e) => e,
            };
            let local = Locator::new(&text);
            let inner = steps(&local.path_at(local.offset_of_refused(e.line(), e.column())));
            let mut path = at.to_vec();
            path.extend(inner.iter().cloned());
            let words = serde_words(&e);
            if !self.is_mended(&path) {
                let shown = path_of(&path);
                self.errors.push(Placed {
                    place: self.locator.form_place(&shown, &words),
                    problem: Problem {
                        path: shown,
                        message: plain(&words),
                    },
                });
            }
            let mended = mend(value, &inner, &words)?;
            self.mended
                .extend(mended.map(|step| [path.clone(), step].concat()));
        }
        None
    }
}

/// Mends the value at `at` in `root` after serde's words: takes a misspelt
/// member out, puts a stand-in of the right type in place of a missing
/// member or a refused value. Returns the steps (from `at`) to the
/// stand-in, if one was put in; `None` if nothing could be mended.
fn mend(root: &mut Value, at: &[Step], words: &str) -> Option<Option<Vec<Step>>> {
    let mut target = root;
    for step in at {
        target = match step {
            Step::Key(k) => target.get_mut(k.as_str())?,
            Step::Index(i) => target.get_mut(*i)?,
        };
    }
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = words.strip_prefix("unknown field ") {
        target.as_object_mut()?.remove(&quoted(rest)?)?;
        return Some(None);
    }
    if let Some(rest) = words.strip_prefix("missing field ") {
        let name = quoted(rest)?;
        target
            .as_object_mut()?
            .insert(name.clone(), Value::String(String::new()));
        return Some(Some(vec![Step::Key(name)]));
    }
    let (_, want) = words.split_once(", expected ")?;
    let stand_in = if words.starts_with("unknown variant ") {
        Value::String(quoted(want)?)
    } else {
        match want {
            "a map" => Value::Object(Map::new()),
            w if w.starts_with("struct ") => Value::Object(Map::new()),
            "a sequence" => Value::Array(Vec::new()),
            "a string" => Value::String(String::new()),
            "a boolean" => Value::Bool(false),
            "u64" => Value::from(0u64),
            _ => return None,
        }
    };
    if *target == stand_in {
        return None;
    }
    *target = stand_in;
    Some(Some(Vec::new()))
}
