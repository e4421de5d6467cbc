import { ApolloServer } from '@apollo/server';
import { DEFAULT_LIMITS } from '../config';
import { Context } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { documentRules } from '../graphql/limits/document-rules';
import { createLoaders } from '../graphql/loaders';
import { resolvers } from '../graphql/resolvers';
import { loadTypeDefs } from '../graphql/type-defs';
import { readOnlyRule } from '../graphql/validation';
import type { CypherRunner } from '../neo4j/runner';
import type { AskAnswer } from './answer';

/**
 * Query.ask without HTTP, for `npm run ask` and bench/ask.ts: the API's schema and resolvers in an in-process
 * Apollo Server (the same validation rules as the HTTP server's), one context per question as a request has.
 */

export const ASK_QUERY = `query Ask($question: String!) {
  ask(question: $question) {
    question language shape confidence interpretation graphql totalCount notes
    clarifications { message options }
    understood { id name label }
    items { name id value year kind basis strength reason evidence { quote section { fullHeading } } }
  }
}`;

export async function localAsker(cypher: CypherRunner) {
  const server = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(), resolvers, formatError: formatError(false), validationRules: [documentRules(DEFAULT_LIMITS), readOnlyRule],
  });
  await server.start();
  return {
    async ask(question: string): Promise<AskAnswer & { items: (AskAnswer['items'][number] & { evidence: { quote: string; section: { fullHeading: string } }[] })[] }> {
      const response = await server.executeOperation({ query: ASK_QUERY, variables: { question } }, { contextValue: { cypher, loaders: createLoaders(cypher) } });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      if (errors?.length) throw new Error(errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; '));
      return (data as { ask: never }).ask;
    },
    stop: () => server.stop(),
  };
}
