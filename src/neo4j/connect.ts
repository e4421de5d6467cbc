import neo4j, { Driver } from 'neo4j-driver';
import { Config } from '../config';
import { startEmbeddedNeo4j } from './embedded';
import { PlanGraphError } from '../errors';

/** Opens the Neo4j the configuration points at: an external one (NEO4J_URI) or our own embedded one. */

export interface Database {
  driver: Driver;
  database: string;
  uri: string;
  embedded: boolean;
  /** The embedded Neo4j's JVM process id (for the benchmark's memory reading). */
  neo4jPid?: number;
  /** The embedded Neo4j died on its own (never called for an external Neo4j, or after close()). */
  onNeo4jExit(callback: (detail: string) => void): void;
  /** Closes the driver and, when embedded, stops the JVM. */
  close(): Promise<void>;
}

export class Neo4jUnavailableError extends PlanGraphError {
  readonly code = 'NEO4J_UNAVAILABLE';
}

/** The one place a driver is configured (the server, the loader CLI and the tests all use it). */
export function createDriver(uri: string, auth?: { username: string; password: string }): Driver {
  return neo4j.driver(uri, auth && auth.password !== '' ? neo4j.auth.basic(auth.username, auth.password) : undefined, {
    disableLosslessIntegers: true,
    connectionTimeout: 10_000,
    // Fail a request within seconds when Neo4j is gone, instead of retrying for the default 30 s.
    maxTransactionRetryTime: 5_000,
    maxConnectionPoolSize: 50,
    userAgent: 'plangraph',
  });
}

export async function connect(config: Config, log: (line: string) => void): Promise<Database> {
  const target = config.neo4j;
  const embedded =
    target.mode === 'embedded'
      ? await startEmbeddedNeo4j({ ...target, java: config.java, maven: config.maven, log })
      : undefined;
  const uri = target.mode === 'external' ? target.uri : embedded?.uri;
  if (uri === undefined) throw new Neo4jUnavailableError('the embedded Neo4j started without a Bolt URI');
  // The embedded Neo4j runs with auth off, bound to loopback.
  const driver = createDriver(uri, target.mode === 'external' ? target : undefined);
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
      { cause: err },
    );
  }
  return {
    driver,
    database: target.database,
    uri,
    embedded: embedded !== undefined,
    neo4jPid: embedded?.pid,
    onNeo4jExit: (callback) => embedded?.onUnexpectedExit(callback),
    close: async () => {
      await driver.close();
      await embedded?.stop();
    },
  };
}
