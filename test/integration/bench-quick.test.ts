import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/paths';
import { neo4jAuth, neo4jUri } from '../helpers/server';

/**
 * `npm run bench -- --quick` in CI: the four benchmarked servers (PlanGraph, its cache off, @neo4j/graphql 7,
 * batching off) start against the suite's Neo4j, every query of the mix must get the same answer from all four,
 * and each takes one short load without errors. No timing is asserted (speed is shown in docs/benchmarks.md).
 */
it('the quick benchmark runs green: same answers from all servers, no errors under load', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/bench/run.js'), '--quick'], {
    env: { ...process.env, PLANGRAPH_BENCH_NEO4J_URI: neo4jUri(), PLANGRAPH_BENCH_NEO4J_PASSWORD: neo4jAuth()?.password ?? '', PLANGRAPH_BENCH_NEO4J_PID: process.env.PLANGRAPH_TEST_NEO4J_PID ?? '' },
    encoding: 'utf8',
    timeout: 170_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) console.error(output);
  expect(run.status).toBe(0);
  expect(output).toMatch(/all answers equal/);
  for (const server of ['PlanGraph:', 'PlanGraph, cache off:', '@neo4j/graphql 7:', 'PlanGraph, batching off:']) {
    expect(output).toMatch(new RegExp(`${server.replace(/[+.]/g, '\\$&')} whole mix, 8 clients, 1 s: \\d+ req/s, p99 \\d+ ms, 0 errors`));
  }
}, 180_000);
