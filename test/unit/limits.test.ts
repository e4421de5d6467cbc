import { buildASTSchema, concatAST, getNamedType, getNullableType, isInterfaceType, isLeafType, isListType, isObjectType, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_LIMITS, loadConfig } from '../../src/config';
import { LIST_BOUNDS, listBound } from '../../src/graphql/limits/bounds';
import { queryCost } from '../../src/graphql/limits/cost';
import { documentRules } from '../../src/graphql/limits/document-rules';
import { LimitError } from '../../src/graphql/limits/limit-error';
import { loadTypeDefs } from '../../src/graphql/type-defs';
import { countTokens, queryTextLimitError, variablesLimitError } from '../../src/http/limits';

/**
 * Each limit refuses what it is there to refuse, naming itself, and the work of checking is linear in the
 * document. (That the defaults let every documented query through, with the real graph's measurements, is
 * test/integration/limits.test.ts.)
 */

const schema = buildASTSchema(concatAST(loadTypeDefs()));
/** Measurements as cypher/read/fanout.cypher returns them; every unknown key is 0. */
const measured = new Map(Object.entries({ 'in:WITHIN': 29, 'out:WITHIN': 1, 'label:GlossaryTerm': 19, 'in:MEASURES': 89, 'out:EVIDENCED_BY': 9, 'prop:evidence': 4 }));

const limitErrors = (query: string, limits = DEFAULT_LIMITS) =>
  validate(schema, parse(query), [...specifiedRules, documentRules(limits)]).filter((e): e is LimitError => e instanceof LimitError);
const limitsOf = (query: string) => limitErrors(query).map((e) => e.limit);

