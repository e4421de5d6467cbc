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

/** A relationship's common fields: basis, inference, rule, strength and evidence. */
export function linkFields(link: Row) {
  return {
    basis: link.basis as string,
    inference: (link.inference as string | null) || null,
    rule: (link.rule as string | null) ?? null,
    strength: (link.strength as string | null) ?? null,
    inferredFrom: (link.inferredFrom as string | null) || null,
    evidence: evidenceOf(link),
  };
}

/**
 * The facts a link stands on. A DERIVED link stores its premises as parallel lists (Neo4j properties cannot hold
 * maps); a curated link stands on itself, between the two ends the caller knows.
 */
export function chainOf(link: Row, type: string, from: string, to: string) {
  const types = link.chainTypes as string[] | undefined;
  if (!types) {
    const { basis, inference, strength, inferredFrom } = linkFields(link);
    return [{ type, from, to, basis, inference, strength, inferredFrom }];
  }
  const at = (key: string, i: number) => ((link[key] as string[] | undefined)?.[i] || null);
  return types.map((t, i) => ({
    type: t, from: at('chainFrom', i), to: at('chainTo', i), basis: at('chainBases', i),
    inferredFrom: at('chainInferredFrom', i), inference: at('chainInference', i), strength: at('chainStrengths', i),
  }));
}

export const toLink = (l: LinkRow) => ({ node: l.node, ...linkFields(l.link) });
export const toRoleLink = (role: 'PARTICIPANT' | 'AFFILIATE') => (l: LinkRow) => ({ ...toLink(l), role });
