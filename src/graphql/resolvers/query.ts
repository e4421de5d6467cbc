import { normalizeName } from '../../graph/names';
import { badInput, notFound } from '../errors';
import { Context, NodeRow } from '../loaders';
import { connection, pageOf } from '../pagination';

/** Query's lookups and listings. (search, path and neighborhood are in explore.ts.) */

type PageArgs = { first?: number | null; after?: string | null };
type LookupArgs = { id?: string | null; name?: string | null };

async function lookup(label: string, what: string, args: LookupArgs, ctx: Context): Promise<NodeRow | null> {
  if (args.id != null && args.name != null) throw badInput(`Give the ${what}'s id or its name, not both.`);
  if (args.id != null) {
    const node = await ctx.loaders.node.load(args.id);
    if (!node || !node.labels.includes(label)) throw notFound(what, args.id);
    return node;
  }
  if (args.name != null) {
    const key = normalizeName(args.name);
    if (key === '') throw badInput('name must not be empty.', { argument: 'name' });
    return ctx.loaders.entityByName.load({ label, key });
  }
  throw badInput(`Give the ${what}'s id or its name.`);
}

/** A filter's reference to a district or strategy, by id or name, as an id; unknown references are errors. */
async function refId(label: string, what: string, ref: string | null | undefined, ctx: Context): Promise<string | null> {
  if (ref == null) return null;
  const byId = await ctx.loaders.node.load(ref);
  if (byId?.labels.includes(label)) return byId.id;
  const byName = await ctx.loaders.entityByName.load({ label, key: normalizeName(ref) });
  if (!byName) throw badInput(`No ${what} has the id, name or alias "${ref}".`, { argument: 'filter' });
  return byName.id;
}

async function page(statement: string, params: Record<string, unknown>, args: PageArgs, ctx: Context) {
  const p = pageOf(args);
  const [row] = await ctx.cypher.read(statement, { ...params, offset: p.offset, limit: p.limit });
  return connection((row.nodes as NodeRow[]).map((node) => ({ node })), p, row.totalCount as number);
}

const entities = (label: string) => (_: unknown, args: PageArgs & { kind?: string | null }, ctx: Context) =>
  page('read/entities-page', { label, kind: args.kind ?? null }, args, ctx);

const nameContains = (text: string | null | undefined) => (text == null || text === '' ? null : normalizeName(text));

export const queryResolvers = {
  Query: {
    node: (_: unknown, args: { id: string }, ctx: Context) => ctx.loaders.node.load(args.id),
    strategy: (_: unknown, args: LookupArgs, ctx: Context) => lookup('Strategy', 'strategy', args, ctx),
    district: (_: unknown, args: LookupArgs, ctx: Context) => lookup('District', 'district', args, ctx),
    project: (_: unknown, args: LookupArgs, ctx: Context) => lookup('Project', 'project', args, ctx),
    indicator: (_: unknown, args: LookupArgs, ctx: Context) => lookup('Indicator', 'indicator', args, ctx),
    organization: (_: unknown, args: LookupArgs, ctx: Context) => lookup('Organization', 'organization', args, ctx),
    strategies: entities('Strategy'),
    districts: entities('District'),
    organizations: entities('Organization'),

    projects: async (
      _: unknown,
      args: PageArgs & {
        filter?: { category?: string[] | null; district?: string | null; strategy?: string | null; stage?: string | null; year?: number | null; nameContains?: string | null } | null;
        orderBy?: string | null;
      },
      ctx: Context,
    ) => {
      pageOf(args);
      const f = args.filter ?? {};
      const [districtId, strategyId] = await Promise.all([
        refId('District', 'district', f.district, ctx),
        refId('Strategy', 'strategy', f.strategy, ctx),
      ]);
      return page(
        'read/projects-page',
        {
          categories: f.category?.length ? f.category : null, districtId, strategyId, stage: f.stage ?? null,
          year: f.year ?? null, nameContains: nameContains(f.nameContains), orderBy: args.orderBy ?? 'DOCUMENT_ORDER',
        },
        args,
        ctx,
      );
    },

    indicators: (
      _: unknown,
      args: PageArgs & { filter?: { year?: number | null; kind?: string | null; category?: string[] | null; headline?: boolean | null; nameContains?: string | null } | null },
      ctx: Context,
    ) => {
      const f = args.filter ?? {};
      return page(
        'read/indicators-page',
        {
          year: f.year ?? null, kind: f.kind ?? null, categories: f.category?.length ? f.category : null,
          headline: f.headline ?? null, nameContains: nameContains(f.nameContains),
        },
        args,
        ctx,
      );
    },

    glossaryTerm: async (_: unknown, args: { term: string }, ctx: Context) => {
      const key = normalizeName(args.term);
      if (key === '') throw badInput('term must not be empty.', { argument: 'term' });
      const [row] = await ctx.cypher.read('read/glossary-by-term', { key });
      return row?.node ?? null;
    },
    glossary: async (_: unknown, __: unknown, ctx: Context) => (await ctx.cypher.read('read/glossary')).map((r) => r.node),
    documents: async (_: unknown, __: unknown, ctx: Context) => (await ctx.cypher.read('read/documents')).map((r) => r.node),
    section: async (_: unknown, args: { id: string }, ctx: Context) => {
      const node = await ctx.loaders.node.load(args.id);
      if (!node || !node.labels.includes('Section')) throw notFound('section', args.id);
      return node;
    },
  },
};
