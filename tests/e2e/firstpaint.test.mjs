// The first paint is the timeline itself (src/render/prerender.rs): the
// page with its WebAssembly held back looks like the app once it has taken
// over; without JavaScript it is a usable timeline with no dead controls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useApp, openPage, axe, frames, screenshot, ARTIFACTS } from './harness.mjs';

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
