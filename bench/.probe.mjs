import { serve, launch } from '../tests/e2e/harness.mjs';
const app = await serve(); const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
await page.goto(`${app.url}?data=bench/data-10000.json`);
await page.locator('.markers [data-event-id]').first().waitFor();
for (let i = 0; i < 14; i++) {
  console.log(JSON.stringify(await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('.pager .next').click();
    const t1 = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const t2 = performance.now();
      document.body.getBoundingClientRect();
      const t3 = performance.now();
      done({ click: +(t1 - t0).toFixed(1), micro: +(t2 - t1).toFixed(1), layout: +(t3 - t2).toFixed(1) });
    };
    channel.port2.postMessage(0);
  }))));
}
await browser.close(); await app.close();
