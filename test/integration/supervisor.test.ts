import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passwordFile, START_TIMEOUT_MS } from '../../src/neo4j/embedded';
import { freePort } from '../helpers/ports';
import { healthOf, isAlive, MainProcess, runMain, waitUntil } from '../helpers/main-process';
import { neo4jAuth, neo4jUri } from '../helpers/server';

/**
 * Self-healing (src/api-supervisor.ts): the real entry point against the suite's Neo4j (NEO4J_URI, so no JVM of its
 * own), its API worker made stuck (SIGSTOP: its event loop runs no more, as under a request that never yields) or
 * killed. Bounds are generous waits for a loaded 2-core machine; the one timing assertion is the issue's: a stuck
 * API is serving again within 30 s, without a human.
 */

/** A server's start with a JVM of its own (the last test): the JVM, then the API worker. */
const SERVER_READY_MS = START_TIMEOUT_MS + 120_000;
jest.setTimeout(3 * START_TIMEOUT_MS + 300_000);
const step = (what: string) => console.log(`[supervisor test] ${new Date().toISOString().slice(11, 19)} ${what}`);

/** `npm start` against the suite's Neo4j (NEO4J_URI), or with `embedded` env, a Neo4j of its own. */
async function start(env: Record<string, string> = {}, embedded = false): Promise<{ run: MainProcess; url: string }> {
  const port = await freePort();
  const neo4j: Record<string, string> = embedded ? {} : { NEO4J_URI: neo4jUri(), NEO4J_PASSWORD: neo4jAuth()?.password ?? '' };
  const run = runMain({ ...neo4j, PORT: String(port), HOST: '127.0.0.1', PLANGRAPH_AUTOLOAD: 'false', LOG_LEVEL: 'warn', ...env });
  await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, SERVER_READY_MS);
  expect(run.child.exitCode).toBeNull();
  return { run, url: `http://127.0.0.1:${port}` };
}

/** Polls /health (each request bounded: the stuck worker may hold one) until another process than `not` answers 200. */
async function answeredByAnother(url: string, not: number, ms: number): Promise<number> {
  let pid = 0;
  await waitUntil(`a process other than ${not} to answer /health`, async () => {
    const health = await healthOf(url);
    if (health?.status === 200 && health.body.pid !== not) pid = health.body.pid;
    return pid !== 0;
  }, ms);
  return pid;
}

it('replaces a stuck API worker within 30 s, keeping Neo4j, and says why', async () => {
  const { run, url } = await start();
  let stuck = 0;
  try {
    const first = await healthOf(url, 30_000);
    expect(first).toMatchObject({ status: 200, body: { status: 'ok' } });
    stuck = first!.body.pid;
    expect(stuck).not.toBe(run.child.pid); // the API is served by a worker, not by the primary

    step(`stopping the API worker (pid ${stuck}) as a blocked event loop would`);
    process.kill(stuck, 'SIGSTOP');
    const stoppedAt = Date.now();
    const replacement = await answeredByAnother(url, stuck, 120_000);
    const recoveredMs = Date.now() - stoppedAt;
    step(`pid ${replacement} answers /health ${(recoveredMs / 1000).toFixed(1)} s after the worker got stuck`);
    expect(recoveredMs).toBeLessThan(30_000);
    expect(run.output.stdout).toMatch(
      new RegExp(`API worker stuck \\(no heartbeat for \\d+ s\\): replaced \\(pid ${stuck} by pid ${replacement};`),
    );
    expect(run.output.stdout).toMatch(new RegExp(`API worker pid ${replacement} serves http://`));
    // The stuck one is killed once its replacement serves.
    await waitUntil('the stuck worker to be killed', () => !isAlive(stuck), 60_000);

    // The same primary, the same port, a working API.
    const answer = await fetch(`${url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ glossary { number } }' }),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { glossary: unknown[] } }).data.glossary.length).toBeGreaterThan(10);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output.stdout).toMatch(/SIGTERM: draining requests and stopping…[\s\S]*stopped/);
    expect(isAlive(replacement)).toBe(false);
  } finally {
    if (stuck && isAlive(stuck)) process.kill(stuck, 'SIGKILL');
    run.child.kill('SIGKILL');
  }
});

it('replaces a worker that exits, and ends a crash loop by exiting with status 1', async () => {
  const { run, url } = await start({ PLANGRAPH_WORKER_MAX_RESTARTS: '1' });
  try {
    const first = (await healthOf(url, 30_000))!.body.pid;
    step(`killing the API worker (pid ${first})`);
    process.kill(first, 'SIGKILL');
    const second = await answeredByAnother(url, first, 120_000);
    expect(run.output.stdout).toMatch(new RegExp(`API worker exited unexpectedly \\(SIGKILL\\): replaced \\(pid ${first} by pid ${second};`));

    step(`killing its replacement (pid ${second}): one replacement a minute is the bound here`);
    process.kill(second, 'SIGKILL');
    expect(await run.exited).toBe(1);
    expect(run.output.stderr).toMatch(/API worker exited unexpectedly \(SIGKILL\), and 1 API workers were replaced within the last minute \(PLANGRAPH_WORKER_MAX_RESTARTS=1\): giving up/);
    expect(run.output.stdout).toMatch(/the API keeps failing: draining requests and stopping…[\s\S]*stopped/);
  } finally {
    run.child.kill('SIGKILL');
  }
});

it('tells the API worker at once when the embedded Neo4j dies, and hands it the restarted JVM\'s new password', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'plangraph-supervisor-'));
  const { run, url } = await start({
    PLANGRAPH_DATA_DIR: dataDir, PLANGRAPH_NEO4J_BOLT_PORT: String(await freePort()), PLANGRAPH_NEO4J_HEAP: '512m',
    PLANGRAPH_NEO4J_RESTART_BACKOFF_MS: '100',
  }, true);
  try {
    const worker = (await healthOf(url, 30_000))!.body.pid;
    const jvm = Number(/Neo4j [\d.]+ ready in [\d.]+ s \(pid (\d+)\)/.exec(run.output.stdout)![1]);
    const firstPassword = readFileSync(passwordFile(dataDir), 'utf8').trim();
    step(`killing the embedded JVM (pid ${jvm})`);
    process.kill(jvm, 'SIGKILL');
    // The primary tells the worker: /health says degraded without waiting for a request to fail.
    await waitUntil('/health to answer 503', async () => (await healthOf(url))?.status === 503, 30_000);
    await waitUntil('/health to answer 200 again', async () => (await healthOf(url))?.status === 200, START_TIMEOUT_MS + 60_000);
    step('the API answers again');
    expect(run.output.stdout).toMatch(/Neo4j restarted \(pid \d+\)/);
    expect(run.output.stdout).toMatch(/Neo4j unavailable: the embedded Neo4j is restarting[\s\S]*Neo4j answers again/);
    // A new password, which the same worker uses (no replacement was needed).
    expect(readFileSync(passwordFile(dataDir), 'utf8').trim()).not.toBe(firstPassword);
    expect((await healthOf(url, 30_000))!.body.pid).toBe(worker);
    expect(run.output.stdout).not.toMatch(/API worker .*replaced/);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  } finally {
    run.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
