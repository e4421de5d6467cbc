import { ApolloServer } from '@apollo/server';
import { STAGE_ORDER } from '../../../src/graphql/stages';
import { FACT_RELATIONSHIP_TYPES } from '../../../src/graph/fixtures/fixture-schema';
import { documentRules } from '../../../src/graphql/limits/document-rules';
import { DEFAULT_LIMITS } from '../../../src/config';
import { formatError } from '../../../src/graphql/errors';
import { createLoaders } from '../../../src/graphql/loaders';
import { Context } from '../../../src/graphql/context';
import { resolvers } from '../../../src/graphql/resolvers';
import { loadTypeDefs } from '../../../src/graphql/type-defs';
import { argumentValueErrorPlugin, readOnlyRule } from '../../../src/graphql/validation';
import { Answers, node, RecordingCypher } from '../helpers/recording-cypher';

/**
 * The resolvers and loaders against a recording fake of the Cypher runner: which statement runs with which
 * parameters, and how many round trips a query costs — GraphQL in, Cypher out, no database.
 */

const server = new ApolloServer<Context>({
  typeDefs: loadTypeDefs(), resolvers, formatError: formatError(false), validationRules: [documentRules(DEFAULT_LIMITS), readOnlyRule],
  plugins: [argumentValueErrorPlugin],
});
beforeAll(() => server.start());
afterAll(() => server.stop());

async function run(query: string, answers: Answers = {}, variables?: Record<string, unknown>) {
  const cypher = new RecordingCypher(answers);
  const response = await server.executeOperation({ query, variables }, { contextValue: { cypher, loaders: createLoaders(cypher) } });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors } = response.body.singleResult;
  return { data: data as any, errors, cypher };
}

const HUB = node('strategy:east-hub', 'Strategy', { name: '低碳智造核' });
const PARTS = [node('strategy:part-a', 'Strategy', { name: 'A' }), node('strategy:part-b', 'Strategy', { name: 'B' })];
const PROJECT = node('project:p', 'Project', { name: 'P' });
const link = (basis: string, extra: Record<string, unknown> = {}) => ({ basis, evidence: ['q'], passageIds: ['doc:1#1'], ...extra });

describe('root listings', () => {
  it('page in Cypher: one round trip to read/entities-page with the label, kind, offset and limit', async () => {
    const { data, cypher } = await run(`{ strategies(first: 2) { totalCount edges { cursor node { name } } pageInfo { hasNextPage } } }`, {
      'read/entities-page': () => [{ nodes: [HUB, PARTS[0]], totalCount: 3 }],
    });
    expect(cypher.calls).toEqual([{ name: 'read/entities-page', params: { label: 'Strategy', kind: null, offset: 0, limit: 2 } }]);
    expect(data.strategies).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(data.strategies.edges.map((e: any) => e.node.name)).toEqual(['低碳智造核', 'A']);
  });

  it('resolve the filter references first, then ask read/projects-page with every filter as a parameter', async () => {
    const { data, cypher } = await run(`{ projects(first: 1, filter: { district: "坂田", category: [SCHOOL], stage: STARTED, year: 2022, nameContains: " 学校 " }) { totalCount edges { evidence { quote } } } }`, {
      'read/nodes-by-id': () => [],
      'read/entities-by-name': () => [{ label: 'District', key: '坂田', node: node('district:bantian', 'District') }],
      'read/projects-page': () => [{ nodes: [PROJECT], totalCount: 1 }],
      'read/district-projects': () => [],
    });
    // Filtered by district, the edges carry the location link: one more statement (issue 12).
    expect(cypher.names()).toEqual(['read/nodes-by-id', 'read/entities-by-name', 'read/projects-page', 'read/district-projects']);
    expect(cypher.calls[2].params).toEqual({
      categories: ['SCHOOL'], districtId: 'district:bantian', strategyId: null, stage: 'STARTED', year: 2022, nameContains: '学校',
      years: null, stageChanged: null, stageOrder: STAGE_ORDER, orderBy: 'DOCUMENT_ORDER', offset: 0, limit: 1,
    });
    // A plain listing's edges have no link behind them: their evidence is empty, not an error.
    expect(data.projects.edges).toEqual([{ evidence: [] }]);
  });

  it('refuse a page over the bound, or a cursor the API never gave, before any round trip', async () => {
    for (const args of ['first: 501', 'after: "bm90LWEtY3Vyc29y"']) {
      const { errors, cypher } = await run(`{ projects(${args}, filter: { district: "坂田" }) { totalCount } }`);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(cypher.calls).toEqual([]);
    }
  });
});

