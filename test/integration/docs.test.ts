import { currentExamplesSection, loadExamples, renderExamples } from '../../src/docs/examples';
import { startTestServer, TestServer } from '../helpers/server';

/** The answers printed in docs/api.md are what the API really returns today. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

it('docs/api.md shows the example queries with their current answers (run `npm run docs` to refresh)', async () => {
  const examples = loadExamples();
  expect(examples.length).toBeGreaterThanOrEqual(10);
  const results = [];
  for (const example of examples) {
    const { extensions: _cost, status: _status, ...response } = await server.gql(example.query);
    expect({ file: example.file, errors: response.errors }).toEqual({ file: example.file, errors: undefined });
    results.push({ example, response });
  }
  expect(currentExamplesSection()).toBe(renderExamples(results));
});
