// Editors publish without fear (issue 25): the publish command on a fresh
// clone of this repository's HEAD, with an editor's edit (an expectation
// that came true: tests/data/resolved-expectation.json, the shipped data
// plus one invented event, a fixture only); the built site's check that its
// first paint follows its data; the resolved expectation in the app, in
// the first paint and without JavaScript, in three languages; and a
// sourced setup.sh that leaves the caller's shell as it was.
//
// The clone reuses the machine's tools: node_modules (a symlink) and the
// cargo target folder (CARGO_TARGET_DIR, so only this crate recompiles).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage, closeAfterEach, holdBack, DESKTOP } from './harness.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
const STALE = 'the first paint is older than the data: rebuild (./scripts/publish.sh)';

const RESOLVED = 'first-cohort-2024';
const RESOLVER = 'first-cohort-arrives-2025-09';
/** What the resolved card's link says, by language (its "→" included). */
const SAYS = {
  en: 'This happened: First PUMCH cohort arrives at HKUST, September 2025 →',
  'zh-Hant': '預期已實現：首批北京協和醫院學員抵達香港科技大學，2025年9月 →',
  'zh-Hans': '预期已实现：首批北京协和医院学员抵达香港科技大学，2025年9月 →',
};
const TITLES = {
  en: 'First PUMCH cohort arrives at HKUST',
  'zh-Hant': '首批北京協和醫院學員抵達香港科技大學',
  'zh-Hans': '首批北京协和医院学员抵达香港科技大学',
};

let clone;
let published;
let app;
let browser;

