import { normalizeName } from '../../graph/names';
import { Row } from '../../neo4j/cypher';
import { badInput, notFound } from '../errors';
import { Context, NodeRow } from '../loaders';
import { MAX_PAGE_SIZE } from '../pagination';
import { findPaths } from './research';
import { ENTITY_LABELS, linkFields } from './shared';

/** Query.search, Query.path and Query.neighborhood: the researcher's tools. */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** The user's text as a Lucene phrase: special characters escaped, so 20+8 and IT+BT+低碳 parse. */
export function lucenePhrase(text: string): string {
  return `"${text.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}"`;
}

const DEFAULT_HOPS = 4;
const MAX_HOPS = 6;
const NEIGHBORHOOD_CAP = 200;

async function entityOrNotFound(id: string, ctx: Context): Promise<NodeRow> {
  const node = await ctx.loaders.node.load(id);
  if (!node || !node.labels.includes('Entity')) throw notFound('entity', id);
  return node;
}

function step(r: Row) {
  return { type: r.type, start: r.start, end: r.end, ...linkFields(r.props as Row), basis: (r.props as Row).basis ?? null };
}

export const exploreResolvers = {
  Query: {
    search: async (_: unknown, args: { text: string; types?: string[] | null; first?: number | null }, ctx: Context) => {
      const text = args.text.normalize('NFKC').replace(/["“”]/g, ' ').trim();
      if (text === '') throw badInput('search text must not be empty.', { argument: 'text' });
      const limit = args.first ?? 20;
      if (limit < 1 || limit > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}.`, { argument: 'first' });
      const key = normalizeName(text);
      const labels = (args.types?.length ? args.types : Object.keys(ENTITY_LABELS)).map((t) => ENTITY_LABELS[t]);
      const rows = await ctx.cypher.read('read/search', { key, query: lucenePhrase(text), labels, limit });
      return rows.map((r) => {
        const node = r.node as NodeRow;
        const names = [node.name as string, ...((node.aliases as string[]) ?? [])];
        return { entity: node, score: r.score, matchedName: names.find((n) => normalizeName(n) === key) ?? null };
      });
    },

    path: async (_: unknown, args: { from: string; to: string; maxHops?: number | null; basis?: string[] | null }, ctx: Context) =>
      (await findPaths({ ...args, k: 1 }, ctx, false)).paths[0] ?? null,

    neighborhood: async (_: unknown, args: { id: string; depth?: number | null }, ctx: Context) => {
      const depth = args.depth ?? 1;
      if (depth < 1 || depth > 2) throw badInput(`depth must be 1 or 2, got ${depth}.`, { argument: 'depth' });
      await entityOrNotFound(args.id, ctx);
      const [row] = await ctx.cypher.read('read/neighborhood', { id: args.id, depth, cap: NEIGHBORHOOD_CAP });
      const edges = (row.edges as Row[]).map((r) => {
        const s = step(r);
        return { ...s, from: s.start, to: s.end };
      });
      return { nodes: row.nodes, edges, truncated: row.truncated };
    },
  },
};
