// End-to-end: bad data, failing servers, hostile content, no JavaScript,
// and the Content Security Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, frames, serve, serveBuild, fixtures, DIST, useApp, sideOverflow, DESKTOP } from './harness.mjs';

const FIXTURES = await fixtures();

/** Where the text after `lead` stands in the fixture `name`: "line L, column C". */
async function placeAfter(name, lead) {
  const text = await readFile(join(FIXTURES, name), 'utf8');
  const before = text.slice(0, text.indexOf(lead) + lead.length).split('\n');
  return `line ${before.length}, column ${before.at(-1).length + 1}`;
}
const WRONG_TYPE_AT = await placeAfter('wrong-types.json', '"date": ');

let app;
let browser;
let data;

useApp((c) => ({ app: app, browser, data } = c));

/** Opens the app with data/timeline.json answered by `body`. */
async function withData(body, options = {}) {
  const page = await openPage(browser, { ...DESKTOP, ...options });
  await page.addInitScript(() => { window.__pwned = 0; });
  await page.route('**/data/timeline.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await page.goto(app.url);
  await page.locator('[role="alert"], #app .markers [data-event-id]').first().waitFor();
  return page;
}

const REFUSED = {
  'truncated.json': /cannot be read: line \d+, column \d+/,
  // The place the data check gives too (tests/check_data.rs).
  'wrong-types.json': new RegExp(`cannot be read: ${WRONG_TYPE_AT}: the 1st event, events\\[0\\]\\.date: this is a number \\(2024\\), but it must be a text`),
  'duplicate-ids.json': /events\[1\]\.id/,
  'unknown-references.json': /events\[0\]\.participants\[0\]\.person/,
  'impossible-dates.json': /events\[0\]\.date: in the 1st event, "2024-13" is not a real date/,
  'unsorted.json': /date order/,
  'javascript-url.json': /sources\[0\]\.url/,
  'empty-events.json': /at least one/,
  'schema-version-2.json': /"schema_version": 2/,
  'invalid-utf8.json': /not UTF-8/,
};

test('every bad data fixture gives a clear alert, with no uncaught error', async () => {
  const names = (await readdir(FIXTURES)).filter((n) => n.endsWith('.json'));
  for (const name of Object.keys(REFUSED)) assert.ok(names.includes(name), `fixture ${name} exists`);
  for (const [name, expected] of Object.entries(REFUSED)) {
    const page = await withData(await readFile(join(FIXTURES, name)));
    const alert = page.getByRole('alert');
    assert.ok(await alert.isVisible(), `${name}: an alert`);
    assert.match(await alert.textContent(), expected, name);
    assert.ok(await page.getByRole('button', { name: 'Try again' }).isVisible(), `${name}: Retry`);
    assert.equal(await page.locator('#static').count(), 0, `${name}: the static list gives way to the alert`);
    assert.deepEqual(page.pageErrors, [], `${name}: no uncaught error`);
  }
});

test('a file over the size limit is refused, not parsed', async () => {
  const huge = ' '.repeat(32 * 1024 * 1024 + 1); // MAX_BYTES + 1
  const page = await withData(huge);
  assert.match(await page.getByRole('alert').textContent(), /too large/);
  assert.deepEqual(page.pageErrors, []);
});

test('a byte-order mark is accepted', async () => {
  const page = await withData(await readFile(join(FIXTURES, 'byte-order-mark.json')));
  assert.equal(await page.locator('.markers [data-event-id]').count(), data.events.length);
});

test('HTML and script in every text field render as text and run nothing; long words wrap', async () => {
  const page = await withData(await readFile(join(FIXTURES, 'html-payloads.json')), { viewport: { width: 320, height: 700 } });
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  await page.locator('.markers [data-event-id]').nth(2).click();
  await page.locator('.detail h2', { hasText: '<script>' }).waitFor();
  await frames(page);
  assert.equal(await page.evaluate(() => window.__pwned), 0, 'no payload ran');
  assert.equal(await page.locator('.timeline-app img, .timeline-app script').count(), 0, 'no element came from the data');
  assert.match(await page.locator('.detail h2').textContent(), /<script>window.__pwned=1<\/script>/);
  const overflow = await sideOverflow(page);
  assert.ok(overflow <= 0, `${overflow}px too wide`);
  assert.deepEqual(page.pageErrors, []);
});

/**
 * Serves the build with data/timeline.json under fault injection: `mode` is
 * 'ok', 404, 500, 'stall' (headers and half a body, then nothing) or
 * 'drop' (the connection is cut).
 */
async function faultServer() {
  const state = { mode: 'ok', hits: 0 };
  const server = await serveBuild(async (req, res) => {
    state.hits++;
    const body = await readFile(join(DIST, 'data', 'timeline.json'));
    if (state.mode === 404 || state.mode === 500) return res.writeHead(state.mode).end('error');
    if (state.mode === 'drop') return req.socket.destroy();
    if (state.mode === 'stall') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.write(body.subarray(0, body.length / 2));
      return; // never ends
    }
    return res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  return { state, ...server };
}

test('a failing server: 404, 500, a dropped connection, a stalled body; then Retry recovers', async () => {
  const faults = await faultServer();
  const cases = [
    [404, /not found/],
    [500, /HTTP 500/],
    ['drop', /network request failed/],
    ['stall', /took too long/],
  ];
  for (const [mode, message] of cases) {
    faults.state.mode = mode;
    const page = await openPage(browser, DESKTOP);
    await page.goto(faults.url);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), message, String(mode));
    assert.deepEqual(page.pageErrors, [], `${mode}: no uncaught error`);
    faults.state.mode = 'ok';
    const before = faults.state.hits;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#app .markers [data-event-id]').first().waitFor();
    assert.ok(faults.state.hits > before, `${mode}: Retry really fetched again`);
    assert.equal(await alert.count(), 0);
  }
});

