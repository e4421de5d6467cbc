import type { Resolvers } from '../generated/resolvers';
import { Context } from '../context';
import { EvidenceRef, NodeRow, RowShapeError, str } from '../graph-rows';

/** Field resolvers of the report's structure: Document, Section, Passage, and the Evidence that points into it. */

/** A node every row refers to by a property (a section's document, a passage's section): missing is a bug. */
async function required(ctx: Context, id: string, what: string): Promise<NodeRow> {
  const node = await ctx.loaders.node.load(id);
  if (!node) throw new RowShapeError(`${what} points at a missing node ${id}`);
  return node;
}

const passageOf = (ref: EvidenceRef, ctx: Context) => required(ctx, ref.passageId, 'evidence');
const property = (n: NodeRow, key: string) => str(n[key], `${n.id}.${key}`);

export const documentResolvers: Pick<Resolvers, 'Document' | 'Section' | 'Passage' | 'Evidence' | 'Milestone' | 'IndicatorValue'> = {
  Document: {
    sections: (d, _, ctx) => ctx.loaders.sectionChildren.load(d.id),
  },
  Section: {
    parent: (s, _, ctx) => (s.parentId ? ctx.loaders.node.load(property(s, 'parentId')) : null),
    children: (s, _, ctx) => ctx.loaders.sectionChildren.load(s.id),
    passages: (s, _, ctx) => ctx.loaders.sectionPassages.load(s.id),
    document: (s, _, ctx) => required(ctx, property(s, 'documentId'), `section ${s.id}`),
  },
  Passage: {
    section: (p, _, ctx) => required(ctx, property(p, 'sectionId'), `passage ${p.id}`),
    document: (p, _, ctx) => required(ctx, property(p, 'documentId'), `passage ${p.id}`),
    mentions: (p, _, ctx) => ctx.loaders.passageMentions.load(p.id),
  },
  Evidence: {
    passage: (e, _, ctx) => passageOf(e, ctx),
    section: async (e, _, ctx) => required(ctx, property(await passageOf(e, ctx), 'sectionId'), 'evidence'),
    document: async (e, _, ctx) => required(ctx, property(await passageOf(e, ctx), 'documentId'), 'evidence'),
  },
  Milestone: {
    document: (m, _, ctx) => required(ctx, m.documentId, 'milestone'),
  },
  IndicatorValue: {
    document: (v, _, ctx) => required(ctx, v.documentId, 'indicator value'),
  },
};
