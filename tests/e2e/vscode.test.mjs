// What VS Code shows an editor of data/timeline.json: its own JSON language
// service (npm vscode-json-languageservice, the code behind VS Code's JSON
// support), set up as VS Code's JSON server sets it up, validating the data
// against public/data/timeline.schema.json through the file's relative
// "$schema". Typical mistakes get the schema's plain words, never a regular
// expression; a missing translation is a warning, as in the data check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsonLanguageService from 'vscode-json-languageservice';
import { fixtures } from './harness.mjs';

const { getLanguageService, TextDocument, DiagnosticSeverity } = jsonLanguageService;

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DATA = join(ROOT, 'public', 'data', 'timeline.json');
const DATA_URI = pathToFileURL(DATA).href;
const shipped = JSON.parse(readFileSync(DATA, 'utf8'));

// As extensions/json-language-features/server/src/jsonServer.ts does: the
// "$schema" resolved next to the document and read from disk; a .json
// document validated with { comments: 'error', trailingCommas: 'error' }.
const service = getLanguageService({
  schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
});
service.configure({ validate: true, allowComments: true, schemas: [] });

/** VS Code's diagnostics for a text as data/timeline.json: [{ line, message, severity, at }]. */
async function diagnostics(text) {
  const doc = TextDocument.create(DATA_URI, 'json', 1, text);
  const found = await service.doValidation(doc, service.parseJSONDocument(doc), { comments: 'error', trailingCommas: 'error' });
  return found.map((d) => ({
    line: d.range.start.line + 1,
    message: d.message,
    severity: d.severity,
    at: doc.getText(d.range),
  }));
}

/** The shipped data, edited, as an editor's file (indented like it). */
function edited(edit) {
  const doc = structuredClone(shipped);
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

/** The 1-based line of the first `needle` in `text` (at or after line `from`). */
function lineOf(text, needle, from = 1) {
  const start = text.split('\n').slice(0, from - 1).join('\n').length;
  return text.slice(0, text.indexOf(needle, start)).split('\n').length;
}

test('the shipped data: VS Code finds nothing to underline', async () => {
  assert.deepEqual(await diagnostics(readFileSync(DATA, 'utf8')), []);
});

test('a bad date, id, kind and language key: plain words at the place, no regular expression', async () => {
  const text = edited((d) => {
    d.events[1].date = '2024-4';
    d.events[0].id = 'First Visit';
    d.events[2].kind = 'meeting';
    d.events[3].title['zh-TW'] = d.events[3].title['zh-Hant'];
    d.sources[0].url = 'www.example.org';
    d.events[0].summary['zh-Hans'] = ' ';
  });
  const found = await diagnostics(text);
  const expect = [
    ['"2024-4"', /^Not a date: write YYYY, YYYY-MM or YYYY-MM-DD.*not 2024-7/],
    ['"First Visit"', /^Not a usable id: use 1 to 64 lower-case letters/],
    ['"meeting"', /^Not a kind: use one of "visit", "delegation", "agreement", "exchange" or "context"\.$/],
    ['"zh-TW"', /^Unknown language: the languages are "en" \(English\), "zh-Hant"/],
    ['"www.example.org"', /^Not a web address: it must start with https:\/\/ or http:\/\//],
    ['" "', /^This text is empty/],
  ];
  for (const [at, words] of expect) {
    const hit = found.find((d) => d.at === at);
    assert.ok(hit, `nothing underlined at ${at}: ${JSON.stringify(found, null, 1)}`);
    assert.match(hit.message, words, at);
    assert.equal(hit.line, lineOf(text, at), at);
  }
  assert.equal(found.length, expect.length, JSON.stringify(found, null, 1));
  for (const d of found) {
    assert.ok(!d.message.includes('^') && !d.message.includes('does not match the pattern'), `a regular expression: ${d.message}`);
  }
});

test('a missing translation is a warning in VS Code, as in the data check; so is every schema problem', async () => {
  const text = edited((d) => {
    delete d.events[1].summary['zh-Hant'];
  });
  const found = await diagnostics(text);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0].message, 'Missing property "zh-Hant".');
  assert.equal(found[0].severity, DiagnosticSeverity.Warning);
  // VS Code gives every schema problem one severity, a warning: it cannot
  // tell a missing translation from a bad date. The data check does.
  const bad = await diagnostics(edited((d) => { d.events[1].date = '2024-4'; }));
  assert.deepEqual(bad.map((d) => d.severity), [DiagnosticSeverity.Warning]);
});

test('the three mistakes of one event are all shown at once', async () => {
  const text = readFileSync(join(await fixtures(), 'three-mistakes.json'), 'utf8');
  const found = await diagnostics(text);
  assert.deepEqual(
    found.map((d) => [d.line, d.message.split(':')[0]]).sort((a, b) => a[0] - b[0]),
    [
      [lineOf(text, '"meeting"'), 'Not a kind'],
      [lineOf(text, '"2024-4"'), 'Not a date'],
      [lineOf(text, '"summary"', lineOf(text, '"meeting"')), 'Missing property "zh-Hant".'],
    ].sort((a, b) => a[0] - b[0]),
  );
});

test('hovering a field shows what it means, in words (markdownDescription)', async () => {
  const text = readFileSync(DATA, 'utf8');
  const doc = TextDocument.create(DATA_URI, 'json', 1, text);
  const json = service.parseJSONDocument(doc);
  const hover = async (needle) => {
    const at = doc.positionAt(text.indexOf(needle) + 2);
    const h = await service.doHover(doc, at, json);
    return (h?.contents ?? []).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  };
  assert.match(await hover('"kind"'), /`visit`, `delegation`, `agreement`, `exchange`, or `context`/);
  assert.match(await hover('"date": "2024-03"'), /`2024-07` \(a month\)/);
  assert.match(await hover('"status"'), /`took_place`, or `expected`/);
});
