import { startTestServer, TestServer } from '../helpers/server';

/**
 * Look-ahead (src/graphql/lookahead.ts): a lookup and its child's first fan-out in one statement (cypher/read/with/*).
 * Those statements copy the rules of the statements they stand in for; here every strategy and district is asked
 * both ways — with look-ahead, and with each field loading its own rows — and the answers must be identical, so a
 * copy that drifts from its original fails here.
 */

let ahead: TestServer;
let plain: TestServer;
beforeAll(async () => {
  // Whole trees are asked at once here (the cost limit has its own tests).
  ahead = await startTestServer(undefined, { limits: { maxCost: 1e9 } });
  plain = await startTestServer(undefined, { loaders: { prefetch: false }, limits: { maxCost: 1e9 } });
});
afterAll(async () => {
  await ahead.stop();
  await plain.stop();
});

const EDGE = `totalCount edges { basis strength inferredFrom rule via { id } locationBasis district { id } inference
  node { id name } evidence { quote passage { id } } chain { type from to basis strength } }`;

async function both(query: string, variables: Record<string, unknown>) {
  const [a, b] = await Promise.all([ahead.gql(query, variables), plain.gql(query, variables)]);
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  expect(a.data).toEqual(b.data);
  return { data: a.data, statements: [a, b].map((r) => (r.extensions?.plangraph as { cypherStatements?: number } | undefined)?.cypherStatements) };
}

it('every strategy, by id and by name, with every kind of projects argument: the same answers in fewer statements', async () => {
  const { strategies } = await plain.data(`{ strategies(first: 500) { edges { node { id name aliases } } } }`);
  const all: { id: string; name: string; aliases: string[] }[] = strategies.edges.map((e: { node: object }) => e.node);
  expect(all.length).toBeGreaterThan(20);
  const query = `query Q($id: ID, $name: String, $parts: Boolean, $basis: [ServesBasis!], $text: Boolean) {
    strategy(id: $id, name: $name) { id name projects(includeParts: $parts, basis: $basis, textBacked: $text, first: 500) { ${EDGE} } } }`;
  let withProjects = 0;
  for (const s of all) {
    for (const variables of [
      { name: s.name }, { id: s.id, parts: false }, { name: s.aliases[0] ?? s.name, basis: ['EXPLICIT', 'DERIVED'] }, { id: s.id, text: true },
    ]) {
      const { data, statements } = await both(query, variables);
      if ('id' in variables || variables.name === s.name) expect(data.strategy.id).toBe(s.id);
      expect(statements[0]).toBeLessThan(statements[1]!);
      if (data.strategy.projects.totalCount > 0) withProjects += 1;
    }
  }
  expect(withProjects).toBeGreaterThan(20);
  // The flagship question through an alias, in one statement.
  const { data, statements } = await both(`{ strategy(name: "东核") { name projects(first: 100) { totalCount edges { basis node { name } evidence { quote } } } } }`, {});
  expect(data.strategy.name).toBe('低碳智造核');
  expect(statements[0]).toBe(1);
});

it('every district, by id and by name, with and without places within it', async () => {
  const { districts } = await plain.data(`{ districts(first: 500) { edges { node { id name } } } }`);
  const all: { id: string; name: string }[] = districts.edges.map((e: { node: object }) => e.node);
  expect(all.length).toBeGreaterThan(10);
  const query = `query Q($id: ID, $name: String, $sub: Boolean) { district(id: $id, name: $name) { id projects(includeSubdistricts: $sub, first: 500) { ${EDGE} } } }`;
  const timelines = `query Q($id: ID, $name: String, $sub: Boolean) { district(id: $id, name: $name) { id projects(includeSubdistricts: $sub, first: 500) {
    totalCount edges { locationBasis node { name timeline { year stage evidence { quote } } } } } } }`;
  let withProjects = 0;
  for (const d of all) {
    for (const variables of [{ name: d.name }, { id: d.id, sub: false }]) {
      const { data } = await both(query, variables);
      if (data.district.projects.totalCount > 0) withProjects += 1;
      const { statements } = await both(timelines, variables);
      expect(statements[0]).toBe(1);
    }
  }
  expect(withProjects).toBeGreaterThan(10);
});

