// End-to-end: deploy/nginx.conf answers a request for the app's folder with
// the page pre-rendered in the reader's language (index.html,
// index.zh-Hant.html, index.zh-Hans.html), picked as the app picks
// (src/model/lang.rs): an exact `?lang=`, else the first tag of
// Accept-Language it can serve, else English; with `Vary: Accept-Language`.
// A build without the two variants gets index.html. Plain HTTP, no browser:
// only each page's `<html lang>` is assumed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, rawGet, DIST } from './harness.mjs';

const VARIANTS = ['index.zh-Hant.html', 'index.zh-Hans.html'];

let tmp;
let withVariants; // nginx serving a build with the three pages
let withoutVariants; // nginx serving a build with index.html only
let subPath; // nginx serving the build in a folder /timeline/ of its root
let addressed; // nginx serving the build addressed for its URL (PUBLIC_URL)

/** The build as links into DIST, without its pages, then `pages` written in. */
async function copyOfBuild(dir, pages) {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(DIST)) {
    if (!/^index(\.[A-Za-z-]+)?\.html$/.test(name)) await symlink(join(DIST, name), join(dir, name));
  }
  for (const [name, html] of Object.entries(pages)) await writeFile(join(dir, name), html);
  return dir;
}

const exists = (path) => access(path).then(() => true, () => false);

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'timeline-prelang-'));
  const english = await readFile(join(DIST, 'index.html'), 'utf8');
  let full = DIST;
  if (!(await exists(join(DIST, VARIANTS[0]))) || !(await exists(join(DIST, VARIANTS[1])))) {
    // A build from before the variants: make them from index.html, as the
    // build will (the same app, its <html lang> set).
    const html = (code) => {
      const out = english.replace(/<html\b([^>]*?)\blang=(?:"en"|'en'|en\b)/, `<html$1lang="${code}"`);
      assert.notEqual(out, english, 'index.html has <html lang="en">');
      return out;
    };
    full = await copyOfBuild(join(tmp, 'full'), {
      'index.html': english,
      'index.zh-Hant.html': html('zh-Hant'),
      'index.zh-Hans.html': html('zh-Hans'),
    });
  }
  const bare = await copyOfBuild(join(tmp, 'bare'), { 'index.html': english });
  await mkdir(join(tmp, 'site'));
  await writeFile(join(tmp, 'site', 'index.html'), '<!DOCTYPE html><html lang="x-other"><title>Another page</title>');
  await symlink(full, join(tmp, 'site', 'timeline'));
  [withVariants, withoutVariants, subPath, addressed] = await Promise.all([serve(full), serve(bare), serve(join(tmp, 'site')), serve(full, { publicUrl: true })]);
});

