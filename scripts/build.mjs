// `npm run build` and the first step of `npm start`: compile the TypeScript (tsc → dist/) and bundle the browser
// pages (esbuild → web/dist/), each ONLY when its inputs changed since it last ran (a content-hash stamp, see
// scripts/stamp.cjs). A warm start thus costs ~0.1 s here instead of ~15 s of tsc. The two steps run side by side.
// `--force` rebuilds both. Plain JavaScript: it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb } from '../web/build.mjs';

const require = createRequire(import.meta.url);
const { TYPESCRIPT_INPUTS, hashInputs, listInputs, staleReason, writeStamp } = require('./stamp.cjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const log = (line) => console.log(`[plangraph] ${line}`);

const TS_STAMP = 'dist/.plangraph-build.json';
const TS_OUTPUT = 'dist/src/main.js';

async function compileTypeScript() {
  const inputs = listInputs(root, TYPESCRIPT_INPUTS);
  const reason = force ? 'forced' : staleReason(root, join(root, TS_STAMP), { inputs, outputs: [TS_OUTPUT] });
  if (reason === undefined) return;
  // Hashed before compiling: a file edited while tsc runs makes the next start compile again.
  const hash = hashInputs(root, inputs);
  if (force) rmSync(join(root, 'dist/.tsbuildinfo'), { force: true });
  // dist/ is about to change: without a new stamp (tsc failed) the next run must compile again, whatever the sources.
  rmSync(join(root, TS_STAMP), { force: true });
  log(`compiling TypeScript (${reason})…`);
  const started = Date.now();
  const code = await new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    tsc.on('error', reject);
    tsc.on('close', (status) => resolve(status ?? 1));
  });
  // A type error fails the build (and `npm start`) as before; no stamp, so the next run compiles again.
  if (code !== 0) throw Object.assign(new Error(`tsc failed (exit ${code})`), { exitCode: code });
  writeStamp(join(root, TS_STAMP), { hash, inputs, outputs: [TS_OUTPUT] });
  log(`compiled TypeScript in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

try {
  await Promise.all([compileTypeScript(), buildWeb({ force })]);
} catch (err) {
  if (err.exitCode === undefined) console.error(err);
  process.exit(err.exitCode ?? 1);
}