before(async () => {
  clone = await mkdtemp(join(tmpdir(), 'timeline-clone-'));
  const cloned = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
  assert.equal(cloned.status, 0, cloned.stderr);
  // The editor's edit, then the one command.
  await copyFile(join(ROOT, 'tests', 'data', 'resolved-expectation.json'), join(clone, 'public', 'data', 'timeline.json'));
  await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  published = spawnSync('./scripts/publish.sh', [], {
    cwd: clone,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TARGET_DIR: TARGET },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (published.status === 0) {
    app = await serve(join(clone, 'dist'));
    browser = await launch();
  }
});

closeAfterEach();

after(async () => {
  await browser?.close();
  await app?.close();
  if (clone) await rm(clone, { recursive: true, force: true });
});

/** The data check, as the clone built it, on `file`: { code, out }. */
function checkData(file) {
  const run = spawnSync(join(TARGET, 'debug', 'check-data'), [file], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

test('on a fresh clone, ./scripts/publish.sh checks the data, builds, checks the built site and says what to copy where, with no alarming warning', () => {
  const output = published.stdout + published.stderr;
  assert.equal(published.status, 0, output);
  for (const step of ['Checking the data', 'Building the site', 'Checking the built site', 'Ready to publish']) {
    assert.ok(output.includes(step), `says "${step}"`);
  }
  assert.ok(output.includes(`${clone}/dist/`), 'says where the site is');
  assert.ok(output.includes('deploy/nginx.conf') && output.includes('root /srv/hkust-pumch-timeline;'), 'and the nginx block');
  assert.ok(output.includes('dist/data/timeline.json: the first paint'), 'checked the built first paint');
  assert.doesNotMatch(output, /\bWARN\b|warning:/, 'no warning that asks nothing of the editor');
});

test('the built site\'s check: a fresh build passes; data edited after the build fails with "rebuild"', async () => {
  assert.equal(published.status, 0, 'published');
  const data = join(clone, 'dist', 'data', 'timeline.json');
  const fresh = checkData(data);
  assert.equal(fresh.code, 0, fresh.out);
  assert.match(fresh.out, /the first paint \(.*index\.html.*\) was drawn from this data/);
  const built = await readFile(data, 'utf8');
  try {
    // An editor's edit on the server, without a rebuild: still valid data.
    await writeFile(data, built.replace('"First PUMCH cohort arrives at HKUST"', '"The first PUMCH cohort arrives at HKUST"'));
    const stale = checkData(data);
    assert.equal(stale.code, 1, stale.out);
    assert.ok(stale.out.includes(STALE), stale.out);
    assert.match(stale.out, /valid, no problems/, 'the data itself is valid');
    // The source file, beside no built page, is never called stale.
    const source = checkData(join(clone, 'public', 'data', 'timeline.json'));
    assert.equal(source.code, 0, source.out);
    assert.doesNotMatch(source.out, /first paint/);
  } finally {
    await writeFile(data, built);
  }
});

test('sourcing setup.sh leaves the caller\'s shell options as they were, and a failing command then does not end the shell', () => {
  const script = `
    set +e +u; set +o pipefail
    before="$(set +o)"
    source scripts/setup.sh >/dev/null || exit 3
    [ "$(set +o)" = "$before" ] || { echo "options changed"; diff <(echo "$before") <(set +o); exit 4; }
    false
    echo "still here; trunk: $(command -v trunk)"
  `;
  const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /still here; trunk: \//, 'the tools are on PATH');
});

/** The resolved card's link, its text, and the expectation's marker. */
async function resolvedCard(page, root, lang) {
  const link = root.locator(`.card [id="${RESOLVED}"] .resolved a, #app .card .resolved a`).first();
  await link.waitFor();
  assert.equal((await link.textContent()).replace(/\s+/g, ' ').trim(), SAYS[lang], lang);
  assert.equal(await link.getAttribute('href'), `#${RESOLVER}`);
  const marker = page.locator(`.markers [data-event-id="${RESOLVED}"]`);
  assert.equal(await marker.count(), 1);
  assert.equal(await marker.evaluate((a) => a.closest('li').classList.contains('expected')), false, `${lang}: the marker no longer looks pending`);
  assert.equal(await marker.locator('.badge').count(), 0, `${lang}: no "Expected" badge`);
  // One pending mark is left in the whole page: the legend's swatch.
  assert.equal(await page.locator('.axis-nav .expected:not(.swatch)').count(), 0, `${lang}: no pending dot or bar`);
  return link;
}

for (const lang of Object.keys(SAYS)) {
  test(`${lang}: the resolved expectation in the first paint (the app held back) and without JavaScript links to what happened`, async () => {
    assert.equal(published.status, 0, 'published');
    for (const mode of ['held back', 'no JavaScript']) {
      const page = await openPage(browser, { ...DESKTOP, javaScriptEnabled: mode === 'held back' });
      if (mode === 'held back') await holdBack(page);
      await page.goto(`${app.url}?lang=${lang}#${RESOLVED}`);
      const link = await resolvedCard(page, page, lang);
      assert.ok(await link.isVisible(), `${mode}: the card is shown`);
      await link.click();
      const then = page.locator(`.card [id="${RESOLVER}"]`);
      assert.ok(await then.isVisible(), `${mode}: the link shows the card of what happened`);
      assert.equal(await then.locator('h2').textContent(), TITLES[lang]);
      if (mode === 'held back') {
        assert.equal(await page.locator('#app .markers [data-event-id]').count(), 0, 'the app is held back');
      }
    }
  });

  test(`${lang}: in the app, the resolved expectation's card links to what happened, and prints so`, async () => {
    assert.equal(published.status, 0, 'published');
    const page = await openPage(browser, DESKTOP);
    await page.goto(`${app.url}?lang=${lang}&event=${RESOLVED}`);
    await page.locator('#app .markers [data-event-id]').first().waitFor();
    const link = await resolvedCard(page, page, lang);
    await link.click();
    await page.locator(`#app [aria-current="true"][data-event-id="${RESOLVER}"]`).waitFor();
    assert.equal(await page.locator('#app .card h2').textContent(), TITLES[lang]);
    // In print, the expectation's card says it too, without a dead "#id".
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('.print-list .resolved a');
    assert.equal(await printed.count(), 1);
    assert.ok(await printed.isVisible());
    assert.equal(await printed.evaluate((a) => getComputedStyle(a, '::after').content), 'none');
  });
}
