import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths';
import { faviconIco } from './favicon';

/**
 * The browser pages' files, built by web/build.mjs (esbuild, at npm install / build / test) into web/dist:
 *   /explore, /explore/        the graph explorer page
 *   /explore/<asset>           its script and style sheet
 *   /playground/<asset>        the playground's script and style sheet (its page is playgroundPage())
 *   /favicon.ico, /favicon.svg
 * Framework-free: the HTTP layer asks `webFile(pathname)` and sends what it gets.
 */

export const WEB_DIST = join(ROOT, 'web/dist');

export interface WebFile {
  status: number;
  type: string;
  body: Buffer | string;
  /** Cache-Control value. */
  cache: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

// Only these names are ever read from disk: a request cannot name any other file.
const ASSETS: Record<string, string[]> = {
  '/explore/': ['explore.js', 'explore.css', 'explore.js.map', 'explore.css.map', 'explore.js.LEGAL.txt'],
  '/playground/': ['playground.js', 'playground.css', 'playground.js.map', 'playground.css.map', 'playground.js.LEGAL.txt', 'playground.css.LEGAL.txt'],
};

function missingBuild(name: string): WebFile {
  return {
    status: 503,
    type: 'text/plain; charset=utf-8',
    body: `web/dist/${name} is missing: the browser pages are bundled by \`npm run build\` (or \`npm install\`). Run it and reload.`,
    cache: 'no-store',
  };
}

export function distFile(name: string, cache = 'no-cache'): WebFile {
  const path = join(WEB_DIST, name);
  if (!existsSync(path)) return missingBuild(name);
  return { status: 200, type: TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream', body: readFileSync(path), cache };
}

/** The file for a GET of `pathname`, or undefined when the path is not the web pages' (another route may serve it). */
export function webFile(pathname: string): WebFile | undefined {
  if (pathname === '/explore' || pathname === '/explore/') return distFile('explore.html');
  if (pathname === '/favicon.ico') return { status: 200, type: 'image/x-icon', body: faviconIco(), cache: 'public, max-age=86400' };
  if (pathname === '/favicon.svg') return distFile('favicon.svg', 'public, max-age=86400');
  for (const [prefix, names] of Object.entries(ASSETS)) {
    if (!pathname.startsWith(prefix)) continue;
    const name = pathname.slice(prefix.length);
    // Bundles keep their names across builds, so browsers revalidate rather than cache blindly.
    return names.includes(name) ? distFile(name) : { status: 404, type: 'text/plain; charset=utf-8', body: `No file ${pathname}.`, cache: 'no-store' };
  }
  return undefined;
}
