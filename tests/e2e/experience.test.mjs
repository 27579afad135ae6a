// End-to-end: keyboard, touch, deep links, history, filters, layouts,
// reduced motion, print and themes, with axe-core in each state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, openPage, DESKTOP, PHONE, axe, useApp, frames, noProblems, selectedIds, focusedId, shownIds, sideOverflow } from './harness.mjs';


let server;
let browser;
let ids;
let data;

useApp((c) => {
  ({ app: server, browser, data } = c);
  ids = data.events.map((e) => e.id);
});

const query = (page) => new URL(page.url()).searchParams;


test('keyboard: one tab stop, arrows and Home/End move focus, Enter and Space select, focus is visible', async () => {
  const page = await open();
  const tabStops = await page.locator('.markers [data-event-id][tabindex="0"]').count();
  assert.equal(tabStops, 1, 'a roving tab stop: exactly one marker is tabbable');
  await page.locator('.markers [data-event-id]').first().focus();
  for (let k = 1; k < ids.length; k++) {
    await page.keyboard.press(k % 2 ? 'ArrowRight' : 'ArrowDown');
    assert.equal(await focusedId(page), ids[k], `step ${k}`);
  }
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedId(page), ids.at(-1), 'stays at the end');
  await page.keyboard.press('Home');
  assert.equal(await focusedId(page), ids[0]);
  await page.keyboard.press('End');
  assert.equal(await focusedId(page), ids.at(-1));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedId(page), ids.at(-3));
  assert.deepEqual(await selectedIds(page), [ids[0]], 'moving focus does not select');
  await page.keyboard.press('Enter');
  assert.deepEqual(await selectedIds(page), [ids.at(-3)]);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  assert.deepEqual(await selectedIds(page), [ids.at(-2)]);
  assert.equal(await page.locator('.markers [data-event-id][tabindex="0"]').getAttribute('data-event-id'), ids.at(-2));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focus ring shows');
  // Tab leaves the list at once: one stop, not one per marker.
  await page.keyboard.press('Tab');
  assert.equal(await focusedId(page), null);
  assert.match(await page.locator('[aria-live="polite"]').textContent(), /First cohort/);
  await noProblems(page);
});

/** A horizontal touch swipe across `locator`, through Chromium's touch input. */
async function swipe(page, locator, dx) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const y = Math.max(box.y, 0) + 40;
  const x0 = box.x + box.width / 2 - dx / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', x0);
  for (let s = 1; s <= 5; s++) await touch('touchMove', x0 + (dx * s) / 5);
  await touch('touchEnd', x0 + dx);
}

test('touch: swiping the detail card left and right moves to the next and previous event', async () => {
  const page = await open('', PHONE);
  const card = page.locator('.detail');
  await swipe(page, card, -200);
  await page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.dataset.eventId === id, ids[1]);
  await swipe(page, card, -200);
  await page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.dataset.eventId === id, ids[2]);
  await swipe(page, card, 200);
  await page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.dataset.eventId === id, ids[1]);
  // A short or vertical drag is not a swipe.
  await swipe(page, card, -20);
  await frames(page);
  assert.deepEqual(await selectedIds(page), [ids[1]]);
  await noProblems(page);
});

test('deep links: ?event= and #id select on load, an unknown id falls back to the first event, the URL follows', async () => {
  let page = await open('?event=agreement-signed-2024-07-21');
  assert.deepEqual(await selectedIds(page), ['agreement-signed-2024-07-21']);
  assert.match(await page.locator('.detail h2').textContent(), /Agreement/);

  page = await open('#first-cohort-2024');
  assert.deepEqual(await selectedIds(page), ['first-cohort-2024']);

  page = await open('?event=no-such-event');
  assert.deepEqual(await selectedIds(page), [ids[0]]);
  await page.locator(`.markers [data-event-id="${ids[1]}"]`).click();
  assert.equal(query(page).get('event'), ids[1], 'the selection is in the URL');
  await page.reload();
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.deepEqual(await selectedIds(page), [ids[1]], 'and survives a reload');
  assert.deepEqual(page.pageErrors, []);
});

