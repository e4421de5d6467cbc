import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';

/**
 * Errors a client can act on, each with `extensions.code`:
 *   BAD_USER_INPUT       bad arguments (a `first` over the bound, a bad cursor, an unknown enum value, …)
 *   NOT_FOUND            an id that must exist does not
 *   SERVICE_UNAVAILABLE  Neo4j cannot be reached; retry later
 *   QUERY_TIMEOUT        the query ran longer than PLANGRAPH_QUERY_TIMEOUT_MS
 *   INTERNAL_SERVER_ERROR anything else (details only in development mode)
 */

export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`No ${what} has the id "${id}".`, { extensions: { code: 'NOT_FOUND', id } });
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
const TIMEOUT = /TransactionTimedOut|Transaction.*Terminated/;

/** GraphQL validation messages that are about an argument's value rather than the query's shape. */
const BAD_VALUE = /^(Value ".*" does not exist in|Enum ".*" cannot represent|Expected value of type|Int cannot represent|Float cannot represent|String cannot represent|ID cannot represent|Boolean cannot represent|Field ".*" argument ".*" of type ".*" is required|Variable ".*" got invalid value)/;

export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof Neo4jError || (original as { name?: string })?.name === 'Neo4jError') {
      const code = (original as Neo4jError).code;
      if (UNAVAILABLE.has(code)) {
        return { ...formatted, message: 'The graph database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
      }
      if (TIMEOUT.test(code)) {
        return { ...formatted, message: 'The query took too long and was stopped; ask for less (smaller `first`, lower depth).', extensions: { code: 'QUERY_TIMEOUT' } };
      }
    }
    if (/^Schema is not configured to execute (mutation|subscription)/.test(formatted.message)) {
      return { ...formatted, message: 'PlanGraph is read-only: only queries are supported.', extensions: { code: 'BAD_REQUEST' } };
    }
    const code = formatted.extensions?.code;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && BAD_VALUE.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    // GraphQL's own errors and ours are meant for the client; anything else is a bug whose details stay in the log.
    if (!(original instanceof GraphQLError) && !development) {
      console.error('[plangraph] unexpected error:', original);
      return { message: 'Internal server error.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}
