// End-to-end: focus that never gets lost, announcements that say what
// changed, and a page title that names what is on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open as openApp, DIST, DESKTOP, useApp } from './harness.mjs';

let app;
let browser;
let data;

useApp((c) => ({ app, browser, data } = c));

/** Opens `path` once the app shows its markers, or says none match. */
const open = (path = '', options = DESKTOP) => openApp(path, options, '#app .markers [data-event-id], #app .axis-nav .empty');

const activeEventId = (page) => page.evaluate(() => document.activeElement?.dataset?.eventId ?? document.activeElement?.tagName);
const live = (page) => page.locator('[aria-live="polite"]').textContent();

/** A `filter=` value of a known kind and a known organisation that no event has together. */
function emptyFilter() {
  for (const kind of new Set(data.events.map((e) => e.kind))) {
    for (const { id } of data.organisations) {
      if (!data.events.some((e) => e.kind === kind && e.organisations.includes(id))) return `kind:${kind},org:${id}`;
    }
  }
  throw new Error('every kind meets every organisation');
}

test('after "Show all events" the focus is on the selected marker, not lost to the page', async () => {
  const page = await open(`?filter=${emptyFilter()}`);
  const showAll = page.getByRole('button', { name: 'Show all events' });
  await showAll.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('marker-button'));
  const selected = await page.locator('.markers [aria-current="true"]').getAttribute('data-event-id');
  assert.equal(await activeEventId(page), selected);
  assert.ok(await page.locator('.detail').isVisible());
  assert.deepEqual(page.pageErrors, []);
});

test('a filter change that moves the selection says which event is selected now', async () => {
  const signing = data.events.find((e) => e.id === 'agreement-signed-2024-07-21');
  const page = await open('?event=agreement-signed-2024-07-21');
  await page.getByRole('checkbox', { name: 'Agreements' }).uncheck();
  const now = await page.locator('.markers [aria-current="true"]').getAttribute('data-event-id');
  assert.notEqual(now, signing.id);
  const title = data.events.find((e) => e.id === now).title.en;
  const line = await live(page);
  assert.match(line, /^\d+ events shown\. Now selected: /);
  assert.ok(line.includes(title), line);
  // A change that keeps the selection says only the count.
  await page.getByRole('checkbox', { name: 'Agreements' }).check();
  assert.match(await live(page), /^\d+ events shown$/);
});

for (const viewport of [{ width: 390, height: 667 }, { width: 320, height: 568 }]) {
  test(`on a ${viewport.width}×${viewport.height} phone, Enter on a marker keeps it in view`, async () => {
    // Reduced motion: the page scrolls at once, so the end position can
    // be read without racing a smooth scroll.
    const page = await open('', { viewport, reducedMotion: 'reduce' });
    // The first marker: the card is furthest below it.
    const first = page.locator('.markers [data-event-id]').first();
    const cardBefore = await page.locator('.detail').evaluate((el) => el.getBoundingClientRect().top);
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.markers [aria-current="true"]') === document.activeElement);
    const box = await page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON());
    assert.ok(box.top >= 0 && box.bottom <= viewport.height, `the focused marker is at ${box.top}–${box.bottom}`);
    // The page still moved towards the card, as far as the marker allows.
    const cardAfter = await page.locator('.detail').evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(cardAfter < cardBefore, `the card moved from ${cardBefore} to ${cardAfter}`);
  });
}

test('the document title names the selected event; the no-JavaScript title is the data\'s', async () => {
  const page = await open();
  const second = data.events[1];
  await page.locator(`.markers [data-event-id="${second.id}"]`).click();
  assert.equal(await page.title(), `${second.title.en} – ${data.title.en}`);
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.equal(html.match(/<title>([^<]*)<\/title>/)[1], data.title.en.replaceAll('&', '&amp;'));
});

test('a visible hint for the arrow keys while the keyboard is among the markers', async () => {
  const page = await open();
  const hint = page.locator('.keys-hint');
  assert.equal(await hint.evaluate((el) => getComputedStyle(el).visibility), 'hidden');
  await page.locator('.markers [tabindex="0"]').focus();
  assert.equal(await hint.evaluate((el) => getComputedStyle(el).visibility), 'visible');
  assert.match(await hint.textContent(), /← →/);
});
