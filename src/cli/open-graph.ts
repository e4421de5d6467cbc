import { Config } from '../config';
import { Availability } from '../neo4j/availability';
import { connect, createDriver, Database } from '../neo4j/connect';

/**
 * How the researcher CLIs (npm run export, npm run cypher) reach the graph: an external Neo4j when NEO4J_URI is
 * set; otherwise the embedded Neo4j of a running `npm start` on the configured Bolt port (its database files are
 * locked while it runs, so a second JVM could not open them); failing that, they start the embedded Neo4j themselves.
 */
export async function openGraph(config: Config, log: (line: string) => void): Promise<Database> {
  const target = config.neo4j;
  if (target.mode === 'embedded') {
    const uri = `bolt://127.0.0.1:${target.boltPort}`;
    const driver = createDriver(uri);
    try {
      await driver.verifyConnectivity({ database: target.database });
      log(`using the running PlanGraph's Neo4j at ${uri}`);
      const availability = Availability.forDriver(driver, target.database);
      const close = async () => {
        availability.close();
        await driver.close();
      };
      return { driver, database: target.database, uri, embedded: false, availability, onNeo4jExit: () => undefined, close };
    } catch {
      await driver.close();
      log(`no Neo4j answers at ${uri}: starting the embedded one (${target.dataDir})`);
    }
  }
  return connect(config, log);
}

export class GraphNotLoadedError extends Error {
  readonly code = 'GRAPH_NOT_LOADED';
  constructor() {
    super('The database holds no PlanGraph graph yet: run `npm run load` (or `npm start`, which loads it) first.');
  }
}
