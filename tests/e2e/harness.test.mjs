// The harness itself: a test that fails leaves no browser context and no
// server of its own open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('a failing test\'s page and host server are closed by the harness: the next test finds neither open', () => {
  const probe = fileURLToPath(new URL('./closing-probe.mjs', import.meta.url));
  // A test runner of its own: the variable that marks this one's child is left out.
  const { NODE_TEST_CONTEXT, ...env } = process.env;
  // A server left open would keep the probe running: it is stopped after 60 s.
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', probe], { encoding: 'utf8', env, timeout: 60_000 });
  const out = run.stdout + run.stderr;
  assert.equal(run.status, 1, out);
  assert.match(out, /^\s*not ok 1 - fails with its page open and its host serving$/m, out);
  assert.match(out, /^\s*ok 2 - finds no browser context left open and the host closed$/m, out);
});
