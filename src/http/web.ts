import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { ROOT } from '../paths';
import { faviconIco } from './favicon';
import { playgroundHtml } from './playground';

/**
 * The browser pages' files, built by web/build.mjs (esbuild, at npm install / build / test) into web/dist:
 *   /explore, /explore/        the graph explorer page
 *   /explore/<name>-<hash>.*   its script and style sheet (content-hashed names)
 *   /playground/<name>-<hash>.* the playground's script and style sheet (its page is the playground, see app.ts)
 *   /favicon.ico, /favicon.svg
 * web/dist/manifest.json is the allow-list: only the files it names are ever read, each once, into memory with
 * the .br and .gz copies the build made beside it. A request costs no disk read and no compression (issue 16: the
 * 5.7 MB source map was re-read and re-compressed on every request, ~0.3–0.9 s of CPU each).
 * Framework-free: src/http/static.ts asks `webAssets().file(pathname)` and sends what it gets.
 */

export const WEB_DIST = join(ROOT, 'web/dist');

export type Encoding = 'br' | 'gzip';

/** One file as it is served: its bytes, each pre-compressed copy, and the headers that go with them. */
export interface StaticFile {
  type: string;
  /** Cache-Control value. */
  cache: string;
  /** Strong ETag of the identity bytes (quoted); a compressed copy's is this with -br / -gz inside the quotes. */
  etag: string;
  body: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/** What the pages' paths answer besides a file: not built yet (503), or no such file (404). */
export type WebAnswer = { status: 200; file: StaticFile } | { status: 404 | 503; message: string };

/** Content-hashed names (esbuild's [name]-[hash]): their bytes never change, so they may be kept for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else is revalidated on each use: the ETag makes that a 304 without a body. */
export const REVALIDATE = 'no-cache';
const HASHED = /-[A-Z0-9]{8}\.(js|css)$/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};
// A manifest names only files like these (esbuild's outputs and the copied pages): nothing else is ever read.
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;
// Bounds on what a manifest may make the server hold: a few dozen files of a few MB each.
const MAX_FILES = 64;
const MAX_FILE_BYTES = 32 * 1024 * 1024;

interface Manifest {
  sourceMaps?: boolean;
  pages: Record<string, string>;
  favicon: string;
  assets: Record<string, string>;
  encodings: Record<string, Encoding[]>;
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
}

/** A file made in memory (the playground page, the exports, the favicon), compressed once here when it pays. */
export function memoryFile(body: Buffer | string, type: string, cache: string): StaticFile {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const encoded: StaticFile['encoded'] = {};
  if (bytes.length >= 1024 && /^(text\/|application\/(json|xml)|image\/svg)/.test(type)) {
    // Brotli at 9: within a few ms for a page, a fraction of a second for a few-MB export, made once per load.
    const br = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    const gz = gzipSync(bytes, { level: 9 });
    if (br.length < bytes.length * 0.9) encoded.br = br;
    if (gz.length < bytes.length * 0.9) encoded.gzip = gz;
  }
  return { type, cache, etag: etagOf(bytes), body: bytes, encoded };
}

export class WebAssets {
  private constructor(
    private readonly files: Map<string, StaticFile>,
    /** The playground page (GraphiQL with the example tabs), or why it cannot be served. */
    readonly playground: WebAnswer,
    private readonly missing: string | null,
    readonly sourceMaps: boolean,
  ) {}

  /** Reads web/dist once: every file the manifest names, with its pre-compressed copies. */
  static load(dir = WEB_DIST): WebAssets {
    const manifestPath = join(dir, 'manifest.json');
    // The icon is drawn in code (favicon.ts): it needs no build.
    const icon = memoryFile(faviconIco(), 'image/x-icon', 'public, max-age=86400');
    if (!existsSync(manifestPath)) {
      const message = 'The browser pages are not built: run `npm run build` (or `npm install`) and reload.';
      return new WebAssets(new Map([['/favicon.ico', icon]]), { status: 503, message }, message, false);
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const read = (name: string, cache: string): StaticFile => {
      if (!SAFE_NAME.test(name)) throw new Error(`web/dist/manifest.json names ${JSON.stringify(name)}, not a file of the build`);
      const body = readFileSync(join(dir, name));
      if (body.length > MAX_FILE_BYTES) throw new Error(`web/dist/${name} is ${body.length} bytes, more than a bundle should be`);
      const encoded: StaticFile['encoded'] = {};
      for (const encoding of manifest.encodings[name] ?? []) {
        encoded[encoding] = readFileSync(join(dir, `${name}.${encoding === 'gzip' ? 'gz' : 'br'}`));
      }
      return { type: TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream', cache, etag: etagOf(body), body, encoded };
    };
    const entries = Object.entries(manifest.assets);
    if (entries.length > MAX_FILES) throw new Error(`web/dist/manifest.json names ${entries.length} files; at most ${MAX_FILES} are served`);
    const files = new Map<string, StaticFile>();
    for (const [path, name] of entries) {
      // Source maps and legal notices extend a bundle's name rather than carry their own hash: revalidated.
      files.set(path, read(name, HASHED.test(name) ? IMMUTABLE : REVALIDATE));
    }
    const explore = read(manifest.pages.explore, REVALIDATE);
    files.set('/explore', explore);
    files.set('/explore/', explore);
    files.set('/favicon.svg', read(manifest.favicon, 'public, max-age=86400'));
    files.set('/favicon.ico', icon);
    const template = readFileSync(join(dir, manifest.pages.playground), 'utf8');
    const playground = memoryFile(playgroundHtml(template), 'text/html; charset=utf-8', REVALIDATE);
    return new WebAssets(files, { status: 200, file: playground }, null, manifest.sourceMaps === true);
  }

  /** The answer for a GET of `pathname`, or undefined when the path is not the web pages' (another route may serve it). */
  file(pathname: string): WebAnswer | undefined {
    const ours = pathname === '/explore' || pathname === '/explore/' || pathname === '/favicon.ico' || pathname === '/favicon.svg' ||
      pathname.startsWith('/explore/') || pathname.startsWith('/playground/');
    if (!ours) return undefined;
    if (this.missing !== null && pathname !== '/favicon.ico') return { status: 503, message: this.missing };
    const file = this.files.get(pathname);
    return file ? { status: 200, file } : { status: 404, message: `No file ${pathname.slice(0, 200)}.` };
  }

  /** Every path served, for tests and the report of what is held. */
  get paths(): string[] {
    return [...this.files.keys()];
  }

  /** Bytes held in memory, all copies. */
  get bytes(): number {
    let n = 0;
    for (const f of new Set(this.files.values())) n += f.body.length + (f.encoded.br?.length ?? 0) + (f.encoded.gzip?.length ?? 0);
    return n;
  }
}

let loaded: WebAssets | undefined;

/**
 * The pages' files, read on first use and kept for the life of the process; while web/dist is not built, every
 * call looks again (one stat), so a build made while the server runs is picked up.
 */
export function webAssets(): WebAssets {
  if (loaded) return loaded;
  const assets = WebAssets.load();
  if (assets.playground.status === 200) loaded = assets;
  return assets;
}
