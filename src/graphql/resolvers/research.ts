import { FACT_RELATIONSHIP_TYPES } from '../../graph/fixtures/fixture-schema';
import { normalizeName } from '../../graph/names';
import { Row } from '../../neo4j/cypher';
import { badInput, notFound } from '../errors';
import { Context } from '../context';
import { basisOf, evidenceOf, LinkProps, LinkRow, NodeRow, optionalStr, Props } from '../graph-rows';
import { connection, pageOf, paginate } from '../pagination';
import { ProjectFilterParams } from '../research-loaders';
import { districtProjectsKey, strategyProjectsKey } from '../loaders';
import { STAGE_ORDER } from '../stages';
import { boundOf, compareValues, composedDisplay, reportWords, ValueRow } from '../values';
import { chainOf, ENTITY_TYPE_NAMES, hasLabel as is, toStrategyLink as toLink } from './shared';

/** A relationship's common fields: basis, inference, rule and evidence. */
const linkFields = (link: LinkProps) => ({
  basis: link.basis, inference: link.inference, rule: link.rule, evidence: link.evidence, strength: link.strength, inferredFrom: link.inferredFrom,
});

/**
 * The research fields (schema/research.graphql): sentence search, co-mentions, k shortest paths with reach,
 * one ProjectFilter for every project list, value bounds and comparisons, lineages, and section paths.
 */

type Args = Record<string, unknown>;
type PageArgs = { first?: number | null; after?: string | null };

export interface ProjectFilterInput {
  category?: string[] | null;
  district?: string | null;
  strategy?: string | null;
  stage?: string | null;
  year?: number | null;
  years?: number[] | null;
  stageChanged?: boolean | null;
  nameContains?: string | null;
}

// ---- references by id or name ----------------------------------------------------------------------------

/** An entity by id, else by name or alias (any type; an exact name beats an alias). Null when neither matches. */
async function entityByIdOrName(ref: string, ctx: Context): Promise<NodeRow | null> {
  const byId = await ctx.loaders.node.load(ref);
  if (byId?.labels.includes('Entity')) return byId;
  const key = normalizeName(ref);
  if (key === '') return null;
  const found = await Promise.all(ENTITY_TYPE_NAMES.map((label) => ctx.loaders.entityByName.load({ label, key })));
  const hits = found.filter((n): n is NodeRow => n != null);
  return hits.find((n) => n.lookupKeys && (n.lookupKeys as string[])[0] === key) ?? hits[0] ?? null;
}

async function entityOrNotFound(ref: string, ctx: Context): Promise<NodeRow> {
  const node = await entityByIdOrName(ref, ctx);
  if (!node) throw notFound('entity', ref);
  return node;
}

