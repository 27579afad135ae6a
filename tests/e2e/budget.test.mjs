// End-to-end: the byte budgets, as Chromium receives the release build from
// nginx (deploy/nginx.conf): brotli where the build has a copy, gzip on the
// fly for the rest. Deterministic for a given build; the times live in the
// benchmark (bench/), not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, useApp, DESKTOP } from './harness.mjs';

let app;
let browser;

useApp((c) => ({ app, browser } = c));

const BUDGET = JSON.parse(await readFile(new URL('../../bench/budget.json', import.meta.url), 'utf8'));
const kib = (bytes) => (bytes / 1024).toFixed(1);

test('what the first paint needs and what the default view loads stay within their budgets', async () => {
  const page = await openPage(browser, DESKTOP);
  const sent = new Map();
  const pending = [];
  page.on('requestfinished', (request) => {
    pending.push(request.sizes().then((s) => {
      sent.set(new URL(request.url()).pathname, { bytes: s.responseBodySize, type: request.resourceType() });
    }));
  });
  await page.goto(app.url);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);

  const all = [...sent.entries()];
  const total = all.reduce((sum, [, s]) => sum + s.bytes, 0);
  // The first paint: the page and whatever style sheet it links (none: its
  // style is inline).
  const firstPaint = all
    .filter(([path, s]) => path === '/' || s.type === 'stylesheet')
    .reduce((sum, [, s]) => sum + s.bytes, 0);
  const table = all.map(([path, s]) => `${path} ${kib(s.bytes)} KiB`).join(', ');
  console.log(`# first paint ${kib(firstPaint)} KiB (budget ${BUDGET.first_paint_kib}); default view ${kib(total)} KiB (budget ${BUDGET.default_view_kib}): ${table}`);
  // The wasm, its glue, the data and the page at least; no style sheet:
  // the page alone draws the first paint.
  assert.ok(all.some(([p]) => p.endsWith('.wasm')) && all.some(([p]) => p.endsWith('.json')), table);
  assert.deepEqual(all.filter(([p, s]) => s.type === 'stylesheet' || p.endsWith('.css')), [], table);
  assert.ok(sent.get('/').bytes > 4096, `the page is counted as sent, its style with it (${table})`);
  assert.ok(firstPaint <= BUDGET.first_paint_kib * 1024, `the first paint needs ${kib(firstPaint)} KiB; the budget is ${BUDGET.first_paint_kib} KiB`);
  assert.ok(total <= BUDGET.default_view_kib * 1024, `the default view loads ${kib(total)} KiB as sent; the budget is ${BUDGET.default_view_kib} KiB (${table})`);
});
