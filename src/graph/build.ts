import { DocumentFixtures, FixtureError } from './fixtures/read';
import { GraphData } from './graph-data';
import { parseOutline } from './parse/outline';
import { BuildContext } from './passes/context';
import { mergeDeclarations } from './passes/declarations';
import { entityRows } from './passes/entities';
import { milestoneRows, valueRows } from './passes/facts';
import { glossaryTerms } from './passes/glossary';
import { definesRows, linkRows } from './passes/links';
import { withLookup } from './passes/lookup';
import { findMentions } from './passes/mentions';
import { nameIndex } from './passes/name-index';
import { outlineRows } from './passes/outline-rows';

export type { GraphData } from './graph-data';

/**
 * Turns one document's parsed outline and curated fixtures into plain rows for the loader, as a sequence of
 * named passes (src/graph/passes/, each unit-tested). Every check that can fail (a quote not in the source, a
 * reference that resolves to nothing or to two things, a link between the wrong kinds of entity, two
 * declarations of one id that disagree) fails here, all problems at once, before Neo4j is touched.
 */
export function buildGraph(fx: DocumentFixtures): GraphData {
  const outline = parseOutline(fx.source, fx.meta.id, { reviewed: fx.meta.periodReviewed, planned: fx.meta.periodPlanned });
  const ctx = new BuildContext(fx.meta.id, fx.source, outline.passages);

  const { documents, sections, passages } = outlineRows(fx, outline, ctx);
  const declared = mergeDeclarations(fx.files, ctx.problems);
  const glossary = glossaryTerms(outline.glossary, fx.files, ctx);
  const names = nameIndex(declared, glossary.entities, ctx.problems);
  const curated = entityRows(declared, ctx);
  const milestones = milestoneRows(declared, fx.meta.periodReviewed, ctx);
  const values = valueRows(declared, ctx);
  const relations = [...linkRows(fx.files, names, ctx), ...definesRows(glossary.terms, names, ctx)];
  const entities = withLookup([...glossary.entities, ...curated], ctx.evidence, outline.passages);
  const mentions = findMentions(outline.passages, names.byName);

  if (ctx.problems.length) throw new FixtureError([...new Set(ctx.problems)]);
  return { documents, sections, passages, entities, milestones, values, evidence: ctx.evidence, relations, mentions };
}
