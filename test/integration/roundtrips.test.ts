import { startTestServer, TestServer } from '../helpers/server';

/**
 * No N+1: the Cypher round trips of a request depend on the query's depth, never on how many objects it
 * touches. src/neo4j/cypher.ts counts every statement it sends; the server reports the count per request in
 * `extensions.plangraph.cypherRoundTrips`.
 */

let server: TestServer;
beforeAll(async () => {
  // These queries ask for 500 × 500 on purpose, far above the default cost budget: lift it for this server.
  server = await startTestServer(undefined, { limits: { maxCost: 1e9 } });
});
afterAll(() => server.stop());

// strategies → parts → projects → districts → strategies, with evidence at two levels.
const WIDE = `query($n: Int!, $m: Int!) {
  strategies(first: $n) {
    edges { node {
      name
      parts {
        name
        projects(first: $m) {
          edges {
            basis evidence { quote passage { text } }
            node {
              name
              districts { basis node { name strategies { name } } evidence { quote section { title } } }
            }
          }
        }
      }
    } }
  }
}`;

async function measure(n: number, m: number) {
  const res = await server.gql(WIDE, { n, m });
  expect(res.errors).toBeUndefined();
  const projects = res.data.strategies.edges.flatMap((s: any) => s.node.parts.flatMap((p: any) => p.projects.edges));
  const districts = projects.flatMap((p: any) => p.node.districts);
  const plangraph = res.extensions!.plangraph! as { cypherRoundTrips: number; cypherStatements: number };
  return { statements: plangraph.cypherStatements, roundTrips: plangraph.cypherRoundTrips, strategies: res.data.strategies.edges.length, projects: projects.length, districts: districts.length };
}

it('a wide nested query costs the same round trips as a narrow one of the same depth', async () => {
  const narrow = await measure(1, 1);
  const wide = await measure(500, 500);
  console.log(`round trips: narrow ${JSON.stringify(narrow)}, wide ${JSON.stringify(wide)}`);
  expect(wide.strategies).toBeGreaterThan(50);
  // ~27 project edges hang off the strategies' parts since issue 10 dropped SERVES read from item titles and derived
  // ones for events and funds; what matters is that the wide query is many times the narrow one.
  expect(wide.projects).toBeGreaterThan(20);
  expect(wide.districts).toBeGreaterThan(narrow.districts);
  expect(wide.projects).toBeGreaterThan(5 * narrow.projects);
  // Statements are what the width must not change; round trips (statements not overlapping another of the same
  // request) also depend on timing, so they are only bounded here.
  expect(wide.statements).toBe(narrow.statements);
  // One statement per level (strategies, parts, projects, districts, their strategies) plus evidence lookups.
  expect(wide.statements).toBeLessThanOrEqual(8);
  expect(wide.roundTrips).toBeLessThanOrEqual(wide.statements);
});

it('the statement count grows with depth, not width', async () => {
  const cost = async (query: string) => ((await server.gql(query)).extensions!.plangraph! as unknown as { cypherStatements: number }).cypherStatements;
  const projects = `projects(first: 500) { edges { node { name } } }`;
  const districts = `projects(first: 500) { edges { node { name districts { node { name } } } } }`;
  expect(await cost(`{ strategies(first: 500) { edges { node { name } } } }`)).toBe(1);
  expect(await cost(`{ strategies(first: 500) { edges { node { ${projects} } } } }`)).toBe(2);
  // Three levels in two: each project's districts come with the projects (look-ahead, src/graphql/lookahead.ts).
  expect(await cost(`{ strategies(first: 500) { edges { node { ${districts} } } } }`)).toBe(2);
  expect(await cost(`{ strategies(first: 1) { edges { node { ${districts} } } } }`)).toBe(2);
  expect(await cost(`{ strategies(first: 500) { edges { node { ${projects.replace('name', 'name timeline { year }')} } } } }`)).toBe(3);
});
