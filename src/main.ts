import { ApiWorkers } from './api-supervisor';
import { connect } from './neo4j/connect';
import { exitWithError, log, readConfigOrExit } from './run';

/**
 * `npm start`: open Neo4j (embedded unless NEO4J_URI is set), make sure the database schema and the graph are
 * current, serve the API; on SIGINT/SIGTERM drain requests, close the driver and stop the embedded Neo4j.
 *
 * This is the primary process: it owns Neo4j (the JVM, its restarts, the load) and supervises the HTTP API, which
 * runs in a worker process (src/api-worker.ts) that is replaced when its event loop is stuck or it exits
 * (src/api-supervisor.ts; docs/deploy.md, "Self-healing").
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const started = Date.now();
  const seconds = (from: number) => `${((Date.now() - from) / 1000).toFixed(1)} s`;
  // The embedded JVM boots for seconds, most of a warm start: spawn it first, and only then start the API worker
  // (it loads Fastify, Apollo and the schema, ~1 s, while the JVM boots) and load the loader here.
  let launched: () => void = () => undefined;
  const spawned = new Promise<void>((resolve) => (launched = resolve));
  const connecting = connect(config, log, { onLaunched: () => launched() });
  await Promise.race([spawned, connecting.catch(() => undefined)]);
  const workers = new ApiWorkers({
    watchdogMs: config.watchdogMs, maxRestarts: config.workerMaxRestarts, log,
    // Every request is answered within the deadline: draining takes no longer, plus a margin.
    stopTimeoutMs: config.limits.requestDeadlineMs + 5_000,
  });
  const [{ Cypher }, { applyDatabaseSchema }, { loadGraph, formatReport, isGraphCurrent }] = await Promise.all([
    import('./neo4j/cypher'), import('./neo4j/database-schema'), import('./graph/load'),
  ]);
  const db = await connecting.catch(async (err) => {
    await workers.stop();
    throw err;
  });
  const neo4jUp = Date.now();
  const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
  let api: { url: string; metricsUrl?: string; pid: number };
  let graphChecked: number;
  try {
    // Independent reads, each a cold query plan in a fresh JVM: side by side they use both cores.
    const [, current] = await Promise.all([applyDatabaseSchema(cypher), config.autoLoad ? isGraphCurrent(cypher) : true]);
    if (!config.autoLoad) log('PLANGRAPH_AUTOLOAD=false: serving the graph as it is');
    else if (current) log('the graph is up to date with fixtures/');
    else {
      log('loading the graph from fixtures/ (missing or changed)…');
      log(formatReport(await loadGraph(cypher)));
    }
    graphChecked = Date.now();
    // From here on the worker's own availability (its requests, its probe) tells whether Neo4j answers.
    db.availability.close();
    api = await workers.serve(() => ({ uri: db.uri, database: db.database, auth: db.auth, rotating: db.embedded }));
  } catch (err) {
    await workers.stop();
    await db.close();
    throw err;
  }
  log(`ready in ${seconds(started)} (Neo4j ${((neo4jUp - started) / 1000).toFixed(1)} s, schema and graph ${((graphChecked - neo4jUp) / 1000).toFixed(1)} s, HTTP ${seconds(graphChecked)})`);
  log(`GraphQL API:  ${api.url}/graphql  (open it in a browser for the playground)`);
  log(`health:       ${api.url}/health`);
  log(`metrics:      ${api.metricsUrl ?? api.url}/metrics`);
  // The first start records the classes Neo4j loaded; archive them now that start-up is over (once, in the background).
  db.prepareFasterStart?.();

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`${reason}: draining requests and stopping…`);
    // In order: no more requests, then no more driver, then no more Neo4j.
    await workers.stop();
    await db.close();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  // The embedded Neo4j is restarted when it dies (src/neo4j/embedded.ts): the worker answers SERVICE_UNAVAILABLE
  // meanwhile, and gets the restarted JVM's new password. Once the restarts are exhausted the server would serve
  // only errors: exit, so a supervisor can restart both.
  db.onNeo4jDown?.(() => workers.neo4jDown('the embedded Neo4j is restarting'));
  db.onNeo4jRestarted?.(() => db.auth && workers.neo4jAuth(db.auth));
  db.onNeo4jExit((detail) => {
    console.error(`[plangraph] error: ${detail}`);
    void shutdown('Neo4j is gone', 1);
  });
  // A worker that keeps getting stuck or dying is not fixed by more replacements.
  workers.onGaveUp((detail) => {
    console.error(`[plangraph] error: ${detail}`);
    void shutdown('the API keeps failing', 1);
  });
}

main().catch(exitWithError);