test('history: following #id links adds entries, and back/forward restore the selection', async () => {
  const page = await open();
  const length = await page.evaluate(() => history.length);
  await page.locator(`.markers [data-event-id="${ids[2]}"]`).click();
  assert.equal(await page.evaluate(() => history.length), length, 'selecting replaces, it does not push');
  await page.evaluate((id) => { location.hash = id; }, ids[3]);
  await page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.dataset.eventId === id, ids[3]);
  await page.goBack();
  await page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.dataset.eventId === id, ids[2]);
  await page.goForward();
  await page.waitForFunction((id) => document.querySelector('[aria-current="true"]')?.dataset.eventId === id, ids[3]);
  assert.deepEqual(page.pageErrors, []);
});

test('filters: hidden events leave the axis and the keyboard order, the URL keeps the filter', async () => {
  const page = await open();
  const contextEvents = data.events.filter((e) => e.kind === 'context').map((e) => e.id);
  assert.ok(contextEvents.length > 0);
  await page.getByRole('checkbox', { name: 'Context' }).uncheck();
  const shown = await shownIds(page);
  assert.deepEqual(shown, ids.filter((id) => !contextEvents.includes(id)));
  assert.equal(await page.locator('.axis-scale .dot').count(), shown.length, 'their dots leave too');
  assert.equal(query(page).get('filter'), 'kind:visit,kind:delegation,kind:agreement,kind:exchange');
  await page.locator('.markers [data-event-id]').first().focus();
  await page.keyboard.press('End');
  assert.equal(await focusedId(page), shown.at(-1));
  assert.equal(await page.locator('.position').textContent(), `1 of ${shown.length}`);
  await noProblems(page);

  // The filtered state is a link too.
  await page.reload();
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.deepEqual(await shownIds(page), shown);
  assert.equal(await page.getByRole('checkbox', { name: 'Context' }).isChecked(), false);
});

test('filters: one kind from the URL; the last shown kind cannot be hidden; a hidden selection falls back', async () => {
  // A selection the filter hides falls back to the first shown event.
  const first = await open('?event=ip-visit-pumch-2024-03');
  await first.getByRole('checkbox', { name: 'Visits' }).uncheck();
  const after = data.events.find((e) => e.kind !== 'visit').id;
  assert.deepEqual(await selectedIds(first), [after], 'the hidden event gives way');
  // A link's own event is always shown: its filter gives way (see resilience.test.mjs).
  const page = await open('?filter=kind:agreement');
  assert.deepEqual(await shownIds(page), ['agreement-signed-2024-07-21']);
  assert.deepEqual(await selectedIds(page), ['agreement-signed-2024-07-21']);
  const agreements = page.getByRole('checkbox', { name: 'Agreements' });
  assert.equal(await agreements.isChecked(), true);
  // Locked, but still focusable, and it says why.
  // (Playwright counts aria-disabled as disabled: read the property.)
  assert.equal(await agreements.evaluate((el) => el.disabled), false, 'not disabled: it stays in the tab order');
  assert.equal(await agreements.getAttribute('aria-disabled'), 'true');
  const hint = page.locator(`#${await agreements.getAttribute('aria-describedby')}`);
  assert.match(await hint.textContent(), /At least one kind stays shown/);
  assert.ok(await hint.isVisible());
  await agreements.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'agreement', 'it takes the keyboard focus');
  await page.keyboard.press('Space');
  assert.equal(await agreements.isChecked(), true, 'Space on the locked box changes nothing');
  assert.deepEqual(await shownIds(page), ['agreement-signed-2024-07-21']);
  assert.equal(await page.locator('[aria-live="polite"]').textContent(), 'At least one kind stays shown.');
  await page.getByRole('checkbox', { name: 'Visits' }).check();
  assert.deepEqual(await shownIds(page), ['ip-visit-pumch-2024-03', 'agreement-signed-2024-07-21']);
  // Organisations: events involving PUMCH only.
  await page.getByRole('checkbox', { name: 'HKUST' }).uncheck();
  assert.equal(query(page).get('filter'), 'kind:visit,kind:agreement,org:pumch');
  await noProblems(page);
});

