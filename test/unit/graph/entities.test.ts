import { mergeDeclarations } from '../../../src/graph/passes/declarations';
import { entityRows } from '../../../src/graph/passes/entities';
import { file, gdp, hub, park, tinyContext } from '../helpers/tiny-document';

describe('entityRows', () => {
  it('gives one row per curated entity with its identity, aliases and document, evidenced by its quotes', () => {
    const ctx = tinyContext();
    const rows = entityRows(mergeDeclarations([file('a.yaml', { entities: [hub, park, gdp] })], ctx.problems), ctx);
    expect(rows).toEqual([
      { id: 'strategy:east-hub', label: 'Strategy', files: ['a.yaml'], props: { id: 'strategy:east-hub', name: '低碳智造核', nameEn: 'East Hub', kind: 'SPATIAL_STRATEGY', aliases: ['东核'], documents: ['tiny'] } },
      { id: 'project:baolong-park', label: 'Project', files: ['a.yaml'], props: { id: 'project:baolong-park', name: '宝龙智造园', category: 'INDUSTRIAL_PARK', aliases: [], documents: ['tiny'] } },
      {
        id: 'indicator:gdp-growth', label: 'Indicator', files: ['a.yaml'],
        props: { id: 'indicator:gdp-growth', name: '地区生产总值增速', category: 'ECONOMY', direction: 'GROWTH_RATE', headline: false, aliases: [], documents: ['tiny'] },
      },
    ]);
    expect(ctx.evidence.map((e) => [e.nodeId, e.passageId])).toEqual([
      ['strategy:east-hub', 'tiny:1.1#2'], ['project:baolong-park', 'tiny:1.1#3'], ['indicator:gdp-growth', 'tiny:2.1#2'],
    ]);
  });

  it('reports a quote not in the source, naming the files and the id', () => {
    const ctx = tinyContext();
    entityRows(mergeDeclarations([file('a.yaml', { entities: [{ ...hub, evidence: '高碳智造核' }] })], ctx.problems), ctx);
    expect(ctx.problems).toEqual(['a.yaml (strategy:east-hub): evidence "高碳智造核" is not an exact substring of the source text']);
  });
});
