// End-to-end: English, Traditional and Simplified Chinese — content,
// interface, dates, <html lang>, the switcher and the browser's languages.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { open, axe, screenshot, useApp, DIST, sideOverflow, DESKTOP } from './harness.mjs';
import { writeSynthetic } from '../../bench/synth.mjs';

let server;
let browser;
let data;

useApp((c) => ({ app: server, browser, data } = c));
// 45 synthetic events (bench/synth.mjs): day- and month-precision dates over 30 years.
before(() => writeSynthetic(DIST, [45]));

const dateOf = (page, id) => page.locator(`.markers [data-event-id="${id}"] time`).textContent();

// The label over a quotation says where it is from, not that it was spoken in English.
const LABEL = { 'zh-Hant': '引自英文資料', 'zh-Hans': '引自英文资料' };

const EXPECTED = {
  en: { visit: 'March 2024', signing: '21 July 2024', cohort: '2024', next: 'Next', own: 'Agreement', other: null },
  'zh-Hant': { visit: '2024年3月', signing: '2024年7月21日', cohort: '2024年', next: '下一項', own: '協議', other: '协议' },
  'zh-Hans': { visit: '2024年3月', signing: '2024年7月21日', cohort: '2024年', next: '下一项', own: '协议', other: '協議' },
};

for (const [lang, want] of Object.entries(EXPECTED)) {
  test(`${lang}: content, interface and dates in that language, <html lang> set, no axe violation`, async () => {
    const page = await open(`?lang=${lang}&event=agreement-signed-2024-07-21`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.locator('h1').textContent(), data.title[lang]);
    const signing = data.events.find((e) => e.id === 'agreement-signed-2024-07-21');
    assert.equal(await page.evaluate(() => document.title), `${signing.title[lang] ?? signing.title.en} – ${data.title[lang]}`, 'the title names the selected event');
    assert.equal(await dateOf(page, 'ip-visit-pumch-2024-03'), want.visit);
    assert.equal(await dateOf(page, 'agreement-signed-2024-07-21'), want.signing);
    assert.equal(await dateOf(page, 'first-cohort-2024'), want.cohort);
    assert.ok(await page.getByRole('button', { name: want.next }).isVisible());
    const detail = await page.locator('.detail').textContent();
    assert.ok(detail.includes(want.own), `the card is in ${lang}`);
    if (want.other) assert.ok(!detail.includes(want.other), `no characters of the other script in ${lang}`);
    // A person with no sourced Chinese name keeps the English one, marked as English.
    const tong = page.locator('.detail .person', { hasText: 'Penger TONG' });
    assert.equal(await tong.getAttribute('lang'), 'en');
    // Quotations stay in the language they were given in.
    assert.deepEqual(await page.locator('.detail blockquote').evaluateAll((els) => els.map((e) => e.lang)), ['en', 'en']);
    // A reader of another language is told, in their language, which one.
    const labels = page.locator('.detail .quote-original');
    assert.deepEqual(await labels.evaluateAll((els) => els.map((e) => [e.lang, e.textContent])), lang === 'en' ? [] : [[lang, LABEL[lang]], [lang, LABEL[lang]]]);
    if (lang !== 'en') assert.ok(await labels.first().isVisible(), 'the label is visible');
    assert.deepEqual(await axe(page), []);
    if (lang !== 'en') {
      await screenshot(page, `desktop-${lang}`);
      await page.setViewportSize({ width: 360, height: 740 });
      await screenshot(page, `phone-${lang}`);
      assert.deepEqual(await axe(page), []);
      const overflow = await sideOverflow(page);
      assert.ok(overflow <= 0, `${overflow}px too wide`);
    }
    assert.deepEqual(page.pageErrors, []);
  });
}

test('the switcher changes the language, keeps the selected event, and puts the language in the URL', async () => {
  const page = await open('?event=pumch-delegation-hkust-2024-04');
  const pressed = () => page.locator('.language [aria-pressed="true"]').textContent();
  assert.equal(await pressed(), 'English');
  await page.getByRole('button', { name: '繁體中文' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh-Hant');
  assert.equal(new URL(page.url()).searchParams.get('event'), 'pumch-delegation-hkust-2024-04');
  assert.equal(await page.locator('[aria-current="true"]').getAttribute('data-event-id'), 'pumch-delegation-hkust-2024-04');
  assert.equal(await page.locator('.detail h2').textContent(), data.events[1].title['zh-Hant']);
  assert.equal(await pressed(), '繁體中文');
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  assert.equal(await page.locator('.detail h2').textContent(), data.events[1].title['zh-Hans']);
  await page.reload();
  await page.locator('#app .markers [data-event-id]').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans', 'the choice survives a reload');
  assert.deepEqual(page.pageErrors, []);
});

test('without ?lang= the browser’s languages decide; ?lang= wins', async () => {
  const cases = [
    ['zh-HK', '', 'zh-Hant'],
    ['zh-TW', '', 'zh-Hant'],
    ['zh-CN', '', 'zh-Hans'],
    ['zh-SG', '', 'zh-Hans'],
    ['fr-FR', '', 'en'],
    ['zh-TW', '?lang=en', 'en'],
    ['en-US', '?lang=zh-Hans', 'zh-Hans'],
    ['en-US', '?lang=klingon', 'en'],
  ];
  for (const [locale, path, want] of cases) {
    const page = await open(path, { ...DESKTOP, locale });
    assert.equal(await page.evaluate(() => document.documentElement.lang), want, `${locale} ${path}`);
  }
});

test('dates read exactly as the browser’s own Intl.DateTimeFormat writes them, in each language and precision', async () => {
  // The app writes dates itself (the first Intl.DateTimeFormat of a page
  // costs tens of milliseconds); the browser's Intl is the reference.
  const LOCALES = { en: 'en-GB', 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN' };
  const precisions = new Set();
  for (const [lang, locale] of Object.entries(LOCALES)) {
    for (const data of ['', '&data=bench/data-45.json']) {
      const page = await open(`?lang=${lang}${data}`);
      // Printing builds the list of every event, so every date is in the page.
      await page.emulateMedia({ media: 'print' });
      await page.locator('.print-list .event-card').first().waitFor({ state: 'attached' });
      const dates = await page.locator('time[datetime]').evaluateAll((els, locale) =>
        els.map((el) => {
          const [y, m, d] = el.getAttribute('datetime').split('-').map(Number);
          const options = { timeZone: 'UTC', year: 'numeric', ...(m && { month: 'long' }), ...(d && { day: 'numeric' }) };
          const intl = new Intl.DateTimeFormat([locale], options).format(Date.UTC(y, (m || 1) - 1, d || 1));
          return { datetime: el.getAttribute('datetime'), shown: el.textContent, intl };
        }), locale);
      assert.ok(dates.length >= (data ? 45 : 4), `${lang}${data}: ${dates.length} dates`);
      for (const { datetime, shown, intl } of dates) {
        assert.equal(shown, intl, `${lang}: ${datetime}`);
        precisions.add(datetime.split('-').length);
      }
    }
  }
  assert.deepEqual([...precisions].sort(), [1, 2, 3], 'years, months and days were all compared');
});
