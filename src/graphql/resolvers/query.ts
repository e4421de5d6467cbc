import { normalizeName } from '../../graph/names';
import type { QueryResolvers } from '../generated/resolvers';
import { Context } from '../context';
import { badInput, notFound } from '../errors';
import { GraphQLResolveInfo } from 'graphql';
import { Row } from '../../neo4j/cypher';
import { evidenceRef, factRow, linkRows, list, listOf, NodeRow, nodeRow, nodes, num, props, Props } from '../graph-rows';
import { STAGE_ORDER } from '../stages';
import { districtProjectsKey, strategyProjectsKey } from '../loaders';
import { lookahead } from '../lookahead';
import { connection, Page, pageOf } from '../pagination';

/** Query's lookups and listings. (search, path and neighborhood are in explore.ts.) */

type PageArgs = { first?: number | null; after?: string | null };
type LookupArgs = { id?: string | null; name?: string | null };

/**
 * A lookup whose children's first fan-out the client asked for, fetched with it in one statement
 * (cypher/read/with/*): `params` are the fan-out's, `prime` hands the row's other columns to the loaders the
 * children's resolvers will ask.
 */
interface WithFanOut {
  statement: string;
  params: Record<string, unknown>;
  prime(node: NodeRow, row: Row): void;
}

async function lookup(label: string, what: string, args: LookupArgs, ctx: Context, fanOut: WithFanOut | null = null): Promise<NodeRow | null> {
  if (args.id != null && args.name != null) throw badInput(`Give the ${what}'s id or its name, not both.`);
  if (args.id == null && args.name == null) throw badInput(`Give the ${what}'s id or its name.`);
  const key = args.name != null ? normalizeName(args.name) : null;
  if (key === '') throw badInput('name must not be empty.', { argument: 'name' });
  if (fanOut) {
    const [row] = await ctx.cypher.read(fanOut.statement, { ...fanOut.params, id: args.id ?? null, key });
    const node = row ? nodeRow(row.node, `${fanOut.statement}.node`) : null;
    if (node) fanOut.prime(node, row);
    else if (args.id != null) throw notFound(what, args.id);
    return node;
  }
  if (args.id != null) {
    const node = await ctx.loaders.node.load(args.id);
    if (!node || !node.labels.includes(label)) throw notFound(what, args.id);
    return node;
  }
  return ctx.loaders.entityByName.load({ label, key: key! });
}

/** Strategy.projects asked for under Query.strategy: fetched with the strategy. */
function withStrategyProjects(info: GraphQLResolveInfo, ctx: Context): WithFanOut | null {
  const field = ctx.loaders.prefetch ? lookahead(info, ['projects']) : null;
  // Projects with their districts are one statement of Strategy.projects' own (see there): leave them to it.
  if (!field || lookahead(info, ['projects', 'edges', 'node', 'districts'])) return null;
  const key = strategyProjectsKey(field.args);
  const statement = 'read/with/strategy-projects';
  return { statement, params: key, prime: (node, row) => ctx.loaders.strategyProjects(key).prime(node.id, linkRows(row.links, `${statement}.links`)) };
}

/** District.projects asked for under Query.district: fetched with the district (and, when asked, their timelines). */
function withDistrictProjects(info: GraphQLResolveInfo, ctx: Context): WithFanOut | null {
  const field = ctx.loaders.prefetch ? lookahead(info, ['projects']) : null;
  if (!field) return null;
  const key = districtProjectsKey(field.args);
  const withTimeline = lookahead(info, ['projects', 'edges', 'node', 'timeline']) !== null;
  const statement = 'read/with/district-projects';
  return {
    statement, params: { ...key, withTimeline, stageOrder: STAGE_ORDER },
    prime: (node, row) => {
      const links = linkRows(row.links, `${statement}.links`);
      ctx.loaders.districtProjects(key).prime(node.id, links);
      if (!withTimeline) return;
      list(row.timelines, `${statement}.timelines`).forEach((timeline, i) =>
        ctx.loaders.milestones.prime(links[i].node.id, listOf(timeline, `${statement}.timelines[${i}]`, factRow)),
      );
    },
  };
}

/** A project's page: two or more of its evidence, districts, strategies and timeline come with it. */
function withProjectDetail(info: GraphQLResolveInfo, ctx: Context): WithFanOut | null {
  if (!ctx.loaders.prefetch) return null;
  const asked = ['evidence', 'districts', 'strategies', 'timeline'].filter((f) => lookahead(info, [f]));
  if (asked.length < 2) return null;
  const statement = 'read/with/project-detail';
  return {
    statement, params: { stageOrder: STAGE_ORDER },
    prime: (node, row) => {
      const where = (column: string) => `${statement}.${column}`;
      ctx.loaders.evidence.prime(node.id, listOf(row.evidence, where('evidence'), (e, w) => evidenceRef(props(e, w), w)));
      ctx.loaders.linksOut('LOCATED_IN').prime(node.id, linkRows(row.districts, where('districts')));
      ctx.loaders.linksOut('SERVES').prime(node.id, linkRows(row.strategies, where('strategies')));
      ctx.loaders.milestones.prime(node.id, listOf(row.timeline, where('timeline'), factRow));
    },
  };
}

