import { InferenceKind, Strength } from './fixtures/fixture-schema';

/**
 * Strength of evidence for one curated fact. A fact is text-backed when the report states it, or when it is read
 * only from a name written inside another name (宝龙水质净化厂 → 宝龙街道). A guess on a shared prefix (宝龙… →
 * 宝龙科技城), an item the fact is listed under, a venue, a reading of context: all stay INFERRED, so a client
 * asking for text-backed answers never gets them.
 */
export function strengthOf(basis: string, inferredFrom: InferenceKind | null | undefined): Strength {
  if (basis === 'EXPLICIT') return 'STATED';
  if (basis === 'INFERRED' && inferredFrom === 'PLACE_NAME_IN_NAME') return 'NAME_READ';
  return 'INFERRED';
}

export const TEXT_BACKED: readonly Strength[] = ['STATED', 'NAME_READ'];

/**
 * Whether one entity's name or alias is written inside the other's (either way round: a place inside a project's
 * name, a whole inside its part's name). Names of one character are too short to count.
 */
export function nameWithinName(a: readonly string[], b: readonly string[]): boolean {
  const inside = (outer: readonly string[], inner: readonly string[]) =>
    outer.some((o) => inner.some((i) => i.length >= 2 && o !== i && o.includes(i)));
  return inside(a, b) || inside(b, a);
}
