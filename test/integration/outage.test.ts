import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Availability } from '../../src/neo4j/availability';
import { START_TIMEOUT_MS, startEmbeddedNeo4j, superviseEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { waitUntil } from '../helpers/main-process';
import { scratchNeo4j } from '../helpers/neo4j';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * Neo4j goes away while PlanGraph serves: each test kills a scratch Neo4j of its own (never the suite's) and
 * checks that every request is answered within a bound, SERVICE_UNAVAILABLE quickly once the outage is known,
 * /health 503 `degraded`, and that PlanGraph recovers by itself when Neo4j is back.
 */

/**
 * Once the outage is known, an answer takes at most FAST_MS: an answer from memory, where the driver's retries
 * would take 5 s; 2.5 s leaves room for a 2-core machine busy restarting a JVM. Before that, a request may be
 * inside the driver's retries; the request deadline (set low here) answers it anyway. BOUND_MS adds slack for a
 * loaded machine.
 */
const FAST_MS = 2_500;
const DEADLINE_MS = 6_000;
const BOUND_MS = DEADLINE_MS + 2_000;
// Up to three JVM starts (each bounded by START_TIMEOUT_MS) and the waits below, on a shared 2-core machine.
jest.setTimeout(4 * START_TIMEOUT_MS + 300_000);
const step = (what: string) => console.log(`[outage test] ${new Date().toISOString().slice(11, 19)} ${what}`);

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'plangraph-outage-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function timed(server: TestServer) {
  const started = Date.now();
  const res = await server.gql('{ glossary { number } }');
  return { ms: Date.now() - started, status: res.status, code: res.errors?.[0]?.extensions?.code, ok: !res.errors && Array.isArray(res.data?.glossary) };
}

async function healthOf(server: TestServer) {
  const res = await fetch(`${server.app.url}/health`);
  return { status: res.status, body: (await res.json()) as { status: string; neo4j: { connected: boolean } } };
}

/** Sends requests until `until` holds for one, asserting each is answered within the bound. */
async function pollUntil(server: TestServer, until: (r: Awaited<ReturnType<typeof timed>>) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  const seen: Awaited<ReturnType<typeof timed>>[] = [];
  for (;;) {
    const r = await timed(server);
    seen.push(r);
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.status).toBeLessThan(600);
    if (!r.ok) expect(r.code).toBe('SERVICE_UNAVAILABLE');
    if (until(r)) return seen;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${ms} ms; last: ${JSON.stringify(r)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectOutageAnswers(server: TestServer) {
  // The first request may wait for the driver's retries; once the outage is known, answers are immediate.
  // (A deadline answer is SERVICE_UNAVAILABLE too, but only a request that failed to reach Neo4j declares the outage.)
  await pollUntil(server, () => !server.app.availability.up, 30_000);
  const fast = await timed(server);
  expect(fast).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(fast.ms).toBeLessThan(FAST_MS);
  const health = await healthOf(server);
  expect(health).toMatchObject({ status: 503, body: { status: 'degraded', neo4j: { connected: false } } });
  expect(server.app.availability.up).toBe(false);
}

it('embedded: a killed JVM is restarted with backoff while requests get SERVICE_UNAVAILABLE; exhausted restarts are reported', async () => {
  // stableAfterMs: the second death below must count as the same outage however slowly this machine recovers
  // from the first (by default a JVM that ran 60 s starts a new outage).
  const neo4j = await superviseEmbeddedNeo4j({ ...(await scratchNeo4j(tempDir())), maxRestarts: 1, backoffMs: 200, stableAfterMs: 3_600_000 });
  const availability = new Availability(() => server.driver.verifyConnectivity().then(() => undefined), { intervalMs: 250 });
  const events: string[] = [];
  neo4j.onDown(() => {
    events.push('down');
    availability.markDown('the embedded Neo4j is restarting');
  });
  neo4j.onRestarted(() => events.push('restarted'));
  const gaveUp = new Promise<string>((resolve) => neo4j.onGaveUp(resolve));
  const server: TestServer = await startTestServer(neo4j, { availability, limits: { requestDeadlineMs: DEADLINE_MS } });
  try {
    await pollUntil(server, (r) => r.ok, 120_000); // a cold Neo4j on a loaded machine may miss the low deadline at first
    const firstPid = neo4j.pid;
    step('killing the embedded JVM');
    process.kill(firstPid, 'SIGKILL');
    await expectOutageAnswers(server);

    // Restarted on the same port with the same data: the same server answers again, no restart of PlanGraph.
    step('outage answers checked; waiting for the restart');
    await pollUntil(server, (r) => r.ok, 300_000);
    step('answers again');
    // The new JVM answers Bolt a moment before it reports ready (and the supervisor's 'restarted'): wait for that.
    await waitUntil('the restart to be reported', () => events.includes('restarted'), START_TIMEOUT_MS);
    expect(neo4j.pid).not.toBe(firstPid);
    expect(events).toEqual(['down', 'restarted']);
    expect((await healthOf(server)).body.status).toBe('ok');

    // Dying again within a minute continues the same outage: its one restart is used up, so it gives up.
    process.kill(neo4j.pid, 'SIGKILL');
    const detail = await gaveUp;
    expect(detail).toMatch(/could not be restarted \(1 attempts\)/);
    await expectOutageAnswers(server);
  } finally {
    await server.stop();
    availability.close();
    await neo4j.stop();
  }
});

it('external (NEO4J_URI): during an outage the same answers; when the database is back, recovery without a restart', async () => {
  const options = await scratchNeo4j(tempDir());
  let neo4j = await startEmbeddedNeo4j(options);
  // The database the operator brings back has a new password (each embedded start does): read the current one.
  const server = await startTestServer({ uri: neo4j.uri, get auth() { return neo4j.auth; } }, { limits: { requestDeadlineMs: DEADLINE_MS } });
  try {
    await pollUntil(server, (r) => r.ok, 120_000);
    step('killing the "external" Neo4j');
    process.kill(neo4j.pid, 'SIGKILL');
    await expectOutageAnswers(server);
    // Still down a few seconds later: every answer quick, none hanging.
    for (let i = 0; i < 5; i++) {
      const r = await timed(server);
      expect(r).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(r.ms).toBeLessThan(FAST_MS);
    }

    step('outage answers checked; starting the database again');
    neo4j = await startEmbeddedNeo4j(options); // the operator brings the database back
    await pollUntil(server, (r) => r.ok, 60_000);
    step('answers again');
    expect(server.app.availability.up).toBe(true);
    expect(await healthOf(server)).toMatchObject({ status: 200, body: { status: 'ok' } });
  } finally {
    await server.stop();
    await neo4j.stop();
  }
});
