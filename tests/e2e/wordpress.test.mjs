// End-to-end: a real WordPress (Debian's package, with MariaDB and PHP-FPM)
// on 127.0.0.1 embeds the timeline from a post whose body is its address on
// a line of its own: oEmbed discovery, WordPress's sandboxed iframe, and its
// own wp-embed.js sizing the frame; through nginx (an address with options)
// and through a plain static server (a build with PUBLIC_URL, no maps).
// Everything runs in a temporary folder and is stopped and removed
// afterwards. Fixtures: tests/wordpress/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { access, chmod, chown, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage, screenshot, useApp, freePort, nginxConf, serveStatic } from './harness.mjs';
import { appFrame } from './frames.mjs';

const run = promisify(execFile);
const FIXTURES = resolve(fileURLToPath(import.meta.url), '../../wordpress');
const WP = '/usr/share/wordpress';
// Debian's wp-config.php reads /etc/wordpress/config-$WORDPRESS_CONFIG.php
// when the server sets that variable: a name of this run's own.
const CONFIG_NAME = `hkust-timeline-test-${process.pid}`;
const CONFIG = `/etc/wordpress/config-${CONFIG_NAME}.php`;

let app;
let browser;
let data;
useApp((c) => ({ app, browser, data } = c), { publicUrl: true });

const children = [];
let tmp;
let site;
let wroteConfig = false;

function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  child.exited = new Promise((ok) => child.on('exit', ok));
  child.errors = () => err;
  children.push(child);
  return child;
}

async function until(what, check, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {}
    if (Date.now() > end) throw new Error(`${what} did not start`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

before(async () => {
  for (const tool of [WP + '/wp-load.php', '/usr/sbin/mariadbd', '/usr/bin/mariadb-install-db']) {
    await access(tool).catch(() => {
      throw new Error(`${tool} is missing: run "source scripts/setup.sh --test" as root (it installs wordpress, mariadb-server, php-fpm)`);
    });
  }
  const fpm = (await run('sh', ['-c', 'ls /usr/sbin/php-fpm* | head -1'])).stdout.trim();
  assert.ok(fpm, 'php-fpm is installed');
  tmp = await mkdtemp(join(tmpdir(), 'timeline-wordpress-'));
  await chmod(tmp, 0o711); // MariaDB runs as mysql and must reach its folder

  // MariaDB on a unix socket only.
  const db = join(tmp, 'db');
  await mkdir(db);
  await chown(db, ...(await run('sh', ['-c', 'echo $(id -u mysql) $(id -g mysql)'])).stdout.trim().split(' ').map(Number));
  await run('mariadb-install-db', ['--user=mysql', `--datadir=${db}`, '--auth-root-authentication-method=socket', '--skip-test-db']);
  const sock = join(db, 'mysqld.sock');
  start('/usr/sbin/mariadbd', ['--no-defaults', '--user=mysql', `--datadir=${db}`, `--socket=${sock}`, '--skip-networking', `--pid-file=${join(db, 'pid')}`, '--skip-log-bin', '--innodb-buffer-pool-size=32M']);
  await until('MariaDB', () => existsSync(sock) && run('mariadb', [`--socket=${sock}`, '-uroot', '-e', 'SELECT 1']));
  await run('mariadb', [`--socket=${sock}`, '-uroot', '-e', "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';"]);

  // WordPress's content folder: the default theme and the test's must-use plugin.
  const content = join(tmp, 'wp-content');
  await mkdir(join(content, 'themes'), { recursive: true });
  await cp(join(WP, 'wp-content/themes/twentytwentythree'), join(content, 'themes/twentytwentythree'), { recursive: true, dereference: true });
  await mkdir(join(content, 'mu-plugins'));
  await mkdir(join(content, 'uploads'));
  await cp(join(FIXTURES, 'allow-loopback-oembed.php'), join(content, 'mu-plugins/allow-loopback-oembed.php'));

  // PHP-FPM and nginx in front of WordPress.
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  const php = join(tmp, 'php.sock');
  await writeFile(join(tmp, 'fpm.conf'), `[global]
pid = ${tmp}/fpm.pid
error_log = ${tmp}/fpm.log
daemonize = no
[www]
user = root
group = root
listen = ${php}
pm = static
pm.max_children = 2
catch_workers_output = yes
`);
  start(fpm, ['-R', '-F', '-y', join(tmp, 'fpm.conf')]);
  // Debian's modules, as nginxConf loads them (paths relative to the prefix).
  await symlink('/usr/lib/nginx/modules', join(tmp, 'modules')).catch(() => {});
  await writeFile(join(tmp, 'nginx.conf'), nginxConf(tmp, `
  server {
    listen 127.0.0.1:${port};
    root ${WP};
    index index.php;
    location /wp-content/ { alias ${content}/; }
    location / { try_files $uri $uri/ /index.php?$args; }
    location ~ \\.php$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;
      fastcgi_param WORDPRESS_CONFIG ${CONFIG_NAME};
      fastcgi_pass unix:${php};
    }
  }
`));
  start('/usr/sbin/nginx', ['-p', tmp, '-c', join(tmp, 'nginx.conf')]);

  assert.ok(!existsSync(CONFIG), `${CONFIG} exists already: not overwriting it`);
  await writeFile(CONFIG, `<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${sock}');
define('WP_HOME', '${site}');
define('WP_SITEURL', '${site}');
define('WP_CONTENT_DIR', '${content}');
define('WP_CONTENT_URL', '${site}/wp-content');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_ACCESSIBLE_HOSTS', '127.0.0.1');
`);
  wroteConfig = true;
  await until('PHP-FPM and nginx', async () => (await fetch(site + '/wp-admin/install.php')).ok);
  const install = await fetch(site + '/wp-admin/install.php?step=2', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ weblog_title: 'A university news site', user_name: 'editor', admin_password: 'test-only-password', admin_password2: 'test-only-password', pw_weak: '1', admin_email: 'editor@example.org', blog_public: '0' }),
  });
  assert.match(await install.text(), /Success!/);
});

