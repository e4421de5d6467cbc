import neo4j, { AuthTokenManager, Driver } from 'neo4j-driver';
import { Config } from '../config';
import { Availability } from './availability';
import { BoltAuth, superviseEmbeddedNeo4j } from './embedded';
import { PlanGraphError } from '../errors';

export type { BoltAuth } from './embedded';

/** Opens the Neo4j the configuration points at: an external one (NEO4J_URI) or our own embedded one. */

export interface Database {
  driver: Driver;
  database: string;
  uri: string;
  /** The credentials the driver uses now (none for an external Neo4j without a password); embedded: they change at each JVM start. */
  readonly auth?: BoltAuth;
  embedded: boolean;
  /** The embedded Neo4j's current JVM process id (for memory readings); it changes when the JVM is restarted. */
  readonly neo4jPid?: number;
  /** Whether Neo4j answers now; the HTTP layer answers quickly from it during an outage. */
  availability: Availability;
  /** The embedded Neo4j died and could not be restarted (never called for an external Neo4j, or after close()). */
  onNeo4jExit(callback: (detail: string) => void): void;
  /** Embedded only: its JVM died and is being restarted (src/main.ts tells the API worker at once). */
  onNeo4jDown?(callback: (detail: string) => void): void;
  /** Embedded only: a restarted JVM is ready, with new credentials (`auth`). */
  onNeo4jRestarted?(callback: () => void): void;
  /** Closes the driver and, when embedded, stops the JVM. */
  close(): Promise<void>;
  /** Embedded only: once the server is ready, prepare a faster next start (a class-data archive; a no-op if one exists). */
  prepareFasterStart?(): void;
}

export class Neo4jUnavailableError extends PlanGraphError {
  readonly code = 'NEO4J_UNAVAILABLE';
}

/**
 * Credentials that may change while the driver lives: a restarted embedded Neo4j has a new password. Every new
 * connection (and every pooled one, which re-authenticates) uses the current one; a login refused because the
 * password changed meanwhile counts as retryable, so the driver's retries pick up the new password.
 */
function currentAuth(current: () => BoltAuth): AuthTokenManager {
  return {
    getToken: () => neo4j.auth.basic(current().username, current().password),
    handleSecurityException: (_token, code) => code === 'Neo.ClientError.Security.Unauthorized',
  };
}

/**
 * The one place a driver is configured (the server, the loader CLI and the tests all use it). `auth`: fixed
 * credentials (none when the password is empty: an external Neo4j without auth), or a function answering the
 * current ones.
 */
export function createDriver(uri: string, auth?: BoltAuth | (() => BoltAuth)): Driver {
  const token = typeof auth === 'function' ? currentAuth(auth) : auth && auth.password !== '' ? neo4j.auth.basic(auth.username, auth.password) : undefined;
  return neo4j.driver(uri, token, {
    disableLosslessIntegers: true,
    connectionTimeout: 10_000,
    // Fail a request within seconds when Neo4j is gone, instead of retrying for the default 30 s.
    maxTransactionRetryTime: 5_000,
    maxConnectionPoolSize: 50,
    userAgent: 'plangraph',
  });
}

/** `onLaunched`: the embedded JVM is spawned and booting (never called for an external Neo4j). */
export async function connect(config: Config, log: (line: string) => void, hooks: { onLaunched?: () => void } = {}): Promise<Database> {
  const target = config.neo4j;
  const embedded =
    target.mode === 'embedded'
      ? await superviseEmbeddedNeo4j({
          ...target, java: config.java, maven: config.maven, log, maxRestarts: config.neo4jMaxRestarts, backoffMs: config.neo4jRestartBackoffMs,
          onLaunched: hooks.onLaunched,
        })
      : undefined;
  const uri = target.mode === 'external' ? target.uri : embedded?.uri;
  if (uri === undefined) throw new Neo4jUnavailableError('the embedded Neo4j started without a Bolt URI');
  // The embedded Neo4j's password changes whenever its JVM is restarted: the driver asks for the current one.
  const driver = createDriver(uri, embedded ? () => embedded.auth : target.mode === 'external' ? target : undefined);
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
  const availability = Availability.forDriver(driver, target.database);
  embedded?.onDown((detail) => {
    log(`Neo4j is down: ${detail.split('\n')[0]}`);
    availability.markDown('the embedded Neo4j is restarting');
  });
  embedded?.onRestarted((pid) => log(`Neo4j restarted (pid ${pid})`));
  availability.onChange((up, reason) => log(up ? 'Neo4j answers again' : `Neo4j unavailable: ${reason}`));
  return {
    driver,
    database: target.database,
    uri,
    get auth() {
      if (embedded) return embedded.auth;
      return target.mode === 'external' && target.password !== '' ? { username: target.username, password: target.password } : undefined;
    },
    embedded: embedded !== undefined,
    get neo4jPid() {
      return embedded?.pid;
    },
    availability,
    onNeo4jExit: (callback) => embedded?.onGaveUp(callback),
    onNeo4jDown: (callback) => embedded?.onDown(callback),
    onNeo4jRestarted: (callback) => embedded?.onRestarted(() => callback()),
    prepareFasterStart: () => embedded?.makeClassArchive(),
    close: async () => {
      availability.close();
      await driver.close();
      await embedded?.stop();
    },
  };
}