async function entitiesOrBadInput(refs: string[], argument: string, ctx: Context): Promise<NodeRow[]> {
  const nodes = await Promise.all(refs.map((ref) => entityByIdOrName(ref, ctx)));
  const missing = refs.filter((_, i) => !nodes[i]);
  if (missing.length) {
    throw badInput(`No entity has the id, name or alias ${missing.map((m) => `"${m}"`).join(', ')}; search(text:) finds near matches.`, { argument });
  }
  return nodes as NodeRow[];
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

const nameContains = (text: string | null | undefined) => (text == null || text === '' ? null : normalizeName(text));

/** A ProjectFilter as the parameters of projects-page.cypher and projects-filter.cypher. */
export async function projectFilterParams(f: ProjectFilterInput, ctx: Context): Promise<ProjectFilterParams> {
  const [districtId, strategyId] = await Promise.all([
    refId('District', 'district', f.district, ctx),
    refId('Strategy', 'strategy', f.strategy, ctx),
  ]);
  if (f.years && f.years.length === 0) throw badInput('filter.years must name at least one year (or be left out).', { argument: 'filter' });
  return {
    categories: f.category?.length ? f.category : null, districtId, strategyId, stage: f.stage ?? null, year: f.year ?? null,
    years: f.years ?? null, stageChanged: f.stageChanged ?? null, nameContains: nameContains(f.nameContains),
  };
}

/** Keeps the links whose project passes the filter (one batched statement per level of the query). */
async function filterLinks<L extends { node: NodeRow }>(links: L[], filter: ProjectFilterInput | null | undefined, ctx: Context): Promise<L[]> {
  if (!filter) return links;
  const loader = ctx.loaders.projectFilter(await projectFilterParams(filter, ctx));
  const kept = await Promise.all(links.map((l) => loader.load(l.node.id)));
  return links.filter((_, i) => kept[i].length > 0);
}

// ---- text spans ------------------------------------------------------------------------------------------

export interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * Where `needle` occurs in `text`, comparing both after NFKC and lower-casing (full-width （ and half-width ( meet),
 * with offsets into the original text. Occurrences do not overlap.
 */
/** Spans kept per passage and name: a bound the cost limit counts on (src/graphql/limits/bounds.ts); the report never repeats a name this often in one sentence. */
export const MAX_SPANS = 20;

export function findSpans(text: string, needle: string): Span[] {
  const target = needle.normalize('NFKC').toLowerCase();
  if (target === '') return [];
  let folded = '';
  const origin: { start: number; end: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const norm = char.normalize('NFKC').toLowerCase();
    for (let k = 0; k < norm.length; k++) origin.push({ start: i, end: i + char.length });
    folded += norm;
    i += char.length;
  }
  const spans: Span[] = [];
  for (let at = folded.indexOf(target); at >= 0 && spans.length < MAX_SPANS; at = folded.indexOf(target, at + target.length)) {
    const start = origin[at].start;
    const end = origin[at + target.length - 1].end;
    spans.push({ start, end, text: text.slice(start, end) });
  }
  return spans;
}

/** Spans of an entity's names (two characters or more) in a sentence, longest name first where they overlap. */
function nameSpans(text: string, entity: NodeRow): Span[] {
  const names = [entity.name as string, ...((entity.aliases as string[]) ?? [])].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  const spans: Span[] = [];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0 && spans.length < MAX_SPANS; at = text.indexOf(name, at + 1)) {
      if (spans.some((s) => at < s.end && at + name.length > s.start)) continue;
      spans.push({ start: at, end: at + name.length, text: name });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

// ---- sections --------------------------------------------------------------------------------------------

const KIND_WORDS: Record<string, string> = {
  PREAMBLE: '前言', REVIEW: '执行情况', PROBLEMS: '存在的问题', TARGETS: '发展目标', PLAN: '重点工作', GLOSSARY: '名词解释',
};

/** 一 → "一、", (三) stays, 24 → "24.": each ancestor's number as printed in its heading. */
function printedNumber(s: NodeRow): string {
  if (s.level === 1) return s.number === '名词解释' || s.number === '0' ? '' : `${s.number}、`;
  return /^\d+$/.test(s.number as string) ? `${s.number}.` : (s.number as string);
}

export function fullHeading(path: NodeRow[]): string {
  const self = path[path.length - 1];
  const part = self.year == null ? KIND_WORDS[self.kind as string] : `${self.year}年·${KIND_WORDS[self.kind as string]}`;
  return `【${part}】${path.slice(0, -1).map(printedNumber).join('')}${self.heading}`;
}

const pathText = (path: NodeRow[]) => path.map((s) => s.heading as string).join(' > ');

// ---- sentence search -------------------------------------------------------------------------------------

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const lucenePhrase = (text: string) => `"${text.replace(LUCENE_SPECIAL, (c) => `\\${c}`)}"`;
const MAX_CO_MENTIONS = 10;

interface SearchArgs extends PageArgs {
  text?: string | null;
  section?: string | null;
  kind?: string | null;
  year?: number | null;
  mentions?: string[] | null;
  mentionRule?: string | null;
  orderBy?: string | null;
}

async function searchPassages(args: SearchArgs, ctx: Context) {
  const page = pageOf(args);
  let text: string | null = null;
  if (args.text != null) {
    text = args.text.normalize('NFKC').replace(/["“”]/g, ' ').trim();
    if (text === '') throw badInput('text must not be empty (leave it out to search by the other criteria).', { argument: 'text' });
  }
  if (text == null && args.section == null && args.kind == null && args.year == null && !args.mentions?.length) {
    throw badInput('Give at least one of text, section, kind, year or mentions; to read every sentence use Section.allPassages.');
  }
  if (args.section != null) {
    const section = await ctx.loaders.node.load(args.section);
    if (!section?.labels.includes('Section')) throw notFound('section', args.section);
  }
  const wanted = args.mentions?.length ? await entitiesOrBadInput(args.mentions, 'mentions', ctx) : [];
  const nested = (args.mentionRule ?? 'NESTED') === 'NESTED';
  const [row] = await ctx.cypher.read('read/passages-search', {
    query: text == null ? null : lucenePhrase(text), raw: args.text?.trim() ?? null, rawNfkc: text,
    sectionId: args.section ?? null, kind: args.kind ?? null, year: args.year ?? null,
    mentionIds: wanted.length ? wanted.map((w) => w.id) : null, nested, orderBy: args.orderBy ?? 'DOCUMENT_ORDER',
    offset: page.offset, limit: page.limit,
  });
  const edges = (row.rows as Row[]).map((r) => ({ node: r.node as NodeRow, score: (r.score as number | null) ?? null, text, wanted, nested }));
  return connection(edges, page, row.totalCount as number);
}

type HitEdge = { node: NodeRow; score: number | null; text: string | null; wanted: NodeRow[]; nested: boolean };

// ---- paths -----------------------------------------------------------------------------------------------

const DEFAULT_HOPS = 4;
const MAX_HOPS = 6;
const MAX_PATHS = 5;

interface PathArgs {
  from: string;
  to: string;
  maxHops?: number | null;
  basis?: string[] | null;
  k?: number | null;
}

function step(r: Row, where: string) {
  const p = r.props as Props;
  return {
    type: r.type as string, start: r.start as string, end: r.end as string, basis: basisOf(p.basis, `${where}.basis`),
    inference: optionalStr(p.inference, `${where}.inference`), rule: optionalStr(p.rule, `${where}.rule`), evidence: evidenceOf(p, where),
  };
}

function toPath(row: Row) {
  const nodes = row.nodes as NodeRow[];
  const relationships = (row.rels as Row[]).map((r, i) => {
    const s = step(r, `read/paths.rels[${i}]`);
    return { ...s, from: nodes[i].id, to: nodes[i + 1].id, direction: s.start === nodes[i].id ? 'FORWARD' : 'BACKWARD' };
  });
  return { nodes, relationships, length: relationships.length };
}

/** Query.paths, and Query.path as its first path. */
export async function findPaths(args: PathArgs, ctx: Context, explain = true) {
  const maxHops = args.maxHops ?? DEFAULT_HOPS;
  if (maxHops < 1 || maxHops > MAX_HOPS) throw badInput(`maxHops must be between 1 and ${MAX_HOPS}, got ${maxHops}.`, { argument: 'maxHops' });
  const k = args.k ?? 3;
  if (k < 1 || k > MAX_PATHS) throw badInput(`k must be between 1 and ${MAX_PATHS}, got ${k}.`, { argument: 'k' });
  if (args.basis && args.basis.length === 0) throw badInput('basis must name at least one basis (or be left out).', { argument: 'basis' });
  const [from, to] = await Promise.all([entityOrNotFound(args.from, ctx), entityOrNotFound(args.to, ctx)]);
  const basis = args.basis ?? null;
  // How far each end reaches: one more statement, run only when asked for or needed to explain an empty answer.
  let reached: Promise<{ fromReach: Reach; toReach: Reach }> | null = null;
  const reach = () => {
    reached ??= ctx.cypher.read('read/reach', { ids: [...new Set([from.id, to.id])], maxHops, basis, types: FACT_RELATIONSHIP_TYPES }).then((rows) => {
      const byId = new Map(rows.map((r) => [r.id as string, r.hops as number[]]));
      const of = (node: NodeRow): Reach => {
        const hops = byId.get(node.id) ?? [];
        const byHops = Array.from({ length: maxHops }, (_, i) => hops.filter((h) => h === i + 1).length);
        return { entity: node, reachable: hops.length, byHops, isolated: hops.length === 0 };
      };
      return { fromReach: of(from), toReach: of(to) };
    });
    return reached;
  };
  const lazy = { fromReach: async () => (await reach()).fromReach, toReach: async () => (await reach()).toReach };
  if (from.id === to.id) {
    return { found: true, paths: [{ nodes: [from], relationships: [], length: 0 }], message: 'from and to are the same entity.', ...lazy };
  }
  const paths = (await ctx.cypher.read('read/paths', { from: from.id, to: to.id, maxHops, basis, k, types: FACT_RELATIONSHIP_TYPES })).map(toPath);
  const basisText = basis ? ` over ${basis.join('/')} relationships` : '';
  let message: string;
  if (paths.length) {
    message = `${paths.length} shortest path${paths.length > 1 ? 's' : ''}${basisText}, ${paths[0].length} to ${paths[paths.length - 1].length} hops.`;
  } else if (!explain) {
    message = 'No path.';
  } else {
    const reaches = await reach();
    const side = (r: Reach) =>
      r.isolated
        ? `${r.entity.name} has no relationship${basisText} to follow`
        : `${r.entity.name} reaches ${r.reachable} ${r.reachable === 1 ? 'entity' : 'entities'}`;
    message = `No path within ${maxHops} hops${basisText} between ${from.name} and ${to.name}: ${side(reaches.fromReach)}; ${side(reaches.toReach)}.`;
  }
  return { found: paths.length > 0, paths, message, ...lazy };
}

interface Reach {
  entity: NodeRow;
  reachable: number;
  byHops: number[];
  isolated: boolean;
}

// ---- values ----------------------------------------------------------------------------------------------

const valueRow = (v: Row): ValueRow & Row => v as ValueRow & Row;

export function displayOf(v: Row): string {
  // A value stated in words only (no number) shows the words.
  if (v.value === null || v.value === undefined) return optionalStr(v.text, 'IndicatorValue.text') ?? '';
  // Indicator.values hands its rows on with evidence as {quote, passageId}; the stored property is plain quotes.
  const quotes = ((v.evidence as (string | { quote: string })[] | undefined) ?? []).map((e) => (typeof e === 'string' ? e : e.quote));
  return reportWords(v.value as number, v.unit as string, (v.qualifier as string | null) ?? null, quotes)
    ?? composedDisplay(v.value as number, v.unit as string, (v.qualifier as string | null) ?? null);
}

// ---- resolvers -------------------------------------------------------------------------------------------

type Selector = { year: number; kind: string };

export const researchResolvers = {
  Query: {
    passages: (_: unknown, args: SearchArgs, ctx: Context) => searchPassages(args, ctx),
    coMentions: async (_: unknown, args: PageArgs & { ids: string[]; rule?: string | null; section?: string | null }, ctx: Context) => {
      if (args.ids.length < 1 || args.ids.length > MAX_CO_MENTIONS) {
        throw badInput(`ids must name 1 to ${MAX_CO_MENTIONS} entities, got ${args.ids.length}.`, { argument: 'ids' });
      }
      return searchPassages({ mentions: args.ids, mentionRule: args.rule, section: args.section, first: args.first, after: args.after }, ctx);
    },
    paths: (_: unknown, args: PathArgs, ctx: Context) => findPaths(args, ctx),
    projects: (_: unknown, args: PageArgs & { filter?: ProjectFilterInput | null; orderBy?: string | null }, ctx: Context) => projectsPage(args, ctx),
    districts: async (_: unknown, args: PageArgs & { kind?: string | null; orderBy?: string | null }, ctx: Context) => {
      const page = pageOf(args);
      const [row] = await ctx.cypher.read('read/districts-page', {
        kind: args.kind ?? null, orderBy: args.orderBy ?? 'DOCUMENT_ORDER', offset: page.offset, limit: page.limit,
      });
      return connection((row.nodes as NodeRow[]).map((node) => ({ node })), page, row.totalCount as number);
    },
    organizations: async (_: unknown, args: PageArgs & { filter?: { kind?: string[] | null; nameContains?: string | null } | null }, ctx: Context) => {
      const page = pageOf(args);
      const f = args.filter ?? {};
      const [row] = await ctx.cypher.read('read/organizations-page', {
        kinds: f.kind?.length ? f.kind : null, nameContains: nameContains(f.nameContains), offset: page.offset, limit: page.limit,
      });
      return connection((row.nodes as NodeRow[]).map((node) => ({ node })), page, row.totalCount as number);
    },
  },

  PassageHitEdge: {
    sectionPath: (e: HitEdge, _: Args, ctx: Context) => ctx.loaders.sectionPath.load(e.node.sectionId as string),
    sectionPathText: async (e: HitEdge, _: Args, ctx: Context) => pathText(await ctx.loaders.sectionPath.load(e.node.sectionId as string)),
    highlights: (e: HitEdge) => (e.text == null ? [] : findSpans(e.node.text as string, e.text)),
    matched: async (e: HitEdge, _: Args, ctx: Context) => {
      const longest = new Set((await ctx.loaders.passageMentions.load(e.node.id)).map((n) => n.id));
      return e.wanted.map((entity) => ({ entity, spans: nameSpans(e.node.text as string, entity), nested: !longest.has(entity.id) }));
    },
  },

  Section: {
    allPassages: async (s: NodeRow, args: PageArgs, ctx: Context) => {
      pageOf(args);
      return paginate((await ctx.loaders.sectionAllPassages.load(s.id)).map((node) => ({ node })), pageOf(args));
    },
    path: (s: NodeRow, _: Args, ctx: Context) => ctx.loaders.sectionPath.load(s.id),
    fullHeading: async (s: NodeRow, _: Args, ctx: Context) => fullHeading(await ctx.loaders.sectionPath.load(s.id)),
  },

  IndicatorValue: {
    bound: (v: Row) => ({ kind: boundOf(v.qualifier as string | null), value: v.value, qualifier: v.qualifier ?? null }),
    display: (v: Row) => displayOf(v),
  },

  Indicator: {
    change: async (n: NodeRow, args: { from?: Selector | null; to?: Selector | null }, ctx: Context) => {
      const values = (await ctx.loaders.values.load(n.id)).map(valueRow);
      const document = values[0]?.documentId ? await ctx.loaders.node.load(values[0].documentId as string) : null;
      const from = args.from ?? { year: (document?.periodReviewed as number) ?? 2022, kind: 'ACTUAL' };
      const to = args.to ?? { year: (document?.periodPlanned as number) ?? 2023, kind: 'TARGET' };
      const pick = (s: Selector) => values.filter((v) => v.year === s.year && v.kind === s.kind);
      const change = compareValues(pick(from), pick(to), { from: `${from.year} ${from.kind}`, to: `${to.year} ${to.kind}` });
      return change;
    },
  },

  Project: {
    lineage: (p: NodeRow, _: Args, ctx: Context) => ctx.loaders.lineage.load(p.id),
    lineageTimeline: async (p: NodeRow, _: Args, ctx: Context) => {
      const family = await ctx.loaders.lineage.load(p.id);
      const timelines = await Promise.all(family.map((m) => ctx.loaders.milestones.load(m.id)));
      const rank = (stage: string) => STAGE_ORDER.indexOf(stage);
      return family
        .flatMap((project, i) => timelines[i].map((m) => ({ ...m, year: m.year as number, stage: m.stage as string, project, familyOrder: i })))
        .sort((a, b) => a.year - b.year || rank(a.stage) - rank(b.stage) || a.familyOrder - b.familyOrder);
    },
  },

  District: {
    projectCount: async (n: NodeRow, args: { includeSubdistricts: boolean; filter?: ProjectFilterInput | null }, ctx: Context) =>
      (await filterLinks(await ctx.loaders.districtProjects(districtProjectsKey(args)).load(n.id), args.filter, ctx)).length,
    strategyLinks: async (n: NodeRow, _: Args, ctx: Context) => (await ctx.loaders.linksIn('ANCHORED_IN').load(n.id)).map((l) => ({ ...toLink(l), chain: chainOf(l.link, 'ANCHORED_IN', l.node.id, n.id) })),
    organizationLinks: async (n: NodeRow, _: Args, ctx: Context) =>
      (await ctx.loaders.linksIn('LOCATED_IN').load(n.id)).filter(is('Organization')).map((l) => toLink(l)),
  },

  Strategy: {
    organizationLinks: async (n: NodeRow, _: Args, ctx: Context) =>
      (await ctx.loaders.linksIn('SERVES').load(n.id)).filter(is('Organization')).map((l) => toLink(l)),
  },
};

// ---- pieces the entity resolvers use ---------------------------------------------------------------------

/** Parts in the report's order (HAS_PART), optionally of one label. */
export async function partLinks(n: NodeRow, ctx: Context, label: string): Promise<LinkRow[]> {
  return (await ctx.loaders.parts.load(n.id)).filter(is(label));
}

export { filterLinks };

/** Query.projects: one page, and — when filtered by strategy or district — the link on each edge. */
export async function projectsPage(args: PageArgs & { filter?: ProjectFilterInput | null; orderBy?: string | null }, ctx: Context) {
  const page = pageOf(args);
  const params = await projectFilterParams(args.filter ?? {}, ctx);
  const [row] = await ctx.cypher.read('read/projects-page', {
    ...params, stageOrder: STAGE_ORDER, orderBy: args.orderBy ?? 'DOCUMENT_ORDER', offset: page.offset, limit: page.limit,
  });
  // Filtered by strategy or district, each edge carries that link, exactly as Strategy.projects and
  // District.projects give it (the same loaders: one more round trip, only when filtered).
  const nodes = row.nodes as NodeRow[];
  const [serves, located] = await Promise.all([
    params.strategyId ? ctx.loaders.strategyProjects(strategyProjectsKey({})).load(params.strategyId) : [],
    params.districtId ? ctx.loaders.districtProjects(districtProjectsKey({})).load(params.districtId) : [],
  ]);
  const servesOf = new Map(serves.map((l) => [l.node.id, l]));
  const locatedOf = new Map(located.map((l) => [l.node.id, l]));
  const edges = nodes.map((node) => {
    const edge: Record<string, unknown> = { node, basis: null, inference: null, rule: null, evidence: [], chain: [] };
    const place = locatedOf.get(node.id);
    if (place) Object.assign(edge, { district: place.place ?? null, locationBasis: place.link.basis, ...linkFields(place.link), basis: null });
    const link = servesOf.get(node.id);
    if (link) {
      Object.assign(edge, {
        via: link.part ?? null, ...linkFields(link.link), chain: chainOf(link.link, 'SERVES', node.id, link.part?.id ?? params.strategyId ?? ''),
      });
    }
    return edge;
  });
  return connection(edges, page, row.totalCount as number);
}
