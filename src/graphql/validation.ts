import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, ProvidedRequiredArgumentsRule, validate, ValidationRule, ValuesOfCorrectTypeRule } from 'graphql';

/**
 * Classifying graphql-js validation errors by what produced them, not by their wording: graphql-js 16 gives its
 * errors no codes, but it does say which rule is which, so PlanGraph asks the rules themselves.
 */

/** A mutation or subscription sent to this read-only API: refused in validation, before anything runs. */
export class ReadOnlyOperationError extends GraphQLError {}

export const readOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'query') {
      context.reportError(new ReadOnlyOperationError(`PlanGraph is read-only: ${node.operation}s are not supported, only queries.`, { nodes: node }));
    }
  },
});

/** The rules whose errors are about an argument's value (an unknown enum value, a wrong type, a missing argument). */
const VALUE_RULES = [ValuesOfCorrectTypeRule, ProvidedRequiredArgumentsRule];

const argumentValueErrors = new WeakSet<GraphQLError>();

/** Whether a validation error came from a rule about an argument's value (see argumentValueErrorPlugin). */
export function isArgumentValueError(error: unknown): boolean {
  return error instanceof GraphQLError && argumentValueErrors.has(error);
}

const sameError = (a: GraphQLError, b: Error) =>
  b instanceof GraphQLError && a.message === b.message && JSON.stringify(a.locations) === JSON.stringify(b.locations);

/**
 * When a request fails validation, re-runs only the value rules on it and marks the errors they also report,
 * so formatError can answer BAD_USER_INPUT for them. Costs nothing on valid requests.
 */
export const argumentValueErrorPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async validationDidStart({ schema, document }) {
        return async (errors) => {
          if (!errors?.length) return;
          const valueErrors = validate(schema, document, VALUE_RULES);
          for (const error of errors) {
            if (error instanceof GraphQLError && valueErrors.some((v) => sameError(v, error))) argumentValueErrors.add(error);
          }
        };
      },
    };
  },
};
