import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { loadExamples } from '../docs/examples';
import { loadQuestions } from '../docs/questions';
import { ROOT } from '../paths';

/**
 * The operation names PlanGraph's own documents and clients use — the playground's tabs and docs/api.md's examples
 * (docs/examples/*.graphql), the research questions (docs/questions/*.graphql), the client code shown in
 * docs/api.md, and the explorer's queries (web/explore/*.ts) — read once at start. /metrics labels requests by these
 * names and counts every other name as `other`: names come from clients, and a label per name would let anyone grow
 * the metrics without bound (issue 16: 100 random names used up every label the old first-come list had).
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Operation names written in code or prose: `query Name`, `mutation Name`. */
const IN_CODE = /\b(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]{0,63})\s*[({]/g;
/** At most this many labels, whatever the documents hold (today ~15). */
export const MAX_KNOWN_OPERATIONS = 200;

function namesInDocument(text: string): string[] {
  try {
    return parse(text).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
  } catch {
    return [];
  }
}

/** Fenced code blocks of a Markdown file (```graphql, ```js …). */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

export function knownOperations(root = ROOT): Set<string> {
  const names: string[] = [];
  for (const { query } of [...loadExamples(), ...loadQuestions()]) names.push(...namesInDocument(query));
  const apiDoc = join(root, 'docs/api.md');
  if (existsSync(apiDoc)) {
    for (const block of codeBlocks(readFileSync(apiDoc, 'utf8'))) names.push(...[...block.matchAll(IN_CODE)].map((m) => m[1]));
  }
  const explorer = join(root, 'web/explore');
  if (existsSync(explorer)) {
    for (const file of readdirSync(explorer).filter((f) => f.endsWith('.ts')).sort()) {
      names.push(...[...readFileSync(join(explorer, file), 'utf8').matchAll(IN_CODE)].map((m) => m[1]));
    }
  }
  return new Set(names.filter((n) => NAME.test(n)).slice(0, MAX_KNOWN_OPERATIONS));
}
