// Lighthouse on the release build, served by nginx (deploy/nginx.conf) on
// 127.0.0.1 as in bench.mjs, in Debian's Chromium (never a downloaded
// browser), with Lighthouse's default mobile ("phone") profile: an emulated
// Moto G Power, simulated slow 4G and a 4× CPU slowdown. Runs LH_RUNS times
// (default 3), each in a fresh browser with a fresh profile, and reports the
// median score of performance, accessibility, best practices and SEO, the
// key metrics, and every audit that failed in any run of a category under
// 100. Prints the section and writes bench/LIGHTHOUSE.md, which bench.mjs
// puts into RESULTS.md. Full reports (JSON and HTML) go to dist/bench/lighthouse/.
// Not a test: it asserts nothing.
//
// Needs bench/node_modules (bench/run.sh installs it: npm ci --prefix bench).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { register } from 'node:module';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { serve, DIST } from '../tests/e2e/harness.mjs';

// Before Lighthouse loads: a one-line fix of its trace engine for this
// Chromium's trace format (see lighthouse-hooks.mjs).
register('./lighthouse-hooks.mjs', import.meta.url);
const { default: lighthouse } = await import('lighthouse');

const RUNS = Number(process.env.LH_RUNS ?? 3);
const LOAD = loadavg().map((x) => x.toFixed(1)).join(', ');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CATEGORIES = [
  { id: 'performance', target: 95 },
  { id: 'accessibility', target: 100 },
  { id: 'best-practices', target: 100 },
  { id: 'seo', target: 95 },
];
const METRICS = [
  { id: 'first-contentful-paint', label: 'First Contentful Paint', unit: 'ms' },
  { id: 'largest-contentful-paint', label: 'Largest Contentful Paint', unit: 'ms' },
  { id: 'total-blocking-time', label: 'Total Blocking Time', unit: 'ms' },
  { id: 'cumulative-layout-shift', label: 'Cumulative Layout Shift', unit: '' },
  { id: 'speed-index', label: 'Speed Index', unit: 'ms' },
];
// Audits that count as failed when their score is under 1 (the others are
// informative, manual or not applicable).
const SCORED = new Set(['binary', 'numeric', 'metricSavings']);
const REPORTS = join(DIST, 'bench', 'lighthouse');
const { version: LH_VERSION } = JSON.parse(await readFile(new URL('node_modules/lighthouse/package.json', import.meta.url), 'utf8'));

async function run(url) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'timeline-lighthouse-'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, userDataDir, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: CATEGORIES.map((c) => c.id),
    });
    if (!result) throw new Error('Lighthouse returned no result');
    return result;
  } finally {
    chrome.kill();
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}

const app = await serve();
await mkdir(REPORTS, { recursive: true });
const lhrs = [];
try {
  for (let i = 1; i <= RUNS; i++) {
    const { lhr, report } = await run(app.url);
    await writeFile(join(REPORTS, `run-${i}.report.json`), report[0]);
    await writeFile(join(REPORTS, `run-${i}.report.html`), report[1]);
    if (lhr.runtimeError) console.error(`run ${i}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    for (const w of lhr.runWarnings ?? []) console.error(`run ${i}: warning: ${w}`);
    console.error(`run ${i}: ${CATEGORIES.map((c) => `${c.id} ${score(lhr.categories[c.id]?.score)}`).join(', ')}`);
    lhrs.push(lhr);
  }
} finally {
  await app.close();
}

function score(s) {
  return s === null || s === undefined ? NaN : Math.round(s * 100);
}
const stats = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1) } : { median: NaN, min: NaN, max: NaN };
};
const spread = ({ min, max }, fmt = String) => (min === max ? fmt(min) : `${fmt(min)}–${fmt(max)}`);
const ms = (x) => (Number.isNaN(x) ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const cls = (x) => (Number.isNaN(x) ? '–' : x.toFixed(3));
const cell = (s) => String(s).replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'").slice(0, 160);

/** Where an audit failed: the first few elements, URLs or messages in its details. */
function where(audit) {
  if (audit.details?.type === 'list') return table(audit.details).slice(0, 3).join('<br>');
  const items = audit.details?.items ?? [];
  const places = items.slice(0, 3).map((item) => {
    const node = item.node ?? item.element ?? item.subItems?.items?.[0]?.node;
    if (node?.type === 'node') return `\`${cell(node.selector ?? node.snippet)}\` ${cell(node.snippet ?? '')}`.trim();
    if (item.source?.type === 'source-location') return cell(`${item.source.url.replace(app.url, '/')}:${item.source.line + 1}`);
    return row(item, audit.details.headings) || cell(item.description ?? item.message ?? '');
  }).filter(Boolean);
  if (items.length > 3) places.push(`… ${items.length} in all`);
  return places.join('<br>') || cell(audit.explanation ?? '');
}

