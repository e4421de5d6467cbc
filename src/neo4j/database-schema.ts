import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../paths';
import { Cypher } from './cypher';

/** Applies cypher/schema/*.cypher (constraints first, then indexes). Every statement is IF NOT EXISTS: safe at every start. */
export async function applyDatabaseSchema(cypher: Cypher): Promise<void> {
  const files = readdirSync(join(CYPHER_DIR, 'schema')).filter((f) => f.endsWith('.cypher')).sort();
  for (const file of files) await cypher.schema(`schema/${file.replace(/\.cypher$/, '')}`);
}
