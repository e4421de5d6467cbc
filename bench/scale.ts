import { buildAll, mergeGraphs } from '../src/graph/load';
import { GraphData } from '../src/graph/graph-data';
import { Cypher } from '../src/neo4j/cypher';

/**
 * `npm run bench -- --scale N`: grows the loaded real graph to N× by writing N−1 copies of it, each with its own
 * ids, names and lookup keys (suffix "~k") and the same texts, labels and relationships, so degrees, text lengths
 * and the shape of every query stay those of the real graph while the stores and indexes grow N×. The real
 * entities keep their names, so the mix asks the same questions. Writes go through the loader's own UNWIND
 * statements (cypher/load/*), in transactions of BATCH rows.
 */

const BATCH = 40_000;

export interface ScaleReport {
  nodes: number;
  relationships: number;
  seconds: number;
  rowsPerS: number;
  /** Rows written by each load statement. */
  perStep: Record<string, number>;
}

/** One copy of the graph: every id (and every string equal to an id) gets the suffix, names and keys too. */
function copyOf(g: GraphData, ids: Set<string>, k: number): GraphData {
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
  const started = Date.now();
  let rows = 0;
  const stepMs: Record<string, number> = {};
  const stepRows: Record<string, number> = {};
  // Statements in dependency order: a step's MATCHes find what earlier steps wrote.
  const steps: (keyof GraphData)[] = ['documents', 'sections', 'passages', 'entities', 'milestones', 'values', 'evidence', 'relations', 'mentions'];
  const copiesPerRound = Math.max(1, Math.floor(BATCH / (ids.size + g.evidence.length + g.relations.length + g.mentions.length)) || 1);
  for (let k = 1; k < factor; k += copiesPerRound) {
    const copies = Array.from({ length: Math.min(copiesPerRound, factor - k) }, (_, i) => copyOf(g, ids, k + i));
    // One write transaction per round: all statements of the round, each with its rows (a commit per statement
    // would cost a tx-log flush each).
    const t = Date.now();
    const round = steps.map((step) => ({ name: `load/${step}`, params: { rows: copies.flatMap((c) => c[step] as unknown[]), loadId } }));
    await cypher.writeAll(round, 1_800_000);
    for (const [i, step] of steps.entries()) {
      stepRows[step] = (stepRows[step] ?? 0) + (round[i].params.rows as unknown[]).length;
      rows += (round[i].params.rows as unknown[]).length;
    }
    stepMs.round = (stepMs.round ?? 0) + Date.now() - t;
    log(`scale: ${Math.min(k + copiesPerRound, factor)}/${factor} copies, ${rows} rows, ${Math.round(rows / ((Date.now() - started) / 1000))} rows/s`);
  }
  // Every derived link of the copies, by the same rule the loader runs.
  await cypher.writeAll([{ name: 'derive/serves-by-anchor', params: { loadId } }], 1_800_000);
  const seconds = (Date.now() - started) / 1000;
  const [size] = await cypher.read<{ nodes: number; relationships: number }>('read/graph-size');
  const perStep = Object.fromEntries(steps.map((k) => [k, stepRows[k]]));
  log(`scale: rows by statement: ${JSON.stringify(perStep)}`);
  return { nodes: size.nodes, relationships: size.relationships, seconds, rowsPerS: rows / seconds, perStep };
}
