import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveKey } from '../../src/neo4j/class-archive';
import { BoltAuth, createDriver } from '../../src/neo4j/connect';
import { EmbeddedNeo4jError, startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { assertMavenInstalled, fetchNeo4j, isFetched, Neo4jFetchError } from '../../src/neo4j/fetch';
import { ROOT } from '../../src/paths';
import { scratchNeo4j } from '../helpers/neo4j';
import { freePort } from '../helpers/ports';
import { neo4jUri, startTestServer } from '../helpers/server';

/** The embedded Neo4j launcher and the real entry point (dist/src/main.js), as a user runs them. */

const quiet = () => undefined;
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function waitUntil(what: string, check: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plangraph-launcher-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The environment of `npm start` on its own embedded Neo4j: free ports, a temp data folder, a small heap. */
async function embeddedEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    PORT: String(await freePort()), PLANGRAPH_DATA_DIR: tempDir(), PLANGRAPH_NEO4J_BOLT_PORT: String(await freePort()),
    PLANGRAPH_NEO4J_HEAP: '512m', ...extra,
  };
}

/** Runs `node dist/src/main.js` (what `npm start` runs after compiling) with a clean PlanGraph environment. */
function runMain(env: Record<string, string>, opts: { ownProcessGroup?: boolean } = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NEO4J_|PLANGRAPH_|PORT$)/.test(k)));
  const child = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.ownProcessGroup ?? false,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (c: Buffer) => (output.stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output.stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

describe('fetching Neo4j', () => {
  it('uses the cache on the second start: no Maven run at all', async () => {
    expect(isFetched()).toBe(true); // the suite's own Neo4j fetched it
    const started = Date.now();
    const dist = await fetchNeo4j({ maven: '/nonexistent/mvn', log: quiet });
    expect(dist).toMatchObject({ cached: true, version: expect.stringMatching(/^5\.26\./) });
    expect(dist.jars).toBeGreaterThan(100);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('says which package to install when Maven is missing for the first fetch', () => {
    expect(() => assertMavenInstalled('/nonexistent/mvn')).toThrow(Neo4jFetchError);
    expect(() => assertMavenInstalled('/nonexistent/mvn')).toThrow(/apt-get install maven[\s\S]*NEO4J_URI/);
    expect(() => assertMavenInstalled('mvn')).not.toThrow();
  });
});

describe('starting the embedded Neo4j', () => {
  it('says which package to install when java is missing', async () => {
    const err = await startEmbeddedNeo4j(await scratchNeo4j(tempDir(), { java: '/nonexistent/java' })).catch((e) => e);
    expect(err).toBeInstanceOf(EmbeddedNeo4jError);
    expect(err.code).toBe('JAVA_NOT_FOUND');
    expect(err.message).toMatch(/apt-get install openjdk-17-jre-headless/);
  });

  it('says so when the Bolt port is taken', async () => {
    const taken = Number(new URL(neo4jUri().replace('bolt://', 'http://')).port);
    const err = await startEmbeddedNeo4j(await scratchNeo4j(tempDir(), { boltPort: taken })).catch((e) => e);
    expect(err).toMatchObject({ code: 'PORT_IN_USE', message: expect.stringContaining(`127.0.0.1:${taken} is already in use`) });
    expect(err.message).toMatch(/PLANGRAPH_NEO4J_BOLT_PORT/);
  });

  it('stops without leaving a JVM; the API then answers SERVICE_UNAVAILABLE instead of hanging', async () => {
    const neo4j = await startEmbeddedNeo4j(await scratchNeo4j(tempDir()));
    expect(isAlive(neo4j.pid)).toBe(true);
    const server = await startTestServer(neo4j);
    try {
      expect((await server.gql('{ glossary { number } }')).data).toEqual({ glossary: [] });
      await neo4j.stop();
      expect(isAlive(neo4j.pid)).toBe(false);

      const res = await server.gql('{ glossary { number } }');
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' }, message: expect.stringContaining('unavailable') });
      expect(JSON.stringify(res)).not.toMatch(/\s+at\s+/);
      const health = await fetch(`${server.app.url}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'degraded', neo4j: { connected: false } });
    } finally {
      await server.stop();
      await neo4j.stop();
    }
  });
});

describe('the class-data archive (faster JVM starts)', () => {
  /** The archive's path for this JDK and Neo4j build, in a folder of the test's own (not the shared neo4j/target/cds). */
  async function archivePath(dir: string): Promise<string> {
    const dist = await fetchNeo4j({ maven: 'mvn', log: quiet });
    return join(dir, `${archiveKey(spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr, dist.jarFiles)}.jsa`);
  }
  async function answers(neo4j: { uri: string; auth: BoltAuth }): Promise<number> {
    const driver = createDriver(neo4j.uri, neo4j.auth);
    try {
      return (await driver.executeQuery('RETURN 41 + 1 AS n')).records[0].get('n');
    } finally {
      await driver.close();
    }
  }

  it('is made from a first start, and mapped by the next one', async () => {
    const classDataDir = tempDir();
    const archive = await archivePath(classDataDir);
    const lines: string[] = [];
    const options = await scratchNeo4j(tempDir(), { classDataDir, classArchiveDelayMs: 0, log: (l) => lines.push(l) });
    let neo4j = await startEmbeddedNeo4j(options);
    try {
      expect(lines.join('\n')).not.toMatch(/class-data archive\)/);
      neo4j.makeClassArchive();
      await waitUntil('the class-data archive', () => existsSync(archive) || lines.some((l) => /no class-data archive/.test(l)), 240_000);
      expect(lines.join('\n')).toMatch(/class-data archive ready in \d+ s/);
    } finally {
      await neo4j.stop();
    }
    lines.length = 0;
    neo4j = await startEmbeddedNeo4j(options);
    try {
      expect(lines.join('\n')).toMatch(/starting Neo4j .*, class-data archive\)/);
      expect(lines.join('\n')).not.toMatch(/could not be used/);
      expect(existsSync(archive)).toBe(true);
      expect(await answers(neo4j)).toBe(42);
    } finally {
      await neo4j.stop();
    }
  });

  it('never breaks a start: one the JVM cannot use is logged and deleted, and Neo4j starts without it', async () => {
    const classDataDir = tempDir();
    const archive = await archivePath(classDataDir);
    writeFileSync(archive, 'not a class-data archive');
    const lines: string[] = [];
    const neo4j = await startEmbeddedNeo4j(await scratchNeo4j(tempDir(), { classDataDir, log: (l) => lines.push(l) }));
    try {
      expect(lines.join('\n')).toMatch(/the class-data archive \S+ could not be used \(JVM: mixed mode\); it is deleted and will be made again/);
      expect(existsSync(archive)).toBe(false);
      expect(await answers(neo4j)).toBe(42);
    } finally {
      await neo4j.stop();
    }
  });
});

describe('the server process (npm start)', () => {
  it('starts Neo4j, loads the graph, serves it, and on SIGTERM stops everything, leaving no JVM', async () => {
    const env = await embeddedEnv();
    const run = runMain(env);
    let jvm = 0;
    try {
      await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, 150_000);
      expect(run.output.stdout).toMatch(/starting Neo4j 5\.26\.\d+/);
      expect(run.output.stdout).toMatch(/loaded longgang-2022-2023/);
      jvm = Number(/ready in [\d.]+ s \(pid (\d+)\)/.exec(run.output.stdout)?.[1]);
      expect(isAlive(jvm)).toBe(true);

      const health = await (await fetch(`http://127.0.0.1:${env.PORT}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', neo4j: { connected: true, edition: 'community' } });

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output.stdout).toMatch(/SIGTERM: draining requests and stopping/);
      expect(isAlive(jvm)).toBe(false);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('stops cleanly on Ctrl-C: SIGINT to its whole process group', async () => {
    const run = runMain(await embeddedEnv({ PLANGRAPH_AUTOLOAD: 'false' }), { ownProcessGroup: true });
    try {
      await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, 150_000);
      const jvm = Number(/\(pid (\d+)\)/.exec(run.output.stdout)![1]);
      process.kill(-run.child.pid!, 'SIGINT'); // what a terminal does on Ctrl-C
      expect(await run.exited).toBe(0);
      expect(run.output.stdout).toMatch(/SIGINT: draining requests and stopping…[\s\S]*stopped/);
      expect(isAlive(jvm)).toBe(false);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  // Restarts themselves are tested in test/integration/outage.test.ts; here: the process gives up when none are left.
  it('exits with an error, not serving errors forever, when its Neo4j dies and no restart is left', async () => {
    const run = runMain(await embeddedEnv({ PLANGRAPH_AUTOLOAD: 'false', PLANGRAPH_NEO4J_MAX_RESTARTS: '0' }));
    try {
      await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, 150_000);
      const jvm = Number(/\(pid (\d+)\)/.exec(run.output.stdout)![1]);
      process.kill(jvm, 'SIGKILL');
      expect(await run.exited).toBe(1);
      expect(run.output.stderr).toMatch(new RegExp(`could not be restarted \\(0 attempts\\)[\\s\\S]*Neo4j \\(pid ${jvm}\\) exited unexpectedly`));
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('leaves no JVM behind even when it is killed outright (SIGKILL)', async () => {
    const run = runMain(await embeddedEnv({ PLANGRAPH_AUTOLOAD: 'false' }));
    await waitUntil('Neo4j to start', () => /\(pid \d+\)/.test(run.output.stdout) || run.child.exitCode !== null, 150_000);
    const jvm = Number(/\(pid (\d+)\)/.exec(run.output.stdout)![1]);
    expect(isAlive(jvm)).toBe(true);
    run.child.kill('SIGKILL');
    await run.exited;
    // The JVM sees its stdin close and shuts Neo4j down by itself.
    await waitUntil('the orphaned JVM to exit', () => !isAlive(jvm), 60_000);
  });

  it('reports an unreachable NEO4J_URI in one clear line, not a stack trace', async () => {
    const closed = await freePort();
    const run = runMain({ NEO4J_URI: `bolt://127.0.0.1:${closed}`, PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output.stderr).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${closed}`);
    expect(run.output.stderr).toMatch(/Check NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD/);
    expect(run.output.stderr).not.toMatch(/^\s+at /m);
  });

  it('reports a malformed NEO4J_URI or PORT as a configuration error', async () => {
    const run = runMain({ NEO4J_URI: 'http://localhost:7474', PORT: 'eighty' });
    expect(await run.exited).toBe(2);
    expect(run.output.stderr).toMatch(/NEO4J_URI=http:\/\/localhost:7474 must look like neo4j:\/\/host:7687/);
    expect(run.output.stderr).toMatch(/PORT=eighty must be an integer/);
    expect(run.output.stderr).not.toMatch(/^\s+at /m);
  });
});
