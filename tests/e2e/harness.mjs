// Shared harness for the end-to-end tests: the release build served by
// Debian's nginx with deploy/nginx.conf on 127.0.0.1, host pages on other
// ports, Debian's Chromium through playwright-core (never a downloaded
// browser), and axe-core for WCAG 2.2 AA.
import { createServer, request } from 'node:http';
import { spawn } from 'node:child_process';
import { access, readFile, writeFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

/** Content types by file extension, for test servers. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * A GET of `path` exactly as written, with exactly `headers`, from the
 * server at `url` (fetch() cannot forge Host and adds Accept-Language).
 * Resolves to { status, headers, body }.
 */
export function rawGet(url, path, headers = {}) {
  const { port } = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

/**
 * A whole nginx configuration for a test instance living in `tmp` (its pid,
 * logs and temporary folders there; runs in the foreground as root) with
 * `server` as its one http block's content, Debian's dynamic modules
 * loaded (brotli_static).
 */
export function nginxConf(tmp, server) {
  return `
include /etc/nginx/modules-enabled/*.conf;
user root;
worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
${server}
}
`;
}

/**
 * Addresses a copy of the build in `dir` for `publicUrl`, as a build with
 * PUBLIC_URL set would be (`postbuild --public-url`). Resolves to the copy.
 */
export async function addressedCopy(dir, publicUrl) {
  const copy = await mkdtemp(join(tmpdir(), 'timeline-addressed-'));
  await run('cp', ['-a', `${dir}/.`, copy]);
  await run('cargo', ['run', '--quiet', '--bin', 'postbuild', '--', '--public-url', publicUrl, copy], ROOT);
  return copy;
}

let written;
/**
 * The bad-data fixtures (tests/fixtures/fixtures.json over their base),
 * written once per test file by the Rust tests' own loader
 * (`cargo run --example fixtures`). Resolves to their folder.
 */
export function fixtures() {
  written ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'timeline-fixtures-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    await run('cargo', ['run', '--quiet', '--example', 'fixtures', '--', dir], ROOT);
    return dir;
  })();
  return written;
}

