import { loadGraph, formatReport, isGraphCurrent } from './graph/load';
import { startApp } from './http/app';
import { connect } from './neo4j/connect';
import { Cypher } from './neo4j/cypher';
import { applyDatabaseSchema } from './neo4j/database-schema';
import { exitWithError, log, readConfigOrExit } from './run';

/**
 * `npm start`: open Neo4j (embedded unless NEO4J_URI is set), make sure the database schema and the graph are
 * current, serve the API; on SIGINT/SIGTERM drain requests, close the driver and stop the embedded Neo4j.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const started = Date.now();
  const db = await connect(config, log);
  const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
  try {
    await applyDatabaseSchema(cypher);
    if (!config.autoLoad) log('PLANGRAPH_AUTOLOAD=false: serving the graph as it is');
    else if (await isGraphCurrent(cypher)) log('the graph is up to date with fixtures/');
    else {
      log('loading the graph from fixtures/ (missing or changed)…');
      log(formatReport(await loadGraph(cypher)));
    }
  } catch (err) {
    await db.close();
    throw err;
  }

  // Loading is done: from here on the graph only changes by a load, which changes its load id and drops the cache.
  const served = cypher.withResultCache(config.resultCacheEntries);
  const app = await startApp({
    cypher: served, port: config.port, host: config.host, development: config.development, limits: config.limits,
    availability: db.availability, corsOrigins: config.corsOrigins, logLevel: config.logLevel,
    responseCacheBytes: config.responseCacheBytes, cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
  });
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(`GraphQL API:  ${app.url}/graphql  (open it in a browser for the playground)`);
  log(`health:       ${app.url}/health`);
  log(`metrics:      ${app.url}/metrics`);

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: draining requests and stopping…`);
    await app.stop();
    served.resultCache?.stop();
    await db.close();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  // The embedded Neo4j is restarted when it dies (src/neo4j/embedded.ts); once its restarts are exhausted the
  // server would serve only errors: exit, so a supervisor can restart both.
  db.onNeo4jExit((detail) => {
    console.error(`[plangraph] error: ${detail}`);
    void shutdown('Neo4j is gone', 1);
  });
}

main().catch(exitWithError);
