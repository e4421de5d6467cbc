import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from '../src/paths';
import { log } from '../src/run';
import { rssMiB } from './attacks';

/**
 * `npm run soak` (not in CI): 60 s at 32 concurrent clients of a varied, non-hostile mix — project details, district
 * lists, entity search, sentence search, paths between random projects — against the server in a child process
 * served as `npm start` serves it. The goals (issue 16): no errors, no request over 5 s, and the server's resident
 * memory level over the last 30 s. Writes docs/soak.md. Environment: as `npm start` (NEO4J_URI, or an embedded
 * Neo4j with PLANGRAPH_NEO4J_BOLT_PORT/PLANGRAPH_DATA_DIR); SOAK_SECONDS, SOAK_WARMUP_SECONDS and SOAK_CONNECTIONS
 * override the load.
 */

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
/**
 * Load before the measured window, not counted: the caches (result cache by entries and bytes, response cache by
 * bytes and a 60 s age) fill and start evicting, so the window shows the steady state, where memory must be level.
 */
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 32);
/** Distinct requests in the rotation: enough that most are answered by Neo4j, not from the caches. */
const MIX_SIZE = 3_000;
const HEADERS = { 'content-type': 'application/json' };
const SEARCH_TERMS = ['数字', '产业', '学校', '医院', '低碳', '交通', '养老', '文化', '科技', '人才', '住房', '公园', '改革', '创新', '街道', '项目'];

