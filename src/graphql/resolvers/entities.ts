import { Row } from '../../neo4j/cypher';
import { Context, evidenceOf, NodeRow } from '../loaders';
import { paginate, pageOf } from '../pagination';
import { chainOf, is, linkFields, toLink, toRoleLink, typeName } from './shared';

/** Field resolvers of the entity types: Strategy, District, Project, Indicator, Organization, GlossaryTerm. */

type Args = Record<string, unknown>;
type PageArgs = { first?: number | null; after?: string | null };

const entityFields = {
  nameEn: (n: NodeRow) => n.nameEn ?? null,
  aliases: (n: NodeRow) => n.aliases ?? [],
  evidence: (n: NodeRow, _: Args, ctx: Context) => ctx.loaders.evidence.load(n.id),
  mentions: async (n: NodeRow, args: PageArgs, ctx: Context) => {
    pageOf(args);
    return paginate((await ctx.loaders.mentions.load(n.id)).map((node) => ({ node })), args);
  },
};

const out = (type: string) => (n: NodeRow, _: Args, ctx: Context) => ctx.loaders.linksOut(type).load(n.id);
const into = (type: string) => (n: NodeRow, _: Args, ctx: Context) => ctx.loaders.linksIn(type).load(n.id);
const nodes = (type: string, dir: 'out' | 'in', label?: string) => async (n: NodeRow, a: Args, ctx: Context) =>
  (await (dir === 'out' ? out : into)(type)(n, a, ctx)).filter((l) => !label || is(label)(l)).map((l) => l.node);
const first = (type: string, dir: 'out' | 'in', label?: string) => async (n: NodeRow, a: Args, ctx: Context) =>
  (await nodes(type, dir, label)(n, a, ctx))[0] ?? null;

/** SAME_AS is symmetric: links either way round. */
const sameAs = async (n: NodeRow, a: Args, ctx: Context) =>
  [...(await out('SAME_AS')(n, a, ctx)), ...(await into('SAME_AS')(n, a, ctx))].map(toLink);

const timeline = async (n: NodeRow, _: Args, ctx: Context) =>
  (await ctx.loaders.milestones.load(n.id)).map((m) => ({ ...m, evidence: evidenceOf(m) }));

