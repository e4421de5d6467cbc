import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadExamples } from '../src/docs/examples';
import { ROOT } from '../src/paths';
import { log } from '../src/run';

/**
 * `npm run soak` (not in CI): 60 s at 64 concurrent clients cycling through the example queries (docs/examples),
 * against the server in a child process; reports errors, latency percentiles and the RSS of the server and of
 * the JVM at start, middle and end. Then, in the same run, the throughput of the Fastify layer against the old
 * node:http layer (bench/old-http-app.ts) on the "first 100 projects" list query. Writes docs/soak.md.
 * Environment: as `npm start` (NEO4J_URI, or an embedded Neo4j with PLANGRAPH_NEO4J_BOLT_PORT/PLANGRAPH_DATA_DIR);
 * SOAK_SECONDS, SOAK_CONNECTIONS and SOAK_COMPARE_SECONDS override the durations.
 */

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 64);
const COMPARE_SECONDS = Number(process.env.SOAK_COMPARE_SECONDS ?? 10);
const LIST_QUERY = '{ projects(first: 100) { totalCount edges { node { id name category } } } }';

function rssMiB(pid: number | null): number | null {
  if (!pid) return null;
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);
  } catch {
    return null;
  }
}

const body = (query: string) => JSON.stringify({ query });
const HEADERS = { 'content-type': 'application/json' };

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    instance.on('error', reject);
  });
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/bench/soak-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise<{ url: string; oldUrl: string; pid: number; jvmPid: number | null }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = /^SOAK (.+)$/m.exec(out);
      if (line) resolve(JSON.parse(line[1]));
    });
    child.once('exit', (code) => reject(new Error(`the soak server exited (${code}):\n${out}`)));
  });
  try {
    const examples = loadExamples();
    // Every example must answer without errors before it counts as load.
    for (const e of examples) {
      const res = (await (await fetch(`${info.url}/graphql`, { method: 'POST', headers: HEADERS, body: body(e.query) })).json()) as { errors?: unknown };
      if (res.errors) throw new Error(`example ${e.file} fails: ${JSON.stringify(res.errors)}`);
    }
    const memory: { at: string; server: number | null; jvm: number | null }[] = [];
    const sample = (at: string) => memory.push({ at, server: rssMiB(info.pid), jvm: rssMiB(info.jvmPid) });
    sample('start');
    log(`soak: ${SECONDS} s, ${CONNECTIONS} clients, ${examples.length} example queries in rotation…`);
    const middle = setTimeout(() => sample('middle'), (SECONDS * 1000) / 2);
    let badAnswers = 0;
    const soak = await run({
      url: `${info.url}/graphql`, connections: CONNECTIONS, duration: SECONDS, timeout: 30,
      requests: examples.map((e) => ({ method: 'POST' as const, path: '/graphql', headers: HEADERS, body: body(e.query) })),
      setupClient: (client) => client.on('body', (b: Buffer) => {
        if (b.includes('"errors"')) badAnswers += 1;
      }),
    });
    clearTimeout(middle);
    sample('end');
    log(`soak: ${soak.requests.total} requests, p99 ${soak.latency.p99} ms, errors ${soak.errors}, timeouts ${soak.timeouts}, non-2xx ${soak.non2xx}, ` +
      `GraphQL errors ${badAnswers}; RSS ${JSON.stringify(memory)}`);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 5_000)); // let in-flight work drain between phases
    await pause();

    log(`throughput: new vs old HTTP layer on the list query, ${COMPARE_SECONDS} s each, twice, alternating…`);
    const rounds: { layer: 'new' | 'old'; rps: number; failed: number }[] = [];
    for (const layer of ['old', 'new', 'old', 'new'] as const) {
      const r = await run({
        url: `${layer === 'new' ? info.url : info.oldUrl}/graphql`, connections: CONNECTIONS, duration: COMPARE_SECONDS, timeout: 30,
        method: 'POST', headers: HEADERS, body: body(LIST_QUERY),
      });
      // Successful answers per second: a layer that answers errors fast must not look fast.
      const failed = r.errors + r.timeouts + r.non2xx;
      rounds.push({ layer, rps: (r.requests.total - failed) / COMPARE_SECONDS, failed });
      log(`  ${layer}: ${rounds[rounds.length - 1].rps.toFixed(1)} ok req/s (p99 ${r.latency.p99} ms, ${failed} failed)`);
      await pause();
    }
    const mean = (layer: string) => rounds.filter((r) => r.layer === layer).reduce((a, r) => a + r.rps, 0) / 2;
    const ratio = mean('new') / mean('old');

    const errors = soak.errors + soak.timeouts + soak.non2xx + badAnswers;
    const doc = [
      '# Soak',
      '',
      `Generated by \`npm run soak\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (Node ${process.version}). Not part of CI.`,
      'The machine is shared (2 cores, several agents), so absolute numbers vary from run to run; the ratio is measured in one run.',
      '',
      `## ${SECONDS} s at ${CONNECTIONS} concurrent clients, the ${examples.length} example queries (docs/examples) in rotation`,
      '',
      '| requests | req/s | errors (goal 0) | p50 | p90 | p99 | max |',
      '|---|---|---|---|---|---|---|',
      `| ${soak.requests.total} | ${soak.requests.average.toFixed(1)} | ${errors} (transport ${soak.errors}, timeouts ${soak.timeouts}, non-2xx ${soak.non2xx}, GraphQL errors ${badAnswers}) | ${soak.latency.p50} ms | ${soak.latency.p90} ms | ${soak.latency.p99} ms | ${soak.latency.max} ms |`,
      '',
      'Resident memory (MiB; goal: no upward trend):',
      '',
      '| when | PlanGraph server | Neo4j JVM |',
      '|---|---|---|',
      ...memory.map((m) => `| ${m.at} | ${m.server ?? 'n/a'} | ${m.jvm ?? 'n/a (external Neo4j)'} |`),
      '',
      '## The Fastify layer against the old node:http layer',
      '',
      `\`${LIST_QUERY}\`, ${CONNECTIONS} clients, ${COMPARE_SECONDS} s per round, rounds alternating old/new/old/new, one server process,`,
      'default limits on the new layer (the old one has none), no compression requested.',
      '',
      '| layer | successful req/s (mean of 2 rounds) | failed requests |',
      '|---|---|---|',
      `| old (node:http, bench/old-http-app.ts) | ${mean('old').toFixed(1)} | ${rounds.filter((r) => r.layer === 'old').reduce((a, r) => a + r.failed, 0)} |`,
      `| new (Fastify 5 + @as-integrations/fastify) | ${mean('new').toFixed(1)} | ${rounds.filter((r) => r.layer === 'new').reduce((a, r) => a + r.failed, 0)} |`,
      '',
      `Ratio new / old: **${ratio.toFixed(2)}**.`,
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
