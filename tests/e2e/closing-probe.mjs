// Run by harness.test.mjs, not by the test command itself (its name is not
// a test file's): a test that fails with a page open, then one that counts
// the browser's contexts left open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, open } from './harness.mjs';

let browser;
useApp((c) => ({ browser } = c));

test('fails with its page open', async () => {
  await open();
  assert.fail('on purpose');
});

test('finds no browser context left open', () => {
  assert.equal(browser.contexts().length, 0);
});
