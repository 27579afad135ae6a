// Writes synthetic timelines of N events (valid schema v1, dates in order)
// for the benchmark: dist/bench/data-<N>.json, loaded with ?data=.
import { mkdir, writeFile } from 'node:fs/promises';

export async function writeSynthetic(dist, sizes) {
  await mkdir(`${dist}/bench`, { recursive: true });
  for (const n of sizes) {
    const start = Date.UTC(2000, 0, 1);
    const span = Date.UTC(2030, 0, 1) - start;
    const kinds = ['visit', 'delegation', 'agreement', 'exchange', 'context'];
    const events = Array.from({ length: n }, (_, i) => {
      const day = new Date(start + Math.floor((span * i) / n)).toISOString().slice(0, 10);
      const date = i % 7 === 0 ? day.slice(0, 7) : day; // some month-precision dates
      return {
        id: `event-${i}`,
        kind: kinds[i % kinds.length],
        date,
        status: i % 11 === 0 ? 'expected' : 'took_place',
        organisations: [i % 2 ? 'org-a' : 'org-b'],
        title: { en: `Synthetic event ${i}`, 'zh-Hant': `合成事件 ${i}`, 'zh-Hans': `合成事件 ${i}` },
        summary: { en: `Summary of synthetic event number ${i}, for measuring the timeline at scale.` },
        sources: ['s'],
      };
    });
    const doc = {
      schema_version: 1,
      title: { en: `Synthetic timeline of ${n} events` },
      organisations: [
        { id: 'org-a', name: { en: 'Organisation A' } },
        { id: 'org-b', name: { en: 'Organisation B' } },
      ],
      people: [],
      sources: [{ id: 's', title: 'Synthetic source', lang: 'en', publisher: 'Benchmark', url: 'https://example.org/' }],
      events,
    };
    await writeFile(`${dist}/bench/data-${n}.json`, JSON.stringify(doc));
  }
}
