import { cypherText, CypherStats, Row } from '../../../src/neo4j/cypher';
import { CypherRunner } from '../../../src/neo4j/runner';

/**
 * A CypherRunner that records which cypher/*.cypher statement runs with which parameters, answers from canned
 * rows, and refuses what Neo4j would refuse before running anything: a statement file that does not exist, or a
 * `$parameter` the statement uses that the caller did not pass.
 */

export interface Call {
  name: string;
  params: Record<string, unknown>;
}

export type Answers = Record<string, (params: Record<string, unknown>) => Row[]>;

/** The `$parameters` a statement uses (comments and the dynamic forms `$(expr)`, `$any(…)`, `$all(…)` aside). */
export function parametersOf(text: string): string[] {
  const code = text.replace(/\/\/.*$/gm, '');
  return [...new Set([...code.matchAll(/\$([A-Za-z_]\w*)\b(?!\s*\()/g)].map((m) => m[1]))];
}

export class RecordingCypher implements CypherRunner {
  readonly calls: Call[] = [];
  readonly stats: CypherStats = { roundTrips: 0 };

  constructor(private readonly answers: Answers = {}) {}

  async read<T extends Row = Row>(name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const missing = parametersOf(cypherText(name)).filter((p) => !(p in params));
    if (missing.length) throw new Error(`cypher/${name}.cypher uses $${missing.join(', $')}, which the caller did not pass`);
    this.calls.push({ name, params });
    this.stats.roundTrips += 1;
    const answer = this.answers[name];
    if (!answer) throw new Error(`the test gave no rows for ${name}`);
    return answer(params) as T[];
  }

  /** The calls, without parameters: which statements ran, in order. */
  names(): string[] {
    return this.calls.map((c) => c.name);
  }
}

/** A node row as the read statements return it: {.*, labels}. */
export const node = (id: string, label: string, props: Record<string, unknown> = {}): Row & { id: string; labels: string[] } => ({
  id, labels: label === 'Document' || label === 'Section' || label === 'Passage' ? [label] : ['Entity', label], name: id, aliases: [], ...props,
});
