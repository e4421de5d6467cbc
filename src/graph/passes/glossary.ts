import { FixtureFile } from '../fixtures/read';
import { EntityRow } from '../graph-data';
import { ParsedGlossaryEntry } from '../parse/outline';
import { BuildContext } from './context';

/** A glossary term as parsed, with what the curators say it defines (resolved later by the links pass). */
export interface GlossaryTerm {
  id: string;
  number: number;
  defines?: string;
  file: string;
  text: string;
}

/**
 * Glossary terms: the text and numbering come from the parsed 名词解释, the ids, English names, aliases and
 * `defines` from the curated registry. An entry without a curated id, or a curated number without an entry,
 * is a problem.
 */
export function glossaryTerms(
  entries: ParsedGlossaryEntry[],
  files: FixtureFile[],
  ctx: BuildContext,
): { entities: EntityRow[]; terms: GlossaryTerm[] } {
  const curated = new Map(files.flatMap((f) => f.data.glossary.map((g) => [g.number, { ...g, file: f.path }] as const)));
  const entities: EntityRow[] = [];
  const terms: GlossaryTerm[] = [];
  for (const entry of entries) {
    const term = curated.get(entry.number);
    if (!term) {
      ctx.problem(`glossary entry ${entry.number} (${entry.term}) has no curated id: add it to registry/glossary.yaml`);
      continue;
    }
    terms.push({ id: term.id, number: entry.number, defines: term.defines, file: term.file, text: entry.text });
    entities.push({
      id: term.id,
      label: 'GlossaryTerm',
      files: [term.file],
      props: {
        name: entry.term, term: entry.term, number: entry.number, definition: entry.definition, nameEn: term.nameEn,
        aliases: term.aliases, documents: [ctx.documentId],
      },
    });
    ctx.attach(term.id, [entry.text], `${term.file}: glossary ${entry.number}`);
  }
  for (const number of curated.keys()) {
    if (!entries.some((g) => g.number === number)) ctx.problem(`registry glossary number ${number} is not an entry of the 名词解释`);
  }
  return { entities, terms };
}
