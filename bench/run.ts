import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { formatReport, loadGraph } from '../src/graph/load';
import { createDriver } from '../src/neo4j/connect';
import { Cypher } from '../src/neo4j/cypher';
import { startEmbeddedNeo4j, EmbeddedNeo4j } from '../src/neo4j/embedded';
import { applyDatabaseSchema } from '../src/neo4j/database-schema';
import { ROOT } from '../src/paths';
import { chartSvg } from './chart';
import { mix, MixQuery } from './mix';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql';
import { freePort } from '../test/helpers/ports';
import { cpuSeconds, rssMiB } from './proc';
import { generateScale, ScaleReport } from './scale';
import { Kind, KINDS } from './server';

/**
 * `npm run bench [-- --quick | --scale N | --duration S --repeats R | --queries hub,wide --servers plangraph-nocache,neo4j-graphql]`
 *
 * One run serves the same graph four ways, each server in its own process on one scratch Neo4j:
 *   plangraph          PlanGraph as shipped (batching, look-ahead, response and result caches)
 *   plangraph-nocache  the same with both caches off
 *   neo4j-graphql      the Neo4j GraphQL Library 7 (bench/neo4j-graphql.ts)
 *   unbatched          PlanGraph with DataLoader batching, look-ahead and the caches off: the N+1 floor
 * Every answer of the mix is checked equal across the four before anything is timed. Then autocannon loads each
 * (query, server) at 1, 8 and 32 clients, servers alternated, the whole sweep repeated; the tables report medians
 * and ratios from this one run. Writes docs/benchmarks.md and docs/benchmarks.svg (not with --quick or --scale).
 */

const log = (line: string) => console.log(`[bench] ${line}`);
const ANALYSIS_MARKER = '<!-- Everything below is written by hand and kept when npm run bench rewrites the tables above. -->';

interface Args {
  quick: boolean;
  scale: number;
  duration: number;
  repeats: number;
  levels: number[];
  profile: boolean;
  /** Requests per (query, server, clients) instead of a fixed duration; used at scale, where one request may outlast a window. */
  amount: number;
  /** Development runs: only these queries / servers (the docs are not rewritten then). */
  queries: string[] | null;
  servers: Kind[] | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, scale: 1, duration: 3, repeats: 2, levels: [1, 8, 32], profile: false, amount: 0, queries: null, servers: null };
  const given = new Set(argv);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--profile') args.profile = true;
    else if (a === '--scale') args.scale = Number(argv[++i]);
    else if (a === '--duration') args.duration = Number(argv[++i]);
    else if (a === '--repeats') args.repeats = Number(argv[++i]);
    else if (a === '--levels') args.levels = argv[++i].split(',').map(Number);
    else if (a === '--amount') args.amount = Number(argv[++i]);
    else if (a === '--queries') args.queries = argv[++i].split(',');
    else if (a === '--servers') args.servers = argv[++i].split(',') as Kind[];
    else throw new Error(`unknown argument ${a}; use --quick, --scale N, --duration S, --repeats R, --levels 1,8,32, --profile, --queries hub,wide, --servers ${KINDS.join(',')}`);
  }
  if (!Number.isInteger(args.scale) || args.scale < 1) throw new Error('--scale takes a whole number ≥ 1 (10, 100, 1000)');
  const unknown = (args.servers ?? []).filter((k) => !KINDS.includes(k));
  if (unknown.length) throw new Error(`unknown server ${unknown.join(', ')}; the servers are ${KINDS.join(', ')}`);
  // At scale: a fixed number of requests per cell, one client unless told otherwise, one repeat.
  if (args.scale > 1) {
    if (!given.has('--amount')) args.amount = 6;
    if (!given.has('--levels')) args.levels = [1];
    if (!given.has('--repeats')) args.repeats = 1;
  }
  return args;
}

const NAMES: Record<Kind, string> = {
  plangraph: 'PlanGraph',
  'plangraph-nocache': 'PlanGraph, cache off',
  'neo4j-graphql': '@neo4j/graphql 7',
  unbatched: 'PlanGraph, batching off',
};
const COLORS: Record<Kind, string> = { plangraph: '#1f77b4', 'plangraph-nocache': '#17becf', 'neo4j-graphql': '#d62728', unbatched: '#999999' };

interface Server {
  kind: Kind;
  url: string;
  process: ChildProcess;
}

