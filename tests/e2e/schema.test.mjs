// The JSON Schema for editors (public/data/timeline.schema.json) and the
// app's own validator agree: a standard validator (ajv, draft 2020-12) and
// the Rust rules, driven through the editors' data check
// (`cargo run --bin check-data`), give the same verdict on the shipped data
// and on every fixture, except where the schema cannot say (the list below
// is exact, so it cannot rot). The release build serves the schema next to
// the data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { serve, fixtures, DIST } from './harness.mjs';
import { syntheticDoc } from '../../bench/synth.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DATA = join(ROOT, 'public', 'data', 'timeline.json');
const SCHEMA_FILE = join(ROOT, 'public', 'data', 'timeline.schema.json');
const FIXTURES = await fixtures(); // tests/fixtures/fixtures.json, written out
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
// VS Code's own keywords: its words for a failed pattern or value, and hovers.
ajv.addVocabulary(['errorMessage', 'patternErrorMessage', 'markdownDescription']);
const validate = ajv.compile(schema);

let checkBin;
let server;
before(async () => {
  // The data check, built once (on the host: it needs no wasm target).
  const built = spawnSync('cargo', ['build', '--quiet', '--bin', 'check-data'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(built.status, 0, 'cargo build --bin check-data');
  checkBin = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'debug', 'check-data');
  server = await serve();
});
after(() => server?.close());

/** The data check on one file: { code, lines }. */
function check(file) {
  const run = spawnSync(checkBin, [file], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, lines: run.stdout.trim().split('\n') };
}

/** The file's JSON as a browser or an editor reads it, or null if it is not UTF-8 JSON. */
function json(file) {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
}

/** ajv's verdict: { ok, errors: ["/events/0/date must match …", …] }. */
function schemaCheck(doc) {
  const ok = validate(doc);
  return { ok, errors: ok ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message}`) };
}

// Every fixture, and what each side says of it. `schema: null`: not UTF-8
// JSON text, so no schema applies. `schema: true` for an invalid file: a
// rule no schema can express (unique ids, references, date order, a day
// that its month lacks). Rust 'warning': valid, with a warning.
const FIXTURE_VERDICTS = {
  'byte-order-mark.json': { rust: 'valid', schema: true },
  'html-payloads.json': { rust: 'valid', schema: true },
  'far-date.json': { rust: 'warning', schema: true },
  // The one place the schema is stricter, on purpose: it asks for all three
  // languages as an editor types; the app shows English where one is missing.
  'missing-translation.json': { rust: 'warning', schema: false, at: '/events/1/summary' },
  'duplicate-ids.json': { rust: 'error', schema: true },
  'unknown-references.json': { rust: 'error', schema: true },
  'unsorted.json': { rust: 'error', schema: true },
  'truncated.json': { rust: 'error', schema: null },
  'invalid-utf8.json': { rust: 'error', schema: null },
  'impossible-dates.json': { rust: 'error', schema: false, at: '/events/0/date' },
  'empty-events.json': { rust: 'error', schema: false, at: '/events' },
  'schema-version-2.json': { rust: 'error', schema: false, at: '/schema_version' },
  'wrong-types.json': { rust: 'error', schema: false, at: '/events/0/date' },
  'javascript-url.json': { rust: 'error', schema: false, at: '/sources/0/url' },
  // Typical editor mistakes.
  'number-for-text.json': { rust: 'error', schema: false, at: '/events/1/title' },
  'month-13.json': { rust: 'error', schema: false, at: '/events/0/date' },
  'missing-id.json': { rust: 'error', schema: false, at: '/events/2' },
  'unknown-status.json': { rust: 'error', schema: false, at: '/events/3/status' },
  'events-object.json': { rust: 'error', schema: false, at: '/events' },
  'url-with-space.json': { rust: 'error', schema: false, at: '/sources/2/url' },
  'misspelt-field.json': { rust: 'error', schema: false, at: '/events/0' },
  // A wrong kind, a date typed 2024-4 and no zh-Hant summary in one event.
  'three-mistakes.json': { rust: 'error', schema: false, at: '/events/1/kind' },
};

test('the shipped data names the schema with a relative $schema, and both validators pass it', () => {
  const data = json(DATA);
  assert.equal(data.$schema, 'timeline.schema.json');
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(schemaCheck(data), { ok: true, errors: [] });
  assert.deepEqual(check(DATA), { code: 0, lines: [`${DATA}: valid, no problems`] });
});

test('every fixture is classified, and the schema and the Rust check agree on it', () => {
  assert.deepEqual(readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort(), Object.keys(FIXTURE_VERDICTS).sort());
  for (const [name, want] of Object.entries(FIXTURE_VERDICTS)) {
    const file = join(FIXTURES, name);
    const rust = check(file);
    const verdict = rust.code !== 0 ? 'error' : rust.lines.some((l) => /: warning (at|in) /.test(l)) ? 'warning' : 'valid';
    assert.equal(verdict, want.rust, `${name}, Rust: ${rust.lines.join('\n')}`);
    const doc = json(file);
    if (want.schema === null) {
      assert.equal(doc, null, `${name} should not read as JSON`);
      continue;
    }
    const result = schemaCheck(doc);
    assert.equal(result.ok, want.schema, `${name}, schema: ${result.errors.join('; ')}`);
    if (!result.ok) {
      assert.ok(
        result.errors.some((e) => e.startsWith(`${want.at} `)),
        `${name}: the schema should refuse ${want.at}, said ${result.errors.join('; ')}`,
      );
    }
    // Valid for the app (no error) and expressible: the schema passes it
    // too, unless it is the documented missing translation.
    if (want.rust !== 'error' && name !== 'missing-translation.json') assert.ok(result.ok, name);
  }
});

test('each typical editor mistake, made in the shipped data, fails both with a plain message', () => {
  const base = json(DATA);
  const mistakes = [
    ['a number where a text map belongs', (d) => { d.events[0].summary = 42; }, '/events/0/summary', /this is a number \(42\), but it must be a text by language/],
    ['month 13', (d) => { d.events[1].date = '2024-13'; }, '/events/1/date', /there is no month 13/],
    ['a missing id', (d) => { delete d.events[3].id; }, '/events/3', /the required field "id" is missing/],
    ['an unknown status', (d) => { d.events[0].status = 'done'; }, '/events/0/status', /"done" is not an allowed value here: use "took_place" or "expected"/],
    ['an events object instead of an array', (d) => { d.events = { first: d.events[0] }; }, '/events', /must be a list in square brackets/],
    ['a javascript: URL', (d) => { d.sources[1].url = 'javascript:alert(1)'; }, '/sources/1/url', /must start with https:\/\/ or http:\/\//],
    ['a URL with a space', (d) => { d.sources[1].url = 'https://example.org/a b'; }, '/sources/1/url', /contains a space/],
    ['an unknown kind', (d) => { d.events[0].kind = 'party'; }, '/events/0/kind', /"party" is not an allowed value/],
    ['a day-first date', (d) => { d.events[2].date = '21-07-2024'; }, '/events/2/date', /YYYY-MM-DD/],
    ['a month with one digit', (d) => { d.events[1].date = '2024-4'; }, '/events/1/date', /the 2nd event, events\[1\]\.date: "2024-4" is not a real date: write dates as YYYY, YYYY-MM or YYYY-MM-DD/],
    ['an unknown language', (d) => { d.events[0].title['zh-TW'] = '…'; }, '/events/0/title', /unknown language "zh-TW"/],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'timeline-mistakes-'));
  try {
    for (const [what, edit, at, words] of mistakes) {
      const doc = structuredClone(base);
      edit(doc);
      const result = schemaCheck(doc);
      assert.equal(result.ok, false, `${what}: the schema passed it`);
      assert.ok(result.errors.some((e) => e.startsWith(`${at} `)), `${what}: ${result.errors.join('; ')}`);
      const file = join(dir, 'timeline.json');
      writeFileSync(file, JSON.stringify(doc, null, 2));
      const rust = check(file);
      assert.equal(rust.code, 1, `${what}: ${rust.lines.join('\n')}`);
      const said = rust.lines.find((l) => words.test(l));
      assert.ok(said, `${what}: ${rust.lines.join('\n')}`);
      assert.match(said, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error (at|in) `), what);
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('every pattern and every list of values in the schema has words for an editor, not a regular expression', () => {
  const missing = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
    if (!node || typeof node !== 'object') return;
    if ('pattern' in node && !node.patternErrorMessage) missing.push(`${path}: pattern`);
    if (('enum' in node || 'const' in node) && !node.errorMessage) missing.push(`${path}: enum or const`);
    for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
  };
  walk(schema, '#');
  assert.deepEqual(missing, []);
});

