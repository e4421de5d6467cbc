import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { buildASTSchema, concatAST } from 'graphql';
import { loadTypeDefs } from '../../../src/graphql/type-defs';
import { startTestServer, TestServer } from '../../helpers/server';
import { generate, HostileRequest } from './generate';

/**
 * The hostile-input suite: over 1,000 generated requests against the real server and the real graph. For every
 * answer: no 5xx, within a time bound, GraphQL-shaped where it is an error, every error coded, no stack trace or
 * server path leaked. Afterwards the server still serves, and the graph's content hash is unchanged.
 */

jest.setTimeout(900_000);

const PER_CATEGORY = {
  'valid-random': 300,
  'hostile-variables': 200,
  invalid: 150,
  'deep-wide': 80,
  'alias-flood': 80,
  'oversized-malformed': 100,
  batches: 50,
  'methods-content-types': 100,
};
const SEED = 20_260_801;
/** The request deadline (query timeout + 5 s) plus slack for a shared, loaded machine. */
const BOUND_MS = 20_000;
const CONCURRENCY = 4;
const LEAK = /node_modules|\/src\/|\/work\/|\.(?:js|ts):\d+|"stacktrace"|\n\s+at /;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/**
 * The whole graph's content (cypher/read/content.cypher: without load ids and times, which another test file's
 * reload of the same fixtures changes while this suite runs), hashed.
 */
async function contentHash(): Promise<{ hash: string; rows: number }> {
  const rows = await server.cypher.read('read/content');
  const lines = rows.map((r) => JSON.stringify([r.kind, r.head, r.props])).sort();
  return { hash: createHash('sha256').update(lines.join('\n')).digest('hex'), rows: lines.length };
}

interface Outcome {
  category: string;
  /** What was sent, shortened, for the failure message. */
  sent: string;
  status: number;
  ms: number;
  body: string;
  contentType: string;
  error?: string;
}

function send(req: HostileRequest): Promise<Outcome> {
  const url = new URL(server.app.url);
  const started = Date.now();
  const sent = `${req.method} ${req.path.slice(0, 100)} ${String(req.body ?? '').slice(0, 200)}`;
  return new Promise((resolve) => {
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const r = httpRequest(
      { host: url.hostname, port: url.port, path: req.path, method: req.method, headers: { ...req.headers, ...(body ? { 'content-length': body.length } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ category: req.category, sent, status: res.statusCode ?? 0, ms: Date.now() - started, body: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }),
        );
      },
    );
    r.setTimeout(BOUND_MS * 2, () => r.destroy(new Error('no answer')));
    r.on('error', (err) => resolve({ category: req.category, sent, status: 0, ms: Date.now() - started, body: '', contentType: '', error: err.message }));
    r.end(body);
  });
}

it('1,000+ hostile requests: no 5xx, no crash, every error coded, nothing leaked, bounded time, the graph unchanged', async () => {
  const before = await contentHash();
  const schema = buildASTSchema(concatAST(loadTypeDefs()));
  const requests = generate(schema, SEED, PER_CATEGORY);
  expect(requests.length).toBeGreaterThanOrEqual(1_000);

  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) outcomes.push(await send(requests[next++]));
    }),
  );

  const problems: string[] = [];
  const codes = new Map<string, number>();
  const stats = new Map<string, { n: number; ok: number; refused: number; maxMs: number }>();
  for (const o of outcomes) {
    const s = stats.get(o.category) ?? { n: 0, ok: 0, refused: 0, maxMs: 0 };
    s.n += 1;
    s.maxMs = Math.max(s.maxMs, o.ms);
    const where = `${o.category}: ${o.sent} → ${o.status} ${o.body.slice(0, 200)}`;
    if (o.error) problems.push(`no HTTP answer (${o.error}): ${where}`);
    if (o.status >= 500) problems.push(`5xx: ${where}`);
    if (o.ms > BOUND_MS) problems.push(`took ${o.ms} ms: ${where}`);
    if (LEAK.test(o.body)) problems.push(`leaks internals: ${where}`);
    let errors: { extensions?: { code?: string } }[] = [];
    if (o.contentType.includes('json') && o.body) {
      const parsed = JSON.parse(o.body);
      errors = Array.isArray(parsed) ? parsed.flatMap((p) => p.errors ?? []) : parsed.errors ?? [];
    } else if (o.status >= 400 && o.status !== 404 && o.body) {
      problems.push(`a non-JSON error answer: ${where}`);
    }
    for (const e of errors) {
      const code = e.extensions?.code;
      if (!code) problems.push(`an error without a code: ${where}`);
      if (code === 'INTERNAL_SERVER_ERROR') problems.push(`an internal error (a bug, not a refusal): ${where}`);
      codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
    }
    if (o.status < 400 && errors.length === 0) s.ok += 1;
    else s.refused += 1;
    stats.set(o.category, s);
  }

  console.log(
    [
      `hostile suite: ${outcomes.length} requests (seed ${SEED})`,
      '  category               requests  answered  refused  slowest',
      ...[...stats].map(([c, s]) => `  ${c.padEnd(22)} ${String(s.n).padStart(8)} ${String(s.ok).padStart(9)} ${String(s.refused).padStart(8)} ${String(s.maxMs).padStart(6)} ms`),
      `  error codes: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ')}`,
    ].join('\n'),
  );
  expect(problems.slice(0, 20)).toEqual([]);

  // Still serving, and the graph is exactly as it was.
  const health = await fetch(`${server.app.url}/health`);
  expect(health.status).toBe(200);
  expect((await server.data('{ glossary { number } }')).glossary).toHaveLength(19);
  const after = await contentHash();
  expect(after.rows).toBeGreaterThan(1_000);
  expect(after).toEqual(before);
});