function startServer(kind: Kind, db: Database, profileDir?: string): Promise<Server> {
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${kind}.cpuprofile`] : [];
  // The password in the environment (readable by this user only), not in the arguments (readable by every user).
  const child = spawn(process.execPath, [...nodeArgs, join(__dirname, 'server.js'), kind, db.uri], {
    stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PLANGRAPH_BENCH_NEO4J_PASSWORD: db.password ?? '' },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve({ kind, url: m[1], process: child });
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited (${code}) before it was ready`)));
  });
}

async function stopServer(s: Server): Promise<void> {
  const exited = new Promise((r) => s.process.once('exit', r));
  s.process.stdin!.end();
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (s.process.exitCode === null) s.process.kill('SIGKILL');
}

async function post(url: string, query: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as any;
  if (res.status !== 200 || body.errors) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body;
}

/** Asks every server every query; throws unless the reduced answers are identical. Returns round trips per request. */
async function checkAnswers(servers: Server[], queries: MixQuery[]): Promise<Record<string, Partial<Record<Kind, string>>>> {
  const trips: Record<string, Partial<Record<Kind, string>>> = {};
  for (const q of queries) {
    trips[q.key] = {};
    let expected: string | undefined;
    for (const s of servers) {
      const body = await post(s.url, s.kind === 'neo4j-graphql' ? q.neo4jGraphql : q.plangraph);
      const reduced = JSON.stringify(s.kind === 'neo4j-graphql' ? q.sameNeo4jGraphql(body.data) : q.samePlangraph(body.data));
      if (expected === undefined) expected = reduced;
      else if (reduced !== expected) {
        let at = 0;
        while (at < expected.length && expected[at] === reduced[at]) at++;
        const around = (x: string) => x.slice(Math.max(0, at - 300), at + 300);
        throw new Error(`answers differ for "${q.key}" at character ${at}: ${servers[0].kind} gave\n  …${around(expected)}…\nbut ${s.kind} gave\n  …${around(reduced)}…`);
      }
      // The peer compiles each request into one statement.
      const p = body.extensions?.plangraph;
      trips[q.key][s.kind] = s.kind === 'neo4j-graphql' ? '1 / 1' : `${p?.cypherStatements} / ${p?.cypherRoundTrips}`;
    }
    if (expected === '[]' || expected === 'null') throw new Error(`"${q.key}" has an empty answer: the check would prove nothing`);
  }
  return trips;
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  nodeCpu: number | null;
  jvmCpu: number | null;
}

