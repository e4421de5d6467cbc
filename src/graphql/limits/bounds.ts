import { MAX_PAGE_SIZE } from '../pagination';

/**
 * How long each list of the API that has no `first` can be: the number the cost limit multiplies what the list
 * contains by. A bound is a sum of measured quantities of the loaded graph (cypher/read/fanout.cypher: the most
 * relationships of one type one node has, per direction; the nodes per label; …), a bound the resolver itself
 * enforces, or an argument's value. Measured, not guessed: `district:longgang` has 29 children and 89 indicators,
 * and a guess of 5 let `children { parent { children { … } } }` answer 21 MB.
 *
 * Every unpaged list field of the schema has an entry (test/unit/limits.test.ts checks), and a field without one
 * is refused (the cost cannot be computed: fail closed). `test/integration/bounds.test.ts` checks every bound
 * against the real lists of every node.
 */

/** `measured` keys of cypher/read/fanout.cypher ("out:TYPE", "in:TYPE:Label", "label:L", …), summed. */
export type ListBound =
  | { measured: string[] }
  | { fixed: number; why: string }
  | { argument: string; default: number; max: number }
  /** As many as the list argument `enclosing` of the nearest enclosing field that has it (at most `max`). */
  | { enclosing: (typeof ENCLOSING_ARGUMENTS)[number][]; max: number }
  /** The number argument `enclosingValue` of the nearest enclosing field (or its default) plus `add`, at most `max`. */
  | { enclosingValue: (typeof ENCLOSING_ARGUMENTS)[number]; default: number; add: number; max: number };

/** Arguments of enclosing fields that bounds read (see `enclosing`); the cost walker carries only these down. */
export const ENCLOSING_ARGUMENTS = ['ids', 'mentions', 'k', 'maxHops'] as const;
export type EnclosingArguments = Partial<Record<(typeof ENCLOSING_ARGUMENTS)[number], unknown>>;

const out = (...types: string[]) => types.map((t) => `out:${t}`);
const inn = (...types: string[]) => types.map((t) => `in:${t}`);
const label = (...labels: string[]) => labels.map((l) => `label:${l}`);
const measured = (...keys: string[][]): ListBound => ({ measured: keys.flat() });

/** Quotes of a node: its EVIDENCED_BY relationships. */
const EVIDENCE = measured(out('EVIDENCED_BY'));
/** Quotes of a link: its own (the `evidence` property); a derived link shows the quotes of the two facts it stands on. */
const LINK_EVIDENCE = measured(['prop:evidence', 'prop:evidence']);
/** Both directions of SAME_AS, as the resolvers read them. */
const SAME_AS = measured(out('SAME_AS'), inn('SAME_AS'));
/** A fact's chain of supporting facts: the derivation rules (cypher/derive/) go at most two steps through a zone. */
const CHAIN: ListBound = { fixed: 4, why: 'cypher/derive chains are at most 2 steps; 4 leaves room for a new rule' };
/** Spans in one passage: the resolvers keep at most MAX_SPANS (src/graphql/resolvers/research.ts). */
const SPANS: ListBound = { fixed: 20, why: 'MAX_SPANS' };
/** Path lengths: the query's maxHops (default 4; the resolvers refuse more than 6). */
const PATH_NODES: ListBound = { enclosingValue: 'maxHops', default: 4, add: 1, max: 7 };
const PATH_STEPS: ListBound = { enclosingValue: 'maxHops', default: 4, add: 0, max: 6 };
/** read/neighborhood is capped at NEIGHBORHOOD_CAP nodes (src/graphql/resolvers/explore.ts). */
const NEIGHBORHOOD: ListBound = { fixed: 201, why: 'the entity and NEIGHBORHOOD_CAP (200) around it' };

