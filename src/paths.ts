import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file that holds package.json (works from src/ and dist/src/). */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`PlanGraph: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const ROOT = findRoot(__dirname);
export const CYPHER_DIR = join(ROOT, 'cypher');
export const SCHEMA_DIR = join(ROOT, 'schema');
export const FIXTURES_DIR = join(ROOT, 'fixtures');
export const NEO4J_BUILD_DIR = join(ROOT, 'neo4j');
