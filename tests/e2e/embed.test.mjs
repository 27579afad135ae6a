// End-to-end: the timeline embedded in a host page on another origin —
// auto-height, hash sync, two embeds, forged messages, the Embed dialog's
// snippet — and the nginx deployment config.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { serveHost, openPage, axe, screenshot, DIST, useApp, DESKTOP, frames as drawn } from './harness.mjs';
import { host, settled, watchMessages, roundTrip } from './frames.mjs';

let app;
let browser;
let data;

useApp((c) => ({ app: app, browser, data } = c));

/** Opens a host page holding `body` in a new browser page with `options`. */
async function visit(body, options) {
  const site = await host(body);
  const page = await openPage(browser, options);
  await page.goto(site.url);
  return { site, page };
}

const frameTag = (query, width, extra = '') =>
  `<iframe src="${app.url}?${query}" title="Timeline" style="width:${width};height:300px;border:0" data-hkust-pumch-timeline ${extra}></iframe>`;
const script = () => `<script src="${app.url}embed.js" defer></script>`;

const noInnerScrollbar = (frame) =>
  frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);

test('auto-height: at 320, 600 and 1000 px the iframe takes its content height, with no inner scrollbar', async () => {
  for (const width of [320, 600, 1000]) {
    const { site, page } = await visit(frameTag('lang=en', `${width}px`) + script(), { viewport: { width: 1100, height: 800 } });
    const iframe = page.locator('iframe');
    const { frame, outer } = await settled(page, iframe);
    assert.ok(outer > 400, `${width}px: ${outer}px tall`);
    assert.ok(await noInnerScrollbar(frame), `${width}px: the frame scrolls inside`);
    assert.ok(await frame.evaluate(() => document.documentElement.classList.contains('embed')), 'framed means embed mode');
    assert.equal(await frame.locator('.embed-button').count(), 0, 'no Embed button inside an embed');
    if (width === 320) {
      assert.deepEqual(await axe(frame), []);
      await screenshot(page, 'embed-320');
    }
    assert.deepEqual(page.pageErrors, []);
  }
});

test('auto-height follows the content: selection, filter and language', async () => {
  const { site, page } = await visit(frameTag('lang=en', '600px') + script(), { viewport: { width: 1000, height: 800 } });
  const iframe = page.locator('iframe');
  let { frame, outer } = await settled(page, iframe);
  const heights = [outer];
  await frame.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
  ({ outer } = await settled(page, iframe));
  heights.push(outer);
  assert.ok(heights[1] > heights[0] + 100, `the long card makes the frame taller (${heights})`);
  await frame.getByRole('checkbox', { name: 'Context' }).uncheck();
  await frame.getByRole('checkbox', { name: 'Visits' }).uncheck();
  ({ outer } = await settled(page, iframe));
  heights.push(outer);
  assert.notEqual(heights[2], heights[1], `the filter changes the height (${heights})`);
  await frame.getByRole('button', { name: '简体中文' }).click();
  ({ outer, frame } = await settled(page, iframe));
  heights.push(outer);
  assert.notEqual(heights[3], heights[2], `the language changes the height (${heights})`);
  assert.ok(await noInnerScrollbar(frame));
});

test('hash sync: a selection in the frame reaches the host URL, and the host URL opens that event', async () => {
  const { site, page } = await visit(frameTag('lang=en', '100%', 'data-sync-url') + script(), { viewport: { width: 1000, height: 800 } });
  const iframe = page.locator('iframe');
  const { frame } = await settled(page, iframe);
  await frame.locator('.markers [data-event-id="pumch-delegation-hkust-2024-04"]').click();
  await page.waitForFunction(() => location.hash === '#timeline=pumch-delegation-hkust-2024-04');

  const again = await openPage(browser, { viewport: { width: 1000, height: 800 } });
  await again.goto(site.url + '#timeline=first-cohort-2024');
  const { frame: opened } = await settled(again, again.locator('iframe'));
  await opened.waitForFunction(() => document.querySelector('[aria-current="true"]')?.dataset.eventId === 'first-cohort-2024');
  assert.deepEqual(again.pageErrors, []);
});

test('two embeds on one page size themselves independently; only the synced one writes the hash', async () => {
  const { site, page } = await visit(frameTag('lang=en', '340px', 'id="a"') + frameTag('lang=zh-Hant', '900px', 'id="b" data-sync-url') + script(), { viewport: { width: 1300, height: 800 } });
  const a = await settled(page, page.locator('#a'));
  const b = await settled(page, page.locator('#b'));
  assert.ok(a.outer > b.outer + 100, `the narrow frame is taller (${a.outer} vs ${b.outer})`);
  await a.frame.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
  const a2 = await settled(page, page.locator('#a'));
  const b2 = await settled(page, page.locator('#b'));
  assert.ok(a2.outer > a.outer, 'frame a grew');
  assert.ok(Math.abs(b2.outer - b.outer) < 1, 'frame b did not move');
  assert.equal(await page.evaluate(() => location.hash), '', 'frame a has no data-sync-url');
});

