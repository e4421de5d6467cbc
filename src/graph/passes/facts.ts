import { MilestoneRow, ValueRow } from '../graph-data';
import { BuildContext } from './context';
import { Declared } from './declarations';

const whereOf = (entity: Declared) => `${entity.files.join(' + ')} (${entity.id})`;

/**
 * A project's or organization's stages by year: one milestone per (year, stage), quotes unioned when files
 * repeat it. A year up to the reviewed one is REPORTED, a later one PLANNED.
 */
export function milestoneRows(declared: Map<string, Declared>, periodReviewed: number, ctx: BuildContext): MilestoneRow[] {
  const rows: MilestoneRow[] = [];
  for (const entity of declared.values()) {
    const merged = new Map<string, { year: number; stage: string; quotes: string[] }>();
    for (const m of entity.timeline) {
      const key = `${m.year}:${m.stage}`;
      const prior = merged.get(key);
      merged.set(key, { year: m.year, stage: m.stage, quotes: [...new Set([...(prior?.quotes ?? []), ...m.evidence])] });
    }
    for (const [key, m] of merged) {
      const id = `${entity.id}@${ctx.documentId}:${key}`;
      const where = `${whereOf(entity)} timeline ${key}`;
      rows.push({
        id, ownerId: entity.id,
        props: { year: m.year, stage: m.stage, kind: m.year <= periodReviewed ? 'REPORTED' : 'PLANNED', documentId: ctx.documentId, ...ctx.cite(m.quotes, where) },
      });
      ctx.attach(id, m.quotes, where);
    }
  }
  return rows;
}

/** An indicator's values: one per (year, kind, value); a value two files repeat is one node. */
export function valueRows(declared: Map<string, Declared>, ctx: BuildContext): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const entity of declared.values()) {
    const seen = new Set<string>();
    for (const v of entity.values) {
      const id = `${entity.id}@${ctx.documentId}:${v.year}:${v.kind}:${v.value}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const where = `${whereOf(entity)} value ${v.year} ${v.kind}`;
      rows.push({
        id, indicatorId: entity.id,
        props: {
          year: v.year, kind: v.kind, value: v.value, unit: v.unit, qualifier: v.qualifier, documentId: ctx.documentId,
          ...ctx.cite(v.evidence, where),
        },
      });
      ctx.attach(id, v.evidence, where);
    }
  }
  return rows;
}
