import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportFiles, Format, FORMATS } from '../export/files';
import { readSnapshot } from '../export/snapshot';
import { Cypher } from '../neo4j/cypher';
import { exitWithError, log, readConfigOrExit } from '../run';
import { GraphNotLoadedError, openGraph } from './open-graph';

/**
 * `npm run export -- --format graphml|csv|json|all --out DIR`: writes the whole graph for Gephi/yEd (GraphML),
 * pandas/R/Excel (one CSV per label and per relationship type) or any program (JSON). Read-only.
 */

class UsageError extends Error {
  readonly code = 'USAGE';
}

function options(): { formats: Format[]; out: string } {
  const usage = 'usage: npm run export -- --format graphml|csv|json|all [--format …] --out DIR';
  let values;
  try {
    ({ values } = parseArgs({ options: { format: { type: 'string', multiple: true }, out: { type: 'string' } } }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${usage}`);
  }
  const asked = (values.format ?? []).flatMap((f) => f.split(','));
  if (asked.length === 0 || !values.out) throw new UsageError(usage);
  const bad = asked.filter((f) => f !== 'all' && !(FORMATS as readonly string[]).includes(f));
  if (bad.length) throw new UsageError(`unknown format ${bad.join(', ')}: choose from ${FORMATS.join(', ')} or all\n${usage}`);
  return { formats: asked.includes('all') ? [...FORMATS] : ([...new Set(asked)] as Format[]), out: resolve(values.out) };
}

async function main(): Promise<void> {
  const { formats, out } = options();
  const config = readConfigOrExit();
  const db = await openGraph(config, log);
  try {
    const snapshot = await readSnapshot(new Cypher(db.driver, db.database, config.queryTimeoutMs));
    if (!snapshot.fixturesHash) throw new GraphNotLoadedError();
    for (const format of formats) {
      const files = exportFiles(snapshot, format);
      for (const f of files) {
        const path = join(out, f.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, f.body);
      }
      log(`${format}: ${files.length === 1 ? files[0].path : `${files.length} files in csv/`} → ${out}`);
    }
    log(`${snapshot.nodes.length} nodes, ${snapshot.relationships.length} relationships exported`);
  } finally {
    await db.close();
  }
}

main().catch(exitWithError);
