import { Row } from '../../neo4j/cypher';
import { Context, EvidenceRef, NodeRow } from '../loaders';

/** Field resolvers of the report's structure: Document, Section, Passage, and the Evidence that points into it. */

type Args = Record<string, unknown>;

async function passageOf(ref: EvidenceRef, ctx: Context): Promise<NodeRow> {
  const passage = await ctx.loaders.node.load(ref.passageId);
  if (!passage) throw new Error(`evidence points at a missing passage ${ref.passageId}`);
  return passage;
}

export const documentResolvers = {
  Document: {
    sections: (d: NodeRow, _: Args, ctx: Context) => ctx.loaders.sectionChildren.load(d.id),
  },
  Section: {
    parent: (s: NodeRow, _: Args, ctx: Context) => (s.parentId ? ctx.loaders.node.load(s.parentId as string) : null),
    children: (s: NodeRow, _: Args, ctx: Context) => ctx.loaders.sectionChildren.load(s.id),
    passages: (s: NodeRow, _: Args, ctx: Context) => ctx.loaders.sectionPassages.load(s.id),
    document: (s: NodeRow, _: Args, ctx: Context) => ctx.loaders.node.load(s.documentId as string),
  },
  Passage: {
    section: (p: NodeRow, _: Args, ctx: Context) => ctx.loaders.node.load(p.sectionId as string),
    document: (p: NodeRow, _: Args, ctx: Context) => ctx.loaders.node.load(p.documentId as string),
    mentions: (p: NodeRow, _: Args, ctx: Context) => ctx.loaders.passageMentions.load(p.id),
  },
  Evidence: {
    passage: (e: EvidenceRef, _: Args, ctx: Context) => passageOf(e, ctx),
    section: async (e: EvidenceRef, _: Args, ctx: Context) => ctx.loaders.node.load((await passageOf(e, ctx)).sectionId as string),
    document: async (e: EvidenceRef, _: Args, ctx: Context) => ctx.loaders.node.load((await passageOf(e, ctx)).documentId as string),
  },
  Milestone: {
    document: (m: Row, _: Args, ctx: Context) => ctx.loaders.node.load(m.documentId as string),
  },
  IndicatorValue: {
    document: (v: Row, _: Args, ctx: Context) => ctx.loaders.node.load(v.documentId as string),
  },
};
