import fc from 'fast-check';
import { ATTACKS, post, probeHealth, runAttack } from '../../../bench/attacks';
import { startTestServer, TestServer } from '../../helpers/server';
import { loadExamples } from '../../../src/docs/examples';

/**
 * Issue 16's attacks, each at the size that hurt (bench/attacks.ts), against a real server on the real graph, with
 * /health probed every 100 ms all along: every attack gets a coded refusal or a bounded answer within its time
 * (2 s for fragment fan-out, 5 s for the rest), /health answers within 1 s throughout, and the process's memory
 * stays bounded. Then a property-based run (fast-check): documents built from fragments, aliases, directives and
 * nesting over the schema's own list fields, which must all be answered or refused with a code, never hang.
 *
 * The time bounds are the issue's; the refusals they check take milliseconds, so a loaded 2-core machine has
 * two orders of magnitude of room. The one attack that does real work (8 path searches at once) is bounded by
 * the search bulkhead (2 s wait, 4 s in all), not by the machine's speed.
 */

jest.setTimeout(600_000);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // A warm server, as in production: each documented query once, so no attack pays for Neo4j planning a statement
  // for the first time (seconds on a loaded machine; that is issue 17's, not an attack's).
  for (const e of loadExamples()) await server.gql(e.query);
  for (const q of ['{ projects(first: 1) { totalCount } }', '{ neighborhood(id: "district:longgang", depth: 1) { nodes { id } } }',
    '{ ask(question: "哪些项目服务于低碳智造核?") { confidence } }']) await server.gql(q);
});
afterAll(() => server.stop());

describe('each attack of issue 16 is refused or bounded, and /health stays live', () => {
  const rssBefore = process.memoryUsage().rss;

  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s', async (_name, attack) => {
    const probe = probeHealth(server.app.url);
    const outcome = await runAttack(server.app.url, attack);
    const health = await probe.stop();
    expect(outcome.unexpected).toEqual([]);
    expect(outcome.refused + outcome.answered).toBe(attack.bodies.length);
    expect(outcome.worstMs).toBeLessThan(attack.withinMs);
    expect(health.failures).toBe(0);
    expect(health.worst).toBeLessThan(1_000);
  });

  it('memory stays bounded (the attacks above added less than 300 MiB; the whole process is under 1 GiB)', () => {
    const rss = process.memoryUsage().rss;
    expect(rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
    expect(rss).toBeLessThan(1024 * 1024 * 1024);
  });
});

describe('the runtime budget: an answer larger than allowed is one coded error, not a bigger answer', () => {
  it('objects: past PLANGRAPH_MAX_RESPONSE_OBJECTS the answer is QUERY_LIMIT_EXCEEDED naming the limit', async () => {
    const small = await startTestServer(undefined, { limits: { maxResponseObjects: 200 } });
    try {
      const res = await small.gql('{ projects(first: 300) { edges { node { name } } } }');
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxResponseObjects', max: 200 }) })]);
      expect((await small.data('{ projects(first: 20) { edges { node { name } } } }')).projects.edges).toHaveLength(20);
    } finally {
      await small.stop();
    }
  });

  it('bytes: past PLANGRAPH_MAX_RESPONSE_BYTES the answer is QUERY_LIMIT_EXCEEDED naming the limit', async () => {
    const small = await startTestServer(undefined, { limits: { maxResponseBytes: 20_000 } });
    try {
      const res = await small.gql('{ projects(first: 300) { edges { node { name evidence { quote } } } } }');
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxResponseBytes', max: 20_000 });
      expect(Number(res.errors?.[0].extensions?.actual)).toBeGreaterThan(20_000);
    } finally {
      await small.stop();
    }
  });
});

