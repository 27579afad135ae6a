// End-to-end: the horizontal axis at a glance. The default frame keeps the
// 2024 events apart; zoom, fit and pan by mouse, keyboard and touch; no
// text on the axis overlaps or is cut, at every width, in English and
// Traditional Chinese, and under the WCAG 1.4.12 text-spacing override;
// forced colours keep the drawing and the selection; the term band's
// contrast; windowing holds under zoom.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { open, axe, screenshot, useApp, DIST, DESKTOP } from './harness.mjs';
import { writeSynthetic } from '../../bench/synth.mjs';

const FOUR_2024 = ['ip-visit-pumch-2024-03', 'pumch-delegation-hkust-2024-04', 'agreement-signed-2024-07-21', 'first-cohort-2024'];

let server;
let browser;

useApp((c) => ({ app: server, browser } = c));
before(() => writeSynthetic(DIST, [10000]));

const zoomParam = (page) => new URL(page.url()).searchParams.get('zoom');
const scrollLeft = (page) => page.locator('.axis-frame').evaluate((f) => f.scrollLeft);
const trackWidth = (page) => page.locator('.axis').evaluate((a) => a.getBoundingClientRect().width);
const announced = (page) => page.locator('[aria-live="polite"]').textContent();

/** Centres of the dots, by event id (dots follow the markers' order). */
function dotCentres(page) {
  return page.evaluate(() => {
    const ids = [...document.querySelectorAll('.markers [data-event-id]')].map((b) => b.dataset.eventId);
    const dots = [...document.querySelectorAll('.axis-scale .dot')];
    return Object.fromEntries(ids.map((id, n) => {
      const r = dots[n].getBoundingClientRect();
      return [id, r.left + r.width / 2];
    }));
  });
}

/**
 * Every text on the axis, as the boxes of its lines (Range rects): pairs
 * of texts that overlap, texts cut by their own box, and texts outside the
 * track or the frame's height.
 */
function textProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const track = document.querySelector('.axis').getBoundingClientRect();
    const frame = document.querySelector('.axis-frame').getBoundingClientRect();
    const selector = '.tick-label, .today-label, .term-label, .markers time, .markers .badge, .markers .marker-title';
    const texts = [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length > 0);
    const boxes = [];
    for (const el of texts) {
      const name = `${el.className || el.tagName}:"${el.textContent.slice(0, 24)}"`;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) problems.push(`cut: ${name}`);
      if (getComputedStyle(el).textOverflow === 'ellipsis') problems.push(`ellipsis: ${name}`);
      const range = document.createRange();
      range.selectNodeContents(el);
      for (const r of range.getClientRects()) {
        if (r.width < 0.5) continue;
        if (r.left < track.left - 0.5 || r.right > track.right + 0.5) problems.push(`outside the track: ${name}`);
        if (r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5) problems.push(`outside the frame: ${name}`);
        boxes.push({ el, name, r });
      }
    }
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++) {
        const [p, q] = [boxes[a], boxes[b]];
        if (p.el === q.el || p.el.contains(q.el) || q.el.contains(p.el)) continue;
        const apart = p.r.right <= q.r.left + 0.5 || q.r.right <= p.r.left + 0.5 || p.r.bottom <= q.r.top + 0.5 || q.r.bottom <= p.r.top + 0.5;
        if (!apart) problems.push(`overlap: ${p.name} / ${q.name}`);
      }
    }
    return [...new Set(problems)];
  });
}

