import { startApp, App } from '../../src/http/app';
import { createDriver } from '../../src/neo4j/connect';
import { Cypher } from '../../src/neo4j/cypher';
import { Driver } from 'neo4j-driver';
import { neo4jAuth, neo4jUri } from '../helpers/server';
import { formatError, TIMEOUT_CODES } from '../../src/graphql/errors';

/**
 * The request data path: statements of one tick sent together (they run side by side: fewer round trips
 * than statements), and the result cache that answers repeated statements until the graph's load id changes.
 */

let driver: Driver;
let cached: Cypher;
let app: App;
/** The same, with whole answers cached too (the shipped configuration). */
let answers: App;
beforeAll(async () => {
  driver = createDriver(neo4jUri(), neo4jAuth());
  // A generous timeout: CI machines are busy.
  cached = new Cypher(driver, 'neo4j', 60_000).withResultCache(1000, 100);
  app = await startApp({ cypher: cached, port: 0, host: '127.0.0.1', development: false });
  answers = await startApp({ cypher: cached, port: 0, host: '127.0.0.1', development: false, responseCacheBytes: 1024 * 1024, cacheMaxAgeSeconds: 30 });
  // Let the cache read the load id once.
  await new Promise((r) => setTimeout(r, 300));
});
afterAll(async () => {
  cached.resultCache?.stop();
  await app.stop();
  await answers.stop();
  await driver.close();
});

async function gql(query: string, on: App = app) {
  const res = await fetch(`${on.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data?: any; errors?: unknown; extensions: { plangraph: { cypherRoundTrips: number; cypherStatements: number } } };
  expect(body.errors).toBeUndefined();
  return { data: body.data, ...body.extensions.plangraph, age: res.headers.get('age'), cacheControl: res.headers.get('cache-control') };
}

async function reload() {
  // A load (here: only its last step, which stamps a new load time) changes the load id; the poll notices.
  const writer = new Cypher(driver, 'neo4j', 60_000);
  const [meta] = await writer.read<{ fixturesHash: string }>('read/meta');
  expect(meta.fixturesHash).toMatch(/^[0-9a-f]{64}$/);
  const documents = (await writer.read<{ node: { id: string } }>('read/documents')).map((r) => r.node.id);
  await writer.writeAll([{ name: 'load/meta', params: { hash: meta.fixturesHash, documents } }]);
  await new Promise((r) => setTimeout(r, 400));
}

// A district's page: several fan-outs of one level (no look-ahead statement covers this shape).
const DETAIL = `{ district(name: "平湖街道") { name evidence { quote } children { name } organizations { name } mentions { totalCount } } }`;
const HUB = `{ strategy(name: "东核") { name projects(first: 50) { totalCount edges { basis node { name } } } } }`;

it('sends the statements of one level together: round trips follow depth', async () => {
  const first = await gql(DETAIL);
  expect(first.data.district.name).toBe('平湖街道');
  expect(first.data.district.children.length).toBeGreaterThan(0);
  // entity by name, then evidence + WITHIN in + LOCATED_IN in + mentions in one wave.
  expect(first.cypherStatements).toBe(5);
  expect(first.cypherRoundTrips).toBe(2);
});

it('answers a repeated query from the result cache, and reads Neo4j again once the graph is reloaded', async () => {
  const first = await gql(HUB);
  expect(first.data.strategy.name).toBe('低碳智造核');
  expect(first.data.strategy.projects.totalCount).toBeGreaterThan(5);
  const again = await gql(HUB);
  expect(again.cypherStatements).toBe(0);
  expect(again.data).toEqual(first.data);

  await reload();

  const after = await gql(HUB);
  expect(after.cypherStatements).toBeGreaterThan(0);
  expect(after.data).toEqual(first.data);
});

it('answers a repeated question whole from the response cache (no execution), until the graph is reloaded', async () => {
  const question = `{ strategy(name: "低碳智造核") { name projects(first: 7, includeParts: false) { edges { basis node { name } } } } }`;
  const first = await gql(question, answers);
  expect(first.data.strategy.projects.edges.length).toBe(7);
  expect(first.age).toBeNull();
  expect(first.cacheControl).toBe('max-age=30, public');
  const again = await gql(question, answers);
  // `age` is set only on a response-cache hit (a result-cache hit would run the resolvers and show no age).
  expect(again.age).not.toBeNull();
  expect(again.cypherStatements).toBe(0);
  expect(again.data).toEqual(first.data);

  await reload();
  const after = await gql(question, answers);
  expect(after.age).toBeNull();
  expect(after.cypherStatements).toBeGreaterThan(0);
  expect(after.data).toEqual(first.data);
});

it('never caches an answer with errors', async () => {
  const bad = `{ project(id: "project:no-such-thing") { name } }`;
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${answers.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: bad }) });
    const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(res.headers.get('age')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  }
});

it('stops a statement that runs past the query timeout, with an error the API reports as QUERY_TIMEOUT', async () => {
  // Neo4j's transaction monitor enforces the timeout (every 2 s by default), so the statement must run for longer
  // than that; nothing the API asks of this small graph does, hence cypher/test/slow.cypher.
  const impatient = new Cypher(driver, 'neo4j', 300).forRequest();
  const started = Date.now();
  const error = await impatient.read('test/slow', { n: 1e11 }).then(() => null, (e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(30_000);
  expect(TIMEOUT_CODES.has((error as { code?: string })?.code ?? '')).toBe(true);
  const formatted = formatError(false)({ message: String(error) }, error);
  expect(formatted.extensions?.code).toBe('QUERY_TIMEOUT');
});
