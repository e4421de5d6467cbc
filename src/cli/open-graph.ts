import { readFileSync } from 'node:fs';
import { Config } from '../config';
import { Availability } from '../neo4j/availability';
import { BoltAuth, connect, createDriver, Database } from '../neo4j/connect';
import { passwordFile } from '../neo4j/embedded';

/**
 * How the CLIs (npm run export, npm run cypher, npm run load) reach the graph: an external Neo4j when NEO4J_URI is
 * set; otherwise the embedded Neo4j of a running `npm start` on the configured Bolt port (its database files are
 * locked while it runs, so a second JVM could not open them), with the password that start wrote to its data folder
 * (readable only by the user who runs it); failing that, they start the embedded Neo4j themselves.
 */
export async function openGraph(config: Config, log: (line: string) => void): Promise<Database> {
  const target = config.neo4j;
  if (target.mode === 'embedded') {
    const uri = `bolt://127.0.0.1:${target.boltPort}`;
    const auth = runningPassword(target.dataDir);
    if (auth) {
      const driver = createDriver(uri, auth);
      try {
        await driver.verifyConnectivity({ database: target.database });
        log(`using the running PlanGraph's Neo4j at ${uri}`);
        const availability = Availability.forDriver(driver, target.database);
        const close = async () => {
          availability.close();
          await driver.close();
        };
        return { driver, database: target.database, uri, auth, embedded: false, availability, onNeo4jExit: () => undefined, close };
      } catch {
        await driver.close();
      }
    }
    log(`no Neo4j answers at ${uri}: starting the embedded one (${target.dataDir})`);
  }
  return connect(config, log);
}

/** The password a running embedded Neo4j wrote for local tools, if there is one (none: no server is running). */
function runningPassword(dataDir: string): BoltAuth | undefined {
  try {
    const password = readFileSync(passwordFile(dataDir), 'utf8').trim();
    return password ? { username: 'neo4j', password } : undefined;
  } catch {
    return undefined;
  }
}

export class GraphNotLoadedError extends Error {
  readonly code = 'GRAPH_NOT_LOADED';
  constructor() {
    super('The database holds no PlanGraph graph yet: run `npm run load` (or `npm start`, which loads it) first.');
  }
}
