import { Driver } from 'neo4j-driver';
import { startApp, App, AppOptions } from '../../src/http/app';
import { BoltAuth, createDriver } from '../../src/neo4j/connect';
import { DEFAULT_QUERY_TIMEOUT_MS } from '../../src/config';
import { Cypher } from '../../src/neo4j/cypher';

/** A real PlanGraph HTTP server on a free port, against the suite's Neo4j; requests are real HTTP. */

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
  extensions?: { plangraph?: { cypherRoundTrips: number } };
}

export interface TestServer {
  app: App;
  driver: Driver;
  cypher: Cypher;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Asserts no errors and returns data. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export function neo4jUri(): string {
  const uri = process.env.PLANGRAPH_TEST_NEO4J_URI;
  if (!uri) throw new Error('PLANGRAPH_TEST_NEO4J_URI is not set: run the tests with `npm test` (jest global setup starts Neo4j)');
  return uri;
}

/** The suite's Neo4j credentials (PLANGRAPH_TEST_NEO4J_PASSWORD, set by the global setup); none when it is empty. */
export function neo4jAuth(): BoltAuth | undefined {
  const password = process.env.PLANGRAPH_TEST_NEO4J_PASSWORD;
  return password ? { username: 'neo4j', password } : undefined;
}

/**
 * A Neo4j to connect to: the suite's, or one a test started itself (an EmbeddedNeo4j or SupervisedNeo4j is one).
 * `auth` is read again whenever the driver connects: a restarted embedded Neo4j has a new password.
 */
export interface Bolt {
  uri: string;
  readonly auth?: BoltAuth;
}

export function testNeo4j(): Bolt {
  return { uri: neo4jUri(), auth: neo4jAuth() };
}

export async function startTestServer(
  bolt: Bolt = testNeo4j(),
  opts: { queryTimeoutMs?: number } & Partial<Omit<AppOptions, 'cypher' | 'port' | 'host'>> = {},
): Promise<TestServer> {
  const driver = createDriver(bolt.uri, bolt.auth ? () => bolt.auth! : undefined);
  const { queryTimeoutMs, ...appOptions } = opts;
  // The timeout bounds a request's whole read transaction (all its statements); shared CI machines can be slow, so
  // tests that are not about the timeout get six times the default.
  const cypher = new Cypher(driver, 'neo4j', queryTimeoutMs ?? 6 * DEFAULT_QUERY_TIMEOUT_MS);
  const app = await startApp({ cypher, port: 0, host: '127.0.0.1', development: false, ...appOptions });
  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) } as GraphQLResponse;
  };
  return {
    app, driver, cypher, gql,
    data: async (query, variables) => {
      const res = await gql(query, variables);
      if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 2)}`);
      return res.data;
    },
    stop: async () => {
      await app.stop();
      await driver.close();
    },
  };
}

export { SOURCE_TEXT } from './source';