it('a name nothing has is null both ways; an id nothing has is NOT_FOUND both ways', async () => {
  const byName = `{ strategy(name: "不存在的战略") { projects { totalCount } } }`;
  expect((await ahead.data(byName)).strategy).toBeNull();
  expect((await plain.data(byName)).strategy).toBeNull();
  for (const server of [ahead, plain]) {
    const res = await server.gql(`{ district(id: "district:nope") { projects { totalCount } } }`);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  }
});

it('indicators with their values: every filter, the same answers in one statement', async () => {
  const query = `query Q($f: IndicatorFilter, $first: Int) { indicators(first: $first, filter: $f) { totalCount
    edges { node { id name values { year kind value unit qualifier text display bound { kind qualifier } evidence { quote } } } } } }`;
  const filters = [{}, { headline: true }, { year: 2023 }, { kind: 'TARGET' }, { year: 2022, kind: 'ACTUAL' }, { category: ['ECONOMY'] }, { nameContains: '生产总值' }, { year: 1999 }];
  for (const f of filters) {
    for (const first of [500, 3]) {
      const { data, statements } = await both(query, { f, first });
      expect(statements[0]).toBe(1);
      // An empty page has no values to ask for: then both ways cost one statement.
      if (f.year !== 1999) expect(statements[1]).toBeGreaterThan(1);
      if (f.year !== 1999) expect(data.indicators.edges.length).toBeGreaterThan(0);
    }
  }
});

it('the strategy tree: pages of strategies with their parts, parts with their projects and those projects\' districts', async () => {
  const tree = `query Q($first: Int, $after: String, $parts: Boolean) {
    strategies(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name
      partLinks { basis strength evidence { quote } node { id } }
      parts { name projects(first: 500, includeParts: $parts) { totalCount edges { basis via { id } node { name
        districts { basis strength inference evidence { quote } node { id name } } } } } } } } } }`;
  const first = await both(tree, { first: 500 });
  expect(first.data.strategies.edges.length).toBeGreaterThan(20);
  // Four levels, two statements (the page with its parts; the parts' projects with their districts).
  expect(first.statements).toEqual([2, 4]);
  await both(tree, { first: 500, parts: true });
  const page = await both(tree, { first: 5, after: first.data.strategies.edges[9].cursor });
  expect(page.data.strategies.edges[0].node.id).toBe(first.data.strategies.edges[10].node.id);
  // A strategy looked up by name, its projects with districts: the lookup, then one statement for both levels.
  const hub = await both(`{ strategy(name: "低碳智造核") { projects(first: 100) { totalCount edges { node { name districts { node { name } } } } } } }`, {});
  expect(hub.data.strategy.projects.totalCount).toBeGreaterThan(5);
  expect(hub.statements).toEqual([2, 3]);
});

it('every project\'s page (by id and by name): the same answers in one statement', async () => {
  const { projects } = await plain.data(`{ projects(first: 500) { edges { node { id name } } } }`);
  const all: { id: string; name: string }[] = projects.edges.map((e: { node: object }) => e.node);
  expect(all.length).toBeGreaterThan(200);
  const query = `query Q($id: ID, $name: String) { project(id: $id, name: $name) { id name nameEn aliases category
    evidence { quote passage { id } }
    districts { basis strength inferredFrom inference evidence { quote } node { id name } }
    strategies { basis strength rule chain { type from to basis strength } evidence { quote } node { id name } }
    timeline { year stage evidence { quote } } } }`;
  let withTimeline = 0;
  for (const p of all) {
    const { data, statements } = await both(query, { id: p.id });
    expect(data.project.id).toBe(p.id);
    expect(statements[0]).toBeLessThan(statements[1]!);
    if (data.project.timeline.length > 0) withTimeline += 1;
  }
  expect(withTimeline).toBeGreaterThan(50);
  const byName = await both(`{ project(name: "大运枢纽") { districts { node { name } } timeline { year stage } } }`, {});
  expect(byName.statements).toEqual([1, 3]);
});
