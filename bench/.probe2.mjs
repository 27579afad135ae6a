import { serve, launch, DIST } from '../tests/e2e/harness.mjs';
import { writeSynthetic } from './synth.mjs';
await writeSynthetic(DIST, [10000]);
const app = await serve(); const browser = await launch();
for (let k = 0; k < 3; k++) {
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.on('console', (m) => console.log(m.text()));
await page.addInitScript(() => {
  new MutationObserver(() => {
    if (!window.__marker && document.querySelector('.markers [data-event-id]')) window.__marker = performance.now();
  }).observe(document, { childList: true, subtree: true });
});
await page.goto(`${app.url}?data=bench/data-10000.json`);
await page.locator('.markers [data-event-id]').first().waitFor();
console.log(await page.evaluate(() => { const d = performance.getEntriesByType('resource').find((e) => e.name.endsWith('data-10000.json')); return `data end ${d.responseEnd.toFixed(0)} marker ${window.__marker.toFixed(0)}`; }));
await context.close();
}
await browser.close(); await app.close();