const scores = CATEGORIES.map((c) => ({ ...c, ...stats(lhrs.map((l) => score(l.categories[c.id]?.score))) }));
const metrics = METRICS.map((m) => ({
  ...m,
  ...stats(lhrs.map((l) => l.audits[m.id]?.numericValue ?? NaN)),
  score: stats(lhrs.map((l) => score(l.audits[m.id]?.score))).median,
  weight: lhrs[0]?.categories.performance?.auditRefs.find((r) => r.id === m.id)?.weight ?? '',
}));

const failing = [];
for (const c of scores) {
  if (c.min >= 100) continue;
  const byId = new Map();
  for (const lhr of lhrs) {
    for (const ref of lhr.categories[c.id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      // Metrics have their own table; hidden audits are not in Lighthouse's report either.
      if (ref.group === 'metrics' || ref.group === 'hidden' || !audit || !SCORED.has(audit.scoreDisplayMode) || audit.score === null || audit.score >= 1) continue;
      const seen = byId.get(ref.id) ?? { category: c.id, id: ref.id, title: audit.title, weight: ref.weight, scores: [], where: where(audit), display: audit.displayValue ?? '' };
      seen.scores.push(audit.score);
      byId.set(ref.id, seen);
    }
  }
  failing.push(...[...byId.values()].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id)));
}

const chromium = execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
const categoryTable = [
  '| category | target | median | min–max | |',
  '|---|---:|---:|---:|---|',
  ...scores.map((c) => `| ${c.id} | ${c.target === 100 ? '100' : `${c.target}+`} | **${c.median}** | ${spread(c)} | ${c.median >= c.target ? 'meets target' : '**below target**'} |`),
].join('\n');
const metricTable = [
  '| metric | median | min–max | median score | weight in performance |',
  '|---|---:|---:|---:|---:|',
  ...metrics.map((m) => {
    const fmt = m.unit === 'ms' ? ms : cls;
    return `| ${m.label} | ${fmt(m.median)} | ${spread(m, fmt)} | ${m.score} | ${m.weight} |`;
  }),
].join('\n');
const failingTable = failing.length
  ? [
      '| category | audit | title | score | weight | failed in | where / detail |',
      '|---|---|---|---:|---:|---:|---|',
      ...failing.map((f) => `| ${f.category} | \`${f.id}\` | ${cell(f.title)} | ${stats(f.scores.map((s) => s * 100)).median.toFixed(0)} | ${f.weight} | ${f.scores.length}/${lhrs.length} | ${[f.display && cell(f.display), f.where].filter(Boolean).join('<br>')} |`),
    ].join('\n')
  : 'None: every category scored 100 in every run.';
