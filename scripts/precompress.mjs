// Trunk post-build step, release builds only (after src/bin/postbuild.rs;
// see Trunk.toml): writes `name.br` (brotli, quality 11) and `name.gz`
// (gzip -9) beside each content-hashed file of the staged build, for a
// server to send as they are (deploy/nginx.conf: brotli_static,
// gzip_static). Brotli takes about a fifth off the WebAssembly against gzip.
//
// Only hashed names (`-<hex>.js`, `_bg.wasm`, `.css`, `.svg`): such a file
// never changes in place. `data/timeline.json`, `index.html` and `embed.js`
// keep their names across releases, and an editor may replace the data on
// the server: a stale `.br` beside it would be served instead, so those
// are compressed by the server on the fly.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const HASHED = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css|svg)$/i;

/** Writes `path.br` and `path.gz` beside `path`, each only where smaller. */
export async function precompress(path) {
  const body = await readFile(path);
  const brotli = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gzip = gzipSync(body, { level: 9 });
  if (brotli.length < body.length) await writeFile(`${path}.br`, brotli);
  if (gzip.length < body.length) await writeFile(`${path}.gz`, gzip);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) throw new Error('set TRUNK_STAGING_DIR or pass the build folder');
  if ((process.env.TRUNK_PROFILE ?? 'release') === 'release') {
    for (const name of await readdir(dir)) {
      if (HASHED.test(name)) await precompress(join(dir, name));
    }
  }
}
