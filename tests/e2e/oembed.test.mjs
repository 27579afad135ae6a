// End-to-end: the oEmbed provider in deploy/nginx.conf, for a build with
// PUBLIC_URL (here the server's own address): the discovery link with the
// page's options, the JSON answer, its options, and hostile input (a bad
// url, a forged Host header, which never becomes an address).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, serveHost, useApp, rawGet } from './harness.mjs';

let app;
let browser;
let data;

useApp((c) => ({ app, browser, data } = c), { publicUrl: true });

/** A GET with a raw path and Host header (fetch() cannot forge Host). */
const get = (path, headers = {}) => rawGet(app.url, path, headers);

/** The href of the page's oEmbed discovery link (attributes in any order, as minified). */
const discovery = (html) => {
  const link = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).find((l) => /type="?application\/json\+oembed/.test(l));
  assert.ok(link && /rel="?alternate/.test(link), 'index.html has an oEmbed discovery link');
  return link.match(/href="([^"]*)"/)[1].replaceAll('&amp;', '&');
};

test('the discovery link is absolute, on PUBLIC_URL, and carries the page\'s event, lang and filter', async () => {
  const plain = discovery(await (await fetch(app.url)).text());
  assert.equal(plain, `${app.url}oembed.json?format=json&url=${encodeURIComponent(app.url)}`);
  const page = await (await fetch(app.url + '?event=agreement-signed-2024-07-21&lang=zh-Hant&filter=kind%3Aagreement%2Corg%3Apumch&theme=dark')).text();
  const href = discovery(page);
  assert.ok(href.startsWith(app.url + 'oembed.json?'), href);
  const pageUrl = new URL(new URL(href).searchParams.get('url'));
  assert.equal(pageUrl.origin + pageUrl.pathname, app.url);
  assert.equal(pageUrl.searchParams.get('event'), 'agreement-signed-2024-07-21');
  assert.equal(pageUrl.searchParams.get('lang'), 'zh-Hant');
  assert.equal(pageUrl.searchParams.get('filter'), 'kind:agreement,org:pumch');
  // Another name for the server, or a hostile Host header, is not the
  // site's: nginx refuses it (400 or 421) and writes no address from it.
  for (const host of ['localhost:' + new URL(app.url).port, 'evil.example', 'evil.example"><script>alert(1)</script>', "x' onload='alert(1)", 'a b', 'evil_example.com', "a'b", 'a;b', 'a&b', 'a%22b']) {
    const r = await get('/', { host });
    assert.ok([400, 421].includes(r.status), `${host}: ${r.status}`);
    assert.doesNotMatch(r.body, /evil|alert|onload|localhost|a'b|a;b|a&b|a%22b/, host);
  }
  // A hostile option is dropped, not reflected.
  const hostile = await (await fetch(app.url + '?event=%22%3E%3Cscript%3E&lang=xx%22&filter=kind:visit%22%3E')).text();
  assert.equal(discovery(hostile), plain);
});

test('the oEmbed answer: type rich, absolute URLs on this origin, the iframe with title, lazy loading and a fallback link', async () => {
  const href = discovery(await (await fetch(app.url + '?event=first-cohort-2024&lang=zh-Hans')).text());
  const r = await fetch(href);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^application\/json/);
  assert.equal(r.headers.get('access-control-allow-origin'), '*');
  const o = await r.json();
  assert.equal(o.version, '1.0');
  assert.equal(o.type, 'rich');
  assert.equal(o.title, data.title['zh-Hans']);
  assert.equal(o.provider_url, app.url);
  assert.ok(o.provider_name);
  assert.equal(o.width, 800);
  assert.equal(o.height, 760);
  const src = `${app.url}?embed=1&amp;event=first-cohort-2024&amp;lang=zh-Hans`;
  assert.ok(o.html.includes(`<iframe src="${src}" title="${data.title['zh-Hans']}" width="800" height="760" loading="lazy"`), o.html);
  assert.match(o.html, /^<blockquote class="wp-embedded-content"><a href="http:\/\/127\.0\.0\.1:\d+\/\?event=first-cohort-2024&amp;lang=zh-Hans">/);
  // The html, parsed by a browser: one iframe whose src opens the event.
  const site = await serveHost({ '/': `<!DOCTYPE html><html lang="en"><title>Consumer</title>${o.html}` });
  const page = await openPage(browser);
  await page.goto(site.url);
  assert.equal(await page.locator('iframe').getAttribute('title'), data.title['zh-Hans']);
  const inside = await (await page.locator('iframe').elementHandle()).contentFrame();
  await inside.waitForFunction(() => document.querySelector('.markers [aria-current="true"]')?.dataset.eventId === 'first-cohort-2024');
  // The titles nginx writes (generated from the data) are the data's.
  for (const lang of ['en', 'zh-Hant', 'zh-Hans']) {
    const u = encodeURIComponent(`${app.url}?lang=${lang}`);
    assert.equal((await (await fetch(`${app.url}oembed.json?url=${u}`)).json()).title, data.title[lang], lang);
  }
});

