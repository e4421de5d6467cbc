// Bundles the browser pages (the /explore graph explorer and the GraphiQL playground) from npm packages with esbuild
// into web/dist/ (git-ignored). Runs at `npm install` (postinstall), `npm start`/`npm run build` and `npm test`, so
// the server never needs a CDN and nothing generated is committed. Prints each bundle's size.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = dirname(fileURLToPath(import.meta.url));
const out = join(web, 'dist');
mkdirSync(out, { recursive: true });

const started = Date.now();
await build({
  entryPoints: { explore: join(web, 'explore/main.ts'), playground: join(web, 'playground/main.tsx') },
  outdir: out,
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
});
for (const page of ['explore', 'playground']) copyFileSync(join(web, page, 'index.html'), join(out, `${page}.html`));
copyFileSync(join(web, 'favicon.svg'), join(out, 'favicon.svg'));

const sizes = Object.fromEntries(
  readdirSync(out)
    .filter((f) => /\.(js|css|html|svg)$/.test(f))
    .map((f) => [f, statSync(join(out, f)).size]),
);
writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2));
if (!process.argv.includes('--quiet')) {
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`[plangraph] web bundles in ${Date.now() - started} ms: ${Object.entries(sizes).filter(([f]) => /\.(js|css)$/.test(f)).map(([f, n]) => `${f} ${kb(n)}`).join(', ')}`);
}
