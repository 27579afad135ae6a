// End-to-end: deploy/nginx.conf never trusts the request. Crafted 8 KB
// Accept-Language headers and query strings are answered as fast as plain
// requests (no pattern backtracks); a forged Host header appears in no
// answer (pages, oEmbed, redirects, errors), with or without PUBLIC_URL;
// every spelling of the folder varies; query keys are read as the app
// reads them. Plain HTTP, no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { serve, rawGet, DIST } from './harness.mjs';

let plain; // the build as made by `trunk build` (no PUBLIC_URL)
let addressed; // the same, addressed for its own URL (PUBLIC_URL set)

before(async () => {
  [plain, addressed] = await Promise.all([serve(), serve(DIST, { publicUrl: true })]);
});

after(async () => {
  agent.destroy();
  await Promise.all([plain?.close(), addressed?.close()]);
});

const get = (server, path, headers = {}) => rawGet(server.url, path, headers);

/** A GET on one kept-alive connection: its status, once the body is read. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const timedGet = (server, path, headers) =>
  new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: new URL(server.url).port, path, headers, agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => ok(res.statusCode));
    });
    req.on('error', fail);
    req.end();
  });

/**
 * The lower quartile of the times of `n` sequential GETs, in ms: the
 * server's own cost, without the other processes' noise on a loaded
 * machine (a pattern that backtracks is slow on every request).
 */
async function quartile(server, path, headers = {}, n = 21) {
  await timedGet(server, path, headers);
  const times = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    const status = await timedGet(server, path, headers);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    assert.ok(status < 500, `${path.slice(0, 40)}… answered ${status}`);
  }
  return times.sort((a, b) => a - b)[n >> 2];
}

/** `unit` repeated to `bytes` bytes. */
const fill = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

// Headers crafted against patterns that backtrack (a tag, then spaces and
// no separator: quadratic for a regex that tries every split), many tags,
// long tags, refusals, spaces, separators only.
const HEADERS = [
  (n) => 'en' + fill(' ', n - 3) + 'x',
  (n) => 'fr, zh-TW;' + fill(' ', n - 11) + 'x',
  (n) => 'zh-Hant' + fill('\t', n - 8) + '!',
  (n) => fill('a,', n),
  (n) => fill(',', n),
  (n) => fill('en-', n),
  (n) => fill('zh-aaaaaaaa-', n),
  (n) => fill('zh-TW;q=0, ', n),
  (n) => fill('en ; q = 0.000 ,', n),
  (n) => fill(' ', n - 5) + 'zh-TW',
  (n) => fill('fr-FR;q=0.9,', n - 6) + ',zh-HK',
  (n) => fill('zh_hant_', n),
];
// Query strings crafted the same way, for the page and the oEmbed answer.
const QUERIES = [
  (n) => '/?' + fill('lang&', n),
  (n) => '/?' + fill('a=&', n),
  (n) => '/?' + fill('&', n),
  (n) => '/?filter=' + fill('kind%3Avisit%2C', n),
  (n) => '/?theme=' + fill('d', n),
  (n) => '/?' + fill('event=event=', n),
  (n) => '/oembed.json?url=' + fill('%3Fevent%3Daaaaaaaaaaaaaaaaaaaaaaaaaaaaa', n),
  (n) => '/oembed.json?url=http%3A%2F%2F127.0.0.1%2F%3Ffilter%3D' + fill('kind%253Avisit%252C', n),
  (n) => '/oembed.json?maxwidth=' + fill('0', n),
  (n) => '/?lang=' + fill('zh%2D', n),
  (n) => '/?event=' + fill('a%2D', n),
  (n) => '/?filter=' + fill('org%3Aa%2D', n),
];

test('crafted 4 and 8 KB Accept-Language headers and query strings are answered in under 5 ms', async (t) => {
  for (const server of [plain, addressed]) {
    const base = await quartile(server, '/', { 'accept-language': 'zh-TW' });
    const worst = { 4096: [0, ''], 8000: [0, ''] };
    const note = (bytes, ms, what) => {
      if (ms > worst[bytes][0]) worst[bytes] = [ms, what];
    };
    for (const bytes of [4096, 8000]) {
      for (const make of HEADERS) {
        const ms = await quartile(server, '/', { 'accept-language': make(bytes) });
        note(bytes, ms, `Accept-Language: ${make(bytes).slice(0, 16)}…`);
        assert.ok(ms < 5, `Accept-Language ${JSON.stringify(make(bytes).slice(0, 24))}… (${bytes} B): ${ms.toFixed(2)} ms`);
      }
      for (const make of QUERIES) {
        const path = make(bytes);
        const ms = await quartile(server, path);
        note(bytes, ms, `${path.slice(0, 24)}…`);
        assert.ok(ms < 5, `${path.slice(0, 40)}… (${bytes} B): ${ms.toFixed(2)} ms`);
      }
    }
    t.diagnostic(`${server === plain ? 'no PUBLIC_URL' : 'PUBLIC_URL'}: plain request ${base.toFixed(2)} ms; slowest crafted 4 KB ${worst[4096][0].toFixed(2)} ms (${worst[4096][1]}), 8 KB ${worst[8000][0].toFixed(2)} ms (${worst[8000][1]}) (lower quartiles of 21)`);
  }
});