/** A small seeded generator: the same mix on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

async function gql(url: string, query: string): Promise<any> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function mix(url: string): Promise<{ kind: string; query: string }[]> {
  const projects: string[] = (await gql(url, '{ projects(first: 500) { edges { node { id } } } }')).projects.edges.map((e: any) => e.node.id);
  const districts: string[] = (await gql(url, '{ districts(first: 100) { edges { node { id } } } }')).districts.edges.map((e: any) => e.node.id);
  const next = random(20_261_203);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const kinds: [string, () => string][] = [
    ['project', () => `{ project(id: "${pick(projects)}") { name category aliases evidence { quote } districts { basis node { name } } strategies { basis node { name } } timeline { year stage evidence { quote } } } }`],
    ['district', () => `{ district(id: "${pick(districts)}") { name children { name } projects(first: ${10 + Math.floor(next() * 40)}) { totalCount edges { node { name category } } } } }`],
    ['search', () => `{ search(text: "${pick(SEARCH_TERMS)}", first: ${5 + Math.floor(next() * 20)}) { matchedName entity { __typename id name } } }`],
    ['passages', () => `{ passages(text: "${pick(SEARCH_TERMS)}", first: ${5 + Math.floor(next() * 20)}) { totalCount edges { sectionPathText node { text } } } }`],
    ['paths', () => `{ paths(from: "${pick(projects)}", to: "${pick(projects)}", maxHops: ${3 + Math.floor(next() * 3)}, k: ${1 + Math.floor(next() * 3)}) { found paths { length nodes { name } } } }`],
  ];
  return Array.from({ length: MIX_SIZE }, () => {
    const [kind, make] = pick(kinds);
    return { kind, query: make() };
  });
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('error', reject);
  });
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/bench/soak-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise<{ url: string; pid: number; jvmPid: number | null }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = /^SOAK (.+)$/m.exec(out);
      if (line) resolve(JSON.parse(line[1]));
    });
    child.once('exit', (code) => reject(new Error(`the soak server exited (${code}):\n${out}`)));
  });
  try {
    const requests = await mix(info.url);
    const counts = new Map<string, number>();
    for (const r of requests) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    const payloads = requests.map((r) => ({ method: 'POST' as const, path: '/graphql', headers: HEADERS, body: JSON.stringify({ query: r.query }) }));
    if (WARMUP_SECONDS > 0) {
      log(`soak: warming up for ${WARMUP_SECONDS} s (not counted)…`);
      await run({ url: `${info.url}/graphql`, connections: CONNECTIONS, duration: WARMUP_SECONDS, timeout: 30, requests: payloads });
    }
    const memory: { second: number; server: number | null; jvm: number | null }[] = [];
    const started = Date.now();
    const sample = () => memory.push({ second: Math.round((Date.now() - started) / 1000), server: rssMiB(info.pid), jvm: info.jvmPid ? rssMiB(info.jvmPid) : null });
    sample();
    const sampler = setInterval(sample, 5_000);
    log(`soak: ${SECONDS} s, ${CONNECTIONS} clients, ${requests.length} distinct requests (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')})…`);
    const errorCodes = new Map<string, number>();
    const soak = await run({
      url: `${info.url}/graphql`, connections: CONNECTIONS, duration: SECONDS, timeout: 30,
      requests: payloads,
      setupClient: (client) => client.on('body', (b: Buffer) => {
        if (!b.includes('"errors"')) return;
        for (const m of b.toString('utf8').matchAll(/"code":"([A-Z_]+)"/g)) errorCodes.set(m[1], (errorCodes.get(m[1]) ?? 0) + 1);
      }),
    });
    clearInterval(sampler);
    sample();
    const graphqlErrors = [...errorCodes.values()].reduce((a, b) => a + b, 0);
    const errors = soak.errors + soak.timeouts + soak.non2xx + graphqlErrors;
    // Level: the garbage collector makes RSS swing by tens of MiB, so "level" is no growth past those swings: the
    // highest reading of the last 30 s is within 10 % of the highest of the first 30 s (the caches, bounded by
    // bytes, are full after the warm-up, so a rise beyond that would be a leak).
    const last = memory.filter((m) => m.second >= SECONDS - 30).map((m) => m.server ?? 0);
    const first = memory.filter((m) => m.second <= 30).map((m) => m.server ?? 0);
    const level = last.length > 0 && first.length > 0 && Math.max(...last) <= 1.1 * Math.max(...first);
    const goals = [
      `errors: ${errors} (goal 0) — ${errors === 0 ? 'met' : 'MISSED'}`,
      `slowest request: ${soak.latency.max} ms (goal ≤ 5000) — ${soak.latency.max <= 5_000 ? 'met' : 'MISSED'}`,
      `server RSS: ${Math.min(...first)}–${Math.max(...first)} MiB in the first 30 s, ${Math.min(...last)}–${Math.max(...last)} MiB in the last 30 s (goal: level, the last peak within 10 % of the first) — ${level ? 'met' : 'MISSED'}`,
    ];
    const doc = [
      '# Soak',
      '',
      `Generated by \`npm run soak\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (Node ${process.version}). Not part of CI.`,
      'The machine is shared (2 cores, other work running), so absolute numbers vary from run to run.',
      '',
      `## ${SECONDS} s at ${CONNECTIONS} concurrent clients, a varied mix (after ${WARMUP_SECONDS} s of the same load, not counted)`,
      '',
      `${requests.length} distinct requests in rotation (seeded): ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')} — project details, district`,
      'pages, entity search, sentence search and paths between random projects (bench/soak.ts). The server is served as `npm start`',
      'serves it (default limits, result and response caches), in its own process.',
      '',
      '| requests | req/s | errors | p50 | p90 | p99 | max |',
      '|---|---|---|---|---|---|---|',
      `| ${soak.requests.total} | ${soak.requests.average.toFixed(1)} | ${errors} (transport ${soak.errors}, timeouts ${soak.timeouts}, non-2xx ${soak.non2xx}, GraphQL ${graphqlErrors}${errorCodes.size ? `: ${[...errorCodes].map(([c, n]) => `${c} ${n}`).join(', ')}` : ''}) | ${soak.latency.p50} ms | ${soak.latency.p90} ms | ${soak.latency.p99} ms | ${soak.latency.max} ms |`,
      '',
      'Goals:',
      '',
      ...goals.map((g) => `- ${g}`),
      '',
      'Resident memory (MiB), every 5 s:',
      '',
      '| second | PlanGraph server | Neo4j JVM |',
      '|---|---|---|',
      ...memory.map((m) => `| ${m.second} | ${m.server ?? 'n/a'} | ${m.jvm ?? 'n/a (external Neo4j)'} |`),
      '',
    ].join('\n');
    writeFileSync(join(ROOT, 'docs/soak.md'), doc);
    console.log(doc);
    log('wrote docs/soak.md');
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
