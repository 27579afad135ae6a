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
  await frame.locator('.markers [data-event-id]').first().waitFor();
  return frame;
}

/** Waits until the iframe's height matches its document's (within 2 px) and holds. */
export async function settled(page, iframe) {
  const frame = await appFrame(iframe);
  const inner = () => frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const outer = (await iframe.boundingBox()).height;
    if (Math.abs(outer - (await inner())) <= 2 && Math.abs(outer - last) < 0.5) return { frame, outer };
    last = outer;
    await page.waitForTimeout(50);
  }
  assert.fail(`iframe ${(await iframe.boundingBox()).height}px never settled on its content ${await inner()}px`);
}

/** The id of the selected event in `frame`. */
export const selectedIn = (frame) =>
  frame.evaluate(() => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId);
