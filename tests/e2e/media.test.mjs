// Photos and videos in events (README: "Adding a photo or a video"), on a
// copy of the release build whose data has them (tests/e2e/media-site.mjs:
// generated fixture images, the first paint written again by the build's
// step), served by nginx with deploy/nginx.conf: the image card in English
// and Traditional Chinese, with no layout shift; the first paint and the
// page without JavaScript; the video facade, which asks nothing of the
// video's host before the click; print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, closeAfterEach, axe, frames, screenshot, DESKTOP } from './harness.mjs';
import { mediaSite, PHOTO, YOUTUBE, VIMEO } from './media-site.mjs';

let site, app, browser;
before(async () => {
  site = await mediaSite();
  app = await serve(site.dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
  await site?.remove();
});
closeAfterEach();

const VIDEO_HOSTS = /^https:\/\/([a-z.]*\.)?(youtube\.com|youtube-nocookie\.com|youtu\.be|ytimg\.com|vimeo\.com|vimeocdn\.com)\//;

/** A page whose requests to the video hosts are recorded and answered here. */
async function videoPage(options = {}) {
  const page = await openPage(browser, { ...DESKTOP, ...options });
  page.videoRequests = [];
  await page.context().route(VIDEO_HOSTS, (route) => {
    page.videoRequests.push(route.request().url());
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>player</title><p>player' });
  });
  return page;
}

/** Waits until the app has taken over the first paint. */
async function appReady(page) {
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  await page.locator('#static').waitFor({ state: 'detached' });
}

for (const [lang, alt, captionLang] of [['en', PHOTO.alt.en, 'en'], ['zh-Hant', PHOTO.alt['zh-Hant'], 'en']]) {
  test(`an image card in ${lang}: alt text, sizes, loaded at once, caption and credit, no WCAG violation`, async () => {
    const page = await videoPage();
    await page.goto(`${app.url}?lang=${lang}`);
    await appReady(page);
    const img = page.locator('#app .detail figure.media img');
    await img.waitFor();
    await page.waitForFunction(() => document.querySelector('#app .detail figure.media img')?.complete);
    const got = await img.evaluate((el) => ({
      alt: el.alt, lang: el.lang, sizes: el.sizes, srcset: el.getAttribute('srcset'), loading: el.loading,
      decoding: el.decoding, width: el.getAttribute('width'), height: el.getAttribute('height'),
      natural: el.naturalWidth, ratio: el.getBoundingClientRect().width / el.getBoundingClientRect().height,
      current: el.currentSrc,
    }));
    assert.equal(got.alt, alt);
    assert.equal(got.lang, lang);
    assert.equal(got.sizes, '(min-width: 44.5rem) 40rem, calc(100vw - 4.5rem)');
    assert.equal(got.srcset, 'media/signing-600.png 600w, media/signing.png 1200w');
    assert.equal(got.loading, 'auto', 'the selected card\'s first image is not lazy');
    assert.equal(got.decoding, 'async');
    assert.deepEqual([got.width, got.height], ['1200', '800']);
    assert.ok(got.natural > 0, 'the image loaded');
    assert.ok(Math.abs(got.ratio - 1.5) < 0.01, `drawn at its own ratio: ${got.ratio}`);
    const caption = page.locator('#app .detail figcaption .caption');
    assert.equal(await caption.getAttribute('lang'), captionLang, 'a caption with no translation is English, marked');
    assert.equal(await caption.textContent(), PHOTO.caption.en);
    assert.equal(await page.locator('#app .detail figcaption .credit').textContent(), PHOTO.credit[lang]);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, `media-card-${lang}`);
  });
}

test('selecting a card with an image shifts nothing as the image arrives (layout-shift entries: none)', async () => {
  const page = await videoPage();
  // The image is held until the card is drawn, so that it arrives into a
  // laid-out card: without width and height, the card would grow then.
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route(/\/media\/signing(-600)?\.png$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${app.url}?event=${site.data.events[3].id}`, { waitUntil: "domcontentloaded" });
  await appReady(page);
  await page.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
      .observe({ type: 'layout-shift' });
  });
  await page.locator(`.markers [data-event-id="${site.data.events[0].id}"]`).click();
  const img = page.locator('#app .detail figure.media img');
  await img.waitFor();
  await frames(page, 3);
  await page.evaluate(() => (window.__shifts = []));
  const box = await img.boundingBox();
  release();
  await page.waitForFunction(() => document.querySelector('#app .detail figure.media img')?.naturalWidth > 0);
  await frames(page, 3);
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift once the image arrives');
  assert.deepEqual(await img.boundingBox(), box, 'the image had its box before it arrived');
  // And loading a page on the image's card: CLS 0.
  const again = await videoPage();
  await again.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await again.goto(app.url);
  await appReady(again);
  await again.waitForFunction(() => document.querySelector('#app .detail figure.media img')?.complete);
  await frames(again, 3);
  assert.equal(await again.evaluate(() => window.__cls), 0);
});

test('the first paint and the page without JavaScript show the image; the video is a link', async () => {
  for (const lang of ['en', 'zh-Hant']) {
    const page = await videoPage({ javaScriptEnabled: false });
    await page.goto(`${app.url}?lang=${lang}`);
    const img = page.locator('#static .card > .event-card:first-child figure.media img');
    await page.waitForFunction(() => document.querySelector('#static .event-card figure.media img')?.complete);
    assert.equal(await img.getAttribute('alt'), PHOTO.alt[lang]);
    assert.equal(await img.getAttribute('loading'), null, 'the shown card\'s image is not lazy');
    assert.ok(await img.evaluate((el) => el.naturalWidth > 0), 'loaded');
    // The other cards' images wait (lazy), and the video is a link.
    assert.equal(await page.locator(`#${site.data.events[2].id} figure img`).getAttribute('loading'), 'lazy');
    await page.locator(`.markers [data-event-id="${site.data.events[1].id}"]`).click();
    const card = page.locator(`#${site.data.events[1].id}`);
    assert.equal(await card.locator('.play').isVisible(), false, 'no dead button');
    const link = card.locator('a.video-link');
    assert.ok(await link.isVisible());
    assert.equal(await link.getAttribute('href'), YOUTUBE.video);
    assert.match(await link.textContent(), lang === 'en' ? /^Watch the video: A fixture video$/ : /^觀看影片：測試影片$/);
    assert.deepEqual(page.videoRequests, []);
    if (lang === 'en') await screenshot(page, 'media-no-js');
  }
});

