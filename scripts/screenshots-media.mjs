// Writes docs/screenshot-photo-desktop.png and docs/screenshot-photo-phone.png:
// a card with a photo (a fixture image drawn by tests/e2e/media-site.mjs,
// since no licensed photo of the events exists), from the release build.
// Run after `trunk build --release`: node scripts/screenshots-media.mjs
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/harness.mjs';
import { mediaSite } from '../tests/e2e/media-site.mjs';

const DOCS = join(resolve(fileURLToPath(import.meta.url), '../..'), 'docs');
const site = await mediaSite();
const app = await serve(site.dir);
const browser = await launch();
try {
  for (const [name, options] of [
    ['desktop', { viewport: { width: 1280, height: 900 } }],
    ['phone', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ]) {
    const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.locator('#static').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('#app .detail figure.media img')?.complete);
    await page.evaluate(() => document.fonts.ready);
    const detail = page.locator('#app .detail');
    await detail.scrollIntoViewIfNeeded();
    await detail.screenshot({ path: join(DOCS, `screenshot-photo-${name}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  await site.remove();
}
