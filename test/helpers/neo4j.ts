import { EmbeddedOptions } from '../../src/neo4j/embedded';
import { freePort } from './ports';

/** Options for a small, quiet, throw-away embedded Neo4j (besides the suite's own), on a free port. */
export async function scratchNeo4j(dataDir: string, overrides: Partial<EmbeddedOptions> = {}): Promise<EmbeddedOptions> {
  return {
    dataDir, boltPort: await freePort(), heap: '512m', pageCache: '64m', java: 'java', maven: 'mvn', log: () => undefined,
    ...overrides,
  };
}
