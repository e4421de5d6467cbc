import { readFileSync } from 'node:fs';
import { buildASTSchema, concatAST, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_LIMITS } from '../../src/config';
import { API_DOC, loadExamples } from '../../src/docs/examples';
import { loadQuestions } from '../../src/docs/questions';
import { LIST_BOUNDS, listBound, Measurements } from '../../src/graphql/limits/bounds';
import { GraphBounds, queryCost } from '../../src/graphql/limits/cost';
import { documentRules } from '../../src/graphql/limits/document-rules';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { countTokens } from '../../src/http/limits';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * The limits against the real graph: every documented query (docs/api.md, docs/examples — the playground's tabs —,
 * docs/questions, GraphiQL's introspection) fits the defaults with the loaded graph's measured fan-outs; and every
 * measured bound holds for the real lists of every node (a bound below a real list would let a query cost more
 * than its estimate).
 */

const schema = buildASTSchema(concatAST(loadTypeDefs()));
let server: TestServer;
let measurements: Measurements;

beforeAll(async () => {
  // Generous limits: the bound checks below read whole lists on purpose.
  server = await startTestServer(undefined, { limits: { maxCost: 10_000_000, maxResponseObjects: 10_000_000 } });
  measurements = await new GraphBounds(server.cypher).get();
});
afterAll(() => server.stop());

const docBlocks = [...readFileSync(API_DOC, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const documented = () => [
  ...loadExamples().map((e) => ({ name: `docs/examples/${e.file}`, query: e.query })),
  ...loadQuestions().map((q) => ({ name: `docs/questions/${q.file}`, query: q.query })),
  ...docBlocks.map((query, i) => ({ name: `docs/api.md block ${i + 1}`, query })),
  { name: 'GraphiQL introspection', query: getIntrospectionQuery() },
];

describe('the default limits let every documented query through', () => {
  it('measures the loaded graph (cypher/read/fanout.cypher)', () => {
    expect(measurements.get('in:WITHIN')).toBe(29); // 龙岗区's 11 街道 and 18 zones directly within it
    expect(measurements.get('label:GlossaryTerm')).toBe(19);
  });

  it('every documented query validates, and costs at most half the limit', () => {
    const all = documented();
    expect(all.length).toBeGreaterThanOrEqual(40);
    const measured = all.map(({ name, query }) => {
      const document = parse(query);
      const errors = validate(schema, document, [...specifiedRules, documentRules(DEFAULT_LIMITS)]).map((e) => e.message);
      const { tokens, spreads } = countTokens(query);
      return { name, errors, cost: queryCost(schema, document, measurements, {}), tokens, spreads };
    });
    for (const m of measured) {
      expect({ name: m.name, errors: m.errors }).toEqual({ name: m.name, errors: [] });
      expect({ name: m.name, tokens: m.tokens <= DEFAULT_LIMITS.maxTokens, spreads: m.spreads <= DEFAULT_LIMITS.maxFragmentSpreads })
        .toEqual({ name: m.name, tokens: true, spreads: true });
    }
    const top = measured.reduce((a, b) => (b.cost > a.cost ? b : a));
    console.log(`largest cost: ${top.cost} (${top.name})`);
    expect(top.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
  });
});

describe('every measured bound holds for the real lists of every node', () => {
  const check = (type: string, rows: Record<string, unknown>[], fields: string[]) => {
    expect(rows.length).toBeGreaterThan(0);
    const over: string[] = [];
    for (const field of fields) {
      const bound = listBound(`${type}.${field}`, {}, measurements);
      const longest = Math.max(...rows.map((r) => (r[field] as unknown[]).length));
      if (longest > bound) over.push(`${type}.${field}: ${longest} > ${bound}`);
      if (longest === 0) over.push(`${type}.${field}: empty everywhere, so this check proves nothing`);
    }
    expect(over).toEqual([]);
  };
  const page = async (root: string, body: string) =>
    (await server.data(`{ ${root}(first: 500) { edges { node { ${body} } } } }`))[root].edges.map((e: { node: unknown }) => e.node);

  it('districts', async () => {
    const fields = ['children', 'strategies', 'organizations', 'indicators', 'evidence'];
    check('District', await page('districts', `children { id } strategies { id } organizations { id } indicators { id } evidence { quote }`), fields);
  });

  it('strategies', async () => {
    const rows = await page('strategies', `parts { id } partLinks { basis } anchorDistricts { basis evidence { quote } } organizations { id } indicators { id } evidence { quote }`);
    check('Strategy', rows, ['parts', 'partLinks', 'anchorDistricts', 'organizations', 'indicators', 'evidence']);
    check('DistrictLink', rows.flatMap((r: { anchorDistricts: Record<string, unknown>[] }) => r.anchorDistricts), ['evidence']);
  });

  it('projects', async () => {
    const rows = await page('projects', `districts { basis } strategies { basis chain { type } evidence { quote } } organizations { role } timeline { year } parts { id } indicators { id } sameAs { basis } evidence { quote }`);
    check('Project', rows, ['districts', 'strategies', 'organizations', 'timeline', 'parts', 'indicators', 'sameAs', 'evidence']);
    check('StrategyLink', rows.flatMap((r: { strategies: Record<string, unknown>[] }) => r.strategies), ['chain', 'evidence']);
    // Every strategy's projects, derived links included: their chains and the quotes they show.
    const strategies = await page('strategies', 'projects(first: 500) { edges { basis chain { type } evidence { quote } } }');
    check('ProjectEdge', strategies.flatMap((s: { projects: { edges: Record<string, unknown>[] } }) => s.projects.edges), ['chain', 'evidence']);
  });

  it('organizations and indicators', async () => {
    check('Organization', await page('organizations', `districts { basis } projects { role } affiliatedWith { role } affiliates { role } strategies { basis } timeline { year }`),
      ['districts', 'projects', 'affiliatedWith', 'affiliates', 'strategies', 'timeline']);
    check('District', await page('districts', 'organizationLinks { basis } strategyLinks { basis }'), ['organizationLinks', 'strategyLinks']);
    check('Strategy', await page('strategies', 'organizationLinks { basis }'), ['organizationLinks']);
    check('Indicator', await page('indicators', `values { year } measures { id } evidence { quote }`), ['values', 'measures', 'evidence']);
  });

  it('sections and passages', async () => {
    const { documents } = await server.data('{ documents { sections { id } } }');
    expect(documents[0].sections.length).toBeLessThanOrEqual(listBound('Document.sections', {}, measurements));
    const ids: string[] = documents[0].sections.map((s: { id: string }) => s.id);
    const sections: Record<string, unknown>[] = [];
    // Nested sections: walk down from the top ones (each node(id:) answers one section).
    for (let level = ids; level.length > 0;) {
      const nodes = await Promise.all(level.map(async (id) =>
        (await server.data('query($id: ID!) { node(id: $id) { ... on Section { id children { id } passages { id mentions { id } } } } }', { id })).node));
      sections.push(...nodes);
      level = nodes.flatMap((s: { children: { id: string }[] }) => s.children.map((c) => c.id));
    }
    check('Section', sections, ['children', 'passages']);
    const deepest = await Promise.all(sections.map(async (s) => (await server.data('query($id: ID!) { node(id: $id) { ... on Section { path { id } } } }', { id: s.id })).node));
    check('Section', deepest, ['path']);
    check('Passage', sections.flatMap((s) => s.passages as Record<string, unknown>[]), ['mentions']);
  });

  it('a bound is a sum of measurements, never a guess: each measured key exists in the graph', () => {
    const keys = new Set(Object.values(LIST_BOUNDS).flatMap((b) => ('measured' in b ? b.measured : [])));
    expect([...keys].filter((k) => !measurements.has(k))).toEqual([]);
  });
});
