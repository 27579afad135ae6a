// A variant of the release build for measuring one style option: copies
// dist/ to DIR, appends CSS to each page's first <style>, and lets the
// pages' and nginx's Content Security Policy allow inline style (the
// build allows its own <style> by hash, which the edit changes). Then
// `EXTRA=name=DIR node bench/trace.mjs` (or bench/compare.mjs) measures it
// beside the build in the same run. For measuring only: never deploy one.
//
//   node bench/variant.mjs DIR 'CSS'
//   e.g. node bench/variant.mjs /tmp/v-notext '*{color:transparent!important}'
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [dir, css] = process.argv.slice(2);
if (!dir || css === undefined) {
  console.error("usage: node bench/variant.mjs DIR 'CSS'");
  process.exit(2);
}
const dist = resolve(fileURLToPath(import.meta.url), '../../dist');
await rm(dir, { recursive: true, force: true });
await cp(dist, dir, { recursive: true });
// The hashes of the build's own <style> elements, in the page's meta
// (quoted 'sha256-…') and in nginx's map (quoted \'sha256-…\'): `q` is
// the quote as written there.
const relax = (text, q) => {
  const quote = q.replace(/\\/g, '\\\\');
  return text.replace(
    new RegExp(`(style-src ${quote}self${quote})( ${quote}sha256-[^']+${quote})+`, 'g'),
    (_, head) => `${head} ${q}unsafe-inline${q}`,
  );
};
for (const name of await readdir(dir)) {
  if (!/^index.*\.html$/.test(name)) continue;
  const path = join(dir, name);
  const page = relax(await readFile(path, 'utf8'), "'");
  const at = page.indexOf('</style>');
  if (at < 0) throw new Error(`${name}: no <style>`);
  await writeFile(path, page.slice(0, at) + css + page.slice(at));
  // The compressed copies are of the page as built.
  await rm(`${path}.br`, { force: true });
  await rm(`${path}.gz`, { force: true });
}
const maps = join(dir, 'nginx/timeline.conf');
await writeFile(maps, relax(await readFile(maps, 'utf8'), "\\'"));
console.log(dir);
