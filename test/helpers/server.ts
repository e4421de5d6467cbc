import { Driver } from 'neo4j-driver';
import { startApp, App } from '../../src/http/app';
import { createDriver } from '../../src/neo4j/connect';
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

export async function startTestServer(uri = neo4jUri(), opts: { queryTimeoutMs?: number } = {}): Promise<TestServer> {
  const driver = createDriver(uri);
  const cypher = new Cypher(driver, 'neo4j', opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
  const app = await startApp({ cypher, port: 0, host: '127.0.0.1', development: false });
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
