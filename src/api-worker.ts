import type { Driver } from 'neo4j-driver';
import { BoltTarget, FromWorker, HEARTBEAT_MS, ToWorker } from './api-supervisor';
import type { App } from './http/app';
import type { Availability } from './neo4j/availability';
import type { BoltAuth } from './neo4j/connect';
import type { Cypher } from './neo4j/cypher';
import { exitWithError, log, readConfigOrExit } from './run';

/**
 * The HTTP API, in a worker process of `npm start` (src/api-supervisor.ts): it serves the graph with the
 * Neo4j the primary process opened, and proves it is alive with a heartbeat from its main thread. A blocked event
 * loop stops the heartbeat, and the primary replaces this process. The primary decides when it stops: on its
 * message, or when it is gone (the IPC channel closes); SIGINT and SIGTERM are the primary's to handle (a
 * terminal's Ctrl-C reaches both).
 */

const send = (message: FromWorker) => {
  if (process.connected) process.send!(message, undefined, {}, () => undefined);
};

interface Served {
  app: App;
  driver: Driver;
  availability: Availability;
  served: Cypher;
}

// Fastify, Apollo and the schema take ~1 s to load: begin now, while the primary still opens Neo4j. (Dynamic
// imports, so that the message handler below is registered before any of it runs.)
const modules = Promise.all([import('./http/app'), import('./neo4j/cypher'), import('./neo4j/connect'), import('./neo4j/availability')]);
let auth: BoltAuth | undefined;
let serving: Promise<Served> | undefined;
let stopping: Promise<void> | undefined;

async function serve(bolt: BoltTarget): Promise<Served> {
  const config = readConfigOrExit();
  const [{ startApp }, { Cypher }, { createDriver }, { Availability }] = await modules;
  auth = bolt.auth;
  // The embedded Neo4j's password changes when its JVM restarts (a neo4j-auth message): the driver asks each time.
  const driver = createDriver(bolt.uri, bolt.rotating && auth ? () => auth! : auth);
  const availability = Availability.forDriver(driver, bolt.database);
  availability.onChange((up, reason) => log(up ? 'Neo4j answers again' : `Neo4j unavailable: ${reason}`));
  // From here on the graph only changes by a load, which changes its load id and drops the cache.
  const served = new Cypher(driver, bolt.database, config.queryTimeoutMs).withResultCache({ maxEntries: config.resultCacheEntries, maxBytes: config.resultCacheBytes });
  const app = await startApp({
    cypher: served, port: config.port, host: config.host, development: config.development, limits: config.limits,
    availability, corsOrigins: config.corsOrigins, logLevel: config.logLevel,
    responseCacheBytes: config.responseCacheBytes, cacheMaxAgeSeconds: config.cacheMaxAgeSeconds, transport: config.transport,
  });
  send({ type: 'ready', url: app.url, metricsUrl: app.metricsUrl });
  return { app, driver, availability, served };
}

/** Drains requests (each is bounded by PLANGRAPH_REQUEST_DEADLINE_MS), closes the driver, exits. */
function stop(limitMs: number): Promise<void> {
  stopping ??= (async () => {
    // Whatever happens below, this process ends (the primary also kills it after its own bound).
    setTimeout(() => process.exit(0), limitMs).unref();
    const current = await serving?.catch(() => undefined);
    if (current) {
      await current.app.stop();
      current.served.resultCache?.stop();
      current.availability.close();
      await current.driver.close();
    }
    process.exit(0);
  })();
  return stopping;
}

function onMessage(message: ToWorker): void {
  switch (message.type) {
    case 'serve':
      serving ??= serve(message.bolt);
      serving.catch(exitWithError);
      break;
    case 'neo4j-down':
      void serving?.then((s) => s.availability.markDown(message.reason), () => undefined);
      break;
    case 'neo4j-auth':
      auth = message.auth;
      break;
    case 'stop':
      void stop(readConfigOrExit().limits.requestDeadlineMs + 5_000);
      break;
  }
}

process.on('message', onMessage);
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
// The primary died (even by SIGKILL): nobody supervises this process any more, and the port is gone with it.
process.on('disconnect', () => void stop(5_000));
setInterval(() => send({ type: 'heartbeat' }), HEARTBEAT_MS);
send({ type: 'hello' });
