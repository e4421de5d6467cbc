import { ApolloServerPlugin } from '@apollo/server';
import {
  ASTVisitor, DocumentNode, FieldNode, FragmentDefinitionNode, getNamedType, getNullableType, GraphQLError, GraphQLFormattedError,
  GraphQLSchema, isLeafType, isListType, Kind, Lexer, SelectionSetNode, Source, TokenKind, ValidationContext,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { Limits } from '../config';
import { DEFAULT_PAGE_SIZE } from '../graphql/pagination';

/**
 * What one request may ask for, beyond depth (src/graphql/depth-limit.ts). Each refusal is a QUERY_LIMIT_EXCEEDED
 * error that names the limit, its value, the request's value and the variable that sets it, before anything runs.
 *   tokens       counted with graphql's own lexer before parsing: bounds the work of parsing and validating
 *   aliases      one document may not ask the same list 300 times under other names
 *   root fields  each root field is at least one Cypher statement
 *   cost         estimated objects in the answer: a list multiplies what it contains by `first` (or its default),
 *                through every level of nesting, so `first: 500` inside `first: 500` counts 250,000
 */

const ENV: Record<keyof Limits, string> = {
  maxDepth: 'PLANGRAPH_MAX_QUERY_DEPTH',
  maxCost: 'PLANGRAPH_MAX_QUERY_COST',
  maxAliases: 'PLANGRAPH_MAX_ALIASES',
  maxRootFields: 'PLANGRAPH_MAX_ROOT_FIELDS',
  maxTokens: 'PLANGRAPH_MAX_TOKENS',
  maxBatch: 'PLANGRAPH_MAX_BATCH',
  maxBodyBytes: 'PLANGRAPH_MAX_BODY_BYTES',
  requestDeadlineMs: 'PLANGRAPH_REQUEST_DEADLINE_MS',
};

/** A list without `first` (parts, evidence, districts, …) is assumed to hold this many items. */
export const UNPAGED_LIST_ESTIMATE = 5;

export class LimitError extends GraphQLError {
  constructor(
    readonly limit: keyof Limits,
    readonly max: number,
    readonly actual: number,
    what: string,
    advice: string,
  ) {
    super(`${what} is ${actual}; the limit ${limit} (${ENV[limit]}) is ${max}. ${advice}`, {
      extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit, max, actual, http: { status: 400 } },
    });
  }
}

/** Apollo re-wraps validation errors as GRAPHQL_VALIDATION_FAILED; this restores a limit's own code. */
export function formatLimitError(error: unknown): GraphQLFormattedError | null {
  for (let e = error as { originalError?: unknown } | undefined, i = 0; e && i < 4; e = e.originalError as typeof e, i++) {
    if (e instanceof LimitError) {
      return { message: e.message, extensions: { code: 'QUERY_LIMIT_EXCEEDED', limit: e.limit, max: e.max, actual: e.actual } };
    }
  }
  return null;
}

export function limitMessage(limit: keyof Limits, max: number, actual: number, what: string, advice: string): string {
  return new LimitError(limit, max, actual, what, advice).message;
}

/** Tokens of a query text, stopping early once past `stopAfter` (the body size already bounds the text). */
export function countTokens(text: string, stopAfter = Infinity): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > stopAfter) break;
    }
  } catch {
    // A lexical error is the parser's to report, with its position.
  }
  return count;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return map;
}

/** Fields at the root of each operation (through fragments), and aliases anywhere in the document. */
export function limitRules(limits: Pick<Limits, 'maxAliases' | 'maxRootFields'>) {
  return (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument();
    const fragments = fragmentsOf(document);
    const rootFields = (set: SelectionSetNode, seen: Set<string>): number =>
      set.selections.reduce((n, s) => {
        if (s.kind === Kind.FIELD) return n + (s.name.value.startsWith('__') ? 0 : 1);
        if (s.kind === Kind.INLINE_FRAGMENT) return n + rootFields(s.selectionSet, seen);
        const fragment = fragments.get(s.name.value);
        if (!fragment || seen.has(s.name.value)) return n;
        return n + rootFields(fragment.selectionSet, new Set([...seen, s.name.value]));
      }, 0);
    let aliases = 0;
    return {
      Field(node: FieldNode) {
        if (node.alias) aliases += 1;
      },
      OperationDefinition: {
        leave(operation) {
          const count = rootFields(operation.selectionSet, new Set());
          if (count > limits.maxRootFields) {
            context.reportError(new LimitError('maxRootFields', limits.maxRootFields, count, 'The number of root fields in the operation',
              'Split the request into several operations.'));
          }
        },
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases) {
            context.reportError(new LimitError('maxAliases', limits.maxAliases, aliases, 'The number of aliased fields',
              'Ask for a list once (with a larger `first`) instead of many aliases, or split the request.'));
          }
        },
      },
    };
  };
}

/** Estimated objects in the answer (scalars are free; introspection is not counted, like depth). */
function estimate({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (field.name.startsWith('__')) return 0;
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const first = typeof args.first === 'number' && args.first >= 0 ? args.first : undefined;
  // A connection multiplies its edges by the page size; `edges` itself is then one per item, not another list.
  if (named.name.endsWith('Connection')) return 1 + (first ?? DEFAULT_PAGE_SIZE) * childComplexity;
  if (field.name === 'edges' && named.name.endsWith('Edge')) return childComplexity;
  if (isListType(getNullableType(field.type))) return (first ?? UNPAGED_LIST_ESTIMATE) * (1 + childComplexity);
  return 1 + childComplexity;
}

export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables?: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimate] });
}

/**
 * The token limit, checked by the HTTP handler before Apollo sees the request (an error thrown in Apollo's
 * source hooks would become a 500); Apollo's parser is also given maxTokens as a backstop.
 */
export function tokenLimitError(query: unknown, maxTokens: number): LimitError | null {
  if (typeof query !== 'string') return null;
  const cap = maxTokens * 10;
  const tokens = countTokens(query, cap);
  if (tokens <= maxTokens) return null;
  return new LimitError('maxTokens', maxTokens, tokens, `The number of tokens in the query${tokens > cap ? ' (at least)' : ''}`,
    'Send a shorter query: use fragments or variables instead of repeating text.');
}

/** The cost limit, once the operation and its variables are known. */
export function costPlugin(limits: Pick<Limits, 'maxCost'>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables, operationName ?? undefined);
          } catch {
            return; // variables that do not fit their types: execution reports them, before anything runs
          }
          if (cost > limits.maxCost) {
            throw new LimitError('maxCost', limits.maxCost, cost, 'The estimated cost of the query (objects it may return: each list counts `first`, default ' +
              `${DEFAULT_PAGE_SIZE} for connections and ${UNPAGED_LIST_ESTIMATE} for other lists, times what it contains)`,
              'Ask for smaller pages (`first`) or fewer nested lists, and page with `after`.');
          }
        },
      };
    },
  };
}
