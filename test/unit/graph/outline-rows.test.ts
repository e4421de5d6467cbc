import { outlineRows } from '../../../src/graph/passes/outline-rows';
import { TINY_META, TINY_SOURCE, tinyContext, tinyOutline } from '../helpers/tiny-document';

describe('outlineRows', () => {
  it('gives the document (without its source path), every section and passage, and evidences the document by its title', () => {
    const ctx = tinyContext();
    const rows = outlineRows({ meta: TINY_META, source: TINY_SOURCE }, tinyOutline(), ctx);
    expect(rows.documents).toEqual([{ id: 'tiny', props: expect.objectContaining({ title: TINY_META.title, sourceLength: TINY_SOURCE.length, source: undefined }) }]);
    expect(rows.sections.map((s) => [s.id, s.parentId ?? s.documentId])).toEqual([
      ['tiny:0', 'tiny'], ['tiny:1', 'tiny'], ['tiny:1.1', 'tiny:1'], ['tiny:2', 'tiny'], ['tiny:2.1', 'tiny:2'],
      ['tiny:glossary', 'tiny'], ['tiny:glossary.1', 'tiny:glossary'],
    ]);
    expect(rows.sections[2].props).toMatchObject({ parentId: 'tiny:1', documentId: 'tiny', kind: 'REVIEW' });
    expect(rows.passages).toHaveLength(7);
    expect(rows.passages[2]).toEqual({ id: 'tiny:1.1#2', sectionId: 'tiny:1.1', props: expect.objectContaining({ text: '低碳智造核承载力持续增强。', seq: 3, documentId: 'tiny' }) });
    expect(ctx.evidence).toEqual([{ nodeId: 'tiny', passageId: 'tiny:0#1', quote: TINY_META.title, documentId: 'tiny' }]);
  });
});
