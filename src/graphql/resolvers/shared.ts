import { Row } from '../../neo4j/cypher';
import { evidenceOf, LinkRow, NodeRow } from '../loaders';

/** Pieces every resolver module uses: type resolution and the shapes of relationship objects. */

const NODE_TYPES = ['Strategy', 'District', 'Project', 'Indicator', 'Organization', 'GlossaryTerm', 'Document', 'Section', 'Passage'];

export function typeName(row: NodeRow): string | null {
  return NODE_TYPES.find((t) => row.labels.includes(t)) ?? null;
}

export const ENTITY_LABELS: Record<string, string> = {
  STRATEGY: 'Strategy',
  DISTRICT: 'District',
  PROJECT: 'Project',
  INDICATOR: 'Indicator',
  ORGANIZATION: 'Organization',
  GLOSSARY_TERM: 'GlossaryTerm',
};

export const is = (label: string) => (l: LinkRow) => l.node.labels.includes(label);

/** A relationship's common fields: basis, inference, rule and evidence. */
export function linkFields(link: Row) {
  return {
    basis: link.basis as string,
    inference: (link.inference as string | null) ?? null,
    rule: (link.rule as string | null) ?? null,
    evidence: evidenceOf(link),
  };
}

export const toLink = (l: LinkRow) => ({ node: l.node, ...linkFields(l.link) });
export const toRoleLink = (role: 'PARTICIPANT' | 'AFFILIATE') => (l: LinkRow) => ({ ...toLink(l), role });
