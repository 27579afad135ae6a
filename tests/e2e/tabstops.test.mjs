// End-to-end: what the keyboard reaches is what works. In the first paint,
// while the WebAssembly is still on its way, only links (languages,
// markers, the card's sources) are reached, no marker claims to be the
// current one, and the controls that wait for the app look inert if it is
// slow; without JavaScript the legend lists only what is drawn; in the app,
// the axis's frame is a tab stop only where it scrolls, and its keys do
// what its name says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, screenshot } from './harness.mjs';

let app;
let browser;
useApp((c) => ({ app, browser } = c));

const VIEWS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

/** The first paint with the loader running and the WebAssembly never arriving. */
async function waitingForWasm(options) {
  const page = await openPage(browser, options);
  await page.route(/_bg\.wasm$/, () => {}); // never answered
  await page.goto(app.url, { waitUntil: 'domcontentloaded' });
  await page.locator('#static .markers a').first().waitFor();
  return page;
}

/** What Tab reaches, in order, from the top of the page until it leaves the page. */
async function tabStops(page, limit = 80) {
  await page.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
    window.tabSeen = new Set();
  });
  const stops = [];
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body || window.tabSeen.has(a)) return null;
      window.tabSeen.add(a);
      return {
        tag: a.localName,
        href: a.getAttribute('href'),
        cls: a.getAttribute('class') ?? '',
        role: a.getAttribute('role'),
        id: a.dataset.eventId ?? null,
        frame: a.classList.contains('axis-frame'),
        in: a.closest('.filters, .zoom-bar, .pager, .page-bar, .toolbar, .markers, .card, .axis-frame, .axis')?.className.split(' ')[0] ?? null,
      };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

/** The accessibility tree's roles and names that are not ignored (Chromium's own, over CDP). */
async function exposed(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? '' }));
}

test('while the WebAssembly downloads, Tab reaches only links that work, no marker is current, and the controls waiting for the app are inert, then look it', async () => {
  for (const { name, ...options } of VIEWS) {
    const page = await waitingForWasm(options);
    const stops = await tabStops(page);
    const markers = stops.filter((s) => s.id);
    assert.equal(markers.length, await page.locator('#static .markers a').count(), `${name}: every marker link is reached`);
    assert.deepEqual(stops.filter((s) => !(s.tag === 'a' && s.href)), [], `${name}: nothing but links is reached (no filter, zoom, Embed, pager, page bar, axis frame)`);
    // No control that needs the app is in the accessibility tree either.
    const tree = await exposed(page);
    assert.deepEqual(tree.filter((n) => ['button', 'checkbox'].includes(n.role)), [], `${name}: no button or checkbox exposed`);
    // The keys hint would describe the app's keys: not shown on a marker.
    await page.locator('#static .markers a').first().focus();
    assert.equal(await page.locator('#static .keys-hint').isVisible(), false, `${name}: no keys hint for keys that do nothing yet`);
    // A followed marker link shows its card; no marker says it is current,
    // and no position under the card says "1 of N".
    await page.locator('#static [data-event-id="agreement-signed-2024-07-21"]').click();
    await page.waitForFunction(() => location.hash === '#agreement-signed-2024-07-21');
    assert.equal(await page.locator('#static .card > article:visible').getAttribute('id'), 'agreement-signed-2024-07-21');
    assert.equal(await page.locator('#static .markers [aria-current]').count(), 0, `${name}: no marker is aria-current`);
    assert.equal(await page.locator('#static .position').isVisible(), false, `${name}: no "1 of N" under another card`);
    assert.deepEqual((await exposed(page)).filter((n) => / of \d+$/.test(n.name)), [], `${name}: no position exposed`);
    // The app is slow: after a second, what waits for it looks inert too (dimmed).
    await page.waitForFunction(() => [...document.querySelectorAll('#static [inert]')].filter((e) => e.getClientRects().length).every((e) => Number(getComputedStyle(e).opacity) < 1));
    const looks = await page.locator('#static [inert]').evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length).map((e) => [e.className, Number(getComputedStyle(e).opacity)]));
    assert.ok(looks.length >= (name === 'phone' ? 3 : 4), `${name}: ${JSON.stringify(looks)}`);
    for (const [cls, opacity] of looks) assert.ok(opacity < 0.6, `${name}: ${cls} looks inert (opacity ${opacity})`);
    await screenshot(page, `first-paint-waiting-${name}`);
  }
});

test('without JavaScript (and when the WebAssembly fails), the legend lists only what is drawn: no "today" without its line', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  await page.goto(app.url);
  assert.ok(await page.locator('.legend').isVisible());
  assert.equal(await page.locator('.today').isVisible(), false, 'the build\'s today is not drawn');
  assert.equal(await page.locator('.legend li:has(.swatch-today)').isVisible(), false, 'nor listed');
  assert.ok(await page.locator('.legend li:has(.swatch-term)').isVisible(), 'the rest of the legend stays');
  const failed = await openPage(browser, { viewport: { width: 1280, height: 900 }, allowPageErrors: true });
  await failed.route(/_bg\.wasm$/, (route) => route.abort());
  await failed.goto(app.url);
  await failed.waitForFunction(() => document.documentElement.classList.contains('no-app'));
  assert.equal(await failed.locator('.today').isVisible(), false);
  assert.equal(await failed.locator('.legend li:has(.swatch-today)').isVisible(), false);
});

test('in the app, the axis frame is a tab stop only where it scrolls: not below 768 px; zoomed in on a wide screen, its keys do what its name says', async () => {
  for (const [width, options] of [[390, { isMobile: true, hasTouch: true }], [700, {}]]) {
    const page = await openPage(browser, { viewport: { width, height: 844 }, ...options });
    await page.goto(app.url);
    await page.locator('#app .markers [data-event-id]').first().waitFor();
    const stops = await tabStops(page);
    assert.ok(stops.some((s) => s.id), `${width} px: the markers are reached`);
    assert.deepEqual(stops.filter((s) => s.frame || s.role === 'group'), [], `${width} px: no dead tab stop on the axis frame`);
  }
  // Reduced motion: no smooth scrolling of the page to the focused frame.
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(`${app.url}?lang=en&zoom=4`);
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  const frame = page.locator('.axis-frame');
  assert.ok((await tabStops(page)).some((s) => s.frame), 'zoomed in, the frame is a tab stop');
  const label = await frame.getAttribute('aria-label');
  await frame.focus();
  // What its name says is shown under it while it has the focus.
  assert.equal(await page.locator('.keys-hint').innerText(), label);
  assert.match(label, /← →.*Home and End/);
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const f = document.querySelector('.axis-frame');
    return f.scrollLeft >= f.scrollWidth - f.clientWidth - 1;
  });
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('.axis-frame').scrollLeft === 0);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.axis-frame').scrollLeft > 0);
  assert.equal(await page.evaluate(() => window.scrollY), scrollY, 'the page did not move');
  // On a marker the hint says what the markers' keys do.
  await page.locator('.markers [tabindex="0"]').focus();
  assert.notEqual(await page.locator('.keys-hint').innerText(), label);
  // Fitted, nothing scrolls: no tab stop.
  await page.getByRole('button', { name: 'Fit all' }).click();
  await page.waitForFunction(() => !document.querySelector('.axis-frame').hasAttribute('tabindex'));
  assert.equal(await frame.getAttribute('role'), null);
});
