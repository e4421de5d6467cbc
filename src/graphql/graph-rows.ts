import { INFERENCE_KINDS, STRENGTHS } from '../graph/fixtures/fixture-schema';
import { PlanGraphError } from '../errors';
import { Row } from '../neo4j/cypher';

/**
 * The shapes cypher/read/*.cypher return, checked where they enter the API (in the loaders and root resolvers)
 * instead of cast: a statement that returns something else fails loudly, naming the statement and the field,
 * rather than as a null deep in a response.
 */

export type Props = Record<string, unknown>;

/** A node: its properties, its id and its labels. */
export type NodeRow = Props & { id: string; labels: string[] };

/** A quote and the passage it stands in. */
export interface EvidenceRef {
  quote: string;
  passageId: string;
}

export type RelationBasis = 'EXPLICIT' | 'INFERRED' | 'DERIVED';
export type Strength = (typeof STRENGTHS)[number];
export type InferenceKindName = (typeof INFERENCE_KINDS)[number];

/** A value that must be one of `allowed` (or absent: null). */
function oneOf<T extends string>(allowed: readonly T[], value: unknown, where: string): T | null {
  if (value === undefined || value === null || value === '') return null;
  return allowed.find((a) => a === value) ?? fail(where, allowed.join(' | '), value);
}

/** What every curated or derived relationship carries. */
export interface LinkProps {
  basis: RelationBasis | null;
  inference: string | null;
  rule: string | null;
  /** STATED | NAME_READ | INFERRED (src/graph/strength.ts); a DERIVED link has its weakest premise's. */
  strength: Strength | null;
  /** For an INFERRED link: the kind of reading. */
  inferredFrom: InferenceKindName | null;
  /** For a DERIVED link: its premises (stored as parallel lists, since properties cannot hold maps). */
  chain: ChainStep[] | null;
  evidence: EvidenceRef[];
}

/** One fact a link stands on (GraphQL EvidenceBasis). */
export interface ChainStep {
  type: string; from: string; to: string; basis: 'EXPLICIT' | 'INFERRED'; inferredFrom: InferenceKindName | null; inference: string | null;
  strength: Strength;
}

/** A node reached through a relationship, with the relationship's properties. */
export interface LinkRow {
  node: NodeRow;
  link: LinkProps;
  /** Strategy.projects: the part of the strategy the project serves directly (the strategy itself, or a part). */
  part?: NodeRow;
  /** District.projects: the place the project is located in directly (the district, or a place within it). */
  place?: NodeRow;
}

/** A Milestone or IndicatorValue node: its properties, with its evidence paired with passages. */
export type FactRow = Props & { documentId: string; evidence: EvidenceRef[] };

/** Cypher returned something the API does not expect: a bug in a statement or in the loader. */
export class RowShapeError extends PlanGraphError {
  readonly code = 'ROW_SHAPE';
}

const isProps = (v: unknown): v is Props => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (where: string, what: string, value: unknown): never => {
  throw new RowShapeError(`${where}: expected ${what}, got ${JSON.stringify(value)?.slice(0, 120)}`);
};

export function str(value: unknown, where: string): string {
  return typeof value === 'string' ? value : fail(where, 'a string', value);
}

export function optionalStr(value: unknown, where: string): string | null {
  return value === undefined || value === null ? null : str(value, where);
}

export function num(value: unknown, where: string): number {
  return typeof value === 'number' ? value : fail(where, 'a number', value);
}

export function bool(value: unknown, where: string): boolean {
  return typeof value === 'boolean' ? value : fail(where, 'a boolean', value);
}

export function strings(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return fail(where, 'a list of strings', value);
  return value;
}

export function list(value: unknown, where: string): unknown[] {
  return Array.isArray(value) ? value : fail(where, 'a list', value);
}

export function props(value: unknown, where: string): Props {
  return isProps(value) ? value : fail(where, 'a map', value);
}

export function nodeRow(value: unknown, where: string): NodeRow {
  const p = props(value, where);
  return { ...p, id: str(p.id, `${where}.id`), labels: strings(p.labels, `${where}.labels`) };
}

export function optionalNode(value: unknown, where: string): NodeRow | null {
  return value === undefined || value === null ? null : nodeRow(value, where);
}