/**
 * One page of a root listing: the statement returns {nodes, totalCount} for $offset and $limit. A statement that
 * also brings each node's first fan-out (cypher/read/with/*) hands it to `prime`.
 */
async function listing(statement: string, params: Record<string, unknown>, page: Page, ctx: Context, prime?: (result: Props, nodes: NodeRow[]) => void) {
  const [row] = await ctx.cypher.read(statement, { ...params, offset: page.offset, limit: page.limit });
  const result = props(row, `${statement} result`);
  const found = nodes(result.nodes, `${statement}.nodes`);
  prime?.(result, found);
  // Plain listings have no link behind each edge: its evidence is empty (schema: "empty in plain listings").
  const edges = found.map((node) => ({ node, evidence: [], chain: [] }));
  return connection(edges, page, num(result.totalCount, `${statement}.totalCount`));
}

const entities = (label: string) => (_: unknown, args: PageArgs & { kind?: string | null }, ctx: Context, info: GraphQLResolveInfo) => {
  const params = { label, kind: args.kind ?? null };
  const wantsParts = lookahead(info, ['edges', 'node', 'parts']) ?? lookahead(info, ['edges', 'node', 'partLinks']);
  if (!ctx.loaders.prefetch || !wantsParts) return listing('read/entities-page', params, pageOf(args), ctx);
  // A tree of strategies: each one's parts come with the page.
  const statement = 'read/with/entities-parts';
  return listing(statement, params, pageOf(args), ctx, (result, found) =>
    list(result.parts, `${statement}.parts`).forEach((parts, i) => ctx.loaders.parts.prime(found[i].id, linkRows(parts, `${statement}.parts[${i}]`))),
  );
};

const nameContains = (text: string | null | undefined) => (text == null || text === '' ? null : normalizeName(text));

const firstNode = async (ctx: Context, statement: string, params: Record<string, unknown> = {}) => {
  const [row] = await ctx.cypher.read(statement, params);
  return row ? nodeRow(row.node, `${statement}.node`) : null;
};
const allNodes = async (ctx: Context, statement: string) =>
  (await ctx.cypher.read(statement)).map((r, i) => nodeRow(r.node, `${statement} row ${i}.node`));

export const queryResolvers: { Query: QueryResolvers } = {
  Query: {
    node: (_, args, ctx) => ctx.loaders.node.load(args.id),
    strategy: (_, args, ctx, info) => lookup('Strategy', 'strategy', args, ctx, withStrategyProjects(info, ctx)),
    district: (_, args, ctx, info) => lookup('District', 'district', args, ctx, withDistrictProjects(info, ctx)),
    project: (_, args, ctx, info) => lookup('Project', 'project', args, ctx, withProjectDetail(info, ctx)),
    indicator: (_, args, ctx) => lookup('Indicator', 'indicator', args, ctx),
    organization: (_, args, ctx) => lookup('Organization', 'organization', args, ctx),
    strategies: entities('Strategy'),

    // projects, districts and organizations: resolvers/research.ts (one ProjectFilter, orderBy, filter).
    indicators: (_, args, ctx, info) => {
      const f = args.filter ?? {};
      const params = {
        year: f.year ?? null, kind: f.kind ?? null, categories: f.category?.length ? f.category : null,
        headline: f.headline ?? null, nameContains: nameContains(f.nameContains),
      };
      if (!ctx.loaders.prefetch || !lookahead(info, ['edges', 'node', 'values'])) return listing('read/indicators-page', params, pageOf(args), ctx);
      // The table's values come with the page (Indicator.values then filters them by its own arguments).
      const statement = 'read/with/indicators-values';
      return listing(statement, params, pageOf(args), ctx, (result, found) =>
        list(result.values, `${statement}.values`).forEach((values, i) =>
          ctx.loaders.values.prime(found[i].id, listOf(values, `${statement}.values[${i}]`, factRow)),
        ),
      );
    },

    glossaryTerm: async (_, args, ctx) => {
      const key = normalizeName(args.term);
      if (key === '') throw badInput('term must not be empty.', { argument: 'term' });
      return firstNode(ctx, 'read/glossary-by-term', { key });
    },
    glossary: (_, __, ctx) => allNodes(ctx, 'read/glossary'),
    documents: (_, __, ctx) => allNodes(ctx, 'read/documents'),
    section: async (_, args, ctx) => {
      const node = await ctx.loaders.node.load(args.id);
      if (!node || !node.labels.includes('Section')) throw notFound('section', args.id);
      return node;
    },
  },
};
