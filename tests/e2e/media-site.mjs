// A copy of the release build whose data has photos and videos: fixture
// PNGs drawn here (no licensed photo exists), the first event with a photo
// (and a smaller copy), the second with a YouTube video (no poster), the
// third with a Vimeo video and a poster. The first paint is written again
// by the build's own step (src/bin/postbuild.rs) over the copy. Used by
// tests/e2e/media.test.mjs and scripts/screenshots-media.mjs.
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from './harness.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A PNG of `width` × `height`: a sky, a ground and a dark table, in RGB. */
export function png(width, height) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const table = y > height * 0.55 && y < height * 0.7 && x > width * 0.2 && x < width * 0.8;
      const rgb = table ? [60, 40, 30] : y < height * 0.6 ? [120 + (y * 100) / height, 170, 220] : [70, 130, 80];
      row.set(rgb.map(Math.round), 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const PHOTO = {
  src: 'media/signing.png', width: 1200, height: 800,
  srcset: [{ src: 'media/signing-600.png', width: 600 }],
  alt: { en: 'Fixture photo: a dark table under a blue sky', 'zh-Hant': '測試相片：藍天下的深色桌子', 'zh-Hans': '测试照片：蓝天下的深色桌子' },
  caption: { en: 'A generated test image' },
  credit: { en: 'Test fixture', 'zh-Hant': '測試素材', 'zh-Hans': '测试素材' },
};
export const YOUTUBE = {
  video: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  title: { en: 'A fixture video', 'zh-Hant': '測試影片', 'zh-Hans': '测试视频' },
};
export const VIMEO = {
  video: 'https://vimeo.com/76979871',
  title: { en: 'Another fixture video' },
  poster: { src: 'media/poster.png', width: 640, height: 360, alt: { en: 'Fixture poster', 'zh-Hant': '測試海報', 'zh-Hans': '测试海报' } },
};

/** Builds the copy; resolves to { dir, data, remove }. */
export async function mediaSite() {
  const dir = await mkdtemp(join(tmpdir(), 'timeline-media-'));
  await cp(DIST, dir, { recursive: true });
  // The pages back to the build's template: the first paint's place, and
  // the <style> with style/main.css alone (the step adds the positions).
  const style = await readFile(join(ROOT, 'style', 'main.css'), 'utf8');
  let html = await readFile(join(dir, 'index.html'), 'utf8');
  html = html
    .replace(/(<main\b[^>]*\bid="?static"?[^>]*>)[\s\S]*<\/main>/, '$1STATIC-FALLBACK</main>')
    .replace(/<style>[\s\S]*?<\/style>/, () => `<style>${style}</style>`);
  await writeFile(join(dir, 'index.html'), html);
  const data = JSON.parse(await readFile(join(DIST, 'data', 'timeline.json'), 'utf8'));
  data.events[0].media = [PHOTO];
  data.events[1].media = [YOUTUBE];
  data.events[2].media = [VIMEO];
  // A deployer's listed host: the build writes it into the pages' img-src.
  data.media_hosts = ['images.example.org'];
  await writeFile(join(dir, 'data', 'timeline.json'), JSON.stringify(data, null, 2));
  await mkdir(join(dir, 'media'), { recursive: true });
  await writeFile(join(dir, 'media', 'signing.png'), png(1200, 800));
  await writeFile(join(dir, 'media', 'signing-600.png'), png(600, 400));
  await writeFile(join(dir, 'media', 'poster.png'), png(640, 360));
  const { TRUNK_STAGING_DIR, ...env } = process.env;
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'postbuild', '--', dir], { cwd: ROOT, encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`postbuild: ${run.stderr}`);
  return { dir, data, remove: () => rm(dir, { recursive: true }) };
}
