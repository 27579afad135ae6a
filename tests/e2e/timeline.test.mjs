// End-to-end: the release build in Debian's Chromium, served on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, openPage, axe, screenshot, useApp, sideOverflow, DESKTOP, PHONE } from './harness.mjs';

const MISSION = [
  ['ip-visit-pumch-2024-03', 'March 2024'],
  ['pumch-delegation-hkust-2024-04', 'April 2024'],
  ['agreement-signed-2024-07-21', '21 July 2024'],
  ['first-cohort-2024', '2024'],
];

let server;
let browser;
let data;

useApp((c) => ({ app: server, browser, data } = c));

const markers = (page) => page.locator('.markers [data-event-id]');

test('shows every event of the data, the four mission events in date order, dates at their precision', async () => {
  const page = await open();
  const ids = await markers(page).evaluateAll((els) => els.map((e) => e.dataset.eventId));
  assert.deepEqual(ids, data.events.map((e) => e.id), 'one marker per event, in the file order');
  const positions = MISSION.map(([id]) => ids.indexOf(id));
  assert.ok(positions.every((p) => p >= 0), `mission events missing: ${ids}`);
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'mission events in date order');
  for (const [id, date] of MISSION) {
    const shown = await page.locator(`.markers [data-event-id="${id}"] time`).textContent();
    assert.equal(shown, date, id);
  }
  // An expected event says so, in words.
  const cohort = page.locator('.markers [data-event-id="first-cohort-2024"]');
  assert.match(await cohort.textContent(), /Expected/);
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.consoleErrors, []);
});

test('the first event is selected; clicking a marker moves aria-current and the detail card', async () => {
  const page = await open();
  const current = () => page.locator('[aria-current="true"]').evaluateAll((els) => els.map((e) => e.dataset.eventId));
  assert.deepEqual(await current(), [data.events[0].id]);

  await page.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
  assert.deepEqual(await current(), ['agreement-signed-2024-07-21']);
  const card = page.locator('.detail .event-card');
  assert.match(await card.locator('h2').textContent(), /Strategic Cooperation Agreement/);
  const meta = await card.locator('.meta').textContent();
  assert.match(meta, /21 July 2024/);
  assert.match(meta, /July 2027.*derived/, 'the term end is shown as derived');
  assert.equal(await card.locator('blockquote').count(), 2, 'both quotations, with the signing');
  // Sources open in a new tab without handing over the opener.
  const links = card.locator('.sources a');
  assert.ok((await links.count()) >= 2);
  for (const link of await links.all()) {
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await link.getAttribute('href'), /^https?:\/\//);
  }

  // Next and Previous walk the events.
  await page.getByRole('button', { name: 'Next' }).click();
  assert.deepEqual(await current(), ['first-cohort-2024']);
  assert.match(await card.locator('.meta').textContent(), /Expected/);
  await page.getByRole('button', { name: 'Previous' }).click();
  assert.deepEqual(await current(), ['agreement-signed-2024-07-21']);
  // The change is announced politely, in one short line.
  const live = await page.locator('[aria-live="polite"]').textContent();
  assert.match(live, /Strategic Cooperation Agreement signed, 21 July 2024/);
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(page.consoleErrors, []);
});

test('the Previous button is disabled on the first event and Next on the last', async () => {
  const page = await open();
  assert.equal(await page.getByRole('button', { name: 'Previous' }).isDisabled(), true);
  await markers(page).last().click();
  assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true);
});

test('pressing Next to the last event keeps the keyboard focus on Next', async () => {
  const page = await open();
  const next = page.getByRole('button', { name: 'Next' });
  await next.focus();
  for (let i = 1; i < data.events.length; i++) await page.keyboard.press('Enter');
  assert.equal(await page.locator('[aria-current="true"]').getAttribute('data-event-id'), data.events.at(-1).id);
  assert.equal(await next.getAttribute('aria-disabled'), 'true', 'Next says it can go no further');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'next', 'the focus stays on Next');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('[aria-current="true"]').getAttribute('data-event-id'), data.events.at(-1).id, 'a press there does nothing');
});

/** Loads the page with the data file answered by `respond`. */
async function withData(respond) {
  const page = await openPage(browser, DESKTOP);
  await page.route('**/data/timeline.json', respond);
  await page.goto(server.url);
  await page.getByRole('alert').waitFor();
  return page;
}

test('a data file that is not JSON gives an alert with its line and column, and Retry recovers', async () => {
  const page = await withData((route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "schema_version": 1,\n  "title": ' }));
  const alert = page.getByRole('alert');
  assert.match(await alert.textContent(), /could not be loaded.*line 3, column/s);
  assert.equal(await markers(page).count(), 0);
  await page.unroute('**/data/timeline.json');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.deepEqual(page.pageErrors, [], 'no panic, no uncaught error');
});

test('a data file that breaks the rules lists every problem with its path', async () => {
  const broken = structuredClone(data);
  broken.events[0].date = '2024-13';
  broken.sources[0].url = 'javascript:alert(1)';
  const page = await withData((route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(broken) }));
  const items = await page.locator('[role="alert"] .problems li').allTextContents();
  assert.equal(items.length, 2, items.join('\n'));
  // The path, then the event numbered from one in words.
  assert.ok(items.some((t) => t.startsWith('events[0].date: in the 1st event, ') && t.includes('no month 13')), items.join('\n'));
  assert.ok(items.some((t) => t.startsWith('sources[0].url')), items.join('\n'));
  assert.deepEqual(page.pageErrors, []);
});

test('a missing data file gives an alert, not a blank page', async () => {
  const page = await withData((route) => route.fulfill({ status: 404, body: 'not found' }));
  assert.match(await page.getByRole('alert').textContent(), /HTTP 404/);
  assert.deepEqual(page.pageErrors, []);
});

for (const [name, screen] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no WCAG 2.2 AA violation (${name}, ${colorScheme})`, async () => {
      const page = await open('', { ...screen, colorScheme });
      await page.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
      await screenshot(page, `${name}-${colorScheme}`);
      assert.deepEqual(await axe(page), []);
      // Nothing scrolls sideways.
      const overflow = await sideOverflow(page);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
    });
  }
}
