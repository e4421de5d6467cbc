import { rmSync } from 'node:fs';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __PLANGRAPH_NEO4J__?: EmbeddedNeo4j & { dataDir: string } }).__PLANGRAPH_NEO4J__;
  if (!neo4j) return;
  await neo4j.stop();
  rmSync(neo4j.dataDir, { recursive: true, force: true });
}
