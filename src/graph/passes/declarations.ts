import { FixtureFile } from '../fixtures/read';
import { CuratedEntity } from '../fixtures/fixture-schema';
import { Identity, mergeIdentity } from '../merge';

type Milestone = Extract<CuratedEntity, { type: 'Project' }>['timeline'][number];
type Value = Extract<CuratedEntity, { type: 'Indicator' }>['values'][number];

/** One curated entity as declared in a report, its declarations in several files merged. */
export interface Declared extends Identity {
  id: string;
  evidence: string[];
  timeline: Milestone[];
  values: Value[];
}

export function declarationOf(entity: CuratedEntity, file: string): Declared {
  const base = { id: entity.id, name: entity.name, nameEn: entity.nameEn, aliases: [...entity.aliases], evidence: [...entity.evidence], files: [file] };
  switch (entity.type) {
    case 'Strategy':
    case 'District':
      return { ...base, label: entity.type, kind: entity.kind, timeline: [], values: [] };
    case 'Organization':
      return { ...base, label: entity.type, kind: entity.kind, timeline: [...entity.timeline], values: [] };
    case 'Project':
      return { ...base, label: entity.type, category: entity.category, timeline: [...entity.timeline], values: [] };
    case 'Indicator':
      return {
        ...base, label: entity.type, category: entity.category, direction: entity.direction, headline: entity.headline,
        timeline: [], values: [...entity.values],
      };
  }
}

/**
 * Every curated entity of a report, by id, in order of first declaration. An id declared in several files is
 * merged by the one rule (merge.ts); its evidence is unioned and its milestones and values gathered.
 */
export function mergeDeclarations(files: FixtureFile[], problems: string[]): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  for (const file of files) {
    for (const entity of file.data.entities) {
      const next = declarationOf(entity, file.path);
      const seen = declared.get(entity.id);
      if (!seen) {
        declared.set(entity.id, next);
        continue;
      }
      const { merged, problems: found } = mergeIdentity(entity.id, seen, next);
      problems.push(...found);
      declared.set(entity.id, {
        ...merged,
        evidence: [...new Set([...seen.evidence, ...next.evidence])],
        timeline: [...seen.timeline, ...next.timeline],
        values: [...seen.values, ...next.values],
      });
    }
  }
  return declared;
}
