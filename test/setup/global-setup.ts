import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport, loadGraph } from '../../src/graph/load';
import { createDriver } from '../../src/neo4j/connect';
import { Cypher } from '../../src/neo4j/cypher';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { applyDatabaseSchema } from '../../src/neo4j/database-schema';
import { ROOT } from '../../src/paths';
import { freePort } from '../helpers/ports';

const log = (line: string) => console.log(`[test setup] ${line}`);

export default async function globalSetup(): Promise<void> {
  // The process-level tests run the real entry points (dist/src/main.js), so build them first (as `npm start`
  // does: only what changed since the last build).
  log('building (scripts/build.mjs)…');
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });

  // Iterating on one file: reuse a Neo4j that already holds the loaded graph (e.g. `npm start`'s, with
  // PLANGRAPH_TEST_NEO4J_PASSWORD=$(cat .data/neo4j-password)), instead of starting and loading one (~40 s).
  // Tests may write load metadata to it. Never set in CI.
  if (process.env.PLANGRAPH_TEST_NEO4J_URI) {
    log(`using the Neo4j at ${process.env.PLANGRAPH_TEST_NEO4J_URI} (PLANGRAPH_TEST_NEO4J_URI was set)`);
    return;
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'plangraph-test-'));
  const neo4j = await startEmbeddedNeo4j({
    dataDir, boltPort: await freePort(), heap: '1g', pageCache: '128m', java: process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java',
    maven: 'mvn', log,
  });
  const driver = createDriver(neo4j.uri, neo4j.auth);
  try {
    const cypher = new Cypher(driver, 'neo4j', 60_000);
    await applyDatabaseSchema(cypher);
    log(formatReport(await loadGraph(cypher)));
  } finally {
    await driver.close();
  }
  // The test files run in jest's workers, which inherit this environment: the URI and this start's password
  // (test/helpers/server.ts's testNeo4j() hands both to every driver a test makes).
  process.env.PLANGRAPH_TEST_NEO4J_URI = neo4j.uri;
  process.env.PLANGRAPH_TEST_NEO4J_PASSWORD = neo4j.auth.password;
  process.env.PLANGRAPH_TEST_NEO4J_PID = String(neo4j.pid);
  (globalThis as { __PLANGRAPH_NEO4J__?: unknown }).__PLANGRAPH_NEO4J__ = { ...neo4j, dataDir };
}
