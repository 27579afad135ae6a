// End-to-end: how the release build travels. Content-hashed files go as the
// build's own brotli (or gzip) copies, decoded to exactly the built bytes;
// files that keep their names (the data, the page, embed.js) have no
// compressed copy that could go stale when an editor replaces them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { openPage, useApp, DIST, DESKTOP } from './harness.mjs';

let server;
let browser;

useApp((c) => ({ app: server, browser } = c));

const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|svg)$/;

/** GET with exactly this Accept-Encoding (fetch would add its own). */
function request(path, acceptEncoding) {
  return new Promise((ok, fail) => {
    get(server.url + path, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync, undefined: (b) => b };

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(relative(DIST, path));
  }
  return out;
}

test('hashed files go as the build’s brotli or gzip copies, and decode to the built bytes', async () => {
  const hashed = (await readdir(DIST)).filter((f) => HASHED.test(f));
  assert.ok(hashed.some((f) => f.endsWith('_bg.wasm')), 'the WebAssembly is among them');
  for (const name of hashed) {
    const built = await readFile(join(DIST, name));
    for (const [accept, want] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['identity', undefined]]) {
      const { headers, body } = await request(name, accept);
      assert.equal(headers['content-encoding'], want, `${name} for "${accept}"`);
      assert.match(headers.vary ?? '', /accept-encoding/i, `${name}: caches keep encodings apart`);
      assert.ok(decode[want](body).equals(built), `${name} (${want ?? 'identity'}) decodes to the built file`);
      if (want) {
        // The copy written at build time, not the server's on-the-fly gzip.
        assert.ok(body.equals(await readFile(join(DIST, `${name}.${want === 'br' ? 'br' : 'gz'}`))), `${name}.${want} as built`);
      }
    }
  }
  const wasm = hashed.find((f) => f.endsWith('_bg.wasm'));
  const [br, raw] = [await readFile(join(DIST, `${wasm}.br`)), await readFile(join(DIST, wasm))];
  assert.ok(br.length < raw.length / 2, `brotli: ${br.length} of ${raw.length} bytes`);
});

test('files that keep their names have no compressed copy that could go stale', async () => {
  const copies = (await files(DIST)).filter((f) => /\.(br|gz)$/.test(f));
  assert.ok(copies.length > 0, 'the release build has compressed copies');
  for (const copy of copies) assert.match(copy.replace(/\.(br|gz)$/, ''), HASHED, `${copy} is a copy of a hashed file`);
  const built = await readFile(join(DIST, 'data', 'timeline.json'));
  for (const accept of ['br', 'gzip', 'identity']) {
    const { headers, body } = await request('data/timeline.json', accept);
    assert.ok(decode[headers['content-encoding']](body).equals(built), `data/timeline.json for "${accept}" is the file as it is now`);
  }
});

test('Chromium gets the WebAssembly and its glue in brotli (the style is in the page), and the app runs', async () => {
  const page = await openPage(browser, DESKTOP);
  const encodings = {};
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (HASHED.test(name)) encodings[name.replace(/-[0-9a-f]{8,}/, '')] = r.headers()['content-encoding'];
  });
  await page.goto(server.url);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.deepEqual(
    Object.fromEntries(Object.entries(encodings).filter(([name]) => /\.(wasm|js|css)$/.test(name) && !name.startsWith('boot'))),
    { 'hkust-pumch-timeline_bg.wasm': 'br', 'hkust-pumch-timeline.js': 'br' },
  );
  assert.deepEqual(page.pageErrors, []);
});
