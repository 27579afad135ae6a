// Run by harness.test.mjs, not by the test command itself (its name is not
// a test file's): a test that fails with a page open and a host server
// started, then one that finds both closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open, serveHost } from './harness.mjs';

let browser;
useApp((c) => ({ browser } = c));
let hostUrl;

test('fails with its page open and its host serving', async () => {
  hostUrl = (await serveHost({ '/': 'host page' })).url;
  await open();
  assert.fail('on purpose');
});

test('finds no browser context left open and the host closed', async () => {
  assert.equal(browser.contexts().length, 0);
  await assert.rejects(fetch(hostUrl), 'the host server refuses connections');
});