test('oEmbed options: url in any encoding, its filter, maxwidth and maxheight', async () => {
  const page = `${app.url}?filter=${encodeURIComponent('kind:visit,kind:agreement,org:pumch')}&event=agreement-signed-2024-07-21`;
  for (const url of [encodeURIComponent(page), encodeURIComponent(decodeURIComponent(page)), page.replaceAll('&', '%26')]) {
    const o = await (await fetch(`${app.url}oembed.json?url=${url}&maxwidth=600&maxheight=975&format=json`)).json();
    assert.equal(o.width, 600);
    assert.equal(o.height, 760);
    assert.ok(o.html.includes('?embed=1&amp;event=agreement-signed-2024-07-21&amp;filter=kind%3Avisit%2Ckind%3Aagreement%2Corg%3Apumch"'), o.html);
  }
  const small = await (await fetch(`${app.url}oembed.json?url=${encodeURIComponent(app.url)}&maxwidth=320&maxheight=400`)).json();
  assert.deepEqual([small.width, small.height], [320, 400]);
  const big = await (await fetch(`${app.url}oembed.json?url=${encodeURIComponent(app.url)}&maxwidth=5000&maxheight=x`)).json();
  assert.deepEqual([big.width, big.height], [800, 760]);
});

test('oEmbed refuses what is not this timeline, and reflects nothing', async () => {
  const bad = [
    'url=' + encodeURIComponent('https://evil.example/'),
    'url=' + encodeURIComponent(`http://evil.example/?u=${app.url}`),
    'url=' + encodeURIComponent(app.url + 'other/'),
    'url=' + encodeURIComponent(`javascript:alert(1)//${new URL(app.url).host}/`),
    'url=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  ];
  for (const q of bad) {
    const r = await fetch(`${app.url}oembed.json?${q}`);
    assert.equal(r.status, 404, q);
    const body = await r.text();
    assert.doesNotMatch(body, /evil|script|alert|other/, q);
    assert.ok(JSON.parse(body).error);
  }
  assert.equal((await fetch(`${app.url}oembed.json?url=${encodeURIComponent(app.url)}&format=xml`)).status, 501);
  // Without a url, the answer for the default view (as the static file).
  const none = await (await fetch(`${app.url}oembed.json`)).json();
  assert.ok(none.html.includes(`src="${app.url}?embed=1"`), none.html);
  // A forged Host header cannot smuggle itself into the JSON either.
  const r = await get(`/oembed.json?url=${encodeURIComponent('http://x"y/')}`, { host: 'x"y' });
  assert.ok([400, 421].includes(r.status), String(r.status));
  assert.doesNotMatch(r.body, /x"y/);
  // Hostile options inside a good url are dropped.
  const u = encodeURIComponent(`${app.url}?event="><script>&lang=en"&filter=kind:visit"`);
  const o = await (await fetch(`${app.url}oembed.json?url=${u}`)).json();
  assert.ok(o.html.includes(`src="${app.url}?embed=1"`), o.html);
});
