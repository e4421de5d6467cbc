import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Neo4jError } from 'neo4j-driver';
import { isArgumentValueError, ReadOnlyOperationError } from './validation';
import { DeadlinePassedError } from '../neo4j/cypher';
import { BusyError } from '../neo4j/bulkhead';

/**
 * Errors a client can act on, each with `extensions.code`:
 *   BAD_USER_INPUT       bad arguments (a `first` over the bound, a bad cursor, an unknown enum value, …)
 *   NOT_FOUND            an id that must exist does not
 *   BAD_REQUEST          a mutation or subscription (the API is read-only)
 *   SERVICE_UNAVAILABLE  Neo4j cannot be reached; retry later
 *   QUERY_TIMEOUT        the query ran longer than PLANGRAPH_QUERY_TIMEOUT_MS (or past the request's deadline)
 *   SERVER_BUSY          too many path or passage searches at once; retry after extensions.retryAfter seconds
 *   INTERNAL_SERVER_ERROR anything else (details only in development mode)
 * Errors are classified by their class and code, never by their message text.
 */

export function badInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } });
}

export function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`No ${what} has the id "${id}".`, { extensions: { code: 'NOT_FOUND', id } });
}

/** Neo4j codes (and the driver's own) meaning the database cannot be reached. */
export const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
  // The server's own credentials refused: an embedded Neo4j restarted with a new password the driver has not
  // picked up yet, or a wrong NEO4J_PASSWORD. Not the client's doing; the availability probe finds out when it passes.
  'Neo.ClientError.Security.Unauthorized',
]);
/** Neo4j codes meaning the transaction ran past its timeout (or was terminated because of it). */
export const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.Terminated',
]);

export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof Neo4jError) {
      if (UNAVAILABLE_CODES.has(original.code)) {
        return { ...formatted, message: 'The graph database is unavailable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } };
      }
      if (TIMEOUT_CODES.has(original.code)) {
        return { ...formatted, message: 'The query took too long and was stopped; ask for less (smaller `first`, lower depth).', extensions: { code: 'QUERY_TIMEOUT' } };
      }
    }
    if (original instanceof BusyError) {
      return { ...formatted, message: original.message, extensions: { code: 'SERVER_BUSY', retryAfter: original.retryAfterSeconds } };
    }
    if (original instanceof DeadlinePassedError) {
      return { ...formatted, message: 'The request ran out of time (PLANGRAPH_REQUEST_DEADLINE_MS) and was stopped; ask for less.', extensions: { code: 'QUERY_TIMEOUT' } };
    }
    // Validation errors reach here wrapped by Apollo (code GRAPHQL_VALIDATION_FAILED), the rule's error as originalError.
    const cause = original instanceof GraphQLError ? (original.originalError ?? original) : original;
    if (cause instanceof ReadOnlyOperationError) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    }
    if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && isArgumentValueError(cause)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    // GraphQL's own errors and ours are meant for the client; anything else is a bug whose details stay in the log.
    if (!(original instanceof GraphQLError) && !development) {
      // One line, so the log stays one JSON object per line; the first frames say where.
      const err = original instanceof Error ? original : new Error(String(original));
      console.error(JSON.stringify({ level: 50, time: Date.now(), msg: 'unexpected error', err: { type: err.name, message: err.message.slice(0, 500), stack: (err.stack ?? '').split('\n').slice(1, 4).map((l) => l.trim()) } }));
      return { message: 'Internal server error.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    return formatted;
  };
}
