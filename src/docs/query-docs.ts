import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What docs/api.md's examples and docs/research-questions.md share: queries kept as docs/<dir>/*.graphql (the first
 * comment line is the title), each rendered with its real answer into a section between two markers that
 * `npm run docs` rewrites and a test re-checks.
 */

export interface QueryFile {
  file: string;
  title: string;
  query: string;
}

export function readQueryFiles(dir: string): QueryFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const title = /^#\s*(.+)$/m.exec(text)?.[1] ?? file;
      return { file, title, query: text.replace(/^#.*\n/gm, '').trim() };
    });
}

/** One query and its answer: a heading, the file it lives in, the query, the JSON answer folded away. */
export function renderQueryAnswer(heading: string, path: string, query: string, response: unknown): string {
  return [
    heading,
    '',
    `\`${path}\``,
    '',
    '```graphql',
    query,
    '```',
    '',
    '<details><summary>Answer</summary>',
    '',
    '```json',
    JSON.stringify(response, null, 2),
    '```',
    '',
    '</details>',
  ].join('\n');
}

/** A generated section of a doc, between its start and end markers. */
export class MarkedSection {
  constructor(
    readonly start: string,
    readonly end: string,
  ) {}

  wrap(parts: string[]): string {
    return `${this.start}\n\n${parts.join('\n\n')}\n\n${this.end}`;
  }

  /** The section as it stands in `doc`, markers included, or null when the markers are missing. */
  current(doc: string): string | null {
    const start = doc.indexOf(this.start);
    const end = doc.indexOf(this.end);
    return start >= 0 && end > start ? doc.slice(start, end + this.end.length) : null;
  }

  replace(doc: string, section: string, missing: string): string {
    const current = this.current(doc);
    if (!current) throw new Error(`${missing} (${this.start} … ${this.end})`);
    return doc.replace(current, () => section);
  }
}
