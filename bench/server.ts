import { startApp } from '../src/http/app';
import { createDriver } from '../src/neo4j/connect';
import { Cypher } from '../src/neo4j/cypher';
import { startNeo4jGraphql } from './neo4j-graphql';

/**
 * One benchmarked server in its own process, so its CPU time and memory are its own (/proc/<pid>/stat):
 *   node dist/bench/server.js <kind> <bolt uri>    (Neo4j's password, if any, in PLANGRAPH_BENCH_NEO4J_PASSWORD)
 * Prints one line `READY <url>` when it accepts requests; exits when its stdin closes (the bench went away).
 */

export const KINDS = ['plangraph', 'plangraph-nocache', 'neo4j-graphql', 'unbatched'] as const;
export type Kind = (typeof KINDS)[number];

async function main(): Promise<void> {
  const [kind, uri] = process.argv.slice(2) as [Kind, string];
  if (!KINDS.includes(kind) || !uri) throw new Error(`usage: server.js <${KINDS.join('|')}> <bolt uri>`);
  const password = process.env.PLANGRAPH_BENCH_NEO4J_PASSWORD;
  const driver = createDriver(uri, password ? { username: 'neo4j', password } : undefined);
  let stop: () => Promise<void>;
  let url: string;
  if (kind === 'neo4j-graphql') {
    const server = await startNeo4jGraphql(driver, 0);
    ({ url, stop } = server);
  } else {
    // The peer has no timeout; PlanGraph's is raised so that the slow configurations (batching off, large scales)
    // are measured rather than cut off.
    const base = new Cypher(driver, 'neo4j', 300_000);
    const cypher = kind === 'plangraph' ? base.withResultCache(5000) : base;
    const app = await startApp({ cypher, port: 0, host: '127.0.0.1', development: false, loaders: { batch: kind !== 'unbatched' },
      // As shipped (src/config.ts's default), and off with the result cache: "cache off" means every cache.
      responseCacheBytes: kind === 'plangraph' ? 64 * 1024 * 1024 : 0,
      // The wide query asks 500 × 500 on purpose, far above the public cost budget (PLANGRAPH_MAX_QUERY_COST): lift it here.
      // Likewise the request deadline (15 s by default): at 1000× a cold first request can take longer.
      limits: { maxCost: 1e9, requestDeadlineMs: 600_000 } });
    url = `${app.url}/graphql`;
    stop = app.stop;
  }
  const shutdown = async () => {
    await stop();
    await driver.close();
    process.exit(0);
  };
  process.stdin.on('end', () => void shutdown());
  process.stdin.on('close', () => void shutdown());
  process.stdin.resume();
  process.on('SIGTERM', () => void shutdown());
  console.log(`READY ${url}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
