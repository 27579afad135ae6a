// Helpers for the embedding tests: host pages on another origin and frames
// that settle on their content height.
import assert from 'node:assert/strict';
import { serveHost } from './harness.mjs';

/** A host page (on its own origin) holding `body`; `more` adds paths. */
export function host(body, more = {}) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
<style>body{margin:0;padding:8px;font-family:sans-serif}</style></head><body>${body}</body></html>`;
  return serveHost({ '/': html, ...more });
}

/** The app's frame inside `iframe` (a locator), once it shows its markers. */
export async function appFrame(iframe) {
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.locator('#app .markers [data-event-id]').first().waitFor();
  return frame;
}

/**
 * Waits until the iframe's height matches its document's (within 2 px) and
 * holds: the host page is watched (every frame, by waitForFunction) until
 * the iframe takes the document's height, and the document is read again
 * to see that it has not moved meanwhile.
 */
export async function settled(page, iframe) {
  const frame = await appFrame(iframe);
  const element = await iframe.elementHandle();
  const inner = () => frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  for (let round = 0; round < 20; round++) {
    const height = await inner();
    await page.waitForFunction(
      ({ element, height }) => Math.abs(element.getBoundingClientRect().height - height) <= 2,
      { element, height },
    );
    if (Math.abs((await inner()) - height) < 0.5) return { frame, outer: (await iframe.boundingBox()).height };
  }
  assert.fail(`iframe ${(await iframe.boundingBox()).height}px never settled on its content ${await inner()}px`);
}

/**
 * A round trip to the app in `iframe`: the host posts it `hello` and waits
 * for the height it answers with. Messages between two windows arrive in
 * order, so whatever the host sent the frame before has been handled then.
 */
export async function roundTrip(page, iframe) {
  await page.evaluate(
    (element) => new Promise((done) => {
      addEventListener('message', function answer(e) {
        if (e.source === element.contentWindow && e.data?.type === 'hkust-pumch-timeline:resize') {
          removeEventListener('message', answer);
          done();
        }
      });
      element.contentWindow.postMessage({ type: 'hkust-pumch-timeline:hello' }, '*');
    }),
    await iframe.elementHandle(),
  );
}

/**
 * Starts recording, in the host page, which of `payloads` the iframe posts
 * to it; returns a function that waits until every one has been
 * dispatched. embed.js listens first, so it has handled them by then.
 */
export async function watchMessages(page, iframe, payloads) {
  const key = `seen${Math.random().toString(36).slice(2)}`;
  await page.evaluate(({ element, key, wanted }) => {
    window[key] = new Set();
    addEventListener('message', (e) => {
      const json = JSON.stringify(e.data);
      if (e.source === element.contentWindow && wanted.includes(json)) window[key].add(json);
    });
  }, { element: await iframe.elementHandle(), key, wanted: payloads.map((p) => JSON.stringify(p)) });
  return () => page.waitForFunction(({ key, n }) => window[key].size >= n, { key, n: payloads.length });
}

/** The id of the selected event in `frame`. */
export const selectedIn = (frame) =>
  frame.evaluate(() => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId);
