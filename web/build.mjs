// Bundles the browser pages (the /explore graph explorer and the GraphiQL playground) from npm packages with esbuild
// into web/dist/ (git-ignored). Runs at `npm install` (postinstall), `npm start`/`npm run build` (scripts/build.mjs)
// and `npm test`, so the server never needs a CDN and nothing generated is committed. Prints each bundle's size.
// It skips the work when nothing it bundled changed: esbuild's metafile names every file it read (our sources and
// the packages' files), and web/dist/.stamp.json keeps their content hash (scripts/stamp.cjs). `--force` rebuilds.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { hashInputs, staleReason, writeStamp } = require('../scripts/stamp.cjs');

const web = dirname(fileURLToPath(import.meta.url));
const root = join(web, '..');
const out = join(web, 'dist');
const STAMP = join(out, '.stamp.json');
const PAGES = ['explore', 'playground'];
// Read by the build without esbuild seeing them: the pages' HTML and the favicon are copied, and this file and the
// lockfile decide how and from which package versions the bundles are made.
const COPIED = [...PAGES.map((page) => `web/${page}/index.html`), 'web/favicon.svg'];
const ALWAYS = [...COPIED, 'web/build.mjs', 'package-lock.json'];
const OUTPUTS = [...PAGES.flatMap((page) => [`web/dist/${page}.js`, `web/dist/${page}.css`, `web/dist/${page}.html`]), 'web/dist/favicon.svg'];

/** Bundles the pages unless the stamp says nothing changed. Resolves to whether it built. */
export async function buildWeb({ force = false, quiet = false } = {}) {
  const reason = force ? 'forced' : staleReason(root, STAMP, { outputs: OUTPUTS });
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
    absWorkingDir: root,
    bundle: true,
    minify: true,
    sourcemap: 'linked',
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
  for (const page of PAGES) copyFileSync(join(web, page, 'index.html'), join(out, `${page}.html`));
  copyFileSync(join(web, 'favicon.svg'), join(out, 'favicon.svg'));

  const sizes = Object.fromEntries(
    readdirSync(out)
      .filter((f) => /\.(js|css|html|svg)$/.test(f))
      .map((f) => [f, statSync(join(out, f)).size]),
  );
  writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2));
  // esbuild names its inputs relative to absWorkingDir (the repository), with forward slashes.
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...ALWAYS])].sort();
  // The inputs are known only after bundling; one edited while esbuild ran leaves no stamp, so the next run rebuilds.
  const editedMeanwhile = inputs.some((f) => (statSync(join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > notBefore);
  if (!editedMeanwhile) writeStamp(STAMP, { hash: hashInputs(root, inputs), inputs, outputs: OUTPUTS });
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(`[plangraph] web bundles in ${Date.now() - started} ms: ${Object.entries(sizes).filter(([f]) => /\.(js|css)$/.test(f)).map(([f, n]) => `${f} ${kb(n)}`).join(', ')}`);
  }
  return true;
}

// Run as a script (`node web/build.mjs [--force] [--quiet]`), not when scripts/build.mjs imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildWeb({ force: process.argv.includes('--force'), quiet: process.argv.includes('--quiet') });
}
