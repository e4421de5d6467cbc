import type { Resolvers } from '../generated/resolvers';
import { Context } from '../context';
import { districtProjectsKey, strategyProjectsKey } from '../loaders';
import { lookahead } from '../lookahead';
import { FactRow, NodeRow, num, optionalStr, str, strings } from '../graph-rows';
import { pageOf, paginate } from '../pagination';
import { filterLinks, partLinks, ProjectFilterInput } from './research';
import { chainOf, entityTypeName, hasLabel, nodeTypeName, toDistrictLink, toRoleLink, toSameAsLink, toStrategyLink } from './shared';

/** Field resolvers of the entity types: Strategy, District, Project, Indicator, Organization, GlossaryTerm. */

type PageArgs = { first?: number | null; after?: string | null };

const entityFields = {
  nameEn: (n: NodeRow) => optionalStr(n.nameEn, `${n.id}.nameEn`),
  aliases: (n: NodeRow) => strings(n.aliases, `${n.id}.aliases`),
  evidence: (n: NodeRow, _: unknown, ctx: Context) => ctx.loaders.evidence.load(n.id),
  mentions: async (n: NodeRow, args: PageArgs & { rule?: string | null }, ctx: Context) => {
    const page = pageOf(args);
    const loader = args.rule === 'NESTED' ? ctx.loaders.nestedMentions : ctx.loaders.mentions;
    return paginate((await loader.load(n.id)).map((node) => ({ node })), page);
  },
};

const linksOut = (type: string) => (n: NodeRow, _: unknown, ctx: Context) => ctx.loaders.linksOut(type).load(n.id);
const linksIn = (type: string) => (n: NodeRow, _: unknown, ctx: Context) => ctx.loaders.linksIn(type).load(n.id);
/** The nodes at the other end of a relationship type, optionally only those with a label. */
const linked = (type: string, dir: 'out' | 'in', label?: string) => async (n: NodeRow, a: unknown, ctx: Context) =>
  (await (dir === 'out' ? linksOut : linksIn)(type)(n, a, ctx)).filter((l) => !label || hasLabel(label)(l)).map((l) => l.node);
/** The first such node, or null (a part has one whole, a district one parent). */
const linkedOne = (type: string, dir: 'out' | 'in', label?: string) => async (n: NodeRow, a: unknown, ctx: Context) =>
  (await linked(type, dir, label)(n, a, ctx))[0] ?? null;

const timeline = async (n: NodeRow, _: unknown, ctx: Context): Promise<FactRow[]> => ctx.loaders.milestones.load(n.id);

export const entityResolvers: Pick<
  Resolvers,
  'Node' | 'Entity' | 'Strategy' | 'District' | 'Project' | 'Organization' | 'Indicator' | 'IndicatorValue' | 'GlossaryTerm'
