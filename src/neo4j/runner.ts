import type { CypherStats, Row } from './cypher';

/**
 * What the API needs from the module that runs Cypher: run a named statement of cypher/ (its path without
 * `.cypher`, e.g. "read/nodes-by-id") with parameters in a read transaction, and count the round trips.
 * Resolvers and loaders depend on this interface only: `Cypher` (src/neo4j/cypher.ts) implements it against
 * Neo4j, and the unit tests' recording fake (test/unit/helpers/recording-cypher.ts) implements it in memory.
 */
export interface CypherRunner {
  read<T extends Row = Row>(name: string, params?: Record<string, unknown>): Promise<T[]>;
  readonly stats: CypherStats;
}
