import { auditReport, DerivedRow } from '../graph/audit';
import { buildAll, formatReport, isGraphCurrent, loadGraph } from '../graph/load';
import { connect } from '../neo4j/connect';
import { Cypher } from '../neo4j/cypher';
import { applyDatabaseSchema } from '../neo4j/database-schema';
import { exitWithError, readConfigOrExit } from '../run';

/**
 * `npm run audit`: prints (Markdown, on stdout) every INFERRED and DERIVED fact with its inference and quotes,
 * grouped by rule, and every stage whose quote holds none of its stage's verbs. Derived facts are read from the
 * configured Neo4j (loaded first if it is not current); `--fixtures-only` skips them and needs no Neo4j.
 */
async function main(): Promise<void> {
  const graphs = buildAll();
  if (process.argv.includes('--fixtures-only')) {
    process.stdout.write(auditReport(graphs, null));
    return;
  }
  const config = readConfigOrExit();
  const quiet = (line: string) => process.stderr.write(`[plangraph] ${line}\n`);
  const db = await connect(config, quiet);
  try {
    const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
    await applyDatabaseSchema(cypher);
    if (!(await isGraphCurrent(cypher))) quiet(formatReport(await loadGraph(cypher)));
    const derived = await cypher.read<DerivedRow>('read/audit-derived');
    process.stdout.write(auditReport(graphs, derived));
  } finally {
    await db.close();
  }
}

main().catch(exitWithError);
