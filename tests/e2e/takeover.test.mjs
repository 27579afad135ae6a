// The reader before and during the takeover (issue 24): the app replaces
// the first paint without moving the reader (their scroll, the card a link
// showed, their focus), failures and retries put the focus on a heading and
// are said once, and a zoom gesture is announced once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, frames, holdWasm, DESKTOP, PHONE } from './harness.mjs';

let app, browser;
useApp((ctx) => ({ app, browser } = ctx));

const NARROW = { viewport: PHONE.viewport }; // the phone's size, no mobile emulation
const SIGNED = 'agreement-signed-2024-07-21';

/** Waits until the app has replaced the first paint. */
async function tookOver(page) {
  await page.waitForFunction(() => !document.getElementById('static') && document.querySelector('#app .markers [data-event-id]'));
  await frames(page, 2);
}

/** Records every scroll position the page takes from now on. */
const recordScroll = (page) => page.evaluate(() => {
  window.scrolls = [];
  addEventListener('scroll', () => window.scrolls.push(scrollY));
});

for (const [name, options] of [['phone (mobile emulation)', PHONE], ['390 px', NARROW], ['desktop', DESKTOP]]) {
  test(`${name}: a reader scrolled down before the takeover stays where they were`, async () => {
    const page = await openPage(browser, { ...options, reducedMotion: 'reduce' });
    const release = await holdWasm(page);
    await page.goto(`${app.url}?lang=en`);
    const y = await page.evaluate(() => Math.min(700, document.documentElement.scrollHeight - innerHeight));
    assert.ok(y >= 200, `the first paint scrolls (${y} px)`);
    await page.evaluate((y) => scrollTo(0, y), y);
    await page.waitForFunction((y) => Math.abs(scrollY - y) < 1, y);
    await recordScroll(page);
    release();
    await tookOver(page);
    const scrolls = await page.evaluate(() => [...window.scrolls, scrollY]);
    assert.ok(scrolls.every((s) => Math.abs(s - y) <= 2), `${name}: scrolled from ${y} through ${scrolls.join(', ')}`);
  });
}

for (const [name, options] of [['phone (mobile emulation)', PHONE], ['desktop', DESKTOP]]) {
  test(`${name}: a followed link's card stays in view through the takeover, and the focus stays at it`, async () => {
    const page = await openPage(browser, { ...options, reducedMotion: 'reduce' });
    const release = await holdWasm(page);
    await page.goto(`${app.url}?lang=en#${SIGNED}`);
    const before = await page.locator(`#static #${SIGNED} h2`).evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(before > -1 && before < 100, `the link scrolled its card to the top (${before})`);
    release();
    await tookOver(page);
    const heading = page.locator('#app .detail .card h2');
    assert.equal(await heading.textContent(), await page.evaluate(() => document.title.split(' – ')[0]));
    const after = await heading.evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(Math.abs(after - before) <= 2, `${name}: the card's heading moved from ${before} to ${after}`);
    // The focus is at the card (its heading), not on the document: Tab
    // goes on inside the card, and the page does not jump to its top.
    assert.ok(await heading.evaluate((h) => h === document.activeElement), 'the card\'s heading has the focus');
    const y = await page.evaluate(() => scrollY);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement.closest('#app .detail') !== null), 'Tab stays in the card');
    const jumped = await page.evaluate(() => scrollY);
    assert.ok(y < 100 || jumped > y / 2, `${name}: Tab scrolled from ${y} to ${jumped}`);
  });
}

test('a focused marker taken over keeps the focus once, on the same event\'s marker', async () => {
  const page = await openPage(browser, PHONE);
  const release = await holdWasm(page);
  await page.goto(`${app.url}?lang=en`);
  await page.locator(`#static [data-event-id="${SIGNED}"]`).focus();
  const y = await page.evaluate(() => scrollY);
  await page.evaluate(() => {
    window.focuses = [];
    document.addEventListener('focusin', (e) => window.focuses.push(e.target.closest('#app') ? e.target.dataset.eventId ?? e.target.localName : 'first paint'));
  });
  release();
  await tookOver(page);
  assert.deepEqual(await page.evaluate(() => window.focuses), [SIGNED], 'one move of the focus, to the app\'s marker');
  assert.equal(await page.evaluate(() => scrollY), y, 'nothing scrolled');
});

/** The texts of the page's live regions (alerts, statuses, aria-live). */
const liveTexts = (page) => page.evaluate(() =>
  [...document.querySelectorAll('[role="alert"], [role="status"], [aria-live]')].map((e) => e.textContent.trim()).filter(Boolean));

