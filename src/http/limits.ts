import { Lexer, Source, TokenKind } from 'graphql';
import type { Limits } from '../config';
import { LimitError } from '../graphql/limits/limit-error';

/**
 * The limits checked on the raw request, before Apollo parses or validates anything (an error thrown in Apollo's
 * own hooks would become a 500, and parsing is work an attacker controls):
 *   tokens            counted with graphql's own lexer: bounds the work of parsing and validating
 *   fragment spreads  `...Name` in the text, counted in the same pass: graphql-js's own validation rules are
 *                     quadratic in spreads in the worst case (overlapping fields), so their number is capped too
 *   variables         their JSON size, nesting depth, string lengths and list lengths, walked iteratively with a
 *                     bound on the work (a 5,000-deep object made the response cache's JSON.stringify throw)
 * The limits on the document's shape and cost are GraphQL validation (src/graphql/limits/).
 */

export { formatLimitError, LimitError, limitMessage } from '../graphql/limits/limit-error';

export interface TextCounts {
  tokens: number;
  spreads: number;
}

/** Tokens and named fragment spreads of a query text, stopping once past `stopAfter` tokens (the body size bounds the text). */
export function countTokens(text: string, stopAfter = Infinity): TextCounts {
  const lexer = new Lexer(new Source(text));
  let tokens = 0;
  let spreads = 0;
  let afterSpread = false;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      // `... Name` is a fragment spread; `... on Type` and `... {` are inline fragments.
      if (afterSpread && token.kind === TokenKind.NAME && token.value !== 'on') spreads += 1;
      afterSpread = token.kind === TokenKind.SPREAD;
      if (++tokens > stopAfter) break;
    }
  } catch {
    // A lexical error is the parser's to report, with its position.
  }
  return { tokens, spreads };
}

/** The token and fragment-spread limits of one operation's query text, or null when it is within them. */
export function queryTextLimitError(query: unknown, limits: Pick<Limits, 'maxTokens' | 'maxFragmentSpreads'>): LimitError | null {
  if (typeof query !== 'string') return null;
  const cap = limits.maxTokens * 10;
  const { tokens, spreads } = countTokens(query, cap);
  if (tokens > limits.maxTokens) {
    return new LimitError('maxTokens', limits.maxTokens, tokens, `The number of tokens in the query${tokens > cap ? ' (at least)' : ''}`,
      'Send a shorter query: use fragments or variables instead of repeating text.');
  }
  if (spreads > limits.maxFragmentSpreads) {
    return new LimitError('maxFragmentSpreads', limits.maxFragmentSpreads, spreads, 'The number of fragment spreads in the query',
      'Spread each fragment where it is needed once; nest fragments instead of repeating them.');
  }
  return null;
}

type VariableLimits = Pick<Limits, 'maxVariablesBytes' | 'maxVariablesDepth' | 'maxInputLength' | 'maxInputListLength'>;

/**
 * The variables of one operation: as sent in a POST body (already parsed JSON) or in a GET query string (a JSON
 * text Apollo will parse). Every value is visited at most once, iteratively; the byte size is the JSON text's.
 */
export function variablesLimitError(variables: unknown, limits: VariableLimits): LimitError | null {
  if (variables === undefined || variables === null) return null;
  if (typeof variables === 'string') {
    const bytes = Buffer.byteLength(variables);
    if (bytes > limits.maxVariablesBytes) return tooManyBytes(bytes, limits);
    const depth = jsonTextDepth(variables, limits.maxVariablesDepth);
    if (depth > limits.maxVariablesDepth) return tooDeep(depth, limits);
    try {
      return variablesLimitError(JSON.parse(variables), { ...limits, maxVariablesBytes: Infinity });
    } catch {
      return null; // not JSON: Apollo answers BAD_REQUEST with its own message
    }
  }
  // Walk the value without recursion; depth is checked as values are met, so a deep value stops the walk early.
  const stack: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  let bytes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > limits.maxVariablesDepth) return tooDeep(depth, limits);
    if (typeof value === 'string') {
      if (value.length > limits.maxInputLength) {
        return new LimitError('maxInputLength', limits.maxInputLength, value.length, 'The length of a string in the variables',
          'Search for a shorter phrase; no name or id in the graph is this long.', 'BAD_USER_INPUT');
      }
      bytes += value.length + 2;
    } else if (Array.isArray(value)) {
      if (value.length > limits.maxInputListLength) {
        return new LimitError('maxInputListLength', limits.maxInputListLength, value.length, 'The number of values in a list in the variables',
          'Send fewer values, in several requests if need be.', 'BAD_USER_INPUT');
      }
      bytes += 2 + value.length;
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      bytes += 2 + entries.length;
      for (const [key, item] of entries) {
        bytes += key.length + 3;
        stack.push({ value: item, depth: depth + 1 });
      }
    } else {
      bytes += 8;
    }
    if (bytes > limits.maxVariablesBytes) return tooManyBytes(bytes, limits);
  }
  return null;
}

const tooManyBytes = (bytes: number, limits: VariableLimits) =>
  new LimitError('maxVariablesBytes', limits.maxVariablesBytes, bytes, 'The size of the variables in bytes (about)',
    'Send smaller variables; no argument of this API needs this much.');
const tooDeep = (depth: number, limits: VariableLimits) =>
  new LimitError('maxVariablesDepth', limits.maxVariablesDepth, depth, 'The nesting depth of the variables (at least)',
    'No input of this API nests this deep: check the variables.');

/** Nesting of [ and { in a JSON text, outside strings; stops counting once past `stopAfter`. */
function jsonTextDepth(text: string, stopAfter: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      deepest = Math.max(deepest, ++depth);
      if (deepest > stopAfter) return deepest;
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return deepest;
}
