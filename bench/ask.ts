import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { localAsker } from '../src/ask/local';
import { openGraph } from '../src/cli/open-graph';
import { Cypher } from '../src/neo4j/cypher';
import { ROOT } from '../src/paths';
import { exitWithError, readConfigOrExit } from '../src/run';

/**
 * `npm run bench:ask`: Query.ask's latency over the team's question set (test/unit/ask/questions.json), in process
 * (no HTTP, no response cache) with the server's result cache, after one warm-up round: p50 / p99 / max of
 * ROUNDS × the set, one question at a time. A benchmark, not a test: the numbers go into docs/ask.md by hand.
 */
const ROUNDS = 10;

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const db = await openGraph(config, (line) => process.stderr.write(`[plangraph] ${line}\n`));
  const questions = (JSON.parse(readFileSync(join(ROOT, 'test/unit/ask/questions.json'), 'utf8')) as { question: string }[]).map((q) => q.question);
  const asker = await localAsker(new Cypher(db.driver, db.database, config.queryTimeoutMs).withResultCache(config.resultCacheEntries));
  try {
    for (const q of questions) await asker.ask(q); // warm-up: jieba, opencc, the dictionary, the JIT
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of questions) {
        const t0 = performance.now();
        await asker.ask(q);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))].toFixed(1);
    process.stdout.write(`ask: ${times.length} answers (${questions.length} questions × ${ROUNDS}): p50 ${at(50)} ms, p90 ${at(90)} ms, p99 ${at(99)} ms, max ${times[times.length - 1].toFixed(1)} ms\n`);
  } finally {
    await asker.stop();
    await db.close();
  }
}

main().catch(exitWithError);