test('Host: evil.example appears in no answer: pages, oEmbed, redirects, errors', async () => {
  const paths = [
    '/', '/?event=first-cohort-2024&lang=zh-Hant', '/index.html', '/index.zh-Hans.html', '/%2F', '/data', '/data/',
    '/no-such-file', '/embed.js', '/embed-demo.html', '/oembed.json', '/oembed.zh-Hant.json?format=json',
    '/oembed.json?url=' + encodeURIComponent('http://evil.example/?event=first-cohort-2024'),
    '/oembed.json?format=xml', '/nginx/timeline.conf',
  ];
  for (const server of [plain, addressed]) {
    const port = new URL(server.url).port;
    for (const host of ['evil.example', `evil.example:${port}`]) {
      for (const path of paths) {
        const res = await get(server, path, { host });
        const answer = JSON.stringify(res.headers) + res.body;
        assert.doesNotMatch(answer, /evil/i, `${host} ${path}`);
        if (server === addressed) assert.equal(res.status, 421, `PUBLIC_URL: ${host} ${path} is refused`);
      }
    }
    // A redirect to the folder is relative: it names no host.
    assert.equal((await get(server, '/data', { host: '127.0.0.1' })).headers.location, '/data/');
  }
});

test('every spelling of the folder says it varies by language and frame', async () => {
  for (const path of ['/', '//', '/%2F', '/./', '/index.html', '/index.zh-Hant.html', '/?lang=zh-Hant', '/?', '/%2F?lang=en']) {
    const res = await get(plain, path, { 'accept-language': 'zh-TW' });
    assert.equal(res.status, 200, path);
    const vary = (res.headers.vary ?? '').toLowerCase();
    assert.match(vary, /accept-language/, `${path}: Vary`);
    assert.match(vary, /sec-fetch-dest/, `${path}: Vary`);
  }
});

test('the first paint takes query keys and values exactly as the app reads them', async () => {
  const root = async (query, headers = {}) => (await get(plain, `/?${query}`, headers)).body.match(/<html[^>]*>/)[0];
  for (const [query, want] of [
    ['theme=dark', /data-theme="dark"/],
    ['theme=dark&theme=light', /data-theme="dark"/],
    ['theme=light&theme=dark', /data-theme="light"/],
    ['bg=transparent&embed=1', /class="embed transparent"/],
    ['embed=true', /class="embed"/],
  ]) {
    assert.match(await root(query), want, query);
  }
  // Keys and values in another case, a key without `=` first, or a longer
  // key: the app ignores them, and so does the first paint.
  for (const query of ['THEME=dark', 'theme=Dark', 'Theme=dark', 'theme&theme=dark', 'xtheme=dark', 'theme=dark+', 'EMBED=1', 'embed=TRUE', 'BG=transparent', 'bg=Transparent']) {
    const html = await root(query);
    assert.doesNotMatch(html, /data-theme|class=/, query);
  }
  assert.match(await root('LANG=zh-Hant', { 'accept-language': 'en' }), /lang="en"/);
});

test('percent-encoded values are read as the app reads them: ?lang=zh%2DHant paints zh-Hant, an encoded event id is that event', async () => {
  for (const lang of ['zh%2DHant', 'zh%2dHant', 'zh-Hant']) {
    const { body } = await get(plain, `/?lang=${lang}`, { 'accept-language': 'en' });
    assert.match(body.match(/<html[^>]*>/)[0], /lang="zh-Hant"/, lang);
  }
  // The discovery link names the options as the app reads them, written plainly.
  const { body } = await get(addressed, '/?event=agreement%2Dsigned%2D2024%2D07%2D21&lang=zh%2dHans', { 'accept-language': 'en' });
  const href = body.match(/<link[^>]*application\/json\+oembed[^>]*>/)[0].match(/href="([^"]*)"/)[1];
  assert.match(href, /%3Fevent%3Dagreement-signed-2024-07-21%26lang%3Dzh-Hans(?:&|$)/, href);
});

test('without PUBLIC_URL the discovery link stays relative and nothing answers oEmbed; with it, each page names its language’s static answer', async () => {
  const link = (html) => html.match(/<link[^>]*application\/json\+oembed[^>]*>/)[0];
  assert.match(link((await get(plain, '/')).body), /href="oembed\.json\?format=json"/);
  assert.equal((await get(plain, '/oembed.json?url=' + encodeURIComponent(plain.url))).status, 404);
  for (const [accept, file, query] of [['en', 'oembed.json', ''], ['zh-TW', 'oembed.zh-Hant.json', '%3Flang%3Dzh-Hant'], ['zh-CN', 'oembed.zh-Hans.json', '%3Flang%3Dzh-Hans']]) {
    const href = link((await get(addressed, '/', { 'accept-language': accept })).body).match(/href="([^"]*)"/)[1];
    const encoded = encodeURIComponent(addressed.url);
    assert.equal(href, `${addressed.url}${file}?format=json&amp;url=${encoded}${query}`, accept);
    const answer = await get(addressed, `/${file}`);
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).provider_url, addressed.url);
  }
});
