import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveKey } from '../../src/neo4j/class-archive';
import { BoltAuth, createDriver } from '../../src/neo4j/connect';
import { EmbeddedNeo4jError, passwordFile, START_TIMEOUT_MS, startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { assertMavenInstalled, fetchNeo4j, isFetched, Neo4jFetchError } from '../../src/neo4j/fetch';
import { ROOT } from '../../src/paths';
import { isAlive, runMain, waitUntil } from '../helpers/main-process';
import { scratchNeo4j } from '../helpers/neo4j';
import { freePort } from '../helpers/ports';
import { neo4jAuth, neo4jUri, startTestServer } from '../helpers/server';

/**
 * The embedded Neo4j launcher and the real entry point (dist/src/main.js), as a user runs them.
 *
 * Every wait has a bound of its own, named below, sized for a loaded 2-core machine (another jest worker, the
 * suite's Neo4j and other people's work all compete with the JVMs these tests start): they are there to end a hang
 * with a clear message, not to measure speed. Measured under load (load average 6–8): a first start 40 s, the
 * nice-19 class-data dump 71 s, a second start 26 s; on a quiet machine a third of that.
 */
/** A server's start: the JVM, the graph's schema and load (~20–60 s under load), the API worker. */
const SERVER_READY_MS = START_TIMEOUT_MS + 120_000;
/** The class-data dump runs at the lowest CPU priority, so a busy machine starves it: minutes, not seconds. */
const DUMP_MS = 300_000;
/** A JVM's shutdown (~3 s quiet). */
const STOP_MS = 120_000;
// The ceiling of a test is the sum of its own bounds (the largest: the class-data test, two starts and a dump);
// jest's default 120 s, smaller than that sum, is what failed before.
jest.setTimeout(2 * START_TIMEOUT_MS + DUMP_MS + 2 * STOP_MS);

const quiet = () => undefined;

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


/** `npm run cypher -- FILE` (its build), as a researcher runs it beside a running server with the same environment. */
function cypherCli(env: Record<string, string>, file: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NEO4J_|PLANGRAPH_|PORT$)/.test(k)));
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'dist/src/cli/cypher.js'), file], { cwd: ROOT, env: { ...clean, ...env }, timeout: STOP_MS },
      (err, stdout, stderr) => resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

describe('the embedded Neo4j is locked down (the suite\'s own, started like every embedded one)', () => {
  async function run(auth: BoltAuth | undefined, query: string) {
    const driver = createDriver(neo4jUri(), auth);
    try {
      return (await driver.executeQuery(query)).records.map((r) => r.toObject());
    } finally {
      await driver.close();
    }
  }
  const refused = { code: 'Neo.ClientError.Security.Unauthorized' };

  it('refuses a Bolt client without the password, with a wrong one, and with the default neo4j/neo4j', async () => {
    await expect(run(undefined, 'RETURN 1 AS n')).rejects.toMatchObject(refused);
    await expect(run({ username: 'neo4j', password: 'not-the-password' }, 'RETURN 1 AS n')).rejects.toMatchObject(refused);
    await expect(run({ username: 'neo4j', password: 'neo4j' }, 'RETURN 1 AS n')).rejects.toMatchObject(refused);
    // No lock-out after failed logins (a local user could otherwise lock the API out): the right password still works.
    expect(await run(neo4jAuth(), 'RETURN 1 AS n')).toEqual([{ n: 1 }]);
  });

  it('refuses LOAD CSV from a file, and from any address, even with the password', async () => {
    await expect(run(neo4jAuth(), "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1")).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.ExternalResourceFailed', message: expect.stringContaining('allow_csv_import_from_file_urls'),
    });
    const local = await freePort();
    await expect(run(neo4jAuth(), `LOAD CSV FROM 'http://127.0.0.1:${local}/x.csv' AS row RETURN row LIMIT 1`)).rejects.toMatchObject({
      code: 'Neo.ClientError.Statement.ExternalResourceFailed', message: expect.stringContaining('blocked'),
    });
  });
});