test('a failure that replaces the focused first paint, Try again, and a retry that works: the focus on a heading, said once', async () => {
  const page = await openPage(browser, DESKTOP);
  let failing = true;
  let requests = 0;
  await page.route('**/data/timeline.json', (route) => {
    requests++;
    return failing ? route.fulfill({ status: 500, body: 'error' }) : route.continue();
  });
  const release = await holdWasm(page);
  await page.goto(`${app.url}?lang=en`);
  await page.locator(`#static [data-event-id="${SIGNED}"]`).focus();
  release();
  // The error replaces the marker: its heading takes the focus, described
  // by what went wrong, and no alert says it a second time.
  await page.waitForFunction(() => document.activeElement?.matches('#app .load-error h1'));
  const describedBy = await page.locator('.load-error h1').getAttribute('aria-describedby');
  assert.match(await page.locator(`#${describedBy}`).textContent(), /HTTP 500/);
  assert.deepEqual(await liveTexts(page), [], 'no live region repeats the focused heading');
  // Try again, failing again: the focus comes back to the (new) heading.
  const seen = requests;
  await page.getByRole('button', { name: 'Try again' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('#app .load-error h1'));
  assert.equal(requests, seen + 1);
  assert.deepEqual(await liveTexts(page), []);
  // Try again, working: the timeline's heading has the focus.
  failing = false;
  await page.getByRole('button', { name: 'Try again' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('#app .timeline-header h1'));
  assert.ok(await page.locator('#app .markers [data-event-id]').count() > 0);
  assert.deepEqual(await liveTexts(page), [], 'said once, by the heading');
});

test('a failure with the focus elsewhere is one alert; the parser\'s English words in a Chinese sentence carry lang="en"', async () => {
  const page = await openPage(browser, DESKTOP);
  await page.route('**/data/timeline.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "events": [' }));
  await page.goto(`${app.url}?lang=zh-Hans`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const english = alert.locator('p span[lang="en"]');
  assert.match(await english.textContent(), /EOF while parsing/);
  const sentence = await alert.locator('p').textContent();
  // The place (line, column, then the JSON path, which is code) in the page's language, then the parser's words.
  assert.ok(sentence.startsWith('无法读取数据文件：第 1 行第 34 列：') && sentence.endsWith(`：events: ${await english.textContent()}。`), sentence);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'the focus was not taken');
});

/** The timeline's announcements from now on, in order. */
const recordAnnouncements = (page) => page.evaluate(() => {
  window.announcements = [];
  const region = document.querySelector('#app [aria-live="polite"]');
  new MutationObserver(() => {
    if (region.textContent) window.announcements.push(region.textContent);
  }).observe(region, { childList: true, characterData: true, subtree: true });
});

test('five notches of Ctrl + wheel are one gesture, announced once', async () => {
  const page = await openPage(browser, { ...DESKTOP, reducedMotion: 'reduce' });
  await page.goto(`${app.url}?lang=en&zoom=1`);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  await recordAnnouncements(page);
  // Five notches a frame apart, as a quick turn of the wheel gives them.
  await page.locator('.axis-frame').evaluate(async (frame) => {
    const r = frame.getBoundingClientRect();
    for (let i = 0; i < 5; i++) {
      frame.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, clientX: r.left + 300, clientY: r.top + 40, bubbles: true, cancelable: true }));
      await new Promise(requestAnimationFrame);
    }
  });
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '6');
  await page.waitForFunction(() => window.announcements.length > 0);
  assert.deepEqual(await page.evaluate(() => window.announcements), ['Zoom 6×']);
});

test('Fit all is a plain button: no pressed state, unavailable while the whole axis shows, announced when pressed', async () => {
  const page = await openPage(browser, { ...DESKTOP, reducedMotion: 'reduce' });
  await page.goto(`${app.url}?lang=en&zoom=1`);
  const fit = page.getByRole('button', { name: 'Fit all' });
  await fit.waitFor();
  assert.equal(await fit.getAttribute('aria-pressed'), null);
  assert.equal(await fit.getAttribute('aria-disabled'), 'true');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1.5');
  assert.equal(await fit.getAttribute('aria-disabled'), 'false');
  await fit.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1');
  await page.waitForFunction(() => document.querySelector('#app [aria-live="polite"]').textContent === 'Whole time axis shown');
  assert.equal(await fit.getAttribute('aria-disabled'), 'true');
});
