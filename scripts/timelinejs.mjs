// TimelineJS3 (Knight Lab's, the npm dev dependency @knight-lab/timelinejs)
// on our data, for comparisons only: docs/compare-timelinejs.png
// (scripts/compare-timelinejs.mjs) and the benchmark (bench/compare.mjs).
// The one page builder both use: a temporary site holding a TimelineJS3
// page of the same four 2024 events, and a bare page of one heading (the
// benchmark's floor), served by Debian's nginx on 127.0.0.1 as the app is:
// TimelineJS's script and style sheet precompressed like the app's hashed
// files (brotli and gzip copies, brotli_static), the pages compressed on
// the fly (gzip), as deploy/nginx.conf serves ours.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startNginx } from '../tests/e2e/harness.mjs';
import { precompress } from './precompress.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const PACKAGE = join(ROOT, 'node_modules', '@knight-lab', 'timelinejs');
/** The four events TimelineJS3 shows, by id in public/data/timeline.json. */
export const FOUR = ['ip-visit-pumch-2024-03', 'pumch-delegation-hkust-2024-04', 'agreement-signed-2024-07-21', 'first-cohort-2024'];
/** TimelineJS3's own files the page may load (from its package's dist/): its script, style sheet and icon font. */
const FILES = ['css/timeline.css', 'js/timeline.js', ...['eot', 'svg', 'ttf', 'woff', 'woff2'].map((x) => `css/icons/tl-icons.${x}`)];

/** The installed TimelineJS3's version ("3.9.11"). */
export const version = async () => JSON.parse(await readFile(join(PACKAGE, 'package.json'), 'utf8')).version;

/** TimelineJS3's page of the four events, English, its defaults (no web font). */
export async function timelinejsPage() {
  const data = JSON.parse(await readFile(join(ROOT, 'public', 'data', 'timeline.json'), 'utf8'));
  const date = (iso) => {
    const [year, month, day] = iso.split('-').map(Number);
    return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
  };
  const events = data.events
    .filter((e) => FOUR.includes(e.id))
    .map((e) => ({
      start_date: date(e.date),
      ...(e.end ? { end_date: date(e.end.date) } : {}),
      text: { headline: e.title.en, text: e.summary.en },
    }));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TimelineJS3</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<style>html,body{margin:0;height:100%}#tl{height:100%}</style></head>
<body><div id="tl"></div><script src="/tl/js/timeline.js"></script>
<script>new TL.Timeline('tl', ${JSON.stringify({ events })}, { script_path: '/tl/js/', font: null });</script></body></html>`;
}

/** The floor: a bare page of one heading (our page's title), no style sheet, no script. */
export const BARE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bare</title></head><body><h1>HKUST and PUMCH: a partnership in medicine</h1></body></html>`;

/**
 * Serves TimelineJS3's page at `/` and the bare page at `/bare.html` with
 * Debian's nginx on 127.0.0.1, from a temporary root. Resolves to
 * { url, bare, close }.
 */
export async function serveTimelineJs() {
  const tmp = await mkdtemp(join(tmpdir(), 'timelinejs-'));
  const root = join(tmp, 'root');
  await mkdir(join(root, 'tl', 'css', 'icons'), { recursive: true });
  await mkdir(join(root, 'tl', 'js'), { recursive: true });
  await writeFile(join(root, 'index.html'), await timelinejsPage());
  await writeFile(join(root, 'bare.html'), BARE);
  for (const file of FILES) {
    const to = join(root, 'tl', file);
    await copyFile(join(PACKAGE, 'dist', file), to);
    await precompress(to);
  }
  const port = await freePort();
  // deploy/nginx.conf's compression and caching, for these files.
  const url = `http://127.0.0.1:${port}/`;
  const stop = await startNginx(tmp, `
  server {
    listen 127.0.0.1:${port};
    root ${root};
    charset utf-8;
    charset_types text/css application/javascript application/json image/svg+xml;
    brotli on;
    brotli_types text/css application/javascript text/javascript application/json image/svg+xml;
    gzip on;
    gzip_comp_level 6;
    gzip_vary on;
    gzip_types text/css application/javascript text/javascript application/json image/svg+xml;
    location /tl/ {
      brotli_static on;
      gzip_static on;
      add_header Cache-Control "public, max-age=31536000, immutable" always;
    }
    location / { add_header Cache-Control "no-cache" always; }
  }`, url);
  return {
    url,
    bare: `${url}bare.html`,
    close: async () => {
      await stop();
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium's flags that keep every request on 127.0.0.1: any other goes
 * to a proxy that is not there (Chromium never proxies loopback), so it
 * fails at once. `offHost(page, list)` lists them as they are tried.
 */
export const LOCAL_ONLY = ['--proxy-server=http://127.0.0.1:9'];
export function offHost(page, list) {
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.hostname !== '127.0.0.1') list.push(u.href);
  });
}