test('forged or malformed messages are ignored', async () => {
  const { site, page } = await visit(frameTag('lang=en', '600px', 'data-sync-url') + script(), { viewport: { width: 1000, height: 800 } });
  const iframe = page.locator('iframe');
  const { frame, outer } = await settled(page, iframe);
  // From the host page itself (wrong source), well-formed; the host posts
  // them to itself, so they are dispatched before the marker that follows.
  await page.evaluate(() => new Promise((done) => {
    addEventListener('message', (e) => e.data === 'test: host sent' && done());
    window.postMessage({ type: 'hkust-pumch-timeline:resize', height: 77 }, '*');
    window.postMessage({ type: 'hkust-pumch-timeline:select', event: 'first-cohort-2024' }, '*');
    window.postMessage('test: host sent', '*');
  }));
  const frameSent = await watchMessages(page, iframe, ['test: frame sent']);
  // From the frame's own window, malformed.
  await frame.evaluate(() => {
    const bad = [
      { type: 'hkust-pumch-timeline:resize', height: 'x' },
      { type: 'hkust-pumch-timeline:resize', height: NaN },
      { type: 'hkust-pumch-timeline:resize', height: Infinity },
      { type: 'hkust-pumch-timeline:resize', height: -5 },
      { type: 'hkust-pumch-timeline:resize', height: 1e9 },
      { type: 'hkust-pumch-timeline:resize' },
      '{"type":"hkust-pumch-timeline:resize","height":90}',
      { type: 'hkust-pumch-timeline:select', event: '<img src=x onerror=alert(1)>' },
      { type: 'hkust-pumch-timeline:select', event: 'x'.repeat(65) },
      null,
      42,
    ];
    for (const m of bad) parent.postMessage(m, '*');
    parent.postMessage('test: frame sent', '*');
  });
  // Messages from one window to another arrive in order: the marker last.
  await frameSent();
  assert.equal((await iframe.boundingBox()).height, outer);
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.deepEqual(page.pageErrors, []);
});

test('the Embed dialog: modal, Escape closes it, Copy copies; its snippet works pasted into a blank page', async () => {
  const page = await openPage(browser, DESKTOP);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(app.url + '?lang=zh-Hans&filter=kind:agreement,kind:visit&event=agreement-signed-2024-07-21');
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  const button = page.getByRole('button', { name: '嵌入' });
  await button.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.ok(await page.evaluate(() => document.querySelector('dialog').contains(document.activeElement)), 'focus moves into the dialog');
  // Modal: focus cannot leave it by tabbing.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.querySelector('dialog').contains(document.activeElement) || document.activeElement === document.body);
    assert.ok(inside, 'focus stays in the dialog');
  }
  assert.deepEqual(await axe(page), []);
  await screenshot(page, 'embed-dialog');
  await dialog.getByRole('checkbox').check();
  const snippet = await dialog.locator('textarea').inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;lang=zh-Hans&amp;filter=kind%3Avisit%2Ckind%3Aagreement&amp;event=agreement-signed-2024-07-21" title="香港科技大学与北京协和医院：医学合作历程" loading="lazy"/);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>$/);
  await dialog.getByRole('button', { name: '复制' }).click();
  await dialog.getByText('已复制到剪贴板。').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);
  // The focus stays on Copy, so the status is heard, not the code.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '复制');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'embed-button', 'focus returns to the button');

  // Pasted into a blank page on another origin, it just works.
  const site = await serveHost({ '/': `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body>${snippet}</body></html>` });
  const blank = await openPage(browser, { viewport: { width: 1000, height: 800 } });
  await blank.goto(site.url);
  const { frame } = await settled(blank, blank.locator('iframe'));
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'zh-Hans');
  assert.deepEqual(
    await frame.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => e.dataset.eventId)),
    ['ip-visit-pumch-2024-03', 'agreement-signed-2024-07-21'],
  );
  assert.equal(await frame.locator('[aria-current="true"]').getAttribute('data-event-id'), 'agreement-signed-2024-07-21');
  assert.ok(await noInnerScrollbar(frame));
});

