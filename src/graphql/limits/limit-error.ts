import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Limits } from '../../config';

/**
 * One error class for every refused limit: QUERY_LIMIT_EXCEEDED, naming the limit, its value, the request's value
 * and the environment variable that sets it, so a client (or its developer) knows exactly what to change.
 */

export const LIMIT_ENV: Record<keyof Limits, string> = {
  maxDepth: 'PLANGRAPH_MAX_QUERY_DEPTH',
  maxCost: 'PLANGRAPH_MAX_QUERY_COST',
  maxAliases: 'PLANGRAPH_MAX_ALIASES',
  maxRootFields: 'PLANGRAPH_MAX_ROOT_FIELDS',
  maxTokens: 'PLANGRAPH_MAX_TOKENS',
  maxFragmentSpreads: 'PLANGRAPH_MAX_FRAGMENT_SPREADS',
  maxBatch: 'PLANGRAPH_MAX_BATCH',
  maxBodyBytes: 'PLANGRAPH_MAX_BODY_BYTES',
  maxVariablesBytes: 'PLANGRAPH_MAX_VARIABLES_BYTES',
  maxVariablesDepth: 'PLANGRAPH_MAX_VARIABLES_DEPTH',
  maxInputLength: 'PLANGRAPH_MAX_INPUT_LENGTH',
  maxInputListLength: 'PLANGRAPH_MAX_INPUT_LIST_LENGTH',
  maxResponseObjects: 'PLANGRAPH_MAX_RESPONSE_OBJECTS',
  maxResponseBytes: 'PLANGRAPH_MAX_RESPONSE_BYTES',
  requestDeadlineMs: 'PLANGRAPH_REQUEST_DEADLINE_MS',
};

export class LimitError extends GraphQLError {
  constructor(
    readonly limit: keyof Limits,
    readonly max: number,
    readonly actual: number,
    what: string,
    advice: string,
    /** The code: QUERY_LIMIT_EXCEEDED, or BAD_USER_INPUT for an argument value over its bound. */
    readonly code = 'QUERY_LIMIT_EXCEEDED',
    message = `${what} is ${actual}; the limit ${limit} (${LIMIT_ENV[limit]}) is ${max}. ${advice}`,
  ) {
    super(message, {
      extensions: { code, limit, max, actual, http: { status: 400 } },
    });
  }

  /** A limit that could not be measured: the request is refused all the same (fail closed). */
  static uncomputable(limit: keyof Limits, max: number, what: string, reason: string): LimitError {
    return new LimitError(limit, max, -1, what, '', 'QUERY_LIMIT_EXCEEDED',
      `${what} could not be computed (${reason.slice(0, 200)}), so the request is refused; the limit ${limit} (${LIMIT_ENV[limit]}) is ${max}. Please report this query.`);
  }

  get formatted(): GraphQLFormattedError {
    return { message: this.message, extensions: { code: this.code, limit: this.limit, max: this.max, actual: this.actual } };
  }
}

/** Apollo re-wraps validation errors as GRAPHQL_VALIDATION_FAILED; this restores a limit's own code. */
export function formatLimitError(error: unknown): GraphQLFormattedError | null {
  for (let e = error as { originalError?: unknown } | undefined, i = 0; e && i < 4; e = e.originalError as typeof e, i++) {
    if (e instanceof LimitError) return e.formatted;
  }
  return null;
}

export function limitMessage(limit: keyof Limits, max: number, actual: number, what: string, advice: string): string {
  return new LimitError(limit, max, actual, what, advice).message;
}
