// End-to-end: embed.js on a host page of another origin: live two-way links
// without reloads, the host's own fragment parameters kept, the scroll to a
// linked frame, several synced frames with
// a key each across a reload, a frame revealed after 3 s hidden, and the
// origin check on messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useApp } from './harness.mjs';
import { host, appFrame, settled, selectedIn, roundTrip, watchMessages } from './frames.mjs';

let app;
let browser;

useApp((c) => ({ app, browser } = c));

const frameTag = (query, extra = '') =>
  `<iframe src="${app.url}?${query}" title="Timeline" style="width:100%;height:300px;border:0" data-hkust-pumch-timeline ${extra}></iframe>`;
const script = () => `<script src="${app.url}embed.js" defer></script>`;
const viewport = { width: 1000, height: 700 };

const waitSelected = (frame, id) =>
  frame.waitForFunction((id) => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId === id, id);

test('live links: a new #timeline= on the host (a link, Back) selects in the frame without reloading it', async () => {
  const site = await host(`<p><a id="go" href="#timeline=first-cohort-2024">First cohort</a></p>${frameTag('embed=1&lang=en', 'data-sync-url')}${script()}`);
  const page = await openPage(browser, { viewport });
  await page.goto(site.url);
  const iframe = page.locator('iframe');
  const { frame } = await settled(page, iframe);
  await frame.evaluate(() => (window.sameDocument = true));
  await page.click('#go');
  await waitSelected(frame, 'first-cohort-2024');
  await page.evaluate(() => (location.hash = '#timeline=agreement-signed-2024-07-21'));
  await waitSelected(frame, 'agreement-signed-2024-07-21');
  await page.goBack();
  await waitSelected(frame, 'first-cohort-2024');
  assert.equal(await frame.evaluate(() => window.sameDocument), true, 'the frame was never reloaded');
  // A selection in the frame goes back to the host, and no echo comes back.
  await frame.locator('.markers [data-event-id="pumch-delegation-hkust-2024-04"]').click();
  await page.waitForFunction(() => location.hash === '#timeline=pumch-delegation-hkust-2024-04');
  assert.equal(await selectedIn(frame), 'pumch-delegation-hkust-2024-04');
  // A bad id in the host's address is ignored: once embed.js has seen the
  // change (its listener runs before this one) and a round trip to the
  // frame is back, the selection is still the same.
  await page.evaluate(() => new Promise((seen) => {
    addEventListener('hashchange', seen, { once: true });
    location.hash = '#timeline=%3Cscript%3E';
  }));
  await roundTrip(page, page.locator('iframe'));
  assert.equal(await selectedIn(frame), 'pumch-delegation-hkust-2024-04');
  assert.deepEqual(page.pageErrors, []);
  // No postMessage to a window of another origin (Chromium logs those).
  assert.deepEqual(page.consoleErrors.filter((e) => !/status of 404/.test(e)), []);
});

test("the host page's own fragment parameters stay: #section=intro keeps, a selection only adds or updates timeline=", async () => {
  const body = `<p><a id="intro" href="#section=intro">Introduction</a> <a id="linked" href="#section=history&timeline=first-cohort-2024">History</a></p>${frameTag('embed=1&lang=en', 'data-sync-url')}${script()}`;
  const site = await host(body);
  const page = await openPage(browser, { viewport });
  await page.goto(site.url + '#section=intro');
  const { frame } = await settled(page, page.locator('iframe'));
  await frame.evaluate(() => (window.sameDocument = true));
  // The first selection adds its pair after the host's own.
  await frame.locator('.markers [data-event-id="pumch-delegation-hkust-2024-04"]').click();
  await page.waitForFunction(() => location.hash === '#section=intro&timeline=pumch-delegation-hkust-2024-04');
  // The next one updates it in place.
  await frame.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
  await page.waitForFunction(() => location.hash === '#section=intro&timeline=agreement-signed-2024-07-21');
  // A hash link on the host naming both still selects in the frame, and
  // Back returns to the address before it, selection included.
  await page.click('#linked');
  await waitSelected(frame, 'first-cohort-2024');
  assert.equal(await page.evaluate(() => location.hash), '#section=history&timeline=first-cohort-2024');
  await frame.locator('.markers [data-event-id="pumch-delegation-hkust-2024-04"]').click();
  await page.waitForFunction(() => location.hash === '#section=history&timeline=pumch-delegation-hkust-2024-04');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#section=intro&timeline=agreement-signed-2024-07-21');
  await waitSelected(frame, 'agreement-signed-2024-07-21');
  assert.equal(await frame.evaluate(() => window.sameDocument), true, 'the frame was never reloaded');
});