describe('fetching Neo4j', () => {
  it('uses the cache on the second start: no Maven run at all', async () => {
    expect(isFetched()).toBe(true); // the suite's own Neo4j fetched it
    // A Maven that does not exist: any attempt to run it would fail the fetch.
    const dist = await fetchNeo4j({ maven: '/nonexistent/mvn', log: quiet });
    expect(dist).toMatchObject({ cached: true, version: expect.stringMatching(/^5\.26\./) });
    expect(dist.jars).toBeGreaterThan(100);
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

  it('stops without leaving a JVM (or its password file); the API then answers SERVICE_UNAVAILABLE instead of hanging', async () => {
    const dataDir = tempDir();
    const neo4j = await startEmbeddedNeo4j(await scratchNeo4j(dataDir));
    expect(isAlive(neo4j.pid)).toBe(true);
    // While it runs, its password is in a file only its owner can read (for the CLIs and Bolt clients).
    expect(readFileSync(passwordFile(dataDir), 'utf8').trim()).toBe(neo4j.auth.password);
    expect(statSync(passwordFile(dataDir)).mode & 0o777).toBe(0o600);
    const server = await startTestServer(neo4j);
    try {
      expect((await server.gql('{ glossary { number } }')).data).toEqual({ glossary: [] });
      await neo4j.stop();
      expect(isAlive(neo4j.pid)).toBe(false);
      expect(existsSync(passwordFile(dataDir))).toBe(false);

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
    const firstAuth = neo4j.auth;
    try {
      expect(lines.join('\n')).not.toMatch(/class-data archive\)/);
      neo4j.makeClassArchive();
      await waitUntil('the class-data archive', () => existsSync(archive) || lines.some((l) => /no class-data archive/.test(l)), DUMP_MS);
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
      // Each start has its own password: the last one's opens nothing any more (the store is the same).
      expect(neo4j.auth.password).not.toBe(firstAuth.password);
      await expect(answers({ uri: neo4j.uri, auth: firstAuth })).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
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
      await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, SERVER_READY_MS);
      expect(run.output.stdout).toMatch(/starting Neo4j 5\.26\.\d+/);
      expect(run.output.stdout).toMatch(/loaded longgang-2022-2023/);
      jvm = Number(/ready in [\d.]+ s \(pid (\d+)\)/.exec(run.output.stdout)?.[1]);
      expect(isAlive(jvm)).toBe(true);

      const health = await (await fetch(`http://127.0.0.1:${env.PORT}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', neo4j: { connected: true, edition: 'community' } });

      // A researcher's `npm run cypher` reaches this server's Neo4j with the password it wrote for local tools.
      const cli = await cypherCli(env, 'cypher/research/projects-per-strategy.cypher');
      expect(cli.stderr).toContain(`using the running PlanGraph's Neo4j at bolt://127.0.0.1:${env.PLANGRAPH_NEO4J_BOLT_PORT}`);
      expect(cli.stderr).toMatch(/\[plangraph\] [1-9]\d* rows? in \d+ ms \(read-only\)/);
      expect(cli.status).toBe(0);

      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output.stdout).toMatch(/SIGTERM: draining requests and stopping/);
      expect(isAlive(jvm)).toBe(false);
      expect(existsSync(passwordFile(env.PLANGRAPH_DATA_DIR))).toBe(false);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('stops cleanly on Ctrl-C: SIGINT to its whole process group', async () => {
    const run = runMain(await embeddedEnv({ PLANGRAPH_AUTOLOAD: 'false' }), { ownProcessGroup: true });
    try {
      await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, SERVER_READY_MS);
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
      await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, SERVER_READY_MS);
      const jvm = Number(/\(pid (\d+)\)/.exec(run.output.stdout)![1]);
      process.kill(jvm, 'SIGKILL');
      expect(await run.exited).toBe(1);
      expect(run.output.stderr).toMatch(new RegExp(`could not be restarted \\(0 attempts\\)[\\s\\S]*Neo4j \\(pid ${jvm}\\) exited unexpectedly`));
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('leaves no JVM and no API worker behind even when it is killed outright (SIGKILL)', async () => {
    const env = await embeddedEnv({ PLANGRAPH_AUTOLOAD: 'false' });
    const run = runMain(env);
    await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, SERVER_READY_MS);
    const jvm = Number(/\(pid (\d+)\)/.exec(run.output.stdout)![1]);
    const worker = ((await (await fetch(`http://127.0.0.1:${env.PORT}/health`)).json()) as { pid: number }).pid;
    expect(isAlive(jvm)).toBe(true);
    expect(isAlive(worker)).toBe(true);
    run.child.kill('SIGKILL');
    await run.exited;
    // The JVM sees its stdin close and shuts Neo4j down by itself; the worker sees its IPC channel close.
    await waitUntil('the orphaned JVM to exit', () => !isAlive(jvm), STOP_MS);
    await waitUntil('the orphaned API worker to exit', () => !isAlive(worker), STOP_MS);
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