after(async () => {
  await Promise.all([withVariants?.close(), withoutVariants?.close(), subPath?.close(), addressed?.close()]);
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** A GET with exactly these headers (fetch() would add Accept-Language: *). */
const get = (server, path, headers = {}) => rawGet(server.url, path, headers);

/** The page's `<html lang>`, quoted or not (the build minifies). */
const htmlLang = (body) => body.match(/<html\b[^>]*\blang=["']?([A-Za-z-]+)/)?.[1];

/** The language of the page served for `path` with this Accept-Language (undefined: none sent). */
async function served(server, path, acceptLanguage) {
  const res = await get(server, path, acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage });
  assert.equal(res.status, 200, `${path} [${acceptLanguage}]`);
  return htmlLang(res.body);
}

// The header's first tag the app can serve, as Lang::negotiate.
const HEADERS = [
  [undefined, 'en'],
  ['', 'en'],
  ['*', 'en'],
  ['zh-HK', 'zh-Hant'],
  ['zh-TW', 'zh-Hant'],
  ['zh-MO', 'zh-Hant'],
  ['zh-CN', 'zh-Hans'],
  ['zh-SG', 'zh-Hans'],
  ['zh', 'zh-Hans'],
  ['zh-Hant', 'zh-Hant'],
  ['zh-Hant-HK', 'zh-Hant'],
  ['zh-Hant-CN', 'zh-Hant'],
  ['zh-Hans', 'zh-Hans'],
  ['zh-Hans-HK', 'zh-Hans'],
  ['zh_TW', 'zh-Hant'],
  ['ZH-tw', 'zh-Hant'],
  ['en-GB', 'en'],
  ['en-US,en;q=0.9,zh-TW;q=0.8', 'en'],
  ['de', 'en'],
  ['fr, de', 'en'],
  ['fr, zh-TW;q=0.8', 'zh-Hant'],
  ['fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.7', 'zh-Hans'],
  ['zh-TW;q=0.5, en;q=0.9', 'zh-Hant'], // the header's order, not its q-values
  ['zh-TW;q=0, en', 'en'], // q=0 refuses
  ['zh-TW;q=0.000, fr, zh-CN', 'zh-Hans'],
  ['zhx, english, zh-HK', 'zh-Hant'], // not zh, not en
  ['zh-hantx, zh-TW', 'zh-Hans'], // zh-… is Chinese; "hantx" is no script subtag
];

test('Accept-Language picks the page as the app would', async () => {
  for (const [header, want] of HEADERS) {
    assert.equal(await served(withVariants, '/', header), want, `Accept-Language: ${header}`);
  }
});

test('an exact ?lang= picks the page, and wins over Accept-Language', async () => {
  for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
    for (const header of [undefined, 'zh-TW', 'zh-CN', 'en-GB']) {
      assert.equal(await served(withVariants, `/?lang=${lang}`, header), lang, `?lang=${lang} [${header}]`);
    }
    assert.equal(await served(withVariants, `/?event=first-cohort-2024&lang=${lang}&embed=1`, 'de'), lang, 'among other parameters');
  }
  // What the app does not take (it compares exactly, and reads the first
  // `lang`) leaves the choice to Accept-Language.
  for (const query of ['lang=EN', 'lang=zh-TW', 'lang=zh-hant', 'lang=', 'LANG=zh-Hans', 'language=zh-Hans', 'lang=fr&lang=zh-Hans', 'lang&lang=zh-Hans']) {
    assert.equal(await served(withVariants, `/?${query}`, 'zh-HK'), 'zh-Hant', `?${query}`);
  }
  assert.equal(await served(withVariants, '/?lang=zh-Hans&lang=en', 'en'), 'zh-Hans', 'the first lang counts');
});

test('the folder’s page says it varies by language and keeps its headers; an explicit index.html stays English', async () => {
  for (const [path, header] of [['/', undefined], ['/', 'zh-TW'], ['/', 'zh-CN'], ['/?lang=zh-Hant', 'en']]) {
    const res = await get(withVariants, path, header ? { 'accept-language': header } : {});
    assert.match(res.headers.vary ?? '', /(^|,\s*)accept-language(\s*,|$)/i, `${path} [${header}]: Vary`);
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors/, `${path} [${header}]: CSP`);
    assert.equal(res.headers['cache-control'], 'no-cache', `${path} [${header}]: Cache-Control`);
    assert.equal(res.headers['x-content-type-options'], 'nosniff', `${path} [${header}]: nosniff`);
    assert.match(res.headers['content-type'], /^text\/html; charset=utf-8$/i, `${path} [${header}]: type`);
  }
  for (const header of ['zh-TW', 'zh-CN']) {
    const res = await get(withVariants, '/index.html', { 'accept-language': header });
    assert.equal(htmlLang(res.body), 'en', `/index.html [${header}]`);
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors/);
  }
});

test('with PUBLIC_URL, all three pages carry the page\'s options in their oEmbed discovery link', async () => {
  for (const [header, lang] of [['en', 'en'], ['zh-TW', 'zh-Hant'], ['zh-CN', 'zh-Hans']]) {
    const { body } = await get(addressed, '/?event=first-cohort-2024', { 'accept-language': header });
    assert.equal(htmlLang(body), lang);
    assert.match(body, /href="?http:\/\/127\.0\.0\.1:\d+\/oembed\.json\?format=json&amp;url=http%3A%2F%2F127\.0\.0\.1%3A\d+(?:\/|%2F)%3Fevent%3Dfirst-cohort-2024"/, `${lang}: discovery link`);
  }
});

test('a build without the variants serves index.html for every language', async () => {
  for (const [path, header] of [['/', 'zh-TW'], ['/', 'zh-CN'], ['/', undefined], ['/?lang=zh-Hant', undefined], ['/?lang=zh-Hans', 'zh-HK']]) {
    const res = await get(withoutVariants, path, header ? { 'accept-language': header } : {});
    assert.equal(res.status, 200, `${path} [${header}]`);
    assert.equal(htmlLang(res.body), 'en', `${path} [${header}]`);
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors/);
    assert.match(res.body, /href="?oembed\.json\?format=json"/, 'discovery link, relative without PUBLIC_URL');
  }
});

test('under a sub-path, the folder’s page is picked the same way', async () => {
  for (const [path, header, want] of [
    ['/timeline/', 'zh-HK', 'zh-Hant'],
    ['/timeline/', 'fr, zh-CN', 'zh-Hans'],
    ['/timeline/', undefined, 'en'],
    ['/timeline/?lang=zh-Hans', 'zh-TW', 'zh-Hans'],
    ['/timeline/index.html', 'zh-TW', 'en'],
  ]) {
    const res = await get(subPath, path, header ? { 'accept-language': header } : {});
    assert.equal(res.status, 200, `${path} [${header}]`);
    assert.equal(htmlLang(res.body), want, `${path} [${header}]`);
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors/);
    if (path.endsWith('/') || path.includes('/?')) assert.match(res.headers.vary ?? '', /accept-language/i, `${path}: Vary`);
  }
});
