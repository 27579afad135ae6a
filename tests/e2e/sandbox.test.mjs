// End-to-end: the app in a frame sandboxed without allow-same-origin (an
// opaque origin, as WordPress embeds an untrusted provider), a host that
// speaks only WordPress's {message, value, secret}, and what the app accepts
// from whom: only its parent, only documented shapes, nothing copied first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, axe, screenshot, useApp } from './harness.mjs';
import { host, appFrame, settled, selectedIn } from './frames.mjs';

let app;
let browser;

useApp((c) => ({ app, browser } = c));

const script = () => `<script src="${app.url}embed.js" defer></script>`;

test('sandbox="allow-scripts": styled, selection, keyboard, filters and language work; height and selection reach the host', async () => {
  const site = await host(
    `<iframe sandbox="allow-scripts" src="${app.url}?embed=1&amp;lang=en" title="Timeline" style="width:700px;height:300px;border:0" data-hkust-pumch-timeline data-sync-url></iframe>${script()}`,
  );
  const page = await openPage(browser, { viewport: { width: 1000, height: 800 }, enforceCsp: true });
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && failed.push(`${r.status()} ${r.url()}`));
  await page.goto(site.url);
  const iframe = page.locator('iframe');
  const { frame, outer } = await settled(page, iframe);
  assert.equal(await frame.evaluate(() => origin), 'null', 'an opaque origin');
  assert.ok(outer > 400, `embed.js sized the frame (${outer}px)`);
  // The page's inline style applied under the frame's CSP (its hash).
  assert.ok(await frame.evaluate(() => [...document.styleSheets].some((s) => s.ownerNode?.localName === 'style' && s.cssRules.length > 10)));
  assert.equal(await frame.locator('#static').count(), 0, 'the static list gave way to the app');

  await frame.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
  await page.waitForFunction(() => location.hash === '#timeline=agreement-signed-2024-07-21');
  await settled(page, iframe);
  await frame.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#timeline=pumch-delegation-hkust-2024-04');

  await frame.getByRole('checkbox', { name: 'Context' }).uncheck();
  await frame.getByRole('button', { name: '繁體中文' }).click();
  const zh = await appFrame(iframe);
  await zh.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.equal(await selectedIn(zh), 'pumch-delegation-hkust-2024-04', 'the language change keeps the selection');
  assert.equal(await zh.locator('.filters input[type=checkbox]:not(:checked)').count(), 1, 'and the filter');
  await settled(page, iframe);
  assert.deepEqual(failed, [], 'every file loaded');
  assert.deepEqual(page.pageErrors, []);
  // The host page (a test server) has no favicon.ico: its 404 is the only error.
  assert.ok(page.consoleErrors.every((e) => /status of 404/.test(e)), page.consoleErrors.join('\n'));
  await screenshot(page, 'sandboxed-700');
});

// Stands for WordPress's wp-embed.js: it reads only {message, value,
// secret} from the frame whose data-secret matches, clamps to 200–1000 px,
// and says "ready" with the secret once the frame has loaded.
const wordpressHost = (width) => `<blockquote class="wp-embedded-content" data-secret="Ab3dE9xYz0"><a href="${app.url}">Timeline</a></blockquote>
<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"
  src="${app.url}?embed=1&amp;lang=en#?secret=Ab3dE9xYz0" data-secret="Ab3dE9xYz0" width="${width}" height="338" title="Timeline"></iframe>
<script>
  window.heights = [];
  addEventListener('message', function (e) {
    var d = e.data;
    if (!d || !(d.secret || d.message || d.value) || /[^a-zA-Z0-9]/.test(d.secret)) return;
    document.querySelectorAll('blockquote[data-secret="' + d.secret + '"]').forEach(function (b) { b.style.display = 'none'; });
    document.querySelectorAll('iframe[data-secret="' + d.secret + '"]').forEach(function (f) {
      if (e.source !== f.contentWindow) return;
      f.removeAttribute('style');
      if (d.message === 'height') {
        var h = parseInt(d.value, 10);
        h = h > 1000 ? 1000 : ~~h < 200 ? 200 : h;
        f.height = h;
        heights.push(h);
      }
    });
  });
  document.querySelector('iframe').addEventListener('load', function () {
    this.contentWindow.postMessage({ message: 'ready', secret: 'Ab3dE9xYz0' }, '*');
  });
</script>`;

