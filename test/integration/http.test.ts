import { randomBytes } from 'node:crypto';
import fs, { readFileSync } from 'node:fs';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { connect, Socket } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startApp } from '../../src/http/app';
import { knownOperations } from '../../src/http/operations';
import { WEB_DIST } from '../../src/http/web';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * The HTTP layer over real HTTP against the real graph: oversized bodies get a real 413, CORS and security headers,
 * compression, limits refused with their names, batches, methods and content types, the request log and /metrics;
 * issue 16's transport: static files from memory, pre-compressed, with ETags; Fastify's and Node's refusals in the
 * API's error shape; the connection cap, the header timeout, the rate limit, load shedding, trusted proxies, the
 * metrics port and label set; the result cache's byte bound.
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
    // A name the documents use (docs/examples/04-glossary.graphql) is a label of its own.
    await post(JSON.stringify({ query: 'query GlossaryTerm { documents { id } }' }));
    await post(JSON.stringify({ query: '{ strategy(id: "strategy:nope") { name } }' }));
    const res = await fetch(`${server.app.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/plangraph_graphql_requests_total\{operation="GlossaryTerm",status="200"\} 1/);
    expect(text).toMatch(/plangraph_graphql_request_duration_seconds_bucket\{le="[\d.]+",operation="GlossaryTerm"\}/);
    expect(text).toMatch(/plangraph_graphql_errors_total\{code="NOT_FOUND"\} [1-9]/);
    expect(text).toMatch(/plangraph_cypher_round_trips_count [1-9]/);
    expect(text).toMatch(/plangraph_neo4j_up 1/);
    expect(text).toMatch(/plangraph_process_resident_memory_bytes \d+/);
  });

  it('operation names cannot grow the metrics: 200 random names give at most the known labels, anonymous and other', async () => {
    const known = knownOperations();
    expect(known.size).toBeGreaterThanOrEqual(10);
    expect([...known]).toEqual(expect.arrayContaining(['EastHubProjects', 'StrategyTree', 'Projects', 'Search']));
    const names = Array.from({ length: 200 }, () => `Op${randomBytes(6).toString('hex')}`);
    for (let i = 0; i < names.length; i += 20) {
      await Promise.all(names.slice(i, i + 20).map((name) => post(JSON.stringify({ query: `query ${name} { documents { id } }` }))));
    }
    const text = await (await fetch(`${server.app.url}/metrics`)).text();
    const labels = new Set([...text.matchAll(/plangraph_graphql_requests_total\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect([...labels].filter((l) => !known.has(l) && l !== 'other' && l !== 'anonymous')).toEqual([]);
    expect(labels.size).toBeLessThanOrEqual(known.size + 2);
    const other = Number(/plangraph_graphql_requests_total\{operation="other",status="200"\} (\d+)/.exec(text)?.[1]);
    expect(other).toBeGreaterThanOrEqual(200);
  });
});

/** One HTTP/1.1 exchange on a fresh socket, bytes as they come: what fetch would hide (encodings, 304s, raw errors). */
function exchange(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest({ host: url.hostname, port: url.port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Writes `request` as it is on a new socket and reads until the server closes it (for what the HTTP parser refuses). */
function rawSocket(base: string, request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const socket = connect(Number(url.port), url.hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (err) => (chunks.length > 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(err)));
  });
}

const jsonBody = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);

describe('static files: in memory, pre-compressed at build time, ETag and 304', () => {
  const exploreHtml = async () => (await exchange(server.app.url, '/explore')).body.toString('utf8');
  const bundlePath = async () => /src="(\/explore\/explore-[A-Z0-9]{8}\.js)"/.exec(await exploreHtml())![1];
  const builtCopy = (path: string, suffix: string) => {
    const manifest = JSON.parse(readFileSync(join(WEB_DIST, 'manifest.json'), 'utf8'));
    return readFileSync(join(WEB_DIST, `${manifest.assets[path]}${suffix}`));
  };

  it('sends the build\'s own .br and .gz files for a bundle, with Vary, an ETag, a year of caching, and 304 on If-None-Match', async () => {
    const path = await bundlePath();
    const br = await exchange(server.app.url, path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // Byte for byte the file web/build.mjs wrote: sent as built, not compressed again.
    expect(br.body.equals(builtCopy(path, '.br'))).toBe(true);
    expect(brotliDecompressSync(br.body).equals(builtCopy(path, ''))).toBe(true);
    const etag = br.headers.etag!;
    expect(etag).toMatch(/^"[\w-]{22}-br"$/);

    const again = await exchange(server.app.url, path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);

    const gz = await exchange(server.app.url, path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(builtCopy(path, '.gz'))).toBe(true);
    // A client that takes only deflate gets the file as it is, not compressed per request by @fastify/compress.
    const deflate = await exchange(server.app.url, path, { 'accept-encoding': 'deflate' });
    expect(deflate.headers['content-encoding']).toBeUndefined();
    expect(deflate.body.equals(builtCopy(path, ''))).toBe(true);
    // The identity copy's tag differs (another representation); either one revalidates.
    expect(deflate.headers.etag).not.toBe(etag);
    expect((await exchange(server.app.url, path, { 'if-none-match': `W/${deflate.headers.etag}, "other"` })).status).toBe(304);
  });

  it('reads no file per request: 30 requests for the bundles, pages and icons', async () => {
    const paths = [await bundlePath(), '/explore', '/favicon.svg', '/favicon.ico'];
    await exchange(server.app.url, paths[0], { 'accept-encoding': 'br' }); // anything lazily loaded is loaded now
    const reads = jest.spyOn(fs, 'readFileSync');
    try {
      for (let i = 0; i < 30; i++) {
        const res = await exchange(server.app.url, paths[i % paths.length], { 'accept-encoding': ['br', 'gzip', 'deflate', ''][i % 4] });
        expect(res.status).toBe(200);
      }
      expect(reads.mock.calls.map((c) => String(c[0])).filter((f) => f.includes('web/dist'))).toEqual([]);
    } finally {
      reads.mockRestore();
    }
  });

  it('serves no source map (none is built by default), and the old file names are gone', async () => {
    const path = await bundlePath();
    for (const missing of [`${path}.map`, '/playground/playground.js.map', '/explore/explore.js', `${path}.br`]) {
      const res = await exchange(server.app.url, missing, { 'accept-encoding': 'br' });
      expect({ missing, status: res.status }).toEqual({ missing, status: 404 });
      expect(JSON.parse(res.body.toString('utf8')).errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('the pages are revalidated: no-cache with an ETag, 304 when unchanged', async () => {
    for (const [path, headers] of [['/explore', {}], ['/', { accept: 'text/html' }], ['/graphql', { accept: 'text/html' }]] as const) {
      const first = await exchange(server.app.url, path, { ...headers, 'accept-encoding': 'br' });
      expect({ path, status: first.status, cache: first.headers['cache-control'] }).toEqual({ path, status: 200, cache: 'no-cache' });
      expect(first.headers.etag).toMatch(/^"[\w-]{22}(-br|-gz)?"$/);
      const second = await exchange(server.app.url, path, { ...headers, 'accept-encoding': 'br', 'if-none-match': first.headers.etag! });
      expect({ path, status: second.status, bytes: second.body.length }).toEqual({ path, status: 304, bytes: 0 });
    }
  });
});

describe('Fastify\'s and Node\'s own refusals in the API\'s error shape', () => {
  it('headers over 16 KB: 431 HEADERS_TOO_LARGE as JSON', async () => {
    const text = await rawSocket(server.app.url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(statusOf(text)).toBe(431);
    expect(text).toMatch(/content-type: application\/json/i);
    expect(jsonBody(text).errors[0]).toMatchObject({ extensions: { code: 'HEADERS_TOO_LARGE' }, message: expect.stringContaining('headers') });
  });

  it('bytes that are not HTTP: 400 BAD_REQUEST as JSON', async () => {
    const text = await rawSocket(server.app.url, 'HELLO\r\n\r\n');
    expect(statusOf(text)).toBe(400);
    expect(jsonBody(text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a URL that does not decode (FST_ERR_BAD_URL), a compressed body that is not: coded JSON', async () => {
    for (const path of ['/explore/%c0', '/graphql%E0%A4%A', '/%zz']) {
      const res = await exchange(server.app.url, path);
      const body = JSON.parse(res.body.toString('utf8'));
      expect({ path, status: res.status, code: body.errors[0].extensions.code }).toEqual({ path, status: expect.any(Number), code: expect.stringMatching(/^(BAD_REQUEST|NOT_FOUND)$/) });
      expect(res.status === 400 || res.status === 404).toBe(true);
    }
    const bad = await exchange(server.app.url, '/explore/%c0');
    expect(bad.status).toBe(400);
    const zipped = await post('{"query":"{ documents { id } }"}', { 'content-encoding': 'gzip' });
    expect(zipped.status).toBeGreaterThanOrEqual(400);
    expect(((await zipped.json()) as any).errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
  });

  it('an invalid preflight is a coded 400; a refused origin\'s preflight is 204 without any Access-Control header', async () => {
    const noMethod = await fetch(`${server.app.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173' } });
    expect(noMethod.status).toBe(400);
    expect(((await noMethod.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const refused = await fetch(`${server.app.url}/graphql`, {
      method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(refused.status).toBe(204);
    const headerNames: string[] = [];
    refused.headers.forEach((_value, name) => headerNames.push(name));
    expect(headerNames.filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(await refused.text()).toBe('');
    const allowed = await fetch(`${server.app.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
  });
});

describe('the transport: connections, rate limit, load shedding, trusted proxies, the metrics port', () => {
  it('100 idle sockets past a cap of 20 do not keep a real client out: the longest-idle make room', async () => {
    const capped = await startTestServer(undefined, { transport: { maxConnections: 20, headersTimeoutMs: 60_000 } });
    const url = new URL(capped.app.url);
    const idle: Socket[] = [];
    try {
      for (let i = 0; i < 100; i++) {
        idle.push(await new Promise<Socket>((resolve, reject) => {
          const s = connect(Number(url.port), url.hostname, () => resolve(s));
          s.on('error', () => undefined);
          setTimeout(() => reject(new Error('connect timed out')), 10_000).unref();
        }));
      }
      // Every one of them connected; the server made room by closing the longest-idle.
      const res = await exchange(capped.app.url, '/health');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body.toString('utf8')).status).toBe('ok');
      expect(capped.app.connections.evicted).toBeGreaterThanOrEqual(80);
      expect(capped.app.connections.open).toBeLessThanOrEqual(20);
    } finally {
      for (const s of idle) s.destroy();
      await capped.stop();
    }
  });

  it('a keep-alive connection carries 1,000 requests, the last with Connection: close; the client reconnects and is served', async () => {
    const url = new URL(server.app.url);
    // One raw socket, one request after another, as a keep-alive client (or autocannon) sends them.
    const socket = connect(Number(url.port), url.hostname);
    socket.on('error', () => undefined);
    let buffered = '';
    const answers: string[] = [];
    socket.on('data', (c: Buffer) => {
      buffered += c.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end);
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) break;
        answers.push(head);
        buffered = buffered.slice(end + 4 + length);
        if (answers.length > 1_000) return void socket.destroy(); // past the limit and still open: fail fast
        socket.write(`GET /nowhere HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
      }
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(`GET /nowhere HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    await closed;
    expect(answers).toHaveLength(1_000);
    expect(answers.filter((a) => !a.startsWith('HTTP/1.1 404'))).toEqual([]); // never Node's 503 past the limit
    expect(answers[999]).toMatch(/\r\nconnection: close/i);
    expect(answers[998]).toMatch(/\r\nconnection: keep-alive/i);
    expect((await exchange(server.app.url, '/health')).status).toBe(200);
  });

  it('a socket that sends no request is answered 408 REQUEST_TIMEOUT (JSON) and closed after PLANGRAPH_HEADERS_TIMEOUT_MS', async () => {
    const quick = await startTestServer(undefined, { transport: { headersTimeoutMs: 1_000 } });
    try {
      const url = new URL(quick.app.url);
      // Bounded by its own timer: generous, as the server checks each second and a loaded machine is slow.
      const text = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname);
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        setTimeout(() => reject(new Error('the idle socket was still open after 30 s')), 30_000).unref();
      });
      expect(statusOf(text)).toBe(408);
      expect(jsonBody(text).errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
    } finally {
      await quick.stop();
    }
  });

  it('with PLANGRAPH_RATE_LIMIT, the request past the limit is 429 RATE_LIMITED with Retry-After; /health is not limited', async () => {
    const limited = await startTestServer(undefined, { transport: { rateLimitPerMinute: 5 } });
    try {
      const ask = () => fetch(`${limited.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents { id } }' }) });
      for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(200);
      const refused = await ask();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as any).errors[0]).toMatchObject({
        extensions: { code: 'RATE_LIMITED', limit: 'rateLimit', max: 5 }, message: expect.stringContaining('PLANGRAPH_RATE_LIMIT'),
      });
      expect((await fetch(`${limited.app.url}/health`)).status).toBe(200);
      // Counted on every route, including those that do not exist.
      const missing = await fetch(`${limited.app.url}/nope`);
      expect(missing.status).toBe(429);
      expect(((await missing.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await limited.stop();
    }
  });

  it('no rate limit by default', async () => {
    const answers = await Promise.all(Array.from({ length: 150 }, () => fetch(`${server.app.url}/favicon.ico`)));
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
  });

  it('under pressure (a heap limit of 1 MB), requests get 503 SERVICE_UNAVAILABLE with Retry-After; /health answers and says so', async () => {
    const shedding = await startTestServer(undefined, { transport: { maxHeapBytes: 1024 * 1024 } });
    try {
      // The plugin samples memory once a second: ask until it has (bounded).
      let res: Response | undefined;
      for (let i = 0; i < 40; i++) {
        res = await fetch(`${shedding.app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ documents { id } }' }) });
        if (res.status === 503) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(res!.status).toBe(503);
      expect(res!.headers.get('retry-after')).toBe('5');
      expect(((await res!.json()) as any).errors[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', pressure: 'heapUsedBytes' } });
      const health = await fetch(`${shedding.app.url}/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as any).pressure).toMatchObject({ underPressure: true, limits: { maxHeapBytes: 1024 * 1024 } });
      expect(await (await fetch(`${shedding.app.url}/metrics`)).text()).toMatch(/plangraph_under_pressure 1/);
    } finally {
      await shedding.stop();
    }
  });

  it('the defaults do not shed a server in normal use, and /health reports the pressure', async () => {
    const health = (await (await fetch(`${server.app.url}/health`)).json()) as any;
    expect(health.pressure).toMatchObject({ underPressure: false, limits: { maxEventLoopDelayMs: 1000 } });
    expect(health.pressure.heapUsedBytes).toBeLessThan(health.pressure.limits.maxHeapBytes);
  });

  it('logs the client\'s address; X-Forwarded-For only from a trusted proxy (PLANGRAPH_TRUST_PROXY)', async () => {
    const lines: Record<string, any>[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))));
    const behindProxy = await startTestServer(undefined, { logLevel: 'info', logStream, transport: { trustProxy: ['127.0.0.1'] } });
    try {
      await exchange(behindProxy.app.url, '/favicon.ico', { 'x-forwarded-for': '203.0.113.7', 'x-request-id': 'proxied-1' });
      await exchange(server.app.url, '/favicon.ico', { 'x-forwarded-for': '203.0.113.7', 'x-request-id': 'direct-1' });
      await new Promise((r) => setTimeout(r, 50));
      expect(lines.find((l) => l.reqId === 'proxied-1')).toMatchObject({ ip: '203.0.113.7', status: 200 });
      expect(logLines.find((l) => l.reqId === 'direct-1')).toMatchObject({ ip: '127.0.0.1' });
    } finally {
      await behindProxy.stop();
    }
  });

  it('PLANGRAPH_METRICS_PORT: /metrics on its own port and not on the API\'s', async () => {
    const separate = await startTestServer(undefined, { transport: { metricsPort: 0 } });
    try {
      expect(separate.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(separate.app.metricsUrl).not.toBe(separate.app.url);
      const onApi = await fetch(`${separate.app.url}/metrics`);
      expect(onApi.status).toBe(404);
      expect(((await onApi.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
      const own = await fetch(`${separate.app.metricsUrl}/metrics`);
      expect(own.status).toBe(200);
      expect(await own.text()).toMatch(/plangraph_neo4j_up 1/);
      expect((await fetch(`${separate.app.metricsUrl}/graphql`)).status).toBe(404);
    } finally {
      await separate.stop();
    }
  });
});

describe('the statement result cache, bounded by bytes', () => {
  it('stays under its byte bound however many different statements fill it, and /metrics shows what it holds', async () => {
    const maxBytes = 256 * 1024;
    const cypher = server.cypher.withResultCache({ maxEntries: 100_000, maxBytes }, 200);
    const cache = cypher.resultCache!;
    const app = await startApp({ cypher, port: 0, host: '127.0.0.1', development: false });
    try {
      // Until the cache has read the load id, nothing is kept: wait for it (bounded).
      for (let i = 0; i < 50 && cache.currentLoadId === null; i++) await new Promise((r) => setTimeout(r, 100));
      expect(cache.currentLoadId).not.toBeNull();
      const ask = async (query: string, variables: object) => {
        const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as any;
        expect(body.errors).toBeUndefined();
        return body.data;
      };
      const ids: string[] = (await ask('{ projects(first: 300) { edges { node { id } } } }', {})).projects.edges.map((e: any) => e.node.id);
      expect(ids.length).toBeGreaterThan(200);
      let largest = 0;
      for (let i = 0; i < ids.length; i += 10) {
        await Promise.all(ids.slice(i, i + 10).map((id) =>
          ask('query($id: ID!) { project(id: $id) { name evidence { quote } districts { node { name } } timeline { year stage } } }', { id })));
        largest = Math.max(largest, cache.bytes);
        expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
      }
      // It filled up and let the oldest go: far fewer results held than statements run.
      expect(largest).toBeGreaterThan(maxBytes / 2);
      expect(cache.size).toBeLessThan(ids.length);
      const text = await (await fetch(`${app.url}/metrics`)).text();
      const held = Number(/plangraph_result_cache_bytes (\d+)/.exec(text)?.[1]);
      expect(held).toBeGreaterThan(0);
      expect(held).toBeLessThanOrEqual(maxBytes);
    } finally {
      await app.stop();
      cache.stop();
    }
  });
});
