import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAGE_VERBS } from '../graph/fixtures/stage-verbs';
import { ROOT } from '../paths';

/**
 * The generated parts of docs/data.md (counts, the inference table) and of fixtures/README.md (the verb → stage
 * table): written by `npm run docs` from the loaded graph and the code, checked by tests, never edited by hand.
 * Each part sits between `<!-- NAME:begin … -->` and `<!-- NAME:end -->`.
 */

export const DATA_DOC = join(ROOT, 'docs/data.md');
export const FIXTURES_README = join(ROOT, 'fixtures/README.md');

export interface BreakdownRow { label: string; part: string | null; count: number }
export interface RelationshipCountRow { type: string; basis: string | null; strength: string | null; count: number }

const BASES = ['EXPLICIT', 'INFERRED', 'DERIVED'] as const;
const STRENGTHS = ['STATED', 'NAME_READ', 'INFERRED'] as const;
const LABEL_ORDER = ['Project', 'Indicator', 'Strategy', 'Organization', 'District', 'GlossaryTerm', 'IndicatorValue', 'Milestone', 'Section', 'Passage', 'Document'];

const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
const cell = (n: number) => (n ? String(n) : '');

/** | relationship | explicit | inferred | derived | stated | name-read | inferred | for every curated and derived type. */
export function inferenceTable(rows: RelationshipCountRow[]): string {
  const facts = rows.filter((r) => r.basis !== null);
  const types = [...new Set(facts.map((r) => r.type))].sort((a, b) => sum(facts.filter((r) => r.type === b)) - sum(facts.filter((r) => r.type === a)) || a.localeCompare(b));
  const count = (pick: (r: RelationshipCountRow) => boolean) => sum(facts.filter(pick));
  const line = (name: string, of: (r: RelationshipCountRow) => boolean) =>
    `| ${name} | ${BASES.map((b) => cell(count((r) => of(r) && r.basis === b))).join(' | ')} | ${STRENGTHS.map((s) => cell(count((r) => of(r) && r.strength === s))).join(' | ')} |`;
  return [
    '| relationship | explicit | inferred | derived | strength: stated | name read | inferred |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...types.map((t) => line(t, (r) => r.type === t)),
    line('**all**', () => true).replace(/\| (\d+)/g, '| **$1**'),
  ].join('\n');
}

/** The label table (with the kinds of each) and the relationship table. */
export function countsTables(breakdown: BreakdownRow[], rels: RelationshipCountRow[]): string {
  const labels = [...new Set(breakdown.map((r) => r.label))].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const parts = (label: string) => breakdown.filter((r) => r.label === label && r.part !== null).sort((a, b) => b.count - a.count || String(a.part).localeCompare(String(b.part)));
  const labelLines = labels.map((label) => {
    const of = parts(label);
    const detail = of.length ? ` (${of.map((p) => `${p.count} ${p.part}`).join(', ')})` : '';
    return `| ${label} | ${sum(breakdown.filter((r) => r.label === label && (r.part !== null || !of.length)))}${detail} |`;
  });
  const types = [...new Set(rels.map((r) => r.type))].sort((a, b) => sum(rels.filter((r) => r.type === b)) - sum(rels.filter((r) => r.type === a)) || a.localeCompare(b));
  const relLines = types.map((t) => {
    const derived = sum(rels.filter((r) => r.type === t && r.basis === 'DERIVED'));
    return `| ${t} | ${sum(rels.filter((r) => r.type === t))}${derived ? ` (${derived} derived)` : ''} |`;
  });
  return ['| label | nodes |', '|---|---|', ...labelLines, '', '| relationship | count |', '|---|---:|', ...relLines].join('\n');
}

function order(label: string): number {
  const i = LABEL_ORDER.indexOf(label);
  return i < 0 ? LABEL_ORDER.length : i;
}

/** The verb → stage table of fixtures/README.md, from the code's table. */
export function stageVerbTable(): string {
  return ['| stage | verbs in the quote |', '|---|---|', ...Object.entries(STAGE_VERBS).map(([stage, verbs]) => `| \`${stage}\` | ${verbs.join('、')} |`)].join('\n');
}

/** The text between a part's markers (trimmed), or null when the markers are missing. */
export function generatedPart(doc: string, name: string): string | null {
  const m = new RegExp(`<!-- ${name}:begin[^>]*-->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(doc);
  return m ? m[1].trim() : null;
}

/** The document with a part's content replaced; throws when the markers are missing. */
export function replacePart(doc: string, name: string, content: string): string {
  const re = new RegExp(`(<!-- ${name}:begin[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(doc)) throw new Error(`the markers <!-- ${name}:begin --> … <!-- ${name}:end --> are missing`);
  return doc.replace(re, (_, begin: string, end: string) => `${begin}${content}\n${end}`);
}

export const readDoc = (path: string) => readFileSync(path, 'utf8');
