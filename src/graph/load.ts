import { join } from 'node:path';
import { Cypher } from '../neo4j/cypher';
import { CYPHER_DIR, FIXTURES_DIR } from '../paths';
import { buildGraph, GraphData } from './build';
import { contentHash, documentFolders, filesUnder, FixtureError, readDocumentFixtures } from './fixtures/read';

/**
 * `npm run load`, and `npm start` when the graph is missing or stale: validate every fixture first, then
 * write the graph in ONE transaction, MERGE on ids, and prune what the fixtures no longer hold. Any error before
 * or during the write leaves the graph unchanged; readers see the old graph or the new one, never an empty one.
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

/**
 * An entity several documents name (低碳智造核 in this year's and next year's report) is one node: its aliases,
 * documents and lookup keys are unioned; the first document's name and English name stand. Its evidence and facts
 * stay per document.
 */
export function mergeEntities(rows: GraphData['entities']): GraphData['entities'] {
  const byId = new Map<string, GraphData['entities'][number]>();
  const union = (a: unknown, b: unknown) => [...new Set([...((a as unknown[]) ?? []), ...((b as unknown[]) ?? [])])];
  for (const row of rows) {
    const prior = byId.get(row.id);
    if (!prior) {
      byId.set(row.id, { ...row, props: { ...row.props } });
      continue;
    }
    if (prior.label !== row.label) {
      throw new FixtureError([`${row.id} is a ${prior.label} in ${prior.props.documents} and a ${row.label} in ${row.props.documents}`]);
    }
    const [a, b] = [prior.props, row.props];
    prior.props = {
      ...b,
      ...a,
      aliases: union(a.aliases, b.aliases),
      documents: union(a.documents, b.documents),
      lookupKeys: union(a.lookupKeys, b.lookupKeys),
      firstMention: [a.firstMention, b.firstMention].filter((n) => typeof n === 'number').sort((x, y) => Number(x) - Number(y))[0] ?? null,
    };
  }
  return [...byId.values()];
}

export async function loadGraph(cypher: Cypher, fixturesDir = FIXTURES_DIR): Promise<LoadReport> {
  const started = Date.now();
  const graphs = buildAll(fixturesDir);
  const hash = fixturesHash(fixturesDir);
  const all = (key: keyof GraphData): unknown[] =>
    key === 'entities' ? mergeEntities(graphs.flatMap((g) => g.entities)) : graphs.flatMap((g) => g[key] as unknown[]);

  // Each statement gets the load's own stamp; prune then drops what earlier loads wrote and this one did not.
  const loadId = `${hash.slice(0, 12)}@${new Date().toISOString()}`;
  const step = (name: string, params: Record<string, unknown> = {}) => ({ name, params: { ...params, loadId } });
  const results = await cypher.writeAll([
    step('load/documents', { rows: all('documents') }),
    step('load/sections', { rows: all('sections') }),
    step('load/passages', { rows: all('passages') }),
    step('load/entities', { rows: all('entities') }),
    step('load/milestones', { rows: all('milestones') }),
    step('load/values', { rows: all('values') }),
    step('load/evidence', { rows: all('evidence') }),
    step('load/relations', { rows: all('relations') }),
    step('load/mentions', { rows: all('mentions') }),
    step('derive/serves-by-anchor'),
    step('load/prune'),
    step('load/meta', { hash, documents: graphs.map((g) => g.documents[0].id) }),
  ]);
  const derivedServes = Number(results[9][0]?.derived ?? 0);
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