function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('the default frame keeps the four 2024 events at least 24 px apart, at 1280 and 800 px', async () => {
  for (const width of [1280, 800]) {
    const page = await open('?lang=en', { viewport: { width, height: 900 } });
    const centres = await dotCentres(page);
    const xs = FOUR_2024.map((id) => centres[id]).sort((a, b) => a - b);
    for (let n = 1; n < xs.length; n++) {
      assert.ok(xs[n] - xs[n - 1] >= 24, `${width}px: marks ${xs[n - 1]} and ${xs[n]} are ${xs[n] - xs[n - 1]} px apart`);
    }
    // All four are in the first view, and the rest of the axis is one
    // action away: Fit shows the term's end and today.
    const frame = await page.locator('.axis-frame').evaluate((f) => f.getBoundingClientRect().toJSON());
    assert.ok(xs[0] >= frame.left && xs.at(-1) <= frame.right, `${width}px: the four are in view`);
    await page.getByRole('button', { name: 'Fit all' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1');
    for (const sel of ['.today', '.term']) {
      const r = await page.locator(`.axis-scale ${sel}`).first().evaluate((e) => e.getBoundingClientRect().toJSON());
      assert.ok(r.right <= frame.right + 1 && r.left >= frame.left - 1, `${width}px: ${sel} in view after Fit`);
    }
    assert.equal(await announced(page), 'Whole time axis shown');
  }
});

test('no text on the axis overlaps another or is cut: 800–1280 px, English and Traditional Chinese, and with widened text spacing', async () => {
  for (const lang of ['en', 'zh-Hant']) {
    for (const width of [800, 900, 1024, 1280]) {
      const page = await open(`?lang=${lang}`, { viewport: { width, height: 900 } });
      // The default frame, then every zoom level, scrolled to each end.
      assert.deepEqual(await textProblems(page), [], `${lang} ${width}px, default frame`);
      await page.getByRole('button', { name: lang === 'en' ? 'Fit all' : '顯示全部' }).click();
      for (let level = 0; level < 7; level++) {
        for (const end of ['start', 'end']) {
          await page.locator('.axis-frame').evaluate((f, end) => { f.scrollLeft = end === 'start' ? 0 : f.scrollWidth; }, end);
          assert.deepEqual(await textProblems(page), [], `${lang} ${width}px, zoom step ${level}, ${end}`);
        }
        if (level < 6) await page.getByRole('button', { name: lang === 'en' ? 'Zoom in' : '放大' }).click();
      }
      assert.equal(await page.locator('.zoom-in').getAttribute('aria-disabled'), 'true', 'the closest zoom');
    }
  }
  // WCAG 1.4.12: line height 1.5, letters 0.12em, words 0.16em, paragraphs 2em.
  for (const lang of ['en', 'zh-Hant']) {
    const page = await open(`?lang=${lang}`, DESKTOP);
    await page.addStyleTag({
      content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    });
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.marker-title')).letterSpacing !== 'normal');
    assert.deepEqual(await textProblems(page), [], `${lang}: text-spacing override`);
    await page.getByRole('button', { name: lang === 'en' ? 'Fit all' : '顯示全部' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1');
    assert.deepEqual(await textProblems(page), [], `${lang}: text-spacing override, fit`);
    await screenshot(page, `axis-text-spacing-${lang}`);
  }
});

test('zoom with the buttons, +/- (focus kept), Ctrl + wheel; drag pans; the level is in the URL and announced', async () => {
  // (Reduced motion: the page scrolls at once, and so does the zoom.)
  const page = await open('?lang=en&zoom=1', { ...DESKTOP, reducedMotion: 'reduce' });
  assert.equal(await page.getByRole('button', { name: 'Fit all' }).getAttribute('aria-disabled'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Zoom out' }).getAttribute('aria-disabled'), 'true');
  const fit = await trackWidth(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1.5');
  assert.equal(await announced(page), 'Zoom 1.5×');
  assert.ok(Math.abs((await trackWidth(page)) - fit * 1.5) < 2);

  // Keyboard: + and - where the focus is, on a marker; the marker keeps it.
  const marker = page.locator('.markers [data-event-id="agreement-signed-2024-07-21"]');
  await marker.focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '2');
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'agreement-signed-2024-07-21');
  assert.equal(await announced(page), 'Zoom 2×');
  await page.keyboard.press('-');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1.5');
  await page.keyboard.press('=');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '2');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.eventId), 'agreement-signed-2024-07-21');
  // Ctrl + + stays the browser's.
  await page.keyboard.press('Control+=');
  assert.equal(zoomParam(page), '2');

  // Ctrl + wheel over the axis; a plain wheel does not zoom.
  // The visible part of the drawing: the frame's left and right, the
  // drawing's top and bottom.
  const scaleBox = () =>
    page.evaluate(() => {
      const f = document.querySelector('.axis-frame').getBoundingClientRect();
      const s = document.querySelector('.axis-scale').getBoundingClientRect();
      return { left: f.left, top: s.top, height: s.height };
    });
  let frame = await scaleBox();
  await page.mouse.move(frame.left + 300, frame.top + frame.height / 2);
  await page.mouse.wheel(0, 100);
  assert.equal(zoomParam(page), '2');
  // (That wheel may have scrolled the page.)
  frame = await scaleBox();
  await page.mouse.move(frame.left + 300, frame.top + frame.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '3');
  // Drag: the axis follows the mouse.
  frame = await scaleBox();
  const before = await scrollLeft(page);
  await page.mouse.move(frame.left + 700, frame.top + 20);
  await page.mouse.down();
  await page.mouse.move(frame.left + 400, frame.top + 20, { steps: 5 });
  await page.mouse.up();
  assert.ok(Math.abs((await scrollLeft(page)) - (before + 300)) <= 2, `dragged from ${before} to ${await scrollLeft(page)}`);
  // Panning is clamped to the track.
  await page.locator('.axis-frame').evaluate((f) => { f.scrollLeft = 500; });
  await page.mouse.move(frame.left + 100, frame.top + 20);
  await page.mouse.down();
  await page.mouse.move(frame.left + 1100, frame.top + 20, { steps: 5 });
  await page.mouse.up();
  assert.equal(await scrollLeft(page), 0);
  // A link keeps the level; the embed code carries it.
  const reopened = await open('?lang=en&zoom=3');
  assert.ok(Math.abs((await trackWidth(reopened)) - fit * 3) < 3);
  await reopened.getByRole('button', { name: 'Embed' }).click();
  assert.match(await reopened.locator('.embed-dialog textarea').inputValue(), /zoom=3/);
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(await axe(page), []);
});

test('the zoom keys are announced in every language', async () => {
  for (const [lang, zoomIn] of [['en', 'Zoom 1.5×'], ['zh-Hant', '縮放 1.5 倍'], ['zh-Hans', '缩放 1.5 倍']]) {
    const page = await open(`?lang=${lang}&zoom=1`);
    await page.locator('.markers [data-event-id]').first().focus();
    await page.keyboard.press('+');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('zoom') === '1.5');
    assert.equal(await announced(page), zoomIn);
    assert.equal(await page.locator('.zoom-in').getAttribute('aria-keyshortcuts'), '+');
  }
});

test('keyboard moves keep the focused marker in view when zoomed in; the zoomed axis scrolls with arrow keys', async () => {
  const page = await open('?lang=en&zoom=8');
  const inView = (id) =>
    page.evaluate((id) => {
      const f = document.querySelector('.axis-frame').getBoundingClientRect();
      const r = document.querySelector(`[data-event-id="${id}"]`).parentElement.getBoundingClientRect();
      return r.left >= f.left - 1 && r.right <= f.right + 1;
    }, id);
  await page.locator('.markers [data-event-id][tabindex="0"]').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.activeElement?.dataset?.eventId === 'hkust-medical-school-approved-2025-11-18');
  assert.ok(await inView('hkust-medical-school-approved-2025-11-18'));
  await page.keyboard.press('Home');
  assert.ok(await inView('ip-visit-pumch-2024-03'));
  // Next under the card (not the keyboard on the axis) also reveals.
  for (let n = 0; n < 4; n++) await page.getByRole('button', { name: /Next/ }).click();
  await page.waitForFunction(() => {
    const f = document.querySelector('.axis-frame').getBoundingClientRect();
    const r = document.querySelector('[aria-current="true"]').parentElement.getBoundingClientRect();
    return r.left >= f.left - 1 && r.right <= f.right + 1;
  });
  // The frame itself is a tab stop when zoomed; its arrow keys scroll.
  const frame = page.locator('.axis-frame');
  assert.equal(await frame.getAttribute('tabindex'), '0');
  await frame.evaluate((f) => { f.scrollLeft = 0; });
  await frame.focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.axis-frame').scrollLeft > 0);
  assert.deepEqual(await axe(page), []);
});

