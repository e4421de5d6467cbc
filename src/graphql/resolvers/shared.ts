import type { LinkBasis, ServesBasis } from '../generated/resolvers';
import { ChainStep, LinkProps, LinkRow, NodeRow, RowShapeError } from '../graph-rows';

/** Pieces every resolver module uses: type resolution and the shapes of relationship objects. */

export const ENTITY_TYPE_NAMES = ['Strategy', 'District', 'Project', 'Indicator', 'Organization', 'GlossaryTerm'] as const;
const NODE_TYPE_NAMES = [...ENTITY_TYPE_NAMES, 'Document', 'Section', 'Passage'] as const;

export type EntityTypeName = (typeof ENTITY_TYPE_NAMES)[number];
type NodeTypeName = (typeof NODE_TYPE_NAMES)[number];

/** The GraphQL type of a node row: its first label that is one. */
export function nodeTypeName(row: NodeRow): NodeTypeName | null {
  return NODE_TYPE_NAMES.find((t) => row.labels.includes(t)) ?? null;
}

export function entityTypeName(row: NodeRow): EntityTypeName | null {
  return ENTITY_TYPE_NAMES.find((t) => row.labels.includes(t)) ?? null;
}

export const hasLabel = (label: string) => (l: LinkRow) => l.node.labels.includes(label);

/** A curated link's basis (EXPLICIT or INFERRED): only derived SERVES links are DERIVED. */
export function linkBasis(link: LinkProps): LinkBasis {
  if (link.basis === 'EXPLICIT' || link.basis === 'INFERRED') return link.basis;
  throw new RowShapeError(`a curated link has basis ${String(link.basis)}; expected EXPLICIT or INFERRED`);
}

export function servesBasis(link: LinkProps): ServesBasis {
  if (link.basis === null) throw new RowShapeError('a link has no basis');
  return link.basis;
}

const common = (l: LinkRow) => ({
  node: l.node, inference: l.link.inference, evidence: l.link.evidence, strength: l.link.strength, inferredFrom: l.link.inferredFrom,
});

/**
 * The facts a link stands on: a DERIVED link's premises, or, for a curated link, the link itself between the two
 * ends the caller knows.
 */
export function chainOf(link: LinkProps, type: string, from: string, to: string): ChainStep[] {
  return link.chain ?? [{
    type, from, to, basis: link.basis === 'INFERRED' ? 'INFERRED' : 'EXPLICIT', inferredFrom: link.inferredFrom, inference: link.inference,
    strength: link.strength ?? 'STATED',
  }];
}

/** StrategyLink: a strategy (or part) reached by HAS_PART or SERVES from `fromId`. */
export const toStrategyLink = (l: LinkRow, fromId = '', type = 'SERVES') => ({
  ...common(l), basis: servesBasis(l.link), rule: l.link.rule, chain: chainOf(l.link, type, fromId, l.node.id),
});
/** SameAsLink: another entity a reader takes for the same thing (always INFERRED). */
export const toSameAsLink = (l: LinkRow) => ({ ...common(l), basis: linkBasis(l.link) });
/** DistrictLink: a place reached by ANCHORED_IN or LOCATED_IN. */
export const toDistrictLink = (l: LinkRow) => ({ ...common(l), basis: linkBasis(l.link) });
/** OrganizationLink / ProjectLink: the other side of PARTICIPATES_IN or AFFILIATED_WITH. */
export const toRoleLink = (role: 'PARTICIPANT' | 'AFFILIATE') => (l: LinkRow) => ({ ...common(l), role, basis: linkBasis(l.link) });
