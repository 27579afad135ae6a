// Writes synthetic timelines of N events (valid schema v1, dates in order)
// for the benchmark: dist/bench/data-<N>.json, loaded with ?data=.
import { mkdir, writeFile } from 'node:fs/promises';

/**
 * A synthetic timeline of `n` events. With `trilingual`, every text is in
 * the three languages and each summary has about `summaryChars` characters
 * in each (Chinese ones too: the worst case in bytes), with a place and a
 * participant: the scale the README promises, at its largest.
 */
export function syntheticDoc(n, { trilingual = false, summaryChars = 300 } = {}) {
  const start = Date.UTC(2000, 0, 1);
  const span = Date.UTC(2030, 0, 1) - start;
  const kinds = ['visit', 'delegation', 'agreement', 'exchange', 'context'];
  const fill = (unit, chars) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
  const en = 'The two parties met to explore collaboration in medical education, research and clinical practice. ';
  const hant = '雙方會面，探討在醫學教育、科研及臨床實踐方面的合作。';
  const hans = '双方会面，探讨在医学教育、科研及临床实践方面的合作。';
  const events = Array.from({ length: n }, (_, i) => {
    const day = new Date(start + Math.floor((span * i) / n)).toISOString().slice(0, 10);
    const date = i % 7 === 0 ? day.slice(0, 7) : day; // some month-precision dates
    const event = {
      id: `event-${i}`,
      kind: kinds[i % kinds.length],
      date,
      status: i % 11 === 0 ? 'expected' : 'took_place',
      organisations: [i % 2 ? 'org-a' : 'org-b'],
      title: { en: `Synthetic event ${i}`, 'zh-Hant': `合成事件 ${i}`, 'zh-Hans': `合成事件 ${i}` },
      summary: { en: `Summary of synthetic event number ${i}, for measuring the timeline at scale.` },
      sources: ['s'],
    };
    if (trilingual) {
      const head = `Event ${i}. `;
      event.place = { en: 'Hong Kong', 'zh-Hant': '香港', 'zh-Hans': '香港' };
      event.summary = {
        en: head + fill(en, summaryChars - head.length),
        'zh-Hant': `事件${i}。` + fill(hant, summaryChars - 3 - String(i).length),
        'zh-Hans': `事件${i}。` + fill(hans, summaryChars - 3 - String(i).length),
      };
      event.participants = [
        { person: 'p', role: { en: 'President; led the delegation', 'zh-Hant': '校長；率領代表團', 'zh-Hans': '校长；率领代表团' } },
      ];
    }
    return event;
  });
  return {
    schema_version: 1,
    title: { en: `Synthetic timeline of ${n} events` },
    organisations: [
      { id: 'org-a', name: { en: 'Organisation A' } },
      { id: 'org-b', name: { en: 'Organisation B' } },
    ],
    people: trilingual ? [{ id: 'p', name: { en: 'Prof. Synthetic PERSON' }, organisation: 'org-a' }] : [],
    sources: [{ id: 's', title: 'Synthetic source', lang: 'en', publisher: 'Benchmark', url: 'https://example.org/' }],
    events,
  };
}

export async function writeSynthetic(dist, sizes) {
  await mkdir(`${dist}/bench`, { recursive: true });
  for (const n of sizes) {
    await writeFile(`${dist}/bench/data-${n}.json`, JSON.stringify(syntheticDoc(n)));
  }
}
