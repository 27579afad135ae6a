// The first paint is the timeline itself (src/render/prerender.rs): the
// page with its WebAssembly held back looks like the app once it has taken
// over; without JavaScript it is a usable timeline with no dead controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openPage, axe, frames, serveHost, holdBack, ARTIFACTS } from './harness.mjs';

let app, browser, data;
useApp((ctx) => ({ app, browser, data } = ctx));

const VIEWS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

/** Share of pixels that differ between two PNGs (a size difference counts
 * as every pixel outside the common area), computed in the browser. */
async function pixelDiff(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const load = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return img;
    };
    const [ia, ib] = [await load(a), await load(b)];
    const w = Math.max(ia.width, ib.width);
    const h = Math.max(ia.height, ib.height);
    const pixels = (img) => {
      const c = new OffscreenCanvas(w, h);
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, w, h).data;
    };
    const [pa, pb] = [pixels(ia), pixels(ib)];
    let differ = 0;
    for (let i = 0; i < pa.length; i += 4) {
      if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) + Math.abs(pa[i + 3] - pb[i + 3]) > 24) differ++;
    }
    return differ / (w * h);
  }, [a.toString('base64'), b.toString('base64')]);
}

/**
 * Loads `url` with the app held back, then with the app until it has taken
 * over, and returns the share of pixels that changed. The two PNGs go to
 * tests/artifacts/ as first-paint-<name>-held-back.png and -app.png.
 * `frame`: the app is in the page's iframe, which is what is compared;
 * `checkHeld(page, root)` runs on the held-back first paint.
 */
async function takeover(name, url, options, { frame = false, checkHeld } = {}) {
  await mkdir(ARTIFACTS, { recursive: true });
  const shots = [];
  for (const hold of [true, false]) {
    const page = await openPage(browser, { ...options, reducedMotion: 'reduce' });
    if (hold) await holdBack(page);
    await page.goto(url);
    const root = frame ? page.frameLocator('iframe') : page;
    await root.locator('.axis-nav').first().waitFor();
    if (hold) {
      assert.equal(await root.locator('#app .markers [data-event-id]').count(), 0, 'the app is held back');
      await checkHeld?.(page, root);
      // The first paint as drawn: what waits for the app dims only when
      // the app is still not there after a second (a delayed animation,
      // tests/e2e/tabstops.test.mjs), so rewind that.
      const drawn = frame ? await (await page.locator('iframe').elementHandle()).contentFrame() : page;
      await drawn.evaluate(() => {
        for (const a of document.getAnimations()) {
          a.pause();
          a.currentTime = 0;
        }
      });
    } else {
      await root.locator('#app .markers [data-event-id]').first().waitFor();
      await root.locator('#static').waitFor({ state: 'detached' });
    }
    if (!frame) await page.evaluate(() => document.fonts.ready);
    await frames(page, 3);
    const shot = frame ? await page.locator('iframe').screenshot() : await page.screenshot({ fullPage: true });
    await writeFile(join(ARTIFACTS, `first-paint-${name}-${hold ? 'held-back' : 'app'}.png`), shot);
    shots.push(shot);
    if (!hold) {
      const share = await pixelDiff(page, shots[0], shots[1]);
      console.log(`# ${name}: ${(share * 100).toFixed(2)} % of pixels differ`);
      return share;
    }
  }
}

for (const { name, ...options } of VIEWS) {
  test(`${name}: the first paint and the app it becomes differ in at most 1 % of pixels`, async () => {
    const share = await takeover(name, app.url, options);
    assert.ok(share <= 0.01, `${name}: ${(share * 100).toFixed(2)} % of pixels changed when the app took over`);
  });
}

test('between the widest frame and the phone, each band of window widths takes over with at most 1 % of pixels changed', async () => {
  for (const width of [1100, 1024, 960, 900, 850, 800, 768]) {
    const share = await takeover(`${width}px`, app.url, { viewport: { width, height: 900 } });
    assert.ok(share <= 0.01, `${width} px: ${(share * 100).toFixed(2)} % of pixels changed`);
  }
});