after(async () => {
  for (const child of children.reverse()) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([child.exited, new Promise((ok) => setTimeout(ok, 5000))]);
    }
  }
  if (wroteConfig) await rm(CONFIG, { force: true });
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The post WordPress makes of `address` alone on a line, and its embed's iframe tag. */
async function post(address) {
  const { stdout } = await run('php', [join(FIXTURES, 'make-post.php'), new URL(site).host, address, CONFIG_NAME]);
  const url = `${site}/?p=${Number(stdout.trim())}`;
  const html = await (await fetch(url)).text();
  const iframe = html.match(/<iframe[^>]*class="wp-embedded-content"[^>]*>/)?.[0];
  assert.ok(iframe, `WordPress embedded the timeline:\n${html.slice(html.indexOf('entry-content'), html.indexOf('entry-content') + 1500)}`);
  assert.match(iframe, /sandbox="allow-scripts"/);
  assert.match(iframe, /security="restricted"/);
  assert.match(html, /wp-embed(\.min)?\.js/, 'WordPress loads its host script');
  return { url, iframe };
}

/** The embed, opened at `width`: sandboxed, on `event` (any if null), sized by wp-embed.js. */
async function shown(url, width, event, name) {
  const page = await openPage(browser, { viewport: { width, height: 900 } });
  await page.goto(url);
  const frameEl = page.locator('iframe.wp-embedded-content');
  const frame = await appFrame(frameEl);
  await frame.waitForFunction((id) => {
    const selected = document.querySelector('.markers [aria-current="true"]')?.dataset.eventId;
    return id === null ? selected !== undefined : selected === id;
  }, event);
  assert.equal(await frame.evaluate(() => origin), 'null', 'WordPress sandboxed it');
  // wp-embed.js shows the frame and sets its height from the app's messages.
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.wp-embedded-content');
    return !f.hasAttribute('style') && Number(f.height) > 300;
  });
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => Math.abs(Number(document.querySelector('iframe.wp-embedded-content').height) - Math.min(1000, h)) <= 1, content);
  assert.ok(content <= 1000, `${name}: the timeline fits WordPress's 1000 px (${content}px)`);
  assert.equal(await page.locator('blockquote.wp-embedded-content').isVisible(), false, 'the fallback link gives way');
  assert.deepEqual(
    await frame.locator('.markers [data-event-id]').evaluateAll((els) => els.map((e) => e.dataset.eventId)),
    data.events.map((e) => e.id),
  );
  await frameEl.scrollIntoViewIfNeeded();
  if (name) await screenshot(page, name);
}

