import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { faviconIco } from '../../src/http/favicon';
import { IMMUTABLE, REVALIDATE, StaticFile, WEB_DIST, WebAnswer, WebAssets, webAssets } from '../../src/http/web';
import { ROOT } from '../../src/paths';
import { buildWeb } from '../helpers/browser';

/** What the server sends for the browser pages, without a server: local files only, no inline script. */

beforeAll(() => buildWeb());

const ok = (answer: WebAnswer | undefined): StaticFile => {
  expect(answer?.status).toBe(200);
  return (answer as { file: StaticFile }).file;
};
const text = (answer: WebAnswer | undefined) => ok(answer).body.toString('utf8');
const refs = (html: string) => [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
// An executable inline script is one without src whose type is not a data block (a strict CSP would block it).
const inlineScripts = (html: string) => [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/g)];

describe.each([
  ['/explore', () => text(webAssets().file('/explore'))],
  ['/ (playground)', () => text(webAssets().playground)],
])('the page %s', (_, page) => {
  it('refers only to files this server serves, and has no inline script', () => {
    const html = page();
    expect(refs(html).length).toBeGreaterThanOrEqual(3);
    for (const ref of refs(html)) {
      expect(ref).toMatch(/^\/[^/]/); // same origin, never another host
      expect({ ref, status: webAssets().file(ref)?.status }).toEqual({ ref, status: 200 });
    }
    expect(inlineScripts(html)).toEqual([]);
    expect(html).not.toMatch(/\sstyle=|<style/);
  });

  it('refers to its bundle and style sheet by content-hashed names, kept for a year; the page itself is revalidated', () => {
    const html = page();
    const assets = refs(html).filter((r) => /\.(js|css)$/.test(r));
    expect(assets).toHaveLength(2);
    for (const ref of assets) {
      expect(ref).toMatch(/^\/(explore|playground)\/(explore|playground)-[A-Z0-9]{8}\.(js|css)$/);
      expect(ok(webAssets().file(ref)).cache).toBe(IMMUTABLE);
    }
  });
});

it('the playground page carries the example tabs as a JSON data block, and is revalidated', () => {
  const page = ok(webAssets().playground);
  const block = /<script type="application\/json" id="example-tabs">(.*?)<\/script>/s.exec(page.body.toString('utf8'))![1];
  const tabs = JSON.parse(block) as { query: string }[];
  expect(tabs.length).toBeGreaterThanOrEqual(10);
  expect(tabs[0].query).toContain('strategy(name: "东核")');
  expect(page.cache).toBe(REVALIDATE);
  expect(page.etag).toMatch(/^"[\w-]{22}"$/);
});

it('serves nothing but the files of the build manifest under the asset folders', () => {
  const js = refs(text(webAssets().file('/explore'))).find((r) => r.endsWith('.js'))!;
  expect(ok(webAssets().file(js)).type).toBe('text/javascript; charset=utf-8');
  for (const path of ['/explore/explore.js', '/explore/../package.json', '/playground/sizes.json', '/playground/manifest.json', `${js}.br`, `${js}.map`]) {
    expect({ path, status: webAssets().file(path)?.status }).toEqual({ path, status: 404 });
  }
  expect(webAssets().file('/graphql')).toBeUndefined();
});

it('holds each bundle with its brotli and gzip copies, made at build time, which decode to the same bytes', () => {
  const paths = webAssets().paths.filter((p) => /\.(js|css)$/.test(p));
  expect(paths).toHaveLength(4);
  for (const path of paths) {
    const file = ok(webAssets().file(path));
    expect(file.body.length).toBeGreaterThan(1024);
    expect(brotliDecompressSync(file.encoded.br!).equals(file.body)).toBe(true);
    expect(gunzipSync(file.encoded.gzip!).equals(file.body)).toBe(true);
    expect(file.encoded.br!.length).toBeLessThan(file.body.length * 0.9);
  }
  // The copies are the build's own files beside each bundle, not made by the server.
  const manifest = JSON.parse(readFileSync(join(WEB_DIST, 'manifest.json'), 'utf8'));
  const name = manifest.assets[paths[0]];
  expect(readFileSync(join(WEB_DIST, `${name}.br`)).equals(ok(webAssets().file(paths[0])).encoded.br!)).toBe(true);
});

