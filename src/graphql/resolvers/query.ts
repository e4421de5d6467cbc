import { normalizeName } from '../../graph/names';
import { badInput, notFound } from '../errors';
import { Context, NodeRow } from '../loaders';
import { connection, pageOf } from '../pagination';
import { ProjectFilterInput, projectsPage } from './research';

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

    projects: (_: unknown, args: PageArgs & { filter?: ProjectFilterInput | null; orderBy?: string | null }, ctx: Context) => projectsPage(args, ctx),

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