test('layouts: a horizontal axis on wide screens, a vertical list on narrow ones, no sideways scrolling from 280 px', async () => {
  const wide = await open();
  const wideBoxes = await wide.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  const xs = wideBoxes.map((b) => b.x);
  assert.deepEqual([...xs].sort((a, b) => a - b), xs, 'markers run left to right in date order');
  assert.ok(await wide.locator('.axis-scale').isVisible());

  for (const width of [280, 360]) {
    const narrow = await open('', { viewport: { width, height: 740 }, isMobile: true, hasTouch: true });
    const boxes = await narrow.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    const ys = boxes.map((b) => b.y);
    assert.deepEqual([...ys].sort((a, b) => a - b), ys, 'markers run top to bottom');
    assert.ok(new Set(boxes.map((b) => Math.round(b.x))).size === 1, 'in one column');
    assert.equal(await narrow.locator('.axis-scale').isVisible(), false);
    const overflow = await sideOverflow(narrow);
    assert.ok(overflow <= 0, `${width}px: page is ${overflow}px too wide`);
    assert.deepEqual(await axe(narrow), []);
  }
});

test('phone: tapping a marker brings the detail card into view', async () => {
  const page = await open('', { ...PHONE, reducedMotion: 'reduce' });
  const cardTop = () => page.locator('.detail').evaluate((e) => e.getBoundingClientRect().top);
  await page.setViewportSize({ width: PHONE.viewport.width, height: 500 });
  assert.ok((await cardTop()) > 500, 'the card starts below the fold');
  await page.locator(`.markers [data-event-id="${ids.at(-1)}"]`).tap();
  await page.waitForFunction(() => document.querySelector('.detail').getBoundingClientRect().top < 500);
  assert.match(await page.locator('.detail h2').textContent(), new RegExp(data.events.at(-1).title.en.slice(0, 20)));
});

test('wide screens: labels of events close in time do not overlap', async () => {
  for (const width of [800, 1280]) {
    const page = await open('', { viewport: { width, height: 800 } });
    const boxes = await page.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a], boxes[b]];
        const apart = p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top;
        assert.ok(apart, `${width}px: labels ${a} and ${b} overlap`);
      }
    }
  }
});

test('the page asks nothing of any other origin (system fonts, no third parties)', async () => {
  const page = await openPage(browser, DESKTOP);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url + '?event=agreement-signed-2024-07-21');
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
});

test('reduced motion: transitions vanish', async () => {
  const duration = async (reducedMotion) => {
    const page = await open('', { ...DESKTOP, reducedMotion });
    const value = await page.locator('.marker-button').first().evaluate((e) => getComputedStyle(e).transitionDuration);
    if (reducedMotion === 'reduce') assert.deepEqual(await axe(page), []);
    return value;
  };
  assert.notEqual(await duration('no-preference'), '0s');
  assert.equal(await duration('reduce'), '0s');
});

test('print: every event as a readable list, without controls', async () => {
  const page = await open();
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.print-list .event-card h2').evaluateAll((els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent));
  assert.deepEqual(printed, data.events.map((e) => e.title.en));
  for (const hidden of ['.filters', '.axis-nav', '.detail', '.pager']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000, 'prints to PDF');
});

test('theme: ?theme= overrides the reader’s colour scheme, and both pass axe', async () => {
  const background = async (path, colorScheme) => {
    const page = await open(path, { ...DESKTOP, colorScheme });
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.deepEqual(await axe(page), []);
    return bg;
  };
  const light = await background('', 'light');
  const dark = await background('', 'dark');
  assert.notEqual(light, dark);
  assert.equal(await background('?theme=dark', 'light'), dark);
  assert.equal(await background('?theme=light', 'dark'), light);
  assert.equal(await background('?theme=purple', 'dark'), dark, 'an unknown theme is ignored');
});