/** Runs a command; rejects with its output if it fails. */
function run(command, args, cwd) {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${command} ${args.join(' ')}: ${output}`))));
  });
}

/**
 * Starts Debian's nginx in `tmp` with `server` as its http block's content
 * (nginxConf), and waits until `url` answers. Resolves to its stop().
 */
export async function startNginx(tmp, server, url) {
  // Debian's dynamic modules (brotli), loaded as Debian's own nginx.conf
  // does; their `modules/` paths are relative to the prefix.
  await symlink('/usr/lib/nginx/modules', join(tmp, 'modules')).catch(() => {});
  await writeFile(join(tmp, 'nginx.conf'), nginxConf(tmp, server));
  const nginx = spawn(process.env.NGINX ?? '/usr/sbin/nginx', ['-p', tmp, '-c', join(tmp, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((ok) => nginx.on('exit', ok));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {}
    if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${await readFile(join(tmp, 'error.log'), 'utf8').catch(() => '')}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return async () => {
    nginx.kill('SIGQUIT');
    await exited;
  };
}

/**
 * Serves the release build through a real nginx (Debian's), configured by
 * the project's own deploy/nginx.conf with only `listen` and `root` set for
 * the test, and the build's generated maps (`dir`'s nginx/, else the
 * build's) where the README says to put them. With `publicUrl: true` it
 * serves a copy addressed for its own URL (a build with PUBLIC_URL set).
 * Resolves to { url, close }.
 */
export async function serve(dir = DIST, { publicUrl = false } = {}) {
  const port = await freePort();
  const tmp = await mkdtemp(join(tmpdir(), 'timeline-nginx-'));
  const url = `http://127.0.0.1:${port}/`;
  const copy = publicUrl ? await addressedCopy(dir, url) : null;
  if (copy) dir = copy;
  const maps = await access(join(dir, 'nginx')).then(() => join(dir, 'nginx'), () => join(DIST, 'nginx'));
  await symlink(maps, join(tmp, 'hkust-pumch-timeline'));
  let server = await readFile(join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  const replaced = server
    .replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${dir};`);
  if (replaced === server || !replaced.includes(`root ${dir};`)) throw new Error('deploy/nginx.conf has no listen/root line to set');
  server = replaced;
  const stop = await startNginx(tmp, server, url);
  return {
    url,
    close: async () => {
      await stop();
      if (copy) await rm(copy, { recursive: true, force: true });
    },
  };
}

/** Servers a test started (serveHost, serveBuild): closed after it. */
const started = [];

/**
 * Registers `server` to be closed when the current test ends, passed or
 * failed (closeAfterEach), and returns its close(), which a test may call
 * sooner. Open connections (a page's keep-alive) are ended, not waited for.
 */
function closedAfterTest(server) {
  let closed;
  const close = () => (closed ??= new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); }));
  started.push(close);
  return close;
}

/**
 * A plain Node server on 127.0.0.1: `pages` maps paths to HTML (host pages
 * on another origin than the app). Resolves to { url, close }; closed
 * after the test.
 */
export async function serveHost(pages) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (pages[path] === undefined) {
      res.writeHead(404).end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: closedAfterTest(server) };
}

/**
 * Serves the build from a plain Node server on 127.0.0.1 (not nginx), with
 * data/timeline.json answered by `onData(req, res)`: for failures nginx
 * would never make (a stalled or endless body, a dropped connection).
 * Resolves to { url, close }; closed after the test.
 */
export async function serveBuild(onData) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/data/timeline.json') return onData(req, res);
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    try {
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: closedAfterTest(server) };
}

/**
 * A plain static server on 127.0.0.1, as a static host (GitHub Pages, S3)
 * would be: files as they are, `index.html` for a folder, the query
 * ignored, `Access-Control-Allow-Origin: *` on everything, and no maps.
 * It serves a copy of the build addressed for its own URL (PUBLIC_URL).
 * Resolves to { url, close }.
 */
export async function serveStatic(dir = DIST) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const root = await addressedCopy(dir, url);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'access-control-allow-origin': '*' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url,
    root,
    close: async () => {
      await new Promise((ok) => { server.closeAllConnections(); server.close(ok); });
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The app's own scripts and WebAssembly never arrive: the page stays
 * its first paint (the class `no-app` is not set: the loader never runs). */
export async function holdBack(page) {
  await page.route(/\/(boot-[0-9a-f]+\.js|hkust-pumch-timeline-[0-9a-f]+(_bg\.wasm|\.js))$/, (route) => route.abort());
}

/** Launches Debian's Chromium headless, with no network chatter of its own (and `args`). */
export function launch(args = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
  });
}

/** Pages opened by the current test: their contexts are closed after it. */
const opened = [];

/**
 * Opens a page that records console errors and uncaught exceptions in
 * `page.consoleErrors` and `page.pageErrors`, so a test can assert there
 * were none. Its browser context is closed when the test ends, passed or
 * failed (closeAfterEach), so a test never closes one itself.
 */
export async function openPage(browser, options = {}) {
  // axe-core is injected as an inline script, which the page's strict CSP
  // forbids; tests of the CSP itself pass { enforceCsp: true }. An
  // uncaught error in the page fails the test (closeAfterEach) unless the
  // test expects some and passes { allowPageErrors: true }.
  const { enforceCsp, allowPageErrors, ...contextOptions } = options;
  const context = await browser.newContext({ bypassCSP: !enforceCsp, ...contextOptions });
  const page = await context.newPage();
  page.consoleErrors = [];
  page.pageErrors = [];
  page.errorsFail = !allowPageErrors;
  opened.push(page);
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => page.pageErrors.push(String(err)));
  return page;
}

/**
 * Registers, for every test of the file, what follows it: the browser
 * contexts of the pages it opened and the servers it started are closed
 * (also when it failed), then it fails on an uncaught error in any of its
 * pages. useApp registers it; a file
 * that launches its own browser calls it once.
 */
export function closeAfterEach() {
  afterEach(async () => {
    const pages = opened.splice(0);
    const errors = pages.filter((page) => page.errorsFail).flatMap((page) => page.pageErrors.map((e) => `${page.url()}: ${e}`));
    await Promise.all(pages.map((page) => page.context().close()));
    await Promise.all(started.splice(0).map((close) => close()));
    assert.deepEqual(errors, [], 'no uncaught error in the pages this test opened');
  });
}

/** The two screens the tests open pages at, as bench/bench.mjs measures:
 * a laptop, and a phone as Chromium emulates one (its viewport meta
 * applies, touch). */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** What useApp started: { app, browser, data }. */
let served = {};

/**
 * Opens `path` (a query, a fragment or a file under the app's address) of
 * the app that useApp serves, in a new page (`options` as openPage's), and
 * waits until `until` shows: by default a marker drawn by the app.
 */
export async function open(path = '', options = DESKTOP, until = '#app .markers [data-event-id]') {
  const page = await openPage(served.browser, options);
  await page.goto(served.app.url + path);
  await page.locator(until).first().waitFor();
  return page;
}

const AXE_SOURCE = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core for WCAG 2.2 AA and returns its violations. */
export async function axe(page) {
  await page.addScriptTag({ content: await AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/**
 * Waits until the page has drawn `n` more frames: what an input started
 * (an event handler, the effects it scheduled) has then run and rendered.
 */
export function frames(page, n = 2) {
  return page.evaluate((n) => new Promise((done) => {
    const step = (left) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  }), n);
}

/**
 * Holds the page's WebAssembly back until the returned function is called:
 * the first paint stays on screen, as on a slow connection, then the app
 * takes it over.
 */
export async function holdWasm(page) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  return release;
}

/** The ids of the events marked selected (`aria-current="true"`). */
export const selectedIds = (page) =>
  page.locator('[aria-current="true"]').evaluateAll((els) => els.map((e) => e.dataset.eventId));

/** The ids of the markers on the axis, in order. */
export const shownIds = (page) =>
  page.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => e.dataset.eventId));

/** The event id of the focused marker, or null. */
export const focusedId = (page) => page.evaluate(() => document.activeElement?.dataset?.eventId ?? null);

/** How many CSS pixels the page is wider than its viewport (0 or less: no sideways scrolling). */
export const sideOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** No uncaught error, no console error, no WCAG 2.2 AA violation. */
export async function noProblems(page) {
  assert.deepEqual(page.pageErrors, [], 'no uncaught error');
  assert.deepEqual(page.consoleErrors, [], 'no console error');
  assert.deepEqual(await axe(page), [], 'no WCAG 2.2 AA violation');
}

/** Saves a full-page screenshot into tests/artifacts/. */
export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Registers the hooks every end-to-end file needs: the build served by
 * nginx (`options` as serve()'s), a browser, and the shipped data. `ready` receives
 * { app, browser, data } once they are up; open() uses them. Every test's
 * pages are closed after it (closeAfterEach).
 */
export function useApp(ready, options = {}) {
  const ctx = {};
  before(async () => {
    ctx.app = await serve(DIST, options);
    ctx.browser = await launch();
    ctx.data = JSON.parse(await readFile(join(DIST, 'data', 'timeline.json'), 'utf8'));
    served = ctx;
    ready(ctx);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.app?.close();
  });
  closeAfterEach();
}
