import { join } from 'node:path';
import { Cypher } from '../neo4j/cypher';
import { CYPHER_DIR, FIXTURES_DIR, ROOT } from '../paths';
import { buildGraph, GraphData } from './build';
import { mergeEntityRows } from './merge';
import { contentHash, documentFolders, filesUnder, FixtureError, readDocumentFixtures } from './fixtures/read';

/**
 * `npm run load`, and `npm start` when the graph is missing or stale: validate every fixture first, then
 * write the graph in ONE transaction and prune what the fixtures no longer hold. Into a database that holds no
 * graph the rows are CREATEd (cypher/load/create/); a reload MERGEs on ids (cypher/load/) and prunes. Any error
 * before or during the write leaves the graph unchanged; readers see the old graph or the new one, never an empty one.
 */

export interface LoadReport {
  hash: string;
  documents: string[];
  labels: Record<string, number>;
  relationships: Record<string, number>;
  derivedServes: number;
  ms: number;
}

/**
 * A hash of everything a load's result depends on: the fixture files, and the Cypher that writes and derives the
 * graph (a rule change means a reload). Stored on the graph (PlanGraphMeta.fixturesHash, its historical name).
 */
export function loadInputsHash(fixturesDir = FIXTURES_DIR): string {
  return contentHash([
    ...filesUnder(fixturesDir),
    ...filesUnder(join(CYPHER_DIR, 'load')),
    ...filesUnder(join(CYPHER_DIR, 'derive')),
  ], ROOT);
}

/** Reads and checks every document's fixtures. Throws FixtureError listing every problem found. */
export function buildAll(fixturesDir = FIXTURES_DIR): GraphData[] {
  return documentFolders(fixturesDir).map((folder) => buildGraph(readDocumentFixtures(folder, fixturesDir)));
}

/**
 * The rows of several reports as one load. An entity several reports declare (低碳智造核 in this year's and next
 * year's report) is one node, merged by the same rule as within a report (merge.ts); its evidence and facts stay
 * per document. Throws FixtureError naming both files when two reports disagree about what an entity is.
 */
export function mergeGraphs(graphs: GraphData[]): GraphData {
  const { entities, problems } = mergeEntityRows(graphs.flatMap((g) => g.entities));
  if (problems.length) throw new FixtureError(problems);
  return {
    documents: graphs.flatMap((g) => g.documents),
    sections: graphs.flatMap((g) => g.sections),
    passages: graphs.flatMap((g) => g.passages),
    entities,
    milestones: graphs.flatMap((g) => g.milestones),
    values: graphs.flatMap((g) => g.values),
    evidence: graphs.flatMap((g) => g.evidence),
    relations: graphs.flatMap((g) => g.relations),
    mentions: graphs.flatMap((g) => g.mentions),
  };
}

export interface LoadStep { name: string; params: Record<string, unknown> }

/**
 * The statements that write a graph's rows, in dependency order (a statement's MATCHes find what earlier ones
 * wrote), each with its parameters. `fresh`: the database holds no PlanGraph graph, so the CREATE statements
 * (cypher/load/create/) can skip the lookups and locks of a MERGE; they write exactly the same graph. The
 * synthetic generator (bench/scale.ts) writes its copies with the same steps.
 */
export function writeSteps(data: GraphData, loadId: string, fresh: boolean): LoadStep[] {
  const dir = fresh ? 'load/create' : 'load';
  const step = (name: string, params: Record<string, unknown>): LoadStep => ({ name: `${dir}/${name}`, params: { ...params, loadId } });
  // The node a piece of evidence supports is looked up by its own label's id index.
  const kinds = { entities: data.entities, milestones: data.milestones, values: data.values, documents: data.documents };
  const evidence = Object.fromEntries(Object.entries(kinds).map(([kind, rows]) => {
    const ids = new Set(rows.map((r) => r.id));
    return [kind, data.evidence.filter((e) => ids.has(e.nodeId))];
  }));
  return [
    step('documents', { rows: data.documents }),
    step('sections', {
      rows: data.sections,
      top: data.sections.filter((s) => s.parentId === null).map((s) => ({ id: s.id, parentId: s.documentId })),
      nested: data.sections.filter((s) => s.parentId !== null).map((s) => ({ id: s.id, parentId: s.parentId })),
    }),
    step('passages', { rows: data.passages }),
    step('entities', { rows: data.entities }),
    step('milestones', { rows: data.milestones }),
    step('values', { rows: data.values }),
    step('evidence', evidence),
    step('relations', { rows: data.relations }),
    step('mentions', { rows: data.mentions }),
  ];
}

