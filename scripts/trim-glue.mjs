// Trunk post-build step, release builds only (after src/bin/postbuild.rs,
// before scripts/precompress.mjs; see Trunk.toml): takes the comments and
// the indentation out of wasm-bindgen's JS glue, which Trunk 0.21 ships as
// written (its minifier fails on the glue's `export default`). 0.8 KiB less
// brotli (bench/DECISIONS.md, "The bytes").
//
// Conservative, for generated code: only whole-line `//` comments and
// `/** … */` blocks that start and end a line go; every other line keeps
// its text and its line break (no joined lines, so no change of meaning by
// automatic semicolons). The result must still parse (`node --check`), or
// the build fails. The glue's SRI `integrity` in each page is updated.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('set TRUNK_STAGING_DIR or pass the build folder');

/** The glue without comment lines, comment blocks and indentation. */
function trim(js) {
  // A template literal over several lines would have its text changed.
  if (js.split('\n').some((line) => (line.match(/`/g) ?? []).length % 2)) {
    throw new Error('the glue has a template literal over several lines: not trimmed');
  }
  const out = [];
  let inBlock = false;
  for (const line of js.split('\n')) {
    const t = line.trim();
    if (inBlock) {
      if (t.endsWith('*/')) inBlock = false;
      continue;
    }
    if (t.startsWith('/**') || t === '/*') {
      if (!t.endsWith('*/')) inBlock = true;
      continue;
    }
    if (t === '' || t.startsWith('//')) continue;
    out.push(t);
  }
  return `${out.join('\n')}\n`;
}

const integrity = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;

if ((process.env.TRUNK_PROFILE ?? 'release') === 'release') {
  const names = await readdir(dir);
  const glue = names.filter((n) => /^[\w-]+-[0-9a-f]{8,}\.js$/.test(n) && names.includes(n.replace(/\.js$/, '_bg.wasm')));
  if (glue.length !== 1) throw new Error(`expected one wasm-bindgen glue file, found ${glue.length}`);
  const path = join(dir, glue[0]);
  const before = await readFile(path);
  const after = Buffer.from(trim(before.toString('utf8')));
  const check = join(tmpdir(), `trim-glue-${process.pid}.mjs`);
  await writeFile(check, after);
  execFileSync(process.execPath, ['--check', check], { stdio: 'inherit' });
  await writeFile(path, after);
  const [old, now] = [integrity(before), integrity(after)];
  for (const page of names.filter((n) => /^index(\.[\w-]+)?\.html$/.test(n))) {
    const html = await readFile(join(dir, page), 'utf8');
    if (html.includes(old)) await writeFile(join(dir, page), html.split(old).join(now));
  }
}
