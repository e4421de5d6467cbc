import { join } from 'node:path';
import { Cypher } from '../neo4j/cypher';
import { CYPHER_DIR, FIXTURES_DIR } from '../paths';
import { buildGraph, GraphData } from './build';
import { contentHash, documentFolders, filesUnder, readDocumentFixtures } from './fixtures/read';

/**
 * `npm run load`, and `npm start` when the graph is missing or stale: validate every fixture first, then
 * replace the graph in ONE write transaction. Any error before or during the write leaves the graph unchanged.
 */

export interface LoadReport {
  hash: string;
  documents: string[];
  labels: Record<string, number>;
  relationships: Record<string, number>;
  derivedServes: number;
  ms: number;
}

/** What a load depends on: fixture files, and the Cypher that writes and derives (a rule change means a reload). */
export function fixturesHash(fixturesDir = FIXTURES_DIR): string {
  return contentHash([
    ...filesUnder(fixturesDir),
    ...filesUnder(join(CYPHER_DIR, 'load')),
    ...filesUnder(join(CYPHER_DIR, 'derive')),
  ]);
}

/** Reads and checks every document's fixtures. Throws FixtureError listing every problem found. */
export function buildAll(fixturesDir = FIXTURES_DIR): GraphData[] {
  return documentFolders(fixturesDir).map((folder) => buildGraph(readDocumentFixtures(folder, fixturesDir)));
}

export async function loadGraph(cypher: Cypher, fixturesDir = FIXTURES_DIR): Promise<LoadReport> {
  const started = Date.now();
  const graphs = buildAll(fixturesDir);
  const hash = fixturesHash(fixturesDir);
  const all = (key: keyof GraphData): unknown[] => graphs.flatMap((g) => g[key] as unknown[]);

  const results = await cypher.writeAll([
    { name: 'load/clear' },
    { name: 'load/documents', params: { rows: all('documents') } },
    { name: 'load/sections', params: { rows: all('sections') } },
    { name: 'load/passages', params: { rows: all('passages') } },
    { name: 'load/entities', params: { rows: all('entities') } },
    { name: 'load/milestones', params: { rows: all('milestones') } },
    { name: 'load/values', params: { rows: all('values') } },
    { name: 'load/evidence', params: { rows: all('evidence') } },
    { name: 'load/relations', params: { rows: all('relations') } },
    { name: 'load/mentions', params: { rows: all('mentions') } },
    { name: 'derive/serves-by-anchor' },
    { name: 'load/meta', params: { hash, documents: graphs.map((g) => g.documents[0].id) } },
  ]);
  const derivedServes = Number(results[10][0]?.derived ?? 0);
  const counts = await graphCounts(cypher);
  return { hash, documents: graphs.map((g) => g.documents[0].id), ...counts, derivedServes, ms: Date.now() - started };
}

export async function graphCounts(cypher: Cypher): Promise<Pick<LoadReport, 'labels' | 'relationships'>> {
  const labels = await cypher.read<{ label: string; count: number }>('read/count-labels');
  const rels = await cypher.read<{ type: string; count: number }>('read/count-relationships');
  return {
    labels: Object.fromEntries(labels.map((r) => [r.label, r.count])),
    relationships: Object.fromEntries(rels.map((r) => [r.type, r.count])),
  };
}

/** Whether the graph in Neo4j was loaded from exactly the fixtures on disk. */
export async function isGraphCurrent(cypher: Cypher, fixturesDir = FIXTURES_DIR): Promise<boolean> {
  const [meta] = await cypher.read<{ fixturesHash: string | null }>('read/meta');
  return meta?.fixturesHash === fixturesHash(fixturesDir);
}

export function formatReport(r: LoadReport): string {
  const table = (counts: Record<string, number>) =>
    Object.entries(counts).map(([k, v]) => `    ${k.padEnd(18)} ${String(v).padStart(6)}`).join('\n');
  return (
    `loaded ${r.documents.join(', ')} in ${(r.ms / 1000).toFixed(1)} s (${r.derivedServes} SERVES links derived by rule)\n` +
    `  nodes by label:\n${table(r.labels)}\n  relationships by type:\n${table(r.relationships)}`
  );
}