/** A list whose every item is checked by `parse`, each named by its index (where[i]). */
export function listOf<T>(value: unknown, where: string, parse: (item: unknown, where: string) => T): T[] {
  return list(value, where).map((v, i) => parse(v, `${where}[${i}]`));
}

export function nodes(value: unknown, where: string): NodeRow[] {
  return listOf(value, where, nodeRow);
}

/** The quotes of a relationship or of a milestone/value node, paired with their passages. */
export function evidenceOf(p: Props, where: string): EvidenceRef[] {
  const quotes = strings(p.evidence, `${where}.evidence`);
  const passageIds = strings(p.passageIds, `${where}.passageIds`);
  if (passageIds.length !== quotes.length) fail(`${where}.passageIds`, `one passage per quote (${quotes.length})`, passageIds);
  return quotes.map((quote, i) => ({ quote, passageId: passageIds[i] }));
}

const BASES: readonly RelationBasis[] = ['EXPLICIT', 'INFERRED', 'DERIVED'];

export function basisOf(value: unknown, where: string): RelationBasis | null {
  if (value === undefined || value === null) return null;
  return BASES.find((b) => b === value) ?? fail(where, BASES.join(' | '), value);
}

export function linkProps(value: unknown, where: string): LinkProps {
  const p = props(value, where);
  return {
    basis: basisOf(p.basis, `${where}.basis`),
    inference: optionalStr(p.inference, `${where}.inference`),
    rule: optionalStr(p.rule, `${where}.rule`),
    strength: oneOf(STRENGTHS, p.strength, `${where}.strength`),
    inferredFrom: oneOf(INFERENCE_KINDS, p.inferredFrom, `${where}.inferredFrom`),
    chain: chainOf(p, where),
    evidence: evidenceOf(p, where),
  };
}

/** A derived link's premises from its parallel lists, or null for a curated link. */
export function chainOf(p: Props, where: string): ChainStep[] | null {
  if (p.chainTypes === undefined || p.chainTypes === null) return null;
  const col = (key: string) => strings(p[key], `${where}.${key}`);
  const [types, from, to, bases, kinds, inferences, strengths] =
    ['chainTypes', 'chainFrom', 'chainTo', 'chainBases', 'chainInferredFrom', 'chainInference', 'chainStrengths'].map(col);
  return types.map((type, i) => ({
    type, from: from[i], to: to[i], inference: inferences[i] || null,
    basis: oneOf(['EXPLICIT', 'INFERRED'] as const, bases[i], `${where}.chainBases[${i}]`) ?? fail(`${where}.chainBases[${i}]`, 'EXPLICIT | INFERRED', bases[i]),
    inferredFrom: oneOf(INFERENCE_KINDS, kinds[i], `${where}.chainInferredFrom[${i}]`),
    strength: oneOf(STRENGTHS, strengths[i], `${where}.chainStrengths[${i}]`) ?? fail(`${where}.chainStrengths[${i}]`, STRENGTHS.join(' | '), strengths[i]),
  }));
}

/** A row of links-in/links-out, strategy-projects ({part}) or district-projects ({place}). */
export function linkRow(row: Row, where: string): LinkRow {
  const part = optionalNode(row.part, `${where}.part`);
  const place = optionalNode(row.place, `${where}.place`);
  return {
    node: nodeRow(row.node, `${where}.node`),
    link: linkProps(row.link, `${where}.link`),
    ...(part && { part }),
    ...(place && { place }),
  };
}

/** A list of {node, link, part?, place?} maps, as the with/ statements nest them (cypher/read/with/*). */
export function linkRows(value: unknown, where: string): LinkRow[] {
  return listOf(value, where, (v, w) => linkRow(props(v, w), w));
}

export function factRow(value: unknown, where: string): FactRow {
  const p = props(value, where);
  return { ...p, documentId: str(p.documentId, `${where}.documentId`), evidence: evidenceOf(p, where) };
}

export function evidenceRef(row: Row, where: string): EvidenceRef {
  return { quote: str(row.quote, `${where}.quote`), passageId: str(row.passageId, `${where}.passageId`) };
}
