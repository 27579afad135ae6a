// Trunk post-build step, release builds only (after src/bin/postbuild.rs,
// before scripts/precompress.mjs; see Trunk.toml): makes wasm-bindgen's
// output smaller where Trunk 0.21 leaves it as written. bench/DECISIONS.md,
// "The bytes", has each figure.
//
// 1. The wasm's imports get short names (`a`, `b`, …, from the module `w`)
//    in the wasm and in the glue's import object alike: wasm-bindgen names
//    each `__wbg_<name>_<16 hex digits>`, written once in each file, and the
//    hex digits do not compress. Each old name must appear in the glue
//    exactly once, as a key of the import object, or the build fails.
//    The wasm's custom sections go too (`target_features` and Leptos's
//    `__wasm_split_unstable`: notes for tools, which browsers ignore).
// 2. The classes of exports the wasm no longer has go: the wasm-opt step
//    (index.html) removes the `IntoUnderlying…` exports of wasm-streams,
//    which Leptos's server functions bring and this app never calls; each
//    class whose `__wbg_…_free` export is gone is taken out with its
//    `Symbol.dispose` line and its finalization registry, and no other
//    mention of it may remain (else the build fails).
// 3. terser minifies the glue (Trunk's minifier fails on its `export
//    default`) as an ES module. Property names are never renamed (terser's
//    default), so the import object's keys and the wasm's exports still
//    match, and the module's export names stay.
//
// The glue must still parse (`node --check`) and the wasm still compile,
// or the build fails. Both files' SRI `integrity` in each page is updated.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('set TRUNK_STAGING_DIR or pass the build folder');

/** An unsigned LEB128 number at `pos`: [value, position after it]. */
function readLeb(buf, pos) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

function leb(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const name = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);

/** `a`, `b`, …, `Z`, `ba`, …: the nth short name. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[n % letters.length] + s;
    n = Math.floor(n / letters.length);
  } while (n);
  return s;
}

/**
 * The wasm with its imports renamed (module `w`, names `a`, `b`, …) and
 * without custom sections, and the glue with its import object's keys
 * renamed to match.
 */
function shortImports(wasm, js) {
  const sections = [wasm.subarray(0, 8)];
  const modules = new Set();
  let glue = js;
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = readLeb(wasm, pos + 1);
    const end = start + size;
    if (id !== 2) {
      if (id !== 0) sections.push(wasm.subarray(pos, end));
      pos = end;
      continue;
    }
    // The import section: a count, then (module, name, description).
    let [count, p] = readLeb(wasm, start);
    const body = [leb(count)];
    for (let i = 0; i < count; i++) {
      const [moduleLength, m] = readLeb(wasm, p);
      modules.add(wasm.subarray(m, m + moduleLength).toString());
      const [nameLength, n] = readLeb(wasm, m + moduleLength);
      const old = wasm.subarray(n, n + nameLength).toString();
      p = n + nameLength;
      const description = p;
      if (wasm[p++] !== 0) throw new Error(`wasm: the import ${old} is not a function`);
      [, p] = readLeb(wasm, p);
      const short = shortName(i);
      const key = new RegExp(`^(\\s+)${old.replace(/\$/g, '\\$')}: `, 'm');
      if (glue.split(old).length !== 2 || !key.test(glue)) {
        throw new Error(`glue: the import ${old} is not one key of the import object`);
      }
      glue = glue.replace(key, `$1${short}: `);
      body.push(name('w'), name(short), wasm.subarray(description, p));
    }
    const section = Buffer.concat(body);
    sections.push(Buffer.from([2]), leb(section.length), section);
    pos = end;
  }
  if (modules.size !== 1) throw new Error(`wasm: imports from ${modules.size} modules`);
  const [module] = modules;
  const moduleKey = `${JSON.stringify(module)}: `;
  if (glue.split(moduleKey).length !== 2) throw new Error(`glue: ${module} is not one key`);
  return { wasm: Buffer.concat(sections), js: glue.replace(moduleKey, 'w: ') };
}

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

const integrity = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;

if ((process.env.TRUNK_PROFILE ?? 'release') === 'release') {
  const names = await readdir(dir);
  const glue = names.filter((n) => /^[\w-]+-[0-9a-f]{8,}\.js$/.test(n) && names.includes(n.replace(/\.js$/, '_bg.wasm')));
  if (glue.length !== 1) throw new Error(`expected one wasm-bindgen glue file, found ${glue.length}`);
  const jsPath = join(dir, glue[0]);
  const wasmPath = jsPath.replace(/\.js$/, '_bg.wasm');
  const [jsBefore, wasmBefore] = [await readFile(jsPath), await readFile(wasmPath)];

  const short = shortImports(wasmBefore, jsBefore.toString('utf8'));
  const module = await WebAssembly.compile(short.wasm);
  const exports = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  const { code } = await minify(withoutDeadClasses(short.js, exports), { module: true, format: { comments: false } });
  const jsAfter = Buffer.from(`${code}\n`);

  const check = join(tmpdir(), `trim-glue-${process.pid}.mjs`);
  await writeFile(check, jsAfter);
  execFileSync(process.execPath, ['--check', check], { stdio: 'inherit' });
  await writeFile(jsPath, jsAfter);
  await writeFile(wasmPath, short.wasm);
  const renamed = [
    [integrity(jsBefore), integrity(jsAfter)],
    [integrity(wasmBefore), integrity(short.wasm)],
  ];
  for (const page of names.filter((n) => /^index(\.[\w-]+)?\.html$/.test(n))) {
    let html = await readFile(join(dir, page), 'utf8');
    for (const [old, now] of renamed) html = html.split(old).join(now);
    await writeFile(join(dir, page), html);
  }
}
