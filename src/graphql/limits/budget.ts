import type { ApolloServerPlugin } from '@apollo/server';
import type { Limits } from '../../config';
import { LimitError } from './limit-error';

/**
 * The runtime budget: however the estimate went, an answer holds at most maxResponseObjects objects (each object a
 * resolver returns, each item of a list). Counted as fields resolve; once past the budget every further field fails
 * at once (so execution stops descending) and the whole answer becomes one coded error: the client learns what to
 * ask instead of receiving a truncated answer. The answer's bytes are bounded in the HTTP handler (maxResponseBytes).
 */
export function budgetPlugin(limits: Pick<Limits, 'maxResponseObjects'>): ApolloServerPlugin {
  const refusal = () => new LimitError('maxResponseObjects', limits.maxResponseObjects, limits.maxResponseObjects + 1,
    'The number of objects in the answer (at least)', 'Ask for smaller pages (`first`) or fewer nested lists, and page with `after`.');
  return {
    async requestDidStart() {
      let objects = 0;
      let exceeded = false;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (exceeded) throw refusal();
              return (_error: unknown, result: unknown) => {
                if (Array.isArray(result)) objects += result.length;
                else if (result !== null && typeof result === 'object') objects += 1;
                if (objects > limits.maxResponseObjects) exceeded = true;
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (!exceeded || response.body.kind !== 'single') return;
          response.body.singleResult = { errors: [refusal().formatted] };
          response.http.status = 400;
        },
      };
    },
  };
}
