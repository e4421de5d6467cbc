import { Row } from '../../neo4j/cypher';
import { Context, evidenceOf, NodeRow } from '../loaders';
import { paginate, pageOf } from '../pagination';
import { filterLinks, partLinks, ProjectFilterInput } from './research';
import { is, linkFields, toLink, toRoleLink, typeName } from './shared';

/** Field resolvers of the entity types: Strategy, District, Project, Indicator, Organization, GlossaryTerm. */

type Args = Record<string, unknown>;
type PageArgs = { first?: number | null; after?: string | null };

const entityFields = {
  nameEn: (n: NodeRow) => n.nameEn ?? null,
  aliases: (n: NodeRow) => n.aliases ?? [],
  evidence: (n: NodeRow, _: Args, ctx: Context) => ctx.loaders.evidence.load(n.id),
  mentions: async (n: NodeRow, args: PageArgs & { rule?: string | null }, ctx: Context) => {
    pageOf(args);
    const loader = args.rule === 'NESTED' ? ctx.loaders.nestedMentions : ctx.loaders.mentions;
    return paginate((await loader.load(n.id)).map((node) => ({ node })), args);
  },
};

const out = (type: string) => (n: NodeRow, _: Args, ctx: Context) => ctx.loaders.linksOut(type).load(n.id);
const into = (type: string) => (n: NodeRow, _: Args, ctx: Context) => ctx.loaders.linksIn(type).load(n.id);
const nodes = (type: string, dir: 'out' | 'in', label?: string) => async (n: NodeRow, a: Args, ctx: Context) =>
  (await (dir === 'out' ? out : into)(type)(n, a, ctx)).filter((l) => !label || is(label)(l)).map((l) => l.node);
const first = (type: string, dir: 'out' | 'in', label?: string) => async (n: NodeRow, a: Args, ctx: Context) =>
  (await nodes(type, dir, label)(n, a, ctx))[0] ?? null;

const timeline = async (n: NodeRow, _: Args, ctx: Context) =>
  (await ctx.loaders.milestones.load(n.id)).map((m) => ({ ...m, evidence: evidenceOf(m) }));

export const entityResolvers = {
  Node: { __resolveType: typeName },
  Entity: { __resolveType: typeName },

  Strategy: {
    ...entityFields,
    parts: async (n: NodeRow, _: Args, ctx: Context) => (await partLinks(n, ctx, 'Strategy')).map((l) => l.node),
    partLinks: async (n: NodeRow, _: Args, ctx: Context) => (await partLinks(n, ctx, 'Strategy')).map(toLink),
    partOf: first('HAS_PART', 'in', 'Strategy'),
    anchorDistricts: async (n: NodeRow, a: Args, ctx: Context) => (await out('ANCHORED_IN')(n, a, ctx)).map(toLink),
    projects: async (n: NodeRow, args: PageArgs & { includeParts: boolean; basis?: string[] | null; filter?: ProjectFilterInput | null }, ctx: Context) => {
      pageOf(args);
      const links = await filterLinks(await ctx.loaders.strategyProjects(args.includeParts, args.basis ?? null).load(n.id), args.filter, ctx);
      return paginate(links.map((l) => ({ node: l.node, via: l.via, ...linkFields(l.link) })), args);
    },
    organizations: nodes('SERVES', 'in', 'Organization'),
    indicators: nodes('MEASURES', 'in'),
    definedBy: first('DEFINES', 'in'),
  },

  District: {
    ...entityFields,
    parent: first('WITHIN', 'out'),
    children: nodes('WITHIN', 'in'),
    strategies: nodes('ANCHORED_IN', 'in'),
    projects: async (n: NodeRow, args: PageArgs & { includeSubdistricts: boolean; filter?: ProjectFilterInput | null }, ctx: Context) => {
      pageOf(args);
      const links = await filterLinks(await ctx.loaders.districtProjects(args.includeSubdistricts).load(n.id), args.filter, ctx);
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
    districts: async (n: NodeRow, a: Args, ctx: Context) => (await out('LOCATED_IN')(n, a, ctx)).map(toLink),
    strategies: async (n: NodeRow, a: Args, ctx: Context) => (await out('SERVES')(n, a, ctx)).map(toLink),
    organizations: async (n: NodeRow, a: Args, ctx: Context) => [
      ...(await into('PARTICIPATES_IN')(n, a, ctx)).map(toRoleLink('PARTICIPANT')),
      ...(await out('AFFILIATED_WITH')(n, a, ctx)).map(toRoleLink('AFFILIATE')),
    ],
    timeline,
    parts: async (n: NodeRow, _: Args, ctx: Context) => (await partLinks(n, ctx, 'Project')).map((l) => l.node),
    partOf: first('HAS_PART', 'in', 'Project'),
    indicators: nodes('MEASURES', 'in'),
  },

  Organization: {
    ...entityFields,
    districts: async (n: NodeRow, a: Args, ctx: Context) => (await out('LOCATED_IN')(n, a, ctx)).map(toLink),
    projects: async (n: NodeRow, a: { role?: string | null; filter?: ProjectFilterInput | null }, ctx: Context) => {
      const links = [
        ...(a.role !== 'AFFILIATE' ? (await out('PARTICIPATES_IN')(n, a, ctx)).map(toRoleLink('PARTICIPANT')) : []),
        ...(a.role !== 'PARTICIPANT' ? (await into('AFFILIATED_WITH')(n, a, ctx)).filter(is('Project')).map(toRoleLink('AFFILIATE')) : []),
      ];
      return filterLinks(links, a.filter, ctx);
    },
    affiliatedWith: async (n: NodeRow, a: Args, ctx: Context) =>
      (await out('AFFILIATED_WITH')(n, a, ctx)).filter(is('Organization')).map(toRoleLink('AFFILIATE')),
    affiliates: async (n: NodeRow, a: Args, ctx: Context) =>
      (await into('AFFILIATED_WITH')(n, a, ctx)).filter(is('Organization')).map(toRoleLink('AFFILIATE')),
    strategies: async (n: NodeRow, a: Args, ctx: Context) => (await out('SERVES')(n, a, ctx)).map(toLink),
    timeline,
  },

  Indicator: {
    ...entityFields,
    headline: (n: NodeRow) => n.headline === true,
    values: async (n: NodeRow, args: { year?: number | null; kind?: string | null }, ctx: Context) =>
      (await ctx.loaders.values.load(n.id))
        .filter((v) => (args.year == null || v.year === args.year) && (args.kind == null || v.kind === args.kind))
        .map((v) => ({ ...v, evidence: evidenceOf(v) })),
    measures: nodes('MEASURES', 'out'),
  },

  GlossaryTerm: {
    ...entityFields,
    defines: first('DEFINES', 'out'),
  },
};
