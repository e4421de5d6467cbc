import type { CypherRunner } from '../neo4j/runner';
import type { Loaders } from './loaders';

/** What every resolver gets: the request's Cypher runner (it counts the request's round trips) and its loaders. */
export interface Context {
  cypher: CypherRunner;
  loaders: Loaders;
}