test('without JavaScript: the axis with every event, the first card, markers that open their cards, languages as links, nothing dead', async () => {
  for (const { name, ...options } of VIEWS) {
    const page = await openPage(browser, { ...options, javaScriptEnabled: false });
    await page.goto(app.url);
    const markers = page.locator('.markers [data-event-id]');
    assert.equal(await markers.count(), data.events.length, `${name}: every event has its marker`);
    assert.deepEqual(await markers.evaluateAll((m) => m.map((a) => a.getAttribute('href'))), data.events.map((e) => `#${e.id}`));
    const cards = page.locator('.card .event-card:visible');
    assert.equal(await cards.count(), 1);
    assert.equal(await cards.locator('h2').textContent(), data.events[0].title.en);
    // Nothing that needs the app is on screen; today's line (the build's
    // today) is not either.
    assert.equal(await page.locator('button:visible, input:visible, .today:visible').count(), 0, `${name}: no dead control`);
    assert.ok(await page.locator('.static-note').isVisible());
    if (name === 'desktop') assert.ok(await page.locator('.axis-scale').isVisible(), 'the drawn axis');
    // A marker opens its event's card.
    const signed = data.events.findIndex((e) => e.id === 'agreement-signed-2024-07-21');
    await markers.nth(signed).click();
    assert.equal(await cards.count(), 1);
    assert.equal(await cards.locator('h2').textContent(), data.events[signed].title.en);
    assert.ok(await cards.isVisible());
    // A language is a link to that language's page (nginx serves it).
    await page.getByRole('link', { name: '繁體中文' }).click();
    await page.waitForURL(/lang=zh-Hant/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant');
    assert.equal(await page.locator('h1').textContent(), data.title['zh-Hant']);
    assert.equal(await page.locator('.card .event-card:visible h2').textContent(), data.events[0].title['zh-Hant']);
  }
});

// axe needs JavaScript: the page without it is the held-back page marked
// no-app, which hides the same controls by the same CSS rule.
test('without JavaScript (as when the WebAssembly fails to start): axe passes, in both layouts and languages', async () => {
  for (const { name, ...options } of VIEWS) {
    for (const lang of ['en', 'zh-Hans']) {
      const page = await openPage(browser, options);
      await holdBack(page);
      await page.goto(`${app.url}?lang=${lang}`);
      await page.evaluate(() => document.documentElement.classList.add('no-app'));
      assert.equal(await page.locator('button:visible, input:visible').count(), 0, `${name} ${lang}: the same controls hidden`);
      assert.deepEqual(await axe(page), [], `${name} ${lang}`);
    }
  }
});

test('while the app loads, the first paint passes axe, under the enforced CSP, in every language', async () => {
  for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 }, enforceCsp: true });
    await holdBack(page);
    await page.goto(`${app.url}?lang=${lang}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    // The generated positions applied: the CSP let the style sheet in.
    assert.equal(await page.locator('.axis').evaluate((a) => getComputedStyle(a).getPropertyValue('--zoom').trim()), '1.50');
    assert.deepEqual(page.consoleErrors.filter((e) => /Content Security Policy/.test(e)), []);
    const unsafe = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await holdBack(unsafe);
    await unsafe.goto(`${app.url}?lang=${lang}`);
    assert.deepEqual(await axe(unsafe), [], `${lang}: axe`);
  }
});

test('a reader who tabbed into the first paint keeps the focus on the same control when the app takes over', async () => {
  for (const [selector, expected] of [
    ['#static [data-event-id="agreement-signed-2024-07-21"]', (el) => el.dataset.eventId === 'agreement-signed-2024-07-21'],
    ['#static .language [hreflang="zh-Hans"]', (el) => el.getAttribute('lang') === 'zh-Hans' && el.localName === 'button'],
  ]) {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    let release;
    const gate = new Promise((ok) => { release = ok; });
    await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
    await page.goto(app.url);
    await page.locator(selector).focus();
    release();
    await page.waitForFunction(() => !document.getElementById('static'));
    await page.waitForFunction(`(${expected})(document.activeElement)`);
    assert.ok(await page.evaluate(() => document.activeElement.closest('#app') !== null), `${selector}: the app's own control has the focus`);
  }
});

test('the server writes the page\'s options into the first paint: an embed, a theme, a transparent background take over unmoved', async () => {
  const share = await takeover('embed-dark-transparent', `${app.url}?embed=1&theme=dark&bg=transparent`, { viewport: { width: 800, height: 900 } }, {
    checkHeld: async (page) => {
      assert.deepEqual(await page.evaluate(() => [[...document.documentElement.classList].sort(), document.documentElement.dataset.theme]), [['embed', 'transparent'], 'dark']);
      assert.equal(await page.locator('.embed-button:visible').count(), 0, 'no Embed button in an embed');
    },
  });
  assert.ok(share <= 0.01, `${(share * 100).toFixed(2)} % of pixels changed`);
});

test('in a frame (no embed option), the first paint is already the embed', async () => {
  const host = await serveHost({ '/': `<!doctype html><title>host</title><body style="margin:0"><iframe src="${app.url}?lang=en" width="760" height="1000" style="border:0"></iframe>` });
  const share = await takeover('framed', host.url, { viewport: { width: 800, height: 1000 } }, {
    frame: true,
    checkHeld: async (page, root) => {
      assert.ok(await root.locator('html.embed').count(), 'the server marked the framed page embed');
    },
  });
  assert.ok(share <= 0.01, `${(share * 100).toFixed(2)} % of pixels changed`);
});
