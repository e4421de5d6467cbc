import DataLoader from 'dataloader';
import { Cypher, Row } from '../neo4j/cypher';
import { researchLoaders } from './research-loaders';
import { STAGE_ORDER } from './stages';

/**
 * One set of DataLoaders per GraphQL request. Each loader turns every load() of one tick into ONE Cypher
 * round trip over `UNWIND $ids`, so a request costs a number of round trips that depends on the query's
 * depth, never on how many objects it touches.
 */

/** A node as Cypher returns it: its properties plus its labels. */
export type NodeRow = Row & { id: string; labels: string[] };
/** A node reached through a relationship, with the relationship's properties. */
export interface LinkRow {
  node: NodeRow;
  link: Row;
  /** Strategy.projects: the part served directly. District.projects: the place located in directly. */
  via?: NodeRow;
}
export interface EvidenceRef {
  quote: string;
  passageId: string;
}

export interface LoaderOptions {
  /** false turns batching off (one round trip per object): only the benchmark does this, to measure the difference. */
  batch?: boolean;
}

export function groupedLoader<T>(cypher: Cypher, statement: string, params: Row, pick: (row: Row) => T, options: LoaderOptions) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await cypher.read(statement, { ...params, ids });
    const byId = new Map<string, T[]>();
    for (const row of rows) {
      const list = byId.get(row.id as string) ?? [];
      list.push(pick(row));
      byId.set(row.id as string, list);
    }
    return ids.map((id) => byId.get(id) ?? []);
  }, options);
}

export function createLoaders(cypher: Cypher, options: LoaderOptions = {}) {
  // Loaders whose statement takes arguments beyond the ids: one loader per distinct set of arguments.
  const variants = new Map<string, DataLoader<string, unknown>>();
  const variant = <T>(key: string, make: () => DataLoader<string, T>): DataLoader<string, T> => {
    if (!variants.has(key)) variants.set(key, make() as DataLoader<string, unknown>);
    return variants.get(key) as DataLoader<string, T>;
  };
  const link = (row: Row): LinkRow => ({ node: row.node as NodeRow, link: row.link as Row, via: (row.via ?? row.place) as NodeRow | undefined });

  return {
    node: new DataLoader<string, NodeRow | null>(async (ids) => {
      const rows = await cypher.read('read/nodes-by-id', { ids });
      const byId = new Map(rows.map((r) => [r.id as string, r.node as NodeRow]));
      return ids.map((id) => byId.get(id) ?? null);
    }, options),
    entityByName: new DataLoader<{ label: string; key: string }, NodeRow | null, string>(
      async (keys) => {
        const rows = await cypher.read('read/entities-by-name', { keys });
        const found = new Map(rows.map((r) => [`${r.label}|${r.key}`, r.node as NodeRow]));
        return keys.map((k) => found.get(`${k.label}|${k.key}`) ?? null);
      },
      { ...options, cacheKeyFn: (k) => `${k.label}|${k.key}` },
    ),
    linksOut: (type: string) => variant(`out:${type}`, () => groupedLoader(cypher, 'read/links-out', { type }, link, options)),
    linksIn: (type: string) => variant(`in:${type}`, () => groupedLoader(cypher, 'read/links-in', { type }, link, options)),
    strategyProjects: (includeParts: boolean, basis: string[] | null) =>
      variant(`strategy-projects:${includeParts}:${basis?.join(',')}`, () =>
        groupedLoader(cypher, 'read/strategy-projects', { includeParts, basis }, link, options),
      ),
    districtProjects: (includeSubdistricts: boolean) =>
      variant(`district-projects:${includeSubdistricts}`, () =>
        groupedLoader(cypher, 'read/district-projects', { includeSubdistricts }, link, options),
      ),
    evidence: groupedLoader(cypher, 'read/node-evidence', {}, (r) => ({ quote: r.quote, passageId: r.passageId }) as EvidenceRef, options),
    mentions: groupedLoader(cypher, 'read/entity-mentions', {}, (r) => r.node as NodeRow, options),
    passageMentions: groupedLoader(cypher, 'read/passage-mentions', {}, (r) => r.node as NodeRow, options),
    sectionChildren: groupedLoader(cypher, 'read/section-children', {}, (r) => r.node as NodeRow, options),
    sectionPassages: groupedLoader(cypher, 'read/section-passages', {}, (r) => r.node as NodeRow, options),
    milestones: groupedLoader(cypher, 'read/milestones', { stageOrder: STAGE_ORDER }, (r) => r.milestone as Row, options),
    values: groupedLoader(cypher, 'read/indicator-values', {}, (r) => r.value as Row, options),
    ...researchLoaders(cypher, options),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  cypher: Cypher;
  loaders: Loaders;
}

/** The quotes of a relationship or of a milestone/value node, paired with their passages. */
export function evidenceOf(props: Row): EvidenceRef[] {
  const quotes = (props.evidence as string[] | undefined) ?? [];
  const passageIds = (props.passageIds as string[] | undefined) ?? [];
  return quotes.map((quote, i) => ({ quote, passageId: passageIds[i] }));
}