export const LIST_BOUNDS: Record<string, ListBound> = {
  'Entity.evidence': EVIDENCE,
  'Strategy.evidence': EVIDENCE,
  'District.evidence': EVIDENCE,
  'Project.evidence': EVIDENCE,
  'Organization.evidence': EVIDENCE,
  'Indicator.evidence': EVIDENCE,
  'GlossaryTerm.evidence': EVIDENCE,
  'IndicatorValue.evidence': EVIDENCE,
  'Milestone.evidence': EVIDENCE,
  'LineageMilestone.evidence': EVIDENCE,
  'DistrictLink.evidence': LINK_EVIDENCE,
  'StrategyLink.evidence': LINK_EVIDENCE,
  'OrganizationLink.evidence': LINK_EVIDENCE,
  'ProjectLink.evidence': LINK_EVIDENCE,
  'LinkedOrganization.evidence': LINK_EVIDENCE,
  'SameAsLink.evidence': LINK_EVIDENCE,
  'PathStep.evidence': LINK_EVIDENCE,
  'SubgraphEdge.evidence': LINK_EVIDENCE,
  'ProjectEdge.evidence': LINK_EVIDENCE,

  'District.children': measured(inn('WITHIN')),
  'District.strategies': measured(inn('ANCHORED_IN')),
  'District.organizations': measured(inn('LOCATED_IN:Organization')),
  'District.indicators': measured(inn('MEASURES')),
  'District.sameAs': SAME_AS,
  'District.strategyLinks': measured(inn('ANCHORED_IN')),
  'District.organizationLinks': measured(inn('LOCATED_IN:Organization')),

  'Strategy.parts': measured(out('HAS_PART')),
  'Strategy.partLinks': measured(out('HAS_PART')),
  'Strategy.anchorDistricts': measured(out('ANCHORED_IN')),
  'Strategy.organizations': measured(inn('SERVES:Organization')),
  'Strategy.indicators': measured(inn('MEASURES')),
  'Strategy.organizationLinks': measured(inn('SERVES:Organization')),

  'Project.districts': measured(out('LOCATED_IN')),
  'Project.strategies': measured(out('SERVES')),
  'Project.organizations': measured(inn('PARTICIPATES_IN'), out('AFFILIATED_WITH')),
  'Project.timeline': measured(out('HAS_MILESTONE')),
  'Project.parts': measured(out('HAS_PART')),
  'Project.indicators': measured(inn('MEASURES')),
  'Project.sameAs': SAME_AS,
  // A project's series across reports: no longer than the projects and milestones there are.
  'Project.lineage': measured(label('Project')),
  'Project.lineageTimeline': measured(label('Milestone')),

  'Organization.districts': measured(out('LOCATED_IN')),
  'Organization.projects': measured(out('PARTICIPATES_IN:Project'), inn('AFFILIATED_WITH:Project')),
  'Organization.affiliatedWith': measured(out('AFFILIATED_WITH:Organization')),
  'Organization.affiliates': measured(inn('AFFILIATED_WITH:Organization')),
  'Organization.strategies': measured(out('SERVES')),
  'Organization.timeline': measured(out('HAS_MILESTONE')),
  'Organization.sameAs': SAME_AS,

  'Indicator.values': measured(out('HAS_VALUE')),
  'Indicator.measures': measured(out('MEASURES')),
  'Indicator.sameAs': SAME_AS,

  'Document.sections': measured(label('Section')),
  'Section.children': measured(inn('PART_OF')),
  'Section.passages': measured(inn('IN_SECTION')),
  'Section.path': measured(['depth:Section']),
  'Passage.mentions': measured(out('MENTIONS')),
  'PassageHitEdge.sectionPath': measured(['depth:Section']),
  'PassageHitEdge.highlights': SPANS,
  // One match per entity asked for: coMentions(ids:) (at most MAX_CO_MENTIONS, 10) or passages(mentions:).
  'PassageHitEdge.matched': { enclosing: ['ids', 'mentions'], max: 10 },
  'MentionMatch.spans': SPANS,

  'ProjectEdge.chain': CHAIN,
  'StrategyLink.chain': CHAIN,
  'PathStep.chain': CHAIN,
  'Path.nodes': PATH_NODES,
  'Path.relationships': PATH_STEPS,
  'PathSearch.paths': { enclosingValue: 'k', default: 3, add: 0, max: 5 },
  'Subgraph.nodes': NEIGHBORHOOD,
  // Query.ask (src/ask/answer.ts): an answer's lists are bounded by construction.
  'Answer.items': { fixed: 200, why: 'MAX_ITEMS (src/ask/answer.ts)' },
  'Answer.clarifications': { fixed: 5, why: 'one per name (≤ 5 targets) or year, src/ask/parse.ts' },
  'Answer.notes': { fixed: 10, why: 'the reasons a reading is not HIGH, src/ask/parse.ts' },
  'Answer.understood': { fixed: 5, why: 'MAX_TARGETS (src/ask/parse.ts)' },
  'AskClarification.options': { fixed: 6, why: 'at most 6 names offered, src/ask/parse.ts' },
  'AskItem.evidence': { fixed: 3, why: 'MAX_QUOTES (src/ask/answer.ts)' },
  // Every fact among the neighbourhood's entities: no more than the graph has between entities.
  'Subgraph.edges': measured(['relationships:Entity']),

  'Query.glossary': measured(label('GlossaryTerm')),
  'Query.documents': measured(label('Document')),
  'Query.search': { argument: 'first', default: 20, max: MAX_PAGE_SIZE },
};

/** The measured quantities of one load: what cypher/read/fanout.cypher returned. */
export type Measurements = ReadonlyMap<string, number>;

/**
 * The bound of `Type.field` for these arguments. Throws when the field has no bound or a measurement is missing:
 * the caller refuses the query (fail closed). A measured key the graph lacks (no relationship of that type) is 0.
 */
export function listBound(field: string, args: Record<string, unknown>, measurements: Measurements, enclosing: EnclosingArguments = {}): number {
  const bound = LIST_BOUNDS[field];
  if (!bound) throw new Error(`no list bound for ${field} (src/graphql/limits/bounds.ts)`);
  if ('fixed' in bound) return bound.fixed;
  if ('enclosingValue' in bound) {
    const value = enclosing[bound.enclosingValue];
    const n = typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : value === undefined || value === null ? bound.default : bound.max;
    return Math.min(n + bound.add, bound.max);
  }
  if ('enclosing' in bound) {
    const value = bound.enclosing.map((name) => enclosing[name]).find(Array.isArray);
    return value ? Math.min(value.length, bound.max) : bound.max;
  }
  if ('argument' in bound) {
    const value = args[bound.argument];
    if (value === undefined || value === null) return bound.default;
    // A value the resolver will refuse (or a variable that did not coerce) is costed at the maximum.
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? Math.min(value, bound.max) : bound.max;
  }
  return bound.measured.reduce((sum, key) => sum + (measurements.get(key) ?? 0), 0);
}