test('embed options: ?embed=1, ?bg=transparent, and ?accent= fitted for contrast (invalid ones ignored)', async () => {
  const page = await openPage(browser, { viewport: { width: 1000, height: 800 } });
  await page.goto(app.url + '?embed=1&bg=transparent&accent=ffdd00');
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('embed')));
  assert.equal(await page.locator('.embed-button').count(), 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
  const accent = await page.evaluate(() => getComputedStyle(document.querySelector('.pager .next')).backgroundColor);
  assert.notEqual(accent, 'rgb(11, 87, 164)', 'the accent applies');
  assert.deepEqual(await axe(page), [], 'a pale accent is darkened until it passes');
  await page.goto(app.url + '?accent=red;}body{display:none');
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.style.getPropertyValue('--tl-accent')), '');
  assert.ok(await page.locator('main').isVisible());
});

test('embed-demo.html shows three working embeds, one sandboxed, and its links select without reloads', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(app.url + 'embed-demo.html');
  const frames = page.locator('iframe[data-hkust-pumch-timeline]');
  assert.equal(await frames.count(), 3);
  for (const i of [0, 1, 2]) {
    await frames.nth(i).scrollIntoViewIfNeeded(); // they load lazily
    await settled(page, frames.nth(i));
  }
  const sandboxed = await (await frames.nth(1).elementHandle()).contentFrame();
  assert.equal(await sandboxed.evaluate(() => origin), 'null');
  await page.getByRole('link', { name: 'the first cohort' }).click();
  const main = await (await frames.nth(0).elementHandle()).contentFrame();
  await main.waitForFunction(() => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId === 'first-cohort-2024');
  // Both frames have handled everything the host sent them before the click.
  await roundTrip(page, frames.nth(0));
  await roundTrip(page, frames.nth(1));
  // The sandboxed frame (an opaque origin) runs in a process of its own, and
  // the browser sends it the pointer by where the host page last drew it:
  // the host scrolls the marker into view and draws that before the click,
  // or the click can land on the host's <iframe> element instead.
  const marker = sandboxed.locator('.markers [data-event-id="agreement-signed-2024-07-21"]');
  const markerY = await marker.evaluate((el) => el.getBoundingClientRect().top);
  await frames.nth(1).evaluate((frame, y) => scrollTo(0, scrollY + frame.getBoundingClientRect().top + y - innerHeight / 2), markerY);
  await drawn(page, 2);
  await marker.click();
  await sandboxed.waitForFunction(() => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId === 'agreement-signed-2024-07-21');
  await page.waitForFunction(() => location.hash === '#timeline-main=first-cohort-2024&timeline-sandboxed=agreement-signed-2024-07-21');
  assert.deepEqual(page.pageErrors, []);
});

test('embed.js is small and dependency-free, from a readable source', async () => {
  const size = (await stat(join(DIST, 'embed.js'))).size;
  assert.ok(size <= 4096, `embed.js is ${size} bytes as built`);
  const sent = await fetch(app.url + 'embed.js', { headers: { 'accept-encoding': 'gzip' } });
  assert.ok((await sent.arrayBuffer()).byteLength <= 4096, 'and at most 4 KB as sent');
  const built = await readFile(join(DIST, 'embed.js'), 'utf8');
  assert.doesNotMatch(built, /\bimport\b|\brequire\(|https?:\/\//);
  // The source keeps its comments and names; the build strips only comments
  // and indentation.
  const source = await readFile(join(DIST, '..', 'public', 'embed.js'), 'utf8');
  assert.doesNotMatch(source, /\b(?:var|function)\s+[A-Za-z]\b|function\s*\(\s*[a-z]\s*[,)]/, 'no one-letter names');
  assert.equal(built, source.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//') && !/^\/?\*/.test(l)).join('\n') + '\n');
});

test('nginx: WebAssembly type, gzip, immutable hashed files, no-cache for entry points and data', async () => {
  const index = await fetch(app.url);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const html = await index.text();
  const wasm = html.match(/href="?\.\/([^"\s>]+_bg\.wasm)/)[1];
  const js = html.match(/href="?\.\/([^"\s>]+\.js)/)[1];
  const w = await fetch(app.url + wasm, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(w.headers.get('content-type'), 'application/wasm');
  assert.equal(w.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(w.headers.get('content-encoding'), 'gzip');
  assert.equal((await fetch(app.url + js)).headers.get('cache-control'), 'public, max-age=31536000, immutable');
  for (const path of ['embed.js', 'data/timeline.json', 'embed-demo.html']) {
    const r = await fetch(app.url + path);
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('cache-control'), 'no-cache', path);
  }
  const served = await fetch(app.url + 'data/timeline.json');
  assert.match(served.headers.get('content-type'), /^application\/json/);
  // nginx serves the data as it is on disk (decoded from its gzip).
  assert.deepEqual(await served.json(), data, 'the data as built');
  assert.equal((await fetch(app.url + 'no-such-file')).status, 404);
});
