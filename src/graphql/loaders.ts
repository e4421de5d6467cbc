import DataLoader from 'dataloader';
import { Row } from '../neo4j/cypher';
import { CypherRunner } from '../neo4j/runner';
import { EvidenceRef, evidenceRef, factRow, FactRow, LinkRow, linkRow, linkRows, nodeRow, NodeRow, str } from './graph-rows';
import { researchLoaders } from './research-loaders';
import { STAGE_ORDER } from './stages';

export type { Context } from './context';

/**
 * One set of DataLoaders per GraphQL request. Each loader turns every load() of one tick into ONE Cypher
 * round trip over `UNWIND $ids`, so a request costs a number of round trips that depends on the query's
 * depth, never on how many objects it touches. Rows are checked (graph-rows.ts) as they arrive.
 */

export interface LoaderOptions {
  /** false turns batching off (one round trip per object): only the benchmark does this, to measure the difference. */
  batch?: boolean;
  /**
   * false: resolvers never fetch their children's first fan-out with themselves (src/graphql/lookahead.ts); every
   * field loads its own rows. Tests compare both ways; the benchmark's batching-off server turns it off too.
   */
  prefetch?: boolean;
}

/** The arguments that select Strategy.projects' loader (schema defaults applied). */
export const strategyProjectsKey = (a: { includeParts?: boolean | null; basis?: readonly string[] | null; textBacked?: boolean | null }) => ({
  includeParts: a.includeParts ?? true, basis: a.basis ? [...a.basis] : null, textBacked: a.textBacked === true,
});
/** The arguments that select District.projects' loader. */
export const districtProjectsKey = (a: { includeSubdistricts?: boolean | null }) => ({ includeSubdistricts: a.includeSubdistricts ?? true });

export function groupedLoader<T>(cypher: CypherRunner, statement: string, params: Row, pick: (row: Row, where: string) => T, options: LoaderOptions) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await cypher.read(statement, { ...params, ids });
    const byId = new Map<string, T[]>();
    rows.forEach((row, i) => {
      const where = `${statement} row ${i}`;
      const id = str(row.id, `${where}.id`);
      const list = byId.get(id) ?? [];
      list.push(pick(row, where));
      byId.set(id, list);
    });
    return ids.map((id) => byId.get(id) ?? []);
  }, options);
}

/** Loaders whose statement takes arguments beyond the ids: one loader per distinct set of arguments. */
class Variants<T> {
  private readonly byKey = new Map<string, DataLoader<string, T>>();
  get(key: string, make: () => DataLoader<string, T>): DataLoader<string, T> {
    let loader = this.byKey.get(key);
    if (!loader) {
      loader = make();
      this.byKey.set(key, loader);
    }
    return loader;
  }
}

export function createLoaders(cypher: CypherRunner, options: LoaderOptions = {}) {
  const links = new Variants<LinkRow[]>();
  const nodeOf = (key: string) => (r: Row, where: string) => nodeRow(r[key], `${where}.${key}`);

  const linksOut = (type: string) => links.get(`out:${type}`, () => groupedLoader(cypher, 'read/links-out', { type }, linkRow, options));

  return {
    /** Whether resolvers may fetch their children's first fan-out with themselves (LoaderOptions.prefetch). */
    prefetch: options.prefetch !== false && options.batch !== false,
    node: new DataLoader<string, NodeRow | null>(async (ids) => {
      const rows = await cypher.read('read/nodes-by-id', { ids });
      const byId = new Map(rows.map((r, i) => [str(r.id, `read/nodes-by-id row ${i}.id`), nodeRow(r.node, `read/nodes-by-id row ${i}.node`)]));
      return ids.map((id) => byId.get(id) ?? null);
    }, options),
    entityByName: new DataLoader<{ label: string; key: string }, NodeRow | null, string>(
      async (keys) => {
        // Names first (an index seek); only keys that name nothing are tried as aliases (a scan).
        const rows = await cypher.read('read/entities-by-name', { keys });
        const byKey = (list: typeof rows, statement: string) =>
          list.map((r, i) => {
            const where = `${statement} row ${i}`;
            return [`${str(r.label, `${where}.label`)}|${str(r.key, `${where}.key`)}`, nodeRow(r.node, `${where}.node`)] as const;
          });
        const found = new Map(byKey(rows, 'read/entities-by-name'));
        const rest = keys.filter((k) => !found.has(`${k.label}|${k.key}`));
        if (rest.length) for (const [k, node] of byKey(await cypher.read('read/entities-by-alias', { keys: rest }), 'read/entities-by-alias')) found.set(k, node);
        return keys.map((k) => found.get(`${k.label}|${k.key}`) ?? null);
      },
      { ...options, cacheKeyFn: (k) => `${k.label}|${k.key}` },
    ),
    linksOut,
    linksIn: (type: string) => links.get(`in:${type}`, () => groupedLoader(cypher, 'read/links-in', { type }, linkRow, options)),
    /** With `withDistricts`, each project's LOCATED_IN links come along (read/with/strategy-projects-districts). */
    strategyProjects: ({ includeParts, basis, textBacked }: ReturnType<typeof strategyProjectsKey>, withDistricts = false) =>
      links.get(`strategy-projects:${includeParts}:${basis?.join(',')}:${textBacked}:${withDistricts}`, () =>
        withDistricts
          ? groupedLoader(cypher, 'read/with/strategy-projects-districts', { includeParts, basis, textBacked }, (row, where) => {
            const link = linkRow(row, where);
            // DataLoader keeps what it already has: a project under two strategies is primed once.
            linksOut('LOCATED_IN').prime(link.node.id, linkRows(row.districts, `${where}.districts`));
            return link;
          }, options)
          : groupedLoader(cypher, 'read/strategy-projects', { includeParts, basis, textBacked }, linkRow, options),
      ),
    districtProjects: ({ includeSubdistricts }: ReturnType<typeof districtProjectsKey>) =>
      links.get(`district-projects:${includeSubdistricts}`, () =>
        groupedLoader(cypher, 'read/district-projects', { includeSubdistricts }, linkRow, options),
      ),
    evidence: groupedLoader<EvidenceRef>(cypher, 'read/node-evidence', {}, evidenceRef, options),
    mentions: groupedLoader(cypher, 'read/entity-mentions', {}, nodeOf('node'), options),
    passageMentions: groupedLoader(cypher, 'read/passage-mentions', {}, nodeOf('node'), options),
    sectionChildren: groupedLoader(cypher, 'read/section-children', {}, nodeOf('node'), options),
    sectionPassages: groupedLoader(cypher, 'read/section-passages', {}, nodeOf('node'), options),
    milestones: groupedLoader<FactRow>(cypher, 'read/milestones', { stageOrder: STAGE_ORDER }, (r, where) => factRow(r.milestone, `${where}.milestone`), options),
    values: groupedLoader<FactRow>(cypher, 'read/indicator-values', {}, (r, where) => factRow(r.value, `${where}.value`), options),
    ...researchLoaders(cypher, options),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