/** n fragments, each spreading the next `fan` times, the last asking for `tail`: fan^n fields when expanded. */
function fanOut(n: number, fan: number, tail = 'name'): string {
  const spreads = (i: number) => Array.from({ length: fan }, () => `...F${i + 1}`).join(' ');
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on District { ${i === n - 1 ? tail : `parent { ${spreads(i)} }`} }`);
  return `{ district(id: "district:longgang") { ...F0 } } ${fragments.join(' ')}`;
}

describe('each limit refuses what it is for, naming itself', () => {
  it('aliases: 31 aliases of one list', () => {
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: glossary { number }`).join(' ')} }`;
    const [error] = limitErrors(query).filter((e) => e.limit === 'maxAliases');
    expect(error.message).toBe(
      'The number of aliased fields is 31; the limit maxAliases (PLANGRAPH_MAX_ALIASES) is 30. ' +
        'Ask for a list once (with a larger `first`) instead of many aliases, or split the request.',
    );
  });

  it('root fields: counted through fragments, aliases included; introspection is free', () => {
    const fields = Array.from({ length: 11 }, (_, i) => `g${i}: glossary { number }`);
    const query = `{ ...A ...B __typename } fragment A on Query { ${fields.join(' ')} } fragment B on Query { documents { id } ${fields.slice(0, 9).map((f) => `x${f}`).join(' ')} }`;
    const roots = limitErrors(query).find((e) => e.limit === 'maxRootFields')!;
    expect([roots.actual, roots.max]).toEqual([21, 20]);
  });

  it('depth: through fragments and inline fragments, introspection not counted', () => {
    const nest = (n: number) => `{ district(id: "x") { ${'parent { '.repeat(n - 2)}name${' }'.repeat(n - 2)} } }`;
    expect(limitsOf(nest(15))).not.toContain('maxDepth');
    expect(limitErrors(nest(16)).find((e) => e.limit === 'maxDepth')?.actual).toBe(16);
    // The same 16 levels, split over fragments.
    const viaFragments = '{ district(id: "x") { ...A } } fragment A on District { parent { ... on District { parent { ...B } } } } ' +
      `fragment B on District { ${'parent { '.repeat(12)}name${' }'.repeat(12)} }`;
    expect(limitErrors(viaFragments).find((e) => e.limit === 'maxDepth')?.actual).toBe(16);
  });

  it('fragment fan-out: 2^20 and 8^12 expanded fields are measured in linear work, and refused, not hung', () => {
    // Exponential work would not finish in any test timeout: 8^12 is 68 billion spreads.
    const wide = limitErrors(fanOut(20, 2));
    expect(wide.find((e) => e.limit === 'maxDepth')?.actual).toBe(21);
    // 13 levels pass the depth limit; the cost (over 8^10 parents) refuses it.
    expect(limitErrors(fanOut(12, 8))).toEqual([]);
    expect(queryCost(schema, parse(fanOut(12, 8)), measured)).toBeGreaterThan(8 ** 10);
  });

  it('inputs: a string literal over 200 characters and a list literal over 100 values are BAD_USER_INPUT', () => {
    const long = limitErrors(`{ search(text: "${'龙'.repeat(201)}") { matchedName } }`).find((e) => e.limit === 'maxInputLength')!;
    expect([long.actual, long.code]).toEqual([201, 'BAD_USER_INPUT']);
    expect(limitsOf(`{ search(text: "${'龙'.repeat(200)}") { matchedName } }`)).toEqual([]);
    const ids = Array.from({ length: 101 }, (_, i) => `"p${i}"`).join(',');
    expect(limitsOf(`{ coMentions(ids: [${ids}]) { totalCount } }`)).toContain('maxInputListLength');
  });
});

describe('the cost: measured bounds, memoised fragments, fail closed', () => {
  const cost = (q: string, v: Record<string, unknown> = {}) => queryCost(schema, parse(q), measured, v);

  it('unpaged lists count their real longest, connections their page', () => {
    expect(cost('{ glossary { number } }')).toBe(19); // the 19 glossary terms; scalars free
    expect(cost('{ projects(first: 100) { totalCount edges { node { name } } } }')).toBe(101);
    expect(cost('{ projects { edges { node { name } } } }')).toBe(51); // default page of 50
    // children (29 at most) of a parent (1 at most), nested: 29 × (1 + 1 × (1 + 29 × 1))
    expect(cost('{ district(id: "x") { children { parent { children { name } } } } }')).toBe(1 + 29 * (1 + 1 * (1 + 29)));
    const nested = 'query($n: Int) { strategies(first: $n) { edges { node { projects(first: 500) { edges { node { name } } } } } } }';
    expect(cost(nested, { n: 500 })).toBe(1 + 500 * (1 + 1 + 500));
    expect(cost(nested, { n: 1 })).toBeLessThan(DEFAULT_LIMITS.maxCost);
  });

  it('a `first` that will be refused, or a variable that does not coerce, counts as the largest page', () => {
    const q = 'query($n: Int) { projects(first: $n) { edges { node { name } } } }';
    expect(cost(q, { n: 'many' })).toBe(501);
    expect(cost('{ projects(first: 100000) { edges { node { name } } } }')).toBe(501);
  });

  it('fragments on an abstract type count the costliest object they can meet, not every branch', () => {
    const q = '{ search(text: "x", first: 10) { entity { ... on District { children { name } } ... on Project { name } ... on Entity { evidence { quote } } } } }';
    // 10 hits × (1 + entity (1 + the worst branch: a District with 29 children + 13 quotes))
    expect(cost(q)).toBe(10 * (1 + 1 + 29 + 13));
  });

  it('every unpaged list of the schema has a bound, and a field without one fails closed', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (!isListType(getNullableType(field.type)) || isLeafType(named) || named.name.endsWith('Edge')) continue;
        if (!LIST_BOUNDS[`${type.name}.${field.name}`]) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(() => listBound('Nowhere.list', {}, measured)).toThrow(/no list bound for Nowhere.list/);
  });
});

describe('the raw request: tokens, spreads and variables, before Apollo', () => {
  it('tokens: counted by the GraphQL lexer, stopping early on huge input', () => {
    expect(countTokens('{ a { b } }').tokens).toBe(6);
    expect(countTokens('{ a '.repeat(100_000), 2_000).tokens).toBe(2_001);
  });

  it('fragment spreads: named spreads count, inline fragments do not', () => {
    expect(countTokens('{ ...A ... on B { c } ... { d } ...E }').spreads).toBe(2);
    expect(queryTextLimitError(fanOut(12, 8), DEFAULT_LIMITS)?.limit).toBeUndefined(); // 88 spreads: within 100
    expect(queryTextLimitError(fanOut(14, 8), DEFAULT_LIMITS)?.limit).toBe('maxFragmentSpreads');
  });

  it('variables: bytes, depth (as JSON text too), string and list lengths', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = { a: deep };
    expect(variablesLimitError({ filter: deep }, DEFAULT_LIMITS)?.limit).toBe('maxVariablesDepth');
    expect(variablesLimitError(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, DEFAULT_LIMITS)?.limit).toBe('maxVariablesDepth');
    expect(variablesLimitError({ text: 'x'.repeat(201) }, DEFAULT_LIMITS)?.code).toBe('BAD_USER_INPUT');
    expect(variablesLimitError({ ids: Array(101).fill('x') }, DEFAULT_LIMITS)?.limit).toBe('maxInputListLength');
    expect(variablesLimitError({ a: Array.from({ length: 90 }, () => Array(90).fill(12345)) }, DEFAULT_LIMITS)?.limit).toBe('maxVariablesBytes');
    expect(variablesLimitError({ filter: { years: [2022, 2023], nameContains: '学校' }, first: 10 }, DEFAULT_LIMITS)).toBeNull();
    expect(variablesLimitError('{"filter":{"years":[2022]}}', DEFAULT_LIMITS)).toBeNull();
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
      ...DEFAULT_LIMITS, maxDepth: 8, maxCost: 5000, maxAliases: 3, maxRootFields: 4, maxTokens: 900, maxBatch: 5, maxBodyBytes: 20000, requestDeadlineMs: 7000,
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(config.logLevel).toBe('warn');
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(() => loadConfig({ PLANGRAPH_MAX_QUERY_COST: '0', LOG_LEVEL: 'loud', PLANGRAPH_CORS_ORIGINS: 'example.org' })).toThrow(
      /PLANGRAPH_MAX_QUERY_COST=0 must be an integer[\s\S]*LOG_LEVEL=loud[\s\S]*"example.org" must be an origin/,
    );
  });
});