test('without JavaScript the first paint holds every event, from the same data: its marker and its card', async () => {
  const page = await openPage(browser, { ...DESKTOP, javaScriptEnabled: false });
  await page.goto(app.url);
  const markers = page.locator('#static .markers [data-event-id]');
  assert.equal(await markers.count(), data.events.length);
  for (const [i, event] of data.events.entries()) {
    assert.equal(await markers.nth(i).locator('time').getAttribute('datetime'), event.date);
    assert.equal(await markers.nth(i).locator('.marker-title').textContent(), event.title.en);
    const card = page.locator(`#static .card > article[id="${event.id}"]`);
    assert.equal(await card.locator('h2').textContent(), event.title.en);
    assert.equal(await card.locator('.summary').textContent(), event.summary.en);
    assert.equal(await card.locator('.sources a').count(), event.sources.length);
  }
  const expected = data.events.find((e) => e.status === 'expected');
  assert.match(await page.locator(`#static article[id="${expected.id}"] .badge`).textContent(), /Expected — not confirmed/);
  assert.equal(await page.locator('h1').textContent(), data.title.en);
});

test('when the WebAssembly fails to start, the first paint stays, without the controls that need the app', async () => {
  // The loader's failure is an uncaught rejection in the page: expected.
  const page = await openPage(browser, { ...DESKTOP, allowPageErrors: true });
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(app.url);
  await page.waitForFunction(() => document.documentElement.classList.contains('no-app'));
  assert.equal(await page.locator('#static .markers [data-event-id]').count(), data.events.length);
  assert.ok(await page.locator('#static .card .event-card').first().isVisible());
  assert.equal(await page.locator('button:visible, input:visible').count(), 0, 'no dead control');
  assert.ok(await page.locator('.static-note').isVisible(), 'the page says what needs JavaScript');
});

test('under the strict CSP (meta and nginx header) the app runs with no violation, asking only its own origin', async () => {
  const index = await fetch(app.url);
  const header = index.headers.get('content-security-policy');
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(header, /unsafe-inline/);
  assert.match(header, /frame-ancestors/);
  const html = await index.text();
  // The release HTML is minified: attributes in any order, quotes where needed.
  const meta = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/)?.[0] ?? '';
  assert.match(meta, /content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  // The inline style is allowed by its hash, the same in the header.
  const styleSrc = (policy) => policy.match(/style-src [^;]*/)?.[0];
  assert.match(styleSrc(meta), /^style-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
  assert.equal(styleSrc(header), styleSrc(meta));

  const page = await openPage(browser, { ...DESKTOP, enforceCsp: true });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(app.url + '?accent=ffdd00&lang=zh-Hant');
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  await page.locator('.markers [data-event-id]').nth(2).click();
  await page.getByRole('checkbox', { name: '背景' }).uncheck();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Embed' }).click();
  await page.keyboard.press('Escape');
  await page.emulateMedia({ media: 'print' });
  await page.locator('.print-list > *').first().waitFor({ state: 'attached' });
  await frames(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(app.url)), [], 'only its own origin');
  assert.deepEqual(page.pageErrors, []);
});

test('the inline style applies under the CSP of its page; a byte changed after the build is refused', async () => {
  const styled = async (url) => {
    const page = await openPage(browser, { ...DESKTOP, enforceCsp: true });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    });
    await page.goto(url);
    await page.locator('#app .markers [data-event-id]').first().waitFor();
    await frames(page);
    return page.evaluate(() => ({
      violations: window.__violations,
      rules: [...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0),
    }));
  };
  for (const lang of ['en', 'zh-Hans', 'zh-Hant']) {
    const { violations, rules } = await styled(`${app.url}?lang=${lang}`);
    assert.deepEqual(violations, [], lang);
    assert.ok(rules > 100, `${lang}: the style applied (${rules} rules)`);
  }
  // The same build with its style changed by one byte and its policy not.
  const copy = await mkdtemp(join(tmpdir(), 'timeline-restyled-'));
  await cp(DIST, copy, { recursive: true });
  const html = await readFile(join(copy, 'index.html'), 'utf8');
  await writeFile(join(copy, 'index.html'), html.replace('<style>', '<style> '));
  const restyled = await serve(copy);
  try {
    const { violations, rules } = await styled(restyled.url);
    assert.ok(violations.includes('style-src-elem'), violations.join());
    assert.equal(rules, 0, 'the changed style is not applied');
  } finally {
    await restyled.close();
    await rm(copy, { recursive: true });
  }
});

test('?data= takes only a relative path on the app\'s own origin', async () => {
  const requests = async (query) => {
    const page = await openPage(browser, DESKTOP);
    const seen = [];
    page.on('request', (r) => seen.push(r.url()));
    await page.goto(app.url + query);
    await page.locator('[role="alert"], #app .markers [data-event-id]').first().waitFor();
    const alert = await page.getByRole('alert').count();
    return { seen, alert };
  };
  const other = await requests('?data=no-such-file.json');
  assert.ok(other.seen.includes(app.url + 'no-such-file.json'), 'a relative path is fetched');
  assert.equal(other.alert, 1, 'and its 404 is reported');
  for (const bad of ['https://example.org/x.json', '//example.org/x.json', '/etc/x.json', '../x.json', 'javascript:alert(1)']) {
    const { seen, alert } = await requests('?data=' + encodeURIComponent(bad));
    assert.equal(alert, 0, `${bad}: refused, the default data loads`);
    assert.ok(seen.includes(app.url + 'data/timeline.json'), bad);
    assert.deepEqual(seen.filter((u) => !u.startsWith(app.url)), [], bad);
  }
});
