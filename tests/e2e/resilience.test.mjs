// End-to-end: data that is valid but wrong, data with very many problems,
// answers that never say how long they are, links that outlive their data,
// history, and failed loads (the second robustness round).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveBuild, useApp, DESKTOP } from './harness.mjs';

let app;
let browser;
let data;

useApp((c) => ({ app, browser, data } = c));

/** Opens `path` of the app with data/timeline.json answered by `body` (or a status). */
async function withData(body, { path = '', status = 200, ...options } = {}) {
  const page = await openPage(browser, { ...DESKTOP, ...options });
  await page.route('**/data/timeline.json', (route) =>
    route.fulfill({ status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );
  await page.goto(app.url + path);
  await page.locator('[role="alert"], #app .markers [data-event-id]').first().waitFor();
  return page;
}

const selectedId = (page) => page.locator('.markers [aria-current="true"]').getAttribute('data-event-id');

test('a year mistyped as 9025 keeps the page small: ticks adapt to the span', async () => {
  const typo = structuredClone(data);
  const last = typo.events.at(-1);
  last.date = last.date.replace(/^\d{4}/, '9025');
  const started = Date.now();
  const page = await withData(typo);
  const shownAfter = Date.now() - started;
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const ticks = await page.locator('.year-tick, .month-tick').count();
  // A tick for every year up to 9025 would be about 84,000 elements; the
  // real page has about 200.
  assert.ok(elements < 1_000, `${elements} elements`);
  assert.ok(ticks <= 13, `${ticks} ticks`);
  assert.equal(await page.locator('.markers [data-event-id]').count(), typo.events.length);
  // Every labelled year is a multiple of the step (here, millennia).
  const years = (await page.locator('.year-tick').allTextContents()).map(Number);
  assert.deepEqual(years, [2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000]);
  // Switching the language re-renders the axis: it stays small too.
  await page.getByRole('button', { name: '繁體中文' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.ok((await page.evaluate(() => document.getElementsByTagName('*').length)) < 1_000);
  assert.deepEqual(page.pageErrors, []);
  console.log(`# 9025 typo: ${elements} elements, ${ticks} ticks, markers after ${shownAfter} ms`);
});

test('10,000 problems: the first 20, how many more, and Try again in view', async () => {
  // Small events, so the file stays far under the size limit.
  const { kind, status, organisations, sources } = data.events[0];
  const events = Array.from({ length: 10_000 }, (_, i) => ({
    id: `e-${i}`, kind, date: '21/07/2024', status, organisations, title: { en: 'T' }, summary: { en: 'S' }, sources,
  }));
  const page = await withData({ ...data, events });
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /breaks these rules/);
  assert.equal(await page.locator('.problems li').count(), 20);
  assert.match(await page.locator('.problems li').first().textContent(), /^events\[0\]\.date: in the 1st event, "21\/07\/2024"/);
  assert.match(await page.locator('.more-problems').textContent(), /and 9,980 more/);
  const retry = page.getByRole('button', { name: 'Try again' });
  assert.ok(await retry.isVisible());
  const box = await retry.boundingBox();
  assert.ok(box.y + box.height <= 800, `Try again at y = ${box.y}`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 4 * 800, `the page is ${height} px tall`);
  assert.deepEqual(page.pageErrors, []);
});

/**
 * Serves the build; data/timeline.json is `size` bytes of JSON-ish text sent
 * chunked (no Content-Length), with backpressure, so `sent` counts what the
 * reader really took before it stopped.
 */
async function chunkedServer(size) {
  const state = { sent: 0, closed: null };
  const server = await serveBuild(async (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    state.closed = new Promise((ok) => res.on('close', ok));
    // A steady drip (about 50 MB/s), so what sits in the sockets' buffers
    // when the reader hangs up stays small beside the limit.
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let gone = false;
    res.on('close', () => { gone = true; });
    while (!gone && state.sent < size) {
      state.sent += chunk.length;
      if (!res.write(chunk)) await new Promise((ok) => { res.once('drain', ok); res.once('close', ok); });
      await new Promise((ok) => setTimeout(ok, 5));
    }
    if (!gone) res.end();
  });
  return { state, ...server };
}

test('a chunked 50 MB answer without Content-Length is cut at the size limit', async () => {
  const size = 50 * 1024 * 1024;
  const chunked = await chunkedServer(size);
  const page = await openPage(browser, DESKTOP);
  await page.goto(chunked.url);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 30_000 });
  const text = await alert.textContent();
  assert.match(text, /too large/);
  const limit = Number(text.match(/the limit is (\d+)/)[1]);
  await chunked.state.closed;
  // What the server got out before the reader hung up: the limit, plus
  // what the sockets and the network stack hold.
  assert.ok(chunked.state.sent < limit + 2 * 1024 * 1024, `${chunked.state.sent} bytes sent for a limit of ${limit}`);
  assert.ok(chunked.state.sent < size);
  assert.deepEqual(page.pageErrors, []);
});

test('a link whose filter names an unknown organisation shows its event among all events', async () => {
  const page = await openPage(browser, DESKTOP);
  await page.goto(`${app.url}?filter=org:nosuchorg&event=first-cohort-2024`);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.equal(await page.locator('.markers [data-event-id]').count(), data.events.length);
  assert.equal(await selectedId(page), 'first-cohort-2024');
  const cohort = data.events.find((e) => e.id === 'first-cohort-2024');
  assert.equal(await page.locator('.detail h2').textContent(), cohort.title.en);
  for (const box of await page.locator('.filters input[name="org"]').all()) {
    assert.ok(await box.isChecked(), 'every organisation stays ticked');
  }
  // Previous and Next work.
  await page.locator('.pager .prev').click();
  assert.notEqual(await selectedId(page), 'first-cohort-2024');
  await page.locator('.pager .next').click();
  assert.equal(await selectedId(page), 'first-cohort-2024');
  assert.deepEqual(page.pageErrors, []);
});

test('a filter that would hide the linked event gives way; one that shows nothing shows no card', async () => {
  const page = await openPage(browser, DESKTOP);
  await page.goto(`${app.url}?filter=kind:visit&event=agreement-signed-2024-07-21`);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.equal(await page.locator('.markers [data-event-id]').count(), data.events.length);
  assert.equal(await selectedId(page), 'agreement-signed-2024-07-21');
  assert.ok(await page.locator('.detail').isVisible());

  // A known kind and a known organisation that no event has together.
  const kinds = new Set(data.events.map((e) => e.kind));
  const orgs = data.organisations.map((o) => o.id);
  let empty;
  for (const kind of kinds) {
    for (const org of orgs) {
      if (!data.events.some((e) => e.kind === kind && e.organisations.includes(org))) empty = `kind:${kind},org:${org}`;
    }
  }
  assert.ok(empty, 'the data has a kind and an organisation that never meet');
  await page.goto(`${app.url}?filter=${empty}`);
  await page.locator('.axis-nav .empty').waitFor();
  assert.equal(await page.locator('.markers [data-event-id]').count(), 0);
  assert.ok(await page.locator('.detail').isHidden(), 'no card for an event the filters hide');
  await page.getByRole('button', { name: 'Show all events' }).click();
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.ok(await page.locator('.detail').isVisible());
  assert.deepEqual(page.pageErrors, []);
});

test('Back and Forward restore the language with the rest of the URL', async () => {
  const page = await openPage(browser, DESKTOP);
  await page.goto(app.url);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  // Follow an in-page link: a new history entry.
  await page.evaluate(() => { location.hash = 'agreement-signed-2024-07-21'; });
  await page.waitForFunction(() => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId === 'agreement-signed-2024-07-21');
  await page.getByRole('button', { name: '繁體中文' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.match(page.url(), /lang=zh-Hant/);
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.doesNotMatch(page.url(), /lang=/);
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.detail h2').textContent(), data.events[0].title.en);
  await page.goForward();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.equal(await selectedId(page), 'agreement-signed-2024-07-21');
  const signed = data.events.find((e) => e.id === 'agreement-signed-2024-07-21');
  assert.equal(await page.locator('.detail h2').textContent(), signed.title['zh-Hant']);
  assert.deepEqual(page.pageErrors, []);
});

test('an HTTP 500 leaves the events readable under the alert, in the reader\'s language', async () => {
  const page = await withData('error', { status: 500, path: '?lang=zh-Hant' });
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /HTTP 500/);
  assert.equal(await page.locator('#static').count(), 0, 'the loading view gave way');
  const saved = page.locator('.saved-list');
  assert.ok(await saved.isVisible());
  // The first paint's cards, which nginx wrote in the reader's language.
  for (const event of data.events) {
    assert.ok(await saved.getByRole('heading', { name: event.title['zh-Hant'] }).isVisible(), event.id);
  }
  // The list comes after the alert, and the page says what it is.
  const [alertBox, savedBox] = [await alert.boundingBox(), await saved.boundingBox()];
  assert.ok(savedBox.y >= alertBox.y + alertBox.height);
  assert.equal(await page.title(), data.title['zh-Hant']);
  assert.deepEqual(page.pageErrors, []);
});
