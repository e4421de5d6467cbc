import { currentQuestionsSection, loadQuestions, renderQuestions } from '../../src/docs/questions';
import { startTestServer, TestServer } from '../helpers/server';

/** The answers printed in docs/research-questions.md are what the API really returns today, each from one query. */

let server: TestServer;
beforeAll(async () => {
  // A generous timeout: these statements are planned on first use, which takes seconds on a loaded machine.
  server = await startTestServer(undefined, { queryTimeoutMs: 60_000 });
});
afterAll(() => server.stop());

it('docs/research-questions.md answers at least 12 questions, one query each, with current answers (run `npm run docs` to refresh)', async () => {
  const questions = loadQuestions();
  expect(questions.length).toBeGreaterThanOrEqual(12);
  const results = [];
  for (const question of questions) {
    const { extensions: _cost, status: _status, ...response } = await server.gql(question.query);
    expect({ file: question.file, errors: response.errors }).toEqual({ file: question.file, errors: undefined });
    // One query means one operation: the answer is this response, nothing joined on the client.
    expect(question.query.match(/^\s*(query|\{)/gm)?.length).toBe(1);
    results.push({ question, response });
  }
  expect(currentQuestionsSection()).toBe(renderQuestions(results));
});
