import { Basis, EntityType, LinkType } from './fixtures/fixture-schema';

/**
 * The rows a build produces for the loader, one list per cypher/load statement. Every list is plain data, so
 * a build can be checked (and unit-tested) without Neo4j.
 */

export type Props = Record<string, unknown>;

export interface DocumentRow { id: string; props: Props }
export interface SectionRow { id: string; parentId: string | null; documentId: string; props: Props }
export interface PassageRow { id: string; sectionId: string; props: Props }

/** What an entity node holds. The identity fields (see merge.ts) say what it is; the rest says where it is found. */
export interface EntityProps {
  id?: string;
  name: string;
  nameEn?: string;
  aliases: string[];
  kind?: string;
  category?: string;
  direction?: string;
  headline?: boolean;
  /** GlossaryTerm only. */
  term?: string;
  number?: number;
  definition?: string;
  /** The documents that declare the entity. */
  documents: string[];
  /** Normalised name and aliases (names.ts), set by the lookup pass. */
  lookupKeys?: string[];
  /** The document-order position of the first passage quoted for it, set by the lookup pass. */
  firstMention?: number | null;
}

export interface EntityRow {
  id: string;
  label: EntityType;
  /** The fixture files that declare it, for error messages that name both sides of a disagreement. */
  files: string[];
  props: EntityProps;
}

/** The quotes of a fact and, for each, the first passage it stands in. */
export interface Citation { evidence: string[]; passageIds: string[] }

export interface MilestoneRow {
  id: string;
  ownerId: string;
  props: Citation & { year: number; stage: string; kind: 'REPORTED' | 'PLANNED'; documentId: string };
}

export interface ValueRow {
  id: string;
  indicatorId: string;
  props: Citation & { year: number; kind: string; value: number; unit: string; qualifier: string | null; documentId: string };
}

/** (node)-[:EVIDENCED_BY {quote, documentId}]->(passage) for entities, milestones, values and documents. */
export interface EvidenceRow { nodeId: string; passageId: string; quote: string; documentId: string }

export type RelationType = LinkType | 'DEFINES';

export interface RelationRow {
  type: RelationType;
  from: string;
  to: string;
  props: Citation & { documentId: string; basis: Basis; inference: string | null };
}

export interface MentionRow { passageId: string; entityId: string }

export interface GraphData {
  documents: DocumentRow[];
  sections: SectionRow[];
  passages: PassageRow[];
  entities: EntityRow[];
  milestones: MilestoneRow[];
  values: ValueRow[];
  evidence: EvidenceRow[];
  relations: RelationRow[];
  mentions: MentionRow[];
}
