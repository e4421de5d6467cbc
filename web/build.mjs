// Bundles the browser pages (the /explore graph explorer and the GraphiQL playground) from npm packages with esbuild
// into web/dist/ (git-ignored). Runs at `npm install` (postinstall), `npm start`/`npm run build` (scripts/build.mjs)
// and `npm test`, so the server never needs a CDN and nothing generated is committed. Prints each bundle's size.
// It skips the work when nothing it bundled changed: esbuild's metafile names every file it read (our sources and
// the packages' files), and web/dist/.stamp.json keeps their content hash (scripts/stamp.cjs). `--force` rebuilds.
//
// What the server gets (issue 16: serving a file must cost no compression and no disk read per request):
//   - content-hashed names (explore-3HXK2QJM.js): a name's bytes never change, so browsers and CDNs may keep them
//     for a year (`immutable`); the pages (explore.html, playground.html) refer to them and are revalidated instead;
//   - each served file pre-compressed beside it (.br at brotli's best, .gz), done here once instead of per request;
//   - web/dist/manifest.json: the allow-list of files the server reads into memory at start, and nothing else;
//   - no source maps, unless PLANGRAPH_SOURCE_MAPS=true when bundling (then they are built, compressed and served).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const require = createRequire(import.meta.url);
const { hashInputs, readStamp, staleReason, writeStamp } = require('../scripts/stamp.cjs');

const web = dirname(fileURLToPath(import.meta.url));
const root = join(web, '..');
const DIST = join(web, 'dist');
const MANIFEST = 'manifest.json';
const PAGES = ['explore', 'playground'];
// Read by the build without esbuild seeing them: the pages' HTML and the favicon are copied, and this file and the
// lockfile decide how and from which package versions the bundles are made.
const COPIED = [...PAGES.map((page) => `web/${page}/index.html`), 'web/favicon.svg'];
const ALWAYS = [...COPIED, 'web/build.mjs', 'package-lock.json'];
// Files smaller than this are sent as they are (as @fastify/compress's threshold): compression would save little.
const COMPRESS_FROM_BYTES = 1024;

/** PLANGRAPH_SOURCE_MAPS: true|false (also 1/0, yes/no); anything else stops the build, naming the variable. */
export function sourceMapsWanted(env = process.env) {
  const raw = env.PLANGRAPH_SOURCE_MAPS ?? '';
  if (raw === '' || /^(0|false|no)$/i.test(raw)) return false;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  throw new Error(`PLANGRAPH_SOURCE_MAPS=${raw} must be true or false`);
}

/**
 * Bundles the pages unless the stamp says nothing changed. Resolves to whether it built. `out` is web/dist but for
 * tests, which build a variant elsewhere rather than change the folder a running server or test reads.
 */