test('touch: a pinch zooms, a swipe pans (CDP touch events)', async () => {
  const page = await open('?lang=en&zoom=2', { viewport: { width: 1280, height: 900 }, hasTouch: true });
  const cdp = await page.context().newCDPSession(page);
  const box = await page.locator('.axis-scale').evaluate((e) => e.getBoundingClientRect().toJSON());
  const y = box.top + box.height / 2 + 30;
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  // Two fingers 100 px apart, moved to 300 px apart: zoom in.
  await touch('touchStart', [{ x: 600, y, id: 1 }, { x: 700, y, id: 2 }]);
  for (let d = 120; d <= 300; d += 30) await touch('touchMove', [{ x: 650 - d / 2, y, id: 1 }, { x: 650 + d / 2, y, id: 2 }]);
  await touch('touchEnd', []);
  await page.waitForFunction(() => Number(new URL(location.href).searchParams.get('zoom')) > 2);
  const zoomedIn = Number(zoomParam(page));
  // Fingers together: zoom out.
  await touch('touchStart', [{ x: 500, y, id: 1 }, { x: 800, y, id: 2 }]);
  for (let d = 270; d >= 120; d -= 30) await touch('touchMove', [{ x: 650 - d / 2, y, id: 1 }, { x: 650 + d / 2, y, id: 2 }]);
  await touch('touchEnd', []);
  await page.waitForFunction((z) => Number(new URL(location.href).searchParams.get('zoom')) < z, zoomedIn);
  // One finger, right to left: the axis pans.
  await page.locator('.axis-frame').evaluate((f) => { f.scrollLeft = 0; });
  await touch('touchStart', [{ x: 900, y, id: 3 }]);
  for (let x = 860; x >= 500; x -= 40) await touch('touchMove', [{ x, y, id: 3 }]);
  await touch('touchEnd', []);
  await page.waitForFunction(() => document.querySelector('.axis-frame').scrollLeft > 100);
  assert.deepEqual(page.pageErrors, []);
});