describe('nested fields batch: one round trip per level, whatever the width', () => {
  const answers: Answers = {
    'read/entities-by-name': () => [{ label: 'Strategy', key: '东核', node: HUB }],
    'read/parts': (p) => ((p.ids as string[]).includes(HUB.id) ? PARTS.map((part) => ({ id: HUB.id, node: part, link: link('EXPLICIT') })) : []),
    'read/strategy-projects': (p) => (p.ids as string[]).map((id) => ({ id, node: PROJECT, link: link('DERIVED', { rule: 'serves-by-anchor' }), part: PARTS[0] })),
    'read/node-evidence': (p) => (p.ids as string[]).map((id) => ({ id, quote: 'q', passageId: 'doc:1#1' })),
  };

  it('strategy → parts → projects (with evidence) costs four statements, each asked once with every id of its level', async () => {
    const { data, errors, cypher } = await run(
      `{ strategy(name: " 东核 ") { name evidence { quote } parts { name projects(first: 5) { totalCount edges { basis rule via { id } node { name } } } } } }`,
      answers,
    );
    expect(errors).toBeUndefined();
    expect(cypher.calls).toEqual([
      { name: 'read/entities-by-name', params: { keys: [{ label: 'Strategy', key: '东核' }] } },
      { name: 'read/node-evidence', params: { ids: [HUB.id] } },
      { name: 'read/parts', params: { ids: [HUB.id] } },
      { name: 'read/strategy-projects', params: { includeParts: true, basis: null, textBacked: false, ids: PARTS.map((p) => p.id) } },
    ]);
    expect(cypher.stats.roundTrips).toBe(4);
    expect(data.strategy.parts[1].projects.edges[0]).toEqual({ basis: 'DERIVED', rule: 'serves-by-anchor', via: { id: 'strategy:part-a' }, node: { name: 'P' } });
  });

  it('passes Strategy.projects(basis:, includeParts:, textBacked:) to the statement as parameters', async () => {
    const { cypher } = await run(`{ strategy(id: "strategy:east-hub") { parts { projects(includeParts: false, basis: [EXPLICIT, INFERRED], textBacked: true) { totalCount } } } }`, {
      ...answers, 'read/nodes-by-id': () => [{ id: HUB.id, node: HUB }],
    });
    expect(cypher.calls[2]).toEqual({
      name: 'read/strategy-projects', params: { includeParts: false, basis: ['EXPLICIT', 'INFERRED'], textBacked: true, ids: PARTS.map((p) => p.id) },
    });
  });
});

