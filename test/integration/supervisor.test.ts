import { freePort } from '../helpers/ports';
import { healthOf, isAlive, MainProcess, runMain, waitUntil } from '../helpers/main-process';
import { neo4jAuth, neo4jUri } from '../helpers/server';

/**
 * Self-healing (src/api-supervisor.ts): the real entry point against the suite's Neo4j (NEO4J_URI, so no JVM of its
 * own), its API worker made stuck (SIGSTOP: its event loop runs no more, as under a request that never yields) or
 * killed. Bounds are generous waits for a loaded 2-core machine; the one timing assertion is the issue's: a stuck
 * API is serving again within 30 s, without a human.
 */

jest.setTimeout(600_000);
const step = (what: string) => console.log(`[supervisor test] ${new Date().toISOString().slice(11, 19)} ${what}`);

async function start(env: Record<string, string> = {}): Promise<{ run: MainProcess; url: string }> {
  const port = await freePort();
  const run = runMain({
    NEO4J_URI: neo4jUri(), NEO4J_PASSWORD: neo4jAuth()?.password ?? '', PORT: String(port), HOST: '127.0.0.1',
    PLANGRAPH_AUTOLOAD: 'false', LOG_LEVEL: 'warn', ...env,
  });
  await waitUntil('the server to be ready', () => run.output.stdout.includes('/graphql') || run.child.exitCode !== null, 180_000);
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