const pattern = (text) => text.replace(/[./?]/g, '\\$&');

test('WordPress 6.1: a post holding the timeline address on its own line shows the sandboxed timeline, sized by wp-embed.js', async () => {
  const version = (await readFile(join(WP, 'wp-includes/version.php'), 'utf8')).match(/\$wp_version = '([^']+)'/)[1];
  const { url, iframe } = await post(`${app.url}?lang=en&event=agreement-signed-2024-07-21`);
  assert.match(iframe, new RegExp(`src="${pattern(app.url)}\\?embed=1&(amp;|#038;)event=agreement-signed-2024-07-21&(amp;|#038;)lang=en#\\?secret=[A-Za-z0-9]+"`));
  for (const [width, name] of [[1280, 'desktop'], [390, 'phone']]) {
    await shown(url, width, 'agreement-signed-2024-07-21', `wordpress-${name}`);
  }
  console.log(`# tested with WordPress ${version}`);
});

test('WordPress embeds a build made with PUBLIC_URL from a plain static server (no nginx maps): its static oEmbed answer', async () => {
  const host = await serveStatic();
  try {
    for (const [path, lang] of [['', undefined], ['index.zh-Hant.html', 'zh-Hant']]) {
      const { url, iframe } = await post(host.url + path);
      const query = lang ? `&(amp;|#038;)lang=${lang}` : '';
      assert.match(iframe, new RegExp(`src="${pattern(host.url)}\\?embed=1${query}#\\?secret=[A-Za-z0-9]+"`));
      await shown(url, 1280, null);
    }
  } finally {
    await host.close();
  }
});

test('WordPress, a 350 px frame: the list of events, which scrolls inside, is what the keyboard reaches and scrolls; the host page stays', async () => {
  const { url } = await post(`${app.url}?lang=en`);
  // Tall enough to show the whole frame: the host has no reason to scroll.
  const page = await openPage(browser, { viewport: { width: 390, height: 1600 } });
  await page.goto(url);
  const frameEl = page.locator('iframe.wp-embedded-content');
  let frame = await appFrame(frameEl);
  // The viewport that gives the frame 350 px (the theme's margins).
  const width = (await frameEl.boundingBox()).width;
  if (Math.round(width) !== 350) {
    await page.setViewportSize({ width: Math.round(390 + 350 - width), height: 1600 });
    frame = await appFrame(frameEl);
  }
  assert.equal(Math.round((await frameEl.boundingBox()).width), 350);
  await frame.waitForFunction(() => document.documentElement.classList.contains('wp-tall'));
  const list = frame.locator('.axis');
  assert.ok(await list.evaluate((l) => l.scrollHeight > l.clientHeight), 'the list scrolls inside the frame');
  await frameEl.scrollIntoViewIfNeeded();
  const box = await frameEl.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 1600, `the whole frame is in view (${JSON.stringify(box)})`);
  // Tab from the host page into the frame, up to the axis.
  await page.evaluate(() => document.activeElement?.blur());
  let stop = null;
  for (let n = 0; n < 60 && !stop; n++) {
    await page.keyboard.press('Tab');
    stop = await frame.evaluate(() => {
      const a = document.activeElement;
      return document.hasFocus() && a?.closest('.axis-nav') ? { frame: a.classList.contains('axis-frame'), inList: !!a.closest('.axis'), id: a.dataset.eventId ?? null } : null;
    });
  }
  assert.deepEqual(stop && { frame: stop.frame, inList: stop.inList }, { frame: false, inList: true }, 'the first stop in the axis is in the list, not a frame that does not scroll');
  const hostY = await page.evaluate(() => window.scrollY);
  for (let n = 0; n < 4; n++) await page.keyboard.press('ArrowDown');
  await frame.waitForFunction(() => document.querySelector('.axis').scrollTop > 0);
  assert.equal(await page.evaluate(() => window.scrollY), hostY, 'the host page did not move');
  await screenshot(page, 'wordpress-350px-list');
});
