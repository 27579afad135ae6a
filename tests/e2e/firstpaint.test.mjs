// The first paint is the timeline itself (src/render/prerender.rs): the
// page with its WebAssembly held back looks like the app once it has taken
// over; without JavaScript it is a usable timeline with no dead controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openPage, axe, frames, screenshot, serveHost, ARTIFACTS } from './harness.mjs';

let app, browser, data;
useApp((ctx) => ({ app, browser, data } = ctx));

const VIEWS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

/** The app's own scripts and WebAssembly never arrive. */
async function holdBack(page) {
  await page.route(/\/(boot-[0-9a-f]+\.js|hkust-pumch-timeline-[0-9a-f]+(_bg\.wasm|\.js))$/, (route) => route.abort());
}

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

for (const { name, ...options } of VIEWS) {
  test(`${name}: the first paint and the app it becomes differ in at most 1 % of pixels`, async () => {
    const held = await openPage(browser, { ...options, reducedMotion: 'reduce' });
    await holdBack(held);
    await held.goto(app.url);
    await held.evaluate(() => document.fonts.ready);
    await frames(held, 2);
    assert.equal(await held.locator('#app .markers [data-event-id]').count(), 0, 'the app is held back');
    await screenshot(held, `first-paint-${name}-held-back`);

    const live = await openPage(browser, { ...options, reducedMotion: 'reduce' });
    await live.goto(app.url);
    await live.locator('#app .markers [data-event-id]').first().waitFor();
    await live.waitForFunction(() => !document.getElementById('static'));
    await live.evaluate(() => document.fonts.ready);
    await frames(live, 3);
    await screenshot(live, `first-paint-${name}-app`);

    const before = await readFile(join(ARTIFACTS, `first-paint-${name}-held-back.png`));
    const after = await readFile(join(ARTIFACTS, `first-paint-${name}-app.png`));
    const share = await pixelDiff(held, before, after);
    console.log(`# ${name}: ${(share * 100).toFixed(2)} % of pixels differ`);
    assert.ok(share <= 0.01, `${name}: ${(share * 100).toFixed(2)} % of pixels changed when the app took over`);
    await held.context().close();
    await live.context().close();
  });
}

test('between the widest frame and the phone, each band of window widths takes over with at most 1 % of pixels changed', async () => {
  for (const width of [1100, 1024, 960, 900, 850, 800, 768]) {
    const shots = [];
    for (const hold of [true, false]) {
      const page = await openPage(browser, { viewport: { width, height: 900 }, reducedMotion: 'reduce' });
      if (hold) await holdBack(page);
      await page.goto(app.url);
      if (!hold) await page.waitForFunction(() => !document.getElementById('static') && document.querySelector('#app .markers [data-event-id]'));
      await page.evaluate(() => document.fonts.ready);
      await frames(page, 3);
      shots.push(await page.screenshot({ fullPage: true }));
      if (!hold) {
        const share = await pixelDiff(page, shots[0], shots[1]);
        console.log(`# ${width} px: ${(share * 100).toFixed(2)} % of pixels differ`);
        assert.ok(share <= 0.01, `${width} px: ${(share * 100).toFixed(2)} % of pixels changed`);
      }
      await page.context().close();
    }
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
    await page.context().close();
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
      await page.context().close();
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
    await page.context().close();
    const unsafe = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await holdBack(unsafe);
    await unsafe.goto(`${app.url}?lang=${lang}`);
    assert.deepEqual(await axe(unsafe), [], `${lang}: axe`);
    await unsafe.context().close();
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
    await page.context().close();
  }
});

test('the server writes the page\'s options into the first paint: an embed, a theme, a transparent background take over unmoved', async () => {
  const shots = [];
  for (const hold of [true, false]) {
    const page = await openPage(browser, { viewport: { width: 800, height: 900 }, reducedMotion: 'reduce' });
    if (hold) await holdBack(page);
    await page.goto(`${app.url}?embed=1&theme=dark&bg=transparent`);
    if (hold) {
      assert.deepEqual(await page.evaluate(() => [[...document.documentElement.classList].sort(), document.documentElement.dataset.theme]), [['embed', 'transparent'], 'dark']);
      assert.equal(await page.locator('.embed-button:visible').count(), 0, 'no Embed button in an embed');
    } else {
      await page.waitForFunction(() => !document.getElementById('static') && document.querySelector('#app .markers [data-event-id]'));
    }
    await page.evaluate(() => document.fonts.ready);
    await frames(page, 3);
    shots.push(await page.screenshot({ fullPage: true }));
    if (!hold) {
      const share = await pixelDiff(page, shots[0], shots[1]);
      console.log(`# embed, dark, transparent: ${(share * 100).toFixed(2)} % of pixels differ`);
      assert.ok(share <= 0.01, `${(share * 100).toFixed(2)} % of pixels changed`);
    }
    await page.context().close();
  }
});

test('in a frame (no embed option), the first paint is already the embed', async () => {
  const host = await serveHost({ '/': `<!doctype html><title>host</title><body style="margin:0"><iframe src="${app.url}?lang=en" width="760" height="1000" style="border:0"></iframe>` });
  const shots = [];
  for (const hold of [true, false]) {
    const page = await openPage(browser, { viewport: { width: 800, height: 1000 }, reducedMotion: 'reduce' });
    if (hold) await holdBack(page);
    await page.goto(host.url);
    const frame = page.frameLocator('iframe');
    await frame.locator('.axis-nav').first().waitFor();
    if (hold) {
      assert.ok(await frame.locator('html.embed').count(), 'the server marked the framed page embed');
    } else {
      await frame.locator('#app .markers [data-event-id]').first().waitFor();
      await frame.locator('#static').waitFor({ state: 'detached' });
    }
    await frames(page, 3);
    shots.push(await page.locator('iframe').screenshot());
    if (!hold) {
      const share = await pixelDiff(page, shots[0], shots[1]);
      console.log(`# framed: ${(share * 100).toFixed(2)} % of pixels differ`);
      assert.ok(share <= 0.01, `${(share * 100).toFixed(2)} % of pixels changed`);
    }
    await page.context().close();
  }
  await host.close();
});