describe('look-ahead: a lookup and its first fan-out in one statement', () => {
  const links = [{ node: PROJECT, link: link('EXPLICIT'), part: HUB }];
  const withProjects = { 'read/with/strategy-projects': () => [{ node: HUB, links }] };

  it('Query.strategy { projects } asks read/with/strategy-projects once, with the lookup and the projects\' arguments', async () => {
    const { data, errors, cypher } = await run(
      `{ strategy(name: " 东核 ") { name projects(includeParts: false, basis: [EXPLICIT], textBacked: true) { totalCount edges { basis via { id } node { name } } } } }`,
      withProjects,
    );
    expect(errors).toBeUndefined();
    expect(cypher.calls).toEqual([
      { name: 'read/with/strategy-projects', params: { id: null, key: '东核', includeParts: false, basis: ['EXPLICIT'], textBacked: true } },
    ]);
    expect(data.strategy.projects).toEqual({ totalCount: 1, edges: [{ basis: 'EXPLICIT', via: { id: HUB.id }, node: { name: 'P' } }] });
  });

  it('sees the field through fragments and variables, and applies the schema\'s defaults', async () => {
    const { cypher } = await run(
      `query Q($parts: Boolean) { strategy(id: "strategy:east-hub") { ...F } } fragment F on Strategy { ... on Strategy { projects(includeParts: $parts) { totalCount } } }`,
      withProjects, { parts: null },
    );
    expect(cypher.calls).toEqual([
      { name: 'read/with/strategy-projects', params: { id: 'strategy:east-hub', key: null, includeParts: true, basis: null, textBacked: false } },
    ]);
  });

  it('a second projects field with other arguments (an alias) is loaded as usual', async () => {
    const { data, cypher } = await run(
      `{ strategy(name: "东核") { all: projects { totalCount } direct: projects(includeParts: false) { totalCount } } }`,
      { ...withProjects, 'read/strategy-projects': (p) => (p.ids as string[]).map((id) => ({ id, node: PROJECT, link: link('EXPLICIT'), part: HUB })) },
    );
    expect(cypher.names()).toEqual(['read/with/strategy-projects', 'read/strategy-projects']);
    expect(cypher.calls[1].params).toMatchObject({ includeParts: false, ids: [HUB.id] });
    expect(data.strategy).toEqual({ all: { totalCount: 1 }, direct: { totalCount: 1 } });
  });

  it('an id that names nothing is NOT_FOUND; a name that names nothing is null', async () => {
    const none = { 'read/with/strategy-projects': () => [] };
    const byId = await run(`{ strategy(id: "strategy:nope") { projects { totalCount } } }`, none);
    expect(byId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byName = await run(`{ strategy(name: "没有") { projects { totalCount } } }`, none);
    expect(byName.errors).toBeUndefined();
    expect(byName.data.strategy).toBeNull();
  });

  it('Query.indicators { edges { node { values } } } brings the values with the page; Indicator.values still filters them', async () => {
    const I = node('indicator:i', 'Indicator', { name: 'GDP' });
    const value = (year: number) => ({ id: `v${year}`, year, kind: 'ACTUAL', value: 1, documentId: 'doc', evidence: ['q'], passageIds: ['doc:1#1'] });
    const { data, cypher } = await run(`{ indicators(first: 5, filter: { headline: true }) { totalCount edges { node { name values(year: 2023) { year } } } } }`, {
      'read/with/indicators-values': () => [{ totalCount: 1, nodes: [I], values: [[value(2022), value(2023)]] }],
    });
    expect(cypher.calls).toEqual([{
      name: 'read/with/indicators-values', params: { year: null, kind: null, categories: null, headline: true, nameContains: null, offset: 0, limit: 5 },
    }]);
    expect(data.indicators).toEqual({ totalCount: 1, edges: [{ node: { name: 'GDP', values: [{ year: 2023 }] } }] });
  });

  it('Query.project with two or more of evidence, districts, strategies, timeline asks read/with/project-detail once', async () => {
    const D = node('district:d', 'District', { name: 'D' });
    const milestone = { id: 'm', year: 2023, stage: 'STARTED', documentId: 'doc', evidence: ['q'], passageIds: ['doc:1#1'] };
    const { data, errors, cypher } = await run(`{ project(id: "project:p") { name evidence { quote } districts { node { name } } timeline { year stage } } }`, {
      'read/with/project-detail': () => [{ node: PROJECT, evidence: [{ quote: 'q', passageId: 'doc:1#1' }], districts: [{ node: D, link: link('EXPLICIT') }], strategies: [], timeline: [milestone] }],
    });
    expect(errors).toBeUndefined();
    expect(cypher.calls).toEqual([{ name: 'read/with/project-detail', params: { id: 'project:p', key: null, stageOrder: STAGE_ORDER } }]);
    expect(data.project).toEqual({ name: 'P', evidence: [{ quote: 'q' }], districts: [{ node: { name: 'D' } }], timeline: [{ year: 2023, stage: 'STARTED' }] });
  });

  it('Query.district { projects } asks read/with/district-projects', async () => {
    const D = node('district:d', 'District');
    const { cypher } = await run(`{ district(name: "平湖街道") { projects(includeSubdistricts: false) { totalCount } } }`, {
      'read/with/district-projects': () => [{ node: D, links: [{ node: PROJECT, link: link('EXPLICIT'), place: D }] }],
    });
    expect(cypher.calls).toEqual([{ name: 'read/with/district-projects', params: { id: null, key: '平湖街道', includeSubdistricts: false, withTimeline: false, stageOrder: STAGE_ORDER } }]);
  });

  it('Query.district { projects { edges { node { timeline } } } } brings the timelines too, in the same statement', async () => {
    const D = node('district:d', 'District');
    const milestone = { id: 'm', year: 2022, stage: 'COMPLETED', documentId: 'doc', evidence: ['q'], passageIds: ['doc:1#1'] };
    const { data, cypher } = await run(`{ district(name: "平湖街道") { projects { edges { node { name timeline { year stage } } } } } }`, {
      'read/with/district-projects': () => [{ node: D, links: [{ node: PROJECT, link: link('EXPLICIT'), place: D }], timelines: [[milestone]] }],
    });
    expect(cypher.names()).toEqual(['read/with/district-projects']);
    expect(cypher.calls[0].params).toMatchObject({ withTimeline: true, includeSubdistricts: true });
    expect(data.district.projects.edges).toEqual([{ node: { name: 'P', timeline: [{ year: 2022, stage: 'COMPLETED' }] } }]);
  });
});

describe('the explorer', () => {
  it('search sends the normalised key, the escaped Lucene phrase, the labels and the limit', async () => {
    const { data, cypher } = await run(`{ search(text: "“20+8”", types: [STRATEGY, GLOSSARY_TERM], first: 3) { matchedName score entity { id } } }`, {
      'read/search': () => [{ node: node('strategy:20-8', 'Strategy', { name: '20+8' }), score: 1000 }],
    });
    expect(cypher.calls).toEqual([{ name: 'read/search', params: { key: '20+8', query: '"20\\+8"', labels: ['Strategy', 'GlossaryTerm'], limit: 3 } }]);
    expect(data.search).toEqual([{ matchedName: '20+8', score: 1000, entity: { id: 'strategy:20-8' } }]);
  });

  it('path checks both ends and finds the path in ONE statement; steps get their direction', async () => {
    const a = node('org:a', 'Organization');
    const b = node('strategy:b', 'Strategy');
    const { data, cypher } = await run(`{ path(from: "org:a", to: "strategy:b", maxHops: 3) { length relationships { type from to direction basis } } }`, {
      'read/path': () => [{ fromNode: a, toNode: b, nodes: [a, b], rels: [{ type: 'SERVES', start: b.id, end: a.id, props: link('INFERRED', { inference: 'x' }) }] }],
    });
    expect(cypher.calls).toEqual([
      { name: 'read/path', params: { from: 'org:a', to: 'strategy:b', maxHops: 3, types: [...FACT_RELATIONSHIP_TYPES] } },
    ]);
    expect(data.path).toEqual({ length: 1, relationships: [{ type: 'SERVES', from: 'org:a', to: 'strategy:b', direction: 'BACKWARD', basis: 'INFERRED' }] });
  });

  it('path names the end that is not an entity, and is null when nothing connects the two', async () => {
    const a = node('org:a', 'Organization');
    const missing = await run(`{ path(from: "org:a", to: "nope") { length } }`, { 'read/path': () => [{ fromNode: a, toNode: null, nodes: null, rels: null }] });
    expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(missing.errors?.[0].message).toContain('nope');
    const b = node('strategy:b', 'Strategy');
    const none = await run(`{ path(from: "org:a", to: "strategy:b") { length } }`, { 'read/path': () => [{ fromNode: a, toNode: b, nodes: null, rels: null }] });
    expect(none.errors).toBeUndefined();
    expect(none.data.path).toBeNull();
  });
});

describe('errors', () => {
  it('a row that is not what the statement promises is an internal error, not a silent null', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { errors } = await run(`{ strategies { edges { node { name } } } }`, { 'read/entities-page': () => [{ nodes: [{ name: 'no id' }], totalCount: 1 }] });
    expect(errors?.[0]).toMatchObject({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    // The details stay in the server's log.
    expect(String(logged.mock.calls[0][0])).toContain('read/entities-page.nodes[0].id: expected a string');
    logged.mockRestore();
  });

  it.each([
    ['a mutation', 'BAD_REQUEST', 'mutation { deleteEverything }'],
    ['a subscription', 'BAD_REQUEST', 'subscription { changes }'],
    ['an unknown enum value', 'BAD_USER_INPUT', '{ projects(filter: { stage: DEMOLISHED }) { totalCount } }'],
    ['a value of the wrong type', 'BAD_USER_INPUT', '{ projects(first: "ten") { totalCount } }'],
    ['a missing required argument', 'BAD_USER_INPUT', '{ glossaryTerm { term } }'],
    ['an unknown field (the query\'s shape)', 'GRAPHQL_VALIDATION_FAILED', '{ strategies { edges { node { colour } } } }'],
  ])('%s is refused with %s before any round trip', async (_what, code, query) => {
    const { errors, cypher } = await run(query);
    expect(errors?.map((e) => e.extensions?.code)).toContain(code);
    expect(cypher.calls).toEqual([]);
  });
});

describe('every statement the API runs', () => {
  it('exists in cypher/ and gets every $parameter it uses (the fake refuses otherwise)', async () => {
    const D = node('district:d', 'District');
    const I = node('indicator:i', 'Indicator');
    const one = (n: object) => () => [{ id: 'x', node: n }];
    const { errors, cypher } = await run(`{
      indicators(filter: { year: 2022, kind: ACTUAL, headline: true }) { totalCount }
      districts(kind: ZONE) { totalCount }
      district(id: "district:d") { projects { totalCount } children { id } strategies { id } mentions { totalCount } }
      indicator(id: "indicator:i") { values { year } measures { id } }
      project(id: "project:p") { timeline { year } organizations { role } }
      glossaryTerm(term: "20+8") { id }
      glossary { id }
      documents { sections { passages { id } children { id } } }
      neighborhood(id: "district:d", depth: 2) { truncated }
    }`, {
      'read/indicators-page': () => [{ nodes: [], totalCount: 0 }],
      'read/entities-page': () => [{ nodes: [], totalCount: 0 }],
      'read/districts-page': () => [{ nodes: [], totalCount: 0 }],
      'read/nodes-by-id': (p) => (p.ids as string[]).map((id) => ({ id, node: [D, I, PROJECT].find((n) => n.id === id) ?? node(id, 'Strategy') })),
      'read/district-projects': () => [],
      'read/with/district-projects': () => [{ node: D, links: [] }],
      'read/links-in': () => [],
      'read/links-out': () => [],
      'read/entity-mentions': () => [],
      'read/indicator-values': () => [],
      'read/milestones': () => [],
      'read/glossary-by-term': () => [],
      'read/glossary': () => [],
      'read/documents': one(node('doc', 'Document')),
      'read/section-children': () => [],
      'read/neighborhood': () => [{ nodes: [D], edges: [], truncated: false }],
    });
    expect(errors).toBeUndefined();
    expect(new Set(cypher.names())).toEqual(new Set([
      'read/indicators-page', 'read/districts-page', 'read/nodes-by-id', 'read/with/district-projects', 'read/links-in', 'read/links-out',
      'read/entity-mentions', 'read/indicator-values', 'read/milestones', 'read/glossary-by-term', 'read/glossary', 'read/documents',
      'read/section-children', 'read/neighborhood',
    ]));
  });
});
