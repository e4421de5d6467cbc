import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { hashInputs, listInputs, readStamp, staleReason, TYPESCRIPT_INPUTS, writeStamp } from '../../scripts/stamp.cjs';
import { ROOT } from '../../src/paths';
import { buildWeb } from '../helpers/browser';

/**
 * The build stamps that let `npm start` skip tsc and esbuild (scripts/stamp.cjs): a step is skipped only when every
 * input it read has the same content and every output is there. Anything else must rebuild.
 */

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};
const stampFile = () => join(root, 'out/.stamp.json');
/** Runs a pretend build step over src/ and conf.json: records the stamp the way scripts/build.mjs does. */
const build = () => {
  const inputs = listInputs(root, ['src', 'conf.json']);
  write('out/main.js', 'compiled');
  writeStamp(stampFile(), { hash: hashInputs(root, inputs), inputs, outputs: ['out/main.js'] });
};
const reason = () => staleReason(root, stampFile(), { inputs: listInputs(root, ['src', 'conf.json']) });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'plangraph-stamp-'));
  write('src/a.ts', 'export const a = 1;');
  write('src/deep/b.ts', 'export const b = 2;');
  write('src/node_modules/x.ts', 'never an input');
  write('conf.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a build step with a stamp', () => {
  it('lists inputs relative to the root, sorted, with forward slashes, outside node_modules and dist', () => {
    write('src/dist/c.js', 'output');
    expect(listInputs(root, ['src', 'conf.json', 'absent'])).toEqual(['conf.json', 'src/a.ts', 'src/deep/b.ts']);
  });

  it('runs when it never ran, and is skipped when nothing changed', () => {
    expect(reason()).toBe('no previous build');
    build();
    expect(reason()).toBeUndefined();
  });

  it('runs again when any input changes, even by one byte deep in a folder', () => {
    build();
    write('src/deep/b.ts', 'export const b = 3;');
    expect(reason()).toBe('sources changed');
    build();
    write('conf.json', '{ }');
    expect(reason()).toBe('sources changed');
  });

  it('compares content, not timestamps: a touched file is not a change, an edit that keeps the mtime is', () => {
    build();
    utimesSync(join(root, 'src/a.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(reason()).toBeUndefined();
    const old = new Date('2020-01-01');
    utimesSync(join(root, 'src/a.ts'), old, old);
    build();
    write('src/a.ts', 'export const a = 9;');
    utimesSync(join(root, 'src/a.ts'), old, old);
    expect(reason()).toBe('sources changed');
  });

  it('runs again when a file is added or removed', () => {
    build();
    write('src/new.ts', 'export {};');
    expect(reason()).toBe('src/new.ts is new');
    build();
    rmSync(join(root, 'src/new.ts'));
    expect(reason()).toBe('sources changed');
  });

  it('checks the inputs it recorded when it cannot list them beforehand (esbuild reports them after bundling)', () => {
    build();
    expect(staleReason(root, stampFile())).toBeUndefined();
    write('src/a.ts', 'changed');
    expect(staleReason(root, stampFile())).toBe('sources changed');
    rmSync(join(root, 'src/a.ts'));
    expect(staleReason(root, stampFile())).toBe('sources changed');
  });

  it('runs again when an output is gone, or the stamp is damaged', () => {
    build();
    rmSync(join(root, 'out/main.js'));
    expect(reason()).toBe('out/main.js is missing');
    build();
    expect(staleReason(root, stampFile(), { outputs: ['out/other.js'] })).toBe('out/other.js is missing');
    writeFileSync(stampFile(), '{"hash": "abc"');
    expect(readStamp(stampFile())).toBeUndefined();
    expect(reason()).toBe('no previous build');
  });
});

describe("the real build's inputs", () => {
  it('cover every file of the program tsc -p tsconfig.build.json compiles (imports included), its configuration and dependency versions', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.build.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    })!;
    const program = ts.createProgram(config.fileNames, { ...config.options, noEmit: true, incremental: false });
    const inputs = new Set(listInputs(ROOT, TYPESCRIPT_INPUTS));
    const compiled = program
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((f) => !f.includes('/node_modules/'))
      .map((f) => f.slice(ROOT.length + 1));
    expect(compiled.length).toBeGreaterThan(50);
    expect(compiled.filter((f) => !inputs.has(f))).toEqual([]);
    expect([...inputs]).toEqual(expect.arrayContaining(['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'src/main.ts']));
  });

  it("of the web bundles are every file esbuild bundled, the copied pages, the lockfile and the build script", () => {
    buildWeb();
    const stamp = readStamp(join(ROOT, 'web/dist/.stamp.json'))!;
    expect(stamp.inputs).toEqual(
      expect.arrayContaining([
        'web/explore/main.ts', 'web/explore/panel.ts', 'web/explore/explore.css', 'web/playground/main.tsx',
        'web/explore/index.html', 'web/playground/index.html', 'web/favicon.svg', 'web/build.mjs', 'package-lock.json',
        'node_modules/cytoscape/dist/cytoscape.esm.mjs',
      ]),
    );
    expect(stamp.inputs.some((f) => f.startsWith('node_modules/graphiql/'))).toBe(true);
    expect(JSON.parse(readFileSync(join(ROOT, 'web/dist/.stamp.json'), 'utf8')).outputs).toContainEqual(expect.stringMatching(/^web\/dist\/playground-[A-Z0-9]{8}\.js$/));
    expect(staleReason(ROOT, join(ROOT, 'web/dist/.stamp.json'))).toBeUndefined();
  });
});
