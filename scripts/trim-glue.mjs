// Trunk post-build step, release builds only (after src/bin/postbuild.rs,
// before scripts/precompress.mjs; see Trunk.toml): minifies wasm-bindgen's
// JS glue with terser, which Trunk 0.21 ships as written (its minifier
// fails on the glue's `export default`). bench/DECISIONS.md, "The bytes":
// taking out comments and indentation saved 0.8 KiB brotli; terser's
// compress and mangle (an ES module: top-level names too) 0.9 KiB more.
//
// Before that, the classes of exports the wasm no longer has go: the
// wasm-opt step (index.html) removes the `IntoUnderlying…` exports of
// wasm-streams, which Leptos's server functions bring and this app never
// calls; each class whose `__wbg_…_free` export is gone is taken out with
// its `Symbol.dispose` line and its finalization registry, and no other
// mention of it may remain (else the build fails).
//
// Property names are never renamed (terser's default), so the import
// object's `__wbg_…` keys and the wasm's exports still match, and the
// module's export names stay. The result must still parse (`node --check`),
// or the build fails. The glue's SRI `integrity` in each page is updated.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('set TRUNK_STAGING_DIR or pass the build folder');

/** wasm-bindgen's glue without the classes whose wasm exports are gone. */
function withoutDeadClasses(js, exports) {
  let out = js;
  for (const [, name] of js.matchAll(/^export class (\w+) \{$/gm)) {
    if (exports.has(`__wbg_${name.toLowerCase()}_free`)) continue;
    const cut = (re) => {
      const before = out;
      out = out.replace(re, '');
      if (out === before) throw new Error(`glue: no ${re} for the removed class ${name}`);
    };
    cut(new RegExp(`^export class ${name} \\{\n[^]*?^\\}\n`, 'm'));
    cut(new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype.*\n`, 'm'));
    cut(new RegExp(`^const ${name}Finalization = [^;]*;\n`, 'm'));
    if (new RegExp(`\\b${name}\\b`).test(out)) throw new Error(`glue: ${name} is still used`);
  }
  return out;
}

/** The glue, minified as an ES module, without comments. */
async function trim(js, exports) {
  const { code } = await minify(withoutDeadClasses(js, exports), { module: true, format: { comments: false } });
  return `${code}\n`;
}

const integrity = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;

if ((process.env.TRUNK_PROFILE ?? 'release') === 'release') {
  const names = await readdir(dir);
  const glue = names.filter((n) => /^[\w-]+-[0-9a-f]{8,}\.js$/.test(n) && names.includes(n.replace(/\.js$/, '_bg.wasm')));
  if (glue.length !== 1) throw new Error(`expected one wasm-bindgen glue file, found ${glue.length}`);
  const path = join(dir, glue[0]);
  const before = await readFile(path);
  const wasm = await WebAssembly.compile(await readFile(path.replace(/\.js$/, '_bg.wasm')));
  const exports = new Set(WebAssembly.Module.exports(wasm).map((e) => e.name));
  const after = Buffer.from(await trim(before.toString('utf8'), exports));
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