it('builds no source maps by default: none in web/dist, none served, no sourceMappingURL in a bundle', () => {
  expect(readdirSync(WEB_DIST).filter((f) => f.endsWith('.map') || f.endsWith('.map.br'))).toEqual([]);
  expect(webAssets().sourceMaps).toBe(false);
  for (const path of webAssets().paths.filter((p) => p.endsWith('.js'))) {
    expect(ok(webAssets().file(path)).body.toString('utf8')).not.toContain('sourceMappingURL');
  }
});

it('with PLANGRAPH_SOURCE_MAPS=true builds the maps too, pre-compressed, and the server serves them', () => {
  const out = mkdtempSync(join(tmpdir(), 'plangraph-web-maps-'));
  try {
    const script = `const { buildWeb } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'web/build.mjs')).href)});
      await buildWeb({ quiet: true, out: ${JSON.stringify(out)}, env: { PLANGRAPH_SOURCE_MAPS: 'true' } });`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    const assets = WebAssets.load(out);
    expect(assets.sourceMaps).toBe(true);
    const maps = assets.paths.filter((p) => p.endsWith('.js.map'));
    expect(maps.map((p) => p.split('/')[1]).sort()).toEqual(['explore', 'playground']);
    for (const path of maps) {
      const map = ok(assets.file(path));
      expect(JSON.parse(map.body.toString('utf8'))).toMatchObject({ version: 3 });
      expect(brotliDecompressSync(map.encoded.br!).equals(map.body)).toBe(true);
      // Revalidated: a map's name extends its bundle's rather than hashing its own content.
      expect(map.cache).toBe(REVALIDATE);
      expect(ok(assets.file(path.replace(/\.map$/, ''))).body.toString('utf8')).toContain(`sourceMappingURL=${path.split('/')[2]}`);
    }
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it('a bad PLANGRAPH_SOURCE_MAPS stops the build naming the variable', () => {
  const script = `const { sourceMapsWanted } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'web/build.mjs')).href)});
    try { sourceMapsWanted({ PLANGRAPH_SOURCE_MAPS: 'ture' }); } catch (e) { console.log(e.message); }`;
  expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toContain('PLANGRAPH_SOURCE_MAPS=ture must be true or false');
});

it('answers 503 with a message while the pages are not built, except the icon, which is drawn in code', () => {
  const empty = mkdtempSync(join(tmpdir(), 'plangraph-web-empty-'));
  try {
    const assets = WebAssets.load(empty);
    expect(assets.file('/explore')).toMatchObject({ status: 503, message: expect.stringContaining('npm run build') });
    expect(assets.playground.status).toBe(503);
    expect(assets.file('/favicon.ico')?.status).toBe(200);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

it('/favicon.ico is a 32×32 icon with an alpha channel', () => {
  const ico = faviconIco();
  expect(ok(webAssets().file('/favicon.ico')).type).toBe('image/x-icon');
  expect([...ico.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]); // ICONDIR: icon, one image
  expect([ico[6], ico[7]]).toEqual([32, 32]);
  expect(ico.readUInt16LE(12)).toBe(32); // bits per pixel
  expect(ico.readUInt32LE(14)).toBe(ico.length - 22);
  const pixels = ico.subarray(22 + 40, 22 + 40 + 32 * 32 * 4);
  const alphas = new Set([...pixels].filter((_, i) => i % 4 === 3));
  expect(alphas).toEqual(new Set([0, 255])); // transparent corners, opaque icon
});
