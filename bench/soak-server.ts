import { startApp } from '../src/http/app';
import { isGraphCurrent, loadGraph } from '../src/graph/load';
import { connect } from '../src/neo4j/connect';
import { Cypher } from '../src/neo4j/cypher';
import { applyDatabaseSchema } from '../src/neo4j/database-schema';
import { exitWithError, log, readConfigOrExit } from '../src/run';

/**
 * The server side of `npm run soak`, in its own process so its memory is measured alone: Neo4j as configured, the
 * graph loaded if needed, and the API exactly as `npm start` serves it (its limits, result and response caches).
 * Prints one JSON line with the URL and process ids, then serves until killed.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const db = await connect(config, log);
  const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
  await applyDatabaseSchema(cypher);
  if (!(await isGraphCurrent(cypher))) await loadGraph(cypher);
  const served = cypher.withResultCache(config.resultCacheEntries);
  const app = await startApp({
    cypher: served, port: 0, host: '127.0.0.1', development: false, availability: db.availability, logLevel: 'silent', limits: config.limits,
    responseCacheBytes: config.responseCacheBytes, cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
  });
  console.log(`SOAK ${JSON.stringify({ url: app.url, pid: process.pid, get jvmPid() { return db.neo4jPid ?? null; } })}`);
  const stop = async () => {
    await app.stop();
    served.resultCache?.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch(exitWithError);
