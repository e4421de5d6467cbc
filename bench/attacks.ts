import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';

/**
 * The attacks of issue 16, each at the size that hurt, as requests to send and what a bounded server answers.
 * Used by test/integration/hostile/attacks.test.ts (against a test server) and by `npm run attacks -- <url> [pid]`
 * (against any running server: the table in the closing note and docs/deploy.md, with /health latency measured
 * all along and the server's RSS when its pid is given).
 */

export interface Attack {
  name: string;
  /** GraphQL bodies sent at once (POST /graphql); a string is sent as it is. */
  bodies: unknown[];
  /** Codes that count as a refusal; an answer without errors counts as bounded. */
  refusedWith: string[];
  /** Seconds within which every answer must come (the issue: 2 s for fragment fan-out, 5 s for the rest). */
  withinMs: number;
}

/** n fragments, each spreading the next `fan` times, the last asking for `tail`: fan^n fields when expanded. */
export function fanOut(n: number, fan: number, tail = 'name'): string {
  const spreads = (i: number) => Array.from({ length: fan }, () => `...F${i + 1}`).join(' ');
  const fragments = Array.from({ length: n }, (_, i) => `fragment F${i} on District { ${i === n - 1 ? tail : `parent { ${spreads(i)} }`} }`);
  return `{ district(id: "district:longgang") { ...F0 } } ${fragments.join(' ')}`;
}

