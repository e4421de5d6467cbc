import neo4j, { Driver } from 'neo4j-driver';
import { Config } from '../config';
import { startEmbeddedNeo4j } from './embedded';

/** Opens the Neo4j the configuration points at: an external one (NEO4J_URI) or our own embedded one. */

export interface Database {
  driver: Driver;
  database: string;
  uri: string;
  embedded: boolean;
  /** Closes the driver and, when embedded, stops the JVM. */
  close(): Promise<void>;
}

export class Neo4jUnavailableError extends Error {
  readonly code = 'NEO4J_UNAVAILABLE';
}

export async function connect(config: Config, log: (line: string) => void): Promise<Database> {
  const target = config.neo4j;
  const embedded =
    target.mode === 'embedded'
      ? await startEmbeddedNeo4j({ ...target, java: config.java, maven: config.maven, log })
      : undefined;
  const uri = embedded ? embedded.uri : (target as { uri: string }).uri;
  const auth =
    target.mode === 'external' && target.password !== ''
      ? neo4j.auth.basic(target.username, target.password)
      : undefined; // no credentials: the embedded Neo4j runs with auth off on loopback
  const driver = neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    connectionTimeout: 10_000,
    maxConnectionPoolSize: 50,
    userAgent: 'plangraph',
  });
  try {
    await driver.verifyConnectivity({ database: target.database });
  } catch (err) {
    await driver.close();
    await embedded?.stop();
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Neo4jUnavailableError(
      `Cannot reach Neo4j at ${uri} (database "${target.database}"): ${reason}\n` +
        (embedded
          ? '  The embedded Neo4j started but does not answer on Bolt; see .data/neo4j/logs/debug.log.'
          : '  Check NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE, and that the server is running and reachable.'),
    );
  }
  return {
    driver,
    database: target.database,
    uri,
    embedded: embedded !== undefined,
    close: async () => {
      await driver.close();
      await embedded?.stop();
    },
  };
}
