import { execute, parse, specifiedRules, validate } from 'graphql';
import { answerQuestion } from '../../ask/answer';
import { dictionaryFor } from '../../ask/names';
import type { Resolvers } from '../generated/resolvers';

/**
 * Query.ask: a question in words → an Answer (src/ask/). The operation the answer rests on runs through this
 * server's own schema with this request's context — the same resolvers, loaders, Cypher and caches as any client
 * query — via graphql-js `execute`, after graphql-js's standard validation; so Answer.graphql is exactly what ran.
 * The outer request already passed the server's limits (the question is one ≤ 200-character string); the inner
 * operations are the fixed templates of src/ask/plan.ts, each within the documented limits (a unit test checks).
 */
export const askResolvers: Pick<Resolvers, 'Query' | 'AskItem' | 'AskName'> = {
  Query: {
    ask: async (_, { question }, ctx, info) => {
      const dict = await dictionaryFor(ctx.cypher);
      return answerQuestion(question, dict, async (graphql) => {
        const document = parse(graphql);
        const errors = validate(info.schema, document, specifiedRules);
        if (errors.length) return { errors };
        const result = await execute({ schema: info.schema, document, contextValue: ctx });
        return { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors };
      });
    },
  },
  AskItem: {
    entity: (item, _, ctx) => (item.id && item.kind !== 'PASSAGE' ? ctx.loaders.node.load(item.id) : null),
  },
  AskName: {
    entity: (name, _, ctx) => ctx.loaders.node.load(name.id),
  },
};
