import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphML } from 'graphology-graphml';
import { runCli } from '../helpers/cli';
import { SOURCE_TEXT, startTestServer, TestServer } from '../helpers/server';

/**
 * `npm run export` and /export/: the files hold the whole graph — their counts equal Neo4j's own — and read back
 * with real readers: csv-parse for the CSVs, graphology-graphml for the GraphML, JSON.parse for the JSON.
 */

const EAST_HUB = 'strategy:low-carbon-intelligent-manufacturing-hub';
let server: TestServer;
let out: string;
let labelCounts: Map<string, number>;
let typeCounts: Map<string, number>;
let entityCount: number;

const rows = async (query: string) => (await server.driver.executeQuery(query, {}, { routing: 'READ' })).records.map((r) => r.toObject());

beforeAll(async () => {
  server = await startTestServer();
  out = mkdtempSync(join(tmpdir(), 'plangraph-export-'));
  const run = await runCli('export', ['--format', 'all', '--out', out]);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  // Neo4j's own counts, by the most specific label (Entity is every curated node's super-label).
  labelCounts = new Map(
    (await rows("MATCH (n) WHERE NOT n:PlanGraphMeta RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS n")).map((r) => [r.label, r.n]),
  );
  typeCounts = new Map((await rows('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n')).map((r) => [r.type, r.n]));
  entityCount = (await rows('MATCH (n:Entity) RETURN count(n) AS n'))[0].n;
});

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  await server.stop();
});

const csv = (name: string) => {
  const bytes = readFileSync(join(out, 'csv', name));
  return { bytes, records: parseCsv(bytes, { bom: true, columns: true }) as Record<string, string>[] };
};

describe('CSV export', () => {
  it('writes one file per label and per relationship type, UTF-8 with BOM, with Neo4j’s counts', () => {
    const files = readdirSync(join(out, 'csv')).sort();
    expect(files).toEqual([...labelCounts.keys(), ...typeCounts.keys()].map((n) => `${n}.csv`).sort());
    for (const [label, n] of labelCounts) {
      const { bytes, records } = csv(`${label}.csv`);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect({ label, rows: records.length }).toEqual({ label, rows: n });
      expect(new Set(records.map((r) => r.id)).size).toBe(n);
    }
    for (const [type, n] of typeCounts) expect({ type, rows: csv(`${type}.csv`).records.length }).toEqual({ type, rows: n });
    const entityRows = [...labelCounts.keys()].map((l) => csv(`${l}.csv`).records).flat().filter((r) => r.labels.split(':').includes('Entity'));
    expect(entityRows).toHaveLength(entityCount);
  });

  it('keeps Chinese text, lists as JSON, and each relationship’s basis, inference and evidence quotes', () => {
    const hub = csv('Strategy.csv').records.find((r) => r.id === EAST_HUB)!;
    expect(hub.name).toBe('低碳智造核');
    expect(JSON.parse(hub.aliases)).toContain('东核');
    expect(hub).not.toHaveProperty('loadId');
    const serves = csv('SERVES.csv').records;
    expect(new Set(serves.map((r) => r.basis))).toEqual(new Set(['EXPLICIT', 'INFERRED', 'DERIVED']));
    for (const r of serves) {
      for (const quote of JSON.parse(r.evidence) as string[]) expect(SOURCE_TEXT).toContain(quote);
      if (r.basis !== 'EXPLICIT') expect(r.inference).not.toBe('');
    }
    const evidenced = csv('EVIDENCED_BY.csv').records;
    expect(evidenced.every((r) => SOURCE_TEXT.includes(r.quote))).toBe(true);
    const values = csv('IndicatorValue.csv').records;
    expect(values.every((r) => Number.isFinite(Number(r.value)) && /^\d{4}$/.test(r.year))).toBe(true);
  });
});

describe('GraphML export', () => {
  it('loads with graphology-graphml: as many nodes and edges as Neo4j has, typed attributes', () => {
    const xml = readFileSync(join(out, 'plangraph.graphml'), 'utf8');
    const graph = parseGraphML(MultiDirectedGraph, xml);
    expect(graph.order).toBe([...labelCounts.values()].reduce((a, b) => a + b, 0));
    expect(graph.size).toBe([...typeCounts.values()].reduce((a, b) => a + b, 0));
    const hub = graph.getNodeAttributes(EAST_HUB);
    expect(hub).toMatchObject({ name: '低碳智造核', label: '低碳智造核', labels: ':Entity:Strategy' });
    // Typed keys: numbers come back as numbers, booleans as booleans.
    const value = graph.findNode((_, a) => a.labels === ':IndicatorValue')!;
    expect(typeof graph.getNodeAttribute(value, 'value')).toBe('number');
    expect(typeof graph.getNodeAttribute(value, 'year')).toBe('number');
    const indicator = graph.findNode((_, a) => a.labels === ':Entity:Indicator')!;
    expect(typeof graph.getNodeAttribute(indicator, 'headline')).toBe('boolean');
    expect(xml).toMatch(/<key id="\w+" for="node" attr.name="value" attr.type="double"\/>/);
    expect(xml).toMatch(/<key id="\w+" for="node" attr.name="year" attr.type="long"\/>/);
    const types = new Map<string, number>();
    graph.forEachEdge((_, a) => types.set(a.type, (types.get(a.type) ?? 0) + 1));
    expect(types).toEqual(typeCounts);
  });
});