test('forced colours: the axis line, the term and the bars stay, the selection is more than bold', async () => {
  for (const theme of ['light', 'dark']) {
    const page = await open(`?lang=en&theme=${theme}&zoom=1`);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForFunction(() => matchMedia('(forced-colors: active)').matches);
    const look = await page.evaluate(() => {
      const css = (sel) => getComputedStyle(document.querySelector(sel));
      const canvas = getComputedStyle(document.documentElement).backgroundColor;
      const dots = [...document.querySelectorAll('.axis-scale .dot:not(.expected)')];
      const sel = dots.find((d) => d.classList.contains('selected'));
      const other = dots.find((d) => !d.classList.contains('selected'));
      const button = (q) => getComputedStyle(document.querySelector(q));
      return {
        canvas,
        line: css('.axis-line').backgroundColor,
        term: css('.term').backgroundColor,
        extent: css('.extent').backgroundColor,
        selectedDot: getComputedStyle(sel).backgroundColor,
        otherDot: getComputedStyle(other).backgroundColor,
        selectedRing: getComputedStyle(sel).outlineStyle,
        selectedBorder: button('.markers [aria-current="true"]').borderTopWidth,
        otherBorder: button('.markers [data-event-id]:not([aria-current])').borderTopWidth,
        pressedLanguage: button('.language [aria-pressed="true"]').borderTopWidth,
        otherLanguage: button('.language [aria-pressed="false"]').borderTopWidth,
      };
    });
    for (const part of ['line', 'term', 'extent']) {
      assert.notEqual(look[part], look.canvas, `${theme}: the ${part} is drawn`);
      assert.ok(contrast(look[part], look.canvas) >= 3, `${theme}: the ${part} stands out`);
    }
    assert.notEqual(look.selectedDot, look.otherDot, `${theme}: the selected dot has its own fill`);
    assert.notEqual(look.selectedRing, 'none', `${theme}: and a ring`);
    assert.ok(parseFloat(look.selectedBorder) > parseFloat(look.otherBorder), `${theme}: the selected marker has a border`);
    assert.ok(parseFloat(look.pressedLanguage) > parseFloat(look.otherLanguage), `${theme}: the pressed language has a border`);
    await screenshot(page, `axis-forced-colours-${theme}`);
    // (axe's colour-contrast rule does not model forced colours: it is run
    // in both schemes without them, in the tests above and below.)
  }
});

