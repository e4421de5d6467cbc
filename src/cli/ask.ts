import { localAsker } from '../ask/local';
import { Cypher } from '../neo4j/cypher';
import { exitWithError, readConfigOrExit } from '../run';
import { openGraph } from './open-graph';

/**
 * `npm run ask -- "哪些项目服务于东核?"` (several questions: several arguments; `--json` for the whole Answer):
 * Query.ask in a terminal, against the running `npm start`'s Neo4j when one answers (openGraph), else its own.
 * Prints the interpretation, the confidence, the items with their first quote, and the GraphQL that ran.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const questions = args.filter((a) => a !== '--json');
  if (!questions.length) {
    process.stderr.write('usage: npm run ask -- "哪些项目服务于东核?" ["another question" …] [--json]\n');
    process.exitCode = 2;
    return;
  }
  const config = readConfigOrExit();
  const db = await openGraph(config, (line) => process.stderr.write(`[plangraph] ${line}\n`));
  const asker = await localAsker(new Cypher(db.driver, db.database, config.queryTimeoutMs));
  try {
    for (const question of questions.slice(0, 50)) {
      const a = await asker.ask(question);
      if (json) {
        process.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
        continue;
      }
      const out = [`? ${a.question}`, `  ${a.interpretation}   [${a.shape}, ${a.confidence}]`];
      for (const n of a.notes) out.push(`  · ${n}`);
      for (const c of a.clarifications) out.push(`  ? ${c.message} ${c.options.join(' / ')}`);
      for (const i of a.items.slice(0, 40)) {
        const extra = [i.value && i.value !== i.name ? i.value : null, i.basis, i.reason].filter(Boolean).join(' · ');
        out.push(`  - ${i.name}${extra ? `  (${extra})` : ''}`);
        if (i.evidence[0]) out.push(`      “${i.evidence[0].quote}”`);
      }
      if (a.items.length > 40) out.push(`  … ${a.items.length - 40} more`);
      out.push(`  total: ${a.totalCount}`, `  GraphQL: ${a.graphql}`, '');
      process.stdout.write(`${out.join('\n')}\n`);
    }
  } finally {
    await asker.stop();
    await db.close();
  }
}

main().catch(exitWithError);
