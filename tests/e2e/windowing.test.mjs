// End-to-end: windowing. Beyond ten shown events the axis holds one page of
// markers, the one with the keyboard focus, while the list keeps its place
// in the whole set for assistive technology, and the keyboard, Next and
// Previous, links and page buttons move across all of it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { open as openApp, DESKTOP, PHONE, axe, screenshot, useApp, DIST, noProblems, selectedIds, sideOverflow } from './harness.mjs';
import { writeSynthetic } from '../../bench/synth.mjs';


let server;
let browser;

useApp((c) => ({ app: server, browser } = c));
// Synthetic timelines (bench/synth.mjs): 45 events over 30 years, ids
// event-0 … event-44; and 10,000.
before(() => writeSynthetic(DIST, [45, 10000]));

/** Opens the synthetic timeline of `n` events with `query` added. */
const open = (query = '', options = DESKTOP, n = 45) => openApp(`?data=bench/data-${n}.json${query}`, options);

/** The markers in the DOM: id, aria-posinset, aria-setsize. */
const markers = (page) =>
  page.locator('.markers > li').evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.querySelector('[data-event-id]').dataset.eventId,
      pos: Number(li.getAttribute('aria-posinset')),
      size: Number(li.getAttribute('aria-setsize')),
    })),
  );
const focused = (page) =>
  page.evaluate(() => {
    const button = document.activeElement;
    return button?.dataset?.eventId ? { id: button.dataset.eventId, pos: Number(button.parentElement.getAttribute('aria-posinset')) } : null;
  });
const range = (page) => page.locator('.page-range').textContent();
const ids = (from, to) => Array.from({ length: to - from }, (_, k) => `event-${from + k}`);


test('only a page of markers is in the DOM, each with its place in the whole set', async () => {
  const page = await open();
  const shown = await markers(page);
  assert.deepEqual(shown.map((m) => m.id), ids(0, 10));
  assert.deepEqual(shown.map((m) => m.pos), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.ok(shown.every((m) => m.size === 45), 'aria-setsize counts every shown event');
  assert.equal(await page.locator('.axis-scale .dot').count(), 10, 'dots for the page only');
  assert.equal(await page.locator('.axis-scale .leader line').count(), 10, 'leader lines for the page only');
  assert.equal(await range(page), 'Events 1–10 of 45');
  assert.equal(await page.locator('.position').textContent(), '1 of 45');
  assert.equal(await page.getByRole('button', { name: 'Earlier events' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: 'Later events' }).isDisabled(), false);
  // The page's own axis: its labels run left to right and do not overlap.
  const boxes = await page.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.deepEqual(boxes.map((b) => b.x), [...boxes.map((b) => b.x)].sort((a, b) => a - b));
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const [p, q] = [boxes[a], boxes[b]];
      assert.ok(p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top, `labels ${a} and ${b} overlap`);
    }
  }
  await screenshot(page, 'paginated-desktop');
  await noProblems(page);
});

test('keyboard: arrows, Home and End move across the whole set, turning the page, and focus follows', async () => {
  const page = await open();
  await page.locator('.markers [data-event-id="event-0"]').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'event-44');
  assert.deepEqual(await focused(page), { id: 'event-44', pos: 45 });
  assert.deepEqual((await markers(page)).map((m) => m.pos), [41, 42, 43, 44, 45], 'the last page is shorter');
  assert.equal(await range(page), 'Events 41–45 of 45');
  assert.equal(await page.locator('.markers [tabindex="0"]').count(), 1, 'still one tab stop');
  assert.deepEqual(await selectedIds(page), [], 'moving focus does not select; the selection is on another page');
  await page.keyboard.press('Enter');
  assert.deepEqual(await selectedIds(page), ['event-44']);
  assert.equal(new URL(page.url()).searchParams.get('event'), 'event-44');
  assert.equal(await page.locator('.position').textContent(), '45 of 45');

  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'event-0');
  assert.deepEqual(await focused(page), { id: 'event-0', pos: 1 });
  // Across a page edge, one step at a time, both ways.
  for (let k = 1; k <= 10; k++) await page.keyboard.press(k % 2 ? 'ArrowRight' : 'ArrowDown');
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'event-10');
  assert.deepEqual(await focused(page), { id: 'event-10', pos: 11 });
  assert.equal(await range(page), 'Events 11–20 of 45');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'event-9');
  assert.deepEqual(await focused(page), { id: 'event-9', pos: 10 });
  await page.keyboard.press('Space');
  assert.deepEqual(await selectedIds(page), ['event-9']);
  // Tab leaves the list at once.
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), null);
  await noProblems(page);
});

