import { FACT_RELATIONSHIP_TYPES } from '../../graph/fixtures/fixture-schema';
import { normalizeName } from '../../graph/names';
import type { EntityType, QueryResolvers } from '../generated/resolvers';
import { Context } from '../context';
import { badInput, notFound } from '../errors';
import { basisOf, evidenceOf, linkProps, list, nodeRow, NodeRow, nodes, num, optionalNode, optionalStr, props, Props, str, strings } from '../graph-rows';
import { MAX_PAGE_SIZE } from '../pagination';
import { chainOf, EntityTypeName } from './shared';

/** Query.search, Query.path and Query.neighborhood: the researcher's tools. */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

const MAX_SEARCH_TEXT = 200;

/** The user's text as a Lucene phrase: special characters escaped, so 20+8 and IT+BT+低碳 parse. */
export function lucenePhrase(text: string): string {
  return `"${text.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}"`;
}

/** The `EntityType` enum of `search(types:)` as node labels. */
export const ENTITY_LABELS: Record<EntityType, EntityTypeName> = {
  STRATEGY: 'Strategy',
  DISTRICT: 'District',
  PROJECT: 'Project',
  INDICATOR: 'Indicator',
  ORGANIZATION: 'Organization',
  GLOSSARY_TERM: 'GlossaryTerm',
};
const ALL_ENTITY_TYPES = Object.keys(ENTITY_LABELS).filter((t): t is EntityType => t in ENTITY_LABELS);

export const DEFAULT_HOPS = 4;
export const MAX_HOPS = 6;
const NEIGHBORHOOD_CAP = 200;

async function entityOrNotFound(id: string, ctx: Context): Promise<NodeRow> {
  const node = await ctx.loaders.node.load(id);
  if (!node || !node.labels.includes('Entity')) throw notFound('entity', id);
  return node;
}

/** A relationship as path.cypher and neighborhood.cypher return it: {type, start, end, props}. */
function step(value: unknown, where: string) {
  const r = props(value, where);
  const p: Props = props(r.props, `${where}.props`);
  return {
    type: str(r.type, `${where}.type`), start: str(r.start, `${where}.start`), end: str(r.end, `${where}.end`),
    basis: basisOf(p.basis, `${where}.props.basis`), inference: optionalStr(p.inference, `${where}.props.inference`),
    rule: optionalStr(p.rule, `${where}.props.rule`), evidence: evidenceOf(p, `${where}.props`),
    ...(({ strength, inferredFrom }) => ({ strength, inferredFrom }))(linkProps(p, `${where}.props`)),
    link: linkProps(p, `${where}.props`),
  };
}

export const exploreResolvers: { Query: Pick<QueryResolvers, 'search' | 'path' | 'neighborhood'> } = {
  Query: {
    search: async (_, args, ctx) => {
      const text = args.text.normalize('NFKC').replace(/["“”]/g, ' ').trim();
      if (text === '') throw badInput('search text must not be empty.', { argument: 'text' });
      // Every pair of characters becomes a term of the full-text phrase; Lucene refuses thousands of them.
      if (text.length > MAX_SEARCH_TEXT) {
        throw badInput(`search text may be at most ${MAX_SEARCH_TEXT} characters, got ${text.length}; search for a shorter phrase.`, { argument: 'text', max: MAX_SEARCH_TEXT });
      }
      const limit = args.first ?? 20;
      if (limit < 1 || limit > MAX_PAGE_SIZE) throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}.`, { argument: 'first' });
      const key = normalizeName(text);
      const labels = (args.types?.length ? args.types : ALL_ENTITY_TYPES).map((t) => ENTITY_LABELS[t]);
      const rows = await ctx.cypher.read('read/search', { key, query: lucenePhrase(text), labels, limit });
      return rows.map((r, i) => {
        const node = nodeRow(r.node, `read/search row ${i}.node`);
        const names = [str(node.name, `${node.id}.name`), ...strings(node.aliases, `${node.id}.aliases`)];
        const score = num(r.score, `read/search row ${i}.score`);
        return { entity: node, score, matchedName: names.find((n) => normalizeName(n) === key) ?? null };
      });
    },

    path: async (_, args, ctx) => {
      const maxHops = args.maxHops ?? DEFAULT_HOPS;
      if (maxHops < 1 || maxHops > MAX_HOPS) throw badInput(`maxHops must be between 1 and ${MAX_HOPS}, got ${maxHops}.`, { argument: 'maxHops' });
      const [row] = await ctx.cypher.read('read/path', { from: args.from, to: args.to, maxHops, types: FACT_RELATIONSHIP_TYPES });
      const from = optionalNode(row?.fromNode, 'read/path.fromNode');
      if (!from) throw notFound('entity', args.from);
      if (!optionalNode(row.toNode, 'read/path.toNode')) throw notFound('entity', args.to);
      if (args.from === args.to) return { nodes: [from], relationships: [], length: 0 };
      if (row.nodes === null || row.nodes === undefined) return null;
      const pathNodes = nodes(row.nodes, 'read/path.nodes');
      const relationships = list(row.rels, 'read/path.rels').map((r, i) => {
        const s = step(r, `read/path.rels[${i}]`);
        const forward = s.start === pathNodes[i].id;
        const chain = chainOf(s.link, s.type, s.start, s.end);
        return { ...s, chain, from: pathNodes[i].id, to: pathNodes[i + 1].id, direction: forward ? ('FORWARD' as const) : ('BACKWARD' as const) };
      });
      return { nodes: pathNodes, relationships, length: relationships.length };
    },

    neighborhood: async (_, args, ctx) => {
      const depth = args.depth ?? 1;
      if (depth < 1 || depth > 2) throw badInput(`depth must be 1 or 2, got ${depth}.`, { argument: 'depth' });
      await entityOrNotFound(args.id, ctx);
      const [row] = await ctx.cypher.read('read/neighborhood', { id: args.id, depth, cap: NEIGHBORHOOD_CAP, types: FACT_RELATIONSHIP_TYPES });
      const edges = list(row.edges, 'read/neighborhood.edges').map((r, i) => {
        const s = step(r, `read/neighborhood.edges[${i}]`);
        return { ...s, from: s.start, to: s.end };
      });
      const truncated = row.truncated === true;
      return { nodes: nodes(row.nodes, 'read/neighborhood.nodes'), edges, truncated };
    },
  },
};