> = {
  Node: { __resolveType: nodeTypeName },
  Entity: { __resolveType: entityTypeName },

  Strategy: {
    ...entityFields,
    parts: async (n, _, ctx) => (await partLinks(n, ctx, 'Strategy')).map((l) => l.node),
    partLinks: async (n, _, ctx) => (await partLinks(n, ctx, 'Strategy')).map((l) => toStrategyLink(l, n.id, 'HAS_PART')),
    partOf: linkedOne('HAS_PART', 'in', 'Strategy'),
    anchorDistricts: async (n, a, ctx) => (await linksOut('ANCHORED_IN')(n, a, ctx)).map(toDistrictLink),
    projects: async (n, args, ctx, info) => {
      const page = pageOf(args);
      // Each project's districts asked for too: they come with the projects, in the same statement.
      const withDistricts = ctx.loaders.prefetch && lookahead(info, ['edges', 'node', 'districts']) !== null;
      const all = await ctx.loaders.strategyProjects(strategyProjectsKey(args), withDistricts).load(n.id);
      const links = await filterLinks(all, args.filter as ProjectFilterInput | null | undefined, ctx);
      return paginate(
        links.map((l) => ({ ...toStrategyLink(l), chain: chainOf(l.link, 'SERVES', l.node.id, l.part?.id ?? n.id), via: l.part ?? null })),
        page,
      );
    },
    organizations: linked('SERVES', 'in', 'Organization'),
    indicators: linked('MEASURES', 'in'),
    definedBy: linkedOne('DEFINES', 'in'),
  },

  District: {
    sameAs: async (n, a, ctx) => [...(await linksOut('SAME_AS')(n, a, ctx)), ...(await linksIn('SAME_AS')(n, a, ctx))].map(toSameAsLink),
    ...entityFields,
    parent: linkedOne('WITHIN', 'out'),
    children: linked('WITHIN', 'in'),
    strategies: linked('ANCHORED_IN', 'in'),
    projects: async (n, args, ctx) => {
      const page = pageOf(args);
      const all = await ctx.loaders.districtProjects(districtProjectsKey(args)).load(n.id);
      const links = await filterLinks(all, args.filter as ProjectFilterInput | null | undefined, ctx);
      return paginate(
        links.map((l) => ({
          node: l.node, district: l.place ?? null, locationBasis: toDistrictLink(l).basis, inference: l.link.inference, rule: l.link.rule,
          evidence: l.link.evidence, basis: null, chain: [],
        })),
        page,
      );
    },
    organizations: linked('LOCATED_IN', 'in', 'Organization'),
    indicators: linked('MEASURES', 'in'),
  },

  Project: {
    sameAs: async (n, a, ctx) => [...(await linksOut('SAME_AS')(n, a, ctx)), ...(await linksIn('SAME_AS')(n, a, ctx))].map(toSameAsLink),
    ...entityFields,
    districts: async (n, a, ctx) => (await linksOut('LOCATED_IN')(n, a, ctx)).map(toDistrictLink),
    strategies: async (n, a, ctx) => (await linksOut('SERVES')(n, a, ctx)).map((l) => toStrategyLink(l, n.id)),
    organizations: async (n, a, ctx) => [
      ...(await linksIn('PARTICIPATES_IN')(n, a, ctx)).map(toRoleLink('PARTICIPANT')),
      ...(await linksOut('AFFILIATED_WITH')(n, a, ctx)).map(toRoleLink('AFFILIATE')),
    ],
    timeline,
    parts: async (n, _, ctx) => (await partLinks(n, ctx, 'Project')).map((l) => l.node),
    partOf: linkedOne('HAS_PART', 'in', 'Project'),
    indicators: linked('MEASURES', 'in'),
  },

  Organization: {
    sameAs: async (n, a, ctx) => [...(await linksOut('SAME_AS')(n, a, ctx)), ...(await linksIn('SAME_AS')(n, a, ctx))].map(toSameAsLink),
    ...entityFields,
    districts: async (n, a, ctx) => (await linksOut('LOCATED_IN')(n, a, ctx)).map(toDistrictLink),
    projects: async (n, a, ctx) => {
      const links = [
        ...(a.role !== 'AFFILIATE' ? (await linksOut('PARTICIPATES_IN')(n, a, ctx)).map(toRoleLink('PARTICIPANT')) : []),
        ...(a.role !== 'PARTICIPANT' ? (await linksIn('AFFILIATED_WITH')(n, a, ctx)).filter(hasLabel('Project')).map(toRoleLink('AFFILIATE')) : []),
      ];
      return filterLinks(links, a.filter as ProjectFilterInput | null | undefined, ctx);
    },
    affiliatedWith: async (n, a, ctx) =>
      (await linksOut('AFFILIATED_WITH')(n, a, ctx)).filter(hasLabel('Organization')).map(toRoleLink('AFFILIATE')),
    affiliates: async (n, a, ctx) => (await linksIn('AFFILIATED_WITH')(n, a, ctx)).filter(hasLabel('Organization')).map(toRoleLink('AFFILIATE')),
    strategies: async (n, a, ctx) => (await linksOut('SERVES')(n, a, ctx)).map((l) => toStrategyLink(l, n.id)),
    timeline,
  },

  Indicator: {
    sameAs: async (n, a, ctx) => [...(await linksOut('SAME_AS')(n, a, ctx)), ...(await linksIn('SAME_AS')(n, a, ctx))].map(toSameAsLink),
    ...entityFields,
    headline: (n) => n.headline === true,
    values: async (n, args, ctx) =>
      (await ctx.loaders.values.load(n.id)).filter((v) => (args.year == null || v.year === args.year) && (args.kind == null || v.kind === args.kind)),
    measures: linked('MEASURES', 'out'),
  },

  IndicatorValue: {
    // A value stated in words has `text` and no number (display, in research.ts, then shows the words).
    text: (v) => optionalStr(v.text, 'IndicatorValue.text'),
  },

  GlossaryTerm: {
    ...entityFields,
    defines: linkedOne('DEFINES', 'out'),
  },
};