describe('a deadline that cancels', () => {
  it('past the deadline the client gets a coded answer at once, and nothing of the request runs on in Neo4j', async () => {
    // A deadline shorter than six path searches take (two at a time: a few hundred ms at the very least).
    const slow = await startTestServer(undefined, { limits: { requestDeadlineMs: 60 }, queryTimeoutMs: 60_000 });
    try {
      const before = (await slow.cypher.read<{ n: number }>('test/statements-running'))[0]?.n ?? 0;
      // Many path searches in one request: they queue in the bulkhead; the deadline stops the queue.
      const pairs = ['一芯两核多支点', '龙岗区', '低碳智造核', '坂田街道', '深圳国际低碳城', '信息数字核', '湾东智芯', '多支点'];
      const query = `{ ${pairs.slice(0, 6).map((from, i) => `p${i}: paths(from: "${from}", to: "${pairs[(i + 3) % 8]}", maxHops: 6, k: 5) { paths { length } }`).join(' ')} }`;
      const res = await post(slow.app.url, { query });
      // Either the deadline's own 503, or the statements' timeouts (each got only the time left) reported first.
      const codes = JSON.parse(res.text).errors.map((e: { extensions: { code: string } }) => e.extensions.code);
      if (res.status === 503) expect(codes).toEqual(['SERVICE_UNAVAILABLE']);
      else expect([...new Set(codes)]).toEqual(['QUERY_TIMEOUT']);
      expect(res.ms).toBeLessThan(5_000);
      // Within the query timeout (60 s here), nothing of that request is still running in Neo4j a few seconds later.
      let running = Infinity;
      for (let i = 0; i < 50 && running > before; i++) {
        await new Promise((r) => setTimeout(r, 200));
        running = (await slow.cypher.read<{ n: number }>('test/statements-running'))[0]?.n ?? 0;
      }
      expect(running).toBeLessThanOrEqual(before);
    } finally {
      await slow.stop();
    }
  });
});

describe('property: generated documents (fragments, aliases, directives, nesting) are answered or refused with a code', () => {
  // The schema's own list fields, nested through fragments and aliases as an attacker would combine them.
  const LEAVES = ['name', 'id', '__typename'];
  const DISTRICT_LISTS = ['children', 'indicators { measures { __typename } }', 'organizations', 'strategies'];

  const selection: fc.Memo<string> = fc.memo((depth) =>
    depth <= 1
      ? fc.constantFrom(...LEAVES)
      : fc.oneof(
          fc.constantFrom(...LEAVES),
          fc.tuple(fc.constantFrom('children', 'parent'), selection(depth - 1)).map(([f, s]) => `${f} { ${s} }`),
          fc.tuple(fc.constantFrom(...DISTRICT_LISTS.slice(1))).map(([f]) => `${f.includes('{') ? f : `${f} { id }`}`),
          fc.tuple(fc.integer({ min: 0, max: 29 }), selection(depth - 1)).map(([i, s]) => `a${i}: children { ${s} }`),
          fc.tuple(fc.boolean(), selection(depth - 1)).map(([skip, s]) => `children @${skip ? 'skip' : 'include'}(if: ${skip}) { ${s} }`),
        ),
  );

  const documentArb = fc.record({
    fragments: fc.integer({ min: 1, max: 25 }),
    fan: fc.integer({ min: 1, max: 9 }),
    body: selection(5),
    root: fc.constantFrom('district(id: "district:longgang")', 'district(name: "坂田")', 'districts(first: 500) { edges { node'),
  }).map(({ fragments, fan, body, root }) => {
    const defs = Array.from({ length: fragments }, (_, i) =>
      `fragment F${i} on District { ${i === fragments - 1 ? body : `children { ${Array.from({ length: fan }, () => `...F${i + 1}`).join(' ')} } ${body}`} }`);
    const close = root.includes('edges') ? ' } } }' : ' }';
    return `{ ${root} { ...F0${close} } ${defs.join(' ')}`;
  });

  it('200 generated documents: every answer within 5 s, coded if refused, /health live', async () => {
    const probe = probeHealth(server.app.url);
    const bad: string[] = [];
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(documentArb, async (query) => {
        const res = await post(server.app.url, { query }, 30_000);
        const body = JSON.parse(res.text) as { errors?: { extensions?: { code?: string } }[] };
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        if (codes.length) refused += 1;
        const ok = res.ms < 5_000 && res.status < 500 && codes.every((c) => c && c !== 'INTERNAL_SERVER_ERROR');
        if (!ok) bad.push(`${res.status} ${res.ms} ms ${codes.join(',')}: ${query.slice(0, 300)}`);
        return ok;
      }),
      { numRuns: 200, seed: 20_261_203 },
    );
    const health = await probe.stop();
    console.log(`generated documents: 200, refused ${refused}; /health p99 ${health.p99} ms, worst ${health.worst} ms`);
    expect(bad).toEqual([]);
    expect(health.worst).toBeLessThan(1_000);
  });
});
