import { readFileSync } from 'node:fs';

/**
 * A research query file: Cypher with its documentation in `//` comments and its parameters declared as
 * `// @param name default` (default: a JSON value such as null, false, 3, or bare text). Values given on the
 * command line (`--param name=value`) override the defaults; an undeclared one is an error, a typo is not silent.
 */

export interface QueryFile {
  text: string;
  params: Record<string, unknown>;
  /** The leading comment, for --help-like output. */
  description: string;
}

export class QueryFileError extends Error {
  readonly code = 'BAD_QUERY_FILE';
}

/** JSON when it parses (numbers, booleans, null), the text itself otherwise: 东核, 20+8, longgang-2022-2023:2.1. */
export function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function readQueryFile(path: string, given: Record<string, string> = {}): QueryFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new QueryFileError(`Cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Give a file such as cypher/research/co-mentions.cypher.`);
  }
  const params: Record<string, unknown> = {};
  for (const m of text.matchAll(/^\s*\/\/\s*@param\s+(\w+)(?:\s+(.*?))?\s*$/gm)) params[m[1]] = m[2] === undefined ? null : parseValue(m[2]);
  for (const [name, raw] of Object.entries(given)) {
    if (!(name in params)) {
      const known = Object.keys(params);
      throw new QueryFileError(`${path} has no parameter "${name}"; ${known.length ? `it takes: ${known.join(', ')}` : 'it takes none'}.`);
    }
    params[name] = parseValue(raw);
  }
  const description = (/^(?:\s*\/\/.*\n)+/.exec(text)?.[0] ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*\/\/ ?/, ''))
    .filter((l) => !l.startsWith('@param'))
    .join('\n')
    .trim();
  return { text, params, description };
}