export const entityResolvers = {
  Node: { __resolveType: typeName },
  Entity: { __resolveType: typeName },

  Strategy: {
    ...entityFields,
    parts: nodes('HAS_PART', 'out', 'Strategy'),
    partLinks: async (n: NodeRow, a: Args, ctx: Context) => (await out('HAS_PART')(n, a, ctx)).filter(is('Strategy')).map(toLink),
    partOf: first('HAS_PART', 'in', 'Strategy'),
    anchorDistricts: async (n: NodeRow, a: Args, ctx: Context) => (await out('ANCHORED_IN')(n, a, ctx)).map(toLink),
    projects: async (
      n: NodeRow,
      args: PageArgs & { includeParts: boolean; basis?: string[] | null; textBacked?: boolean | null },
      ctx: Context,
    ) => {
      pageOf(args);
      const links = await ctx.loaders.strategyProjects(args.includeParts, args.basis ?? null, args.textBacked === true).load(n.id);
      return paginate(
        links.map((l) => ({ node: l.node, via: l.via, ...linkFields(l.link), chain: chainOf(l.link, 'SERVES', l.node.id, l.via?.id ?? n.id) })),
        args,
      );
    },
    organizations: nodes('SERVES', 'in', 'Organization'),
    indicators: nodes('MEASURES', 'in'),
    definedBy: first('DEFINES', 'in'),
  },

  District: {
    ...entityFields,
    sameAs,
    parent: first('WITHIN', 'out'),
    children: nodes('WITHIN', 'in'),
    strategies: nodes('ANCHORED_IN', 'in'),
    projects: async (n: NodeRow, args: PageArgs & { includeSubdistricts: boolean }, ctx: Context) => {
      pageOf(args);
      const links = await ctx.loaders.districtProjects(args.includeSubdistricts).load(n.id);
      return paginate(
        links.map((l) => ({ node: l.node, district: l.via, locationBasis: l.link.basis, ...linkFields(l.link), basis: null })),
        args,
      );
    },
    organizations: nodes('LOCATED_IN', 'in', 'Organization'),
    indicators: nodes('MEASURES', 'in'),
  },

  Project: {
    ...entityFields,
    sameAs,
    districts: async (n: NodeRow, a: Args, ctx: Context) => (await out('LOCATED_IN')(n, a, ctx)).map(toLink),
    strategies: async (n: NodeRow, a: Args, ctx: Context) =>
      (await out('SERVES')(n, a, ctx)).map((l) => ({ ...toLink(l), chain: chainOf(l.link, 'SERVES', n.id, l.node.id) })),
    organizations: async (n: NodeRow, a: Args, ctx: Context) => [
      ...(await into('PARTICIPATES_IN')(n, a, ctx)).map(toRoleLink('PARTICIPANT')),
      ...(await out('AFFILIATED_WITH')(n, a, ctx)).map(toRoleLink('AFFILIATE')),
    ],
    timeline,
    parts: nodes('HAS_PART', 'out', 'Project'),
    partOf: first('HAS_PART', 'in', 'Project'),
    indicators: nodes('MEASURES', 'in'),
  },

  Organization: {
    ...entityFields,
    sameAs,
    districts: async (n: NodeRow, a: Args, ctx: Context) => (await out('LOCATED_IN')(n, a, ctx)).map(toLink),
    projects: async (n: NodeRow, a: Args, ctx: Context) => [
      ...(await out('PARTICIPATES_IN')(n, a, ctx)).map(toRoleLink('PARTICIPANT')),
      ...(await into('AFFILIATED_WITH')(n, a, ctx)).filter(is('Project')).map(toRoleLink('AFFILIATE')),
    ],
    affiliatedWith: async (n: NodeRow, a: Args, ctx: Context) =>
      (await out('AFFILIATED_WITH')(n, a, ctx)).filter(is('Organization')).map(toRoleLink('AFFILIATE')),
    affiliates: async (n: NodeRow, a: Args, ctx: Context) =>
      (await into('AFFILIATED_WITH')(n, a, ctx)).filter(is('Organization')).map(toRoleLink('AFFILIATE')),
    strategies: async (n: NodeRow, a: Args, ctx: Context) =>
      (await out('SERVES')(n, a, ctx)).map((l) => ({ ...toLink(l), chain: chainOf(l.link, 'SERVES', n.id, l.node.id) })),
    timeline,
  },

  Indicator: {
    ...entityFields,
    sameAs,
    headline: (n: NodeRow) => n.headline === true,
    values: async (n: NodeRow, args: { year?: number | null; kind?: string | null }, ctx: Context) =>
      (await ctx.loaders.values.load(n.id))
        .filter((v) => (args.year == null || v.year === args.year) && (args.kind == null || v.kind === args.kind))
        .map((v) => ({ ...v, evidence: evidenceOf(v) })),
    measures: nodes('MEASURES', 'out'),
  },

  IndicatorValue: {
    display: (v: Row) =>
      v.value == null ? String(v.text ?? '') : displayValue(v.value as number, v.unit as string, v.qualifier as string | null),
    text: (v: Row) => v.text ?? null,
  },

  GlossaryTerm: {
    ...entityFields,
    defines: first('DEFINES', 'out'),
  },
};

const SUFFIX_QUALIFIERS = ['左右', '以上', '以内', '以下'];

/** 7 % 左右 → "7%左右"; 4 亿元 超 → "超4亿元". */
export function displayValue(value: number, unit: string, qualifier: string | null): string {
  const number = `${value}${unit}`;
  if (!qualifier) return number;
  return SUFFIX_QUALIFIERS.includes(qualifier) ? `${number}${qualifier}` : `${qualifier}${number}`;
}