const errors = lhrs.flatMap((l, i) => [
  ...(l.runtimeError ? [`run ${i + 1}: ${l.runtimeError.code}: ${l.runtimeError.message}`] : []),
  ...(l.runWarnings ?? []).map((w) => `run ${i + 1}: ${w}`),
]);
const errored = new Map();
for (const lhr of lhrs) {
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c.id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (audit?.scoreDisplayMode !== 'error') continue;
      const e = errored.get(ref.id) ?? { runs: 0, message: audit.errorMessage ?? '' };
      e.runs++;
      errored.set(ref.id, e);
    }
  }
}
for (const [id, e] of errored) errors.push(`audit \`${id}\` could not run (${e.runs}/${lhrs.length} runs): ${e.message}`);

// What the performance score is made of, from the run with the median score.
const DIAGNOSTICS = ['largest-contentful-paint-element', 'render-blocking-resources', 'bootup-time', 'mainthread-work-breakdown', 'long-tasks', 'total-byte-weight'];
const medianRun = lhrs.find((l) => score(l.categories.performance?.score) === scores[0].median) ?? lhrs[0];
function value(v, type) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return v.type === 'node' ? `\`${cell(v.selector ?? v.snippet)}\`` : cell(String(v.text ?? v.url ?? v.value ?? '').replace(app.url, '/'));
  if (type === 'url') return cell(String(v).replace(app.url, '/'));
  if (type === 'ms' || type === 'timespanMs') return ms(v);
  if (type === 'bytes') return `${(v / 1024).toFixed(1)} KiB`;
  return cell(v);
}
function table(details) {
  if (!details) return [];
  if (details.type === 'list') return details.items.flatMap(table);
  return (details.items ?? []).slice(0, 4).map((item) => row(item, details.headings));
}
/** One item of an audit's table: the first column names it; the others get their labels. */
function row(item, headings = []) {
  return headings
    .map((h, i) => [i === 0 ? '' : cell(h.label ?? ''), value(item[h.key], h.valueType)])
    .filter(([, v]) => v)
    .map(([label, v]) => (label ? `${label} ${v}` : v))
    .join(' · ');
}
const diagnostics = DIAGNOSTICS.map((id) => medianRun?.audits[id]).filter((a) => a && a.scoreDisplayMode !== 'error' && a.scoreDisplayMode !== 'notApplicable');
const diagnosticsTable = [
  '| diagnostic | value | top items |',
  '|---|---|---|',
  ...diagnostics.map((a) => `| ${cell(a.title)} | ${cell(a.displayValue ?? '')} | ${table(a.details).join('<br>')} |`),
].join('\n');

const section = `## Lighthouse, phone profile

Measured ${new Date().toISOString().slice(0, 10)} by \`bench/lighthouse.mjs\` with Lighthouse ${LH_VERSION},
default mobile profile (emulated Moto G Power, simulated slow 4G, 4× CPU
slowdown), in headless ${chromium},
against the release build served by nginx with \`deploy/nginx.conf\` on
127.0.0.1: ${lhrs.length} run${lhrs.length === 1 ? '' : 's'}, each in a fresh browser profile; median and spread.
Full reports: \`dist/bench/lighthouse/\`.

Lighthouse's benchmark index of this machine: ${spread(stats(lhrs.map((l) => Math.round(l.environment?.benchmarkIndex ?? NaN))))}; load average at
the start: ${LOAD}. Other work on the machine inflates Total Blocking Time.
Lighthouse's trace engine gets a one-line fix for this Chromium's trace
format at load time (\`bench/lighthouse-hooks.mjs\`); it changes no score.

${categoryTable}

${metricTable}

Targets (issue "Lighthouse"): performance 95+, accessibility 100, best
practices 100, SEO 95+.

Performance diagnostics (run with the median performance score):

${diagnosticsTable}

### Failing audits (categories under 100 in any run)

The performance score is made of the metrics above only; the audits listed
for it weigh 0 but point at the causes.

${failingTable}
${errors.length ? `\nWarnings and errors:\n\n${errors.map((e) => `- ${cell(e)}`).join('\n')}\n` : ''}`;

console.log(section);
await writeFile(new URL('LIGHTHOUSE.md', import.meta.url), section);
if (!lhrs.some((l) => !l.runtimeError)) process.exit(1);
