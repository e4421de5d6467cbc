import { EntityType } from './fixtures/fixture-schema';
import { EntityRow } from './graph-data';

/**
 * The one rule for an entity declared more than once — in two files of one report (a project in the 2022 review
 * and in the 2023 plan) or in two reports (低碳智造核 this year and next): it is one node if it is the same thing.
 * Its label, name and kind (kind, category, direction) must agree: any disagreement is a load error naming both
 * files. Its aliases are unioned, it is a headline indicator if either says so, and the first English name given
 * stands (English names are the curators' translations; the fixtures word some twice, e.g. "optimized"/"optimised"). What each declaration says about it (evidence, milestones, values) is kept by the
 * caller: unioned within a report, per document across reports.
 */

export interface Identity {
  label: EntityType;
  name: string;
  kind?: string;
  category?: string;
  direction?: string;
  nameEn?: string;
  aliases: string[];
  headline?: boolean;
  files: string[];
}

/** The fields that say what an entity is. */
const MUST_AGREE = ['label', 'name', 'kind', 'category', 'direction'] as const;

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

export function identityConflicts(id: string, a: Identity, b: Identity): string[] {
  const problems: string[] = [];
  const disagree = (field: string, x: unknown, y: unknown) =>
    problems.push(
      `${id} is declared twice and the declarations disagree: ${field} "${String(x)}" in ${a.files.join(', ')} ` +
        `but "${String(y)}" in ${b.files.join(', ')}`,
    );
  for (const field of MUST_AGREE) if (a[field] !== b[field]) disagree(field, a[field], b[field]);
  return problems;
}

/** The merged identity of two declarations of one id, or the problems that keep them apart. */
export function mergeIdentity<T extends Identity>(id: string, a: T, b: T): { merged: T; problems: string[] } {
  const merged: T = { ...a, aliases: union(a.aliases, b.aliases), files: union(a.files, b.files) };
  if (a.nameEn === undefined && b.nameEn !== undefined) merged.nameEn = b.nameEn;
  if (a.headline !== undefined || b.headline !== undefined) merged.headline = Boolean(a.headline || b.headline);
  return { merged, problems: identityConflicts(id, a, b) };
}

const identityOf = (row: EntityRow): Identity => ({ label: row.label, files: row.files, ...row.props });

/**
 * Entity rows of several reports merged by the rule above: one row per id, its documents and lookup keys
 * unioned, its first mention the earliest. Returns the rows and the problems (empty when all agree).
 */
export function mergeEntityRows(rows: EntityRow[]): { entities: EntityRow[]; problems: string[] } {
  const byId = new Map<string, EntityRow>();
  const problems: string[] = [];
  for (const row of rows) {
    const prior = byId.get(row.id);
    if (!prior) {
      byId.set(row.id, { ...row, props: { ...row.props } });
      continue;
    }
    const { merged, problems: found } = mergeIdentity(row.id, identityOf(prior), identityOf(row));
    problems.push(...found);
    const [a, b] = [prior.props, row.props];
    const mentions = [a.firstMention, b.firstMention].filter((n): n is number => typeof n === 'number');
    prior.files = merged.files;
    prior.props = {
      ...b,
      ...a,
      aliases: merged.aliases,
      ...(merged.nameEn !== undefined && { nameEn: merged.nameEn }),
      ...(merged.headline !== undefined && { headline: merged.headline }),
      documents: union(a.documents, b.documents),
      lookupKeys: union(a.lookupKeys ?? [], b.lookupKeys ?? []),
      firstMention: mentions.length ? Math.min(...mentions) : null,
    };
  }
  return { entities: [...byId.values()], problems };
}
