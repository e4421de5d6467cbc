import { buildAll, mergeGraphs, writeSteps } from '../src/graph/load';
import { GraphData } from '../src/graph/graph-data';
import { Cypher } from '../src/neo4j/cypher';
import { applyDatabaseSchema } from '../src/neo4j/database-schema';

/**
 * `npm run bench -- --scale N`: grows the loaded real graph to N× by writing N−1 copies of it, each with its own
 * ids, names and lookup keys (suffix "~k") and the same texts, labels and relationships, so degrees, text lengths
 * and the shape of every query stay those of the real graph while the stores and indexes grow N×. The real
 * entities keep their names, so the mix asks the same questions. Writes go through the loader's own UNWIND
 * statements for a fresh database (cypher/load/create/*: the copies' ids are all new), in transactions of about
 * BATCH rows, with the secondary and full-text indexes dropped meanwhile and built again at the end (that time
 * counts in the generator's rows/s).
 */

const BATCH = 40_000;

/** The row lists of a graph, in the order the loader writes them. */
const STEPS: (keyof GraphData)[] = ['documents', 'sections', 'passages', 'entities', 'milestones', 'values', 'evidence', 'relations', 'mentions'];

export interface ScaleReport {
  nodes: number;
  relationships: number;
  seconds: number;
  /** Nodes and relationships written per second (the derived links included). */
  rowsPerS: number;
  /** Input rows of each load statement (a passage row writes a node and a relationship). */
  perStep: Record<string, number>;
}

/** One copy of the graph: every id (and every string equal to an id) gets the suffix, names and keys too. */
export function copyOf(g: GraphData, ids: Set<string>, k: number): GraphData {
  const s = `~${k}`;
  const id = (x: string) => (ids.has(x) ? x + s : x);
  const props = <T>(p: T): T =>
    Object.fromEntries(
      Object.entries(p as Record<string, unknown>).map(([key, v]) => {
        if (key === 'name' || key === 'lookupKeys' || key === 'aliases') return [key, Array.isArray(v) ? v.map((x) => `${x}${s}`) : typeof v === 'string' ? `${v}${s}` : v];
        if (typeof v === 'string') return [key, id(v)];
        if (Array.isArray(v)) return [key, v.map((x) => (typeof x === 'string' ? id(x) : x))];
        return [key, v];
      }),
    ) as T;
  return {
    documents: g.documents.map((x) => ({ ...x, id: id(x.id), props: props(x.props) })),
    sections: g.sections.map((x) => ({ ...x, id: id(x.id), parentId: x.parentId && id(x.parentId), documentId: id(x.documentId), props: props(x.props) })),
    passages: g.passages.map((x) => ({ ...x, id: id(x.id), sectionId: id(x.sectionId), props: props(x.props) })),
    entities: g.entities.map((x) => ({ ...x, id: id(x.id), props: props(x.props) })),
    milestones: g.milestones.map((x) => ({ ...x, id: id(x.id), ownerId: id(x.ownerId), props: props(x.props) })),
    values: g.values.map((x) => ({ ...x, id: id(x.id), indicatorId: id(x.indicatorId), props: props(x.props) })),
    evidence: g.evidence.map((x) => ({ ...x, nodeId: id(x.nodeId), passageId: id(x.passageId), documentId: id(x.documentId) })),
    relations: g.relations.map((x) => ({ ...x, from: id(x.from), to: id(x.to), props: props(x.props) })),
    mentions: g.mentions.map((x) => ({ passageId: id(x.passageId), entityId: id(x.entityId) })),
  };
}

export async function generateScale(cypher: Cypher, factor: number, log: (line: string) => void): Promise<ScaleReport> {
  const g = mergeGraphs(buildAll());
  const ids = new Set<string>([...g.documents, ...g.sections, ...g.passages, ...g.entities, ...g.milestones, ...g.values].map((x) => x.id));
  const [{ loadId }] = await cypher.read<{ loadId: string }>('bench/load-id');
  const [before] = await cypher.read<{ nodes: number; relationships: number }>('read/graph-size');
  const started = Date.now();
  // Secondary and full-text indexes are built once at the end instead of updated row by row.
  await cypher.schema('bench/scale-drop-indexes');
  const stepRows: Record<string, number> = {};
  let written = 0;
  const perCopy = ids.size + g.evidence.length + g.relations.length + g.mentions.length;
  const copiesPerRound = Math.max(1, Math.floor(BATCH / perCopy));
  // A round: copies k..k+n-1 as the loader's CREATE statements (cypher/load/create/: every id of a copy is new,
  // so nothing needs a MERGE), in one write transaction.
  const round = async (k: number) => {
    const copies: GraphData[] = [];
    for (let i = k; i < Math.min(k + copiesPerRound, factor); i++) {
      copies.push(copyOf(g, ids, i));
      // One copy at a time, so a write in flight keeps being served by the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const data = Object.fromEntries(STEPS.map((step) => [step, copies.flatMap((c) => c[step] as unknown[])])) as unknown as GraphData;
    return { data, steps: writeSteps(data, loadId, true) };
  };
  let next = round(1);
  for (let k = 1; k < factor; k += copiesPerRound) {
    const current = await next;
    const t = Date.now();
    const writing = cypher.writeAll(current.steps, 1_800_000);
    // Build the next round's rows while Neo4j writes this one.
    if (k + copiesPerRound < factor) next = round(k + copiesPerRound);
    await writing;
    for (const step of STEPS) {
      const n = (current.data[step] as unknown[]).length;
      stepRows[step] = (stepRows[step] ?? 0) + n;
      // Sections, passages, milestones and values each write a node and its link to the parent.
      written += ['sections', 'passages', 'milestones', 'values'].includes(step) ? 2 * n : n;
    }
    const done = Math.min(k + copiesPerRound, factor);
    if (done === factor || done % Math.max(1, Math.round(factor / 20)) < copiesPerRound) {
      log(`scale: ${done}/${factor} copies, ${written} nodes + relationships, ${Math.round(written / ((Date.now() - started) / 1000))} rows/s (last round: ${Date.now() - t} ms)`);
    }
  }
  const deriving = Date.now();
  // Every derived link of the copies, by the same rule the loader runs.
  await cypher.writeAll([{ name: 'derive/serves-by-anchor', params: { loadId } }], 1_800_000);
  log(`scale: derived links in ${((Date.now() - deriving) / 1000).toFixed(1)} s`);
  const indexing = Date.now();
  await applyDatabaseSchema(cypher);
  await cypher.writeAll([{ name: 'bench/await-indexes' }], 3_600_000);
  log(`scale: secondary and full-text indexes built in ${((Date.now() - indexing) / 1000).toFixed(1)} s`);
  const seconds = (Date.now() - started) / 1000;
  const [size] = await cypher.read<{ nodes: number; relationships: number }>('read/graph-size');
  const perStep = Object.fromEntries(STEPS.map((k) => [k, stepRows[k]]));
  log(`scale: rows by statement: ${JSON.stringify(perStep)}`);
  // A row is a node or a relationship written (a passage row writes two: the passage and its IN_SECTION link).
  const rows = size.nodes + size.relationships - before.nodes - before.relationships;
  return { nodes: size.nodes, relationships: size.relationships, seconds, rowsPerS: rows / seconds, perStep };
}
