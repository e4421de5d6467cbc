import {
  getNamedType, GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLInputType, GraphQLSchema, isEnumType, isInputObjectType,
  isInterfaceType, isLeafType, isListType, isNonNullType, isObjectType, isUnionType, GraphQLObjectType, GraphQLInterfaceType,
} from 'graphql';

/**
 * Generated hostile requests: a seeded random source (the same seed gives the same requests), valid queries
 * built from the schema with hostile argument values, invalid ones, deep and wide nesting, alias floods, oversized
 * and malformed bodies, batches, wrong methods and content types.
 */

export interface HostileRequest {
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/** mulberry32: small, fast, reproducible. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof random>;

/** Strings meant to break something: scripts, encodings, Lucene and Cypher syntax, sizes. */
export const HOSTILE_STRINGS: readonly string[] = [
  '东核', '低碳智造核', '一芯两核多支点', '坂田', '20+8', 'IT+BT+低碳', '"1+1+10+N"', '',
  '😀🚀🇨🇳', '👨‍👩‍👧‍👦'.repeat(50), '\uD800', '\uDFFF abc', 'a\u0000b', '\u0000', '\u202Eevil', '\uFEFF', 'é'.normalize('NFD'),
  '(深圳) && || ! ~ * ? : / [x]', 'name:* AND id:*', '*', '?', '~', '\\', '"', 'a OR b', '[a TO z]', '{!lucene}', '/.*/',
  "') MATCH (n) DETACH DELETE n //", '" }) DETACH DELETE n RETURN 1 //', '`; DROP DATABASE neo4j', 'CALL db.labels()',
  "' OR 1=1 --", '$where', '{ "$gt": "" }', '__proto__', 'constructor', '<script>alert(1)</script>', '../../../etc/passwd',
  '%00', '%s%s%s%n', '\r\n\r\nHTTP/1.1 200 OK', 'x'.repeat(10_000), '龙'.repeat(100_000), 'a b '.repeat(50_000),
];
const INTS = [0, 1, -1, 2, 6, 7, 499, 500, 501, 2147483647, -2147483648, 1000000];
const FLOATS = [0, -0.5, 1e308, 3.14];

function literal(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function argValue(type: GraphQLInputType, r: Random, depth = 0): string {
  if (isNonNullType(type)) return argValue(type.ofType, r, depth);
  if (isListType(type)) return `[${Array.from({ length: r.int(0, 3) }, () => argValue(type.ofType, r, depth + 1)).join(', ')}]`;
  if (isEnumType(type)) return r.chance(0.85) ? r.pick((type as GraphQLEnumType).getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(type)) {
    if (depth > 2) return '{}';
    const fields = Object.values((type as GraphQLInputObjectType).getFields()).filter(() => r.chance(0.5));
    return `{ ${fields.map((f) => `${f.name}: ${argValue(f.type, r, depth + 1)}`).join(', ')} }`;
  }
  switch (getNamedType(type).name) {
    case 'Int': return literal(r.pick(INTS));
    case 'Float': return literal(r.pick(FLOATS));
    case 'Boolean': return r.chance(0.5) ? 'true' : 'false';
    default: return literal(r.pick(HOSTILE_STRINGS));
  }
}

function selection(type: GraphQLObjectType | GraphQLInterfaceType, r: Random, depth: number, schema: GraphQLSchema): string {
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const chosen = Array.from({ length: r.int(1, 4) }, () => r.pick(fields));
  const parts = chosen.map((field) => {
    const args = field.args.filter((a) => isNonNullType(a.type) || r.chance(0.4)).map((a) => `${a.name}: ${argValue(a.type, r)}`);
    const head = `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
    const named = getNamedType(field.type);
    if (isLeafType(named)) return head;
    if (isUnionType(named) || depth <= 0) return `${head} { __typename }`;
    const inner = selection(named as GraphQLObjectType, r, depth - 1, schema);
    if (isInterfaceType(named) && r.chance(0.5)) {
      const impl = r.pick(schema.getPossibleTypes(named));
      return `${head} { __typename ... on ${impl.name} { ${selection(impl, r, depth - 1, schema)} } }`;
    }
    return `${head} { ${inner} }`;
  });
  // Several picks of one field with different arguments would conflict; alias them apart.
  return parts.map((p, i) => `f${i}: ${p}`).join(' ');
}

const json = (body: unknown) => JSON.stringify(body);
const post = (category: string, body: string | Buffer, contentType = 'application/json'): HostileRequest => ({
  category, method: 'POST', path: '/graphql', headers: { 'content-type': contentType }, body,
});
const gql = (category: string, query: string, variables?: unknown) => post(category, json({ query, variables }));

export function generate(schema: GraphQLSchema, seed: number, perCategory: Record<string, number>): HostileRequest[] {
  const r = random(seed);
  const query = schema.getQueryType()!;
  const out: HostileRequest[] = [];
  const times = (n: number, make: () => HostileRequest) => Array.from({ length: n }, make).forEach((x) => out.push(x));

  times(perCategory['valid-random'] ?? 0, () => gql('valid-random', `{ ${selection(query, r, r.int(1, 3), schema)} }`));

  times(perCategory['hostile-variables'] ?? 0, () => {
    const text = r.pick(HOSTILE_STRINGS);
    const forms = [
      ['query($t: String!) { search(text: $t) { score entity { id name } } }', { t: text }],
      ['query($n: String) { strategy(name: $n) { id name } project(name: $n) { id } district(name: $n) { id } }', { n: text }],
      ['query($id: ID!) { node(id: $id) { id } neighborhood(id: $id) { truncated } }', { id: text }],
      ['query($f: ProjectFilter) { projects(first: 5, filter: $f) { totalCount } }', { f: { nameContains: text, district: r.chance(0.5) ? text : undefined } }],
      ['query($a: String) { strategies(first: 2, after: $a) { totalCount } }', { a: text }],
      ['query($n: Int) { projects(first: $n) { totalCount } }', { n: r.pick([...INTS, 1.5, '5', null, [], {}]) }],
      ['query($t: String!) { search(text: $t) { score } }', { t: r.pick([null, 5, [text], { $ne: 1 }, true]) }],
      ['query($t: String!) { glossaryTerm(term: $t) { number } }', { t: 'x'.repeat(r.int(100_000, 900_000)) }],
    ] as const;
    const [q, v] = r.pick(forms);
    return gql('hostile-variables', q, v);
  });

  const invalid = [
    '{', '}', '{ strategy(name: "东核" { name }', '{ nope }', '{ strategy(name: 5) { name } }', '{ projects(first: "ten") { totalCount } }',
    'mutation { deleteEverything }', 'subscription { ticks }', '{ __schema { types { name } } } { x }', 'fragment A on Query { ...A } { ...A }',
    '{ strategy(name: "东核") @nope { name } }', 'query($x: Int = "a") { glossary { number } }', '{ glossary { number } } query Q { documents { id } }',
    '{ strategy(name: "\\uD800") { id } }', '\u0000{ glossary { number } }', '{ glossary(first: 1) { number } }', 'query { ...on Strategy { id } }',
    '{ "a": 1 }', 'SELECT * FROM nodes', 'MATCH (n) DETACH DELETE n', '{ node(id: null) { id } }', '{ strategy(name: """' + 'x'.repeat(1000) + '""") { id } }',
  ];
  times(perCategory.invalid ?? 0, () => {
    const base = r.pick(invalid);
    // Mutate: drop, duplicate or swap a character now and then.
    if (r.chance(0.5) && base.length > 2) {
      const i = r.int(0, base.length - 1);
      const ops = [base.slice(0, i) + base.slice(i + 1), base.slice(0, i) + base[i] + base.slice(i), base.slice(0, i) + r.pick(['{', '}', '(', '"', '$', '@', '…']) + base.slice(i + 1)];
      return gql('invalid', r.pick(ops));
    }
    return gql('invalid', base);
  });

  times(perCategory['deep-wide'] ?? 0, () => {
    const kind = r.int(0, 3);
    if (kind === 0) {
      const n = r.int(16, 300);
      return gql('deep-wide', `{ strategy(name: "东核") { ${'partOf { '.repeat(n)}name${' }'.repeat(n)} } }`);
    }
    if (kind === 1) {
      const n = r.int(3, 8);
      return gql('deep-wide', `{ strategies(first: 500) { edges { node { ${'parts { projects(first: 500) { edges { node { strategies { '.repeat(n)}name${' } } } } }'.repeat(n)} } } } }`);
    }
    if (kind === 2) return gql('deep-wide', `{ glossary { ${'number term definition '.repeat(r.int(100, 3000))} } }`);
    return gql('deep-wide', `{ ${'documents { sections { children { children { passages(first: 500) { edges { node { mentions { name } } } } } } } } '.repeat(r.int(1, 40))} }`);
  });

  times(perCategory['alias-flood'] ?? 0, () => {
    const n = r.int(31, 3000);
    const field = r.pick(['projects(first: 500) { edges { node { name } } }', 'glossary { number }', 'documents { id }', '__typename', 'search(text: "深圳") { score }']);
    return gql('alias-flood', `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`);
  });

  times(perCategory['oversized-malformed'] ?? 0, () => {
    const kind = r.int(0, 9);
    switch (kind) {
      case 0: return post('oversized-malformed', json({ query: '{ glossary { number } }', variables: { pad: 'x'.repeat(r.int(1_000_001, 6_000_000)) } }));
      case 1: return post('oversized-malformed', '{"query": "{ glossary { number } }"'.slice(0, r.int(1, 30)));
      case 2: return post('oversized-malformed', Buffer.from(Array.from({ length: r.int(1, 5000) }, () => r.int(0, 255))));
      case 3: return post('oversized-malformed', json(r.pick([{ query: 123 }, { query: null }, { query: ['{ glossary { number } }'] }, { variables: 'x' }, 5, 'text', null, { query: '{ glossary { number } }', variables: [1] }, { query: '{ glossary { number } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }])));
      case 4: return post('oversized-malformed', '['.repeat(r.int(1000, 200_000)));
      case 5: return post('oversized-malformed', '{"__proto__": {"polluted": true}, "query": "{ glossary { number } }"}');
      case 6: return post('oversized-malformed', '{"constructor": {"prototype": {"polluted": true}}, "query": "{ documents { id } }"}');
      case 7: return post('oversized-malformed', '');
      case 8: return post('oversized-malformed', json({ query: '{ glossary { number } }' }).replace('{', '\uFEFF{'));
      default: return post('oversized-malformed', `{"query": "${'\\u0000'.repeat(r.int(1, 5000))}"}`);
    }
  });

  times(perCategory.batches ?? 0, () => {
    const n = r.pick([0, 1, 2, 3, 10, 100, 1000]);
    const ops = Array.from({ length: n }, () => ({ query: r.pick(['{ glossary { number } }', '{ documents { id } }', 'mutation { x }', '{']) }));
    return post('batches', json(r.chance(0.1) ? [ops] : ops));
  });

  times(perCategory['methods-content-types'] ?? 0, () => {
    const body = json({ query: '{ glossary { number } }' });
    const variants: HostileRequest[] = [
      { category: '', method: r.pick(['PUT', 'DELETE', 'PATCH']), path: '/graphql', headers: { 'content-type': 'application/json' }, body },
      { category: '', method: 'OPTIONS', path: '/graphql', headers: { origin: r.pick(['https://evil.example', 'http://localhost:3000', 'null']), 'access-control-request-method': 'POST' } },
      { category: '', method: 'HEAD', path: '/graphql', headers: {} },
      { category: '', method: 'POST', path: '/graphql', headers: { 'content-type': r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql', 'application/xml', 'application/json; charset=latin1', '']) }, body },
      { category: '', method: 'GET', path: `/graphql?query=${encodeURIComponent(r.pick(['mutation { x }', '{ glossary { number } }', '{', '{ search(text: "深圳") { score } }']))}`, headers: r.chance(0.5) ? { 'apollo-require-preflight': 'true' } : {} },
      { category: '', method: 'GET', path: `/graphql?query=${encodeURIComponent('{ documents { id } }')}&variables=${encodeURIComponent(r.pick(['{', '[1]', '"x"', '{"a":1}']))}`, headers: { 'apollo-require-preflight': 'true' } },
      { category: '', method: 'GET', path: r.pick(['/playground/../package.json', '/playground/%2e%2e/package.json', '/playground/graphiql.min.js.map', '/%00', '/health?x=' + 'y'.repeat(1000), '/metrics', '/.env', '/graphql/../health', '/' + encodeURIComponent('龙'.repeat(200))]), headers: {} },
      { category: '', method: 'POST', path: '/health', headers: { 'content-type': 'application/json' }, body },
    ];
    return { ...r.pick(variants), category: 'methods-content-types' };
  });
  return out;
}
