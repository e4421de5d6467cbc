import { startApp } from '../src/http/app';
import { isGraphCurrent, loadGraph } from '../src/graph/load';
import { connect } from '../src/neo4j/connect';
import { Cypher } from '../src/neo4j/cypher';
import { applyDatabaseSchema } from '../src/neo4j/database-schema';
import { exitWithError, log, readConfigOrExit } from '../src/run';
import { startOldApp } from './old-http-app';

/**
 * The server side of `npm run soak`, in its own process so its memory is measured alone: Neo4j as configured,
 * the graph loaded if needed, the Fastify app (default limits) and the old node:http app on free ports.
 * Prints one JSON line with the URLs and process ids, then serves until killed.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const db = await connect(config, log);
  const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
  await applyDatabaseSchema(cypher);
  if (!(await isGraphCurrent(cypher))) await loadGraph(cypher);
  const app = await startApp({ cypher, port: 0, host: '127.0.0.1', development: false, availability: db.availability, logLevel: 'silent' });
  const old = await startOldApp({ cypher, port: 0, host: '127.0.0.1', development: false });
  console.log(`SOAK ${JSON.stringify({ url: app.url, oldUrl: old.url, pid: process.pid, get jvmPid() { return db.neo4jPid ?? null; } })}`);
  const stop = async () => {
    await app.stop();
    await old.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch(exitWithError);
