import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll, hasDuplicateKeys, loadInputsHash, loadSteps, mergeGraphs } from '../src/graph/load';
import { createDriver } from '../src/neo4j/connect';
import { Cypher, cypherText, toCypher } from '../src/neo4j/cypher';
import { applyDatabaseSchema } from '../src/neo4j/database-schema';
import { startEmbeddedNeo4j } from '../src/neo4j/embedded';
import { freePort } from '../test/helpers/ports';
import { generateScale } from './scale';

/**
 * `node dist/bench/load-profile.js [--loads N] [--profile] [--explain-first] [--merge] [--digest FILE] [--scale N]`
 * (after `npm run build`): the real loader's statements (N loads, default 2) on a scratch Neo4j, timed one by one inside the load's single write transaction (first load into an empty database,
 * then reloads), with the digest of the graph's content (cypher/read/content.cypher) so a change to the
 * loader can be shown to write the same graph. --profile prints Neo4j's PROFILE summary of every statement of the
 * last load (the transaction is then rolled back); --scale N then runs the synthetic generator (bench/scale.ts) alone.
 */

const log = (line: string) => console.log(`[load-profile] ${line}`);

interface PlanLine { operator: string; rows: number; dbHits: number; depth: number }
function flatten(plan: { operatorType: string; rows: number; dbHits: number; children: unknown[] }, depth = 0, out: PlanLine[] = []): PlanLine[] {
  out.push({ operator: plan.operatorType, rows: plan.rows, dbHits: plan.dbHits, depth });
  for (const c of plan.children as (typeof plan)[]) flatten(c, depth + 1, out);
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const loads = Number(argv[argv.indexOf('--loads') + 1]) || 2;
  const profile = argv.includes('--profile');
  // Plans every statement (EXPLAIN) before the first load, to tell planning time from execution time.
  const explainFirst = argv.includes('--explain-first');
  const digestFile = argv.includes('--digest') ? argv[argv.indexOf('--digest') + 1] : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'plangraph-loadprof-'));
  const db = await startEmbeddedNeo4j({
    dataDir, boltPort: await freePort(), heap: process.env.PLANGRAPH_NEO4J_HEAP ?? '1g', pageCache: process.env.PLANGRAPH_NEO4J_PAGECACHE ?? '256m',
    java: process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java', maven: 'mvn', log,
  });
  const driver = createDriver(db.uri, db.auth);
  try {
    const cypher = new Cypher(driver, 'neo4j', 600_000);
    await applyDatabaseSchema(cypher);
    const scale = argv.includes('--scale') ? Number(argv[argv.indexOf('--scale') + 1]) : 1;
    for (let i = 0; i < loads; i++) {
      const t0 = Date.now();
      const data = mergeGraphs(buildAll());
      const hash = loadInputsHash();
      const built = Date.now() - t0;
      const [{ loaded }] = await cypher.read<{ loaded: boolean }>('load/has-graph');
      const fresh = !loaded && !hasDuplicateKeys(data) && !argv.includes('--merge');
      const steps = loadSteps(data, hash, `${hash.slice(0, 12)}@${new Date().toISOString()}`, fresh);
      const doProfile = profile && i === loads - 1;
      const times: string[] = [];
      const session = driver.session({ database: 'neo4j' });
      const tx = session.beginTransaction({ timeout: 600_000 });
      let rows = 0;
      if (explainFirst && i === 0) {
        for (const step of steps) {
          const t = Date.now();
          await tx.run('EXPLAIN ' + cypherText(step.name), toCypher(step.params) as Record<string, unknown>);
          times.push(`EXPLAIN ${step.name} ${Date.now() - t} ms`);
        }
      }
      const t1 = Date.now();
      for (const step of steps) {
        const t = Date.now();
        const n = Object.values(step.params).reduce<number>((a, v) => a + (Array.isArray(v) && v.length && typeof v[0] === 'object' ? v.length : 0), 0);
        rows += n;
        const result = await tx.run((doProfile ? 'PROFILE ' : '') + cypherText(step.name), toCypher(step.params) as Record<string, unknown>);
        const c = result.summary.counters.updates();
        times.push(`${step.name} ${n} rows ${Date.now() - t} ms (nodes +${c.nodesCreated} -${c.nodesDeleted}, rels +${c.relationshipsCreated} -${c.relationshipsDeleted}, props ${c.propertiesSet})`);
        if (doProfile && result.summary.profile) {
          const lines = flatten(result.summary.profile as never);
          const total = lines.reduce((a, l) => a + l.dbHits, 0);
          times.push(`  PROFILE ${total} db hits:\n${lines.map((l) => `    ${'  '.repeat(l.depth)}${l.operator} rows ${l.rows} dbHits ${l.dbHits}`).join('\n')}`);
        }
      }
      const t2 = Date.now();
      if (doProfile) await tx.rollback();
      else await tx.commit();
      await session.close();
      const t3 = Date.now();
      await digest(`after load ${i + 1} (${fresh ? 'CREATE' : 'MERGE'})`);
      log(`load ${i + 1} (${fresh ? 'CREATE, fresh database' : 'MERGE'}): build ${built} ms, statements ${t2 - t1} ms, commit ${t3 - t2} ms\n  ${times.join('\n  ')}`);
    }
    if (scale > 1) {
      const report = await generateScale(cypher, scale, log);
      log(`scale ${scale}: ${report.nodes} nodes, ${report.relationships} relationships in ${report.seconds.toFixed(1)} s = ${Math.round(report.rowsPerS)} rows/s`);
    }
  } finally {
    await driver.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  async function digest(when: string): Promise<void> {
    const cypher = new Cypher(driver, 'neo4j', 600_000);
    const [size] = await cypher.read<{ nodes: number; relationships: number }>('read/graph-size');
    const lines = (await cypher.read('read/content')).map((r) => JSON.stringify([r.kind, r.head, r.props])).sort();
    const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
    log(`${when}: ${size.nodes} nodes, ${size.relationships} relationships; content digest ${digest} (${lines.length} rows)`);
    if (digestFile) writeFileSync(digestFile, lines.join('\n') + '\n');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
