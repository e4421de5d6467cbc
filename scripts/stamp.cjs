// Build stamps: a build step records a hash of everything it read, and the next `npm start` skips the step when
// that hash still matches. A content hash, not timestamps: a fresh `npm ci` or a `git checkout` touches files without
// changing them, and an edit that keeps the mtime (an editor's "restore", a copy with -p) must still rebuild.
// Plain CommonJS because it runs before TypeScript is compiled (scripts/build.mjs, web/build.mjs).
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

/**
 * What `tsc -p tsconfig.build.json` reads: its sources (src/, bench/ and the test helper bench/ imports), its
 * configuration, and the dependencies' types (pinned by package-lock.json). schema/, cypher/ and fixtures/ are read
 * by the server at run time, not compiled, so they are not inputs of the build. test/unit/build-stamp.test.ts checks
 * that this covers every file of tsc's program.
 */
const TYPESCRIPT_INPUTS = ['src', 'bench', 'test/helpers', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/**
 * Every file under each of `paths` (folders are walked, files taken as they are), as paths relative to `root`
 * with forward slashes, sorted. Folders named in `skip` (node_modules, dist) are not entered.
 */
function listInputs(root, paths, skip = ['node_modules', 'dist']) {
  const found = [];
  const walk = (full) => {
    const stat = statSync(full);
    if (!stat.isDirectory()) return void found.push(relative(root, full).split(sep).join('/'));
    for (const name of readdirSync(full).sort()) if (!skip.includes(name)) walk(join(full, name));
  };
  for (const p of paths) if (existsSync(join(root, p))) walk(join(root, p));
  return [...new Set(found)].sort();
}

/** sha256 over each file's path and bytes, in the order given; a missing file hashes as missing (so it differs). */
function hashInputs(root, inputs) {
  const hash = createHash('sha256');
  for (const file of inputs) {
    const full = join(root, file);
    hash.update(`${file}\0`);
    hash.update(existsSync(full) ? readFileSync(full) : '\0missing\0');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The stamp a step wrote last time ({ hash, inputs, ... }), or undefined if there is none or it is unreadable. */
function readStamp(file) {
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8'));
    return typeof stamp?.hash === 'string' && Array.isArray(stamp.inputs) ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the step that wrote `stampFile` can be skipped: its stamp exists, every output it names exists, every
 * file of `inputs` (the inputs as listed now, when the step can list them beforehand) was among the inputs it
 * recorded, and those recorded inputs still hash to what it recorded (a deleted one counts as changed).
 * Returns the reason when it cannot be skipped, so the build can say why it runs.
 */
function staleReason(root, stampFile, { inputs, outputs = [] } = {}) {
  const stamp = readStamp(stampFile);
  if (!stamp) return 'no previous build';
  const missing = [...outputs, ...(stamp.outputs ?? [])].find((o) => !existsSync(join(root, o)));
  if (missing) return `${missing} is missing`;
  const recorded = new Set(stamp.inputs);
  const added = (inputs ?? []).find((file) => !recorded.has(file));
  if (added) return `${added} is new`;
  return hashInputs(root, stamp.inputs) === stamp.hash ? undefined : 'sources changed';
}

/**
 * Records a step's inputs (hashed as they were when it started) and outputs, and any other fields the step reads back
 * (web/build.mjs: which kind of build it was); written whole or not at all.
 */
function writeStamp(stampFile, { hash, inputs, outputs = [], ...extra }) {
  const tmp = `${stampFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ hash, inputs, outputs, ...extra }, null, 1));
  renameSync(tmp, stampFile);
}

module.exports = { TYPESCRIPT_INPUTS, listInputs, hashInputs, readStamp, staleReason, writeStamp };
