// Small helpers shared by the benchmark scripts.

/** Bytes as KiB with one decimal. */
export const kb = (n) => (n / 1024).toFixed(1);

/** Median, min and max of the numbers in `xs` (NaN, a missing reading, left out). */
export function stats(xs) {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s.at(-1) };
}

/** Milliseconds, rounded; "—" when there was no reading (a mark the page no longer has). */
export const ms = (x) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(0));
