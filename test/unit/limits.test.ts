import { readFileSync } from 'node:fs';
import { buildASTSchema, concatAST, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config';
import { API_DOC, loadExamples } from '../../src/docs/examples';
import { depthLimit } from '../../src/graphql/depth-limit';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { countTokens, LimitError, limitRules, queryCost } from '../../src/http/limits';

/**
 * The default limits must let every documented query through: the examples of docs/api.md (its ```graphql blocks)
 * and docs/examples/ (the playground's tabs), and GraphiQL's introspection query. And each limit must refuse
 * what it is there to refuse, naming itself.
 */

const schema = buildASTSchema(concatAST(loadTypeDefs()));

function measure(query: string) {
  const document = parse(query);
  const errors = validate(schema, document, [...specifiedRules, depthLimit(DEFAULT_LIMITS.maxDepth), limitRules(DEFAULT_LIMITS)]);
  return { errors: errors.map((e) => e.message), cost: queryCost(schema, document, {}), tokens: countTokens(query) };
}

const docBlocks = [...readFileSync(API_DOC, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
const documented = [
  ...loadExamples().map((e) => ({ name: `docs/examples/${e.file}`, query: e.query })),
  ...docBlocks.map((query, i) => ({ name: `docs/api.md block ${i + 1}`, query })),
  { name: 'GraphiQL introspection', query: getIntrospectionQuery() },
];

describe('the default limits let every documented query through', () => {
  it('has the documented queries to check', () => {
    expect(loadExamples().length).toBeGreaterThanOrEqual(10);
    expect(docBlocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(documented)('$name', ({ query }) => {
    const m = measure(query);
    expect(m.errors).toEqual([]);
    expect(m.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(m.tokens).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTokens);
    expect(Buffer.byteLength(JSON.stringify({ query }))).toBeLessThanOrEqual(DEFAULT_LIMITS.maxBodyBytes);
  });

  it('the largest documented query uses well under each budget (printed for docs/deploy.md)', () => {
    const all = documented.map((d) => ({ name: d.name, ...measure(d.query) }));
    const top = (key: 'cost' | 'tokens') => all.reduce((a, b) => (b[key] > a[key] ? b : a));
    console.log(`largest cost: ${top('cost').cost} (${top('cost').name}); most tokens: ${top('tokens').tokens} (${top('tokens').name})`);
    expect(top('cost').cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
  });
});

describe('each limit refuses what it is for, naming itself', () => {
  const refusal = (query: string) => validate(schema, parse(query), [depthLimit(15), limitRules(DEFAULT_LIMITS)]);

  it('aliases: 31 aliases of one list', () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: glossary { number }`).join(' ')} }`;
    const [error] = refusal(query).filter((e) => e instanceof LimitError && e.limit === 'maxAliases');
    expect(error.message).toBe(
      'The number of aliased fields is 31; the limit maxAliases (PLANGRAPH_MAX_ALIASES) is 30. ' +
        'Ask for a list once (with a larger `first`) instead of many aliases, or split the request.',
    );
  });

  it('root fields: counted through fragments, aliases included; introspection is free', () => {
    const fields = Array.from({ length: 11 }, (_, i) => `g${i}: glossary { number }`);
    const query = `{ ...A ...B __typename } fragment A on Query { ${fields.join(' ')} } fragment B on Query { documents { id } ${fields.slice(0, 9).map((f) => `x${f}`).join(' ')} }`;
    const errors = refusal(query).filter((e) => e instanceof LimitError);
    expect(errors.map((e) => (e as LimitError).limit)).toContain('maxRootFields');
    const roots = errors.find((e) => (e as LimitError).limit === 'maxRootFields') as LimitError;
    expect([roots.actual, roots.max]).toEqual([21, 20]);
  });

  it('cost: lists multiply through nesting, `first` as given (or by variable), defaults otherwise', () => {
    const cost = (q: string, v: Record<string, unknown> = {}) => queryCost(schema, parse(q), v);
    expect(cost('{ glossary { number } }')).toBe(5); // a plain list: 5 assumed items, scalars free
    expect(cost('{ projects(first: 100) { totalCount edges { node { name } } } }')).toBe(101);
    expect(cost('{ projects { edges { node { name } } } }')).toBe(51); // default page of 50
    const nested = 'query($n: Int) { strategies(first: $n) { edges { node { projects(first: 500) { edges { node { name } } } } } } }';
    expect(cost(nested, { n: 500 })).toBe(1 + 500 * (1 + 1 + 500));
    expect(cost(nested, { n: 500 })).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(cost(nested, { n: 1 })).toBeLessThan(DEFAULT_LIMITS.maxCost);
  });

  it('tokens: counted by the GraphQL lexer, stopping early on huge input', () => {
    expect(countTokens('{ a { b } }')).toBe(6);
    expect(countTokens('{ a '.repeat(100_000), 2_000)).toBe(2_001);
  });
});

describe('configuration', () => {
  it('reads every limit from its variable and refuses nonsense', () => {
    const config = loadConfig({
      PLANGRAPH_MAX_QUERY_COST: '5000', PLANGRAPH_MAX_ALIASES: '3', PLANGRAPH_MAX_ROOT_FIELDS: '4', PLANGRAPH_MAX_TOKENS: '900',
      PLANGRAPH_MAX_BATCH: '5', PLANGRAPH_MAX_BODY_BYTES: '20000', PLANGRAPH_MAX_QUERY_DEPTH: '8', PLANGRAPH_QUERY_TIMEOUT_MS: '2000',
      PLANGRAPH_CORS_ORIGINS: 'https://a.example, http://b.example:8080/', LOG_LEVEL: 'WARN',
    });
    expect(config.limits).toEqual({
      maxDepth: 8, maxCost: 5000, maxAliases: 3, maxRootFields: 4, maxTokens: 900, maxBatch: 5, maxBodyBytes: 20000, requestDeadlineMs: 7000,
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(config.logLevel).toBe('warn');
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(() => loadConfig({ PLANGRAPH_MAX_QUERY_COST: '0', LOG_LEVEL: 'loud', PLANGRAPH_CORS_ORIGINS: 'example.org' })).toThrow(
      /PLANGRAPH_MAX_QUERY_COST=0 must be an integer[\s\S]*LOG_LEVEL=loud[\s\S]*"example.org" must be an origin/,
    );
  });
});