test('the scale the README promises fits the size limit, and above it the check refuses the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'timeline-scale-'));
  try {
    // 10,000 events, a summary of 300 characters in each of the three
    // languages, indented as an editor's file is: the largest we promise.
    const file = join(dir, 'large.json');
    writeFileSync(file, JSON.stringify(syntheticDoc(10000, { trilingual: true, summaryChars: 300 }), null, 2));
    const bytes = readFileSync(file).length;
    assert.ok(bytes > 8 * 1024 * 1024, `${bytes} bytes: over 8 MiB`);
    const rust = check(file);
    assert.equal(rust.code, 0, rust.lines.join('\n'));
    assert.match(rust.lines.at(-1), /: valid/);
    // The limit in the schema's description is the one the check applies.
    const limit = Number(/\(([\d,]+) bytes\)/.exec(schema.description)[1].replaceAll(',', ''));
    assert.ok(bytes < limit * 0.95, `${bytes} bytes leave a margin under ${limit}`);
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, Buffer.alloc(limit + 1, 0x20));
    const refused = check(huge);
    assert.equal(refused.code, 1);
    assert.match(refused.lines[0], new RegExp(`too large: ${limit + 1} bytes, and the app reads at most ${limit} `));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('the release build serves the schema next to the data, as JSON', async () => {
  for (const name of ['timeline.json', 'timeline.schema.json']) {
    const res = await fetch(`${server.url}data/${name}`);
    assert.equal(res.status, 200, name);
    assert.match(res.headers.get('content-type'), /^application\/json/, name);
    assert.deepEqual(await res.json(), JSON.parse(readFileSync(join(ROOT, 'public', 'data', name), 'utf8')), name);
  }
  assert.deepEqual(json(join(DIST, 'data', 'timeline.schema.json')), schema);
});

test('resolved_by: the schema and the check accept the resolved fixture, and both refuse resolved_by on an event that took place', () => {
  const fixture = join(ROOT, 'tests', 'data', 'resolved-expectation.json');
  assert.deepEqual(schemaCheck(json(fixture)), { ok: true, errors: [] });
  assert.equal(check(fixture).code, 0);
  const doc = json(fixture);
  doc.events[0].resolved_by = 'first-cohort-arrives-2025-09';
  assert.deepEqual(schemaCheck(doc).errors, ['/events/0/status must be equal to constant']);
  const dir = mkdtempSync(join(tmpdir(), 'resolved-'));
  try {
    writeFileSync(join(dir, 'timeline.json'), JSON.stringify(doc, null, 2));
    const { code, lines } = check(join(dir, 'timeline.json'));
    assert.equal(code, 1);
    assert.ok(lines.some((l) => l.includes('events[0].resolved_by') && l.includes('only an expected event')), lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true });
  }
});

