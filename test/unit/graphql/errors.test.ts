import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { badInput, formatError, notFound, TIMEOUT_CODES, UNAVAILABLE_CODES } from '../../../src/graphql/errors';
import { RowShapeError } from '../../../src/graphql/graph-rows';
import { ReadOnlyOperationError } from '../../../src/graphql/validation';

/** formatError against synthetic errors, as Apollo hands them over: the formatted error and the original. */

/** An error thrown in a resolver reaches formatError wrapped in a GraphQLError with it as originalError. */
const fromResolver = (error: Error) => new GraphQLError(error.message, { originalError: error, path: ['strategy'] });
const formatted = (error: GraphQLError, code?: string): GraphQLFormattedError => ({ message: error.message, path: error.path, extensions: code ? { code } : {} });

const format = formatError(false);
const silently = <T>(fn: () => T): T => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return fn();
  } finally {
    spy.mockRestore();
  }
};

describe('formatError', () => {
  it.each<[string, string]>([
    ...[...UNAVAILABLE_CODES].map((code): [string, string] => [code, 'SERVICE_UNAVAILABLE']),
    ...[...TIMEOUT_CODES].map((code): [string, string] => [code, 'QUERY_TIMEOUT']),
    ['Neo.ClientError.Statement.SyntaxError', 'INTERNAL_SERVER_ERROR'],
    ['Neo.ClientError.Statement.ParameterMissing', 'INTERNAL_SERVER_ERROR'],
  ])('a Neo4j error %s is %s, with a message a user can act on and no database detail', (neo4jCode, code) => {
    const error = fromResolver(new Neo4jError('raw database message with internals', neo4jCode, '50N42', 'general processing exception'));
    const out = silently(() => format(formatted(error, 'INTERNAL_SERVER_ERROR'), error));
    expect(out.extensions?.code).toBe(code);
    expect(out.message).not.toContain('internals');
  });

  it.each([
    ['badInput', badInput('first must be between 0 and 500, got 501.', { argument: 'first' }), 'BAD_USER_INPUT'],
    ['notFound', notFound('strategy', 'strategy:nope'), 'NOT_FOUND'],
  ])('passes our own %s error through as it is', (_what, error, code) => {
    const wrapped = fromResolver(error);
    expect(format(formatted(wrapped, code), wrapped)).toEqual(formatted(wrapped, code));
  });

  it('hides a bug (any other error) behind INTERNAL_SERVER_ERROR, and logs it', () => {
    const error = fromResolver(new RowShapeError('read/x.nodes[0].id: expected a string'));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = format(formatted(error, 'INTERNAL_SERVER_ERROR'), error);
    expect(out).toEqual({ message: 'Internal server error.', path: ['strategy'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('shows a bug to a developer (NODE_ENV=development)', () => {
    const error = fromResolver(new Error('boom'));
    expect(formatError(true)(formatted(error, 'INTERNAL_SERVER_ERROR'), error).message).toBe('boom');
  });

  it('answers BAD_REQUEST for a mutation refused by the read-only rule, by its class, whatever its message', () => {
    const rule = new ReadOnlyOperationError('any words at all');
    // Apollo wraps a validation error with code GRAPHQL_VALIDATION_FAILED and the rule's error as originalError.
    const wrapped = new GraphQLError(rule.message, { originalError: rule, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(formatted(wrapped, 'GRAPHQL_VALIDATION_FAILED'), wrapped).extensions?.code).toBe('BAD_REQUEST');
  });

  it('leaves other validation errors as GRAPHQL_VALIDATION_FAILED, even worded like a value error', () => {
    const error = new GraphQLError('Value "X" does not exist in "ProjectStage" enum.', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(format(formatted(error, 'GRAPHQL_VALIDATION_FAILED'), error).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
