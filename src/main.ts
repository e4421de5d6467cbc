import { connect } from './neo4j/connect';
import { exitWithError, log, readConfigOrExit } from './run';

/**
 * `npm start`: open Neo4j (embedded unless NEO4J_URI is set), make sure the database schema and the graph are
 * current, serve the API; on SIGINT/SIGTERM drain requests, close the driver and stop the embedded Neo4j.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const started = Date.now();
  const seconds = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
  // The embedded JVM boots for seconds, most of a warm start: spawn it first, and only then load the rest of the
  // server (Fastify, Apollo, the loader: ~1 s of module loading on this machine), while it boots.
  let launched: () => void = () => undefined;
  const spawned = new Promise<void>((resolve) => (launched = resolve));
  const connecting = connect(config, log, { onLaunched: () => launched() });
  await Promise.race([spawned, connecting.catch(() => undefined)]);
  const [{ startApp }, { Cypher }, { applyDatabaseSchema }, { loadGraph, formatReport, isGraphCurrent }] = await Promise.all([
    import('./http/app'), import('./neo4j/cypher'), import('./neo4j/database-schema'), import('./graph/load'),
  ]);
  const db = await connecting;
  const neo4jUp = Date.now();
  const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
  try {
    // Independent reads, each a cold query plan in a fresh JVM: side by side they use both cores.
    const [, current] = await Promise.all([applyDatabaseSchema(cypher), config.autoLoad ? isGraphCurrent(cypher) : true]);
    if (!config.autoLoad) log('PLANGRAPH_AUTOLOAD=false: serving the graph as it is');
    else if (current) log('the graph is up to date with fixtures/');
    else {
      log('loading the graph from fixtures/ (missing or changed)…');
      log(formatReport(await loadGraph(cypher)));
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  const graphChecked = Date.now();

  // Loading is done: from here on the graph only changes by a load, which changes its load id and drops the cache.
  const served = cypher.withResultCache({ maxEntries: config.resultCacheEntries, maxBytes: config.resultCacheBytes });
  const app = await startApp({
    cypher: served, port: config.port, host: config.host, development: config.development, limits: config.limits,
    availability: db.availability, corsOrigins: config.corsOrigins, logLevel: config.logLevel,
    responseCacheBytes: config.responseCacheBytes, cacheMaxAgeSeconds: config.cacheMaxAgeSeconds, transport: config.transport,
  });
  log(`ready in ${seconds(started)} (Neo4j ${((neo4jUp - started) / 1000).toFixed(1)} s, schema and graph ${((graphChecked - neo4jUp) / 1000).toFixed(1)} s, HTTP ${seconds(graphChecked)})`);
  log(`GraphQL API:  ${app.url}/graphql  (open it in a browser for the playground)`);
  log(`health:       ${app.url}/health`);
  log(`metrics:      ${app.metricsUrl ?? app.url}/metrics`);
  // The first start records the classes Neo4j loaded; archive them now that start-up is over (once, in the background).
  db.prepareFasterStart?.();

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
