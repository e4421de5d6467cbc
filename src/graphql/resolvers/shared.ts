import type { LinkBasis, ServesBasis } from '../generated/resolvers';
import { LinkProps, LinkRow, NodeRow, RowShapeError } from '../graph-rows';

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

const common = (l: LinkRow) => ({ node: l.node, inference: l.link.inference, evidence: l.link.evidence });

/** StrategyLink: a strategy (or part) reached by HAS_PART or SERVES. */
export const toStrategyLink = (l: LinkRow) => ({ ...common(l), basis: servesBasis(l.link), rule: l.link.rule });
/** DistrictLink: a place reached by ANCHORED_IN or LOCATED_IN. */
export const toDistrictLink = (l: LinkRow) => ({ ...common(l), basis: linkBasis(l.link) });
/** OrganizationLink / ProjectLink: the other side of PARTICIPATES_IN or AFFILIATED_WITH. */
export const toRoleLink = (role: 'PARTICIPANT' | 'AFFILIATE') => (l: LinkRow) => ({ ...common(l), role, basis: linkBasis(l.link) });
