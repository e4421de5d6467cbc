import { parseArgs } from 'node:util';
import neo4j, { Driver } from 'neo4j-driver';
import { readQueryFile } from '../research/query-file';
import { formatCsv, formatTable } from '../research/table';
import { exitWithError, readConfigOrExit } from '../run';
import { openGraph } from './open-graph';

/**
 * `npm run cypher -- FILE [--param name=value …] [--csv] [--width N]`: runs a Cypher file (the ready queries are in
 * cypher/research/) in a READ transaction — Neo4j refuses any write in it — and prints a table, or CSV with --csv.
 * Progress goes to stderr, so `--csv > out.csv` holds only the data.
 */

class UsageError extends Error {
  readonly code = 'USAGE';
}

const USAGE = 'usage: npm run cypher -- cypher/research/<query>.cypher [--param name=value …] [--csv] [--width 60]';

/** Runs the query read-only; the driver's values become plain JSON-able values (nodes as their properties). */
export async function runReadOnly(driver: Driver, database: string, text: string, params: Record<string, unknown>, timeoutMs: number) {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.executeRead((tx) => tx.run(text, params), { timeout: timeoutMs });
    const columns = result.records[0]?.keys.map(String) ?? [];
    return { columns, rows: result.records.map((r) => r.keys.map((k) => plain(r.get(k)))) };
  } finally {
    await session.close();
  }
}

function plain(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(plain);
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  const o = v as Record<string, unknown>;
  if ('labels' in o && 'properties' in o) return { labels: o.labels, ...(plain(o.properties) as object) };
  if ('type' in o && 'properties' in o && 'startNodeElementId' in o) return { type: o.type, ...(plain(o.properties) as object) };
  if (o.constructor && o.constructor !== Object) return String(v); // temporal and spatial values
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { param: { type: 'string', multiple: true }, csv: { type: 'boolean' }, width: { type: 'string' } },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const given: Record<string, string> = {};
  for (const p of values.param ?? []) {
    const at = p.indexOf('=');
    if (at < 1) throw new UsageError(`--param ${p}: write it as name=value\n${USAGE}`);
    given[p.slice(0, at)] = p.slice(at + 1);
  }
  const width = values.width === undefined ? 60 : Number(values.width);
  if (!Number.isInteger(width) || width < 8) throw new UsageError(`--width ${values.width}: give a whole number of columns, 8 or more`);
  const query = readQueryFile(positionals[0], given);

  const config = readConfigOrExit();
  const db = await openGraph(config, (line) => console.error(`[plangraph] ${line}`));
  try {
    const started = Date.now();
    const { columns, rows } = await runReadOnly(db.driver, db.database, query.text, query.params, config.queryTimeoutMs);
    if (values.csv) process.stdout.write(formatCsv(columns, rows));
    else {
      process.stdout.write(rows.length ? `${formatTable(columns, rows, width)}\n` : '(no rows)\n');
      console.error(`[plangraph] ${rows.length} row${rows.length === 1 ? '' : 's'} in ${Date.now() - started} ms (read-only)`);
    }
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().catch((err) => {
    // Neo4j's own errors (syntax, a write refused in the read transaction) are the user's to read: print the message.
    const code = (err as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('Neo.')) {
      console.error(`[plangraph] error: ${code}: ${(err as Error).message}`);
      process.exit(1);
    }
    exitWithError(err);
  });
}

