import { readFileSync, writeFileSync } from 'node:fs';
import {
  BreakdownRow, countsTables, DATA_DOC, FIXTURES_README, inferenceTable, RelationshipCountRow, replacePart, stageVerbTable,
} from '../docs/data-doc';
import { API_DOC, loadExamples, renderExamples, replaceExamplesSection } from '../docs/examples';
import { loadQuestions, QUESTIONS_DOC, renderQuestions, replaceQuestionsSection } from '../docs/questions';
import { startApp } from '../http/app';
import { connect } from '../neo4j/connect';
import { Cypher } from '../neo4j/cypher';
import { exitWithError, log, readConfigOrExit } from '../run';

/**
 * `npm run docs`: run docs/examples/*.graphql and docs/questions/*.graphql against the graph and write their answers
 * into docs/api.md and docs/research-questions.md; write the graph's counts and inference table into docs/data.md
 * and the verb → stage table into fixtures/README.md.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const db = await connect(config, log);
  const app = await startApp({ cypher: new Cypher(db.driver, db.database, config.queryTimeoutMs), port: 0, host: '127.0.0.1', development: false });
  try {
    const run = async (query: string) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const { extensions: _cost, ...response } = (await res.json()) as Record<string, unknown>;
      return response;
    };
    const results = [];
    for (const example of loadExamples()) results.push({ example, response: await run(example.query) });
    writeFileSync(API_DOC, replaceExamplesSection(readFileSync(API_DOC, 'utf8'), renderExamples(results)));
    log(`wrote ${results.length} examples with their answers to docs/api.md`);
    const answers = [];
    for (const question of loadQuestions()) answers.push({ question, response: await run(question.query) });
    writeFileSync(QUESTIONS_DOC, replaceQuestionsSection(readFileSync(QUESTIONS_DOC, 'utf8'), renderQuestions(answers)));
    log(`wrote ${answers.length} research questions with their answers to docs/research-questions.md`);
    const cypher = new Cypher(db.driver, db.database, config.queryTimeoutMs);
    const breakdown = await cypher.read<BreakdownRow>('read/doc-breakdowns');
    const rels = await cypher.read<RelationshipCountRow>('read/doc-relationship-counts');
    let data = readFileSync(DATA_DOC, 'utf8');
    data = replacePart(data, 'data-inference', inferenceTable(rels));
    data = replacePart(data, 'data-counts', countsTables(breakdown, rels));
    writeFileSync(DATA_DOC, data);
    writeFileSync(FIXTURES_README, replacePart(readFileSync(FIXTURES_README, 'utf8'), 'stage-verbs', stageVerbTable()));
    log('wrote the counts and inference table to docs/data.md and the verb → stage table to fixtures/README.md');
  } finally {
    await app.stop();
    await db.close();
  }
}

main().catch(exitWithError);