test('Next and Previous cross page edges; a move within a page leaves the axis alone', async () => {
  const page = await open('&event=event-8');
  assert.deepEqual(await selectedIds(page), ['event-8']);
  await page.evaluate(() => { document.querySelector('.axis').dataset.mark = 'first render'; });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  assert.deepEqual(await selectedIds(page), ['event-9']);
  assert.equal(await page.locator('.axis').getAttribute('data-mark'), 'first render', 'the same page: not re-rendered');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('[aria-current="true"]')?.dataset.eventId === 'event-10');
  assert.deepEqual((await markers(page)).map((m) => m.id), ids(10, 20));
  assert.equal(await page.locator('.markers [aria-current="true"]').evaluate((b) => b.parentElement.getAttribute('aria-posinset')), '11');
  assert.equal(await range(page), 'Events 11–20 of 45');
  assert.equal(await page.locator('.position').textContent(), '11 of 45');
  assert.match(await page.locator('.detail h2').textContent(), /Synthetic event 10$/);
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('[aria-current="true"]')?.dataset.eventId === 'event-9');
  assert.deepEqual((await markers(page)).map((m) => m.id), ids(0, 10));
  assert.match(await page.locator('[aria-live="polite"]').textContent(), /Synthetic event 9/);
  await noProblems(page);
});

test('links to an event on a later page open that page', async () => {
  let page = await open('&event=event-30');
  assert.deepEqual(await selectedIds(page), ['event-30']);
  assert.deepEqual((await markers(page)).map((m) => m.id), ids(30, 40));
  assert.equal(await range(page), 'Events 31–40 of 45');
  assert.equal(await page.locator('.markers [tabindex="0"]').getAttribute('data-event-id'), 'event-30');
  // A #id link followed on the page turns it too.
  await page.evaluate(() => { location.hash = 'event-42'; });
  await page.waitForFunction(() => document.querySelector('[aria-current="true"]')?.dataset.eventId === 'event-42');
  assert.equal(await range(page), 'Events 41–45 of 45');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[aria-current="true"]')?.dataset.eventId === 'event-30');

  page = await open('#event-17');
  assert.deepEqual(await selectedIds(page), ['event-17']);
  assert.equal(await range(page), 'Events 11–20 of 45');
});

test('page buttons show the earlier and later pages; the tab stop moves there, the selection stays', async () => {
  const page = await open();
  const later = page.getByRole('button', { name: 'Later events' });
  const earlier = page.getByRole('button', { name: 'Earlier events' });
  await later.click();
  await page.waitForFunction(() => document.querySelector('.markers [data-event-id]')?.dataset.eventId === 'event-10');
  assert.equal(await range(page), 'Events 11–20 of 45');
  assert.equal(await page.locator('.markers [tabindex="0"]').getAttribute('data-event-id'), 'event-10');
  assert.equal(new URL(page.url()).searchParams.get('event'), null, 'the selection did not change');
  assert.equal(await page.locator('.position').textContent(), '1 of 45');
  assert.match(await page.locator('[aria-live="polite"]').textContent(), /Events 11–20 of 45/);
  // Tab from the button reaches the page's tab stop.
  await later.focus();
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), { id: 'event-10', pos: 11 });
  for (let k = 0; k < 3; k++) await later.click();
  await page.waitForFunction(() => document.querySelector('.markers [data-event-id]')?.dataset.eventId === 'event-40');
  assert.equal(await later.isDisabled(), true, 'no page after the last');
  await earlier.click();
  await page.waitForFunction(() => document.querySelector('.markers [data-event-id]')?.dataset.eventId === 'event-30');
  // Next from the selection brings its page back.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('[aria-current="true"]')?.dataset.eventId === 'event-1');
  assert.equal(await range(page), 'Events 1–10 of 45');
  await noProblems(page);
});