const nest = (levels: number, down: string, up: string, leaf: string) => `${`${down} { ${up} { `.repeat(levels)}${leaf}${' } }'.repeat(levels)}`;
const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

export const ATTACKS: Attack[] = [
  { name: 'fragment fan-out 2^20 (20 fragments, 2 spreads each)', bodies: [{ query: fanOut(20, 2) }], refusedWith: ['QUERY_LIMIT_EXCEEDED'], withinMs: 2_000 },
  { name: 'fragment fan-out 8^12 (12 fragments, 8 spreads each)', bodies: [{ query: fanOut(12, 8) }], refusedWith: ['QUERY_LIMIT_EXCEEDED'], withinMs: 2_000 },
  { name: 'fragment fan-out 8^14 (112 spreads)', bodies: [{ query: fanOut(14, 8) }], refusedWith: ['QUERY_LIMIT_EXCEEDED'], withinMs: 2_000 },
  {
    name: 'cost bypass: 500 inside 500 plus 15 tiny fragments',
    bodies: [{
      query: `{ strategies(first: 500) { edges { node { projects(first: 500) { edges { node { name ...T0 } } } } } } } ${Array.from({ length: 15 }, (_, i) => `fragment T${i} on Project { id ${i < 14 ? `...T${i + 1}` : ''} }`).join(' ')}`,
    }],
    refusedWith: ['QUERY_LIMIT_EXCEEDED'],
    withinMs: 2_000,
  },
  {
    name: 'unpaged nesting: District.children/parent 4 levels',
    bodies: [{ query: `{ district(id: "district:longgang") { ${nest(4, 'children', 'parent', 'children { name }')} } }` }],
    refusedWith: ['QUERY_LIMIT_EXCEEDED'],
    withinMs: 5_000,
  },
  {
    name: 'unpaged nesting: District.children/parent 5 levels',
    bodies: [{ query: `{ district(id: "district:longgang") { ${nest(5, 'children', 'parent', 'children { name }')} } }` }],
    refusedWith: ['QUERY_LIMIT_EXCEEDED'],
    withinMs: 5_000,
  },
  {
    name: 'unpaged nesting: District.indicators/measures 3 levels',
    bodies: [{ query: `{ district(id: "district:longgang") { ${nest(3, 'indicators', 'measures', '__typename').replace(/measures \{ /g, 'measures { ... on District { ').replace(/ \} \}/g, ' } } }')} } }` }],
    refusedWith: ['QUERY_LIMIT_EXCEEDED', 'GRAPHQL_VALIDATION_FAILED'],
    withinMs: 5_000,
  },
  {
    name: 'unpaged nesting: Section.passages/mentions, Passage.mentions',
    bodies: [{ query: '{ documents { sections { children { children { passages { mentions { __typename ... on Project { mentions(first: 500) { edges { node { mentions { id } } } } } } } } } } } }' }],
    refusedWith: ['QUERY_LIMIT_EXCEEDED'],
    withinMs: 5_000,
  },
  {
    name: 'neighborhood of the root, every edge with its evidence',
    bodies: [{ query: '{ neighborhood(id: "district:longgang", depth: 2) { nodes { id } edges { type evidence { quote } } } }' }],
    refusedWith: ['QUERY_LIMIT_EXCEEDED'],
    withinMs: 5_000,
  },
  { name: 'passages(text:) with a 900 KB text', bodies: [{ query: 'query($t: String!) { passages(text: $t) { totalCount } }', variables: { t: '数'.repeat(300_000) } }], refusedWith: ['BAD_USER_INPUT', 'QUERY_LIMIT_EXCEEDED', 'PAYLOAD_TOO_LARGE'], withinMs: 5_000 },
  { name: 'passages(text:) with a 201-character literal', bodies: [{ query: `{ passages(text: "${'数'.repeat(201)}") { totalCount } }` }], refusedWith: ['BAD_USER_INPUT'], withinMs: 5_000 },
  { name: 'coMentions with 101 ids', bodies: [{ query: 'query($ids: [ID!]!) { coMentions(ids: $ids) { totalCount } }', variables: { ids: Array.from({ length: 101 }, (_, i) => `p${i}`) } }], refusedWith: ['BAD_USER_INPUT'], withinMs: 5_000 },
  {
    name: '8 concurrent paths(maxHops: 6, k: 5) between hubs',
    bodies: [['一芯两核多支点', '龙岗区'], ['低碳智造核', '坂田街道'], ['深圳国际低碳城', '信息数字核'], ['湾东智芯', '多支点'], ['龙岗区', '低碳智造核'], ['信息数字核', '坂田街道'], ['多支点', '深圳国际低碳城'], ['湾东智芯', '龙岗区']]
      .map(([from, to]) => ({ query: 'query($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6, k: 5) { paths { length } } }', variables: { from, to } })),
    refusedWith: ['SERVER_BUSY', 'QUERY_TIMEOUT'],
    withinMs: 5_000,
  },
  {
    name: 'variables 5,000 levels deep',
    // Sent as text: JSON.stringify itself overflows the stack on a value this deep.
    bodies: [`{"query": "query($f: ProjectFilter) { projects(filter: $f) { totalCount } }", "variables": {"f": ${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}}}`],
    refusedWith: ['QUERY_LIMIT_EXCEEDED', 'BAD_REQUEST'],
    withinMs: 5_000,
  },
  { name: 'cursor pg:1e300', bodies: [{ query: `{ projects(after: "${cursor('pg:1e300')}") { totalCount } }` }], refusedWith: ['BAD_USER_INPUT'], withinMs: 5_000 },
  { name: 'cursor past the end (pg:100000)', bodies: [{ query: `{ projects(after: "${cursor('pg:100000')}") { totalCount } }` }], refusedWith: ['BAD_USER_INPUT'], withinMs: 5_000 },
  {
    // Query.ask runs a GraphQL operation of its own: its question is bounded (200 characters), and so is what it asks.
    name: '16 concurrent asks of 200 characters packed with names and cues',
    bodies: Array.from({ length: 16 }, (_, i) => ({
      query: 'query($q: String!) { ask(question: $q) { confidence items { name evidence { quote } } } }',
      variables: { q: `${i}哪些项目服务于低碳智造核、信息数字核、湾东智芯、多支点,位于坂田街道、平湖街道、宝龙街道,2022年和2023年的进展、目标和增长如何,它们之间有什么联系,哪个街道项目最多?`.repeat(3).slice(0, 200) },
    })),
    refusedWith: ['SERVER_BUSY', 'QUERY_TIMEOUT'],
    withinMs: 5_000,
  },
  { name: '31 aliased __schema walks', bodies: [{ query: `{ ${Array.from({ length: 31 }, (_, i) => `s${i}: __schema { types { fields { args { name } } } }`).join(' ')} }` }], refusedWith: ['QUERY_LIMIT_EXCEEDED'], withinMs: 5_000 },
];

export interface AttackOutcome {
  name: string;
  requests: number;
  refused: number;
  answered: number;
  /** Answers that were neither a refusal with an expected code nor an answer without errors. */
  unexpected: string[];
  worstMs: number;
}

export function post(url: string, body: unknown, timeoutMs = 120_000): Promise<{ status: number; ms: number; text: string }> {
  const started = Date.now();
  const data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const target = new URL('/graphql', url);
  return new Promise((resolve) => {
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('no answer')));
    req.on('error', (err) => resolve({ status: 0, ms: Date.now() - started, text: `no answer: ${err.message}` }));
    req.end(data);
  });
}