test('the video facade asks nothing of the video host until Play; then the player, titled and focused (under the CSP)', async () => {
  for (const [i, video, player, title] of [
    [1, YOUTUBE, 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1', YOUTUBE.title['zh-Hans']],
    [2, VIMEO, 'https://player.vimeo.com/video/76979871?autoplay=1', VIMEO.title.en],
  ]) {
    const page = await videoPage({ enforceCsp: true });
    const violations = [];
    await page.exposeFunction('__violation', (v) => violations.push(v));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective} ${e.blockedURI}`)));
    await page.goto(`${app.url}?lang=zh-Hans&event=${site.data.events[i].id}`);
    await appReady(page);
    const button = page.getByRole('button', { name: `播放视频：${title}`, exact: true });
    await button.waitFor();
    if (video.poster) {
      await page.waitForFunction(() => document.querySelector('#app .detail .facade img')?.complete);
      assert.equal(await page.locator('#app .detail .facade img').getAttribute('alt'), video.poster.alt['zh-Hans']);
    } else {
      assert.equal(await page.locator('#app .detail .video-box').textContent(), title);
    }
    assert.equal(await page.locator('#app .detail a.video-link').isVisible(), false, 'the link is for pages without JavaScript');
    await frames(page, 3);
    assert.deepEqual(page.videoRequests, [], 'nothing asked of the video host before the click');
    assert.equal(await page.locator('iframe').count(), 0);
    await button.click();
    const frame = page.locator('#app .detail iframe.player');
    await frame.waitFor();
    assert.equal(await frame.getAttribute('src'), player);
    assert.equal(await frame.getAttribute('title'), title);
    await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME');
    await page.waitForFunction(() => document.querySelector('iframe.player')?.contentDocument === null);
    await frame.evaluate((f) => new Promise((ok) => (f.contentWindow ? ok() : f.addEventListener('load', ok))));
    assert.ok(page.videoRequests.some((u) => u.startsWith(player.split('?')[0])), page.videoRequests.join(' '));
    assert.deepEqual(violations, [], 'the CSP lets the player in');
  }
});

test('print shows the image and a link to the video, no button', async () => {
  const page = await videoPage();
  await page.goto(app.url);
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  const card = page.locator(`.print-list .event-card:has(a.video-link[href="${YOUTUBE.video}"])`);
  await card.waitFor({ state: 'attached' });
  assert.ok(await card.locator('a.video-link').isVisible());
  assert.equal(await card.locator('.play').isVisible(), false);
  assert.ok(await page.locator('.print-list figure.media img').first().isVisible());
  assert.deepEqual(page.videoRequests, []);
});

test('the app refuses bad media with each error at its place', async () => {
  const bad = structuredClone(site.data);
  bad.events[0].media = [{ ...PHOTO, src: 'http://images.example.org/a.jpg' }];
  bad.events[1].media = [{ ...YOUTUBE, video: 'https://www.dailymotion.com/video/x7tgad0' }];
  const { alt, ...noAlt } = PHOTO;
  bad.events[2].media = [{ ...noAlt, width: 0 }];
  await writeFile(join(site.dir, 'bad-media.json'), JSON.stringify(bad));
  const page = await videoPage();
  await page.goto(`${app.url}?data=bad-media.json`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  for (const words of [
    /events\[0\]\.media\[0\]\.src: in the 1st event, "http:\/\/images\.example\.org\/a\.jpg" is not secure/,
    /events\[1\]\.media\[0\]\.video: in the 2nd event, "https:\/\/www\.dailymotion\.com\/video\/x7tgad0" is not a YouTube or Vimeo video/,
    /events\[2\]\.media\[0\]\.width: in the 3rd event, 0 pixels is not a real image size/,
    /events\[2\]\.media\[0\]: in the 3rd event, an image has no "alt"/,
  ]) {
    assert.match(text, words);
  }
});

test('the CSP names exactly the two players in frame-src, and the data\'s media_hosts in img-src, in the page and the header', async () => {
  const res = await fetch(app.url);
  const frameSrc = (policy) => policy.split(';').map((d) => d.trim()).filter((d) => d.startsWith('frame-src'));
  const players = ['frame-src https://www.youtube-nocookie.com https://player.vimeo.com'];
  assert.deepEqual(frameSrc(res.headers.get('content-security-policy')), players, 'nginx header');
  // The release HTML is minified: attributes in any order.
  const tag = /<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/.exec(await res.text())?.[0] ?? '';
  const meta = /content="([^"]+)"/.exec(tag)?.[1] ?? '';
  assert.deepEqual(frameSrc(meta), players, 'the page\'s meta');
  assert.match(meta, /img-src 'self' data: https:\/\/images\.example\.org;/);
  assert.match(res.headers.get('content-security-policy'), /img-src 'self' data: https:\/\/images\.example\.org;/, 'the header, from the same definition');
});
