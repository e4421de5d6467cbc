import { request as httpRequest } from 'node:http';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * The HTTP layer over real HTTP against the real graph: oversized bodies get a real 413, CORS and security headers,
 * compression, limits refused with their names, batches, methods and content types, the request log and /metrics.
 */

let server: TestServer;
const logLines: Record<string, any>[] = [];
beforeAll(async () => {
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
  });
  server = await startTestServer(undefined, { logLevel: 'info', logStream, corsOrigins: ['https://partner.example'] });
});
afterAll(() => server.stop());

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${server.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

/** A raw HTTP request that reports what happened on the socket (fetch hides a reset behind "fetch failed"). */
function rawPost(body: Buffer): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const url = new URL(`${server.app.url}/graphql`);
    const req = httpRequest({ host: url.hostname, port: url.port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', (err) => resolve({ error: err.message }));
    req.end(body);
  });
}

describe('oversized requests get a real 413 answer, not a broken pipe', () => {
  it('a 5 MB body', async () => {
    const body = Buffer.from(JSON.stringify({ query: '{ glossary { number } }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
    const res = await rawPost(body);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(413);
    const answer = JSON.parse(res.body!);
    expect(answer.errors[0]).toMatchObject({
      extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 'maxBodyBytes', max: 1_000_000, actual: body.length },
      message: expect.stringMatching(new RegExp(`is ${body.length}; the limit maxBodyBytes \\(PLANGRAPH_MAX_BODY_BYTES\\) is 1000000`)),
    });
  });

  it('a search for a 2.4 MB string, through fetch as a browser would send it', async () => {
    const text = '龙'.repeat(800_000); // 3 bytes each in UTF-8
    const res = await post(JSON.stringify({ query: 'query($t: String!) { search(text: $t) { score } }', variables: { t: text } }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // The server is fine afterwards.
    expect(((await (await post(JSON.stringify({ query: '{ glossary { number } }' }))).json()) as any).data.glossary).toHaveLength(19);
  });
});

describe('limits over HTTP: QUERY_LIMIT_EXCEEDED naming the limit, its value and the request\'s', () => {
  const refused = async (body: object) => {
    const res = await post(JSON.stringify(body));
    const answer = (await res.json()) as any;
    return { status: res.status, error: answer.errors?.[0], roundTrips: answer.extensions?.plangraph?.cypherRoundTrips ?? 0 };
  };

  it('300 aliases of a 500-row list (the issue\'s 6.4 MB answer) are refused before anything runs', async () => {
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: projects(first: 500) { edges { node { name } } }`).join(' ')} }`;
    const { status, error, roundTrips } = await refused({ query });
    expect(status).toBe(400);
    expect(error.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED' });
    expect(['maxAliases', 'maxRootFields', 'maxTokens']).toContain(error.extensions.limit);
    expect(error.message).toMatch(/is \d+; the limit max\w+ \(PLANGRAPH_MAX_\w+\) is \d+/);
    expect(roundTrips).toBe(0);
  });

  it('cost counts `first` from variables through nesting', async () => {
    const query = 'query Wide($n: Int) { strategies(first: $n) { edges { node { projects(first: $n) { edges { node { name } } } } } } }';
    const { status, error } = await refused({ query, variables: { n: 500 }, operationName: 'Wide' });
    expect(status).toBe(400);
    expect(error.extensions).toEqual({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxCost', max: 50_000, actual: 1 + 500 * (2 + 500) });
    expect(error.message).toMatch(/is 251001; the limit maxCost \(PLANGRAPH_MAX_QUERY_COST\) is 50000/);
    const small = await post(JSON.stringify({ query, variables: { n: 5 } }));
    expect(((await small.json()) as any).errors).toBeUndefined();
  });

  it('tokens, root fields and depth', async () => {
    const tokens = await refused({ query: `{ glossary { ${'number '.repeat(2500)} } }` });
    expect(tokens.error.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens', max: 2000, actual: 2505 });
    const roots = await refused({ query: `{ ${Array.from({ length: 21 }, (_, i) => `d${i}: documents { id }`).join(' ')} }` });
    expect(roots.error.extensions).toMatchObject({ limit: 'maxRootFields', max: 20, actual: 21 });
    const deep = await refused({ query: `{ strategy(name: "东核") { ${'partOf { '.repeat(20)}name${' }'.repeat(20)} } }` });
    expect(deep.error.extensions).toMatchObject({ limit: 'maxDepth', max: 15, actual: 22 });
  });

  it('batches are refused unless enabled, and then bounded', async () => {
    const batch = [{ query: '{ glossary { number } }' }, { query: '{ documents { id } }' }];
    const res = await post(JSON.stringify(batch));
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0]).toMatchObject({
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxBatch', max: 0, actual: 2 },
      message: expect.stringMatching(/Batching is off/),
    });
    const batching = await startTestServer(undefined, { limits: { maxBatch: 2 } });
    try {
      const ok = (await fetch(`${batching.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) }));
      const answers = (await ok.json()) as any[];
      expect(answers.map((a) => Object.keys(a.data))).toEqual([['glossary'], ['documents']]);
      const tooMany = await fetch(`${batching.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([...batch, ...batch]) });
      expect(((await tooMany.json()) as any).errors[0].extensions).toMatchObject({ limit: 'maxBatch', max: 2, actual: 4 });
    } finally {
      await batching.stop();
    }
  });
});

it('a long search text within the body limit is BAD_USER_INPUT, not a database error', async () => {
  const res = await post(JSON.stringify({ query: 'query($t: String!) { search(text: $t) { score } }', variables: { t: '深圳'.repeat(5_000) } }));
  const answer = (await res.json()) as any;
  // Refused before Apollo (src/http/limits.ts): every string argument is bounded, not only search's.
  expect(answer.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'maxInputLength', max: 200, actual: 10_000 } });
  expect(res.status).toBe(400);
});

describe('methods, content types, routes', () => {
  it('answer with GraphQL-shaped errors and the right status', async () => {
    const put = await fetch(`${server.app.url}/graphql`, { method: 'PUT', body: '{}' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    const text = await post('query { glossary { number } }', { 'content-type': 'text/xml' });
    expect(text.status).toBe(415);
    expect(((await text.json()) as any).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await post('');
    expect(empty.status).toBe(400);
    const missing = await fetch(`${server.app.url}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' }, message: expect.stringContaining('/graphql') });
  });
});

describe('browsers: CORS, security headers, compression', () => {
  it('allows the same origin, localhost and the configured list; not others', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.app.url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    for (const origin of ['http://localhost:5173', 'https://partner.example', server.app.url]) {
      const res = await preflight(origin);
      expect({ origin, allowed: res.headers.get('access-control-allow-origin') }).toEqual({ origin, allowed: origin });
    }
    const evil = await preflight('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await post(JSON.stringify({ query: '{ documents { id } }' }), { origin: 'https://partner.example' });
    expect(simple.headers.get('access-control-allow-origin')).toBe('https://partner.example');
  });

  it('sends a CSP that allows only this origin\'s scripts, and the usual security headers', async () => {
    const res = await fetch(`${server.app.url}/graphql`, { headers: { accept: 'text/html' } });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/); // no inline, no eval, no CDN
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('compresses large answers for clients that accept it', async () => {
    const url = new URL(`${server.app.url}/graphql`);
    const body = JSON.stringify({ query: '{ glossary { number term definition } }' });
    const res = await new Promise<{ encoding?: string; data: Buffer }>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => resolve({ encoding: r.headers['content-encoding'], data: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(res.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.data).toString('utf8')).data.glossary).toHaveLength(19);
  });
});

describe('observability', () => {
  it('logs one JSON line per request: id, operation, status, duration, Cypher round trips, error codes', async () => {
    await post(JSON.stringify({ query: 'query Glossary { glossary { number } }' }), { 'x-request-id': 'test-req-1' });
    await post(JSON.stringify({ query: '{ strategy(id: "strategy:nope") { name } }' }), { 'x-request-id': 'test-req-2' });
    await post('{"query": ', { 'x-request-id': 'test-req-3' });
    await new Promise((r) => setTimeout(r, 50));
    const line = (id: string) => logLines.filter((l) => l.reqId === id);
    expect(line('test-req-1')).toEqual([
      expect.objectContaining({ msg: 'request', method: 'POST', path: '/graphql', status: 200, operation: 'Glossary', cypherRoundTrips: 1, errorCodes: [], durationMs: expect.any(Number) }),
    ]);
    expect(line('test-req-2')[0]).toMatchObject({ status: 200, operation: null, errorCodes: ['NOT_FOUND'] });
    expect(line('test-req-3')[0]).toMatchObject({ status: 400, errorCodes: ['BAD_REQUEST'] });
  });

  it('echoes the request id, or makes one', async () => {
    const given = await post(JSON.stringify({ query: '{ documents { id } }' }), { 'x-request-id': 'abc-123' });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await post(JSON.stringify({ query: '{ documents { id } }' }), { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/metrics: requests and latency by operation, errors by code, round trips, Neo4j up', async () => {
    await post(JSON.stringify({ query: 'query MetricsProbe { documents { id } }' }));
    await post(JSON.stringify({ query: '{ strategy(id: "strategy:nope") { name } }' }));
    const res = await fetch(`${server.app.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/plangraph_graphql_requests_total\{operation="MetricsProbe",status="200"\} 1/);
    expect(text).toMatch(/plangraph_graphql_request_duration_seconds_bucket\{le="[\d.]+",operation="MetricsProbe"\}/);
    expect(text).toMatch(/plangraph_graphql_errors_total\{code="NOT_FOUND"\} [1-9]/);
    expect(text).toMatch(/plangraph_cypher_round_trips_count [1-9]/);
    expect(text).toMatch(/plangraph_neo4j_up 1/);
    expect(text).toMatch(/plangraph_process_resident_memory_bytes \d+/);
  });

  it('operation names cannot grow the metrics without bound', async () => {
    for (let i = 0; i < 120; i++) await post(JSON.stringify({ query: `query Op${i} { documents { id } }` }));
    const text = await (await fetch(`${server.app.url}/metrics`)).text();
    const operations = new Set([...text.matchAll(/plangraph_graphql_requests_total\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(operations.size).toBeLessThanOrEqual(102);
    expect(operations.has('other')).toBe(true);
  });
});