export async function buildWeb({ force = false, quiet = false, env = process.env, out = DIST } = {}) {
  const STAMP = join(out, '.stamp.json');
  const sourceMaps = sourceMapsWanted(env);
  const previous = readStamp(STAMP);
  const reason = force
    ? 'forced'
    : staleReason(root, STAMP) ??
      (Boolean(previous?.sourceMaps) !== sourceMaps ? `PLANGRAPH_SOURCE_MAPS is now ${sourceMaps}` : undefined);
  if (reason === undefined) return false;
  if (!quiet) console.log(`[plangraph] bundling the web pages (${reason})…`);
  mkdirSync(out, { recursive: true });
  // The old stamp goes first: the bundles are about to change, and if this build leaves no stamp (a failure, an
  // edit while it ran) the next run must build again, even if the files are reverted to what the old stamp says.
  rmSync(STAMP, { force: true });
  const started = Date.now();
  const notBefore = started - 50; // file times come from a coarser clock (jiffies) than Date.now()
  const result = await build({
    entryPoints: { explore: join(web, 'explore/main.ts'), playground: join(web, 'playground/main.tsx') },
    outdir: out,
    entryNames: '[name]-[hash]',
    absWorkingDir: root,
    bundle: true,
    minify: true,
    sourcemap: sourceMaps ? 'linked' : false,
    format: 'iife',
    target: 'es2020',
    // React and GraphiQL read process.env.NODE_ENV; a production build drops their development checks.
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    // Fonts and images referenced by CSS (GraphiQL has none we need) are inlined rather than fetched from elsewhere.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });

  // Each page's bundle and style sheet, by the entry point they came from; the rest of what esbuild wrote (maps,
  // legal notices) belongs to the page whose bundle's name it extends.
  const assets = {};
  const bundled = Object.keys(result.metafile.outputs).map((path) => basename(path));
  for (const page of PAGES) {
    const files = bundled.filter((name) => name.startsWith(`${page}-`));
    const js = files.find((name) => name.endsWith('.js'));
    const css = files.find((name) => name.endsWith('.css'));
    if (!js || !css) throw new Error(`esbuild wrote no ${page} bundle and style sheet (${files.join(', ')})`);
    // The page refers to its files by their stable names in web/<page>/index.html; here they get their hashes.
    const html = readFileSync(join(web, page, 'index.html'), 'utf8')
      .replace(`/${page}/${page}.js"`, () => `/${page}/${js}"`)
      .replace(`/${page}/${page}.css"`, () => `/${page}/${css}"`);
    if (!html.includes(js) || !html.includes(css)) throw new Error(`web/${page}/index.html must refer to /${page}/${page}.js and /${page}/${page}.css`);
    writeFileSync(join(out, `${page}.html`), html);
    for (const name of files) assets[`/${page}/${name}`] = name;
  }
  copyFileSync(join(web, 'favicon.svg'), join(out, 'favicon.svg'));

  // Pre-compressed once here, on the thread pool (both cores), instead of on every request.
  const served = [...Object.values(assets), 'favicon.svg', ...PAGES.map((page) => `${page}.html`)];
  const encodings = Object.fromEntries(await Promise.all(served.map(async (name) => [name, await precompress(out, name)])));
  const manifest = {
    sourceMaps,
    pages: Object.fromEntries(PAGES.map((page) => [page, `${page}.html`])),
    favicon: 'favicon.svg',
    assets,
    encodings,
  };
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  const outputs = [...served, ...served.flatMap((name) => encodings[name].map((e) => `${name}.${e === 'gzip' ? 'gz' : 'br'}`)), MANIFEST];
  // What earlier builds left (other hashes, maps no longer wanted): gone, so the folder holds one build. Only names
  // a build writes are ever removed.
  const ours = new RegExp(`^(${[...PAGES, 'favicon'].join('|')})[-.]`);
  for (const name of readdirSync(out)) {
    if (ours.test(name) && !outputs.includes(name)) rmSync(join(out, name), { force: true });
  }

  const sizes = Object.fromEntries(served.filter((f) => /\.(js|css|html|svg)$/.test(f)).map((f) => [f, statSync(join(out, f)).size]));
  writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2));
  // esbuild names its inputs relative to absWorkingDir (the repository), with forward slashes.
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...ALWAYS])].sort();
  // The inputs are known only after bundling; one edited while esbuild ran leaves no stamp, so the next run rebuilds.
  const editedMeanwhile = inputs.some((f) => (statSync(join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > notBefore);
  // sourceMaps: which kind of build this was, so switching PLANGRAPH_SOURCE_MAPS rebuilds.
  if (!editedMeanwhile) writeStamp(STAMP, { hash: hashInputs(root, inputs), inputs, outputs: outputs.map((name) => relative(root, join(out, name)).split('\\').join('/')), sourceMaps });
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
    const br = (f) => (encodings[f].includes('br') ? ` (br ${kb(statSync(join(out, `${f}.br`)).size)})` : '');
    console.log(`[plangraph] web bundles in ${Date.now() - started} ms${sourceMaps ? ', with source maps' : ''}: ${Object.entries(sizes).filter(([f]) => /\.(js|css)$/.test(f)).map(([f, n]) => `${f} ${kb(n)}${br(f)}`).join(', ')}`);
  }
  return true;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `name`.br and `name`.gz beside it when they are smaller; resolves to the encodings written. Brotli at its
 * best quality (11) for what every visitor loads; source maps, which only a developer's tools fetch, at 9 (5.7 MB:
 * 1.5 s instead of 14 s, 10 % larger).
 */
async function precompress(out, name) {
  const body = readFileSync(join(out, name));
  if (body.length < COMPRESS_FROM_BYTES) return [];
  const quality = name.endsWith('.map') ? 9 : zlib.BROTLI_MAX_QUALITY;
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: zlib.Z_BEST_COMPRESSION }),
  ]);
  const written = [];
  // Only when it saves something worth a second copy in memory (a tenth).
  if (br.length < body.length * 0.9) {
    writeFileSync(join(out, `${name}.br`), br);
    written.push('br');
  }
  if (gz.length < body.length * 0.9) {
    writeFileSync(join(out, `${name}.gz`), gz);
    written.push('gzip');
  }
  return written;
}

// Run as a script (`node web/build.mjs [--force] [--quiet]`), not when scripts/build.mjs imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildWeb({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') });
  } catch (err) {
    console.error(`[plangraph] web build failed: ${err.message}`);
    process.exit(1);
  }
}