export async function runAttack(url: string, attack: Attack, timeoutMs?: number): Promise<AttackOutcome> {
  const answers = await Promise.all(attack.bodies.map((b) => post(url, b, timeoutMs)));
  const outcome: AttackOutcome = { name: attack.name, requests: answers.length, refused: 0, answered: 0, unexpected: [], worstMs: 0 };
  for (const a of answers) {
    outcome.worstMs = Math.max(outcome.worstMs, a.ms);
    let codes: string[] = [];
    try {
      codes = ((JSON.parse(a.text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => String(e.extensions?.code));
    } catch {
      outcome.unexpected.push(`${a.status} ${a.text.slice(0, 120)}`);
      continue;
    }
    if (codes.length === 0 && a.status === 200) outcome.answered += 1;
    else if (codes.length > 0 && codes.every((c) => attack.refusedWith.includes(c))) outcome.refused += 1;
    else outcome.unexpected.push(`${a.status} ${codes.join(',')} ${a.text.slice(0, 160)}`);
  }
  return outcome;
}

/** GET /health every `everyMs` until stopped: the worst and the 99th-percentile latency seen. */
export function probeHealth(url: string, everyMs = 100): { stop(): Promise<{ n: number; p99: number; worst: number; failures: number }> } {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const res = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status !== 200) failures += 1;
      } catch {
        failures += 1;
      }
      latencies.push(Date.now() - started);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      return { n: sorted.length, p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0, worst: sorted[sorted.length - 1] ?? 0, failures };
    },
  };
}

export function rssMiB(pid: number): number | null {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);
  } catch {
    return null;
  }
}

/**
 * `npm run attacks -- <url> [server pid] [skip regex]`: every attack in turn, one table (Markdown) on stdout. The
 * regex skips attacks by name (to measure an old server that some attacks hang for good, run those last, alone).
 */
async function main(): Promise<void> {
  const [url = 'http://localhost:4000', pidText, skip] = process.argv.slice(2);
  const pid = pidText && pidText !== '-' ? Number(pidText) : null;
  const skipped = skip ? new RegExp(skip) : null;
  const rows: string[] = ['| attack | requests | refused | answered | unexpected | worst answer | worst /health | RSS after |', '|---|---:|---:|---:|---|---:|---:|---:|'];
  let peakRss = pid ? rssMiB(pid) ?? 0 : 0;
  for (const attack of ATTACKS.filter((a) => !skipped?.test(a.name))) {
    const probe = probeHealth(url);
    const outcome = await runAttack(url, attack, 60_000);
    const health = await probe.stop();
    const rss = pid ? rssMiB(pid) : null;
    peakRss = Math.max(peakRss, rss ?? 0);
    rows.push(`| ${attack.name} | ${outcome.requests} | ${outcome.refused} | ${outcome.answered} | ${outcome.unexpected.map((u) => u.slice(0, 60).replace(/\|/g, '/')).join('; ') || '—'} | ${outcome.worstMs} ms | ${health.worst} ms${health.failures ? ` (${health.failures} failed)` : ''} | ${rss ?? '—'} MiB |`);
    console.error(rows[rows.length - 1]);
  }
  console.log(rows.join('\n'));
  if (pid) console.log(`\npeak RSS seen: ${peakRss} MiB`);
}

if (require.main === module) main().catch((err) => {
  console.error(err);
  process.exit(1);
});
