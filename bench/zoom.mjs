// The cost of a zoom step: in headless Chromium at 1280 × 800, the time
// from a click on "Zoom in" / "Zoom out" to the next frame painted (the
// axis redrawn at its new width: a page of at most ten markers, whatever
// the data holds), with the real data and with 10,000 synthetic events
// (bench/synth.mjs). Median, min and max of 20 steps after 2 warm-ups; and
// the main thread's script, style and layout time of those steps from the
// Performance domain. `node bench/zoom.mjs` after `trunk build --release`;
// prints a Markdown table.
import { serve, launch, openPage, DIST } from '../tests/e2e/harness.mjs';
import { writeSynthetic } from './synth.mjs';

await writeSynthetic(DIST, [10000]);
const app = await serve();
const browser = await launch();
const rows = [];
try {
  for (const [label, query] of [['the real data (5 events)', '?lang=en&zoom=1'], ['10,000 events', '?data=bench/data-10000.json&lang=en&zoom=1']]) {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(app.url + query);
    await page.locator('#app .markers [data-event-id]').first().waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const step = (name) =>
      page.evaluate(async (name) => {
        const button = document.querySelector(name);
        const t0 = performance.now();
        button.click();
        // The redraw runs in a microtask after the click, the scroll in the
        // next animation frame; a task after that frame is after its paint.
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok))));
        return performance.now() - t0;
      }, name);
    for (const name of ['.zoom-in', '.zoom-out']) await step(name);
    const before = await metrics();
    const times = [];
    for (let n = 0; n < 20; n++) times.push(await step(n % 2 ? '.zoom-out' : '.zoom-in'));
    const after = await metrics();
    const markers = await page.locator('.markers [data-event-id]').count();
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    times.sort((a, b) => a - b);
    const per = (k) => ((after[k] - before[k]) * 1000) / times.length;
    rows.push({
      label,
      median: times[times.length >> 1],
      min: times[0],
      max: times.at(-1),
      script: per('ScriptDuration'),
      style: per('RecalcStyleDuration'),
      layout: per('LayoutDuration'),
      markers,
      elements,
    });
    await page.context().close();
  }
} finally {
  await browser.close();
  await app.close();
}
const f = (x) => x.toFixed(1);
console.log('| data | click → next frame, median ms (min–max) | script ms | style ms | layout ms | markers on the axis | elements in the page |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.label} | ${f(r.median)} (${f(r.min)}–${f(r.max)}) | ${f(r.script)} | ${f(r.style)} | ${f(r.layout)} | ${r.markers} | ${r.elements} |`);
}