describe('JSON export', () => {
  it('holds every node and relationship, with counts equal to Neo4j’s', () => {
    const doc = JSON.parse(readFileSync(join(out, 'plangraph.json'), 'utf8'));
    expect(doc.format).toBe('plangraph-export');
    const ids = new Set(doc.nodes.map((n: { id: string }) => n.id));
    expect(ids.size).toBe([...labelCounts.values()].reduce((a, b) => a + b, 0));
    expect(doc.relationships).toHaveLength([...typeCounts.values()].reduce((a, b) => a + b, 0));
    for (const r of doc.relationships) expect(ids.has(r.start) && ids.has(r.end)).toBe(true);
    expect(doc.counts.labels.Entity).toBe(entityCount);
  });
});

describe('the server’s /export/', () => {
  it('serves the same files, listed on an index page the explorer links to', async () => {
    const index = await fetch(`${server.app.url}/export/`);
    expect(index.status).toBe(200);
    const html = await index.text();
    const links = [...html.matchAll(/href="([^"]+)" download/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(['plangraph.graphml', 'plangraph.json', ...readdirSync(join(out, 'csv')).map((f) => `csv/${f}`)].sort());
    const projects = await fetch(`${server.app.url}/export/csv/Project.csv`);
    expect(projects.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await projects.arrayBuffer())).toEqual(readFileSync(join(out, 'csv/Project.csv')));
    const graphml = await (await fetch(`${server.app.url}/export/plangraph.graphml`)).text();
    const withoutStamp = (s: string) => s.replace(/<!-- PlanGraph export .*-->/, '');
    expect(withoutStamp(graphml)).toBe(withoutStamp(readFileSync(join(out, 'plangraph.graphml'), 'utf8')));
    const nothing = await fetch(`${server.app.url}/export/csv/Nothing.csv`);
    expect(nothing.status).toBe(404);
    expect(((await nothing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await fetch(`${server.app.url}/export/../package.json`)).status).toBe(404);
    const explorer = await (await fetch(`${server.app.url}/explore`)).text();
    expect(explorer).toContain('href="/export/"');
    // The index borrows the explorer's style sheet, by its content-hashed name.
    const sheet = /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1];
    expect(sheet).toMatch(/^\/explore\/explore-[A-Z0-9]{8}\.css$/);
    expect((await fetch(`${server.app.url}${sheet}`)).status).toBe(200);
  });

  it('builds the files once per graph load: concurrent first requests share one build, later ones none', async () => {
    const fresh = await startTestServer();
    try {
      expect(fresh.app.exports.builds).toBe(0);
      const paths = ['', 'plangraph.json', 'plangraph.graphml', 'csv/Project.csv', 'csv/SERVES.csv', 'plangraph.json'];
      const first = await Promise.all(paths.map((p) => fetch(`${fresh.app.url}/export/${p}`)));
      expect(first.map((r) => r.status)).toEqual(paths.map(() => 200));
      expect(fresh.app.exports.builds).toBe(1);
      for (const p of paths) expect((await fetch(`${fresh.app.url}/export/${p}`)).status).toBe(200);
      expect(fresh.app.exports.builds).toBe(1);
      expect(await (await fetch(`${fresh.app.url}/metrics`)).text()).toMatch(/plangraph_export_builds_total 1\n/);
    } finally {
      await fresh.stop();
    }
  });

  it('keeps each file compressed: sends the brotli or gzip copy with an ETag, and 304 when the client has it', async () => {
    const identity = await rawGet('/export/plangraph.graphml', {});
    expect(identity.headers['content-encoding']).toBeUndefined();
    const br = await rawGet('/export/plangraph.graphml', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(identity.body.length / 4);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    const gz = await rawGet('/export/plangraph.graphml', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(gz.body).equals(identity.body)).toBe(true);
    const cached = await rawGet('/export/plangraph.graphml', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect(cached.status).toBe(304);
    expect(cached.body.length).toBe(0);
  });
});

/** A GET whose bytes are read as sent (fetch would decode them). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.app.url);
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm run export errors', () => {
  it('names the formats when given an unknown one, and writes nothing', async () => {
    const dir = join(out, 'never');
    const run = await runCli('export', ['--format', 'xls', '--out', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown format xls: choose from graphml, csv, json or all');
    expect(existsSync(dir)).toBe(false);
  });
});