// Photos and videos (`media`): the fixtures media/…, each
// one mistake, refused by both at the same place; a host missing from
// "media_hosts" is the rule no schema can express (it names another field).
const MEDIA_VERDICTS = {
  'valid.json': { rust: 'valid', schema: true },
  'unlisted-host.json': { rust: 'error', schema: true, words: /the host "images\.example\.org" is not in "media_hosts"/ },
  'missing-alt.json': { rust: 'error', schema: false, at: '/events/0/media/0', words: /has no "alt"/ },
  'missing-height.json': { rust: 'error', schema: false, at: '/events/0/media/0', words: /has no "height"/ },
  'http-src.json': { rust: 'error', schema: false, at: '/events/0/media/0/src', words: /is not secure \(http:\)/ },
  'javascript-src.json': { rust: 'error', schema: false, at: '/events/0/media/0/src', words: /cannot be an image's address \(javascript:\)/ },
  'data-src.json': { rust: 'error', schema: false, at: '/events/0/media/0/src', words: /cannot be an image's address \(data:\)/ },
  'not-youtube.json': { rust: 'error', schema: false, at: '/events/0/media/0/video', words: /is not a YouTube or Vimeo video/ },
  'zero-width.json': { rust: 'error', schema: false, at: '/events/0/media/0/width', words: /0 pixels is not a real image size/ },
  'huge-height.json': { rust: 'error', schema: false, at: '/events/0/media/0/height', words: /50000 pixels is not a real image size/ },
  'unknown-key.json': { rust: 'error', schema: false, at: '/events/0/media/0', words: /there is no field "captoin" here/ },
};

test('media: every fixture is classified; the schema and the Rust check agree, each error placed and worded', () => {
  const dir = join(FIXTURES, 'media');
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.json')).sort(), Object.keys(MEDIA_VERDICTS).sort());
  for (const [name, want] of Object.entries(MEDIA_VERDICTS)) {
    const file = join(dir, name);
    const rust = check(file);
    assert.equal(rust.code === 0 ? 'valid' : 'error', want.rust, `${name}, Rust: ${rust.lines.join('\n')}`);
    if (want.words) {
      assert.match(rust.lines[0], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error in the 1st event, events\\[0\\]\\.media\\[0\\]`), name);
      assert.match(rust.lines[0], want.words, name);
    }
    const result = schemaCheck(json(file));
    assert.equal(result.ok, want.schema, `${name}, schema: ${result.errors.join('; ')}`);
    if (!result.ok) {
      assert.ok(result.errors.some((e) => e.startsWith(`${want.at} `)), `${name}: the schema should refuse ${want.at}, said ${result.errors.join('; ')}`);
    }
  }
});