test('WordPress protocol: a host that answers only {message, value, secret} shows and sizes the frame; a long card scrolls inside 1000 px', async () => {
  for (const [width, viewport] of [[600, 1280], [350, 390]]) {
    const site = await host(wordpressHost(width));
    const page = await openPage(browser, { viewport: { width: viewport, height: 900 } });
    await page.goto(site.url);
    const iframe = page.locator('iframe');
    const frame = await appFrame(iframe);
    await page.waitForFunction(() => heights.length > 0 && !document.querySelector('iframe').hasAttribute('style'));
    assert.equal(await page.locator('blockquote').isVisible(), false, 'the fallback link gives way');
    await frame.locator('.markers [data-event-id="agreement-signed-2024-07-21"]').click();
    const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction(
      (h) => Number(document.querySelector('iframe').height) === Math.min(1000, Math.max(200, h)),
      await content(),
    );
    const inner = await content();
    assert.ok(inner <= 1000, `${width}px: the long agreement fits WordPress's 1000 px (${inner}px)`);
    assert.ok(await frame.evaluate(() => document.documentElement.classList.contains('wp-embed')));
    const card = frame.locator('.card');
    const { scrolls, focusable } = await card.evaluate((c) => ({ scrolls: c.scrollHeight > c.clientHeight, focusable: !!c.querySelector('a[href]') }));
    assert.ok(scrolls, 'the long card scrolls inside');
    assert.ok(focusable, 'and holds links, so the keyboard reaches it');
    if (width < 480) {
      // The list scrolls inside too, and follows the selection: Next twice
      // from the card selects markers below the list's fold.
      const list = frame.locator('.axis');
      assert.ok(await list.evaluate((l) => l.scrollHeight > l.clientHeight), 'the list scrolls inside');
      for (let i = 0; i < 2; i++) await frame.locator('.pager .next').click();
      await frame.locator('.markers [aria-current="true"]').evaluate((m) => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const inView = await list.evaluate((l) => {
        const box = l.getBoundingClientRect();
        const m = l.querySelector('[aria-current="true"]').parentElement.getBoundingClientRect();
        return m.top >= box.top - 1 && m.bottom <= box.bottom + 1;
      });
      assert.ok(inView, 'the selected marker is in the list\'s view');
    }
    assert.deepEqual(await axe(frame), []);
    await screenshot(page, `wordpress-style-${viewport}`);
    assert.deepEqual(page.pageErrors, []);
  }
});

test('a sibling frame cannot select, and a huge message from it costs the app no memory', async () => {
  const site = await host(
    `<iframe id="app" src="${app.url}?embed=1&amp;lang=en" title="Timeline" style="width:600px;height:700px;border:0"></iframe>
     <iframe id="sibling" title="Another embed" srcdoc="<p>sibling</p>"></iframe>`,
  );
  const page = await openPage(browser, { viewport: { width: 1000, height: 900 } });
  // The app's WebAssembly memory, as Trunk's loader reports it.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => (window.wasmMemory = e.detail.wasm.memory)));
  await page.goto(site.url);
  const frame = await appFrame(page.locator('#app'));
  const sibling = page.frames().find((f) => f.url() === 'about:srcdoc');
  const before = await frame.evaluate(() => wasmMemory.buffer.byteLength);
  // Counts the huge message once the app's own listener (registered first) has run.
  await frame.evaluate(() => {
    window.huge = 0;
    addEventListener('message', (e) => { if (e.data?.type?.length > 1e6) window.huge++; });
  });
  await sibling.evaluate(() => {
    const target = parent.document.getElementById('app').contentWindow;
    target.postMessage({ type: 'hkust-pumch-timeline:select', event: 'first-cohort-2024' }, '*');
    target.postMessage({ type: 'hkust-pumch-timeline:hello' }, '*');
    target.postMessage({ type: '中'.repeat(20 * 1024 * 1024), event: 'x' }, '*');
  });
  await frame.waitForFunction(() => window.huge === 1, null, { timeout: 20000 });
  const after = await frame.evaluate(() => wasmMemory.buffer.byteLength);
  assert.ok(after - before < 4 * 1024 * 1024, `the app's memory grew from ${before} to ${after} bytes`);
  assert.equal(await selectedIn(frame), 'ip-visit-pumch-2024-03', 'a sibling cannot select');
  // Its parent can, in the documented shape only.
  await page.evaluate(() => {
    const target = document.getElementById('app').contentWindow;
    target.postMessage({ type: 'hkust-pumch-timeline:select', event: '<img src=x onerror=alert(1)>' }, '*');
    target.postMessage({ type: 'hkust-pumch-timeline:select', event: 'X'.repeat(65) }, '*');
    target.postMessage({ type: 'hkust-pumch-timeline:select', event: 'first-cohort-2024' }, '*');
  });
  await frame.waitForFunction(() => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId === 'first-cohort-2024');
  assert.deepEqual(page.pageErrors, []);
});

test('CORS headers on exactly the files a sandboxed frame loads in CORS mode', async () => {
  const html = await (await fetch(app.url)).text();
  const hashed = [...html.matchAll(/(?:href|src)="?\.\/([^"\s>]+-[0-9a-f]{8,}(?:_bg)?\.(?:js|wasm|css))/g)].map((m) => m[1]);
  assert.ok(hashed.some((f) => f.endsWith('.wasm')) && hashed.some((f) => f.startsWith('boot-')), hashed.join());
  for (const path of [...new Set(hashed), 'data/timeline.json']) {
    assert.equal((await fetch(app.url + path)).headers.get('access-control-allow-origin'), '*', path);
  }
  for (const path of ['', 'index.html', 'embed.js', 'embed-demo.html']) {
    assert.equal((await fetch(app.url + path)).headers.get('access-control-allow-origin'), null, path || '/');
  }
  assert.doesNotMatch(html, /rel="?stylesheet/, 'no style sheet to load: the style is in the page');
});

test('sources open in a new tab from a sandbox that allows popups', async () => {
  const site = await host(
    `<iframe sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" src="${app.url}?embed=1&amp;lang=en" title="Timeline" style="width:700px;height:900px;border:0"></iframe>`,
  );
  const page = await openPage(browser, { viewport: { width: 1000, height: 900 } });
  // The sources are on other sites: nothing leaves this machine.
  const asked = [];
  let firstAsked;
  const anyAsked = new Promise((ok) => (firstAsked = ok));
  await page.context().route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    asked.push(route.request().url());
    firstAsked();
    return route.abort();
  });
  await page.goto(site.url);
  const frame = await appFrame(page.locator('iframe'));
  const link = frame.locator('.card a[href^="http"]').first();
  const href = await link.getAttribute('href');
  await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await anyAsked;
  assert.deepEqual(asked, [href], 'the new tab asked for the source');
});
