import { tinyContext } from '../helpers/tiny-document';

describe('BuildContext (evidence of a build)', () => {
  it('finds every passage a quote overlaps, and null for a quote not in the source', () => {
    const ctx = tinyContext();
    expect(ctx.passagesOf('低碳智造核承载力')).toEqual(['tiny:1.1#2']);
    expect(ctx.passagesOf('持续增强。宝龙科技城')).toEqual(['tiny:1.1#2', 'tiny:1.1#3']);
    expect(ctx.passagesOf('高碳智造核')).toBeNull();
  });

  it('cites a fact by its deduplicated quotes and the first passage of each, reporting a quote not in the source', () => {
    const ctx = tinyContext();
    expect(ctx.cite(['低碳智造核承载力', '低碳智造核承载力', '宝龙智造园建成'], 'here')).toEqual({
      evidence: ['低碳智造核承载力', '宝龙智造园建成'], passageIds: ['tiny:1.1#2', 'tiny:2.1#1'],
    });
    expect(ctx.problems).toEqual([]);
    ctx.cite(['高碳智造核'], 'a.yaml: entities[0]');
    expect(ctx.problems).toEqual(['a.yaml: entities[0]: evidence "高碳智造核" is not an exact substring of the source text']);
  });

  it('attaches one EVIDENCED_BY row per passage a quote overlaps', () => {
    const ctx = tinyContext();
    ctx.attach('strategy:x', ['持续增强。宝龙科技城'], 'here');
    expect(ctx.evidence).toEqual([
      { nodeId: 'strategy:x', passageId: 'tiny:1.1#2', quote: '持续增强。宝龙科技城', documentId: 'tiny' },
      { nodeId: 'strategy:x', passageId: 'tiny:1.1#3', quote: '持续增强。宝龙科技城', documentId: 'tiny' },
    ]);
  });
});