async function load(s: Server, body: string | string[], connections: number, duration: number, jvmPid?: number, amount = 0): Promise<Measure> {
  const bodies = Array.isArray(body) ? body : [body];
  const cpu0 = [cpuSeconds(s.process.pid), cpuSeconds(jvmPid)];
  const started = Date.now();
  const result = await autocannon({
    url: s.url,
    connections,
    ...(amount ? { amount, timeout: 600 } : { duration }),
    requests: bodies.map((b) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: b })),
  });
  const elapsed = (Date.now() - started) / 1000;
  const cpu1 = [cpuSeconds(s.process.pid), cpuSeconds(jvmPid)];
  const delta = (i: number) => (cpu0[i] === null || cpu1[i] === null ? null : (cpu1[i]! - cpu0[i]!) / elapsed);
  return {
    rps: amount ? result.requests.total / elapsed : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
    nodeCpu: delta(0),
    jvmCpu: delta(1),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const geomean = (xs: number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toString() : '–');
const fx = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');

interface Database {
  uri: string;
  /** Neo4j's password (the embedded one's, of this start; PLANGRAPH_BENCH_NEO4J_PASSWORD's for an external one). */
  password?: string;
  pid?: number;
  neo4j?: EmbeddedNeo4j;
  dataDir?: string;
  loadReport?: string;
  loadRowsPerS?: number;
  loadMs?: number;
  scale?: ScaleReport;
}

async function openDatabase(args: Args): Promise<Database> {
  const external = process.env.PLANGRAPH_BENCH_NEO4J_URI;
  if (external && args.scale === 1) {
    log(`using the Neo4j at ${external} (it must hold the loaded graph)`);
    return { uri: external, password: process.env.PLANGRAPH_BENCH_NEO4J_PASSWORD || undefined, pid: Number(process.env.PLANGRAPH_BENCH_NEO4J_PID) || undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'plangraph-bench-'));
  
  const neo4j = await startEmbeddedNeo4j({
    dataDir, boltPort: await freePort(), heap: process.env.PLANGRAPH_NEO4J_HEAP ?? '1g', pageCache: process.env.PLANGRAPH_NEO4J_PAGECACHE ?? '256m',
    java: process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java', maven: process.env.PLANGRAPH_MVN ?? 'mvn', log,
  });
  const db: Database = { uri: neo4j.uri, password: neo4j.auth.password, pid: neo4j.pid, neo4j, dataDir };
  const driver = createDriver(neo4j.uri, neo4j.auth);
  try {
    const cypher = new Cypher(driver, 'neo4j', 600_000);
    await applyDatabaseSchema(cypher);
    const report = await loadGraph(cypher);
    // Nodes and relationships as Neo4j counts them (the report counts an entity once per label).
    const [size] = await cypher.read<{ nodes: number; relationships: number }>('read/graph-size');
    const rows = size.nodes + size.relationships;
    db.loadReport = formatReport(report);
    db.loadMs = report.ms;
    db.loadRowsPerS = rows / (report.ms / 1000);
    log(`real loader: ${rows} nodes + relationships in ${(report.ms / 1000).toFixed(1)} s = ${f0(db.loadRowsPerS)} rows/s`);
    if (args.scale > 1) db.scale = await generateScale(cypher, args.scale, log);
  } finally {
    await driver.close();
  }
  return db;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const db = await openDatabase(args);
  const profileDir = args.profile ? join(ROOT, 'bench/profiles') : undefined;
  const servers: Server[] = [];
  try {
    for (const kind of args.servers ?? KINDS) servers.push(await startServer(kind, db, profileDir));
    const all = mix();
    const queries = args.queries ? all.filter((q) => args.queries!.includes(q.key)) : all;
    if (!queries.length) throw new Error(`--queries names none of the mix: ${all.map((q) => q.key).join(', ')}`);
    const partial = queries.length < all.length || servers.length < KINDS.length;
    log(`checking that the ${servers.length} servers give the same answers to the ${queries.length} queries…`);
    const trips = await checkAnswers(servers, queries);
    log('all answers equal');
    for (const q of queries) log(`${q.key}: statements / round trips per request: ${servers.map((s) => `${s.kind} ${trips[q.key][s.kind]}`).join(', ')}`);
    const bodyOf = (s: Server, q: MixQuery) => JSON.stringify({ query: s.kind === 'neo4j-graphql' ? q.neo4jGraphql : q.plangraph });

    if (args.quick) {
      for (const s of servers) {
        const m = await load(s, queries.map((q) => bodyOf(s, q)), 8, 1, db.pid);
        log(`${NAMES[s.kind]}: whole mix, 8 clients, 1 s: ${f0(m.rps)} req/s, p99 ${m.p99} ms, ${m.errors} errors`);
        if (m.errors > 0) throw new Error(`${s.kind} had ${m.errors} errors under load`);
      }
      await checkAnswers(servers, queries);
      log(`quick bench passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      return;
    }

    // Warm-up: JIT, Neo4j's plan cache, the result cache.
    log('warming up…');
    for (const s of servers) {
      if (args.scale > 1 && s.kind === 'unbatched') continue;
      await load(s, queries.map((q) => bodyOf(s, q)), args.scale > 1 ? 1 : 8, 2, db.pid, args.scale > 1 ? queries.length : 0);
    }

    const runs: Record<string, Record<number, Partial<Record<Kind, Measure[]>>>> = {};
    for (let rep = 0; rep < args.repeats; rep++) {
      for (const c of args.levels) {
        for (const [qi, q] of queries.entries()) {
          // Alternate the order of servers between queries and repeats so none always runs first.
          const order = servers.map((_, i) => servers[(i + qi + rep) % servers.length]);
          for (const s of order) {
            // At scale the N+1 server is only checked for equal answers: timing it would take hours.
            if (args.scale > 1 && s.kind === 'unbatched') continue;
            const m = await load(s, bodyOf(s, q), c, args.duration, db.pid, args.amount);
            if (m.errors > 0) throw new Error(`${s.kind} had ${m.errors} errors on ${q.key} at ${c} clients`);
            ((runs[q.key] ??= {})[c] ??= {})[s.kind] = [...(runs[q.key][c][s.kind] ?? []), m];
          }
          const cell = (s: Server) => {
            const m = runs[q.key][c][s.kind]!.at(-1)!;
            // CPU per request (Node / JVM) is steadier than req/s on a shared machine: it counts work, not waiting.
            const perReq = (cores: number | null) => (cores === null ? '?' : f1((1000 * cores) / m.rps));
            return `${s.kind} ${f1(m.rps)} req/s p50 ${m.p50} p99 ${m.p99} ms, CPU ms/req ${perReq(m.nodeCpu)} node + ${perReq(m.jvmCpu)} jvm`;
          };
          log(`rep ${rep + 1}/${args.repeats}, ${c} clients, ${q.key}: ${order.filter((s) => runs[q.key][c][s.kind]).map(cell).join('; ')}`);
        }
      }
    }
    const memory = Object.fromEntries(servers.map((s) => [s.kind, rssMiB(s.process.pid)]));
    const jvmRss = rssMiB(db.pid);
    const doc = report(args, db, queries, runs, trips, memory, jvmRss, (Date.now() - started) / 1000);
    if (partial) {
      log('a partial run (--queries/--servers): the docs are left as they are');
    } else if (args.scale === 1) {
      // The hand-written analysis below the marker (profiles, what changed and why) survives a re-run.
      const file = join(ROOT, 'docs/benchmarks.md');
      const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const kept = previous.includes(ANALYSIS_MARKER) ? previous.slice(previous.indexOf(ANALYSIS_MARKER)) : `${ANALYSIS_MARKER}\n`;
      writeFileSync(file, `${doc.markdown}\n${kept}`);
      writeFileSync(join(ROOT, 'docs/benchmarks.svg'), doc.svg);
      log('wrote docs/benchmarks.md and docs/benchmarks.svg');
    } else {
      const out = join(ROOT, `docs/benchmarks-scale-${args.scale}.md`);
      writeFileSync(out, doc.markdown);
      log(`wrote ${out}`);
    }
    console.log(doc.summary);
  } finally {
    await Promise.all(servers.map(stopServer));
    if (db.neo4j) {
      await db.neo4j.stop();
      rmSync(db.dataDir!, { recursive: true, force: true });
    }
  }
}

function report(
  args: Args, db: Database, queries: MixQuery[], runs: Record<string, Record<number, Partial<Record<Kind, Measure[]>>>>,
  trips: Record<string, Partial<Record<Kind, string>>>, memory: Record<string, number | null>, jvmRss: number | null, seconds: number,
) {
  const med = (q: string, c: number, k: Kind, pick: (m: Measure) => number | null) => median((runs[q]?.[c]?.[k] ?? []).map(pick).filter((x): x is number => x !== null));
  const spread = (q: string, c: number, k: Kind) => {
    const xs = (runs[q]?.[c]?.[k] ?? []).map((m) => m.rps);
    return xs.length > 1 ? (Math.max(...xs) - Math.min(...xs)) / median(xs) : NaN;
  };
  const rps = (q: string, c: number, k: Kind) => med(q, c, k, (m) => m.rps);
  const lines: string[] = [];
  const summary: string[] = [];
  const ratioTable = (against: Kind, mine: Kind) => {
    lines.push(`| query | ${args.levels.map((c) => `${c} client${c > 1 ? 's' : ''}`).join(' | ')} |`, `|---|${args.levels.map(() => '---:').join('|')}|`);
    for (const q of queries) lines.push(`| ${q.title} | ${args.levels.map((c) => fx(rps(q.key, c, mine) / rps(q.key, c, against))).join(' | ')} |`);
    const gm = args.levels.map((c) => geomean(queries.map((q) => rps(q.key, c, mine) / rps(q.key, c, against))));
    lines.push(`| **geometric mean** | ${gm.map((g) => `**${fx(g)}**`).join(' | ')} |`, '');
    return gm;
  };
  lines.push(
    args.scale === 1 ? '# Benchmarks' : `# Benchmarks at synthetic scale ${args.scale}×`,
    '',
    `Generated by \`npm run bench${args.scale > 1 ? ` -- --scale ${args.scale}` : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${Math.round(seconds)} s:`,
    `Node ${process.version}, Neo4j 5.26 Community (embedded launcher, heap ${process.env.PLANGRAPH_NEO4J_HEAP ?? '1g'}, page cache ${process.env.PLANGRAPH_NEO4J_PAGECACHE ?? '256m'}),`,
    `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, shared with other work while it ran.`,
    '',
    'Method: one scratch Neo4j, loaded from fixtures/ by the real loader' + (args.scale > 1 ? ` and then grown ${args.scale}× by bench/scale.ts` : '') + ';',
    'four servers, each in its own Node process (so CPU and memory are its own): **PlanGraph** as shipped (response and result',
    'caches on), **PlanGraph with both caches off**, **@neo4j/graphql 7** (type definitions below) behind Apollo Server 5, and **PlanGraph with',
    'batching off** (one statement per object, no look-ahead, no cache: the N+1 floor). Before anything is timed every query of the mix is sent to',
    'all four and the answers, reduced to the same plain shape (bench/mix.ts), must be identical. Then autocannon (as a',
    `library, in the bench process) loads each (query, server) ${args.amount ? `with ${args.amount} requests` : `for ${args.duration} s`} at ${args.levels.join(', ')} client${args.levels.length > 1 || args.levels[0] > 1 ? 's' : ''}${args.scale > 1 ? ' (batching off is only checked for equal answers at scale, not timed)' : ''}, the order of servers`,
    `rotating between queries and repeats; the whole sweep ran ${args.repeats}×. Figures are medians of the repeats; ratios are`,
    'between servers in this one run, which is what the shared, noisy machine allows.',
    '',
    '![req/s by concurrency](benchmarks.svg)',
    '',
  );
  for (const [mine, against, label] of [
    ['plangraph', 'neo4j-graphql', 'PlanGraph ÷ @neo4j/graphql (req/s)'],
    ['plangraph-nocache', 'neo4j-graphql', 'PlanGraph with its caches off ÷ @neo4j/graphql (req/s)'],
    ['plangraph-nocache', 'unbatched', 'PlanGraph (cache off) ÷ PlanGraph with batching off (req/s)'],
    ['plangraph', 'unbatched', 'PlanGraph as shipped ÷ PlanGraph with batching off (req/s)'],
  ] as [Kind, Kind, string][]) {
    lines.push(`## ${label}`, '');
    const gm = ratioTable(against, mine);
    summary.push(`${label}: geometric mean ${args.levels.map((c, i) => `${c} clients ${fx(gm[i])}`).join(', ')}`);
  }
  lines.push('## Requests per second, p50 and p99 (ms) by server', '');
  lines.push(`| query | clients | ${KINDS.map((k) => NAMES[k]).join(' | ')} |`, `|---|---:|${KINDS.map(() => '---:').join('|')}|`);
  for (const q of queries) {
    for (const c of args.levels) {
      lines.push(`| ${q.key} | ${c} | ${KINDS.map((k) => `${f0(rps(q.key, c, k))} /s, ${f1(med(q.key, c, k, (m) => m.p50))} / ${f1(med(q.key, c, k, (m) => m.p99))}`).join(' | ')} |`);
    }
  }
  const top = args.levels[args.levels.length - 1];
  const worstP99 = Math.max(...queries.map((q) => med(q.key, top, 'plangraph', (m) => m.p99)));
  const worstP99NoCache = Math.max(...queries.map((q) => med(q.key, top, 'plangraph-nocache', (m) => m.p99)));
  summary.push(`PlanGraph worst p99 at ${top} clients: ${f1(worstP99)} ms (cache off: ${f1(worstP99NoCache)} ms)`);
  lines.push('', '## Cypher statements / round trips per request', '');
  lines.push(`| query | ${KINDS.map((k) => NAMES[k]).join(' | ')} |`, `|---|${KINDS.map(() => '---:').join('|')}|`);
  for (const q of queries) lines.push(`| ${q.key} | ${KINDS.map((k) => trips[q.key][k] ?? '–').join(' | ')} |`);
  lines.push('', 'Statements sent / times the request waited for Neo4j (statements of one tick run side by side, each in its own', 'auto-commit read). PlanGraph\'s count is its first (uncached) request; answered from a cache a request costs 0 / 0.', 'The peer compiles every request into one statement; PlanGraph fetches the shapes of the mix with look-ahead (docs/design.md).', '');
  lines.push(`## CPU (cores busy during the load, at ${top} clients) and memory`, '');
  lines.push(`| server | Node CPU | JVM CPU | Node share | Node RSS MiB |`, '|---|---:|---:|---:|---:|');
  for (const k of KINDS) {
    const node = median(queries.map((q) => med(q.key, top, k, (m) => m.nodeCpu)));
    const jvm = median(queries.map((q) => med(q.key, top, k, (m) => m.jvmCpu)));
    lines.push(`| ${NAMES[k]} | ${node.toFixed(2)} | ${jvm.toFixed(2)} | ${f0((100 * node) / (node + jvm))} % | ${memory[k] ?? '–'} |`);
  }
  lines.push('', `Embedded Neo4j JVM RSS after the run: ${jvmRss ?? '–'} MiB. CPU is (utime + stime) from /proc/<pid>/stat over each run, median over the mix's queries; 1.00 = one core.`, '');
  // Work per request is steadier than req/s on a shared machine: it counts CPU spent, not time spent waiting for it.
  lines.push(`## CPU milliseconds per request (Node + JVM, at ${top} clients)`, '');
  lines.push(`| query | ${KINDS.map((k) => NAMES[k]).join(' | ')} |`, `|---|${KINDS.map(() => '---:').join('|')}|`);
  const perRequest = (q: string, k: Kind, pick: (m: Measure) => number | null) => med(q, top, k, (m) => { const c = pick(m); return c === null ? null : (1000 * c) / m.rps; });
  for (const q of queries) {
    lines.push(`| ${q.key} | ${KINDS.map((k) => `${f1(perRequest(q.key, k, (m) => m.nodeCpu))} + ${f1(perRequest(q.key, k, (m) => m.jvmCpu))}`).join(' | ')} |`);
  }
  lines.push('');
  const spreads = queries.flatMap((q) => args.levels.flatMap((c) => KINDS.map((k) => spread(q.key, c, k)))).filter(Number.isFinite);
  if (spreads.length) {
    lines.push('## Noise', '', `Between the ${args.repeats} repeats of the same (query, server, clients), req/s differed by a median of ${f0(100 * median(spreads))} % and at most ${f0(100 * Math.max(...spreads))} % (max − min over median).`, '');
    summary.push(`noise between repeats: median ${f0(100 * median(spreads))} %, max ${f0(100 * Math.max(...spreads))} %`);
  }
  if (db.loadRowsPerS) {
    lines.push('## Loading', '', `The real loader (\`npm run load\`'s code path) wrote the graph in ${(db.loadMs! / 1000).toFixed(1)} s: ${f0(db.loadRowsPerS)} nodes + relationships per second.`, '', '```', db.loadReport ?? '', '```', '');
  }
  if (db.scale) {
    lines.push('## Synthetic scale', '', `bench/scale.ts wrote ${db.scale.nodes} nodes and ${db.scale.relationships} relationships (${args.scale}× the real graph) in ${f1(db.scale.seconds)} s: **${f0(db.scale.rowsPerS)} rows/s** (the loader's own UNWIND statements, one write transaction per ~40,000 rows; rows by statement: ${Object.entries(db.scale.perStep).map(([k, v]) => `${k} ${v}`).join(', ')}).`, '');
    summary.push(`scale ${args.scale}×: ${db.scale.nodes} nodes, ${db.scale.relationships} relationships, ${f0(db.scale.rowsPerS)} rows/s; hub p50 at 1 client ${f1(med('hub', args.levels[0], 'plangraph-nocache', (m) => m.p50))} ms (cache off), ${f1(med('hub', args.levels[0], 'plangraph', (m) => m.p50))} ms (cache on)`);
  }
  lines.push('## What @neo4j/graphql cannot express', '');
  for (const q of queries) if (q.note) lines.push(`- **${q.key}**: ${q.note}`);
  lines.push('', '## Type definitions used for @neo4j/graphql', '', '```graphql', neo4jGraphqlTypeDefs().trim(), '```', '');
  lines.push('## The mix, as PlanGraph queries', '');
  for (const q of queries) lines.push(`- **${q.key}** (${q.title}): \`${q.plangraph}\``);
  lines.push('');
  const svg = chartSvg(
    `req/s by concurrency${args.scale > 1 ? ` (${args.scale}×)` : ''}`,
    args.levels,
    queries.map((q) => ({ title: q.key, series: KINDS.map((k) => ({ name: NAMES[k], color: COLORS[k], values: args.levels.map((c) => rps(q.key, c, k)) })) })),
  );
  return { markdown: lines.join('\n'), svg, summary: summary.join('\n') };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