/**
 * Whether CREATE would write a different graph than MERGE: two rows with the same key (which a MERGE collapses
 * into one node or relationship). The builder never produces them; if it ever did, the loader falls back to MERGE.
 */
export function hasDuplicateKeys(data: GraphData): boolean {
  const dup = <T>(rows: T[], key: (r: T) => string) => new Set(rows.map(key)).size !== rows.length;
  const nodes = [...data.documents, ...data.sections, ...data.passages, ...data.entities, ...data.milestones, ...data.values];
  return dup(nodes, (r) => r.id)
    || dup(data.evidence, (e) => JSON.stringify([e.nodeId, e.passageId, e.quote]))
    || dup(data.relations, (r) => JSON.stringify([r.from, r.type, r.to, r.props.documentId]))
    || dup(data.mentions, (m) => JSON.stringify([m.passageId, m.entityId]));
}

/** The statements of one load, in order, each with its rows: one write transaction runs them all. */
export function loadSteps(data: GraphData, hash: string, loadId: string, fresh = false): LoadStep[] {
  const step = (name: string, params: Record<string, unknown> = {}) => ({ name, params: { ...params, loadId } });
  return [
    ...writeSteps(data, loadId, fresh),
    // Each statement gets the load's own stamp; prune then drops what earlier loads wrote and this one did not
    // (nothing to drop when the database held no graph).
    step(DERIVE_SERVES),
    ...(fresh ? [] : [step('load/prune')]),
    step('load/meta', { hash, documents: data.documents.map((d) => d.id) }),
  ];
}

const DERIVE_SERVES = 'derive/serves-by-anchor';

export async function loadGraph(cypher: Cypher, fixturesDir = FIXTURES_DIR): Promise<LoadReport> {
  const started = Date.now();
  const data = mergeGraphs(buildAll(fixturesDir));
  const hash = loadInputsHash(fixturesDir);
  const loadId = `${hash.slice(0, 12)}@${new Date().toISOString()}`;
  const [{ loaded }] = await cypher.read<{ loaded: boolean }>('load/has-graph');
  const write = async (fresh: boolean) => {
    const steps = loadSteps(data, hash, loadId, fresh);
    const results = await cypher.writeAll(steps);
    return (name: string) => results[steps.findIndex((s) => s.name === name)] ?? [];
  };
  let resultOf;
  try {
    resultOf = await write(!loaded && !hasDuplicateKeys(data));
  } catch (err) {
    // Another loader wrote the graph between the check and this load's commit: its nodes now hold the ids this
    // load CREATEd (the uniqueness constraints refused the commit, nothing was written). Load again, by MERGE.
    if (loaded || !isConstraintViolation(err)) throw err;
    resultOf = await write(false);
  }
  const derivedServes = Number(resultOf(DERIVE_SERVES)[0]?.derived ?? 0);
  const counts = await graphCounts(cypher);
  return { hash, documents: data.documents.map((d) => d.id), ...counts, derivedServes, ms: Date.now() - started };
}

function isConstraintViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
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
  const [meta] = await cypher.read('read/meta');
  return meta !== undefined && meta.fixturesHash === loadInputsHash(fixturesDir);
}

export function formatReport(r: LoadReport): string {
  const table = (counts: Record<string, number>) =>
    Object.entries(counts).map(([k, v]) => `    ${k.padEnd(18)} ${String(v).padStart(6)}`).join('\n');
  return (
    `loaded ${r.documents.join(', ')} in ${(r.ms / 1000).toFixed(1)} s (${r.derivedServes} SERVES links derived by rule)\n` +
    `  nodes by label:\n${table(r.labels)}\n  relationships by type:\n${table(r.relationships)}`
  );
}
