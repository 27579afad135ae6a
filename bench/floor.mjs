// The size floor (bench/floor/README.md): builds the three probe apps in
// bench/floor/ exactly as Trunk builds the real one (release profile, the
// project's .cargo/config.toml, wasm-bindgen, then wasm-opt with the
// parameters index.html gives Trunk) and reports their WebAssembly and JS
// glue, gzip -9, beside the real app's; then serves the two probes that
// fetch the data, and the app, with nginx (deploy/nginx.conf) on 127.0.0.1
// and times navigation start → first event button in headless Chromium,
// in the same run. Prints the section and writes bench/FLOOR.md, which
// bench.mjs puts into RESULTS.md. Asserts nothing.
//
// Needs the tools of scripts/setup.sh on PATH (bench/run.sh sources it) and
// a release build in dist/ for the comparison row.
import { readdir, readFile, writeFile, mkdir, rm, copyFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/harness.mjs';
import { kb, stats } from './figures.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FLOOR = join(ROOT, 'bench', 'floor');
const TARGET = join(ROOT, 'target', 'floor');
const PROBES = [
  ['bare', 'one paragraph'],
  ['serde-json', 'fetch, serde_json, a list of buttons with a selection'],
  ['js-json', 'the same with JSON.parse and Reflect, no serde'],
];
const gz = async (file) => gzipSync(await readFile(file), { level: 9 }).length;

// The same wasm-opt parameters as the real build.
const html = await readFile(join(ROOT, 'index.html'), 'utf8');
const level = html.match(/data-wasm-opt="(\w+)"/)[1];
const params = html.match(/data-wasm-opt-params="([^"]*)"/)[1].split(/\s+/).filter(Boolean);

async function build(dir) {
  const name = `floor-${dir}`;
  // The project's lock file, so every crate has the app's version.
  await copyFile(join(ROOT, 'Cargo.lock'), join(FLOOR, dir, 'Cargo.lock'));
  execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown'], {
    cwd: join(FLOOR, dir),
    env: { ...process.env, CARGO_TARGET_DIR: TARGET },
    stdio: 'inherit',
  });
  const out = join(TARGET, 'out', dir);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, join(TARGET, 'wasm32-unknown-unknown', 'release', `${name}.wasm`)]);
  execFileSync('wasm-opt', [`-O${level}`, ...params, join(out, `${name}_bg.wasm`), '-o', join(out, 'opt.wasm')]);
  // A page to load it: the glue, the optimised wasm and the shipped data.
  await writeFile(join(out, 'index.html'), `<!doctype html><html lang="en"><meta charset="utf-8"><title>${dir}</title><script type="module" src="boot.js"></script>`);
  await writeFile(join(out, 'boot.js'), `import init from './${name}.js';\nawait init({ module_or_path: './opt.wasm' });\n`);
  await mkdir(join(out, 'data'), { recursive: true });
  await copyFile(join(ROOT, 'public', 'data', 'timeline.json'), join(out, 'data', 'timeline.json'));
  return { wasm: await gz(join(out, 'opt.wasm')), js: await gz(join(out, `${name}.js`)), site: out };
}

const RUNS = Number(process.env.RUNS ?? 9);

/** Navigation start → the first `[data-event-id]` in the page, in ms: one warm-up, then RUNS loads. */
async function timeToFirstEvent(browser, dir) {
  const app = await serve(dir);
  const times = [];
  try {
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('button[data-event-id]')) {
            window.__first = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(app.url);
      await page.locator('button[data-event-id]').first().waitFor();
      if (i > 0) times.push(await page.evaluate(() => window.__first));
      await context.close();
    }
  } finally {
    await app.close();
  }
  return stats(times);
}

const rows = [];
for (const [dir, what] of PROBES) rows.push({ name: `\`${dir}\``, what, ...(await build(dir)) });
const dist = join(ROOT, 'dist');
const files = await readdir(dist).catch(() => []);
const wasm = files.find((f) => f.endsWith('_bg.wasm'));
const js = wasm && files.find((f) => f === wasm.replace('_bg.wasm', '.js'));
if (wasm && js) rows.push({ name: '**this app**', what: 'dist/, the release build', wasm: await gz(join(dist, wasm)), js: await gz(join(dist, js)), site: dist });

const browser = await launch();
for (const row of rows) if (row.site && row.name !== '`bare`') row.time = await timeToFirstEvent(browser, row.site);
await browser.close();
const ms = (t) => (t ? `${t.median.toFixed(0)} (${t.min.toFixed(0)}–${t.max.toFixed(0)})` : '');

const report = `## The size floor (\`bench/floor.mjs\`)

What Leptos 0.8 costs before any feature: three probe apps in
\`bench/floor/\`, built like the real one (same profile, flags, lock file and
wasm-opt parameters). KB are KiB of gzip -9 (Node's zlib), as above.

| probe | what it does | wasm gzip KB | JS gzip KB | together KB | first event button, ms from navigation: median (min–max) |
|---|---|---:|---:|---:|---:|
${rows.map((r) => `| ${r.name} | ${r.what} | ${kb(r.wasm)} | ${kb(r.js)} | ${kb(r.wasm + r.js)} | ${ms(r.time)} |`).join('\n')}

The first view also loads the HTML, the CSS and the data (see the first
table): whatever the first view's HTML, CSS and data weigh comes on top of
the "together" column. Times: ${RUNS} loads after a warm-up, each probe
and the app served in turn by nginx with \`deploy/nginx.conf\` on
127.0.0.1, in one run; the probes' page is one script tag (no preloads),
the app's is the release build (its interactive marker; its static list
of events shows earlier, see above).
`;
console.log(report);
await writeFile(new URL('FLOOR.md', import.meta.url), report);