test('filters count in the set size; ten or fewer shown events need no pages', async () => {
  const page = await open();
  await page.getByRole('checkbox', { name: 'Context' }).uncheck();
  const shown = await markers(page);
  assert.ok(shown.every((m) => m.size === 36), 'nine context events left the set');
  assert.equal(await range(page), 'Events 1–10 of 36');
  await page.goto(`${server.url}?data=bench/data-45.json&filter=kind:agreement`);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  const few = await markers(page);
  assert.equal(few.length, 9);
  assert.ok(few.every((m) => m.size === 9));
  assert.equal(await page.locator('.page-bar').count(), 0, 'no page bar');
});

test('phone: the page of markers as a vertical list, with the page bar above; axe passes', async () => {
  const page = await open('&event=event-23', PHONE);
  assert.deepEqual((await markers(page)).map((m) => m.id), ids(20, 30));
  const xs = await page.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)));
  assert.equal(new Set(xs).size, 1, 'one column');
  const overflow = await sideOverflow(page);
  assert.ok(overflow <= 0, `page is ${overflow}px too wide`);
  for (const button of await page.locator('.page-bar button').all()) {
    const box = await button.boundingBox();
    assert.ok(box.height >= 24 && box.width >= 24, 'targets of at least 24 × 24 px');
  }
  await screenshot(page, 'paginated-phone');
  await noProblems(page);
});

test('10,000 events: ten markers in the DOM, one card, and End reaches the last', async () => {
  const page = await open('', DESKTOP, 10000);
  assert.equal(await page.locator('.markers [data-event-id]').count(), 10);
  assert.equal(await page.locator('.event-card').count(), 1, 'only the detail card; no print list yet');
  assert.ok((await page.evaluate(() => document.getElementsByTagName('*').length)) < 400, 'a small DOM');
  assert.equal(await range(page), 'Events 1–10 of 10,000');
  await page.locator('.markers [data-event-id="event-0"]').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'event-9999');
  assert.deepEqual(await focused(page), { id: 'event-9999', pos: 10000 });
  assert.equal(await range(page), 'Events 9,991–10,000 of 10,000');
  await page.keyboard.press('Enter');
  assert.deepEqual(await selectedIds(page), ['event-9999']);
  assert.equal(await page.locator('.position').textContent(), '10,000 of 10,000');
  assert.deepEqual(page.pageErrors, []);
});

test('print: the list holds every event, built when printing begins', async () => {
  let page = await open();
  assert.equal(await page.locator('.print-list .event-card').count(), 0, 'not built at first render');
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelectorAll('.print-list .event-card').length === 45);
  const printed = await page.locator('.print-list .event-card h2').evaluateAll((els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent));
  assert.deepEqual(printed, Array.from({ length: 45 }, (_, i) => `Synthetic event ${i}`));
  assert.equal(await page.locator('.axis-nav').isVisible(), false, 'the axis and its page bar are not printed');

  // Within the beforeprint event itself: the browser lays out for print next.
  page = await open();
  const built = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    return document.querySelectorAll('.print-list .event-card').length;
  });
  assert.equal(built, 45);

  // Headless printing to PDF fires beforeprint too.
  page = await open();
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000, 'prints to PDF');
  assert.equal(await page.locator('.print-list .event-card').count(), 45);
  assert.deepEqual(page.pageErrors, []);
});
