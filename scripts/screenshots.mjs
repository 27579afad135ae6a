// Writes the README's screenshots into docs/ from the release build in
// dist/, served by nginx as the tests serve it: desktop light and dark,
// Traditional Chinese on a desktop, phones. `node scripts/screenshots.mjs`
// after `trunk build --release`. The side-by-side with TimelineJS3 is
// bench/timelinejs/compare.mjs.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage } from '../tests/e2e/harness.mjs';

const DOCS = resolve(fileURLToPath(import.meta.url), '../../docs');
const SHOTS = [
  ['screenshot-desktop', '?lang=en&theme=light', { width: 1280, height: 900 }],
  ['screenshot-desktop-dark', '?lang=en&theme=dark', { width: 1280, height: 900 }],
  ['screenshot-desktop-zh-Hant', '?lang=zh-Hant&theme=light', { width: 1280, height: 900 }],
  ['screenshot-phone', '?lang=en&theme=light', { width: 390, height: 844, isMobile: true }],
  ['screenshot-phone-dark', '?lang=en&theme=dark', { width: 390, height: 844, isMobile: true }],
  ['screenshot-phone-zh-Hans', '?lang=zh-Hans&theme=light', { width: 390, height: 844, isMobile: true }],
];
const only = process.argv.slice(2);

const app = await serve();
const browser = await launch();
await mkdir(DOCS, { recursive: true });
try {
  for (const [name, query, { width, height, isMobile }] of SHOTS) {
    if (only.length && !only.includes(name)) continue;
    const page = await openPage(browser, {
      viewport: { width, height },
      deviceScaleFactor: 1,
      isMobile: Boolean(isMobile),
      hasTouch: Boolean(isMobile),
      reducedMotion: 'reduce',
    });
    await page.goto(app.url + query);
    await page.locator('#app .markers [data-event-id]').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(DOCS, `${name}.png`), fullPage: !isMobile });
    console.log(`${name}.png`);
    await page.context().close();
  }
} finally {
  await browser.close();
  await app.close();
}