test('opened with a link to an event, the host scrolls to that frame once; selections never scroll it', async () => {
  const body = `<h1>A long page</h1><div style="height:2500px">Text above the timeline.</div>${frameTag('embed=1&lang=en', 'id="tl" data-sync-url')}<div style="height:2000px"></div>${script()}`;
  const site = await host(body);
  const page = await openPage(browser, { viewport });
  await page.goto(site.url + '#timeline=agreement-signed-2024-07-21');
  const iframe = page.locator('#tl');
  const { frame } = await settled(page, iframe);
  await waitSelected(frame, 'agreement-signed-2024-07-21');
  await page.waitForFunction(() => Math.abs(document.getElementById('tl').getBoundingClientRect().top) < 2);
  // The reader scrolls back up and selects in the frame: the page stays put.
  await page.mouse.wheel(0, -3000);
  await page.waitForFunction(() => scrollY === 0);
  await page.evaluate(() => scrollTo(0, 2300));
  await frame.locator('.markers [data-event-id="first-cohort-2024"]').click();
  await page.waitForFunction(() => location.hash === '#timeline=first-cohort-2024');
  await settled(page, iframe);
  assert.equal(await page.evaluate(() => scrollY), 2300, 'a selection does not scroll the host');
  // Opened without a link, nothing scrolls.
  const plain = await openPage(browser, { viewport });
  await plain.goto(site.url);
  await settled(plain, plain.locator('#tl'));
  assert.equal(await plain.evaluate(() => scrollY), 0);
});

test('two synced frames keep a key each in the host address, and a reload restores both', async () => {
  const site = await host(frameTag('embed=1&lang=en', 'id="one" data-sync-url') + frameTag('embed=1&lang=zh-Hans', 'id="two" data-sync-url') + script());
  const page = await openPage(browser, { viewport: { width: 1000, height: 2400 } });
  await page.goto(site.url);
  const one = (await settled(page, page.locator('#one'))).frame;
  const two = (await settled(page, page.locator('#two'))).frame;
  await one.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
  await page.waitForFunction(() => location.hash === '#timeline-one=agreement-signed-2024-07-21');
  await two.locator('.markers [data-event-id="pumch-delegation-hkust-2024-04"]').click();
  await page.waitForFunction(() => location.hash === '#timeline-one=agreement-signed-2024-07-21&timeline-two=pumch-delegation-hkust-2024-04');
  assert.equal(await selectedIn(one), 'agreement-signed-2024-07-21', 'frame two did not move frame one');
  await page.reload();
  const one2 = await appFrame(page.locator('#one'));
  const two2 = await appFrame(page.locator('#two'));
  await waitSelected(one2, 'agreement-signed-2024-07-21');
  await waitSelected(two2, 'pumch-delegation-hkust-2024-04');
  // A live change of one key moves only its frame.
  await page.evaluate(() => (location.hash = '#timeline-one=agreement-signed-2024-07-21&timeline-two=first-cohort-2024'));
  await waitSelected(two2, 'first-cohort-2024');
  assert.equal(await selectedIn(one2), 'agreement-signed-2024-07-21');
  assert.deepEqual(page.pageErrors, []);
});

test('a frame hidden for 3 s (a closed tab) takes its content height when shown', async () => {
  const site = await host(`<div id="tab" style="display:none">${frameTag('embed=1&lang=en')}</div>
    <script>setTimeout(function () { document.getElementById('tab').style.display = 'block'; }, 3000);</script>${script()}`);
  const page = await openPage(browser, { viewport });
  await page.goto(site.url);
  const iframe = page.locator('iframe');
  await page.waitForFunction(() => document.getElementById('tab').style.display === 'block', null, { timeout: 10000 });
  const { outer } = await settled(page, iframe);
  assert.ok(outer > 400, `the revealed frame is ${outer}px tall`);
});

test('embed.js ignores messages from a frame whose origin is no longer its src origin', async () => {
  const site = await host(frameTag('embed=1&lang=en', 'data-sync-url') + script(), {
    '/elsewhere': `<!DOCTYPE html><title>Elsewhere</title><script>
      parent.postMessage({ type: 'hkust-pumch-timeline:resize', height: 77 }, '*');
      parent.postMessage({ type: 'hkust-pumch-timeline:select', event: 'first-cohort-2024' }, '*');
      document.title = 'sent';</script>`,
  });
  const page = await openPage(browser, { viewport });
  await page.goto(site.url);
  const iframe = page.locator('iframe');
  const { frame, outer } = await settled(page, iframe);
  const dispatched = await watchMessages(page, iframe, [
    { type: 'hkust-pumch-timeline:resize', height: 77 },
    { type: 'hkust-pumch-timeline:select', event: 'first-cohort-2024' },
  ]);
  await frame.evaluate((url) => (location.href = url), site.url + 'elsewhere');
  await dispatched();
  assert.equal((await iframe.boundingBox()).height, outer);
  assert.equal(await page.evaluate(() => location.hash), '');
});