test('the term band has 3:1 against the page in both schemes, and only its end is striped', async () => {
  for (const theme of ['light', 'dark']) {
    const page = await open(`?lang=en&theme=${theme}`);
    const { band, bg, stripes } = await page.evaluate(() => ({
      band: getComputedStyle(document.querySelector('.term')).backgroundColor,
      bg: getComputedStyle(document.documentElement).backgroundColor,
      stripes: document.querySelector('.term .term-derived').getBoundingClientRect().width / document.querySelector('.term').getBoundingClientRect().width,
    }));
    assert.ok(contrast(band, bg) >= 3, `${theme}: ${band} on ${bg} is ${contrast(band, bg).toFixed(2)}:1`);
    assert.ok(stripes > 0 && stripes <= 0.4, `${theme}: the striped end is ${stripes} of the band`);
    assert.deepEqual(await axe(page), []);
  }
});

test('10,000 events: a zoom step lays out one page, not the data', async () => {
  const page = await open('?data=bench/data-10000.json&zoom=1');
  for (const [name, level] of [['Zoom in', '1.5'], ['Zoom in', '2'], ['Zoom out', '1.5']]) {
    await page.getByRole('button', { name }).click();
    // Each step is awaited by its URL: checking the markers alone could
    // read the page before the step (CI's two cores showed that race).
    await page.waitForFunction((l) => new URL(location.href).searchParams.get('zoom') === l, level);
    assert.equal(await page.locator('.markers [data-event-id]').count(), 10);
    assert.equal(await page.locator('.axis-scale .dot').count(), 10);
  }
  assert.equal(zoomParam(page), '1.5');
  assert.ok((await page.evaluate(() => document.getElementsByTagName('*').length)) < 1500);
  assert.deepEqual(page.pageErrors, []);
});

test('a zoom keeps the selected mark where it was on screen', async () => {
  const page = await open('?lang=en&zoom=1&event=agreement-signed-2024-07-21', { ...DESKTOP, reducedMotion: 'reduce' });
  const dotX = () => page.locator('.axis-scale .dot.selected').evaluate((d) => { const r = d.getBoundingClientRect(); return r.left + r.width / 2; });
  const at = await dotX();
  for (const [name, level] of [['Zoom in', '1.5'], ['Zoom in', '2'], ['Zoom in', '3'], ['Zoom out', '2']]) {
    await page.getByRole('button', { name }).click();
    await page.waitForFunction((l) => new URL(location.href).searchParams.get('zoom') === l, level);
    assert.ok(Math.abs((await dotX()) - at) <= 2, `${name} → ${level}: the mark moved from ${at} to ${await dotX()}`);
  }
});
