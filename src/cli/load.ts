import { buildAll, formatReport, loadGraph } from '../graph/load';
import { Cypher } from '../neo4j/cypher';
import { applyDatabaseSchema } from '../neo4j/database-schema';
import { exitWithError, log, readConfigOrExit } from '../run';
import { openGraph } from './open-graph';

/**
 * `npm run load`: validate every fixture, then replace the graph in one transaction (in the running server's
 * embedded Neo4j, an external one, or an embedded one of its own: src/cli/open-graph.ts).
 * `npm run load -- --check`: validate only, without Neo4j (for curators editing fixtures/).
 */
async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const graphs = buildAll();
    const count = (k: 'entities' | 'relations' | 'evidence') => graphs.reduce((n, g) => n + g[k].length, 0);
    log(`fixtures are valid: ${count('entities')} entities, ${count('relations')} curated relationships, ${count('evidence')} evidence links`);
    return;
  }
  const config = readConfigOrExit();
  // Into a running `npm start`'s embedded Neo4j when there is one (it sees the new load id within a second).
  const db = await openGraph(config, log);
  try {
    const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
    await applyDatabaseSchema(cypher);
    log(formatReport(await loadGraph(cypher)));
  } finally {
    await db.close();
  }
}

main().catch(exitWithError);
